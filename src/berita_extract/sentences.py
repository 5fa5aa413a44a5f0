"""Sentence spans inside the body zones (the headline and each unique paragraph).

Read from the tokens of each zone (``nlp.make_docs``, the lean Indonesian
tokenizer of nlp.py; one zone's Doc at a time, so memory does not grow with
the article's tokens): a sentence ends at a token ending in . ! or ? (closing
quote marks and brackets go with it) when white space and a capital, a digit
or an opening mark follow, unless the stop belongs to an abbreviation or an
initial ("No. 2", "H. Imam", "S.H.", "Rp. 5 juta"). A sentence never crosses a
paragraph. The abbreviations live in patterns/sentences.toml with examples.
"""
from __future__ import annotations

import functools

from . import patterns

_STOPS = ".!?"
_CLOSERS = {'"', "'", ")", "]"}
_OPENERS = "\"'(["


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(patterns.words("sentences", "abbreviations"))


def _is_abbreviation(word: str, abbr: frozenset[str]) -> bool:
    word = word.rstrip(".")
    return word in abbr or word.rsplit(".", 1)[-1] in abbr or (len(word) == 1 and word.isalpha())


def _zone_sentences(doc, zs: int, ze: int, abbr) -> list[tuple[int, int]]:
    """The sentences of the zone [zs, ze), whose tokens are `doc` (offsets relative to zs)."""
    hi = len(doc)
    out: list[tuple[int, int]] = []
    start = zs
    i = 0
    while i < hi:
        tok = doc[i]
        text = tok.text
        if text and text[-1] in _STOPS:
            if text == ".":
                prev = doc[i - 1] if i > 0 else None
                is_end = not (prev is not None and not prev.whitespace_ and _is_abbreviation(prev.text, abbr))
            else:
                is_end = text[-1] != "." or not _is_abbreviation(text, abbr)
            j = i + 1
            while j < hi and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            if is_end and j < hi and doc[j - 1].whitespace_:
                first = doc[j].text[0]
                if first.isupper() or first.isdigit() or first in _OPENERS:
                    end = zs + doc[j - 1].idx + len(doc[j - 1].text)
                    out.append((start, end))
                    start = zs + doc[j].idx
                    i = j
                    continue
        i += 1
    if start < ze:
        out.append((start, ze))
    return out


def split(ctx) -> list[tuple[int, int]]:
    if not ctx.zones:
        return []
    from .nlp import make_docs

    abbr = _abbreviations()
    spans: list[tuple[int, int]] = []
    for zs, ze, doc in make_docs(ctx.norm, ctx.zones):
        spans.extend(_zone_sentences(doc, zs, ze, abbr))
    return spans
