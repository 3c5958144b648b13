"""The ambassadors' page: what staff may share from their own accounts, with words per network.

``planning/share/index.html`` stands alone, with its own copy of the assets and
images: it holds only what is online, so a site can hand that folder to every
employee (or publish it with ``ambassadors: publish:``) without the rest of
the planning site. Each suggestion has its words for each network, counted as
the network counts them, a button to copy them and a link to the network's
share form.
"""

from __future__ import annotations

from pathlib import Path

from edcal.networks.counting import RULE_DESCRIPTIONS
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import copy_assets, copy_media, environment

#: The page's folder in planning/ (and what ``ambassadors: publish:`` copies).
SHARE_FOLDER = "share"
FILENAME = f"{SHARE_FOLDER}/index.html"


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    target = folder / SHARE_FOLDER
    shares = plan.sharing.shares
    media = copy_media([s.image for s in shares if s.image], context, target)
    copy_assets(context, target)
    zone = plan.calendar.zone
    # The networks the page has words for, in the order they first appear: the filter's choices.
    networks = dict.fromkeys((t.network, t.network_name) for s in shares for t in s.texts)
    html = environment(context).get_template("share.html.j2").render(
        plan=plan, shares=shares, paused=plan.sharing.paused, media=media, networks=list(networks),
        online={s.id: s.online.astimezone(zone).date() for s in shares if s.online},
        descriptions=RULE_DESCRIPTIONS,
    )
    write_file(folder / FILENAME, html)
    return []
