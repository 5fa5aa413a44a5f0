"""(first cut) Sentence spans inside the body zones."""
from __future__ import annotations

import regex

_END = regex.compile(r'[.!?]+["\')]*(?=\s+["\'(]?[A-Z0-9])')


def split(ctx) -> list[tuple[int, int]]:
    out = []
    for zs, ze, text in ctx.iter_zones():
        start = 0
        for m in _END.finditer(text):
            out.append((zs + start, zs + m.end()))
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
        if start < len(text):
            out.append((zs + start, ze))
    return out
