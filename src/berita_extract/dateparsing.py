"""dateparser, on candidate strings only: counted relative dates and publication stamps.

The date patterns (patterns/dates.toml ``relative_count``) find "dua hari lalu",
"pekan lalu", "sebulan lalu", "3 hari lagi"; their parts are rewritten to the
canonical form dateparser reads in Indonesian ("2 hari lalu", "dalam 3 hari";
the word tables are in patterns/dates.toml) and parsed against a fixed base
day, so a relative expression becomes an offset (unit, n) that dates.py applies
to the article's reference day: one parser for the whole process, built on
first use, languages fixed to Indonesian, and no clock is ever read.

A publication stamp or a metadata date written other than as an ISO date
("Selasa, 28 Mei 2024 10:00 WIB", "13-09-2024 19:44 WIB") is parsed by the
same parser, day, month and year all required.  dateparser is imported only
when a string needs it, so an article without such a string never pays for it.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Optional

import regex

from . import patterns

NAME = "dates"
# the day relative expressions are parsed against: a Wednesday in mid-month, far from any article
BASE = dt.datetime(2001, 1, 17, 12, 0)
MAX_CHARS = 80
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # a stamp or a relative expression is short; anything longer is not one


@functools.lru_cache(maxsize=1)
def parser():
    """The one DateDataParser: Indonesian only, day first, all three parts required for a date."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["id"],
        settings={
            "RELATIVE_BASE": BASE,
            "DATE_ORDER": "DMY",
            "PREFER_LOCALE_DATE_ORDER": False,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
        },
    )


def _parse(text: str):
    if not text or len(text) > MAX_CHARS:
        return None
    try:
        return parser().get_date_data(text)
    except (ValueError, TypeError, OverflowError):
        return None


def stamp_date(text: str) -> Optional[dt.date]:
    """The day of a publication stamp or a metadata date, else None (a stamp writes its year:
    "kemarin" is no publication date)."""
    if not _YEAR.search(text):
        return None
    data = _parse(" ".join(text.split()))
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()


@functools.lru_cache(maxsize=None)
def _number(word: str) -> Optional[int]:
    if word.isdigit():
        return int(word)
    for key, words in patterns.load(NAME).get("words", {}).items():
        if key.startswith("rel_number_") and word.lower() in (w.lower() for w in words):
            return int(key[len("rel_number_"):])
    return None


def _canonical_unit(word: str) -> Optional[str]:
    """The unit word dateparser reads (hari, minggu, bulan, tahun) for a unit as written ("pekan")."""
    for unit, words in patterns.load(NAME).get("rel_unit_canonical", {}).items():
        if word.lower() in (w.lower() for w in words):
            return unit
    return None


_PERIOD = {"day": "day", "week": "week", "month": "month", "year": "year"}


def relative_of(groups: dict) -> Optional[dict]:
    """The offset of a relative_count match (its named groups: past num/se/unit/unit1, or ahead anum/ase/aunit/aunit1)."""
    ahead = groups.get("ahead") is not None
    p = "a" if ahead else ""
    unit = groups[f"{p}unit"] or groups[f"{p}unit1"]
    num = groups[f"{p}num"] or ("1" if groups[f"{p}se"] else None)
    return relative_offset(num, unit, ahead)


def relative_offset(number: Optional[str], unit: str, future: bool) -> Optional[dict]:
    """{"unit": day|week|month|year, "offset": n} for a counted relative expression's parts."""
    n = 1 if number is None else _number(number)
    canon = _canonical_unit(unit)
    if n is None or canon is None or not 0 < n <= 100:
        return None
    data = _parse(f"dalam {n} {canon}" if future else f"{n} {canon} lalu")
    if data is None or data.date_obj is None or data.period not in _PERIOD:
        return None
    got, period = data.date_obj, _PERIOD[data.period]
    if period in ("day", "week"):
        days = (got.date() - BASE.date()).days
        return {"unit": period, "offset": days // 7 if period == "week" else days}
    months = (got.year - BASE.year) * 12 + got.month - BASE.month
    return {"unit": period, "offset": months if period == "month" else months // 12}
