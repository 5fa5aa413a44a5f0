"""(first cut) Article layout: paragraphs as non-empty lines."""
from __future__ import annotations

import regex

from .model import Paragraph

_LINE = regex.compile(r"[^\r\n]+")


def apply(ctx) -> None:
    paras = []
    for m in _LINE.finditer(ctx.source):
        s, e = m.span()
        while s < e and ctx.norm[s].isspace():
            s += 1
        while e > s and ctx.norm[e - 1].isspace():
            e -= 1
        if s < e:
            paras.append(Paragraph(index=len(paras), text=ctx.source[s:e], span=(s, e)))
    ctx.article.paragraphs = paras
    ctx.zones = [p.span for p in paras]
