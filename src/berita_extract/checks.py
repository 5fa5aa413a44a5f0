"""Arithmetic cross-checks between stated numbers (SPEC "Checks").

* ``ratio``: participants / workforce (or a count target) against a stated
  coverage rate of the same segment, period and region; for a total rate
  with no total counts stated, the segments' counts are summed.
* ``sum``: the parts of a whole ("Dari 667.892 ini sebanyak 330.493 ... dan
  337.399 ...") against the whole.
* ``sum`` over a table pasted as lines ("1. Kepanjen 1.250" ... "Jumlah 5.430"):
  the rows' last figures against the total line right below them.
* ``enumeration``: a count of governments ("tujuh pemda") against the
  regencies/cities the article lists.

A failed check is kept (``ok = false``) with both numbers.  The tolerances are
documented in patterns/checks.toml.
"""
from __future__ import annotations

import bisect
from typing import Optional

import regex

from . import frames
from . import patterns as P
from . import premiums
from .agreement import _fmt, _place, agrees, stated_decimals  # noqa: F401 (stated_decimals: checks' API)
from .model import Check

NAME = "checks"
SPECIFIC = ("penerima_upah", "bukan_penerima_upah", "pekerja_rentan", "jasa_konstruksi")
COUNT_TYPES = ("workforce", "participants", "employers", "beneficiaries")
def _region_ok(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def _frame(f) -> str:
    bits = [b for b in (f.segment, f.period, f.region) if b]
    return f" ({', '.join(bits)})" if bits else ""


def _para(paras, pos: int) -> int:
    for p in paras:
        if p.span[0] <= pos < p.span[1]:
            return p.index
    return -1


class _Paras:
    """The paragraph index of a position: by bisect when the paragraphs are sorted and disjoint."""

    def __init__(self, paras) -> None:
        self.paras = list(paras)
        self.starts = [p.span[0] for p in self.paras]
        self.fast = all(a.span[1] <= b.span[0] for a, b in zip(self.paras, self.paras[1:]))

    def of(self, pos: int) -> int:
        if not self.fast:
            return _para(self.paras, pos)
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.paras[i].span[1]:
            return self.paras[i].index
        return -1


_ANY = object()  # a key part that matches every value


class _Index:
    """Facts grouped by (type, segment, period, region, is-percent, paragraph), each part also under _ANY,
    so the facts in a rate's frame are a few dict look-ups, not a scan of every fact per fact."""

    def __init__(self, facts, paras=()) -> None:
        self.facts = facts
        self.has_paras = bool(paras)
        self.paras = _Paras(paras)
        self.ordered = all(a.span[0] <= b.span[0] for a, b in zip(facts, facts[1:]))
        self.by: dict[tuple, list] = {}
        self.parts: dict[object, list] = {}
        for i, f in enumerate(facts):
            pct = f.unit in ("%", "persen")
            para = self.paras.of(f.span[0]) if paras else None
            for per in (f.period, _ANY):
                for reg in (f.region, _ANY):
                    for pc in (pct, _ANY):
                        for pa in (para, _ANY):
                            self.by.setdefault((f.type, f.segment, per, reg, pc, pa), []).append((i, f))
            self.parts.setdefault(f.details.get("part_of"), []).append((i, f))

    def lists(self, ftype, segment, periods, regions, pcts, paras) -> list[list]:
        """The (disjoint) groups matching any of the given key parts."""
        out = []
        for per in periods:
            for reg in regions:
                for pc in pcts:
                    for pa in paras:
                        got = self.by.get((ftype, segment, per, reg, pc, pa))
                        if got:
                            out.append(got)
        return out

    def regions(self, region) -> tuple:
        """Key parts for _region_ok(f.region, region)."""
        return (_ANY,) if region is None else (region, None)


def _last(lists: list[list]):
    return max((L[-1] for L in lists), key=lambda c: c[0])


def _last_before(index: _Index, lists: list[list], pos: int):
    best = None
    for L in lists:
        if index.ordered:
            k = bisect.bisect_right(L, pos, key=lambda c: c[1].span[0])
            c = L[k - 1] if k else None
        else:
            c = next((c for c in reversed(L) if c[1].span[0] <= pos), None)
        if c is not None and (best is None or c[0] > best[0]):
            best = c
    return best


def _pick(index: _Index, ftype: str, rate, segment: Optional[str], count_target: bool = False):
    """The one fact of `ftype` in the rate's frame: same period first, else the only one ignoring period.

    Without a stated period to tie them, the numbers must stand near the rate
    (its paragraph or the next/previous one)."""
    regions = index.regions(rate.region)
    pcts = (False,) if count_target else (_ANY,)
    if index.has_paras:
        near = index.paras.of(rate.span[0])
        close = (near - 1, near, near + 1)
    else:
        close = (_ANY,)
    if rate.period is not None:
        exact = index.lists(ftype, segment, (rate.period,), regions, pcts, (_ANY,))
    else:
        exact = index.lists(ftype, segment, (None,), regions, pcts, close)
    n = sum(len(L) for L in exact)
    if n == 1:
        return exact[0][0]
    if n > 1:  # the nearest before the rate
        return _last_before(index, exact, rate.span[0]) or _last(exact)
    cands = index.lists(ftype, segment, (_ANY,), regions, pcts, close)
    if sum(len(L) for L in cands) == 1:
        return cands[0][0]
    return None


def _denominator(index: _Index, rate, segment):
    return _pick(index, "workforce", rate, segment) or \
        _pick(index, "coverage_target", rate, segment, count_target=True)


def _qtext(qs, f) -> str:
    try:
        return qs[f.quantity].text
    except (IndexError, TypeError):
        return _fmt(f.value)


# -- ratio -----------------------------------------------------------------
def ratio_checks(facts, qs, paras=()) -> list[tuple[int, Check]]:
    index = _Index(facts, paras)
    out = []
    for ri, r in enumerate(facts):
        if r.type != "coverage_rate" or r.unit not in ("%", "persen", None):
            continue
        part, whole = _pick(index, "participants", r, r.segment), _denominator(index, r, r.segment)
        used, label = None, None
        if part and whole and whole[1].value:
            used = ([part], [whole])
            label = f"{_qtext(qs, part[1])} / {_qtext(qs, whole[1])}"
        elif r.segment == "total":
            parts, wholes = [], []
            for seg in SPECIFIC:
                p, w = _pick(index, "participants", r, seg), _denominator(index, r, seg)
                if bool(p) != bool(w):
                    parts = []
                    break
                if p:
                    parts.append(p)
                    wholes.append(w)
            if len(parts) >= 2:
                used = (parts, wholes)
                label = "(" + " + ".join(_qtext(qs, p[1]) for p in parts) + ") / (" + \
                    " + ".join(_qtext(qs, w[1]) for w in wholes) + ")"
        if used is None:
            continue
        num = sum(f.value for _, f in used[0])
        den = sum(f.value for _, f in used[1])
        if not den:
            continue
        computed = num / den * 100
        text = _qtext(qs, r)
        ok = agrees(computed, r.value, stated_decimals(text, r.value), r.qualifier == "approx")
        stmt = f"{label} = {_fmt(round(computed, 4))} persen; stated {text}{_frame(r)}"
        idx = [ri] + [i for i, _ in used[0]] + [i for i, _ in used[1]]
        out.append((ri, Check(kind="ratio", statement=stmt, expected=r.value, computed=round(computed, 6), ok=ok, facts=idx)))
    return out


# -- sum -------------------------------------------------------------------
def _sum_ok(whole, qs, computed: float) -> bool:
    text = _qtext(qs, whole)
    if whole.qualifier == "approx" or P.compiled(NAME, "scale").search(text):
        return abs(computed - whole.value) <= _place(whole.value, 0) / 2
    return abs(computed - whole.value) < 0.5


def sum_checks(facts, qs) -> list[tuple[int, Check]]:
    index = _Index(facts)
    out = []
    for wi, w in enumerate(facts):
        if w.type not in COUNT_TYPES:
            continue
        parts = list(index.parts.get(wi, []))
        if not parts and w.segment == "total":
            per_seg = [index.lists(w.type, seg, (w.period,), index.regions(w.region), (_ANY,), (_ANY,))
                       for seg in SPECIFIC]
            if all(sum(len(L) for L in lists) <= 1 for lists in per_seg):  # no segment stated twice
                parts = sorted((L[0] for lists in per_seg for L in lists), key=lambda c: c[0])
        if len(parts) < 2:
            continue
        computed = sum(f.value for _, f in parts)
        stmt = " + ".join(_qtext(qs, f) for _, f in parts) + f" = {_fmt(computed)}; stated {_qtext(qs, w)}{_frame(w)}"
        out.append((wi, Check(kind="sum", statement=stmt, expected=w.value, computed=computed,
                              ok=_sum_ok(w, qs, computed), facts=[wi] + [i for i, _ in parts])))
    return out


# -- sum over a table pasted as lines ----------------------------------------
MAX_ROWS = 60


def _table_lines(ctx) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, "row"|"total", figure span) of every table row and total line, in text order."""
    out = []
    for zs, ze, _ in ctx.iter_zones():
        for key in ("table_row", "table_total"):
            for m in P.finditer(P.compiled(NAME, key, regex.VERSION1 | regex.MULTILINE), ctx.norm, zs, ze):
                out.append((m.start(), m.end(), key[6:], m.span("num")))
    return sorted(set(out))


def table_checks(ctx) -> list[tuple[int, Check]]:
    """A run of at least two numbered rows, each line right under the last, closed by a total line."""
    qs = ctx.article.quantities or []
    facts = ctx.article.facts or []
    at = {q.span[0]: i for i, q in enumerate(qs)}  # a figure's quantity may go on ("120 orang")
    out, run, last_end = [], [], None
    for s, e, kind, num in _table_lines(ctx):
        if last_end is None or ctx.norm[last_end:s].strip():
            run = []  # not the next line: a new table (or none)
        last_end = e
        qi = at.get(num[0])
        if qi is None:  # the figure is no quantity (a year, a claimed span): no check over this table
            run, last_end = [], None
            continue
        if kind == "row":
            run = (run + [qi])[-MAX_ROWS:]
            continue
        if len(run) >= 2:
            computed = sum(qs[i].value for i in run)
            total = qs[qi]
            stmt = " + ".join(qs[i].text for i in run) + f" = {_fmt(computed)}; stated {ctx.source[s:e].strip()}"
            fi = [k for k, f in enumerate(facts) if f.quantity == qi]
            out.append((fi[0] if fi else -1 - qi, Check(kind="sum", statement=stmt, expected=total.value,
                                                        computed=computed, ok=abs(computed - total.value) < 0.5,
                                                        facts=fi[:1])))
        run, last_end = [], None
    return out


# -- enumeration -----------------------------------------------------------
def _enumerated(ctx, q) -> bool:
    nouns = P.words(NAME, "enumeration_nouns")
    unit = (q.unit or "").lower().strip()
    if unit in nouns:
        return True
    after = ctx.norm[q.span[1]:q.span[1] + 30].lower().split()
    return not unit and bool(after) and after[0] in nouns


def _lists(ctx) -> list[tuple[int, int, list[str], str]]:
    """(start, end, items, head) of every list of named regions in the body."""
    rx = P.compiled(NAME, "region_list", regex.VERSION1)
    out = []
    for zs, ze, _ in ctx.iter_zones():
        for m in P.finditer(rx, ctx.norm, zs, ze):
            items = [ctx.source[s:e] for s, e in m.spans("item")]
            out.append((m.start(), m.end(), items, m.group("head")))
    return out


def enumeration_checks(ctx) -> list[tuple[int, Check]]:
    qs = ctx.article.quantities or []
    lists = _lists(ctx)
    if not lists:
        return []
    main = frames.main_region(ctx)
    out = []
    for qi, q in enumerate(qs):
        if q.kind != "count" or q.value < 2 or not float(q.value).is_integer() or not _enumerated(ctx, q):
            continue
        s, e, items, head = min(lists, key=lambda L: min(abs(L[0] - q.span[0]), abs(L[1] - q.span[0])))
        level = "Kota" if "Kota" in head or "Pemkot" in head else ("Provinsi" if "Provinsi" in head else "Kabupaten")
        named = [f"{level} {items[0]}"] + items[1:]
        full = {f"{level} {it}" for it in items}
        sent = ctx.sentence_of(s) or (s, e)
        also = P.compiled(NAME, "also").search(ctx.norm, sent[0], sent[1])
        if also and main and main not in full:
            named = [main] + named
        ok = len(named) == int(q.value)
        stmt = f"{q.text} = {int(q.value)}; named {len(named)}: {', '.join(named)}"
        out.append((-1 - qi, Check(kind="enumeration", statement=stmt, expected=q.value, computed=float(len(named)),
                                   ok=ok, facts=[])))
    return out


def _position(ctx, key: int) -> int:
    if key >= 0:
        return ctx.article.facts[key].span[0]
    q = ctx.article.quantities[-1 - key]
    return q.span[0]


def extract(ctx) -> list[Check]:
    facts = ctx.article.facts or []
    qs = ctx.article.quantities or []
    paras = ctx.article.paragraphs or []
    found = ratio_checks(facts, qs, paras) + sum_checks(facts, qs) + table_checks(ctx) + enumeration_checks(ctx) + \
        premiums.premium_checks(ctx, facts, qs)
    found.sort(key=lambda kc: (_position(ctx, kc[0]), kc[1].kind, abs(kc[0])))
    return [c for _, c in found]
