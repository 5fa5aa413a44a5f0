"""Checks: ratio, sum and enumeration, with rounding, truncation and the slack of "sekitar"."""
from __future__ import annotations

import pytest

import factkit as K
from berita_extract import checks


@pytest.mark.parametrize("computed,stated,decimals,approx,ok", [
    (49.650401, 49.65, 2, False, True),      # rounded
    (40.897387, 40.89, 2, False, True),      # truncated
    (40.897387, 40.90, 2, False, True),      # rounded up
    (41.704721, 41.7, 1, False, True),
    (28.188034, 28.19, 2, False, True),
    (28.188034, 28.18, 2, False, True),      # truncated
    (28.188034, 28.17, 2, False, False),
    (50.0, 60.0, 0, False, False),
    (52.6, 53.0, 0, False, True),
    (52.4, 53.0, 0, False, False),
    (88.956522, 90.0, 0, True, True),        # sekitar 90: +-5 points
    (84.0, 90.0, 0, True, False),
    (57.2, 58.0, 0, True, True),             # sekitar 58: +-1 point
    (56.5, 58.0, 0, True, False),
])
def test_agrees(computed, stated, decimals, approx, ok):
    assert checks.agrees(computed, stated, decimals, approx) is ok


@pytest.mark.parametrize("text,value,decimals", [
    ("49,65 persen", 49.65, 2), ("41,70 persen", 41.7, 2), ("53 persen", 53, 0), ("12.5%", 12.5, 1), ("sekitar 90 persen", 90, 0),
])
def test_stated_decimals(text, value, decimals):
    assert checks.stated_decimals(text, value) == decimals


def test_seed000_six_ratio_checks_pass_by_hand():
    a = K.run(K.seed000())
    ratios = [c for c in a.checks if c.kind == "ratio"]
    assert sorted(c.expected for c in ratios) == sorted([49.65, 43.23, 47.26, 49.55, 28.19, 41.70])
    assert all(c.ok for c in ratios), [c.statement for c in ratios if not c.ok]
    for c in ratios:
        rate = a.facts[c.facts[0]]
        assert rate.type == "coverage_rate" and rate.value == c.expected
        assert {a.facts[i].period for i in c.facts} == {rate.period}


def test_seed003_sum_and_truncated_ratio_by_hand():
    a = K.run(K.seed003())
    (s,) = [c for c in a.checks if c.kind == "sum"]
    assert (s.expected, s.computed, s.ok) == (667892, 667892, True)
    assert sorted(a.facts[i].value for i in s.facts) == [330493, 337399, 667892]
    (r,) = [c for c in a.checks if c.kind == "ratio"]
    assert r.ok and r.expected == 40.89 and abs(r.computed - 135163 / 330493 * 100) < 1e-4


def test_seed002_approx_ratio_and_enumeration_by_hand():
    a = K.run(K.seed002())
    (r,) = [c for c in a.checks if c.kind == "ratio"]
    assert r.ok and r.expected == 90 and abs(r.computed - 2046 / 2300 * 100) < 1e-4
    (e,) = [c for c in a.checks if c.kind == "enumeration"]
    assert e.ok and (e.expected, e.computed) == (7, 7)
    assert "Kota Magelang" in e.statement and "Temanggung" in e.statement


def test_seed004_no_ratio_without_the_numbers_behind_it_by_hand():
    a = K.run(K.seed004())
    assert a.checks == []


def test_a_failed_check_is_reported_with_both_numbers():
    text = "Potensi pekerja sebanyak 70.000 orang, realisasinya 35.000 orang sehingga coveragenya 60 persen."
    ctx = K.build(text, quantities=[("70.000 orang", "count", 70000, "orang"), ("35.000 orang", "count", 35000, "orang"),
                                    ("60 persen", "percent", 60)])
    (c,) = K.run(ctx).checks
    assert (c.kind, c.ok, c.expected, c.computed) == ("ratio", False, 60, 50)
    assert "60 persen" in c.statement and "50" in c.statement


