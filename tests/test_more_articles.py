"""Five articles written for testing (tests/fixtures/more/*.txt), not from the seeds.

Each is a different outlet's style and region. The expectations were written
down from the text *before* running the tool: every number a careful reader
would read, its frame, the regulations and the arithmetic checks, and the
numbers that must NOT become quantities or facts.

Helpers: ``q(art, text)`` the quantity written exactly so (the n-th one),
``fact(art, type, value)`` the fact of that type and value.
"""
from __future__ import annotations

import pytest

from readers import checks, date, fact, fixture_articles, no_fact, no_q, q


@pytest.fixture(scope="module")
def arts():
    return fixture_articles("more")


# -- ANTARA, Kalimantan Timur: budget, last year vs this year, a rate with its base, a target ------------
def test_antara_kukar(arts):
    a = arts["antara_kukar"]
    kukar = "Kabupaten Kutai Kartanegara"
    assert q(a, "Rp4,2\u00a0miliar").value == 4.2e9 and q(a, "Rp4,2\u00a0miliar").unit == "IDR"
    assert q(a, "38,5\u00a0persen").value == 38.5
    base = q(a, "sekitar 310.000 pekerja")
    assert (base.kind, base.value, base.qualifier) == ("count", 310000, "approx")
    assert q(a, "Rp16.800").value == 16800
    # dates: a weekday date without year, "tahun lalu", a month
    rabu = date(a, "Rabu (15/5)")
    assert (rabu.value, rabu.year_inferred) == ("2024-05-15", True)
    assert a.event_date is not None and a.event_date.value == "2024-05-15"
    assert date(a, "tahun lalu").value == "2023"
    assert date(a, "April 2024").value == "2024-04"
    no_q(a, "15/5")
    # facts
    fact(a, "beneficiaries", 15000, segment="pekerja_rentan", period="2024", region=kukar)
    fact(a, "budget", 4.2e9, period="2024", region=kukar)
    fact(a, "beneficiaries", 11500, segment="pekerja_rentan", period="2023")
    fact(a, "coverage_rate", 38.5, period="2024-04", region=kukar)
    fact(a, "workforce", 310000, qualifier="approx", period="2024-04")
    fact(a, "coverage_target", 50, period="2024")
    no_fact(a, 16800)  # a price per person per month, not a budget
    assert not checks(a, "ratio")  # no participant count is stated: nothing to recompute


# -- detik-style national piece: millions, Rp. with a dot, a money range, three national regulations -----
def test_nasional_detik(arts):
    a = arts["nasional_detik"]
    x = q(a, "1,2 juta pekerja")
    assert (x.kind, x.value) == ("count", 1.2e6)
    x = q(a, "sekitar 20 juta pekerja")
    assert (x.value, x.qualifier) == (2e7, "approx")
    assert q(a, "Rp1,5 triliun").value == 1.5e12
    x = q(a, "Rp. 5 juta hingga Rp 20 miliar")
    assert (x.kind, x.value, x.upper, x.unit) == ("money", 5e6, 2e10, "IDR")
    x = q(a, "lebih dari 41 juta orang")
    assert (x.value, x.qualifier) == (4.1e7, "more_than")
    assert q(a, "214 pemda").value == 214
    for reg in ("2021", "36", "44/2015"):
        no_q(a, reg)
    # regulations
    refs = {(r.kind, r.number, r.year) for r in a.legal_refs}
    assert {("Inpres", "2", 2021), ("Perpres", "36", 2024), ("PP", "44", 2015)} <= refs
    pp = next(r for r in a.legal_refs if r.kind == "PP")
    assert pp.subject.startswith("Penyelenggaraan Program Jaminan Kecelakaan Kerja")
    # dates
    assert date(a, "31 Desember 2023").value == "2023-12-31"
    jj = date(a, "Januari-Juni 2024")
    assert (jj.value, jj.end) == ("2024-01", "2024-06")
    assert a.event_date.value == "2024-07-22"
    assert not [d for d in a.dates if d.value in ("2021", "2015")]  # regulation years are not dates
    # facts
    fact(a, "participants", 1.2e6, segment="pekerja_rentan", period="2023-12-31")
    fact(a, "budget", 1.5e12)
    fact(a, "participants", 4.1e7, qualifier="more_than", period="2024-06", region=None)  # "Secara nasional"
    fact(a, "coverage_target", 70, period="2026", region=None)
    no_fact(a, 214)  # governments, not workers


