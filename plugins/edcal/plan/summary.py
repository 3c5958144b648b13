"""What a build tells the person who ran it about the plan: counts, small enough to pass around."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from edcal.model.plan import Plan


@dataclass(frozen=True, slots=True)
class PlanSummary:
    items: int
    kinds: dict[str, int]
    #: Articles by status (published, scheduled, draft…).
    articles: dict[str, int]
    posts: int
    networks: tuple[str, ...]
    withheld: int
    #: Withheld posts still to come: a scheduler they were uploaded to before the freeze would post them.
    withheld_ahead: int
    #: Posts with a draft (not withheld), and those of them still to come.
    drafted: int
    upcoming: int


def summarize(plan: Plan) -> PlanSummary:
    posts = [i for i in plan.items if i.kind == "post"]
    drafted = [i for i in posts if i.status != "withheld"]
    ahead = [i for i in posts if i.start is not None and i.start >= plan.now]
    return PlanSummary(
        items=len(plan.items),
        kinds=dict(Counter(item.kind for item in plan.items)),
        articles=dict(Counter(item.status for item in plan.items if item.kind == "article")),
        posts=len(posts),
        networks=tuple(sorted({i.network for i in posts if i.network})),
        withheld=len(posts) - len(drafted),
        withheld_ahead=sum(1 for i in ahead if i.status == "withheld"),
        drafted=len(drafted),
        upcoming=sum(1 for i in ahead if i.status != "withheld"),
    )
