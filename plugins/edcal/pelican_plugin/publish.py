"""Keep output/ public: only live articles stay in Pelican's lists.

Drafts, articles in review, scheduled (future-dated) and withheld articles are
taken out of every list Pelican builds pages, feeds, tags, categories,
authors and archives from, and out of the links between translations. They
remain in the plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from edcal.pelican_plugin.contents import to_article
from edcal.pelican_plugin.state import BuildState
from edcal.plan.status import article_state

_LISTED = ("articles", "translations", "hidden_articles", "hidden_translations")
_DRAFTS = ("drafts", "drafts_translations")


def keep_live_articles(generator: Any, state: BuildState) -> None:
    """Record every article in the build's state; leave only live ones to Pelican."""
    settings = generator.settings
    models = {}
    for name in (*_LISTED, *_DRAFTS):
        is_original = name in ("articles", "hidden_articles", "drafts")
        for content in getattr(generator, name):
            article = to_article(content, settings, is_original)
            if article is not None:
                models[content.source_path] = article
    state.articles = list(models.values())
    live = {path for path, article in models.items()
            if article_state(article, state.calendar, state.now).live}
    for name in (*_LISTED, *_DRAFTS):
        for content in getattr(generator, name):
            refs = static_references(content)
            if content.source_path in live:
                state.public_static |= refs
            else:
                state.private_static |= refs
    for name in _LISTED:
        setattr(generator, name, [c for c in getattr(generator, name) if c.source_path in live])
    for name in _DRAFTS:
        setattr(generator, name, [])
    for name in _LISTED:
        for content in getattr(generator, name):
            content.translations = [t for t in content.translations if t.source_path in live]
    # {filename} links to an unpublished article must not resolve to its future URL.
    generated = generator.context.get("generated_content", {})
    for key in [k for k, v in generated.items()
                if getattr(v, "source_path", None) in models and v.source_path not in live]:
        del generated[key]


def static_references(content: Any) -> set[str]:
    """Static files a content object shows: its ``image`` and its {static}/{attach} links."""
    refs = set()
    image = getattr(content, "image", None)
    if isinstance(image, str) and "://" not in image:
        refs.add(content_path(image))
    if getattr(content, "_content", None):
        refs |= {content_path(link) for link in content.get_static_links()}
    return refs


def keep_public_static(generator: Any, state: BuildState) -> None:
    """Leave out of output/ the images only unpublished articles or posts use.

    A file name like ``salon-2027.png`` would otherwise publish a scheduled
    article's subject before its date.
    """
    default_image = generator.settings.get("DEFAULT_IMAGE")
    if isinstance(default_image, str) and "://" not in default_image:
        state.public_static.add(content_path(default_image))  # shown by every page without an image
    private = (state.private_static | state.unpublished_media) - state.public_static
    if not private:
        return
    generator.staticfiles[:] = [
        static for static in generator.staticfiles
        if content_path(static.relative_source_path) not in private
    ]


def content_path(path: str) -> str:
    for prefix in ("{static}", "{attach}"):
        path = path.removeprefix(prefix)
    return path.replace("\\", "/").lstrip("/")


#: Never deleted from output/: a deployment repository's history (as Jekyll's ``keep_files``).
ALWAYS_KEPT = (".git", ".hg", ".svn")


def empty_output(settings: dict[str, Any], state: BuildState) -> None:
    """Empty output/ (but for ``ALWAYS_KEPT`` and ``OUTPUT_RETENTION``) before Pelican writes into it.

    Every build starts from an empty output/, so that an article taken back
    to draft, or dated later, does not stay online from an earlier build (nor
    its tag, author and category pages, nor its images). It happens once the
    articles are read and the plan is checked, so that a build stopped by an
    error leaves output/ as it was; Pelican's own ``DELETE_OUTPUT_DIRECTORY``
    empties it at the start of the run (it is turned off under edcal).

    :raises InputErrors: when output/ holds the site's folder or its content:
        emptying it would delete them.
    """
    from pelican.utils import clean_output_dir

    from edcal.errors import InputError, InputErrors
    from edcal.model.source import Source

    output = Path(settings["OUTPUT_PATH"]).resolve()
    site = state.site.resolve()

    def shown(path: Path) -> str:
        return path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)

    content = Path(settings["PATH"]).resolve()
    for path, what in ((site, "the site's folder"), (content, f"the content folder '{shown(content)}'")):
        if path.is_relative_to(output):
            raise InputErrors([InputError(
                Source("OUTPUT_PATH", 1, 1),
                f"found OUTPUT_PATH '{shown(output)}', which holds {what}; expected a folder of its own: "
                "edcal empties it before each build",
                "OUTPUT_PATH = 'output/' (list the files to keep there in OUTPUT_RETENTION)")])
    clean_output_dir(str(output), {*ALWAYS_KEPT, *(settings.get("OUTPUT_RETENTION") or ())})
