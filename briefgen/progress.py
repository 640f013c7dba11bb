"""A one-line progress bar on stderr for long builds, redrawn at most ten times a second.

It shows only on a terminal; the library reports progress through a callback and never prints.
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

REDRAW_EVERY = 0.1  # seconds
BAR_WIDTH = 30


class ProgressBar:
    """Call with (stage, done, total); `close()` erases the line. Does nothing when not enabled."""

    def __init__(self, stream: TextIO, enabled: bool = True, clock=time.monotonic):
        self.stream = stream
        self.enabled = enabled
        self.clock = clock
        self.drawn_at: float | None = None
        self.stage: str | None = None
        self.width = 0  # of the line last drawn, to erase it

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = self.clock()
        new_stage = stage != self.stage
        finished = done >= total
        if not (new_stage or finished) and self.drawn_at is not None and now - self.drawn_at < REDRAW_EVERY:
            return
        self.stage, self.drawn_at = stage, now
        self._draw(format_line(stage, done, total, shutil.get_terminal_size((80, 24)).columns))

    def _draw(self, line: str) -> None:
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def format_line(stage: str, done: int, total: int, columns: int = 80) -> str:
    """ "extracting [#########.........]  3,100/10,000" cut to the terminal's width."""
    share = min(1.0, done / total) if total else 1.0
    filled = int(share * BAR_WIDTH)
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    line = f"{stage} [{bar}] {done:,}/{total:,}"
    return line[: max(0, columns - 1)]
