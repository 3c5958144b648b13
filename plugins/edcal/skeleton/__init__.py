"""Files of a new site, written by `edcal init` (see edcal.commands.init)."""
