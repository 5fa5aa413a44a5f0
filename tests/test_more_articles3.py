"""Round 3: four more written articles (tests/fixtures/more3/*.txt) of kinds rounds 1-2 did not cover.

A quarterly report by sector (quarters and halves of a year as periods, year-on-year change, new
members as a flow, an RPJMD target), a budget story in the APBD Perubahan (a product the writer
spells out, a price, the whole regional spending, a population count), a story of rates with the
count in brackets and "%" glued, percentage points and an old and new level, and a story whose
period changes mid-paragraph while Kota and Kabupaten Bima alternate.  Expectations were written
from the text before running the tool (tests/fixtures/more3/EXPECTED.md, with what differed).
"""
from __future__ import annotations

import pytest

from readers import checks, date, fact, fixture_articles, no_fact, no_q, q


@pytest.fixture(scope="module")
def arts():
    return fixture_articles("more3")


# -- Sumatera Ekspres, Sumatera Selatan: a quarterly report by sector ---------------------------------
def test_sumeks_triwulan(arts):
    a = arts["sumeks_triwulan"]
    sumsel = "Provinsi Sumatera Selatan"
    tw = date(a, "triwulan III 2024")
    assert (tw.value, tw.end, tw.granularity) == ("2024-07", "2024-09", "month")
    sem = date(a, "semester I 2024")
    assert (sem.value, sem.end) == ("2024-01", "2024-06")
    rng = date(a, "Januari hingga September 2024")
    assert (rng.value, rng.end) == ("2024-01", "2024-09")
    assert date(a, "Oktober 2024").value == "2024-10"
    assert date(a, "tahun lalu").value == "2023"  # "periode yang sama tahun lalu"
    assert (date(a, "2025-2029").value, date(a, "2025-2029").end) == ("2025", "2029")
    assert a.event_date.value == "2024-10-14"
    assert {(r.kind, r.number, r.year) for r in a.legal_refs} == {("Inpres", "2", 2021)}
    assert [r.name for r in a.regions] == [sumsel]  # "Sumbagsel" is a BPJS office
    x = q(a, "sekitar 96.000 nelayan")
    assert (x.value, x.qualifier) == (96000, "approx")
    # the level as of the quarter's close
    fact(a, "participants", 1245300, period="2024-09", region=sumsel)
    no_fact(a, 12)  # "naik 12 persen dibanding periode yang sama tahun lalu": a change
    no_fact(a, 133400)  # "menambah 133.400 peserta baru": new members over nine months, a flow
    fact(a, "participants", 86200, segment="jasa_konstruksi", period="2024-10")  # "ada ... yang terdaftar"
    no_fact(a, 86200, "workforce")
    fact(a, "participants", 4150, period="2024-06")  # migrant workers, semester I
    fact(a, "participants", 21300)
    fact(a, "workforce", 96000, qualifier="approx")  # "21.300 orang dari sekitar 96.000 nelayan"
    fact(a, "coverage_target", 70, period="2029", details={"target_year": 2029})
    assert not checks(a, "ratio")  # no rate is stated for the fishers


# -- Lombok Post, NTB: the APBD Perubahan -----------------------------------------------------------
def test_lombokpost_apbdp(arts):
    a = arts["lombokpost_apbdp"]
    lotim = "Kabupaten Lombok Timur"
    assert q(a, "Rp750 juta").value == 750e6
    assert q(a, "Rp 1,008 miliar").value == 1.008e9
    assert q(a, "Rp 1,2 triliun").value == 1.2e12
    assert q(a, "12 bulan").kind == "duration"
    pop = q(a, "1.234.567 jiwa")
    assert (pop.kind, pop.value) == ("count", 1234567)
    assert a.event_date.value == "2024-10-03"
    assert {(r.kind, r.number, r.year, r.issuer) for r in a.legal_refs} == {("Perbup", "12", 2023, lotim)}
    no_q(a, "2023")
    fact(a, "budget", 750e6, period="2024", region=lotim)  # "dalam APBD Perubahan 2024"
    fact(a, "budget", 1.008e9, region=lotim)
    fact(a, "beneficiaries", 5000)
    fact(a, "beneficiaries", 8700, segment="pekerja_rentan", period="2024-12")
    no_fact(a, 16800)  # a price, also inside the product "Rp 16.800 x 12 bulan x 5.000 pekerja"
    no_fact(a, 3700)  # "bertambah 3.700 orang": an increase
    no_fact(a, 1234567)  # the population, not workers
    no_fact(a, 1.2e12)  # "belanja daerah ... Rp 1,2 triliun": the whole regional spending
    # the product the writer spells out (16.800 x 12 x 5.000 = 1,008 miliar) is not checked: checks
    # are ratio, sum, enumeration (SPEC), and its factors are a price and a duration, no facts
    assert a.checks == []


