"""SQLite output (``--format sqlite --db FILE``): one table per kind of item, keyed by article id.

Every table but ``articles`` has the primary key ``(article_id, idx)``, where
``idx`` is the item's index in the record's list, and a foreign key to
``articles(id)``; ``facts.quantity_idx`` points at ``quantities`` and
``check_facts`` ties ``checks`` to the ``facts`` they recompute. Writing an
article replaces whatever the file held for its id (the old rows are deleted
with it, in one transaction), so a resumed or repeated run never duplicates
rows and a failed article leaves the file as it was. Region codes are TEXT.

The question "latest coverage rate per region" is one query, ``LATEST_RATE_SQL``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Optional

from .csv_out import DETAIL_COLUMNS, as_record, date_value, region_codes, title_text, unit_kind

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, url TEXT, published TEXT, event_date TEXT,
    dateline_place TEXT, dateline_outlet TEXT, reporter TEXT, editor TEXT, advertorial INTEGER NOT NULL,
    source_path TEXT, sha256 TEXT, chars INTEGER, warnings TEXT
);
CREATE TABLE IF NOT EXISTS quantities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    kind TEXT NOT NULL, value REAL, upper REAL, unit TEXT, qualifier TEXT, text TEXT,
    span_start INTEGER, span_end INTEGER, PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS regions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    name TEXT NOT NULL, level TEXT, code TEXT, province TEXT, mentions INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS facts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    type TEXT NOT NULL, value REAL, unit TEXT NOT NULL, counted TEXT, qualifier TEXT,
    region TEXT, region_code TEXT, segment TEXT, period TEXT, quantity_idx INTEGER,
    sentence TEXT, span_start INTEGER, span_end INTEGER,
    target_year INTEGER, beneficiaries REAL, duration REAL, duration_unit TEXT, part_of INTEGER,
    PRIMARY KEY (article_id, idx),
    FOREIGN KEY (article_id, quantity_idx) REFERENCES quantities(article_id, idx)
);
CREATE TABLE IF NOT EXISTS people (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    name TEXT NOT NULL, roles TEXT, organization TEXT, mentions INTEGER, PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    text TEXT, speaker TEXT, cue TEXT, span_start INTEGER, span_end INTEGER, PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS legal_refs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    kind TEXT, title TEXT, number TEXT, year INTEGER, issuer TEXT, subject TEXT, text TEXT,
    span_start INTEGER, span_end INTEGER, PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS checks (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    kind TEXT NOT NULL, statement TEXT, expected REAL, computed REAL, ok INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS check_facts (
    article_id TEXT NOT NULL, check_idx INTEGER NOT NULL, fact_idx INTEGER NOT NULL,
    PRIMARY KEY (article_id, check_idx, fact_idx),
    FOREIGN KEY (article_id, check_idx) REFERENCES checks(article_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (article_id, fact_idx) REFERENCES facts(article_id, idx) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS facts_by_region ON facts (type, region_code, period);
"""
TABLES = ("articles", "quantities", "regions", "facts", "people", "quotes", "legal_refs", "checks", "check_facts")

# The most recent period's coverage rates of each region (all segments and sources stated for it).
LATEST_RATE_SQL = """\
SELECT region, region_code, segment, period, value, article_id
FROM (SELECT f.*, RANK() OVER (PARTITION BY region_code ORDER BY period DESC) AS r
      FROM facts f WHERE type = 'coverage_rate' AND region_code IS NOT NULL AND period IS NOT NULL)
WHERE r = 1
ORDER BY region_code, segment, article_id;"""

COMMIT_EVERY = 200  # articles per transaction (each article is its own savepoint within it)


def _span(item: dict, i: int):
    s = item.get("span") or (None, None)
    return s[i]


