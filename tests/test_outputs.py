"""Outputs an analyst uses without glue code (issue 13): the fact CSV read by pandas, the coverage table over
records already written, SQLite, the batch API and DataFrames, and the CLI's manners."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from berita_extract import batch, extract_many, to_frame
from berita_extract.cli import main
from berita_extract.csv_out import COLUMNS
from berita_extract.sqlite_out import LATEST_RATE_SQL, TABLES
from conftest import ROOT, SEEDS

CORPUS = sorted((ROOT / "tests/corpus").glob("*.txt"))
NO_FACT = "Judul berita\n\nKOTA KEDIRI, HB.net - Warga bergotong royong membersihkan selokan, Senin (3/6/2024).\n"


def run(capsysbinary, *argv):
    code = main([str(a) for a in argv])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The seeds, the fixture corpus and one article that states no fact, in one folder."""
    d = tmp_path_factory.mktemp("in")
    for p in [*SEEDS, *CORPUS]:
        shutil.copy(p, d / p.name)
    (d / "zz_no_fact.txt").write_text(NO_FACT, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def written(inputs, tmp_path_factory):
    """`berita-extract inputs/ -o out/`: the records, one file each."""
    out = tmp_path_factory.mktemp("out")
    assert main([str(inputs), "-o", str(out), "--jobs", "2"]) == 0
    return out


def _records(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


# ---------------------------------------------------------------- the fact CSV
def test_fact_csv_read_with_pandas_defaults(capsysbinary, inputs, written):
    code, out, err = run(capsysbinary, inputs, "--format", "csv")
    assert code == 0, err
    df = pd.read_csv(io.StringIO(out))  # no dtype=, no converters: what a new user types
    assert list(df.columns) == COLUMNS
    recs = {r["id"]: r for r in _records(written)}
    assert set(df.article_id) == set(recs)  # every article, also those with no fact
    codes = df.region_code.dropna()
    assert len(codes) and all(isinstance(c, str) and re.fullmatch(r"kemendagri:\d\d(\.\d\d)?", c) for c in codes)
    for aid, rows in df.groupby("article_id"):
        rec = recs[aid]
        assert len(rows) == max(1, len(rec["facts"]))
        ev = (rec["event_date"] or {}).get("value")
        assert set(rows.event_date.dropna()) == ({ev} if ev else set())
        if not rec["facts"]:
            assert rows.type.isna().all() and rows.value.isna().all()
    no_fact = df[df.article_id == "zz_no_fact"]
    assert len(no_fact) == 1 and no_fact.event_date.iloc[0] == "2024-06-03"
    # a rate and a count are never in one column unlabelled
    assert set(df.unit.dropna()) <= {"percent", "count", "IDR"}
    assert (df[df.type == "coverage_rate"].unit == "percent").all()
    assert df[df.unit != "count"].counted.isna().all() and df[df.unit == "count"].counted.notna().any()


def test_a_code_with_a_trailing_zero_stays_text():
    rec = {"id": "k", "event_date": None, "regions": [{"name": "Kabupaten Klaten", "code": "33.10"}],
           "quantities": [{"text": "50 persen", "span": [0, 9]}], "checks": [],
           "facts": [{"type": "coverage_rate", "value": 50.0, "unit": "%", "region": "Kabupaten Klaten",
                      "quantity": 0, "sentence": "50 persen", "span": [0, 9]}]}
    from berita_extract import tables

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(tables.csv_header())
    w.writerows(tables.csv_rows(rec))
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert df.region_code.iloc[0] == "kemendagri:33.10"
    assert to_frame([rec]).region_code.iloc[0] == "33.10"


# ---------------------------------------------------------------- the coverage table
def _table(capsysbinary, *argv) -> list[dict]:
    code, out, err = run(capsysbinary, "table", *argv)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="module")
def with_conflict(written, tmp_path_factory):
    """The records, plus a second source for Kota Kediri's May 2024 PU rate, stating another value."""
    d = tmp_path_factory.mktemp("conflict")
    for p in written.glob("*.json"):
        shutil.copy(p, d / p.name)
    rec = json.loads((written / "000_b9e5ae7235c0760d.json").read_text(encoding="utf-8"))
    rec["id"] = "zz_other_source"
    for f in rec["facts"]:
        if f["type"] == "coverage_rate" and f["value"] == 49.55:
            f["value"] = 50.1
    (d / "zz_other_source.json").write_text(json.dumps(rec), encoding="utf-8")
    return d


def test_table_latest_from_records_one_row_per_region_segment_period(capsysbinary, with_conflict):
    rows = _table(capsysbinary, with_conflict, "--format", "csv", "--latest")
    assert rows
    groups = defaultdict(list)
    for r in rows:
        groups[(r["region"], r["segment"], r["period"], r["type"], r["unit"])].append(r)
    periods = defaultdict(set)
    for (region, seg, period, typ, unit), rs in groups.items():
        assert period, "--latest leaves out rows without a period"
        periods[(region, seg, typ, unit)].add(period)
        values = [r["value"] for r in rs]
        assert len(set(values)) == len(values)  # one row per value
        said = defaultdict(set)  # article -> the values it states here
        for r in rs:
            for a in r["articles"].split(";"):
                said[a].add(r["value"])
        assert all(r["stated_by"] == str(len(said)) and r["values"] == str(len(rs)) for r in rs)
        disagree = len({frozenset(v) for v in said.values()}) > 1
        assert all(r["conflict"] == ("true" if disagree else "false") for r in rs)
        if len(rs) > 1:
            assert sorted(r["value_rank"] for r in rs) == [str(i) for i in range(1, len(rs) + 1)]
        for r in rs:
            assert int(r["agree"]) == len(r["articles"].split(";")) and " / " not in r["value"]
    assert all(len(p) == 1 for p in periods.values())  # each region's most recent period only
    kediri = groups[("Kota Kediri", "penerima_upah", "2024-05", "coverage_rate", "percent")]
    by_value = {r["value"]: r for r in kediri}
    assert set(by_value) == {"49.55", "50.1"}
    assert by_value["49.55"]["articles"] == "000_b9e5ae7235c0760d" and by_value["50.1"]["articles"] == "zz_other_source"
    assert all(r["stated_by"] == "2" and r["agree"] == "1" for r in kediri)
    assert all(r["conflict"] == "true" for r in kediri)
    # one article's batch and its new total, stated alike by both sources: two rows, no conflict
    pair = groups[("Kota Kediri", "pekerja_rentan", "2024", "beneficiaries", "count")]
    assert sorted(r["value"] for r in pair) == ["9300", "9695"] and all(r["conflict"] == "false" for r in pair)
    agreeing = groups[("Kota Kediri", "penerima_upah", "2024-05", "workforce", "count")]
    assert len(agreeing) == 1 and agreeing[0]["agree"] == "2" and agreeing[0]["conflict"] == "false"
    assert agreeing[0]["articles"] == "000_b9e5ae7235c0760d;zz_other_source"
    assert agreeing[0]["region_code"] == "kemendagri:35.71"


def test_table_is_the_same_from_articles_records_and_jsonl(capsysbinary, written, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for p in SEEDS:
        shutil.copy(p, seeds / p.name)
    code, jsonl, err = run(capsysbinary, seeds, "--format", "jsonl")
    assert code == 0, err
    (tmp_path / "recs.jsonl").write_text(jsonl, encoding="utf-8")
    only_seeds = tmp_path / "records"
    only_seeds.mkdir()
    for p in SEEDS:
        shutil.copy(written / f"{p.stem}.json", only_seeds)
    tables = [_table(capsysbinary, src, "--format", "csv") for src in (seeds, only_seeds, tmp_path / "recs.jsonl")]
    assert tables[0] == tables[1] == tables[2] and len(tables[0]) > 10


def test_table_text_and_jsonl_formats(capsysbinary, with_conflict):
    code, out, err = run(capsysbinary, "table", with_conflict, "--latest")
    assert code == 0, err
    conflicts = [ln for ln in out.splitlines() if "CONFLICT" in ln]
    assert len(conflicts) >= 2 and any("50,1%" in ln and "zz_other_source" in ln for ln in conflicts)
    assert " / " not in out
    code, out, err = run(capsysbinary, "table", with_conflict, "--format", "jsonl")
    rows = [json.loads(ln) for ln in out.splitlines()]
    assert rows and all(isinstance(r["articles"], list) and isinstance(r["conflict"], bool) for r in rows)
    assert any(r["region_code"] == "35.71" for r in rows)  # plain in JSON: it has strings


def test_table_reports_bad_records_and_writes_its_file_whole(capsysbinary, written, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    shutil.copy(written / f"{SEEDS[0].stem}.json", bad)
    (bad / "broken.json").write_text('{"id": "x", "facts": [', encoding="utf-8")
    (bad / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    target = tmp_path / "coverage.csv"
    code, out, err = run(capsysbinary, "table", bad, "--format", "csv", "-o", target)
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.splitlines() == [f"{bad / 'broken.json'}: malformed JSON: Expecting value",
                                f"{bad / 'other.json'}: not a berita-extract record (an object with an id and facts)"]
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and {r["articles"] for r in rows} == {SEEDS[0].stem}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "coverage.csv"]  # no temporary left


# ---------------------------------------------------------------- SQLite
def _counts(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_sqlite_upserts_and_answers_the_latest_rate_in_one_query(capsysbinary, inputs, written, tmp_path):
    db = tmp_path / "facts.db"
    code, out, err = run(capsysbinary, inputs, "--format", "sqlite", "--db", db, "--jobs", "2")
    assert code == 0 and out == "", err
    assert err.splitlines()[-1] == f"{len(list(written.glob('*.json')))} articles written to {db}, 0 failed"
    once = _counts(db)
    recs = _records(written)
    assert once["articles"] == len(recs) and once["facts"] == sum(len(r["facts"]) for r in recs)
    assert once["checks"] == sum(len(r["checks"]) for r in recs) and once["people"] == sum(len(r["people"]) for r in recs)
    # a repeated run, and a resumed one, leave the same rows
    assert main([str(inputs), "--format", "sqlite", "--db", str(db)]) == 0
    out_dir = tmp_path / "out"
    shutil.copytree(written, out_dir)
    (out_dir / f"{SEEDS[0].stem}.json").unlink()
    assert main([str(inputs), "--format", "sqlite", "--db", str(db), "-o", str(out_dir), "--resume"]) == 0
    capsysbinary.readouterr()
    assert _counts(db) == once
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    # the query the README shows
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert LATEST_RATE_SQL in readme
    got = con.execute(LATEST_RATE_SQL).fetchall()
    rates = [(f["region"], f["period"], f["value"]) for r in recs for f in r["facts"]
             if f["type"] == "coverage_rate" and f["region"] and f["period"]]
    newest = {}
    for region, period, _ in rates:
        newest[region] = max(newest.get(region, period), period)
    assert {g[0] for g in got} == set(newest)
    assert all(g[3] == newest[g[0]] and isinstance(g[1], str) for g in got)
    assert ("Kota Kediri", "35.71", "penerima_upah", "2024-05", 49.55, "000_b9e5ae7235c0760d") in got
    # keys between the tables: a check's facts, a fact's quantity
    joined = con.execute(
        "SELECT q.text, f.value FROM facts f JOIN quantities q ON q.article_id = f.article_id AND q.idx = f.quantity_idx "
        "JOIN check_facts cf ON cf.article_id = f.article_id AND cf.fact_idx = f.idx "
        "JOIN checks c ON c.article_id = cf.article_id AND c.idx = cf.check_idx "
        "WHERE f.article_id = '000_b9e5ae7235c0760d' AND c.kind = 'ratio' AND f.type = 'coverage_rate'"
    ).fetchall()
    assert ("49,65 persen", 49.65) in joined
    con.close()


def test_sqlite_replaces_an_article_whole(tmp_path, written):
    from berita_extract.sqlite_out import SqliteWriter

    rec = json.loads((written / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8"))
    db = tmp_path / "x.db"
    with SqliteWriter(str(db)) as w:
        w.write(rec)
    fewer = dict(rec, facts=rec["facts"][:2], checks=[])
    with SqliteWriter(str(db)) as w:
        w.write(fewer)
        with pytest.raises(sqlite3.IntegrityError):  # a fact pointing at no quantity: nothing of it is kept
            w.write(dict(rec, id="broken", facts=[dict(rec["facts"][0], quantity=999)]))
    c = _counts(db)
    assert c["articles"] == 1 and c["facts"] == 2 and c["checks"] == 0 and c["check_facts"] == 0


def test_sqlite_needs_db_and_db_needs_sqlite(capsysbinary, tmp_path):
    for argv in (["--format", "sqlite"], ["--db", tmp_path / "x.db"]):
        code, out, err = run(capsysbinary, SEEDS[0], *argv)
        assert code == 2 and "usage:" in err and out == ""
    assert not (tmp_path / "x.db").exists()


# ---------------------------------------------------------------- library
def test_extract_many_gives_the_cli_records_in_order(capsysbinary, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for p in SEEDS[:2]:
        shutil.copy(p, d / p.name)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "j1", "text": SEEDS[2].read_text(encoding="utf-8-sig")}) + "\n",
                      encoding="utf-8")
    code, out, err = run(capsysbinary, d, corpus, SEEDS[3])
    assert code == 0, err
    cli = out.splitlines()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = list(extract_many([d, str(corpus), tmp_path / "gone.txt", str(SEEDS[3]), NO_FACT], jobs=2))
    assert [a.model_dump_json() for a in got[:4]] == cli
    assert got[4].id == "text-4" and got[4].facts == []
    assert [str(w.message) for w in caught] == [f"{tmp_path / 'gone.txt'}: No such file or directory"]
    with pytest.raises(ValueError, match="gone.txt: No such file"):
        list(extract_many([tmp_path / "gone.txt"], errors="raise"))


def test_to_frame_has_the_csv_columns_with_types(written):
    recs = _records(written)
    df = to_frame(recs, "facts")
    assert list(df.columns) == COLUMNS
    assert len(df) == sum(max(1, len(r["facts"])) for r in recs)
    assert str(df.region_code.dtype) == "string" and str(df.span_start.dtype) == "Int64"
    assert str(df.checks_ok.dtype) == "boolean"
    kediri = df[(df.article_id == "000_b9e5ae7235c0760d") & (df.value == 49.65)]
    assert kediri.region_code.tolist() == ["35.71"] and kediri.checks_ok.tolist() == [True]
    cov = to_frame(recs, "coverage", latest=True)
    assert len(cov) and cov.period.notna().all()
    with pytest.raises(ValueError):
        to_frame(recs, "nonsense")


# ---------------------------------------------------------------- CLI manners
def test_a_mistyped_command_is_a_usage_error_with_a_suggestion(capsysbinary, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsysbinary, "tabel", ROOT / "seeds")
    assert code == 2 and out == ""
    assert "unknown command 'tabel'" in err and "did you mean 'table'?" in err and "Traceback" not in err
    code, out, err = run(capsysbinary, "shema")
    assert code == 2 and "did you mean 'schema'?" in err
    (tmp_path / "tabel").write_text(SEEDS[0].read_text(encoding="utf-8-sig"), encoding="utf-8")
    code, out, err = run(capsysbinary, "tabel")  # a file of that name is an article
    assert code == 0 and json.loads(out)["id"] == "tabel"


def test_progress_knows_the_total_of_a_jsonl_corpus(tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": "x"}) + "\n\n" for i in range(25)), encoding="utf-8")
    assert batch.count_inputs([str(corpus), str(ROOT / "seeds")]) == 25 + len(SEEDS)
    from berita_extract import cli

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", Tty())
    err = cli._Err()
    bar = cli._progress(err, lambda: batch.count_inputs([str(corpus)]), False)
    try:
        assert bar is not None and bar.total == 25
    finally:
        bar.close()
