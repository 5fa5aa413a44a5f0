"""Dates: every date expression of the title and body, and the event date.

Candidates come from the regexes of patterns/dates.toml, run on the body
zones only; overlapping candidates keep the longest, and nothing inside a span
an earlier step claimed (a regulation reference) is read.  Every accepted span
is claimed so the numbers step does not read "2024" or "28/5" as a quantity.

Values are parsed from the matched groups (day, month from the month-name
lists, year): our candidates are already split into parts, so this is exact
and cheap.  dateparser (dateparsing.py) reads only what a table cannot list:
counted relative dates ("dua hari lalu", "pekan lalu", "3 hari lagi";
patterns: relative_count), as an offset from the reference day.

Order of resolution:
1. dates with a stated year;
2. day-month dates without one take a year the article names (any date
   expression with a stated year, title included; regulation years are not
   dates): with a stated weekday, the nearest such year on which the weekday
   falls (none: the year stays unknown, "--05-28"); without, the nearest one;
3. the event date (event_date.py): the first day date of the lede (not one after an as-of word:
   "per 31 Desember 2023" dates a figure) (the dateline's paragraph,
   else the first body paragraph), else the first day date of the body, else
   of the title (a day range counts); a date whose year stays unknown is not
   reported as the event date, but then relative dates stay unresolved;
4. two dates joined as a range ("dari tahun 2021 hingga per Mei 2024",
   "Senin (27/5) - Selasa (28/5)") become one item: ``value`` the first,
   ``end`` the second, the granularity of ``value``; year inference and the
   event date still see both dates (the join comes after step 2; a joined day
   range is no event date, like "28-30 Mei");
5. relative expressions ("hari ini", "Senin lalu", "dua hari lalu") against the
   publication date (``Article.published``, published.py), else the event date,
   else ``ctx.reference_date``; with none (or a yearless event date) they are
   not emitted; ``year_inferred`` true.  "pekan lalu": Monday to Sunday.

A weekday alone ("diterima di Magelang, Jumat.") is not a date: nothing tells
which week -- unless the page's publication date is known (its metadata, or
its stamp "Jumat, 20 Mei 2022 20:33 WIB", kept by layout.py): then a weekday
written as the day of the statement (patterns: weekday_bare) is the latest
such day on or before the stamp, ``year_inferred`` true, and can be the event
date.  "Minggu lalu" is last week, not last Sunday.

The event date is the day the statement or meeting took place: a day date
that dates a letter or document the story mentions (patterns:
document_before, "menerima surat dari Disnaker pada 4 September 2025") is
passed over, like an as-of date (event_date.py).
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Optional


from . import dateparsing, event_date, patterns, prefilter, published as pub
from .model import DateItem

NAME = "dates"
# every regex of [regexes] that yields a date, in order of preference on equal length
KEYS = (
    "weekday_paren", "numeric_dmy", "iso", "day_range", "day_month", "month_range",
    "year_part", "month_year", "month_only", "year_range", "year", "weekday_relative", "relative",
    "relative_count",
)


@dataclass
class _Cand:
    start: int
    end: int
    key: str
    day: Optional[int] = None
    month: Optional[int] = None
    year: Optional[int] = None
    weekday: Optional[int] = None
    end_day: Optional[int] = None
    end_month: Optional[int] = None
    end_year: Optional[int] = None
    back: int = 0  # the range starts in the year before its end year ("November-Februari 2025")
    granularity: str = "day"
    relative: Optional[dict] = None
    direction: int = 0
    inferred: bool = False


@functools.lru_cache(maxsize=None)
def _lookup(prefix: str) -> dict[str, int]:
    """Lower-cased word -> number for the lists month_NN / weekday_N."""
    out = {}
    for key, words in patterns.load(NAME).get("words", {}).items():
        if key.startswith(prefix) and key[len(prefix):].isdigit():
            for w in words:
                out[w.lower()] = int(key[len(prefix):])
    return out


def _month(word: Optional[str]) -> Optional[int]:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _lookup("month_").get(word.lower().rstrip("."))


def _weekday(word: Optional[str]) -> Optional[int]:
    return None if word is None else _lookup("weekday_").get(word.lower())


def _relative(text: str) -> Optional[dict]:
    data = patterns.load(NAME)
    low = " ".join(text.lower().split())
    for key, spec in data.get("relative", {}).items():
        if low in (w.lower() for w in patterns.words(NAME, key)):
            return spec
    return None


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    y = int(text)
    return 2000 + y if len(text) == 2 else y


def _valid(y: Optional[int], m: Optional[int], d: Optional[int]) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        dt.date(y or 2000, m, d)  # 2000 is a leap year: 29/2 stays possible without a year
    except ValueError:
        return False
    return True


def _year_part(part: str, ordinal: str) -> Optional[tuple[int, int]]:
    """First and last month of the n-th quarter / half ("triwulan III" -> 7, 9; "semester I" -> 1, 6)."""
    quarter = part.lower() in {w.lower() for w in patterns.words(NAME, "year_quarter")}
    size, n = (3 if quarter else 6), _lookup("ordinal_").get(ordinal.lower())
    if n is None or n * size > 12:
        return None  # "semester III" is a school term, not a half of the year
    return (n - 1) * size + 1, n * size


def _parse(key: str, m, start: int, end: int) -> Optional[_Cand]:
    g = m.groupdict()
    c = _Cand(start, end, key)
    if key == "relative_count":  # dateparser reads the canonical form of its parts
        c.relative = dateparsing.relative_of(g)
        if c.relative is None:
            return None
        c.granularity = "day" if c.relative["unit"] == "week" else c.relative["unit"]
        return c
    if key in ("weekday_relative", "relative"):
        if key == "relative":
            c.relative = _relative(g["rel"])
            if c.relative is None:
                return None
            c.granularity = c.relative["unit"]
        else:
            c.weekday = _weekday(g["wd"])
            c.direction = -1 if g["dir"].lower() in {w.lower() for w in patterns.words(NAME, "past_word")} else 1
        return c
    c.day = int(g["day"]) if g.get("day") else None
    c.month = _month(g.get("month"))
    c.year = _year(g.get("year"))
    c.weekday = _weekday(g.get("wd"))
    if key in ("year", "year_range"):
        c.granularity = "year"
        if key == "year_range":
            c.end_year = _year(g["year2"])
            if not c.year < c.end_year <= c.year + 50:
                return None
        return c
    if key == "year_part":  # "triwulan III 2024": the months it spans, as a month range
        c.granularity, c.end_year = "month", c.year
        months = _year_part(g["part"], g["ord"])
        if months is None:
            return None
        c.month, c.end_month = months
        return c
    if key in ("month_year", "month_only", "month_range"):
        c.granularity = "month"
        c.day = None
    if not _valid(c.year, c.month, c.day if key != "day_range" else int(g["day2"])):
        return None
    if key == "month_range":
        c.end_month, c.end_year = c.month, c.year
        c.month = _month(g["month1"])
        y1 = _year(g.get("year1"))
        if y1 is not None:
            c.back = c.end_year - y1
        elif c.month > c.end_month:
            c.back = 1
        if c.back < 0 or (c.back == 0 and c.month >= c.end_month):
            return None
    if key == "day_range":
        c.end_day, c.end_month, c.end_year = int(g["day2"]), c.month, c.year
        c.month = _month(g.get("month1")) or c.end_month
        c.day = int(g["day"])
        if not _valid(None, c.month, c.day):
            return None
        if (c.month, c.day) > (c.end_month, c.end_day):
            c.back = 1
        elif (c.month, c.day) == (c.end_month, c.end_day):
            return None
    return c


def _bare_weekdays(ctx, scan, published: dt.date) -> list[_Cand]:
    """Weekdays written alone as the day of the statement, placed in the stamp's week."""
    out = []
    pat = patterns.compiled(NAME, "weekday_bare")
    for zs, ze, _ in ctx.iter_zones():
        for m in scan.finditer(pat, None, zs, ze, False):
            s, e = m.span()
            wd = _weekday(m.group("wd"))
            if wd is None or ctx.is_claimed(s, e):
                continue
            day = published - dt.timedelta(days=(published.weekday() - wd) % 7)
            out.append(_Cand(s, e, "weekday_bare", day=day.day, month=day.month, year=day.year,
                             weekday=wd, inferred=True))
    return out


