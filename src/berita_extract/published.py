"""The publication date of an article (Article.published): the day its relative dates are read against.

First found wins:
1. the input's metadata: a web page's (html_input.py, through trafilatura),
   a JSON line's ``published`` or ``date``, or the caller's ``published=``;
2. the page's publication stamp in the text ("Jumat, 20 Mei 2022 20:33 WIB"
   on a line of its own; layout.py keeps its parts as ``ctx.published``).

An ISO date (or an ISO date-time: its own calendar day, no time-zone shift) is
read as it is; anything else is a candidate string for dateparser
(dateparsing.py), day, month and year all required.  A value that gives no
date is no publication date, and says so in ``warnings``.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

import regex

from .model import Published

_ISO = regex.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]{1,15}(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def parse_day(raw: str) -> Optional[dt.date]:
    """The day a metadata value names ("2024-05-28", "2024-05-28T10:00:00+07:00", "Selasa, 28 Mei 2024")."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 80:
        return None
    m = _ISO.fullmatch(raw)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    from .dateparsing import stamp_date

    return stamp_date(raw)


def from_value(raw, source: str, field: Optional[str] = None, warnings: Optional[list] = None) -> Optional[Published]:
    """Published from a metadata value, or None (with a warning when the value names no day)."""
    if raw is None or raw == "":
        return None
    day = parse_day(raw) if isinstance(raw, str) else None
    if day is None:
        if warnings is not None:
            where = f"{field!r}" if field else source
            warnings.append(f"published: {where} {str(raw)[:80]!r} names no day; not used")
        return None
    return Published(value=day.isoformat(), source=source, field=field, text=raw)


def _from_stamp(ctx) -> Optional[Published]:
    stamp = getattr(ctx, "published", None)
    if not stamp:
        return None
    from .dates import _month, _valid

    if "iyear" in stamp:
        y, m, d = int(stamp["iyear"]), int(stamp["imon"]), int(stamp["iday"])
    else:
        y, m, d = int(stamp["year"]), _month(stamp.get("month") or stamp.get("mnum")), int(stamp["day"])
    if not _valid(y, m, d):
        return None
    s, e = stamp["span"]
    return Published(value=dt.date(y, m, d).isoformat(), source="page_stamp", text=ctx.source[s:e], span=(s, e))


def apply(ctx, given: Optional[Published]) -> None:
    """Set ctx.article.published: the metadata's, else the stamp's."""
    ctx.article.published = given or _from_stamp(ctx)


def day(ctx) -> Optional[dt.date]:
    p = ctx.article.published
    return dt.date.fromisoformat(p.value) if p is not None else None
