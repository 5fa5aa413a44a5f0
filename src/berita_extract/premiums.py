"""The premium check: a budget against its beneficiaries, premium and months (patterns/checks.toml).

Where an article states a budget, the workers it pays for, a premium per person
per month and a duration ("Rp 504 juta untuk 2.500 pekerja ... iuran Rp16.800
per orang per bulan selama 12 bulan"), the budget should be count x premium x
months.  `ok` allows what the budget's written precision allows: "Rp 5,04
miliar" is right to a hundredth of a miliar (rounded or truncated), and a
budget given as "sekitar" to half its last significant digit.
"""
from __future__ import annotations

from . import patterns as P
from .agreement import _fmt, _place, stated_decimals
from .model import Check

NAME = "checks"
_SCALES = (("triliun", 1e12), ("miliar", 1e9), ("milyar", 1e9), ("juta", 1e6), ("ribu", 1e3))


def _tolerance(q) -> float:
    """How far the stated budget may lie from the product: its last written digit ("Rp 5,04 miliar":
    0,01 miliar, rounded or truncated), or half its last significant digit when it is "sekitar"."""
    low = (q.text or "").casefold()
    scale = next((v for w, v in _SCALES if w in low), 1.0)
    decimals = stated_decimals(q.text, round(q.value / scale, 6))
    if q.qualifier == "approx":
        return scale * _place(q.value / scale, decimals) / 2
    return scale * 10.0 ** -decimals


def _money(v: float) -> str:
    return "Rp" + (f"{int(round(v)):,}".replace(",", "."))


def _months(qs, start: int, end: int):
    for q in qs:
        if q.kind == "duration" and start <= q.span[0] < end and q.unit:
            u = q.unit.casefold()
            if u.startswith("bul") or u == "bln":
                return q.value
            if u.startswith("tah") or u == "thn":
                return q.value * 12
    return None


def premium_checks(ctx, facts, qs) -> list[tuple[int, Check]]:
    norm = ctx.norm
    rx = P.compiled(NAME, "premium_after")
    prices = [i for i, q in enumerate(qs) if q.kind == "money" and q.value
              and rx.match(norm, q.span[1], min(len(norm), q.span[1] + 40), timeout=P.TIMEOUT)]
    if not prices:
        return []
    out = []
    for bi, b in enumerate(facts):
        if b.type != "budget" or b.quantity is None:
            continue
        bq = qs[b.quantity]
        zone = ctx.zone_of(bq.span[0])
        if zone is None:
            continue
        near = [i for i in prices if zone[0] <= qs[i].span[0] < zone[1]]
        if not near:
            continue
        pi = min(near, key=lambda i: abs(qs[i].span[0] - bq.span[0]))
        price = qs[pi]
        months = _months(qs, price.span[1], min(zone[1], price.span[1] + 60))
        if months is None and b.details.get("duration") and str(b.details.get("duration_unit", "bulan")).startswith("bul"):
            months = b.details["duration"]
        count = b.details.get("beneficiaries")
        idx = [bi]
        bens = [j for j, f in enumerate(facts) if f.type == "beneficiaries" and f.quantity is not None
                and zone[0] <= qs[f.quantity].span[0] < zone[1]]
        if count is None and len(bens) == 1:
            count = facts[bens[0]].value
        if count is None or not months:
            continue
        idx += [j for j in bens if abs(facts[j].value - count) < 1e-6][:1]
        computed = count * price.value * months
        ok = abs(computed - bq.value) < _tolerance(bq) + 1e-6
        stmt = (f"{_fmt(count)} x {_money(price.value)} x {_fmt(months)} bulan = {_money(computed)}; "
                f"stated {bq.text}")
        out.append((bi, Check(kind="premium", statement=stmt, expected=bq.value, computed=round(computed, 2),
                              ok=ok, facts=idx)))
    return out

