"""Atomic file writes: a build that is interrupted leaves the previous document intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefgen.errors import RenderError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once: os.umask can only be read by setting it, which is not thread-safe at write time.
_UMASK = _umask()


def write_atomic(path: Path, data: bytes | str | Iterable[bytes | str]) -> None:
    """Write `data` (str is written as UTF-8; an iterable of pieces, such as a generator, one piece
    after the other) to `path` through a temporary file in the same folder.

    The temporary file is flushed to disk and then renamed over `path` with os.replace, so readers
    see either the old file or the complete new one, never a half-written document (nor one whose
    pieces stopped coming: an error while they are made leaves the old file). A file that already
    exists keeps its permissions; a new one gets the usual 0666 minus the umask.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in _pieces(data):
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise RenderError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise


_SLICE = 1 << 20  # characters of a long text encoded at a time, rather than a second copy of all of it


def _pieces(data: bytes | str | Iterable[bytes | str]) -> Iterator[bytes]:
    if isinstance(data, (bytes, bytearray, memoryview)):
        yield bytes(data)
        return
    pieces = (data[at : at + _SLICE] for at in range(0, len(data), _SLICE)) if isinstance(data, str) else data
    for piece in pieces:
        yield piece.encode("utf-8") if isinstance(piece, str) else bytes(piece)
