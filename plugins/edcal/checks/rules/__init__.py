"""The rules, one small function each (see edcal.checks.registry)."""
