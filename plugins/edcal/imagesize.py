"""Width and height of a PNG, JPEG, GIF or WebP file, read from its header.

Sharing cards need ``og:image:width`` and ``og:image:height``; the header
holds them, so no imaging library is needed to decode the picture.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

#: JPEG markers that start a frame and carry its size (SOF0-SOF15 but DHT, JPG, DAC).
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def image_size(path: Path) -> tuple[int, int] | None:
    """``(width, height)`` in pixels, or None for a missing file or an unknown format."""
    try:
        with path.open("rb") as file:
            head = file.read(32)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                return struct.unpack(">II", head[16:24])
            if head[:6] in (b"GIF87a", b"GIF89a"):
                return struct.unpack("<HH", head[6:10])
            if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
                return _webp_size(head)
            if head[:2] == b"\xff\xd8":
                file.seek(2)
                return _jpeg_size(file)
    except (OSError, struct.error):
        return None
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    return None


def _jpeg_size(file: BinaryIO) -> tuple[int, int] | None:
    """Walk the segments up to the first frame header (SOFn), which holds the size.

    A phone's portrait photo is often stored landscape with an EXIF orientation
    that turns it (5 to 8: a quarter turn): browsers and networks show it turned,
    so its size is given turned too.
    """
    orientation = None
    while True:
        marker = file.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind == 0xFF:  # fill byte before a marker
            file.seek(-1, 1)
            continue
        if kind in (0xD8, 0x01) or 0xD0 <= kind <= 0xD7:  # markers without a length
            continue
        length = struct.unpack(">H", file.read(2))[0]
        if kind in _JPEG_FRAMES:
            height, width = struct.unpack(">xHH", file.read(5))
            return (height, width) if orientation in (5, 6, 7, 8) else (width, height)
        if kind == 0xE1 and orientation is None:  # APP1: Exif
            orientation = _exif_orientation(file.read(length - 2))
            continue
        file.seek(length - 2, 1)


def _exif_orientation(segment: bytes) -> int | None:
    """The Orientation tag (0x0112) of an APP1 segment's first image directory, if any."""
    if not segment.startswith(b"Exif\0\0"):
        return None
    tiff = segment[6:]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    try:
        (directory,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[directory:directory + 2])
        for index in range(count):
            start = directory + 2 + 12 * index
            tag, _, _, value = struct.unpack(order + "HHI4s", tiff[start:start + 12])
            if tag == 0x0112:
                return int(struct.unpack(order + "H", value[:2])[0])
    except struct.error:
        return None
    return None
