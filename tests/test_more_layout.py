"""Five articles written for testing layout, people, quotes, regions, organisations and programs
(tests/fixtures/more_layout/*.txt), not from the seeds.

Each is a different outlet's style and region (ANTARA Pontianak, Kompas Jakarta, Tribun Sleman,
Surya Jawa Timur, detik Makassar with CRLF line endings, mixed quote marks and a repeated
paragraph). What a careful reader finds was written down before running the tool
(fixtures/more_layout/EXPECTED.md); the tests assert the key values and what must NOT be
extracted (a region, an organisation or a headline word taken for a person, and so on).
"""
from __future__ import annotations

import pytest

from readers import FIXTURES, fixture_articles, person, quote, regions, removed


@pytest.fixture(scope="module")
def arts():
    return fixture_articles("more_layout")


def test_antara_pontianak(arts):
    a = arts["antara_pontianak"]
    assert a.title.text.startswith("Pemkot Pontianak tanggung iuran")
    assert (a.dateline.place, a.dateline.outlet, a.dateline.text) == ("Pontianak", "ANTARA", "Pontianak (ANTARA) -")
    assert (a.byline.reporter, a.byline.editor) == ("Rendra Oxtora", "Budi Santoso")
    rm = removed(a)
    assert rm["Pewarta: Rendra Oxtora"] == rm["Editor: Budi Santoso"] == "boilerplate"
    assert [r.reason for r in a.removed if r.text.startswith("Baca juga")] == ["boilerplate"]
    edi = person(a, "Edi Rusdi Kamtono")
    assert edi.roles == ["Wali Kota Pontianak"] and edi.organization == "Pemerintah Kota Pontianak"
    assert "Edi" in [m.text for m in edi.mentions]
    rini = person(a, "Rini Anggraeni")
    assert rini.roles == ["Kepala BPJS Ketenagakerjaan Cabang Pontianak"] and rini.organization == "BPJS Ketenagakerjaan"
    assert person(a, "Rendra Oxtora").roles == ["Reporter"]
    assert len(a.people) == 4
    assert (quote(a, "Kita ingin").speaker, quote(a, "Kita ingin").cue.text) == ("Edi Rusdi Kamtono", "kata")
    assert (quote(a, "Kami berharap").speaker, quote(a, "Kami berharap").cue.text) == ("Rini Anggraeni", "ujarnya")
    assert regions(a) == {
        "Kota Pontianak": ("kota", "61.71"),
        "Provinsi Kalimantan Barat": ("provinsi", "61"),
        "Kabupaten Kubu Raya": ("kabupaten", "61.12"),
    }
    # the "Baca juga" line is not read: its "Kalbar" is no mention
    kalbar = [m.text for r in a.regions for m in r.mentions]
    assert "Kalbar" not in kalbar
    orgs = {o.name: o for o in a.organizations}
    assert set(orgs) == {"Pemerintah Kota Pontianak", "BPJS Ketenagakerjaan"}
    assert orgs["Pemerintah Kota Pontianak"].aliases == ["Pemkot Pontianak"]
    assert [p.code for p in a.programs] == ["JKK", "JKM"]


