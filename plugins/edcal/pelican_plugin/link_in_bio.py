"""The link-in-bio page in output/, written with the blog's theme (``link_in_bio.html``).

Its entries come with the plan's verdict (:func:`edcal.plan.link_in_bio.link_in_bio`, computed in the
plan's job); the page is written through Pelican's writer, staged and moved into output/ with the
blog's pages, so that a failed build leaves the last one in place and the sweep knows it as this
build's. It holds no "now": its bytes change only when its entries do.
"""

from __future__ import annotations

import posixpath
from typing import Any

from pelican.generators import Generator

from edcal.errors import InputError, InputErrors
from edcal.i18n import say
from edcal.model.article import content_path
from edcal.pelican_plugin import abort
from edcal.pelican_plugin.state import BuildState, state_of
from edcal.plan.link_in_bio import BioLink

#: The theme's template of the page.
TEMPLATE = "link_in_bio"


def page_file(folder: str) -> str:
    """Where the page is written in output/."""
    return posixpath.join(folder, "index.html")


class LinkInBioGenerator(Generator):  # type: ignore[misc]
    """Runs before the plan's generator moves the staged pages into output/."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        state = state_of(self.settings)
        settings = state.calendar.link_in_bio
        links = state.link_in_bio
        if settings is None or links is None:
            return
        try:
            template = self.get_template(TEMPLATE)
        except Exception:  # the site's theme has none: told at calendar.yaml's setting
            abort(InputErrors([InputError(
                settings.source or state.calendar.source,
                say("the theme has no template {name}.html for the link-in-bio page", name=TEMPLATE),
                say("copy themes/edcal/templates/link_in_bio.html into the theme (or an override "
                    "folder), or remove `link_in_bio:`"))]), self.settings)
        static = {content_path(str(s.relative_source_path)) for s in self.context.get("staticfiles") or ()}
        # An image Pelican does not copy (out of STATIC_PATHS) would be broken: the entry goes without.
        shown = tuple(link if link.image is None or link.image in static else link.without_image()
                      for link in links)
        save_as = page_file(settings.path)
        writer.write_file(save_as, template, self.context, relative_urls=self.settings.get("RELATIVE_URLS"),
                          url=save_as.removesuffix("index.html"), links=shown,
                          link_in_bio_title=settings.title, page_name=settings.path)


def public_images(links: tuple[BioLink, ...] | None, state: BuildState) -> tuple[BioLink, ...] | None:
    """The page's entries, each image published with it (a post that went out showed it), but for one
    that a page or an article not online shows (by ``image:``, ``{static}`` or its address): that entry
    goes without it. Before Pelican's static files are chosen (``keep_public_static``)."""
    if links is None:
        return None
    kept = []
    for link in links:
        if link.image is not None:
            path = content_path(link.image)
            private = path in state.private_static or path in state.private_addresses  # (`/images/a.png`)
            if private and path not in state.public_static:
                link = link.without_image()
            else:
                state.public_static.add(path)
        kept.append(link)
    return tuple(kept)
