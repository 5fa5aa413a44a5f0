"""Round 2: five more written articles (tests/fixtures/more2/*.txt) of kinds round 1 did not cover.

A JKN / BPJS Kesehatan story (another body: no worker social security facts), a JHT/JKM claims
story (benefits paid are no budget; claimants are no beneficiaries; PDS employers are the gap), a
DPRD budget story over two fiscal years ("anggaran tersebut" links back; "naik 5 persen" is a
change), a provincial roundup (each regency's rate its own region; "1.5 juta", "109,678 orang"),
and a story whose parts do not add up to its stated whole (a failing sum check) with "hampir" /
"lebih dari" rates.  Expectations were written from the text before running the tool.
"""
from __future__ import annotations

import pytest

from readers import checks, date, fact, fixture_articles, no_fact, no_q, q


@pytest.fixture(scope="module")
def arts():
    return fixture_articles("more2")


# -- Radar Banyumas, Jawa Tengah: JKN / UHC, a PBI budget --------------------------------------------
def test_jkn_banyumas(arts):
    a = arts["jkn_banyumas"]
    # the numbers are read as numbers ...
    assert q(a, "98,5 persen").value == 98.5
    assert q(a, "1.712.400 jiwa").value == 1712400
    assert q(a, "Rp 45 miliar").value == 45e9
    assert date(a, "1 Januari 2025").value == "2025-01-01"
    assert a.event_date.value == "2025-01-09"
    # ... but they are BPJS Kesehatan's members, UHC rate and PBI budget: no BPJS Ketenagakerjaan fact
    assert a.facts == []
    assert a.checks == []


# -- Tribun Batam, Kepulauan Riau: JHT/JKM claims, PDS employers ----------------------------------------
def test_klaim_batam(arts):
    a = arts["klaim_batam"]
    assert q(a, "Rp 12,5 miliar").value == 12.5e9
    assert q(a, "1.230 peserta").value == 1230
    x = q(a, "sekitar 1.500 perusahaan")
    assert (x.value, x.qualifier) == (1500, "approx")
    rng = date(a, "Januari hingga Maret 2025")
    assert (rng.value, rng.end) == ("2025-01", "2025-03")
    assert {(r.kind, r.number, r.year) for r in a.legal_refs} == {("PP", "44", 2015)}
    # claims and benefits paid are no budget, their receivers no beneficiaries
    for v in (12.5e9, 3.1e9, 42e6, 1230, 74):
        no_fact(a, v)
    assert not [f for f in a.facts if f.type in ("budget", "beneficiaries")]
    # active participants and employers "saat ini" (the day he spoke)
    fact(a, "participants", 212000, period="2025-04-14")
    fact(a, "employers", 8400, period="2025-04-14")
    no_fact(a, 1500)  # employers registering only part of their workers (PDS): the gap, not a level
    # the branch office's name is no region; the dateline neither
    assert all(f.region is None for f in a.facts)


# -- PRFM, Jawa Barat: DPRD budget over two fiscal years --------------------------------------------------
def test_dprd_garut(arts):
    a = arts["dprd_garut"]
    garut = "Kabupaten Garut"
    assert q(a, "Rp 3,2 M").value == 3.2e9
    assert q(a, "Rp 1,8 miliar").value == 1.8e9
    assert q(a, "25 ribu pekerja").value == 25000
    assert date(a, "tahun anggaran 2025").value == "2025"
    assert date(a, "tahun ini").value == "2024"
    no_q(a, "2021")
    assert {(r.kind, r.number, r.year) for r in a.legal_refs} == {("Inpres", "2", 2021)}
    fact(a, "budget", 3.2e9, period="2025", region=garut, details={"beneficiaries": 25000.0})
    fact(a, "budget", 1.8e9, period="2024", region=garut, details={})  # the old value, no beneficiaries
    fact(a, "beneficiaries", 25000, period="2025", segment="pekerja_rentan")  # "anggaran tersebut"
    fact(a, "beneficiaries", 12500, period="2024")  # "tahun ini"
    fact(a, "coverage_rate", 31, period="2024-11-20")  # "kini mencapai"
    no_fact(a, 5)  # "naik 5 persen": a change, not a level
    no_fact(a, 16800)  # a price per person per month
    no_fact(a, 2)  # "dua kali lipat"
    fact(a, "coverage_target", 45, period="2026", details={"target_year": 2026})
    assert len([f for f in a.facts if f.type == "budget"]) == 2  # the headline's Rp 3,2 M is the body's


# -- Waspada, Sumatera Utara: a provincial roundup -----------------------------------------------------
def test_sumut_roundup(arts):
    a = arts["sumut_roundup"]
    assert q(a, "1.5 juta pekerja").value == 1.5e6  # sloppy decimal point
    assert q(a, "109,678 orang").value == 109678  # English-style thousands in a count
    fact(a, "coverage_rate", 45.2, region="Kabupaten Deli Serdang")
    fact(a, "coverage_rate", 60.1, region="Kota Medan")
    fact(a, "coverage_rate", 38, region="Kabupaten Langkat")
    fact(a, "participants", 1.5e6, region="Provinsi Sumatera Utara")
    fact(a, "participants", 109678, segment="bukan_penerima_upah", region="Provinsi Sumatera Utara")
    assert not checks(a, "ratio")


# -- Bali Post: a stated whole its parts do not add up to ------------------------------------------------
def test_salah_jumlah_denpasar(arts):
    a = arts["salah_jumlah_denpasar"]
    dps = "Kota Denpasar"
    x = q(a, "hampir 40 persen")
    assert (x.value, x.qualifier) == (40, "approx")
    x = q(a, "lebih dari 90 persen")
    assert (x.value, x.qualifier) == (90, "more_than")
    whole = fact(a, "participants", 48000, segment="total", period="2025-03", region=dps)
    fact(a, "participants", 30500, segment="penerima_upah", period="2025-03")
    fact(a, "participants", 16200, segment="bukan_penerima_upah", period="2025-03")
    assert len([f for f in a.facts if f.value == 48000]) == 1  # the headline is the body's number
    sums = checks(a, "sum")
    assert len(sums) == 1 and not sums[0].ok
    assert (sums[0].expected, sums[0].computed) == (48000, 46700)
    assert a.facts.index(whole) in sums[0].facts
    fact(a, "coverage_rate", 40, qualifier="approx", region=dps)
    fact(a, "coverage_rate", 90, qualifier="more_than", segment="jasa_konstruksi")
    fact(a, "coverage_target", 50, period="2026")  # "tahun depan"


def test_sumut_roundup_period_from_the_lede(arts):
    fact(arts["sumut_roundup"], "coverage_rate", 45.2, period="2024-06")