def _candidates(ctx) -> list[_Cand]:
    after_reg = patterns.compiled(NAME, "after_regulation_number")
    found = []
    scan = prefilter.scanner(ctx.norm)
    for zs, ze, _ in ctx.iter_zones():
        ascii_zone = ctx.norm.isascii() or ctx.norm[zs:ze].isascii()
        for key in KEYS:
            pat, first = patterns.compiled(NAME, key), prefilter.starts(NAME, key)
            for m in scan.finditer(pat, first, zs, ze, ascii_zone):
                s, e = m.span()
                if ctx.is_claimed(s, e):
                    continue
                if after_reg.search(ctx.norm, max(zs, s - 40), s, timeout=patterns.TIMEOUT):
                    continue
                c = _parse(key, m, s, e)
                if c is not None:
                    found.append(c)
    published = pub.day(ctx)
    if published is not None:
        found += _bare_weekdays(ctx, scan, published)
    rank = {k: i for i, k in enumerate(KEYS + ("weekday_bare",))}
    found.sort(key=lambda c: (-(c.end - c.start), c.start, rank[c.key]))
    kept: list[_Cand] = []
    taken: set[int] = set()  # positions of kept candidates: the overlap test stays linear in a long article
    for c in found:
        if not any(p in taken for p in range(c.start, c.end)):
            kept.append(c)
            taken.update(range(c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _stated_years(cands: list[_Cand]) -> list[tuple[int, int]]:
    out = []
    for c in cands:
        if c.relative is None and c.key not in ("weekday_relative", "weekday_bare") and c.year is not None:
            out.append((c.start, c.year))  # (a weekday placed by the stamp names no year)
            if c.end_year is not None and c.end_year != c.year:
                out.append((c.start, c.end_year))
            if c.back:
                out.append((c.start, c.year - c.back))
    return out


def _infer_year(c: _Cand, years: list[tuple[int, int]]) -> None:
    """Give a yearless day-month date the year the article names (SPEC "Dates")."""
    options = sorted(years, key=lambda py: (abs(py[0] - c.start), py[1]))
    for _, y in options:
        if c.weekday is not None and c.day is not None:
            try:
                if dt.date(y, c.month, c.day).weekday() != c.weekday:
                    continue
            except ValueError:
                continue
        elif c.day is not None and not _valid(y, c.month, c.day):
            continue
        c.year = y
        if c.end_month is not None:  # a day range without a year
            c.end_year, c.year = y, y - c.back
        c.inferred = True
        return


def _iso(y: Optional[int], m: Optional[int] = None, d: Optional[int] = None) -> str:
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else f"--{m:02d}"
    if m is None:
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"


def _item(ctx, c: _Cand, value: str, end: Optional[str] = None) -> DateItem:
    return DateItem(
        value=value, end=end, granularity=c.granularity, year_inferred=c.inferred,
        text=ctx.source[c.start:c.end], span=(c.start, c.end),
    )


def _absolute(ctx, c: _Cand) -> Optional[DateItem]:
    if c.key == "year":
        return _item(ctx, c, _iso(c.year))
    if c.key == "year_range":
        return _item(ctx, c, _iso(c.year), _iso(c.end_year))
    if c.key in ("month_range", "year_part"):
        return _item(ctx, c, _iso(c.end_year - c.back, c.month), _iso(c.end_year, c.end_month))
    if c.key == "day_range":
        start_year = None if c.end_year is None else c.end_year - c.back
        return _item(ctx, c, _iso(start_year, c.month, c.day), _iso(c.end_year, c.end_month, c.end_day))
    if c.granularity == "month":
        return _item(ctx, c, _iso(c.year, c.month))
    if c.year is not None and c.weekday is not None and not c.inferred:
        if dt.date(c.year, c.month, c.day).weekday() != c.weekday:
            ctx.article.warnings.append(
                f"weekday of {ctx.source[c.start:c.end]!r} does not fall on {_iso(c.year, c.month, c.day)}"
            )
    return _item(ctx, c, _iso(c.year, c.month, c.day))


def _padded(value: str) -> Optional[str]:
    """The first day a value covers ("2024" -> "2024-01-01"); none without a year."""
    if value.startswith("-"):
        return None
    return value + "-01-01"[len(value) - 4:]


def _join_ranges(ctx, pairs: list[tuple[_Cand, DateItem]]) -> list[tuple[_Cand, DateItem]]:
    """Two dates with only a range word between them (patterns: range_join) are one range item."""
    join = patterns.compiled(NAME, "range_join")
    out: list[tuple[_Cand, DateItem]] = []
    for c, it in pairs:
        if out:
            pc, pit = out[-1]
            a, b = _padded(pit.value), _padded(it.value)
            if pit.end is None and it.end is None and a and b and a < b and \
                    join.fullmatch(ctx.norm, pit.span[1], it.span[0], timeout=patterns.TIMEOUT):
                s, e = pit.span[0], it.span[1]
                ctx.claim(s, e)
                out[-1] = (pc, DateItem(
                    value=pit.value, end=it.value, granularity=pit.granularity,
                    year_inferred=pit.year_inferred or it.year_inferred, text=ctx.source[s:e], span=(s, e),
                ))
                continue
        out.append((c, it))
    return out


def _anchor(ctx, event: Optional[DateItem]) -> Optional[dt.date]:
    published = pub.day(ctx)
    if published is not None:
        return published
    if event is not None:
        return None if event.value.startswith("--") else dt.date.fromisoformat(event.value)
    if ctx.reference_date:
        return dt.date.fromisoformat(ctx.reference_date[:10])
    return None


def _resolve(ctx, c: _Cand, anchor: dt.date) -> DateItem:
    c.inferred = True
    if c.key == "weekday_relative":
        delta = (anchor.weekday() - c.weekday) % 7 or 7
        day = anchor - dt.timedelta(days=delta) if c.direction < 0 else anchor + dt.timedelta(days=(c.weekday - anchor.weekday()) % 7 or 7)
        return _item(ctx, c, day.isoformat())
    unit, off = c.relative["unit"], int(c.relative["offset"])
    if unit == "week":  # the whole week, Monday to Sunday
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=off)
        return _item(ctx, c, monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat())
    if unit == "day":
        return _item(ctx, c, (anchor + dt.timedelta(days=off)).isoformat())
    if unit == "month":
        n = anchor.year * 12 + anchor.month - 1 + off
        return _item(ctx, c, _iso(n // 12, n % 12 + 1))
    return _item(ctx, c, _iso(anchor.year + off))


def extract(ctx) -> list[DateItem]:
    cands = _candidates(ctx)
    for c in cands:
        ctx.claim(c.start, c.end)
    years = _stated_years(cands)
    for c in cands:
        if c.relative is None and c.key != "weekday_relative" and c.year is None and c.end_year is None:
            _infer_year(c, years)
    pairs = [(c, _absolute(ctx, c)) for c in cands if c.relative is None and c.key != "weekday_relative"]
    pairs = _join_ranges(ctx, sorted(pairs, key=lambda p: p[1].span))
    event = event_date.pick(ctx, pairs)
    # a yearless event date ("Selasa (28/5)", no year fits) is not reported, but it still is
    # the article's day: relative dates then stay unresolved rather than use the reference date
    ctx.article.event_date = event if event is not None and not event.value.startswith("--") else None
    anchor = _anchor(ctx, event)
    if anchor is not None:
        pairs += [(c, _resolve(ctx, c, anchor)) for c in cands if c.relative is not None or c.key == "weekday_relative"]
    pairs.sort(key=lambda p: p[1].span)
    return [it for _, it in pairs]
