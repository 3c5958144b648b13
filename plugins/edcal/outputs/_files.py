"""Writing output files: UTF-8, folders created, nothing else."""

from __future__ import annotations

from pathlib import Path


def write_file(path: Path, data: str | bytes) -> None:
    """Write a file of an output, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
