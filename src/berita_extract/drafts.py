"""A fact being read (facts.py): its number, concept and frame, and the article-wide passes over drafts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import cues as C


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