# -- Tribun, Jawa Tengah: a Perbup, PU + BPU = total, a budget with its beneficiaries and duration --------
def test_tribun_sragen(arts):
    a = arts["tribun_sragen"]
    perbup = [r for r in a.legal_refs if r.kind == "Perbup"]
    assert perbup and all((r.number, r.year, r.issuer) == ("12", 2024, "Kabupaten Sragen") for r in perbup)
    assert any((r.subject or "").startswith("Perlindungan Jaminan Sosial Ketenagakerjaan") for r in perbup)
    no_q(a, "12 Tahun")
    x = q(a, "Rp 806.400.000")
    assert (x.value, x.unit) == (806400000, "IDR")
    assert q(a, "enam bulan").kind == "duration" and q(a, "enam bulan").value == 6
    x = q(a, "sekitar 60 persen")
    assert (x.value, x.qualifier) == (60, "approx")
    assert date(a, "Kamis (13/6/2024)").value == "2024-06-13"
    assert date(a, "Juli 2024").value == "2024-07"
    # facts
    sragen = "Kabupaten Sragen"
    fact(a, "beneficiaries", 8000, segment="bukan_penerima_upah", period="2024-07")
    fact(a, "participants", 96500, segment="total", period="2024-05", region=sragen)
    fact(a, "participants", 71200, segment="penerima_upah", period="2024-05")
    fact(a, "participants", 25300, segment="bukan_penerima_upah", period="2024-05")
    fact(a, "budget", 806400000, details={"beneficiaries": 8000.0, "duration": 6.0, "duration_unit": "bulan"})
    no_fact(a, 60, "coverage_rate")  # a share of informal work, not of coverage
    [s] = checks(a, "sum")  # "Dari jumlah tersebut, peserta PU sebanyak 71.200 orang dan BPU sebanyak 25.300 orang"
    assert (s.expected, s.computed, s.ok) == (96500, 96500, True)


# -- press release, Sulawesi Selatan: a list by kecamatan, a benefit amount, a call-centre number ---------
def test_rilis_gowa(arts):
    a = arts["rilis_gowa"]
    gowa = "Kabupaten Gowa"
    for text, value in (("1.020 orang", 1020), ("640 orang", 640), ("730 orang", 730),
                        ("510 orang", 510), ("350 orang", 350)):
        assert q(a, text).value == value
    assert q(a, "Rp 655.200.000").value == 655200000
    assert q(a, "12 bulan").kind == "duration"
    assert q(a, "Rp42 juta").value == 4.2e7
    no_q(a, "175")  # a call-centre number
    assert a.event_date is not None and a.event_date.value == "2024-10-09"
    assert date(a, "September 2024").value == "2024-09"
    # facts
    # "yang iurannya dibayarkan melalui APBD" makes them beneficiaries, though the lead says "kepesertaan";
    # the headline's "Kartu Peserta kepada 3.250 Pekerja" is the same fact, not a second one
    assert [f.type for f in a.facts if f.value == 3250] == ["beneficiaries"]
    fact(a, "beneficiaries", 3250, segment="pekerja_rentan", region=gowa)
    fact(a, "budget", 655200000, details={"duration": 12.0, "duration_unit": "bulan"})
    fact(a, "coverage_rate", 45.3, period="2024-09", region=gowa)
    no_fact(a, 4.2e7)  # a death benefit paid to heirs, not a budget


# -- Kompas, Sulawesi Tenggara: the stated rate disagrees with its numbers --------------------------------
def test_salah_hitung_kendari(arts):
    a = arts["salah_hitung_kendari"]
    kendari = "Kota Kendari"
    x = q(a, "lebih dari 10.000 pekerja")
    assert (x.value, x.qualifier) == (10000, "more_than")
    x = q(a, "sekitar 12.000 hingga 15.000 pekerja")
    assert (x.value, x.upper, x.qualifier) == (12000, 15000, "approx")
    assert q(a, "Rp 2,5 miliar").value == 2.5e9
    assert date(a, "tahun depan").value == "2025"
    # facts
    fact(a, "workforce", 180000, period="2023", region=kendari)
    fact(a, "participants", 95400, period="2023", region=kendari)
    fact(a, "coverage_rate", 62, period="2023", region=kendari)
    # "Rp 2,5 miliar untuk membayar iuran sekitar 12.000 ... pada 2024": one statement, one period
    fact(a, "budget", 2.5e9, period="2024", details={"beneficiaries": 12000.0})
    fact(a, "beneficiaries", 12000, segment="pekerja_rentan", period="2024", qualifier="approx")
    # the check: 95.400 / 180.000 = 53 persen, not 62
    bad = [c for c in checks(a, "ratio") if c.expected == 62]
    assert bad and not any(c.ok for c in bad)
    assert abs(bad[0].computed - 53.0) < 1e-6


def test_nasional_detik_workforce_behind_a_restated_figure(arts):
    fact(arts["nasional_detik"], "workforce", 2e7, qualifier="approx", segment="pekerja_rentan")
