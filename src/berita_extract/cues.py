"""What a number counts, read from the cue words around it (patterns/facts.toml).

The concepts (workforce, participation, employers, beneficiaries, budget) and
the fact type each gives a number of a kind; the cues of a stretch of text; the
concept of a number's lead. facts.py reads numbers with these.
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

from . import frames as F

CONCEPTS = ("workforce", "participation", "rate", "employers", "beneficiaries", "budget")
KIND_TYPES = {
    "workforce": {"count": "workforce"},
    "participation": {"count": "participants", "percent": "coverage_rate"},
    "rate": {"percent": "coverage_rate"},  # "persentase ... 33%": a share, said of percents only
    "employers": {"count": "employers"},
    "beneficiaries": {"count": "beneficiaries", "money": "budget"},
    "budget": {"count": "beneficiaries", "money": "budget"},
}
TYPE_CONCEPT = {
    "workforce": "workforce",
    "participants": "participation",
    "coverage_rate": "participation",
    "coverage_target": "participation",
    "employers": "employers",
    "beneficiaries": "beneficiaries",
    "budget": "budget",
}
FACT_KINDS = ("percent", "count", "money", "number")


def kind(q) -> str:
    return "count" if q.kind == "number" else q.kind


def fits(concept: Optional[str], kind: str) -> bool:
    return concept is not None and kind in KIND_TYPES[concept]


def fact_type(concept: Optional[str], kind: str, target: bool) -> Optional[str]:
    if target and kind in ("percent", "count") and concept in (None, "participation", "rate"):
        return "coverage_target"
    if concept is None:
        return None
    return KIND_TYPES[concept].get(kind)


def cues(norm: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, concept) of the concept cues in norm[s:e], in text order."""
    out = []
    for c in CONCEPTS:
        for m in F.search_all(c, norm, s, e):
            out.append((m.start(), m.end(), c))
    out.sort()
    return out


def closest_before(sentence_cues, e: int, kind: str, unit_ok) -> Optional[str]:
    """``closest(cues(norm, ss, e), ...)`` read from the sentence's cues (``cues(norm, ss, se)``, found once):
    scanning the sentence again for every number in it was quadratic in a sentence of many numbers."""
    i = bisect.bisect_left(sentence_cues, (e,))
    while i:
        i -= 1
        cs, ce, c = sentence_cues[i]
        if ce <= e and fits(c, kind) and unit_ok(c):
            return c
    return None


def closest(cues, kind: str, unit_ok) -> Optional[str]:
    for cs, ce, c in reversed(cues):
        if fits(c, kind) and unit_ok(c):
            return c
    return None


def lead(norm: str, s: int, e: int, kind: str, unit_ok, after=None) -> tuple[Optional[str], bool]:
    """(concept, target) read from the lead: the fitting cue closest to the number.

    `after` (noun start, clause end): where a relative clause after the number can overrule the
    bare "ada N" workforce guess ("ada 86.200 pekerja konstruksi yang terdaftar")."""
    concept = closest(cues(norm, s, e), kind, unit_ok)
    if concept is None and kind == "count" and F.rx("workforce_before").search(norm, s, e, timeout=F.P.TIMEOUT):
        concept = "workforce"  # "ada sebanyak 667.892 tenaga kerja": only when nothing better is said
        if after is not None and F.rx("participation_after").match(norm, after[0], after[1]):
            concept = "participation"
    target = False
    tgt = F.search_all("target", norm, s, e)
    if tgt:
        last = tgt[-1]
        target = not F.search_all("present", norm, last.end(), e)
    return concept, target


def continues_target(norm: str, prev_lead_s: int, prev_start: int, lead_s: int, lead_e: int) -> bool:
    """The previous number was aimed at (a target cue in its lead) and this one is where the aim goes on
    to ("menargetkan penambahan 5 ribu ... sehingga mencapai 10 ribu"): an aim too."""
    if not F.rx("target_continuation").search(norm, max(lead_s, lead_e - 90), lead_e, timeout=F.P.TIMEOUT):
        return False
    tgt = F.search_all("target", norm, prev_lead_s, prev_start)
    return bool(tgt) and not F.search_all("present", norm, tgt[-1].end(), lead_e)


def units(q, key: str) -> bool:
    unit = (q.unit or "").lower().strip()
    return bool(unit) and any(unit == w or unit.startswith(w + " ") for w in F.P.words(F.NAME, key))


def counts_things(q) -> bool:
    """A count of places, things or people who are no workers ("lima kecamatan", "tiga pabrik", "dua anak"):
    never a fact of workers, so a cue after it still speaks of the count before it ("5.430 pekerja di lima
    kecamatan telah menjadi peserta").  A noun the numbers step reads open-class ("1.200 pecalang") may be."""
    if q.kind != "count" or not q.unit or units(q, "person_units") or units(q, "employer_units"):
        return False
    unit = q.unit.lower().strip()
    return units(q, "thing_units") or unit in _closed_nouns()  # a known noun of no workers; open ones may be


@functools.lru_cache(maxsize=1)
def _closed_nouns() -> frozenset:
    """The counted nouns the numbers step knows by name (patterns/units.toml)."""
    return frozenset(w.lower() for w in F.P.words("units", "counted"))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6 * max(1.0, abs(a))


def frame_period(norm: str, events, sentences) -> Optional[str]:
    """The period a paragraph states as the frame of a coverage statement: its one period, in a sentence
    that names coverage or its whole ("Cakupan kepesertaan ... hingga Juni 2024 belum merata").  A paragraph
    comparing periods ("Pada 2022 ... Sementara pada 2023 ...") frames none."""
    if len({ev.value for ev in events if ev.kind == "period" and ev.value}) != 1:
        return None
    out = None
    for ev in events:
        if ev.kind != "period" or ev.value is None:
            continue
        sent = next(((s, e) for s, e in sentences if s <= ev.pos < e), None)
        if sent and any(c in ("participation", "workforce") for _, _, c in cues(norm, *sent)):
            out = ev.value
    return out
