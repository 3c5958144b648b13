"""Writing output files: UTF-8, folders created, nothing else."""

from __future__ import annotations

from pathlib import Path

#: Folders already created in this process (thousands of drafts share a few folders).
_made: set[Path] = set()


def write_file(path: Path, data: str | bytes) -> None:
    """Write a file of an output, creating its folder."""
    folder = path.parent
    if folder not in _made:
        folder.mkdir(parents=True, exist_ok=True)
        if len(_made) > 10_000:  # a long `edcal serve` session stages a new folder per build
            _made.clear()
        _made.add(folder)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
