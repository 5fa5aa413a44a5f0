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
    for need in ("article_id", "title", "url", "published", "event_date", "type", "region", "region_code",
                 "segment", "period", "value", "unit", "counted", "qualifier", "checks", "checks_ok", "sentence",
                 "span_start", "span_end", "quantity_start", "quantity_end"):
        assert need in header
    n = 0
    for a in arts:
        for i, f in enumerate(a.facts):
            row = rows[n]
            n += 1
            assert row["article_id"] == a.id and row["type"] == f.type and row["fact"] == str(i)
            assert float(row["value"]) == f.value
            assert row["sentence"] == f.sentence
            assert (int(row["span_start"]), int(row["span_end"])) == tuple(f.span)
            q = a.quantities[f.quantity]
            assert (int(row["quantity_start"]), int(row["quantity_end"])) == tuple(q.span) and row["text"] == q.text
            assert row["segment"] == (f.segment or "") and row["period"] == (f.period or "")


def test_csv_region_code_is_text_and_details_have_their_own_columns():
    a = K.run(K.seed004())
    rows = list(csv.DictReader(io.StringIO(_csv([a]))))
    budget = [r for r in rows if r["type"] == "budget"][0]
    assert budget["region"] == "Kabupaten Trenggalek" and budget["region_code"] == "kemendagri:35.03"
    assert budget["value"] == "365600000" and budget["unit"] == "IDR" and budget["counted"] == ""
    assert budget["beneficiaries"] == "5600"
    assert "details" not in rows[0]  # no JSON inside a cell


def test_csv_labels_percent_and_count_targets():
    text = "Pemkot menargetkan kepesertaan 60 persen atau 10.000 pekerja pada 2025."
    ctx = K.build(text, quantities=[("60 persen", "percent", 60), ("10.000 pekerja", "count", 10000, "pekerja")],
                  dates=[("2025", "2025")])
    a = K.run(ctx)
    rows = {r["value"]: r for r in csv.DictReader(io.StringIO(_csv([a]))) if r["type"] == "coverage_target"}
    assert rows["60"]["unit"] == "percent" and rows["60"]["counted"] == ""
    assert rows["10000"]["unit"] == "count" and rows["10000"]["counted"] == "pekerja"


def test_csv_names_each_fact_s_checks_and_their_verdict():
    a = K.run(K.seed000())
    rows = list(csv.DictReader(io.StringIO(_csv([a]))))
    rate = [r for r in rows if r["type"] == "coverage_rate" and r["value"] == "49.65"][0]
    assert rate["checks"] == "ratio ok" and rate["checks_ok"] == "true"
    in_none = [r for r in rows if r["type"] == "beneficiaries"]
    assert in_none and all(r["checks"] == "" and r["checks_ok"] == "" for r in in_none)
    failing = dict(a.model_dump(mode="json"))
    failing["checks"] = [dict(c, ok=False) for c in failing["checks"]]
    rate = [r for r in csv.DictReader(io.StringIO(_csv([failing]))) if r["value"] == "49.65"][0]
    assert rate["checks"] == "ratio FAIL" and rate["checks_ok"] == "false"


def test_csv_reads_url_and_published_when_the_record_has_them():
    rec = K.run(K.seed004()).model_dump(mode="json")
    rec.update(url="https://example.id/berita/1", published="2024-11-15T08:00:00+07:00")
    row = next(csv.DictReader(io.StringIO(_csv([rec]))))
    assert row["url"] == "https://example.id/berita/1" and row["published"] == "2024-11-15T08:00:00+07:00"


def test_csv_quotes_sentences_with_commas_and_quotes():
    text = 'Kata dia, "potensi pekerja, yakni 5.000 orang" sudah dihitung.'
    ctx = K.build(text, quantities=[("5.000 orang", "count", 5000, "orang")])
    a = K.run(ctx)
    assert a.facts, "the cue 'potensi pekerja' makes a workforce fact"
    out = _csv([a])
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2 and rows[1][tables.csv_header().index("sentence")] == text
    assert '""potensi' in out  # the quote mark is doubled inside a quoted field


def test_csv_lists_an_article_without_facts_as_one_row():
    a = K.run(K.build("Tidak ada angka di sini.", event_date="2024-05-28"))
    (row,) = list(csv.DictReader(io.StringIO(_csv([a]))))
    assert row["article_id"] == "t" and row["event_date"] == "2024-05-28"
    assert row["type"] == "" and row["value"] == "" and row["fact"] == ""


def test_coverage_table_has_a_row_per_region_period_segment_and_measure():
    out = tables.coverage_table([K.run(K.seed000()), K.run(K.seed002())])
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["region", "period", "segment", "type", "value"]
    assert len(lines[1].split()) == len(lines[0].split()) and set(lines[1]) == {"-", " "}  # a rule per column
    kediri_pu_2023 = [ln for ln in lines if ln.startswith("Kota Kediri") and " 2023 " in ln and " PU " in ln]
    assert len(kediri_pu_2023) == 3  # rate, workforce, participants
    assert any("coverage_rate" in ln and "49,65%" in ln and "ratio ok" in ln for ln in kediri_pu_2023)
    assert any("workforce" in ln and "68.078" in ln for ln in kediri_pu_2023)
    assert any(ln.startswith("Kota Magelang") and "~90%" in ln for ln in lines)
    assert any(ln.startswith("Kota Magelang") and "coverage_target (count)" in ln and "2.300" in ln for ln in lines)
    assert " / " not in out


def test_coverage_table_of_nothing():
    assert tables.coverage_table([]).strip()


def test_coverage_table_flags_a_sum_that_does_not_add_up():
    from conftest import ROOT
    from berita_extract import extract_file

    art = extract_file(ROOT / "tests/corpus/salah_jumlah_denpasar.txt")
    (whole,) = [ln for ln in tables.coverage_table([art]).splitlines() if " total " in ln]
    assert "48.000" in whole and "sum FAIL" in whole
