"""The frame of one fact being read (facts.py): its segment, period and region.

Segment: the group written right after the number ("12.345 pekerja rentan"), else the frame in force.
Period: a date right after the number's noun phrase ("9.300 orang tahun ini"), else one in its lead, else
one closing its clause (a fiscal year named with the paying source, "dana desa Tahun Anggaran 2025", anywhere
in the clause), else the frame carried in the paragraph, else the lede's.  Region: SPEC order (facts.py).
"""
from __future__ import annotations

import bisect
from typing import Optional

from . import frames as F
from . import payers
from .drafts import Draft


def frame(r, d: Draft, q, walker, lead_s, trail_e, clause_e, next_owns) -> None:
    """Segment, period and region of one draft, read from its clause and the frame in force (module docstring)."""
    norm = r.norm
    ss, se = d.sent
    # segment: written right after the number ("12.345 pekerja rentan": the noun with what follows it), else the frame
    start = noun_start(norm, q)
    head = shared_head(r, q)
    if head is not None:  # "2.400 dan 1.600 pekerja rentan melalui APBD 2025": the list's noun phrase and frame
        start, trail_e, clause_e, next_owns = noun_start(norm, head), max(trail_e, head.span[1] + 60), \
            max(clause_e, _clause_end(norm, head, se)), False
    after = F.segment_after(norm, start, trail_e)
    if after:
        d.segment = after[2]
    else:  # named before it in the sentence, else later in its own clause, else the paragraph's frame
        ev = walker.before(q.span[0], "segment", start=ss) or clause_segment(norm, q, walker, clause_e) \
            or walker.before(q.span[0], "segment")
        if ev is not None and lead_s <= ev.pos < q.span[0] and _owned_by_previous(r, q, ev, lead_s):
            ev = None  # "283.000 pekerja di sektor jasa konstruksi dan 4.000 pekerja migran": the group is the
            # number before's, and this one's own noun names a group of its own
        d.segment = ev.value if ev else None
    # period: a date right after the number's noun phrase ("9.300 orang tahun ini"), else one in the
    # lead, else one closing the number's clause, else the frame
    ev = walker.before(q.span[0], "period", start=lead_s)
    own = own_period(norm, q, walker, se)
    if own is not None and d.type == "budget" and F.rx("cover_until").match(norm, q.span[1], own.end):
        early = walker.before(q.span[0], "period", start=ss)  # "Di 2022 ... iuran Rp2,3 miliar sampai 2023": the
        own = early if early is not None and early.value else own  # cover lasts to 2023, the budget is 2022's
    if own is not None:
        ev = own  # a date right after the noun phrase is the number's own, over one in its lead
    if ev is None and not next_owns:
        ev = closing_period(norm, q, walker, clause_e)
    if ev is None:
        ev = walker.before(q.span[0], "period")
    d.period = ev.value if ev else r.carry
    # region (SPEC): where the counted workers are, right after the number ("4.187 nelayan di Kabupaten
    # Natuna"), else named in its own clause before it; for budgets and beneficiaries the government that
    # pays; else the sentence (before, else after the number), the frame, the article's one payer or region
    paid = d.type in ("budget", "beneficiaries")
    ev = np_region(r, q, walker, se) or respective(r, q, walker, ss, se) or region_before(norm, walker, q.span[0], lead_s)
    region = ev.value if ev else None
    if ev is None and paid:
        region = payers.payer_region(r.ctx, ss, se, q.span[0])
        if region is None and d.type == "budget":
            region = payers.article_payer(r.ctx)  # a budget is the paying government's
    if ev is None and region is None:
        said = [m.start() for key in ("attribution_start", "comparison_start")
                if (m := F.search_first(key, norm, q.span[1], se))]
        ev = walker.before(q.span[0], "region", start=ss) or \
            walker.after(q.span[1], min(said, default=se), "region") or walker.before(q.span[0], "region")
        region = ev.value if ev else ((paid and payers.article_payer(r.ctx)) or r.main)
    d.region = None if region == F.AMBIGUOUS else region
    d.no_region = "several" if region == F.AMBIGUOUS else ("national" if ev is not None and ev.value is None else None)
    if d.type == "coverage_target" and d.period and len(d.period) == 4 and d.period.isdigit():
        d.details["target_year"] = int(d.period)


def np_region(r, q, walker, se) -> Optional[F.Event]:
    """The region written right after the number's noun phrase ("4.187 nelayan di Kabupaten Natuna");
    a list of regions there ("di wilayah Sumbar, Riau, dan Kepri") is about none of them alone."""
    ev = walker.after(q.span[1], min(se, q.span[1] + 90), "region")
    if ev is None:
        return None
    if ev.value is None:  # "20 juta pekerja rentan di Indonesia": a national figure
        return ev if F.rx("np_gap").match(r.norm, noun_start(r.norm, q), ev.pos) else None
    if not F.rx("np_place_gap").match(r.norm, noun_start(r.norm, q), ev.pos):
        return None
    nxt = walker.after(ev.end, min(se, ev.end + 12), "region")
    if nxt is not None and nxt.value != ev.value and F.rx("region_list_gap").match(r.norm, ev.end, nxt.pos):
        return F.Event(ev.pos, "region", F.AMBIGUOUS, nxt.end)
    return ev


def noun_start(norm: str, q) -> int:
    """Where the number's noun starts ("12.345 pekerja rentan": at "pekerja"), else its end."""
    start = q.span[1]
    if q.unit and norm[q.span[0]:start].lower().endswith(q.unit.lower()):
        start -= len(q.unit)
    return start


