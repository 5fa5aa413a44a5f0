"""Tables: the CSV rows (one per fact) and the terminal coverage table."""
from __future__ import annotations

import csv
import io

import factkit as K
from berita_extract import tables


def _csv(articles) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(tables.csv_header())
    for a in articles:
        w.writerows(tables.csv_rows(a))
    return buf.getvalue()


def test_csv_parses_back_one_row_per_fact():
    arts = [K.run(K.seed000()), K.run(K.seed004())]
    rows = list(csv.DictReader(io.StringIO(_csv(arts))))
    assert len(rows) == sum(len(a.facts) for a in arts)
    header = tables.csv_header()
    for need in ("article_id", "type", "region", "region_code", "segment", "period", "value", "unit", "qualifier",
                 "sentence", "span_start", "span_end"):
        assert need in header
    n = 0
    for a in arts:
        for f in a.facts:
            row = rows[n]
            n += 1
            assert row["article_id"] == a.id and row["type"] == f.type
            assert float(row["value"]) == f.value
            assert row["sentence"] == f.sentence
            assert (int(row["span_start"]), int(row["span_end"])) == tuple(f.span)
            assert row["segment"] == (f.segment or "") and row["period"] == (f.period or "")


def test_csv_region_code_and_details():
    a = K.run(K.seed004())
    rows = list(csv.DictReader(io.StringIO(_csv([a]))))
    budget = [r for r in rows if r["type"] == "budget"][0]
    assert budget["region"] == "Kabupaten Trenggalek" and budget["region_code"] == "35.03"
    assert budget["value"] == "365600000" and budget["unit"] == "IDR"
    assert '"beneficiaries": 5600' in budget["details"]


def test_csv_quotes_sentences_with_commas_and_quotes():
    text = 'Kata dia, "potensi pekerja, yakni 5.000 orang" sudah dihitung.'
    ctx = K.build(text, quantities=[("5.000 orang", "count", 5000, "orang")])
    a = K.run(ctx)
    assert a.facts, "the cue 'potensi pekerja' makes a workforce fact"
    out = _csv([a])
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2 and rows[1][tables.csv_header().index("sentence")] == text
    assert '""potensi' in out  # the quote mark is doubled inside a quoted field


def test_csv_of_an_article_without_facts_is_empty():
    a = K.run(K.build("Tidak ada angka di sini."))
    assert list(tables.csv_rows(a)) == []


def test_coverage_table_groups_by_region_period_segment():
    out = tables.coverage_table([K.run(K.seed000()), K.run(K.seed002())])
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["region", "period", "segment", "rate"]
    kediri_pu_2023 = [ln for ln in lines if ln.startswith("Kota Kediri") and " 2023 " in ln and " PU " in ln]
    assert len(kediri_pu_2023) == 1
    row = kediri_pu_2023[0]
    assert "49,65%" in row and "68.078" in row and "33.801" in row and "ok" in row
    assert any(ln.startswith("Kota Magelang") and "~90%" in ln and "2.300" in ln for ln in lines)
    assert len(lines[1].split()) == len(lines[0].split()) and set(lines[1]) == {"-", " "}  # a rule per column


def test_coverage_table_of_nothing():
    assert tables.coverage_table([]).strip()


def test_coverage_table_flags_a_sum_that_does_not_add_up():
    from conftest import ROOT
    from berita_extract import extract_file

    art = extract_file(ROOT / "tests/corpus/salah_jumlah_denpasar.txt")
    (whole,) = [ln for ln in tables.coverage_table([art]).splitlines() if " total " in ln]
    assert "48.000" in whole and "sum FAIL (46.700)" in whole
