"""Who pays for the workers a number counts (SPEC "Facts: how each field is decided").

A government paying, budgeting for, proposing or adding workers' contributions
makes them beneficiaries ("Pemprov Kepri menanggung iuran ... 4.187 nelayan",
"Pemkab ... memberikan perlindungan kepada 7.816 pekerja rentan", "11 ribu
rohaniawan ... menerima jaminan ... dari Pemerintah Provinsi"); and the region
of the government that pays is the region of a budget, and of beneficiaries
whose clause names none.  The payer and verb words are in patterns/facts.toml.
"""
from __future__ import annotations

import bisect
from typing import Optional

from . import frames as F


def pays_for(norm: str, ss: int, q_start: int, noun_start: int, clause_e: int, prev_sent) -> bool:
    """A government pays for the workers counted at q_start: its paying verb before the number in the
    sentence, a payer after it in its clause, or (for a count said to be protected or paid for) a
    government paying in the sentence before."""
    if F.rx("gov_pays_before").search(norm, ss, q_start, timeout=F.P.TIMEOUT):
        return True
    if F.rx("gov_pays_after").match(norm, noun_start, clause_e, timeout=F.P.TIMEOUT):
        return True
    if prev_sent is not None and F.rx("covered_passive_after").match(norm, noun_start, clause_e, timeout=F.P.TIMEOUT):
        return bool(F.rx("gov_pays_before").search(norm, prev_sent[0], prev_sent[1], timeout=F.P.TIMEOUT))
    return False


def _gov_regions(ctx) -> list[tuple[str, list[tuple[int, int]]]]:
    """(region name, mention spans) of every regional government the article names as an organisation."""
    cached = ctx.__dict__.get("_gov_regions")
    if cached is not None:
        return cached
    names = {r.name for r in ctx.article.regions or []}
    out = []
    for org in ctx.article.organizations or []:
        m = F.rx("gov_org_region").fullmatch(org.name or "")
        if m and m.group(1) in names:
            out.append((m.group(1), [x.span for x in org.mentions]))
    ctx.__dict__["_gov_regions"] = out
    return out


def payer_region(ctx, ss: int, se: int, pos: int) -> Optional[str]:
    """The region of the government named in the sentence: the last one before pos, else the first after
    (of two named at the same place, the one listed first)."""
    flat, starts = _gov_mentions(ctx)
    i = bisect.bisect_left(starts, pos)
    best = None
    for j in range(i - 1, -1, -1):  # the mentions starting before pos, the last first
        s, e, order, name = flat[j]
        if s < ss or (best is not None and s < best[0]):
            break
        if e <= pos and (best is None or order < best[1]):
            best = (s, order, name)
    if best is None:
        for j in range(i, len(flat)):
            s, e, order, name = flat[j]
            if s >= se or (best is not None and s > best[0]):
                break
            if best is None or order < best[1]:
                best = (s, order, name)
    return best[2] if best else None


def _gov_mentions(ctx) -> tuple[list, list]:
    """Every mention of _gov_regions as (start, end, order listed, region), by start; and the starts."""
    cached = ctx.__dict__.get("_gov_mentions")
    if cached is None:
        listed = [(name, s, e) for name, spans in _gov_regions(ctx) for s, e in spans]
        flat = sorted((s, e, order, name) for order, (name, s, e) in enumerate(listed))
        cached = ctx.__dict__["_gov_mentions"] = (flat, [m[0] for m in flat])
    return cached


def article_payer(ctx) -> Optional[str]:
    """The article's one regional government, when it names exactly one."""
    govs = {name for name, _ in _gov_regions(ctx)}
    return next(iter(govs)) if len(govs) == 1 else None