# -- Radar Madiun, Jawa Timur: rates with their counts in brackets ------------------------------------
def test_radarmadiun_persen(arts):
    a = arts["radarmadiun_persen"]
    madiun = "Kabupaten Madiun"
    assert q(a, "34,5%").value == 34.5  # glued to "(12.300 pekerja)"
    assert q(a, "12.300 pekerja").value == 12300
    assert q(a, "70%").value == 70
    assert date(a, "Juni 2024").value == "2024-06"
    assert a.event_date.value == "2024-07-10"
    fact(a, "coverage_rate", 34.5, segment="penerima_upah", period="2024-06", region=madiun)
    fact(a, "participants", 12300, segment="penerima_upah", period="2024-06")
    fact(a, "workforce", 35650, segment="penerima_upah")  # "dari 35.650 pekerja yang ada"
    no_fact(a, 7.5)  # "7,5 persen poin": a change in points
    fact(a, "coverage_rate", 62.9, segment="jasa_konstruksi")
    fact(a, "participants", 4402, segment="jasa_konstruksi")
    fact(a, "workforce", 7000, segment="jasa_konstruksi")
    # "naik dari 40 persen pada 2023 menjadi 55 persen tahun ini": the old level and the new one
    fact(a, "coverage_rate", 40, segment="pekerja_rentan", period="2023")
    fact(a, "coverage_rate", 55, segment="pekerja_rentan", period="2024")
    fact(a, "beneficiaries", 6600, segment="pekerja_rentan", period="2024")
    fact(a, "coverage_target", 70, segment="pekerja_rentan", period="2025")
    ratios = {c.expected: c for c in checks(a, "ratio")}
    assert set(ratios) == {34.5, 62.9}
    assert ratios[34.5].ok and abs(ratios[34.5].computed - 34.502) < 1e-3
    # 4.402 / 7.000 = 62,886: "62,9" holds only with rounding (truncation would give 62,8)
    assert ratios[62.9].ok and abs(ratios[62.9].computed - 62.886) < 1e-3


# -- Suara NTB: the period changes mid-paragraph, two regions alternate ------------------------------
def test_suarantb_bima(arts):
    a = arts["suarantb_bima"]
    kota, kab = "Kota Bima", "Kabupaten Bima"
    assert [r.name for r in a.regions] == [kota, kab]
    assert a.event_date.value == "2024-03-15"
    fact(a, "participants", 14200, period="2022", region=kota)
    fact(a, "participants", 15900, period="2023", region=kota)  # "Sementara pada 2023, ..."
    fact(a, "coverage_rate", 31, region=kota)
    fact(a, "coverage_rate", 18, region=kab)  # "sedangkan di Kabupaten Bima"
    fact(a, "participants", 26400, region=kab)
    fact(a, "workforce", 146000, qualifier="approx", region=kab)
    fact(a, "beneficiaries", 2500, segment="pekerja_rentan", period="2023", region=kota)
    fact(a, "beneficiaries", 4000, segment="pekerja_rentan", period="2023", region=kab)
    fact(a, "beneficiaries", 3000, period="2024", region=kota)  # "Tahun ini, Kota Bima ..."
    ratios = checks(a, "ratio")
    assert len(ratios) == 1 and ratios[0].ok and ratios[0].expected == 18
    assert {a.facts[i].region for i in ratios[0].facts} == {kab}  # never Kota and Kabupaten mixed
