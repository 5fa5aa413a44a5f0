"""Agreement between a computed and a stated number, as written (patterns/checks.toml "tolerance").

Shared by the checks (checks.py, premiums.py) and the coverage table (tables.py).
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import regex

from . import patterns as P

NAME = "checks"
_NUM = regex.compile(r"\d[\d.,]*\d|\d")


def stated_decimals(text: str, value: float) -> int:
    """Decimals as written: "40,89 persen" -> 2, "41,70" -> 2, "53 persen" -> 0."""
    m = _NUM.search(text or "")
    d = 0
    if m:
        tok = m.group(0)
        if "," in tok:
            d = len(tok.rsplit(",", 1)[1])
        elif "." in tok and len(tok.rsplit(".", 1)[1]) != 3:
            d = len(tok.rsplit(".", 1)[1])
    frac = repr(float(value)).split(".")[1] if "." in repr(float(value)) else ""
    return max(d, 0 if frac == "0" else len(frac))


def _place(value: float, decimals: int) -> float:
    """The place of the last significant digit: 90 -> 10, 58 -> 1, 41.7 -> 0.1."""
    if decimals > 0:
        return 10.0 ** -decimals
    v = int(round(abs(value)))
    if v == 0:
        return 1.0
    p = 1
    while v % 10 == 0:
        v //= 10
        p *= 10
    return float(p)


def approx_tolerance(value: float, decimals: int) -> float:
    tol = P.load(NAME).get("tolerance", {})
    lo, hi = tol.get("approx_min_points", 1.0), tol.get("approx_max_points", 5.0)
    return min(max(_place(value, decimals) / 2, lo), hi)


def agrees(computed: float, stated: float, decimals: int, approx: bool = False) -> bool:
    """True when `stated` is `computed` rounded or truncated to its decimals (or within the slack of approx)."""
    if approx:
        return abs(computed - stated) <= approx_tolerance(stated, decimals) + 1e-9
    q = Decimal(1).scaleb(-decimals)
    c = Decimal(repr(computed))
    s = Decimal(repr(stated)).quantize(q, rounding=ROUND_HALF_UP)
    return c.quantize(q, rounding=ROUND_HALF_UP) == s or c.quantize(q, rounding=ROUND_DOWN) == s


# -- helpers ---------------------------------------------------------------
def _fmt(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")
    return f"{v:.4f}".rstrip("0").rstrip(".").replace(".", ",")
