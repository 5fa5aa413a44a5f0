"""Reading input with bounds: a file is refused by its size before it is read, and only regular files are
read at all (a FIFO would block for ever, /dev/zero never ends); a stream (stdin, a JSON Lines line) is
read up to a byte cap. The cap is megabytes of input everywhere (``--max-mb``).
"""
from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO, Optional

CHUNK = 1 << 20


class InputError(OSError):
    """An input refused with a reason (the message is the `PATH: reason` the CLI prints)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


def too_large(max_bytes: int, size: Optional[int] = None) -> InputError:
    got = f"{size / 1e6:.1f} MB, more" if size is not None else "more"
    return InputError(f"too large: {got} than {max_bytes / 1e6:g} MB (raise the limit with --max-mb)")


def _kind(mode: int) -> Optional[str]:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a file"


def _check(st: os.stat_result, max_bytes: Optional[int]) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory")
    kind = _kind(st.st_mode)
    if kind is not None:
        raise InputError(f"not a regular file ({kind}): skipped")
    if max_bytes and st.st_size > max_bytes:
        raise too_large(max_bytes, st.st_size)


def open_regular(path: str, max_bytes: Optional[int] = None) -> BinaryIO:
    """Open a regular file for reading after checking its kind and size; never blocks (O_NONBLOCK: a FIFO
    that slipped in between the checks is still refused by fstat, not waited on)."""
    _check(os.stat(path), max_bytes)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(fd), max_bytes)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str, max_bytes: Optional[int] = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes` (None: no limit)."""
    with open_regular(path, max_bytes) as fh:
        return read_capped(fh, max_bytes)


def read_capped(fh: BinaryIO, max_bytes: Optional[int]) -> bytes:
    """All of a stream, or InputError when it holds more than `max_bytes` (reads at most one byte more)."""
    if not max_bytes:
        return fh.read()
    parts, size = [], 0
    while size <= max_bytes:
        part = fh.read(min(CHUNK, max_bytes + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > max_bytes:
        raise too_large(max_bytes)
    return b"".join(parts)


def read_line(fh: BinaryIO, max_bytes: Optional[int]) -> tuple[bytes, bool]:
    """(line, whole) of a JSON Lines file: a line longer than `max_bytes` is read past in chunks (never held)
    and comes back as (b"", False); at the end of the file (b"", True)."""
    if not max_bytes:
        return fh.readline(), True
    raw = fh.readline(max_bytes + 1)
    if len(raw) <= max_bytes or raw.endswith(b"\n") and len(raw) == max_bytes + 1:
        return raw, True
    while raw and not raw.endswith(b"\n"):
        raw = fh.readline(CHUNK)
    return b"", False
