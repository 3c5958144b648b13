"""Translations of the words edcal writes itself, one YAML file per language."""
