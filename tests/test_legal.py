"""Regulation references (SPEC `legal_refs`); pattern examples live in patterns/legal.toml."""
from __future__ import annotations

import pytest

from berita_extract import extract, legal
from berita_extract.patterns import load
from berita_extract.pipeline import build_context


def _refs(text):
    return extract(text).legal_refs


def _seed(seed_records, prefix):
    stem = next(s for s in seed_records if s.startswith(prefix))
    return seed_records[stem]


def test_seed_000(seed_records):
    source, record = _seed(seed_records, "000")
    got = [(r.kind, r.number, r.year, r.issuer) for r in record.legal_refs]
    assert got == [("Inpres", "2", 2021, None), ("Perwali", "34", 2023, "Kota Kediri")]
    assert record.legal_refs[1].subject == "pedoman pelaksanaan pemberian Jamsostek bagi pekerja rentan"
    for r in record.legal_refs:
        assert source[r.span[0]:r.span[1]] == r.text
        # no date is read inside a regulation reference
        assert not any(d.span[0] < r.span[1] and r.span[0] < d.span[1] for d in record.dates)


def test_seed_001_two_mentions_two_items(seed_records):
    source, record = _seed(seed_records, "001")
    assert [(r.kind, r.title, r.number, r.year, r.text) for r in record.legal_refs] == [
        ("Inpres", "Instruksi Presiden", "2", 2021, "Instruksi Presiden Nomor 2 Tahun 2021")
    ] * 2
    assert record.legal_refs[0].span != record.legal_refs[1].span


def _all_forms():
    for entry in load("legal")["kinds"]:
        for form in entry["forms"]:
            yield pytest.param(form, entry["kind"], entry.get("level", ""), id=form)


@pytest.mark.parametrize("form,kind,level", list(_all_forms()))
def test_every_written_form_gives_its_kind(form, kind, level):
    region = "" if level in ("", "any") else " Kediri"
    refs = _refs(f"Hal itu diatur dalam {form}{region} Nomor 7 Tahun 2020 tentang Jaminan Sosial.")
    assert len(refs) == 1, refs
    r = refs[0]
    assert (r.kind, r.title, r.number, r.year, r.subject) == (kind, form, "7", 2020, "Jaminan Sosial")
    if level in ("kota", "kabupaten", "provinsi"):
        assert r.issuer == {"kota": "Kota", "kabupaten": "Kabupaten", "provinsi": "Provinsi"}[level] + " Kediri"
    else:
        assert r.issuer is None


def test_reference_spans_are_claimed_for_the_numbers_step():
    text = "Sesuai PP 44/2015 dan Perwali Kediri Nomor 34 tahun 2023, sebanyak 9.695 orang terdaftar."
    ctx = build_context(text)
    refs = legal.extract(ctx)
    assert [r.text for r in refs] == ["PP 44/2015", "Perwali Kediri Nomor 34 tahun 2023"]
    for r in refs:
        assert ctx.is_claimed(*r.span)
    assert not ctx.is_claimed(text.index("9.695"), text.index("9.695") + 5)


def test_without_number_or_subject_there_is_no_reference():
    assert _refs("Saat ini perubahan SK penerima sedang diproses.") == []
    assert _refs("Pemkot menyiapkan Perbup baru untuk pekerja rentan.") == []


def test_subject_stops_at_clause_boundaries():
    refs = _refs("Mengacu UU Nomor 24 Tahun 2011 tentang BPJS, yang mengatur jaminan sosial, dan Inpres "
                 "Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan.")
    assert [r.subject for r in refs] == ["BPJS", "Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan"]


def test_complex_number_keeps_its_form_and_year():
    (r,) = _refs("Surat Edaran Nomor M/3/HK.04/III/2020 tentang Perlindungan Pekerja dikeluarkan Menaker.")
    assert (r.kind, r.number, r.year, r.subject) == ("SE", "M/3/HK.04/III/2020", 2020, "Perlindungan Pekerja")


def test_perda_issuer_follows_the_written_level():
    refs = _refs("Perda Kabupaten Kediri Nomor 1 Tahun 2022, Perda Jatim Nomor 2 Tahun 2022 dan Perda Nomor 3 Tahun 2022.")
    assert [r.issuer for r in refs] == ["Kabupaten Kediri", "Provinsi Jawa Timur", None]


def test_slash_form_reference_keeps_its_subject_and_leaves_no_number_or_date():
    a = extract("Besaran iuran mengikuti PP 44/2015 tentang Penyelenggaraan Program Jaminan Kecelakaan Kerja "
                "dan Jaminan Kematian, kata Direktur di Jakarta, Senin (22/7/2024).")
    (r,) = a.legal_refs
    assert (r.kind, r.number, r.year) == ("PP", "44", 2015)
    assert r.subject.startswith("Penyelenggaraan Program Jaminan Kecelakaan Kerja")
    assert a.quantities == []  # neither "44" nor "2015" is a number of the article
    assert [d.value for d in a.dates] == ["2024-07-22"]  # the regulation's year is no date


def test_regional_regulation_named_in_headline_and_body_keeps_its_issuer_each_time():
    a = extract("Perbup Sragen Nomor 12 Tahun 2024 Terbit\n\n"
                "Pemkab Sragen resmi menerbitkan Peraturan Bupati (Perbup) Sragen Nomor 12 Tahun 2024 tentang "
                "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan.\n\n"
                "Regulasi itu menjadi dasar pembayaran iuran 8.000 pekerja.")
    refs = [r for r in a.legal_refs if r.kind == "Perbup"]
    assert refs and all((r.number, r.year, r.issuer) == ("12", 2024, "Kabupaten Sragen") for r in refs)
    assert any((r.subject or "").startswith("Perlindungan Jaminan Sosial Ketenagakerjaan") for r in refs)
    assert [q.text for q in a.quantities] == ["8.000 pekerja"]  # "12 Tahun" is the regulation's number
