"""What every output is given: the plan, the checks' findings, where templates are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edcal.model.plan import Plan


@dataclass(frozen=True, slots=True)
class OutputContext:
    plan: Plan
    #: Findings of ``edcal check`` on this plan (shown beside drafts); may be empty.
    findings: tuple[Any, ...] = ()
    #: Template folders by kind ("planning", "drafts"), most specific first.
    template_folders: dict[str, tuple[Path, ...]] = field(default_factory=dict)