class SqliteWriter:
    """Upserts records into an SQLite file; use as a context manager (commits on exit)."""

    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(SCHEMA)
        self.pending = 0
        self.conn.execute("BEGIN")

    def __enter__(self) -> "SqliteWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, article) -> None:
        """Replace the rows of this article's id; on an error nothing of it is written, and it raises."""
        rec = as_record(article)
        c = self.conn
        c.execute("SAVEPOINT article")
        try:
            c.execute("DELETE FROM check_facts WHERE article_id = ?", (rec["id"],))
            c.execute("DELETE FROM articles WHERE id = ?", (rec["id"],))
            self._insert(rec)
        except BaseException:
            c.execute("ROLLBACK TO article")
            c.execute("RELEASE article")
            raise
        c.execute("RELEASE article")
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")
        self.pending = 0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.execute("COMMIT")
            self.conn.close()
            self.conn = None

    def _insert(self, rec: dict) -> None:
        c, aid = self.conn, rec["id"]
        dl = rec.get("dateline") or {}
        by = rec.get("byline") or {}
        src = rec.get("source") or {}
        c.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, title_text(rec), rec.get("url"), date_value(rec.get("published")), date_value(rec.get("event_date")),
             dl.get("place"), dl.get("outlet"), by.get("reporter"), by.get("editor"), int(bool(rec.get("advertorial"))),
             src.get("path"), src.get("sha256"), src.get("chars"),
             json.dumps(rec.get("warnings") or [], ensure_ascii=False)),
        )
        rows = lambda key: enumerate(rec.get(key) or [])  # noqa: E731
        c.executemany("INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?)", [
            (aid, i, q.get("kind"), q.get("value"), q.get("upper"), q.get("unit"), q.get("qualifier"), q.get("text"),
             _span(q, 0), _span(q, 1)) for i, q in rows("quantities")])
        c.executemany("INSERT INTO regions VALUES (?,?,?,?,?,?,?)", [
            (aid, i, r.get("name"), r.get("level"), r.get("code"), r.get("province"), len(r.get("mentions") or []))
            for i, r in rows("regions")])
        codes = region_codes(rec)
        facts = []
        for i, f in rows("facts"):
            kind = unit_kind(f)
            d = f.get("details") or {}
            facts.append((
                aid, i, f.get("type"), f.get("value"), kind, f.get("unit") if kind == "count" else None,
                f.get("qualifier"), f.get("region"), codes.get(f.get("region")), f.get("segment"), f.get("period"),
                f.get("quantity"), f.get("sentence"), _span(f, 0), _span(f, 1), *(d.get(k) for k in DETAIL_COLUMNS),
            ))
        c.executemany(f"INSERT INTO facts VALUES ({','.join('?' * 20)})", facts)
        c.executemany("INSERT INTO people VALUES (?,?,?,?,?,?)", [
            (aid, i, p.get("name"), "; ".join(p.get("roles") or []) or None, p.get("organization"),
             len(p.get("mentions") or [])) for i, p in rows("people")])
        c.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?)", [
            (aid, i, q.get("text"), q.get("speaker"), (q.get("cue") or {}).get("text"), _span(q, 0), _span(q, 1))
            for i, q in rows("quotes")])
        c.executemany("INSERT INTO legal_refs VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            (aid, i, r.get("kind"), r.get("title"), r.get("number"), r.get("year"), r.get("issuer"), r.get("subject"),
             r.get("text"), _span(r, 0), _span(r, 1)) for i, r in rows("legal_refs")])
        c.executemany("INSERT INTO checks VALUES (?,?,?,?,?,?,?)", [
            (aid, i, k.get("kind"), k.get("statement"), k.get("expected"), k.get("computed"), int(bool(k.get("ok"))))
            for i, k in rows("checks")])
        c.executemany("INSERT OR IGNORE INTO check_facts VALUES (?,?,?)", [
            (aid, i, fi) for i, k in rows("checks") for fi in k.get("facts") or []])


def write_all(path: str, records, on_error: Optional[callable] = None) -> int:
    """Write many records; returns how many were written (`on_error(record, exc)` for the others)."""
    n = 0
    with SqliteWriter(path) as w:
        for r in records:
            try:
                w.write(r)
                n += 1
            except (sqlite3.Error, KeyError, TypeError, ValueError) as err:
                if on_error is None:
                    raise
                on_error(r, err)
    return n
