"""Standard output that fails once, politely: a full disk (ENOSPC), a closed stdout or any other write
error is reported once as ``stdout: reason`` and the batch goes on (its -o files are still written; the exit
status says 1). A reader that went away (EPIPE, ``| head``) still stops the command quietly.
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Optional


class Stdout:
    def __init__(self, say: Callable[[str], None]):
        self.say = say
        self.failed: Optional[str] = None

    def write(self, text: str) -> None:
        if self.failed is not None:
            return
        if sys.stdout is None:
            self._fail("closed (Bad file descriptor)")
            return
        try:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as err:  # ValueError: the stream object itself was closed
            self._fail(getattr(err, "strerror", None) or str(err) or type(err).__name__)

    def flush(self) -> None:
        if self.failed is None and sys.stdout is not None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except (OSError, ValueError) as err:
                self._fail(getattr(err, "strerror", None) or str(err))

    def _fail(self, reason: str) -> None:
        self.failed = reason
        self.say(f"stdout: {reason}; nothing more is written there")
        silence()


def silence() -> None:
    """Point fd 1 at /dev/null, so that the interpreter's last flush of what is buffered cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    if sys.stdout is not None:
        try:
            buf = sys.stdout.buffer
            # drop what the failed write left in the buffer: it would be written to /dev/null anyway
            buf.flush()
        except (OSError, ValueError):
            pass
