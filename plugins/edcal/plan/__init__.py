"""Plan: resolve relative dates, recurrences and freezes into concrete items."""

from edcal.plan.resolve import Site, resolve_plan

__all__ = ["Site", "resolve_plan"]
