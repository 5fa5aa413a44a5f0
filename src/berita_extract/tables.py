"""Tables for analysts: one CSV row per fact, and a coverage table per region and period.

``csv_header()`` and ``csv_rows(article)`` feed ``berita-extract --format csv``
(write them with the ``csv`` module: it quotes sentences with commas and
quotes); ``coverage_table(articles)`` is what ``berita-extract table PATH...``
prints for a person at a terminal.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable, Iterator, Optional

from .agreement import stated_decimals

COLUMNS = [
    "article_id", "type", "region", "region_code", "segment", "period", "value", "unit", "qualifier",
    "text", "sentence", "span_start", "span_end", "quantity_start", "quantity_end", "details",
]
SEGMENT_ORDER = ("total", "penerima_upah", "bukan_penerima_upah", "pekerja_rentan", "jasa_konstruksi", None)
SEGMENT_SHORT = {
    "total": "total", "penerima_upah": "PU", "bukan_penerima_upah": "BPU", "pekerja_rentan": "rentan",
    "jasa_konstruksi": "jakon", None: "-",
}


def csv_header() -> list[str]:
    """Column names: the fact's frame and value, the quantity as written, the sentence and its span.

    ``span_start``/``span_end`` is the sentence's [start, end) in the source text,
    ``quantity_start``/``quantity_end`` the number's; ``details`` is JSON
    (a budget's beneficiaries and duration, a target's year, ``part_of``).
    """
    return list(COLUMNS)


def _num(v: Optional[float]) -> str:
    """A value for a spreadsheet: 68078, 49.65 (no trailing .0)."""
    if v is None:
        return ""
    v = float(v)
    return str(int(v)) if v.is_integer() else repr(v)


def csv_rows(article) -> Iterator[list]:
    """One row per fact of the article, in the order of `article.facts`."""
    codes = {r.name: r.code for r in article.regions or []}
    qs = article.quantities or []
    for f in article.facts or []:
        q = qs[f.quantity] if 0 <= f.quantity < len(qs) else None
        yield [
            article.id, f.type, f.region or "", codes.get(f.region, "") or "", f.segment or "", f.period or "",
            _num(f.value), f.unit or "", f.qualifier or "", q.text if q else "", f.sentence,
            f.span[0], f.span[1], q.span[0] if q else "", q.span[1] if q else "",
            json.dumps(f.details, ensure_ascii=False, sort_keys=True) if f.details else "",
        ]


# -- the terminal table ----------------------------------------------------
def _id_num(v: float, percent: bool = False, decimals: int = 2) -> str:
    """Indonesian style, as the articles write: 68.078, 49,65%, 41,70% (the stated decimals kept)."""
    if percent:
        return f"{v:.{decimals}f}".replace(".", ",") + "%"
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")
    return f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _cell(values: list[str]) -> str:
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return " / ".join(seen)


def _period_key(p: Optional[str]):
    return (p is None, p or "")


def coverage_table(articles: Iterable) -> str:
    """Per region, period and segment: coverage rate, workforce, participants, target; and the check verdicts."""
    cols = ("region", "period", "segment", "rate", "workforce", "participants", "target", "checks", "articles")
    rows: dict[tuple, dict] = defaultdict(lambda: defaultdict(list))
    for art in articles:
        facts = art.facts or []
        verdict: dict[int, list[str]] = defaultdict(list)
        for c in art.checks or []:  # a check's first fact is the stated rate (ratio) or the stated whole (sum)
            if c.kind == "ratio" and c.facts:
                verdict[c.facts[0]].append("ok" if c.ok else f"FAIL ({c.computed:.2f})")
            elif c.kind == "sum" and c.facts:
                verdict[c.facts[0]].append("sum ok" if c.ok else f"sum FAIL ({_id_num(c.computed)})")
        for i, f in enumerate(facts):
            if f.type not in ("coverage_rate", "coverage_target", "workforce", "participants"):
                continue
            key = (f.region, f.period, f.segment)
            row = rows[key]
            qual = "~" if f.qualifier == "approx" else ""
            qs = art.quantities or []
            dec = stated_decimals(qs[f.quantity].text, f.value) if 0 <= f.quantity < len(qs) else 2
            if f.type == "coverage_rate":
                row["rate"].append(qual + _id_num(f.value, True, dec))
                row["checks"].extend(verdict.get(i, []))
            elif f.type == "coverage_target":
                row["target"].append(qual + _id_num(f.value, f.unit in ("%", "persen"), dec))
            else:
                row[f.type].append(qual + _id_num(f.value))
                row["checks"].extend(verdict.get(i, []))
            row["articles"].append(art.id)
    if not rows:
        return "no coverage facts\n"
    seg_rank = {s: i for i, s in enumerate(SEGMENT_ORDER)}
    keys = sorted(rows, key=lambda k: ((k[0] is None, k[0] or ""), _period_key(k[1]), seg_rank.get(k[2], 99)))
    table = [list(cols)]
    for region, period, seg in keys:
        row = rows[(region, period, seg)]
        table.append([
            region or "-", period or "-", SEGMENT_SHORT.get(seg, seg or "-"),
            _cell(row["rate"]) or "", _cell(row["workforce"]) or "", _cell(row["participants"]) or "",
            _cell(row["target"]) or "", _cell(row["checks"]) or "", _cell(row["articles"]),
        ])
    widths = [max(len(r[i]) for r in table) for i in range(len(cols))]
    right = {3, 4, 5, 6}
    lines = []
    for n, r in enumerate(table):
        cells = [r[i].rjust(widths[i]) if i in right and n else r[i].ljust(widths[i]) for i in range(len(cols))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
