"""Who pays for the workers a number counts (SPEC "Facts: how each field is decided").

A government paying, budgeting for, proposing or adding workers' contributions
makes them beneficiaries ("Pemprov Kepri menanggung iuran ... 4.187 nelayan",
"Pemkab ... memberikan perlindungan kepada 7.816 pekerja rentan", "11 ribu
rohaniawan ... menerima jaminan ... dari Pemerintah Provinsi"); and the region
of the government that pays is the region of a budget, and of beneficiaries
whose clause names none.  The payer and verb words are in patterns/facts.toml.
"""
from __future__ import annotations

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
    """The region of the government named in the sentence: the last one before pos, else the first after."""
    before, after = None, None
    for name, spans in _gov_regions(ctx):
        for s, e in spans:
            if ss <= s and e <= pos and (before is None or s > before[0]):
                before = (s, name)
            elif pos <= s < se and (after is None or s < after[0]):
                after = (s, name)
    hit = before or after
    return hit[1] if hit else None


def article_payer(ctx) -> Optional[str]:
    """The article's one regional government, when it names exactly one."""
    govs = {name for name, _ in _gov_regions(ctx)}
    return next(iter(govs)) if len(govs) == 1 else None
