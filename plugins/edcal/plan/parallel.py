"""Composition split over processes, for the commands that resolve a plan and exit.

Composing posts (rendering each draft template, counting it the network's
way) is most of resolving a large plan, and each post is independent. With
more than one process (``EDCAL_JOBS``), :func:`resolve_split` forks helpers
that resolve the same plan from the same memory, each composing its share of
the posts (every n-th one, in resolution order), and takes their composed
items back. The result is the plan one process resolves: same items, same
order, same texts (tests/test_parallel.py compares them).

Nothing here is needed for correctness: a helper that fails or is killed
only costs time, since the missing posts are then composed here, and errors
(an unknown slug, a broken template) are reported by this process as if it
had worked alone.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable
from typing import Any

from edcal.model.plan import Item, Plan

#: Fewer posts than this are composed in one process: forking would cost more than it saves.
MIN_POSTS = 400

Resolve = Callable[[tuple[int, int] | None], Plan]


def resolve_split(resolve: Resolve, processes: int, posts: int) -> Plan:
    """The plan ``resolve(None)`` returns, composed by ``processes`` processes.

    :param resolve: resolves the plan, composing only the given ``(index, count)``
        share of the posts (all of them with ``None``).
    :param posts: an estimate of the posts to compose (below :data:`MIN_POSTS`, no fork).
    :raises InputErrors: as ``resolve(None)`` does.
    """
    count = min(processes, max(1, posts // MIN_POSTS))
    if count < 2 or not hasattr(os, "fork"):
        return resolve(None)
    context = multiprocessing.get_context("fork")
    helpers = []
    try:
        for index in range(1, count):
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(target=_compose_share, args=(resolve, (index, count), writer),
                                      name=f"edcal-compose-{index}", daemon=True)
            process.start()
            writer.close()
            helpers.append((process, reader))
        plan = resolve((0, count))
        composed: dict[str, Item] = {}
        for _process, reader in helpers:
            try:
                received = reader.recv()
            except (EOFError, OSError):
                received = None
            if received is None:  # the helper failed: compose everything here
                return resolve(None)
            composed.update((item.id, item) for item in received)
    finally:
        for process, reader in helpers:
            reader.close()
            if process.is_alive():
                process.terminate()
            process.join()
    plan.items = [composed.get(item.id, item) if not item.lengths else item for item in plan.items]
    return plan


def _compose_share(resolve: Resolve, share: tuple[int, int], writer: Any) -> None:
    """A helper: resolve the plan, send back the posts it composed (None when it failed)."""
    logging.disable(logging.CRITICAL)  # the main process reports what resolving says, once
    try:
        plan = resolve(share)
        writer.send([item for item in plan.items if item.lengths])
    except BaseException:  # any failure: the main process composes these posts itself
        with contextlib.suppress(OSError):  # the main process is gone or stopped listening
            writer.send(None)
    finally:
        writer.close()
