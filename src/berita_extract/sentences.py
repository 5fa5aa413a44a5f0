"""Sentence spans inside the body zones (the headline and each unique paragraph).

A sentence never crosses a paragraph.  The boundary rule and the
abbreviations that do not end a sentence live in patterns/sentences.toml.
"""
from __future__ import annotations

import functools

from . import patterns


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(patterns.words("sentences", "abbreviations"))


def split_text(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, shifted by offset."""
    out: list[tuple[int, int]] = []
    abbr = _abbreviations()
    start = 0
    for m in patterns.finditer(patterns.compiled("sentences", "end", 0), text):
        token = m.group("word").strip(".")
        if m.group("stop") == "." and not m.group("close"):
            # "No. 2", "S.H. mengatakan", "H. Imam": an abbreviation or an initial, not an end
            if token in abbr or token.rsplit(".", 1)[-1] in abbr or (len(token) == 1 and token.isalpha()):
                continue
        end = m.end()
        if text[start:end].strip():
            out.append((offset + start, offset + end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        out.append((offset + start, offset + len(text.rstrip())))
    return out


def split(ctx) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for zs, _ze, text in ctx.iter_zones():
        spans.extend(split_text(text, zs))
    return spans
