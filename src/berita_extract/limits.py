"""Bounds on one article and on what reaches the terminal: time budget, sizes, ids, printable labels.

A batch must never hang on one input: ``budget(seconds)`` stops an extraction that runs longer than
``--max-seconds`` (SIGALRM; spaCy is only ever called on bounded pieces, see nlp.py, so the alarm
gets through), and the article is reported as ``PATH: gave up after N s`` while the batch goes on.
"""
from __future__ import annotations

import contextlib
import math
import signal
import threading
import unicodedata
from typing import Optional

DEFAULT_MAX_SECONDS = 120  # a normal article takes 10 ms, an 8 MB one about a minute
ID_MAX_BYTES = 200  # file names are at most 255 bytes: <id>.json and its temporary name must fit


class GaveUp(BaseException):
    """The article's time budget ran out (a BaseException: no step's `except Exception` swallows it)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C (workers stopped, no half-written file), exit status 143."""


@contextlib.contextmanager
def budget(seconds: Optional[float]):
    """Raise GaveUp in the block once `seconds` have passed (main thread only; None or 0: no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def ring(signum, frame):
        raise GaveUp(seconds)

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def gave_up(seconds: float) -> str:
    return f"gave up after {seconds:g} s (raise the limit with --max-seconds)"


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what} must be a number, not {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number, 0 (no limit) or more, not {text!r}")
    return value


def megabytes(text: str) -> Optional[int]:
    """--max-mb: megabytes (10^6 bytes) of input, as a byte count; 0 is no limit."""
    return int(_number(text, "--max-mb") * 1_000_000) or None


def seconds(text: str) -> Optional[float]:
    """--max-seconds: the time budget of one article; 0 is no limit."""
    return _number(text, "--max-seconds") or None


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029"


def printable(text: str) -> str:
    """`text` with control and format characters escaped (\\x1b, \\u202e): a file name or an article cannot
    drive the terminal through a message."""
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape", "backslashreplace").decode("ascii") if _unsafe(ch) else ch
                   for ch in text)


def id_problem(s: str) -> Optional[str]:
    """Why `s` cannot name an output file <id>.json, or None."""
    if any(_unsafe(ch) for ch in s):
        return "control or format characters"
    try:
        size = len(s.encode("utf-8"))
    except UnicodeEncodeError:
        return "not valid Unicode (a lone surrogate)"
    if size > ID_MAX_BYTES:
        return f"longer than {ID_MAX_BYTES} bytes ({size} bytes in UTF-8)"
    return None
