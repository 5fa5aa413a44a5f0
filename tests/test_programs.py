"""Programs: JKK, JKM, JHT, JP, JKP by full name or code (patterns/programs.toml)."""
from __future__ import annotations

from berita_extract import extract
from berita_extract.patterns import load


def _codes(text):
    return [p.code for p in extract(text, id="t").programs]


def test_table_holds_the_five_programs():
    codes = [p["code"] for p in load("programs")["programs"]]
    assert sorted(codes) == ["JHT", "JKK", "JKM", "JKP", "JP"]


def test_full_name_in_any_case_and_code_in_capitals_only():
    assert _codes("klaim JAMINAN HARI TUA naik") == ["JHT"]
    assert _codes("klaim jht naik") == []


def test_jp_needs_a_program_context():
    assert _codes("Manfaat JP dibayar bulanan.") == ["JP"]
    assert _codes("Harian JP menulis berita itu.") == []


def test_scheme_is_not_a_program():
    assert _codes("Jaminan Sosial Ketenagakerjaan (Jamsostek) bagi pekerja rentan") == []


def test_seed_programs(seed_records):
    want = {"000": ["JKM"], "001": ["JKM"], "002": ["JKK", "JKM"], "003": ["JKM", "JKK", "JHT", "JP", "JKP"], "004": []}
    for stem, (source, record) in seed_records.items():
        assert [p.code for p in record.programs] == want[stem[:3]], stem
        for p in record.programs:
            for m in p.mentions:
                assert source[m.span[0]:m.span[1]] == m.text
    (stem,) = [s for s in seed_records if s.startswith("000")]
    (jkm,) = seed_records[stem][1].programs
    assert [m.text for m in jkm.mentions] == ["jaminan kematian"]
