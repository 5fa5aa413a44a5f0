"""The lean tokenizer tokenises as the stock spacy.blank("id") does, reduplications aside."""
from __future__ import annotations

import difflib

import pytest

from berita_extract import nlp
from berita_extract.patterns import files, load

from conftest import SEEDS


@pytest.fixture(scope="module")
def stock():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("id")


def _texts():
    out = [p.read_text(encoding="utf-8-sig") for p in SEEDS]
    for path in files():
        data = load(path.stem)
        for kind in ("examples", "counter_examples"):
            out.extend(case["text"] for case in data.get(kind, []))
    return out


def _differences(lean_tokens, stock_tokens):
    """Opcodes where the two tokenisations differ, as (lean pieces, stock pieces)."""
    sm = difflib.SequenceMatcher(a=lean_tokens, b=stock_tokens, autojunk=False)
    return [(lean_tokens[i1:i2], stock_tokens[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def test_same_tokens_as_stock_on_every_pattern_example_and_seed(stock):
    texts = _texts()
    assert len(texts) >= len(SEEDS)
    for text in texts:
        lean = [t.text for t in nlp.make_doc(text)]
        ref = [t.text for t in stock.make_doc(text)]
        for mine, theirs in _differences(lean, ref):
            # the only difference allowed: a reduplication we keep whole and the stock list lacks
            assert len(mine) == 1 and "".join(theirs) == mine[0] and nlp.keeps_whole(mine[0]), (
                f"lean {mine} vs stock {theirs} in {text[:80]!r}"
            )


SENTENCE = (
    "Anak-anak dan ibu-ibu bermain-main sebaik-baiknya, kata Dr. Budi S.E. dkk. "
    "Pemda menanggung iuran Rp1,5 juta untuk 9.695 orang (49,65%) di Kota Kediri, Selasa (28/5)."
)


@pytest.mark.parametrize(
    "text,tokens",
    [
        ("anak-anak", ["anak-anak"]),
        ("Anak-anak,", ["Anak-anak", ","]),
        ("(ibu-ibu)", ["(", "ibu-ibu", ")"]),
        ("sebaik-baiknya", ["sebaik-baiknya"]),
        ("berkali-kali", ["berkali-kali"]),
        ("tolong-menolong", ["tolong-menolong"]),
        ("bolak-balik", ["bolak-balik"]),
        ("asal-usul", ["asal-usul"]),  # not a reduplication: kept by spaCy's own list
        ("ASAL-USUL", ["ASAL-USUL"]),
        ("pekerja-pekerja", ["pekerja-pekerja"]),  # missing from spaCy's list, kept whole by rule
        ("non-ASN", ["non", "-", "ASN"]),
        ("Kediri-Blitar", ["Kediri", "-", "Blitar"]),
        ("Covid-19", ["Covid", "-", "19"]),
        ("BPJS-nya", ["BPJS", "-nya"]),
        ("Rp1,5", ["Rp", "1,5"]),
        ("49,65%", ["49,65", "%"]),
        ("(28/5)", ["(", "28", "/", "5", ")"]),
        ("Dr. Budi", ["Dr.", "Budi"]),
        ("dkk.", ["dkk."]),
    ],
)
def test_tokens(text, tokens, stock):
    assert [t.text for t in nlp.make_doc(text)] == tokens
    if text not in ("pekerja-pekerja",):
        assert [t.text for t in stock.make_doc(text)] == tokens  # the stock pipeline agrees


@pytest.mark.parametrize(
    "left,right",
    [("anak", "anak"), ("anak", "anaknya"), ("sebaik", "baiknya"), ("kemerah", "merahan"), ("berkali", "kali"),
     ("tarik", "menarik"), ("sayur", "mayur"), ("lauk", "pauk"), ("gerak", "gerik"), ("warna", "warni")],
)
def test_reduplications(left, right):
    assert nlp._is_reduplication(left, right)


@pytest.mark.parametrize(
    "left,right",
    [("non", "ASN"), ("Kediri", "Blitar"), ("Jawa", "Bali"), ("e", "KTP"), ("pasca", "pandemi"), ("anti", "korupsi"),
     ("Surabaya", "Madura"), ("semi", "formal"), ("sub", "sektor")],
)
def test_not_reduplications(left, right):
    assert not nlp._is_reduplication(left, right)


def test_lean_tokenizer_has_few_special_cases():
    # the point of it: a few hundred special cases instead of ~16,000
    assert len(nlp.tokenizer().rules) < 1000


def test_doc_is_built_once_and_shares_the_vocab():
    a, b = nlp.make_doc(SENTENCE), nlp.make_doc("Halo")
    assert a.vocab is b.vocab is nlp.vocab()
    assert a.text == SENTENCE


def test_vocab_is_renewed_so_memory_stays_flat(monkeypatch):
    monkeypatch.setattr(nlp, "RENEW_AFTER", 3)
    monkeypatch.setattr(nlp, "_made", 0)
    vocabs = [nlp.make_doc(f"Sebanyak {i}.{i:03d} orang").vocab for i in range(7)]
    assert vocabs[0] is vocabs[2] and vocabs[3] is not vocabs[2] and vocabs[3] is vocabs[5]
    assert [t.text for t in nlp.make_doc("anak-anak dkk.")] == ["anak-anak", "dkk."]


def test_zone_docs_have_the_tokens_of_the_whole_text():
    # sentences.py tokenises each body zone alone (never the whole article): the tokens must be those a Doc
    # of the whole text has between the zone's offsets, long stretches and odd white space included (but for
    # the space after a zone's last token, outside the zone, which sentences.py never reads)
    from berita_extract import pipeline

    junk = "x" * (nlp.LONG + 20)
    texts = [p.read_text(encoding="utf-8-sig") for p in SEEDS] + [
        f"Judul\n\nKOTA KEDIRI - Ada {junk}. Lalu  dua spasi. \n  \nBaris (28/5/2024).\u2028Lagi \"kutip.\" {junk}"
    ]
    for text in texts:
        ctx = pipeline.build_context(text, "t")
        whole = [(t.idx, t.text, t.whitespace_) for t in nlp.make_doc(ctx.norm)]
        zones = list(nlp.make_docs(ctx.norm, ctx.zones))
        assert len(zones) == len(ctx.zones) > 1
        for start, end, doc in zones:
            inside = [tok for tok in whole if start <= tok[0] < end]
            assert [(start + t.idx, t.text, t.whitespace_) for t in doc][:-1] == inside[:-1]
            assert (start + doc[-1].idx, doc[-1].text) == inside[-1][:2]


def test_make_docs_counts_one_article_for_renewal(monkeypatch):
    monkeypatch.setattr(nlp, "RENEW_AFTER", 2)
    monkeypatch.setattr(nlp, "_made", 0)
    zones = [(0, 5), (6, 11), (12, 17)]
    first = [doc.vocab for _s, _e, doc in nlp.make_docs("Halo. Satu. Dua..", zones)]
    assert first[0] is first[1] is first[2]
    assert nlp.make_doc("Halo").vocab is first[0] and nlp.make_doc("Halo").vocab is not first[0]


def test_a_very_long_article_renews_the_tokenizer_between_its_zones(monkeypatch):
    # one article of many zones: the string store would grow with all its new tokens, so the tokenizer is
    # renewed every RENEW_CHARS characters tokenised, between two zones (the tokens do not change)
    text = "Halo. Satu. Dua.."
    zones = [(0, 5), (6, 11), (12, 17)]
    monkeypatch.setattr(nlp, "_chars", 0)
    whole = [[t.text for t in doc] for _s, _e, doc in nlp.make_docs(text, zones)]
    monkeypatch.setattr(nlp, "RENEW_CHARS", 8)
    monkeypatch.setattr(nlp, "_chars", 0)
    docs = [doc for _s, _e, doc in nlp.make_docs(text, zones)]
    assert docs[0].vocab is not docs[1].vocab and docs[1].vocab is not docs[2].vocab
    assert [[t.text for t in doc] for doc in docs] == whole
