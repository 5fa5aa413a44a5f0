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

from spacy.attrs import IDX, LENGTH, SPACY

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


def _zone_sentences(doc, zs: int, ze: int, abbr, norm: str) -> list[tuple[int, int]]:
    """The sentences of the zone [zs, ze), whose tokens are `doc` (offsets relative to zs).

    The tokens are read as (offset, length, space after) from one array, their texts sliced from `norm`:
    making a spaCy Token object for every token cost more than the rest of the splitting."""
    rows = doc.to_array([IDX, LENGTH, SPACY]).tolist()
    hi = len(rows)
    out: list[tuple[int, int]] = []
    start = zs

    def text(k: int) -> str:
        o, n, _ = rows[k]
        return norm[zs + o:zs + o + n]

    i = 0
    while i < hi:
        o, n, _ = rows[i]
        if n and norm[zs + o + n - 1] in _STOPS:
            t = norm[zs + o:zs + o + n]
            if t == ".":
                is_end = not (i > 0 and not rows[i - 1][2] and _is_abbreviation(text(i - 1), abbr))
            else:
                is_end = t[-1] != "." or not _is_abbreviation(t, abbr)
            j = i + 1
            while j < hi and text(j) in _CLOSERS and not rows[j - 1][2]:
                j += 1
            if is_end and j < hi and rows[j - 1][2]:
                first = norm[zs + rows[j][0]]
                if first.isupper() or first.isdigit() or first in _OPENERS:
                    out.append((start, zs + rows[j - 1][0] + rows[j - 1][1]))
                    start = zs + rows[j][0]
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
        spans.extend(_zone_sentences(doc, zs, ze, abbr, ctx.norm))
    return spans
