"""Reading input bytes and the same-length normalisation every extractor reads.

``normalize`` maps each code point to exactly one code point, so an offset in
the normalised text is the same offset in the source and
``source[start:end] == text`` holds for spans found on either.
"""
from __future__ import annotations

import hashlib

# one code point in, one code point out
_SAME_LENGTH = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": " ",  # zero-width space
    "\ufeff": " ",  # stray BOM inside the text
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',  # double prime, used as a quote mark
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2012": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",  # minus sign
}
_TABLE = str.maketrans(_SAME_LENGTH)


def normalize(text: str) -> str:
    """Same-length normalisation: spaces, quote marks and dashes folded."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


class DecodeError(ValueError):
    """The input is not text this tool can read."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8, else cp1252 with a warning; a leading BOM is kept for
    ``pipeline.build_context``, which drops exactly one (a second is text: it stays, and spans with it).

    Raises DecodeError for binary data (NUL bytes or mostly control characters).
    """
    warnings: list[str] = []
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise DecodeError(f"not UTF-8 (invalid byte at offset {err.start}) nor cp1252") from None
        warnings.append(f"not UTF-8 (invalid byte at offset {err.start}); decoded as cp1252")
    sample = text[:65536]  # (a leading BOM stays: pipeline.build_context drops exactly one)
    if sample:
        bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
        if bad / len(sample) > 0.05:
            raise DecodeError("binary file (control characters), not text")
    return text, warnings