def test_kompas_jakarta_junk_and_caption(arts):
    a = arts["kompas_jakarta"]
    assert a.title.text == "Pemprov DKI Daftarkan 50.000 Pekerja Informal ke BPJS Ketenagakerjaan"
    assert (a.dateline.place, a.dateline.outlet) == ("JAKARTA", "KOMPAS.com")
    rm = removed(a)
    assert rm["Ilustrasi pekerja. (Foto: KOMPAS.com/Garry Lotulung)"] == "caption"
    for junk in ("Kompas.com - 14/05/2024, 10:15 WIB", "Bagikan artikel ini melalui", "Facebook", "Twitter", "WhatsApp"):
        assert rm[junk] == "boilerplate", junk
    assert any(t.startswith("Dapatkan update berita") and r == "boilerplate" for t, r in rm.items())
    assert len(a.paragraphs) == 6
    assert a.byline.photographer == "Garry Lotulung"
    assert person(a, "Garry Lotulung").roles == ["Foto"]
    hari = person(a, "Hari Nugroho")
    assert hari.roles == ["Kepala Dinas Tenaga Kerja, Transmigrasi dan Energi (Disnakertransgi) DKI Jakarta"]
    assert hari.organization.startswith("Dinas Tenaga Kerja, Transmigrasi dan Energi")
    eko = person(a, "Eko Nugriyanto")
    assert eko.roles == ["Deputi Direktur Wilayah DKI Jakarta BPJamsostek"] and eko.organization == "BPJS Ketenagakerjaan"
    assert len(a.people) == 3  # no Facebook, Balai Kota or outlet as a person
    assert (quote(a, "Sasaran kami").speaker, quote(a, "Sasaran kami").cue.text) == ("Hari Nugroho", "kata")
    assert (quote(a, "Perlindungan ini").speaker, quote(a, "Perlindungan ini").cue.text) == ("Eko Nugriyanto", "ucap")
    assert regions(a) == {"Provinsi Daerah Khusus Ibukota Jakarta": ("provinsi", "31")}
    orgs = {o.name: o for o in a.organizations}
    assert "BPJamsostek" in orgs["BPJS Ketenagakerjaan"].aliases
    assert "Pemprov DKI" in orgs["Pemerintah Provinsi Daerah Khusus Ibukota Jakarta"].aliases
    assert [p.code for p in a.programs] == ["JKK", "JKM"]


def test_tribun_sleman_officials_and_quotes(arts):
    a = arts["tribun_sleman"]
    assert (a.dateline.place, a.dateline.outlet) == ("SLEMAN", "TRIBUNJOGJA.COM")
    assert a.byline.initials == "ard"
    want = {
        "Danang Maharsa": (["Wakil Bupati Sleman"], "Pemerintah Kabupaten Sleman"),
        "Harda Kiswaya": (["Sekretaris Daerah Sleman"], "Pemerintah Kabupaten Sleman"),  # Sleman is a regency only
        "Abu Bakar": (["Camat Depok"], None),
        "Ahmad Fauzi": (["Kepala Dinas Tenaga Kerja Kabupaten Sleman"], "Dinas Tenaga Kerja Kabupaten Sleman"),
        "Kustini Sri Purnomo": (["Bupati Sleman"], "Pemerintah Kabupaten Sleman"),
        "Dodo Suryanto": (["Kepala Kantor Cabang BPJS Ketenagakerjaan Yogyakarta"], "BPJS Ketenagakerjaan"),
    }
    assert {p.name: (p.roles, p.organization) for p in a.people} == want  # no honorific, degree or venue
    # a quotation over two paragraphs, its speaker named after it
    first, second = quote(a, "Para pekerja rentan"), quote(a, "Tahun depan")
    assert first.speaker == second.speaker == "Kustini Sri Purnomo"
    assert second.cue.text == "ujar"
    menurut = quote(a, "Dengan perlindungan ini")
    assert (menurut.speaker, menurut.cue.text) == ("Dodo Suryanto", "Menurut")
    nya = quote(a, "Kami sudah keluarkan")
    assert (nya.speaker, nya.cue.text) == ("Kustini Sri Purnomo", "katanya")
    assert len(a.quotes) == 4  # "Menurutnya, …" is reported speech
    # "Camat Depok" is a district, not Kota Depok; Yogyakarta belongs to the BPJS office
    assert regions(a) == {"Kabupaten Sleman": ("kabupaten", "34.04")}
    assert {o.name for o in a.organizations} == {
        "Pemerintah Kabupaten Sleman", "BPJS Ketenagakerjaan", "Dinas Tenaga Kerja Kabupaten Sleman"
    }
    assert a.programs == []


