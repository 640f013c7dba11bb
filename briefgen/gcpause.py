"""Pausing Python's cyclic garbage collector while a build holds its data.

A build of thousands of articles makes millions of small objects (the extractions, their quotes and
spans) that live to its end. Each time enough objects have been made, the collector looks for
reference cycles among all of them, and a warm build spent a third of its time doing so. The
model makes no cycles (frozen dataclasses, tuples, strings), so nothing is lost by pausing it;
memory is still freed as usual when the last reference to an object goes.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without cyclic collections; the collector is as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep_for_the_process() -> None:
    """Leave every object alive now out of all later collections (gc.freeze). For a process that keeps
    what it built until it exits (the command line after a build): otherwise the collector, running
    again, would go through the millions of objects made while it was paused, more than once."""
    gc.freeze()
