"""The event date: the day the reported statement or meeting took place (Article.event_date).

One of the article's day dates (dates.py builds them; ``pairs`` are its candidates with
their items): the first of the lede (the dateline's paragraph, else the first body
paragraph), else the first of the body, else of the title.  Passed over: a date after
an as-of word ("per 31 Desember 2023" dates a figure) and a date of a letter or
document the story mentions ("menerima surat dari Disnaker pada 4 September 2025",
"SE tertanggal 3 Mei 2024"; patterns/dates.toml document_before); a joined day range
is no event date.  A weekday written alone counts once the page's publication stamp
has placed it (dates.py).
"""
from __future__ import annotations

from typing import Optional

from . import patterns
from .model import DateItem

NAME = "dates"


def pick(ctx, pairs: list) -> Optional[DateItem]:
    """The first day date of the lede, else of the body, else of the title (yearless ones included)."""
    as_of = patterns.compiled(NAME, "as_of_before")
    document = patterns.compiled(NAME, "document_before")

    def of_document(c) -> bool:
        zone = ctx.zone_of(c.start)
        lo = max(zone[0] if zone else 0, c.start - 200)
        return document.search(ctx.norm, lo, c.start, timeout=patterns.TIMEOUT) is not None

    days = [
        (c, it) for c, it in pairs if it.granularity == "day" and it.end is None
        and not as_of.search(ctx.norm, max(0, c.start - 30), c.start, timeout=patterns.TIMEOUT)
        and not of_document(c)
    ]  # "per 31 Desember 2023" is the date a figure holds for, a letter's date that of the letter
    if not days:
        return None
    title = ctx.article.title.span if ctx.article.title else None
    body = [z for z in ctx.zones if z != title]
    lede = None
    dl = ctx.article.dateline
    if dl is not None:
        for i, z in enumerate(body):
            if z[0] <= dl.span[0] < z[1]:
                lede = z if dl.span[1] < z[1] - 1 else (body[i + 1] if i + 1 < len(body) else z)
                break
    elif body:
        lede = body[0]
    for zone in ([lede] if lede else []) + body + ([title] if title else []):
        for c, it in days:
            if zone[0] <= c.start < zone[1]:
                return it.model_copy()
    return None
