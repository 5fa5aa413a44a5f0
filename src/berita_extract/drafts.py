"""A fact being read (facts.py): its number, concept and frame, and the article-wide passes over drafts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from . import cues as C
from . import frames as F


@dataclass
class Draft:
    q: int
    type: str
    concept: Optional[str]
    target: bool
    sent: tuple[int, int]
    zone: tuple[int, int]
    region: Optional[str] = None
    segment: Optional[str] = None
    period: Optional[str] = None
    details: dict = field(default_factory=dict)
    part_of: Optional["Draft"] = None
    budget: Optional["Draft"] = None
    baseline: bool = False
    no_region: Optional[str] = None  # the text says it is about no one region: "national" or "several"


class Told:
    """The facts stated so far that a later number may point back at, by (is percent, value): the position
    in the draft list of the last one of each value, and the values sorted (a scan of every fact so far
    for each number that points back was quadratic in a long article)."""

    def __init__(self) -> None:
        self._last: dict = {}  # (is percent, value) -> position of the last draft stated with it
        self._values: dict = {}  # is percent -> the values of _last, sorted

    def add(self, percent: bool, value: float, pos: int) -> None:
        if (percent, value) not in self._last:
            bisect.insort(self._values.setdefault(percent, []), value)
        self._last[(percent, value)] = pos

    def last(self, percent: bool, value: float) -> Optional[int]:
        """The position of the last draft stated with the same value (C.same_value), or None."""
        values = self._values.get(percent, [])
        near = 2e-6 * max(1.0, abs(value)) + 1e-9  # wider than C.same_value's tolerance, checked below
        lo, hi = bisect.bisect_left(values, value - near), bisect.bisect_right(values, value + near)
        return max((self._last[(percent, a)] for a in values[lo:hi] if C.same_value(a, value)), default=None)


def budget_details(qs, idx, by_q):
    """A budget keeps the duration its clause states ("untuk 5.600 peserta selama 3 bulan")."""
    current = None
    for i in idx:
        q = qs[i]
        d = by_q.get(i)
        if d is not None and d.type == "budget":
            current = d
        elif q.kind == "money":
            current = None
        elif q.kind == "duration" and current is not None and "duration" not in current.details:
            current.details["duration"] = q.value
            if q.unit:
                current.details["duration_unit"] = q.unit


def drop_title_repeats(ctx, qs, drafts: list[Draft]) -> list[Draft]:
    """A headline number the body states again is one fact, read from the body (whatever the
    headline's clipped words made of it: "Kartu Peserta kepada 3.250 Pekerja" is the body's
    "3.250 pekerja rentan yang iurannya dibayarkan")."""
    title = ctx.article.title
    if title is None:
        return list(drafts)
    ts, te = title.span
    body = [d for d in drafts if not (ts <= d.sent[0] < te)]
    keep = []
    for d in drafts:
        if ts <= d.sent[0] < te and any(
            qs[b.q].kind == qs[d.q].kind and C.same_value(qs[b.q].value, qs[d.q].value)
            for b in body
        ):
            continue
        keep.append(d)
    return keep


_GROUP_TYPES = ("participants", "beneficiaries", "budget", "coverage_target")


def article_group(ctx, qs, drafts: list[Draft]) -> None:
    """An article about one worker group (it names no other: "pekerja rentan" only) gives that group to its
    unlabelled counts of workers and budgets (SPEC "Segment"); a count whose noun names a group of its own
    ("2.001 orang kepling") and figures about all the workers of a region (rates, workforce) take none."""
    groups, lead = set(), set()
    title = ctx.article.title
    for n, (zs, ze, _) in enumerate(ctx.iter_zones()):
        found = {seg for key, seg in F.SEGMENT_KEYS if seg != "total" and F.search_all(key, ctx.norm, zs, ze)}
        groups |= found
        if n < (2 if title is not None else 1):
            lead |= found  # what the article is about: its headline and lede name the group
    if len(groups) != 1 or groups != lead:
        return
    group = groups.pop()
    for d in drafts:
        q = qs[d.q]
        if d.segment is not None or d.type not in _GROUP_TYPES or q.kind == "percent" or \
                (d.region is None and d.no_region != "several"):
            continue  # (a national figure in a local story is about all workers; several regions' are the story's)
        if q.kind == "count" and not F.rx("np_ends").match(ctx.norm, q.span[1]):
            continue
        d.segment = group
        d.details.setdefault("segment_from", "article")


def merge_restatements(qs, drafts: list[Draft]) -> list[Draft]:
    """One number, one fact: the same figure stated again (same type and value) whose frame agrees with,
    or only fills in, an earlier statement's is that statement's fact, with the fields either one gives."""
    keep: list[Optional[Draft]] = []
    by_value: dict[float, list[int]] = {}  # value -> indices into keep: no scan of every kept draft
    merged: dict[int, Draft] = {}  # id of a dropped draft -> the one that now stands for it
    for d in drafts:
        slots = by_value.setdefault(round(qs[d.q].value, 6), [])
        n = next((n for n in slots if _restates(keep[n], d)), None)
        if n is None:
            slots.append(len(keep))
            keep.append(d)
            continue
        same = keep[n]
        # the fact is read where it is stated most fully ("Coverage total Mei 2024 41,70 persen" over an
        # earlier "secara keseluruhan ... 41,7 persen"), so its sentence shows its fields; the other fills in
        told, other = (d, same) if _said(d) > _said(same) else (same, d)
        if other.type == "beneficiaries":
            told.type = "beneficiaries"  # "Pemkot ... melindungi 10.000 pekerja", then "10.000 pekerja terdaftar"
        if not told.no_region:  # "Kota dan Kabupaten Kediri ... 21,54 persen" stays about both when restated
            told.region = told.region or (None if other.no_region else other.region)
        told.segment = same.segment or d.segment  # of two groups naming one ("informal", "rentan"), the first said
        told.period = told.period or other.period
        told.details = {**other.details, **told.details}
        told.part_of = told.part_of or other.part_of
        if told.part_of is told or told.part_of is other:
            told.part_of = None
        keep[n] = told
        merged[id(other)] = told
    for d in keep:  # a part of the dropped statement is a part of the one kept
        while d.part_of is not None and id(d.part_of) in merged:
            d.part_of = merged[id(d.part_of)]
    return keep


def _said(d: Draft) -> int:
    return sum(x is not None for x in (d.region, d.segment, d.period))


_ONE_GROUP = {"pekerja_rentan", "bukan_penerima_upah"}  # vulnerable workers are informal (BPU) workers


def _restates(k: Draft, d: Draft) -> bool:
    """d states k's figure again: the same type (registered workers a government pays for are one
    figure, read either way, when stated in another sentence), the same region and period or one of
    them unsaid, and the same group (informal and vulnerable workers naming one group)."""
    if k.type != d.type and not ({k.type, d.type} == {"participants", "beneficiaries"} and k.sent != d.sent):
        return False
    if any(a is not None and b is not None and a != b for a, b in ((k.region, d.region), (k.period, d.period))):
        return False
    return k.segment is None or d.segment is None or k.segment == d.segment or \
        (k.sent != d.sent and {k.segment, d.segment} == _ONE_GROUP)
