"""One module per command; the CLI (:mod:`edcal.__main__`) imports them lazily."""
