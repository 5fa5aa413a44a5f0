"""The frame a number is stated in: period, segment and region.

Indonesian news states a frame once ("Sementara untuk Bulan Mei 2024, ...",
"Untuk pekerja bukan penerima upah ...", "di Kota Kediri") and then lists
numbers, so each frame carries forward inside a paragraph until the text
changes it.  ``zone_events`` lists, per body zone, every place where a frame
changes; ``FrameWalker`` replays them up to a position.

The cue words live in patterns/facts.toml.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import regex

from . import patterns as P
from . import prefilter

NAME = "facts"
AMBIGUOUS = "\x00ambiguous"  # a frame naming two regions at once ("Kota dan Kabupaten Kediri")

SEGMENT_KEYS = (
    ("seg_bukan_penerima_upah", "bukan_penerima_upah"),
    ("seg_penerima_upah", "penerima_upah"),
    ("seg_pekerja_rentan", "pekerja_rentan"),
    ("seg_jasa_konstruksi", "jasa_konstruksi"),
    ("seg_total", "total"),
)
_ABBREV = {"PU": "penerima_upah", "BPU": "bukan_penerima_upah"}
_BOTH = {"penerima_upah", "bukan_penerima_upah"}


def rx(key: str) -> regex.Pattern:
    if key == "seg_abbrev":
        return P.compiled(NAME, key, regex.VERSION1)
    return P.compiled(NAME, key)


def search_all(key: str, text: str, pos: int = 0, endpos: Optional[int] = None) -> list:
    """Every match of rule `key` in text[pos:endpos]; a range where the rule's start prefilter
    (patterns/facts.toml [starts]) finds no place to begin is answered without a search."""
    if endpos is None:
        endpos = len(text)
    first = prefilter.starts(NAME, key)
    if first is not None:
        scan = prefilter.scanner(text)
        if scan.lowered and scan.is_ascii(pos, endpos):
            a = scan.first_start(first, pos, endpos)
            if a is None:
                return []
            pos = a
    return list(P.finditer(rx(key), text, pos, endpos))


_FIRST: dict = {}


def search_first(key: str, text: str, pos: int, endpos: int):
    """``rx(key).search(text, pos, endpos)``, remembered: an attempt at a position does not depend on where
    the search started, so the first match at or after `pos` is still the answer for any later `pos` up to
    it (and no match stays no match). Numbers of a sentence ask in text order: linear, not quadratic."""
    memo = _FIRST.get((key, endpos))
    if memo is not None and memo[0] is text and memo[1] <= pos and (memo[2] is None or memo[2].start() >= pos):
        return memo[2]
    m = rx(key).search(text, pos, endpos, timeout=P.TIMEOUT)
    if len(_FIRST) > 64:
        _FIRST.clear()
    _FIRST[(key, endpos)] = (text, pos, m)
    return m


_SENT: dict = {}


def search_sentence(key: str, text: str, ss: int, se: int) -> list:
    """``search_all(key, text, ss, se)`` of one sentence, found once however many numbers ask."""
    memo = _SENT.get(key)
    if memo is not None and memo[0] is text and memo[1] == (ss, se):
        return memo[2]
    found = search_all(key, text, ss, se)
    _SENT[key] = (text, (ss, se), found)
    return found


# -- segments --------------------------------------------------------------
def segment_matches(text: str, pos: int, endpos: int) -> list[tuple[int, int, Optional[str]]]:
    """(start, end, segment) of every segment cue in text[pos:endpos], leftmost-longest, no overlaps; two
    groups named together ("baik formal maupun non formal") are one cue of no segment."""
    found = []
    for key, seg in SEGMENT_KEYS:
        for m in search_all(key, text, pos, endpos):
            found.append((m.start(), m.end(), seg))
    for m in search_all("seg_abbrev", text, pos, endpos):
        found.append((m.start(), m.end(), _ABBREV[m.group(0)]))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out, last_end = [], -1
    for s, e, seg in found:
        if s >= last_end:
            if out and {out[-1][2], seg} == _BOTH and rx("seg_both_gap").match(text, out[-1][1], s):
                out[-1] = (out[-1][0], e, None)  # "baik formal maupun non formal": all the workers, no one group
            else:
                out.append((s, e, seg))
            last_end = e
    return out


def segment_after(text: str, pos: int, endpos: int) -> Optional[tuple[int, int, str]]:
    """The segment written right after a number ("135.163 tenaga kerja formal"); (start, end, None) when two
    groups are named there together ("pekerja formal dan informal")."""
    m = rx("segment_after").match(text, pos, endpos, timeout=P.TIMEOUT)
    if not m:
        return None
    # read a little past it: "22.586 pekerja formal dan informal" names both groups, so no one group
    segs = [x for x in segment_matches(text, pos, min(endpos, m.end() + 40)) if x[0] < m.end()]
    return segs[-1] if segs else None


# -- periods ---------------------------------------------------------------
def is_event_date(ctx, d) -> bool:
    """A date written as the day of the event ("Selasa (28/5)", "Jumat"), not a frame."""
    s, e = d.span
    before = ctx.norm[max(0, s - 14):s]
    if d.text.lstrip().startswith("(") or before.rstrip().endswith("("):
        return True
    if d.granularity == "day" and (rx("weekday").search(d.text) or rx("weekday").search(before)):
        return True
    if d.granularity == "day" and not rx("written_year").search(d.text):
        return True  # "kemarin", "dua hari lalu", "28 Mei": the day something was said or done; a figure's
    return False     # day is written with its year ("per 31 Desember 2023")


def date_period(d) -> Optional[str]:
    """The period a date sets: its value; for a range its end ("dari tahun 2021 hingga per Mei 2024"
    -> "2024-05"): "hingga"/"sampai" state a figure as it stands at the range's close, and a period
    is one year, month or day (SPEC "Facts").  The range itself stays in ``dates``."""
    if d.end and not d.end.startswith("-"):
        return d.end
    if not d.value or d.value.startswith("-"):
        return None
    return d.value


def event_period(ctx) -> Optional[str]:
    ev = ctx.article.event_date
    if ev is not None and ev.value and not ev.value.startswith("-"):
        return ev.value
    return None


# -- regions ---------------------------------------------------------------
def region_mentions(ctx) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of region mentions that say where a number is: not office names.

    Computed once per article (every zone asks for it: once per zone would be quadratic)."""
    cached = ctx.__dict__.get("_region_mentions")
    if cached is None:
        cached = ctx.__dict__["_region_mentions"] = _region_mentions(ctx)
    return cached


