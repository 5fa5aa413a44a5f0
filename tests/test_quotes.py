"""Quotations: marks as scraped, spans inside the marks, and a speaker for every seed quotation."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from berita_extract import extract

# Checked by hand (issue 4, "Done when"): the speakers of the seed quotations, in order.
SEED_SPEAKERS = {
    "000": ["Zanariah", "Zanariah", "Zanariah", "Zanariah", "Imam Haryono"],
    "001": ["Hendra Elvian", "Hendra Elvian", "Hendra Elvian", "Santoso", "Santoso", "Santoso"],
    "002": ["Ahmad Aziz", "Ahmad Aziz", "Isnavodiar Jatmiko"],
    "003": ["Suharno Abidin", "Suharno Abidin", "Suharno Abidin"],
    "004": ["Heri Yulianto", "Heri Yulianto", "Saeroni", "Adhie Wibowo"],
}


def _record(seed_records, prefix):
    [(src, rec)] = [v for k, v in seed_records.items() if k.startswith(prefix)]
    return src, rec


@pytest.mark.parametrize("prefix", sorted(SEED_SPEAKERS))
def test_every_seed_quotation_has_its_speaker(seed_records, prefix):
    src, rec = _record(seed_records, prefix)
    assert [q.speaker for q in rec.quotes] == SEED_SPEAKERS[prefix]
    names = {p.name for p in rec.people}
    for q in rec.quotes:
        assert q.speaker in names
        assert src[q.span[0] : q.span[1]] == q.text
        assert q.cue is not None and src[q.cue.span[0] : q.cue.span[1]] == q.cue.text
        assert q.text[:1] not in "\"“”" and q.text[-1:] not in "\"“”"  # what stands inside the marks


@pytest.mark.parametrize("prefix", sorted(SEED_SPEAKERS))
def test_no_quotation_from_removed_parts(seed_records, prefix):
    _, rec = _record(seed_records, prefix)
    for q in rec.quotes:
        assert not any(r.span[0] <= q.span[0] < r.span[1] for r in rec.removed)


def test_closing_with_an_opening_mark(seed_records):
    _, rec = _record(seed_records, "004")
    first = rec.quotes[0]
    assert first.text.startswith("Jadi program ini") and first.text.endswith("kemiskinan,")
    assert first.cue.text == "ucapnya"


def test_last_quotation_of_000_is_imam_haryonos(seed_records):
    _, rec = _record(seed_records, "000")
    assert rec.quotes[-1].text.startswith("Semoga dengan acara ini")
    assert rec.quotes[-1].speaker == "Imam Haryono"


def test_pronoun_cue_prefers_the_subject_over_an_object():
    text = (
        "Sekretaris Daerah Provinsi Jawa Tengah Sumarno hadir dalam acara itu.\n"
        "Ketua Panitia Rina Kartika menyerahkan piagam kepada Pjs Wali Kota Magelang Ahmad Aziz.\n"
        "\"Terima kasih untuk semua pihak yang sudah membantu acara ini,\" katanya.\n"
    )
    rec = extract(text)
    assert [q.speaker for q in rec.quotes] == ["Rina Kartika"]


def test_a_quotation_without_a_nameable_speaker_has_none():
    rec = extract("\"Kalau tidak ada yang mendaftar, ya percuma saja semua ini,\" ujar seorang warga.")
    assert len(rec.quotes) == 1 and rec.quotes[0].speaker is None
    assert rec.quotes[0].cue.text == "ujar"


def test_thousands_of_unbalanced_marks_do_not_raise():
    text = ("Kata “dia ”" * 3000) + "\n" + ('"' * 5001) + "\n" + ("“ " * 4000)
    rec = extract(text)
    for q in rec.quotes:
        assert text[q.span[0] : q.span[1]] == q.text


_WORDS = st.sampled_from(["Kepala", "Cabang", "Budi", "Santoso", "kata", "ujarnya", ",", ".", '"', "“", "”", "'", "\n", "dan", "Kota", "Blitar"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, max_size=60))
def test_any_mix_of_words_and_marks_keeps_spans(words):
    text = " ".join(words)
    rec = extract(text)
    names = {p.name for p in rec.people}
    for q in rec.quotes:
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.speaker is None or q.speaker in names
    for p in rec.people:
        for m in p.mentions:
            assert text[m.span[0] : m.span[1]] == m.text


def test_crlf_mixed_marks_and_a_lost_closing_mark():
    text = ("Judul berita\r\n\r\nKepala Dinas Sosial Kota Palu Rahmat Hidayat hadir.\r\n\r\n"
            "\u201cKami ingin semua warga terlindungi dari risiko,\" kata Rahmat.\r\n\r\n"
            "\"Pendaftaran dibuka sampai akhir bulan, ujar Rahmat.\r\n\r\nIa menambahkan hal lain.")
    rec = extract(text)
    assert not any("\r" in p.text or "\n" in p.text for p in rec.paragraphs)
    # opened curly, closed straight; the second has lost its closing mark before the cue
    assert [(q.text, q.speaker, q.cue.text) for q in rec.quotes] == [
        ("Kami ingin semua warga terlindungi dari risiko,", "Rahmat Hidayat", "kata"),
        ("Pendaftaran dibuka sampai akhir bulan,", "Rahmat Hidayat", "ujar"),
    ]
    for q in rec.quotes:
        assert text[q.span[0] : q.span[1]] == q.text


def test_quotation_ends_in_corpus_articles():
    from pathlib import Path

    from berita_extract import extract_file

    corpus = Path(__file__).resolve().parent / "corpus"
    ends = {
        "detik_makassar": {"Kami tidak mau": "kecelakaan kerja,", "Pekerja yang terdaftar": "Jaminan Kematian,"},
        "antara_kendari_pejabat": {"Nelayan kita ini": "kalau bukan kita?"},
    }
    for stem, want in ends.items():
        rec = extract_file(corpus / f"{stem}.txt")
        for start, end in want.items():
            (q,) = [q for q in rec.quotes if q.text.startswith(start)]
            assert q.text.endswith(end), (stem, q.text)
    # a two-paragraph quotation is two quotations, and "Menurutnya, ..." without marks is none
    assert len(extract_file(corpus / "tribun_sleman.txt").quotes) == 4


def test_interview_answers_without_marks_are_no_quotations_and_single_marks_are():
    # an RRI-style Q&A: "Tanya:"/"Jawab:" lines carry no marks; 'single' marks and em-dashes around a quotation
    text = ("KBRN, Padang: RRI berbincang dengan Kepala Kantor Cabang BPJS Ketenagakerjaan Padang, Rudi Hartono.\n\n"
            "Tanya: Berapa nelayan yang sudah ikut?\n\nJawab: Baru 900 nelayan sampai bulan lalu.\n\n"
            "Rudi menambahkan, pihaknya menggandeng kelompok nelayan. 'Kelompok itu yang paling paham anggotanya,' katanya.\n\n"
            "Gubernur Sumatera Barat Mahyeldi menegaskan \u2014 \"Nelayan kita \u2014 semuanya \u2014 harus terlindungi,\" tegasnya.")
    rec = extract(text)
    assert [(q.text, q.speaker, q.cue.text) for q in rec.quotes] == [
        ("Kelompok itu yang paling paham anggotanya,", "Rudi Hartono", "katanya"),
        ("Nelayan kita \u2014 semuanya \u2014 harus terlindungi,", "Mahyeldi", "tegasnya"),
    ]


def test_a_man_described_by_itu_is_never_the_woman_of_the_paragraph_before():
    # "ungkap perempuan ... itu" points back to the woman of its paragraph; "imbuh pria ... itu" must not reach her
    text = ("Ketua Panitia Sulastri ikut hadir. \"Kami senang sekali,\" ungkap perempuan berusia 50 tahun itu.\n\n"
            "Hal yang sama disampaikan Paimin, sopir truk yang akrab disapa Pak Min. \"Saya ikut mendaftar,\" imbuh pria itu.")
    rec = extract(text)
    speakers = {q.text: q.speaker for q in rec.quotes}
    assert speakers["Kami senang sekali,"] == "Sulastri"
    assert speakers["Saya ikut mendaftar,"] != "Sulastri"


def test_quotation_counts_in_corpus_articles():
    from pathlib import Path

    from berita_extract import extract_file

    corpus = Path(__file__).resolve().parent / "corpus"
    # Liputan6: a caption credited to a photographer gives no quotation; the press conference: six turns
    assert len(extract_file(corpus / "liputan6_menaker.txt").quotes) == 2
    assert len(extract_file(corpus / "konpers_bps.txt").quotes) == 6
    # the interview's "Jawab:" answers carry no marks
    assert len(extract_file(corpus / "rri_jambi_wawancara.txt").quotes) == 3


def test_javanese_cue_ujare_and_the_honorific_mbah_left_out_of_the_name():
    rec = extract("Kepala Desa Sukorejo Paimo menyambut baik program itu.\n\n"
                  "\"Sampun, kula sampun daftar,\" ujare Mbah Paimo.")
    assert [p.name for p in rec.people] == ["Paimo"]
    assert [(q.speaker, q.cue.text) for q in rec.quotes] == [("Paimo", "ujare")]
