"""People: the seed people of issue 4, their roles as written, and what must never become a person."""
from __future__ import annotations

import pytest

from berita_extract import extract

# Checked by hand against the seed texts (issue 4, "Done when"): name -> one role as written.
SEED_PEOPLE = {
    "000": {
        "Zanariah": "Pj Wali Kota Kediri",
        "Imam Haryono": "Kepala Kantor Cabang BPJS Ketenagakerjaan Kediri",
        "Bagus Alit": "Sekretaris Daerah",
        "Mandung Sulaksono": "Asisten Pemerintahan dan Kesra",
        "Tanto Wijohari": "Asisten Administrasi Umum",
    },
    "001": {"Hendra Elvian": "Kepala Cabang BPJS Ketenagakerjaan Blitar", "Santoso": "Walikota Blitar"},
    "002": {
        "Ahmad Aziz": "Penjabat Sementara Wali Kota Magelang",
        "Sumarno": "Sekretaris Daerah Provinsi Jawa Tengah",
        "Isnavodiar Jatmiko": "Kepala BPJAMSOSTEK Kanwil Jawa Tengah dan DIY",
    },
    "003": {"Suharno Abidin": "Kepala Cabang BPJamsostek Kediri", "Ayu Citra": "Foto"},
    "004": {
        "Heri Yulianto": "Kepala Dinas Perindustrian dan Tenaga Kerja (Perinaker) Kabupaten Trenggalek",
        "Saeroni": "asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Adhie Wibowo": "Kepala BPJS Ketenagakerjaan cabang Trenggalek",
        "Agus Riyanto": "Reporter",
        "Ian Arieshandy": "Editor",
    },
}


def _record(seed_records, prefix):
    [(src, rec)] = [v for k, v in seed_records.items() if k.startswith(prefix)]
    return src, rec


@pytest.mark.parametrize("prefix", sorted(SEED_PEOPLE))
def test_seed_people_and_roles(seed_records, prefix):
    _, rec = _record(seed_records, prefix)
    got = {p.name: p.roles for p in rec.people}
    assert set(got) == set(SEED_PEOPLE[prefix])
    for name, role in SEED_PEOPLE[prefix].items():
        assert role in got[name], (name, got[name])


def test_a_person_with_several_roles_keeps_each_once(seed_records):
    _, rec = _record(seed_records, "002")
    [aziz] = [p for p in rec.people if p.name == "Ahmad Aziz"]
    assert {"Pjs Wali Kota Magelang", "Kepala Disnakertrans Provinsi Jawa Tengah"} <= set(aziz.roles)
    assert len(aziz.roles) == len(set(aziz.roles))
    assert "Aziz" in [m.text for m in aziz.mentions]


def test_short_names_join_the_fullest_form(seed_records):
    _, rec = _record(seed_records, "004")
    [heri] = [p for p in rec.people if p.name == "Heri Yulianto"]
    assert [m.text for m in heri.mentions].count("Heri") >= 3
    assert not any("Sapaan" in p.name for p in rec.people)


@pytest.mark.parametrize("prefix", sorted(SEED_PEOPLE))
def test_people_are_not_places_or_organisations(seed_records, prefix):
    src, rec = _record(seed_records, prefix)
    taken = [m.span for r in rec.regions for m in r.mentions] + [m.span for o in rec.organizations for m in o.mentions]
    taken_names = {r.name for r in rec.regions} | {o.name for o in rec.organizations}
    for p in rec.people:
        assert p.name not in taken_names
        for m in p.mentions:
            assert src[m.span[0] : m.span[1]] == m.text
            assert not any(s <= m.span[0] and m.span[1] <= e for s, e in taken), (p.name, m)


def test_the_organisation_a_role_names(seed_records):
    _, rec = _record(seed_records, "000")
    orgs = {p.name: p.organization for p in rec.people}
    assert orgs["Imam Haryono"] == "BPJS Ketenagakerjaan"
    assert orgs["Bagus Alit"] is None


def test_honorifics_and_degrees_stay_out_of_the_name():
    text = "Sementara itu, Kepala Dinas Sosial Kota Blitar Dra. Hj. Siti Rahayu, M.Si. menyampaikan apresiasi."
    rec = extract(text)
    assert [p.name for p in rec.people] == ["Siti Rahayu"]
    assert rec.people[0].roles == ["Kepala Dinas Sosial Kota Blitar"]


def test_a_role_without_a_name_is_no_person():
    rec = extract("Bupati Trenggalek menyampaikan terima kasih. Kepala OPD, camat dan lurah turut hadir.")
    assert rec.people == []


def test_byline_people_are_found_in_the_source(seed_records):
    src, rec = _record(seed_records, "003")
    [ayu] = [p for p in rec.people if p.name == "Ayu Citra"]
    assert ayu.roles == ["Foto"]
    assert [src[s:e] for s, e in (m.span for m in ayu.mentions)] == ["Ayu Citra"]


def test_short_name_and_nickname_are_mentions_of_the_named_official():
    rec = extract("Bupati Gowa Adnan Purichta Ichsan meninjau pasar.\n\n\"Kami siap membantu,\" kata Adnan, Senin."
                  "\n\n\"Pasar harus aman,\" ujar Ucok, sapaan akrabnya.")
    assert [p.name for p in rec.people] == ["Adnan Purichta Ichsan"]  # the nickname is no second person
    assert {"Adnan", "Ucok"} <= {m.text for m in rec.people[0].mentions}
    assert [q.speaker for q in rec.quotes] == ["Adnan Purichta Ichsan"] * 2


def test_a_long_article_makes_its_tokens_again_with_the_same_people(monkeypatch):
    # past KEEP_TOKENS_MAX characters the people step does not hold every zone's tokens (about 250 bytes
    # each) between its two readings: it makes them again, and finds the same people
    from conftest import SEEDS
    from berita_extract import people

    texts = [p.read_text(encoding="utf-8-sig") for p in SEEDS]
    kept = [extract(t).model_dump()["people"] for t in texts]
    monkeypatch.setattr(people, "KEEP_TOKENS_MAX", 0)
    assert [extract(t).model_dump()["people"] for t in texts] == kept
    assert any(kept)
