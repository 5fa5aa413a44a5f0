"""One CSV row per fact, with its article's dates and the checks it takes part in (``--format csv``).

Every article gets at least one row: an article with no fact is one row whose
fact columns are empty, so that a spreadsheet of a corpus lists every article
read. The rows work on records (dicts, as written by ``-o``) or on Article
models alike, and read ``url``/``published`` when the record has them.

Columns that a reader could misread are written so that pandas' and a
spreadsheet's defaults read them right:

- ``region_code`` is text: the Kemendagri code written ``kemendagri:33.10``
  (a bare ``33.10`` becomes the number 33.1 in ``pandas.read_csv`` and in a
  spreadsheet); ``df.region_code.str.removeprefix("kemendagri:")`` gives the
  code itself. ``to_frame`` gives the bare code, as a string.
- ``unit`` says what ``value`` measures: ``percent``, ``count`` or ``IDR``; a
  count's noun as written ("pekerja", "orang", "PK") is in ``counted``. A
  coverage target by rate and one by count are thus never mixed unlabelled.
- ``details`` is spread over its own columns (``target_year``,
  ``beneficiaries``, ``duration``, ``duration_unit``, ``part_of``).
"""
from __future__ import annotations

from typing import Iterator, Optional

CODE_PREFIX = "kemendagri:"
ARTICLE_COLUMNS = ["article_id", "title", "url", "published", "event_date"]
FACT_COLUMNS = [
    "fact", "type", "value", "unit", "counted", "qualifier", "region", "region_code", "segment", "period",
    "checks", "checks_ok", "text", "sentence", "span_start", "span_end", "quantity_start", "quantity_end",
]
DETAIL_COLUMNS = ["target_year", "beneficiaries", "duration", "duration_unit", "part_of"]
COLUMNS = ARTICLE_COLUMNS + FACT_COLUMNS + DETAIL_COLUMNS
INT_COLUMNS = ("fact", "span_start", "span_end", "quantity_start", "quantity_end", "target_year", "part_of")
PERCENT_UNITS = ("%", "persen", "percent")


def as_record(article) -> dict:
    """A record as a plain dict (what ``-o`` writes), from an Article model or a dict."""
    if isinstance(article, dict):
        return article
    return article.model_dump(mode="json")


def _get(obj, key: str, default=None):
    return obj.get(key, default) if isinstance(obj, dict) else getattr(obj, key, default)


def title_text(rec: dict) -> Optional[str]:
    t = rec.get("title")
    if isinstance(t, dict):
        return t.get("text")
    return t if isinstance(t, str) else None


def date_value(d) -> Optional[str]:
    """An ISO date from a date item ({value, ...}) or a string."""
    if isinstance(d, dict):
        return d.get("value")
    return d if isinstance(d, str) else None


def unit_kind(fact: dict) -> str:
    """``percent``, ``IDR`` or ``count``: what a fact's value measures."""
    unit = fact.get("unit") or ""
    if unit in PERCENT_UNITS or fact.get("type") == "coverage_rate":
        return "percent"
    if unit == "IDR" or fact.get("type") == "budget":
        return "IDR"
    return "count"


def region_codes(rec: dict) -> dict:
    return {r.get("name"): r.get("code") for r in rec.get("regions") or [] if isinstance(r, dict)}


def fact_checks(rec: dict) -> dict[int, list[tuple[int, dict]]]:
    """For each fact index, the checks (index, check) it takes part in."""
    out: dict[int, list[tuple[int, dict]]] = {}
    for ci, c in enumerate(rec.get("checks") or []):
        for fi in c.get("facts") or []:
            out.setdefault(fi, []).append((ci, c))
    return out


def verdict(checks: list[tuple[int, dict]]) -> tuple[str, Optional[bool]]:
    """``"ratio ok; sum FAIL"`` and whether all are ok (None when the fact takes part in none)."""
    if not checks:
        return "", None
    text = "; ".join(f"{c.get('kind')} {'ok' if c.get('ok') else 'FAIL'}" for _, c in checks)
    return text, all(bool(c.get("ok")) for _, c in checks)


def article_fields(rec: dict) -> dict:
    return {
        "article_id": rec.get("id"),
        "title": title_text(rec),
        "url": rec.get("url"),
        "published": date_value(rec.get("published")),
        "event_date": date_value(rec.get("event_date")),
    }


def fact_dicts(article) -> Iterator[dict]:
    """Typed rows (None for an empty cell): one per fact, or one for an article with no fact."""
    rec = as_record(article)
    head = article_fields(rec)
    facts = rec.get("facts") or []
    if not facts:
        yield {**{c: None for c in COLUMNS}, **head}
        return
    codes = region_codes(rec)
    qs = rec.get("quantities") or []
    by_fact = fact_checks(rec)
    for i, f in enumerate(facts):
        qi = f.get("quantity")
        q = qs[qi] if isinstance(qi, int) and 0 <= qi < len(qs) else None
        kind = unit_kind(f)
        checks_text, checks_ok = verdict(by_fact.get(i, []))
        details = f.get("details") or {}
        span = f.get("span") or (None, None)
        qspan = q.get("span") if q else (None, None)
        row = {
            **head,
            "fact": i, "type": f.get("type"), "value": f.get("value"), "unit": kind,
            "counted": f.get("unit") if kind == "count" else None, "qualifier": f.get("qualifier"),
            "region": f.get("region"), "region_code": codes.get(f.get("region")), "segment": f.get("segment"),
            "period": f.get("period"), "checks": checks_text or None, "checks_ok": checks_ok,
            "text": q.get("text") if q else None, "sentence": f.get("sentence"),
            "span_start": span[0], "span_end": span[1], "quantity_start": qspan[0], "quantity_end": qspan[1],
        }
        for k in DETAIL_COLUMNS:
            row[k] = details.get(k)
        yield row


def csv_header() -> list[str]:
    """The column names (see the module's docstring for what each holds)."""
    return list(COLUMNS)


def _cell(col: str, v) -> str:
    if v is None:
        return ""
    if col == "region_code":
        return CODE_PREFIX + str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def csv_rows(article) -> Iterator[list[str]]:
    """The CSV cells of one article's rows, in the order of `csv_header()`."""
    for row in fact_dicts(article):
        yield [_cell(c, row[c]) for c in COLUMNS]