def _region_mentions(ctx) -> list[tuple[int, int, str]]:
    out = []
    levels = {}
    dl = ctx.article.dateline.span if ctx.article.dateline else (0, 0)
    for r in ctx.article.regions or []:
        levels[r.name] = r.level
        for m in r.mentions:
            s, e = m.span
            if dl[0] <= s < dl[1]:  # where the news was filed, not what its numbers are about
                continue
            before = ctx.norm[max(0, s - 60):s]
            if rx("office_before").search(before) or rx("ranking_scope_before").search(before):
                continue  # an office's seat, or a ranking's scope ("tertinggi di Kalimantan Barat")
            if before.rstrip()[-2:].lower() == "di" and \
                    rx("speaker_place_before").search(ctx.norm, max(0, s - 200), s, timeout=P.TIMEOUT):
                continue  # "kata Kepala BPJS Ketenagakerjaan Makassar Rasidin di Makassar": where he spoke
            name = AMBIGUOUS if rx("joint_region_before").search(before) else r.name
            out.append((s, e, name))
    out.sort()
    # "Kabupaten Kutai Kartanegara (Kukar), Kalimantan Timur,": the province only locates the place
    kept, dropped = [], None
    for i, m in enumerate(out):
        if i and levels.get(m[2]) == "provinsi" and levels.get(out[i - 1][2]) in ("kota", "kabupaten") \
                and out[i - 1][1] <= m[0] and rx("locator_gap").fullmatch(ctx.norm, out[i - 1][1], m[0]):
            dropped = m
            continue
        if dropped is not None and m[2] == dropped[2] and dropped[1] <= m[0] and \
                rx("short_form_gap").fullmatch(ctx.norm, dropped[1], m[0]):
            dropped = m  # "Nusa Tenggara Timur (NTT)": the locator's short form in brackets
            continue
        kept.append(m)
    out = kept
    # one mention read as two regions ("Kota dan Kabupaten Kediri"): the number is about both
    merged: list[tuple[int, int, str]] = []
    for s, e, name in out:
        if merged and s < merged[-1][1] and merged[-1][2] != name:
            ps, pe, _ = merged[-1]
            merged[-1] = (ps, max(pe, e), AMBIGUOUS)
        elif not (merged and (s, e, name) == merged[-1]):
            merged.append((s, e, name))
    return merged


