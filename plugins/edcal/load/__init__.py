"""Load: parse and validate calendar.yaml and articles, remembering file:line for every value."""