def own_period(norm: str, q, walker, endpos) -> Optional[F.Event]:
    """The period event written right after the number's noun phrase ("9.300 orang tahun ini")."""
    start = noun_start(norm, q)
    for at in dict.fromkeys((start, q.span[1])):  # from the noun ("orang tahun ini"), else past the unit ("PK")
        gap = F.rx("period_after").match(norm, at, endpos)
        ev = walker.after(at, gap.end() + 1, "period") if gap else None
        if ev is not None and ev.end > gap.end():  # a date starting at the gap's end, or inside its cue
            return ev                               # ("32,15% di tahun 2025": the date is "tahun 2025")
    return None


def closing_period(norm: str, q, walker, clause_e: int) -> Optional[F.Event]:
    """A date closing the number's clause ("100 persen pada 2025"): near it, or anywhere in the clause when
    it is the fiscal year of the paying source ("... ditanggung melalui dana desa Tahun Anggaran 2025")."""
    ev = walker.after(q.span[1], min(clause_e, q.span[1] + 120), "period", skip_now=True)
    if ev is not None:
        return ev
    ev = walker.after(q.span[1], clause_e, "period", skip_now=True)
    if ev is not None and ev.value and (
        F.rx("fiscal_year_before").search(norm, max(0, ev.pos - 30), ev.pos, timeout=F.P.TIMEOUT)
        or F.rx("fiscal_year_text").match(norm, ev.pos, ev.end)
    ):
        return ev
    return None


def clause_segment(norm: str, q, walker, clause_e: int) -> Optional[F.Event]:
    """The group named after the number in its own clause, before a comma or a breakdown word."""
    stop = F.rx("segment_clause_stop").search(norm, q.span[1], clause_e, timeout=F.P.TIMEOUT)
    return walker.after(q.span[1], stop.start() if stop else clause_e, "segment")


def region_before(norm: str, walker, pos: int, start: int) -> Optional[F.Event]:
    """The region named in the number's clause before it; two named together ("Kota Gorontalo dan Kabupaten
    Gorontalo ... 50%") are about both, so about no one of them."""
    ev = walker.before(pos, "region", start=start)
    if ev is None or ev.value is None:
        return ev
    prev = walker.before(ev.pos, "region", start=start)
    if prev is not None and prev.value not in (None, ev.value) and F.rx("region_list_gap").match(norm, prev.end, ev.pos):
        return F.Event(prev.pos, "region", F.AMBIGUOUS, ev.end)
    return ev


def respective(r, q, walker, ss: int, se: int) -> Optional[F.Event]:
    """ "Kabupaten Malang dan Kota Malang masing-masing menanggung 15.000 dan 8.000 pekerja": the regions listed
    before "masing-masing" pair in order with the numbers listed after it."""
    norm = r.norm
    m = None
    for found in F.search_sentence("respectively", norm, ss, se):  # the sentence's, found once
        if found.end() > q.span[0]:
            break
        m = found
    if m is None:
        return None
    regions = []
    ev = walker.before(m.start(), "region", start=ss)
    while ev is not None and ev.value is not None:
        regions.insert(0, ev)
        prev = walker.before(ev.pos, "region", start=ss)
        if prev is None or not F.rx("respective_list_gap").match(norm, prev.end, ev.pos):
            break
        ev = prev
    if len(regions) < 2 or not F.rx("respective_gap").match(norm, regions[-1].end, m.start()):
        return None
    lo, hi = bisect.bisect_left(r._starts, m.end()), bisect.bisect_right(r._starts, q.span[0])
    if hi - lo > len(regions):
        return None
    nums = [x for x in r.qs[lo:hi] if x.kind in ("count", "number", "money", "percent")]
    k = len(nums) - 1
    if k < 0 or k >= len(regions) or nums[-1] is not q:
        return None
    return regions[k]


def shared_head(r, q):
    """The counted number whose noun q shares ("2.400 dan 1.600 pekerja"): the next quantity, when the numbers
    step gave q that noun from it."""
    qs = r.qs
    i = _index(r, q)
    if i is None or i + 1 >= len(qs):
        return None
    nxt = qs[i + 1]
    if q.kind == "count" and q.unit and nxt.unit == q.unit and not r.norm[q.span[0]:q.span[1]].lower().endswith(q.unit.lower()):
        return nxt
    return None


def _clause_end(norm: str, q, se: int) -> int:
    brk = F.rx("clause_break").search(norm, q.span[1], se, timeout=F.P.TIMEOUT)
    return brk.start() if brk else se


def _owned_by_previous(r, q, ev: F.Event, lead_s: int) -> bool:
    """The segment ev is written in the noun phrase of the number just before q, and q's own noun goes on
    past its unit (it names a group of its own)."""
    if F.rx("np_ends").match(r.norm, q.span[1]):
        return False
    i = _index(r, q)
    prev = r.qs[i - 1] if i else None
    if prev is None or prev.span[1] != lead_s:
        return False
    seg = F.segment_after(r.norm, noun_start(r.norm, prev), q.span[0])
    return seg is not None and seg[0] <= ev.pos < seg[1]


def _index(r, q) -> Optional[int]:
    """q's index in the reader's quantities (ordered by span: bisect, not a scan)."""
    i = bisect.bisect_left(r._starts, q.span[0])
    while i < len(r.qs) and r.qs[i].span[0] == q.span[0]:
        if r.qs[i] is q:
            return i
        i += 1
    return None