def test_surya_jatim_regions_and_headline(arts):
    a = arts["surya_jatim"]
    assert a.title.text == "Gubernur Jatim Minta Daerah Tanggung Iuran Pekerja Rentan"
    assert (a.dateline.place, a.dateline.outlet) == ("SURABAYA", "SURYA.co.id")
    assert (a.byline.reporter, a.byline.editor) == ("Fatimatuz Zahroh", "Titis Jati Permata")
    names = [p.name for p in a.people]
    assert "Minta" not in names  # a title-case headline's verb is not a name
    assert names == ["Khofifah Indar Parawansa", "Hadi Purnomo", "Fatimatuz Zahroh", "Titis Jati Permata"]
    k = person(a, "Khofifah Indar Parawansa")
    assert k.roles == ["Gubernur Jawa Timur"] and k.organization == "Pemerintah Provinsi Jawa Timur"
    assert person(a, "Hadi Purnomo").organization == "BPJS Ketenagakerjaan"
    assert (quote(a, "Perlindungan sosial").speaker, quote(a, "Perlindungan sosial").cue.text) == ("Khofifah Indar Parawansa", "tegas")
    assert (quote(a, "Kami siap").speaker, quote(a, "Kami siap").cue.text) == ("Hadi Purnomo", "pungkas")
    assert regions(a) == {
        "Provinsi Jawa Timur": ("provinsi", "35"),
        "Kabupaten Malang": ("kabupaten", "35.07"),
        "Kota Malang": ("kota", "35.73"),
        "Kabupaten Bantul": ("kabupaten", "34.02"),
        "Kabupaten Sleman": ("kabupaten", "34.04"),
        "Kabupaten Gunungkidul": ("kabupaten", "34.03"),
        "Provinsi Daerah Istimewa Yogyakarta": ("provinsi", "34"),
    }
    orgs = {o.name: o for o in a.organizations}
    assert orgs["Pemerintah Provinsi Jawa Timur"].aliases == ["Pemprov Jatim"]
    assert "Pemerintah Kabupaten Malang" in orgs and "BPJS Ketenagakerjaan" in orgs
    assert not any("Grahadi" in o.name for o in a.organizations) and not any("Grahadi" in n for n in names)
    assert a.programs == []


def test_detik_makassar_crlf_quotes_and_nickname(arts):
    a = arts["detik_makassar"]
    source = (FIXTURES / "more_layout" / "detik_makassar.txt").read_bytes().decode("utf-8")
    assert "\r\n" in source
    assert a.title.text == "Pekerja Rentan Makassar Dapat Perlindungan BPJS Ketenagakerjaan"
    assert (a.dateline.place, a.dateline.outlet) == ("MAKASSAR", "detikSulsel")
    assert a.byline.initials == "hmw/sar"
    (dup,) = [r for r in a.removed if r.reason == "duplicate"]
    assert dup.text.startswith("Wali Kota Makassar Moh Ramdhan Pomanto menyebut") and dup.duplicate_of[0] < dup.span[0]
    assert not any("\r" in p.text or "\n" in p.text for p in a.paragraphs)
    # "Danny, sapaan akrabnya" is the mayor's nickname, not a second person
    assert [p.name for p in a.people] == ["Moh Ramdhan Pomanto", "Andi Nur Alam"]
    mayor = person(a, "Moh Ramdhan Pomanto")
    assert mayor.organization == "Pemerintah Kota Makassar" and "Danny" in [m.text for m in mayor.mentions]
    q1 = quote(a, "Kami tidak mau")  # opened curly, closed straight
    assert (q1.speaker, q1.cue.text) == ("Moh Ramdhan Pomanto", "kata")
    assert q1.text.endswith("kecelakaan kerja,")
    q2 = quote(a, "Pekerja yang terdaftar")  # closing mark lost
    assert (q2.speaker, q2.cue.text) == ("Andi Nur Alam", "ujar")
    assert q2.text.endswith("Jaminan Kematian,")
    assert regions(a) == {"Kota Makassar": ("kota", "73.71"), "Kabupaten Gowa": ("kabupaten", "73.06")}
    assert {o.name for o in a.organizations} == {"Pemerintah Kota Makassar", "BPJS Ketenagakerjaan"}
    assert [p.code for p in a.programs] == ["JKK", "JKM"]
