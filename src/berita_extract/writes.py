"""Output files written whole or not at all, and durably."""
from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


# characters encoded and written at a time: a long record (tens of MB of JSON) is never copied whole
# into bytes, nor joined with its final newline
_CHUNK = 1 << 20


def write_atomic(path: Path, *parts: str) -> None:
    """Write the text `parts` (one after the other) to `path` so that no reader ever sees a half-written file,
    and durably: the file is fsynced before the rename and its directory after, so a crash leaves the old
    record or the new one. The temporary name carries the writer's pid (--resume removes those of writers
    that are gone)."""
    with _signals_deferred():  # Ctrl-C or SIGTERM between mkstemp and the rename would leave the temporary
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                for part in parts:
                    for i in range(0, len(part), _CHUNK):
                        fh.write(part[i:i + _CHUNK])
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, _MODE)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def _signals_deferred():
    """SIGINT and SIGTERM held back for the few milliseconds of one write, then delivered."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    old = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the file itself is synced
    finally:
        os.close(fd)


def check_writable(directory: Path) -> None:
    """Raise OSError now when no output file can be written in `directory` (found once, up front)."""
    with _signals_deferred():
        fd, tmp = tempfile.mkstemp(prefix=f".write-test.{os.getpid()}.", suffix=".tmp", dir=directory)
        os.close(fd)
        os.unlink(tmp)