def test_a_sum_that_does_not_add_up_fails():
    text = "Jumlah tenaga kerja ada 1.000 orang. Dari 1.000 orang itu sebanyak 600 pekerja formal dan 300 pekerja informal."
    ctx = K.build(text, quantities=[("1.000 orang", "count", 1000, "orang"), ("1.000 orang", "count", 1000, "orang"),
                                    ("600 pekerja", "count", 600, "pekerja"), ("300 pekerja", "count", 300, "pekerja")])
    (c,) = K.run(ctx).checks
    assert (c.kind, c.ok, c.expected, c.computed) == ("sum", False, 1000, 900)


def test_enumeration_that_does_not_match_fails():
    text = ("Penghargaan diberikan kepada Pemerintah Kabupaten Pati, Kudus, dan Temanggung.\n"
            "Ada lima pemda penerima penghargaan.")
    ctx = K.build(text, quantities=[("lima pemda", "count", 5, "pemda")])
    (c,) = K.run(ctx).checks
    assert (c.kind, c.ok, c.expected, c.computed) == ("enumeration", False, 5, 3)


# ---------------------------------------------------------------- the seeds, whole pipeline
def _rec(seed_records, prefix):
    return next(rec for stem, (src, rec) in seed_records.items() if stem.startswith(prefix))


def test_seed_checks(seed_records):
    a = _rec(seed_records, "000")
    ratios = [c for c in a.checks if c.kind == "ratio"]
    assert len(ratios) == 6 and all(c.ok for c in ratios)
    a = _rec(seed_records, "003")
    assert {(c.kind, c.expected, c.ok) for c in a.checks} == {("sum", 667892, True), ("ratio", 40.89, True)}
    a = _rec(seed_records, "002")
    assert {(c.kind, c.expected, c.ok) for c in a.checks} >= {("ratio", 90, True), ("enumeration", 7, True)}
    a = _rec(seed_records, "004")
    assert [c for c in a.checks if c.kind == "ratio"] == []


def test_a_failed_sum_names_the_stated_whole_among_its_facts():
    from berita_extract import extract

    a = extract("Jumlah peserta BPJS Ketenagakerjaan di Kota Denpasar per Maret 2025 sebanyak 48.000 orang.\n\n"
                "Dari jumlah tersebut, peserta penerima upah sebanyak 30.500 orang dan bukan penerima upah "
                "sebanyak 16.200 orang.")
    (s,) = [c for c in a.checks if c.kind == "sum"]
    assert (s.ok, s.expected, s.computed) == (False, 48000, 46700)
    whole = next(i for i, f in enumerate(a.facts) if f.value == 48000)
    assert whole in s.facts
    assert {a.facts[i].value for i in s.facts} == {48000, 30500, 16200}


def test_a_pasted_table_sums_its_rows_against_its_total():
    from berita_extract import extract

    a = extract("Peserta BPU di Tiga Desa\n\nGARUT - Pemerintah Kabupaten Garut mencatat 3.300 pekerja bukan "
                "penerima upah di tiga desa sudah menjadi peserta BPJS Ketenagakerjaan per Mei 2024.\n\n"
                "No. Desa Peserta\n1. Sukamaju 1.100\n2. Sukajadi 900\n3. Mekarsari 1.300\nJumlah 3.300\n")
    (s,) = [c for c in a.checks if c.kind == "sum"]
    assert (s.ok, s.expected, s.computed) == (True, 3300, 3300)
    assert s.statement.startswith("1.100 + 900 + 1.300 = 3.300")
    assert [f.value for f in a.facts] == [3300]  # the rows (per desa) are no facts, nor their numbering


def test_a_ratio_never_mixes_a_kota_with_the_kabupaten_of_the_same_name():
    from conftest import ROOT
    from berita_extract import extract_file

    a = extract_file(ROOT / "tests/corpus/suarantb_bima.txt")  # Kota and Kabupaten Bima alternate
    (r,) = [c for c in a.checks if c.kind == "ratio"]
    assert r.ok and r.expected == 18
    assert {a.facts[i].region for i in r.facts} == {"Kabupaten Bima"}
