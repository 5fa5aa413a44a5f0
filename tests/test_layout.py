"""Seed-level checks of the layout step (issue 2's Done-when)."""
from __future__ import annotations


def test_seed_002_repeated_block_is_removed_once(seed_records):
    source, rec = seed_records["002_699ce8e85c725749"]
    dups = [r for r in rec.removed if r.reason == "duplicate"]
    assert len(dups) == 13
    assert len(rec.paragraphs) == 14
    for r in dups:  # each copy points at a kept paragraph with the same text
        kept = [p for p in rec.paragraphs if tuple(p.span) == tuple(r.duplicate_of)]
        assert kept and kept[0].text == source[r.span[0] : r.span[1]]
    assert rec.title.text == "Pemkot upayakan cakupan BPJS Ketenagakerjaan 100 persen pada 2025"
    assert (rec.dateline.place, rec.dateline.outlet) == ("Magelang", "ANTARA")


def test_seed_001_lead_quotation_is_the_duplicate(seed_records):
    source, rec = seed_records["001_393f4194a1d86bb9"]
    (dup,) = [r for r in rec.removed if r.reason == "duplicate"]
    assert source[dup.span[0] :].startswith('"Sehingga kegiatan pada hari ini')
    assert dup.span[0] < rec.dateline.span[0] < dup.duplicate_of[0]
    assert rec.byline.initials == "tri/ns"
    assert rec.dateline.text == "KOTA BLITAR, HB.net -"


def test_seed_003_comment_prompt_and_caption(seed_records):
    source, rec = seed_records["003_ba42d6742a2617a7"]
    reasons = {r.text: r.reason for r in rec.removed}
    assert reasons["Reaksi anda terhadap berita ini :"] == "boilerplate"
    assert reasons["Komentar"] == "boilerplate"
    assert reasons["BPJamsostek Kediri Mengejar Target Kepesertaan 60 Persen. (Foto: Ayu Citra)"] == "caption"
    assert rec.byline.photographer == "Ayu Citra"
    assert rec.byline.initials == "ac"
    assert (rec.dateline.outlet, rec.dateline.place) == ("KBRN", "Kediri")


def test_seed_004_byline_and_advertorial(seed_records):
    source, rec = seed_records["004_d42be2d50f0476b0"]
    assert rec.title is None
    assert (rec.byline.reporter, rec.byline.editor) == ("Agus Riyanto", "Ian Arieshandy")
    assert rec.advertorial is True
    assert rec.dateline.text == "Trenggalek, kabarpas.com \u2013"
    assert not any(p.text.startswith(("Reporter:", "Editor:")) for p in rec.paragraphs)


def test_seed_000_has_no_headline(seed_records):
    source, rec = seed_records["000_b9e5ae7235c0760d"]
    assert rec.title is None and rec.dateline is None
    assert rec.removed == []
    assert len(rec.paragraphs) == 7


def test_corpus_junk_leaves_the_body_paragraphs():
    from pathlib import Path

    from berita_extract import extract_file

    corpus = Path(__file__).resolve().parent / "corpus"
    # stamp line, caption, newsletter prompt and share buttons removed: six body paragraphs
    assert len(extract_file(corpus / "kompas_jakarta.txt").paragraphs) == 6
    # menu, advertisement, pager and three repeats removed: four body paragraphs
    rec = extract_file(corpus / "serambi_aceh_scrape.txt")
    assert len(rec.paragraphs) == 4
    for stem, n in (("serambi_aceh_scrape", 3), ("detik_makassar", 1)):
        dups = [r for r in extract_file(corpus / f"{stem}.txt").removed if r.reason == "duplicate"]
        assert len(dups) == n and all(d.duplicate_of[0] < d.span[0] for d in dups), stem
