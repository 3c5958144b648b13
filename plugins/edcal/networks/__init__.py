"""Networks as data: the built-in registry (builtin.yaml) and how each network counts text."""