def main_region(ctx) -> Optional[str]:
    """The region the article is about: the most-mentioned city or regency (ties: none)."""
    levels = {r.name: r.level for r in ctx.article.regions or []}
    counts = Counter(n for _, _, n in region_mentions(ctx) if n != AMBIGUOUS and levels.get(n) in ("kota", "kabupaten"))
    if not counts:  # a province, when the body is about it: not only where the news was filed or said
        counts = Counter(
            n for s, e, n in region_mentions(ctx)
            if n != AMBIGUOUS and not rx("speech_place_before").search(ctx.norm, max(0, s - 80), s)
        )
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# -- the walk --------------------------------------------------------------
@dataclass
class Event:
    pos: int
    kind: str  # "period" | "segment" | "region"
    value: Optional[str]
    end: int
    now: bool = False  # a present-time word ("saat ini", "kini"): ends a frame, sets no period


def zone_events(ctx, zs: int, ze: int) -> list[Event]:
    """Every frame change inside one zone, in text order."""
    norm = ctx.norm
    ev: list[Event] = []
    date_spans = []
    for d in _within(_date_index(ctx), zs, ze):
        s, e = d.span
        if not (zs <= s and e <= ze):
            continue
        date_spans.append((s, e))
        if is_event_date(ctx, d):
            continue
        if rx("since_before").search(norm, max(zs, s - 70), s, timeout=P.TIMEOUT):
            ev.append(Event(s, "period", None, e))  # "sejak 2023": the start of a count that holds until now,
            continue                                 # so no period (SPEC "Period"); it still ends an earlier frame
        per = date_period(d)
        if per:
            ev.append(Event(s, "period", per, e))

    def overlaps_date(s, e):
        return any(a < e and s < b for a, b in date_spans)

    now = event_period(ctx)
    for m in search_all("present_time", norm, zs, ze):
        if not overlaps_date(*m.span()):
            ev.append(Event(m.start(), "period", None, m.end(), now=True))  # "saat ini": now, no period
    if now:
        for m in search_all("next_year", norm, zs, ze):
            if not overlaps_date(*m.span()):
                ev.append(Event(m.start(), "period", str(int(now[:4]) + 1), m.end()))
    for s, e, seg in segment_matches(norm, zs, ze):
        ev.append(Event(s, "segment", seg, e))
    for s, e, name in _within(_region_index(ctx), zs, ze):
        if zs <= s and e <= ze:
            ev.append(Event(s, "region", name, e))
    for m in search_all("national_scope", norm, zs, ze):  # "secara nasional": about no one region
        ev.append(Event(m.start(), "region", None, m.end()))
    ev.sort(key=lambda x: (x.pos, x.end))
    return ev


def _date_index(ctx) -> tuple:
    """The article's dates with their starts sorted once (every zone asks: a scan per zone would be quadratic)."""
    dates = ctx.article.dates or []
    cached = ctx.__dict__.get("_date_index")
    if cached is None or cached[0] is not dates:
        order = sorted(range(len(dates)), key=lambda i: dates[i].span[0])
        cached = ctx.__dict__["_date_index"] = (dates, [dates[i].span[0] for i in order], order)
    return cached


def _region_index(ctx) -> tuple:
    mentions = region_mentions(ctx)
    cached = ctx.__dict__.get("_region_index")
    if cached is None or cached[0] is not mentions:
        order = sorted(range(len(mentions)), key=lambda i: mentions[i][0])
        cached = ctx.__dict__["_region_index"] = (mentions, [mentions[i][0] for i in order], order)
    return cached


def _within(index: tuple, zs: int, ze: int) -> list:
    """The items starting in [zs, ze], in their original order (bisect over the sorted starts)."""
    items, starts, order = index
    picked = sorted(order[bisect.bisect_left(starts, zs):bisect.bisect_right(starts, ze)])
    return [items[i] for i in picked]


class FrameWalker:
    """The frame (period, segment, region) in force at a position of one zone."""

    def __init__(self, events: list[Event]):
        self.events = events
        self._pos = [e.pos for e in events]

    def before(self, pos: int, kind: str, start: int = -1) -> Optional[Event]:
        """The last event of `kind` that starts in [start, pos)."""
        i = bisect.bisect_left(self._pos, pos) - 1
        while i >= 0 and self.events[i].pos >= start:
            if self.events[i].kind == kind:
                return self.events[i]
            i -= 1
        return None

    def after(self, pos: int, endpos: int, kind: str, skip_now: bool = False) -> Optional[Event]:
        """The first event of `kind` starting in [pos, endpos); `skip_now`: not a present-time word."""
        i = bisect.bisect_left(self._pos, pos)
        while i < len(self.events) and self.events[i].pos < endpos:
            if self.events[i].kind == kind and not (skip_now and self.events[i].now):
                return self.events[i]
            i += 1
        return None
