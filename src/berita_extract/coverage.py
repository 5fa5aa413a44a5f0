"""The coverage table across articles: one row per region, segment, period and measure (``berita-extract table``).

A measure is a fact type with what its value measures (``coverage_target`` by
``percent`` and by ``count`` are two measures). A row gives the value, the
articles that state it and how many agree. When several values are stated
there, each value is its own row with its own sources (``value_rank`` 1 for
the value most articles state, ``values`` how many there are): values are
never joined into one cell. They are flagged ``conflict`` when the sources
disagree: two articles state different values (or sets of values) there. One
article's two figures for the same frame (a batch and its new total) are two
rows, not a conflict, and neither are two articles stating the same pair. ``latest=True`` keeps, for each region, segment and
measure, only its most recent period (rows without a period are dropped then).

Works on records (dicts) or Article models, one at a time (``Coverage.add``),
so a large corpus is never held in memory whole.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Optional

from .csv_out import CODE_PREFIX, as_record, fact_checks, region_codes, unit_kind, verdict

COLUMNS = [
    "region", "region_code", "segment", "period", "type", "unit", "value", "qualifier",
    "agree", "stated_by", "conflict", "value_rank", "values", "articles", "checks",
]
TYPE_ORDER = ("coverage_rate", "coverage_target", "workforce", "participants", "employers", "beneficiaries", "budget")
SEGMENT_ORDER = ("total", "penerima_upah", "bukan_penerima_upah", "pekerja_rentan", "jasa_konstruksi", None)
SEGMENT_SHORT = {
    "total": "total", "penerima_upah": "PU", "bukan_penerima_upah": "BPU", "pekerja_rentan": "rentan",
    "jasa_konstruksi": "jakon", None: "-",
}


def _dated(period) -> bool:
    return isinstance(period, str) and period[:1].isdigit()


class Coverage:
    """Accumulates the facts of many articles into coverage rows."""

    def __init__(self) -> None:
        # key -> value -> {"articles": [ids], "qualifier": str|None, "checks": [verdicts]}
        self._cells: dict[tuple, dict[float, dict]] = {}
        self._codes: dict[str, str] = {}

    def add(self, article) -> None:
        rec = as_record(article)
        aid = rec.get("id")
        codes = region_codes(rec)
        by_fact = fact_checks(rec)
        for i, f in enumerate(rec.get("facts") or []):
            region = f.get("region")
            if region and codes.get(region):
                self._codes.setdefault(region, codes[region])
            key = (region, f.get("segment"), f.get("period"), f.get("type"), unit_kind(f))
            try:
                value = round(float(f.get("value")), 6)
            except (TypeError, ValueError):
                continue
            cell = self._cells.setdefault(key, {}).setdefault(
                value, {"articles": [], "qualifier": f.get("qualifier"), "checks": []}
            )
            if aid not in cell["articles"]:
                cell["articles"].append(aid)
            text, _ = verdict(by_fact.get(i, []))
            for v in text.split("; ") if text else []:
                if v not in cell["checks"]:
                    cell["checks"].append(v)

    def rows(self, latest: bool = False) -> list[dict]:
        keys = list(self._cells)
        if latest:
            newest: dict[tuple, str] = {}
            for region, seg, period, typ, unit in keys:
                g = (region, seg, typ, unit)
                if _dated(period) and (g not in newest or period > newest[g]):
                    newest[g] = period
            keys = [k for k in keys if _dated(k[2]) and newest.get((k[0], k[1], k[3], k[4])) == k[2]]
        seg_rank = {s: i for i, s in enumerate(SEGMENT_ORDER)}
        type_rank = {t: i for i, t in enumerate(TYPE_ORDER)}
        keys.sort(key=lambda k: (
            k[0] is None, k[0] or "", not _dated(k[2]), k[2] or "", seg_rank.get(k[1], 99),
            type_rank.get(k[3], 99), k[4],
        ))
        out = []
        for key in keys:
            region, seg, period, typ, unit = key
            values = self._cells[key]
            stated: dict[str, set] = {}
            for v, cell in values.items():
                for a in cell["articles"]:
                    stated.setdefault(a, set()).add(v)
            stated_by = len(stated)
            conflict = len({frozenset(vs) for vs in stated.values()}) > 1
            ranked = sorted(values.items(), key=lambda kv: (-len(kv[1]["articles"]), kv[1]["articles"][0], kv[0]))
            for rank, (value, cell) in enumerate(ranked, 1):
                out.append({
                    "region": region, "region_code": self._codes.get(region) if region else None,
                    "segment": seg, "period": period, "type": typ, "unit": unit, "value": value,
                    "qualifier": cell["qualifier"], "agree": len(cell["articles"]), "stated_by": stated_by,
                    "conflict": conflict, "value_rank": rank, "values": len(values),
                    "articles": list(cell["articles"]), "checks": list(cell["checks"]),
                })
        return out


def coverage_rows(articles: Iterable, latest: bool = False) -> list[dict]:
    cov = Coverage()
    for a in articles:
        cov.add(a)
    return cov.rows(latest=latest)


# -- writing ---------------------------------------------------------------
def _plain(v: Optional[float]) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def to_csv(rows: list[dict]) -> str:
    """CSV, one row per dict of `coverage_rows`; ``articles`` and ``checks`` are lists separated by ``;``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([
            r["region"] or "", CODE_PREFIX + r["region_code"] if r["region_code"] else "", r["segment"] or "",
            r["period"] or "", r["type"], r["unit"], _plain(r["value"]), r["qualifier"] or "", r["agree"],
            r["stated_by"], "true" if r["conflict"] else "false", r["value_rank"], r["values"],
            ";".join(r["articles"]), ";".join(r["checks"]),
        ])
    return buf.getvalue()


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _id_num(v: float, unit: str) -> str:
    """Indonesian style, as the articles write: 68.078, 49,65%, Rp 2.092.600.000."""
    if unit == "percent":
        s = (str(int(v)) if float(v).is_integer() else repr(float(v))).replace(".", ",")
        return s + "%"
    s = f"{int(v):,}".replace(",", ".") if float(v).is_integer() else f"{v:,.2f}".replace(",", "_").replace(
        ".", ",").replace("_", ".")
    return ("Rp " + s) if unit == "IDR" else s


def to_text(rows: list[dict]) -> str:
    """A table for a terminal: a rule under the header, numbers right-aligned, conflicts marked."""
    if not rows:
        return "no facts\n"
    cols = ("region", "period", "segment", "type", "value", "agree", "conflict", "checks", "articles")
    table = [list(cols)]
    for r in rows:
        qual = "~" if r["qualifier"] == "approx" else ""
        table.append([
            r["region"] or "-", r["period"] or "-", SEGMENT_SHORT.get(r["segment"], r["segment"] or "-"),
            r["type"] + (" (count)" if r["type"] == "coverage_target" and r["unit"] == "count" else ""),
            qual + _id_num(r["value"], r["unit"]), f"{r['agree']}/{r['stated_by']}",
            f"CONFLICT {r['value_rank']}/{r['values']}" if r["conflict"]
            else (f"value {r['value_rank']}/{r['values']}" if r["values"] > 1 else ""),
            "; ".join(r["checks"]), " ".join(r["articles"]),
        ])
    widths = [max(len(t[i]) for t in table) for i in range(len(cols))]
    right = {4, 5}
    lines = []
    for n, t in enumerate(table):
        cells = [t[i].rjust(widths[i]) if i in right and n else t[i].ljust(widths[i]) for i in range(len(cols))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


FORMATS = {"csv": to_csv, "jsonl": to_jsonl, "text": to_text}
