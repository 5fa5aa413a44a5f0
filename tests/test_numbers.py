"""Quantities (SPEC.md "Quantities", issue 2 items 5 and 6).

The seed-level lists below were read by hand from the articles: every number in
the title and the unique body paragraphs, with its kind, value and unit.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from berita_extract import numbers
from berita_extract.context import Context
from berita_extract.model import Article, Source
from berita_extract.patterns import words
from berita_extract.text import normalize


def _quantities(text: str):
    """numbers.extract alone on one paragraph (no other step involved)."""
    ctx = Context(
        id="t",
        source=text,
        norm=normalize(text),
        article=Article(id="t", source=Source(sha256="0", chars=len(text))),
        zones=[(0, len(text))] if text else [],
    )
    return numbers.extract(ctx)


def _seed(seed_records, prefix):
    (stem,) = [k for k in seed_records if k.startswith(prefix)]
    return seed_records[stem]


def _rows(article):
    return [(q.kind, q.value, q.unit, q.qualifier) for q in article.quantities]


# -- the seeds -----------------------------------------------------------------

def test_seed_000_percentages_and_worker_counts(seed_records):
    _, art = _seed(seed_records, "000")
    percents = [q.value for q in art.quantities if q.kind == "percent"]
    assert sorted(set(percents)) == sorted({41.7, 49.65, 43.23, 47.26, 49.55, 28.19})
    assert percents.count(41.7) == 2  # "41,7 persen" and "41,70 persen"
    counts = [(q.value, q.unit) for q in art.quantities if q.kind == "count"]
    assert counts == [
        (9300, "orang"), (9695, "orang"),
        (68078, "pekerja"), (33801, "pekerja"), (40346, "pekerja"), (17443, "pekerja"),
        (70802, "pekerja"), (35083, "pekerja"), (41099, "pekerja"), (11585, "pekerja"),
    ]
    assert len(art.quantities) == 17  # nothing else: no dates, years, regulation numbers, "satu persatu"


def test_seed_001_only_the_coverage_rate(seed_records):
    _, art = _seed(seed_records, "001")
    assert _rows(art) == [("percent", 53, None, None)]


def test_seed_002_number_words_qualifiers_and_no_doubling(seed_records):
    _, art = _seed(seed_records, "002")
    rows = _rows(art)
    assert rows.count(("duration", 6, "bulan", None)) == 2  # "enam bulan" in the lede and in the quote
    assert rows.count(("count", 2044, "tenaga kerja", None)) == 1  # the repeated block is not read twice
    assert ("count", 7, "pemda", None) in rows
    assert ("percent", 90, None, "approx") in rows
    assert ("percent", 58, None, "approx") in rows
    assert ("count", 2046, "orang", None) in rows and ("count", 2300, "orang", None) in rows
    assert sorted(q.value for q in art.quantities if q.kind == "duration") == [6, 6, 12, 12, 12]
    assert len(rows) == 13


def test_seed_003_employers_in_pk(seed_records):
    _, art = _seed(seed_records, "003")
    rows = _rows(art)
    assert ("count", 3466, "PK", None) in rows
    assert ("count", 667892, "tenaga kerja", None) in rows
    assert ("count", 135163, "tenaga kerja", None) in rows
    assert ("count", 330493, "pekerja", None) in rows and ("count", 337399, "pekerja", None) in rows
    assert [q.value for q in art.quantities if q.kind == "percent"] == [60, 21.54, 40.89, 21.54, 60]
    assert ("number", 667892, None, None) in rows  # "Dari 667.892 ini": no noun after it


def test_seed_004_money_counts_and_duration(seed_records):
    _, art = _seed(seed_records, "004")
    rows = _rows(art)
    money = [(q.value, q.text) for q in art.quantities if q.kind == "money"]
    assert money == [(365600000, "Rp 365.600.000,00"), (2092600000, "Rp 2.092.600.000")]
    assert all(q.unit == "IDR" for q in art.quantities if q.kind == "money")
    assert [q.value for q in art.quantities if q.kind == "percent"] == [89.29, 26.3, 43.2, 81.7]
    assert [(q.value, q.unit) for q in art.quantities if q.kind == "count"] == [
        (38595, "orang"), (17407, "orang"), (5600, "peserta"), (10000, "peserta"),
    ]
    assert ("duration", 3, "bulan", None) in rows
    assert len(rows) == 11


@pytest.mark.parametrize("needle", ["(28/5)", "(9/6/2023)", "Nomor 2 tahun 2021", "Nomor 2 Tahun 2021",
                                    "tahun 2024", "Nomor 34 tahun 2023", "13 November 2024", "TA 2024",
                                    "pada 2025", "(14/11/2024)", "(6/12/2021)", "(10/10)"])
def test_no_quantity_from_dates_years_or_regulations(seed_records, needle):
    seen = 0
    for source, art in seed_records.values():
        start = source.find(needle)
        while start >= 0:
            seen += 1
            end = start + len(needle)
            assert not [q for q in art.quantities if q.span[0] < end and start < q.span[1]], (art.id, needle)
            start = source.find(needle, end)
    assert seen, f"{needle!r} is in no seed"


def test_seed_spans_hold_and_stay_in_the_body(seed_records):
    for source, art in seed_records.values():
        zones = [p.span for p in art.paragraphs] + ([art.title.span] if art.title else [])
        for q in art.quantities:
            assert source[q.span[0]:q.span[1]] == q.text
            assert any(s <= q.span[0] and q.span[1] <= e for s, e in zones), (art.id, q.text)
        assert [q.span for q in art.quantities] == sorted(q.span for q in art.quantities)


# -- reading numbers -------------------------------------------------------------

@pytest.mark.parametrize("text,comma_groups,value", [
    ("9.695", False, 9695), ("49,65", False, 49.65), ("2.092.600.000", False, 2092600000),
    ("365.600.000,00", False, 365600000), ("1.5", False, 1.5), ("41,70", False, 41.7),
    ("109,678", True, 109678), ("109,678", False, 109.678), ("1,234,567", False, 1234567),
    ("1,234.5", False, 1234.5), ("0.500", False, 0.5), ("1234.567", False, 1234.567),
])
def test_parse_digits(text, comma_groups, value):
    assert float(numbers.parse_digits(text, comma_groups)) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1.2.3", "1.23.456", "12,3.45,6"])
def test_parse_digits_rejects_what_is_not_one_number(text):
    assert numbers.parse_digits(text) is None


@pytest.mark.parametrize("text,value", [
    ("enam", 6), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12), ("tiga puluh lima", 35),
    ("seratus", 100), ("dua ratus lima puluh", 250), ("seribu", 1000), ("dua ribu lima ratus", 2500),
    ("dua ratus lima puluh ribu", 250000), ("sejuta", 1000000), ("satu juta dua ratus ribu", 1200000),
])
def test_parse_words(text, value):
    assert numbers.parse_words(text) == value


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1000, max_value=10**9), noun=st.sampled_from(["orang", "pekerja", "peserta", "tenaga kerja"]))
def test_grouped_counts_read_back_exactly(n, noun):
    indonesian = f"{n:,}".replace(",", ".")
    for written in (indonesian, f"{n:,}"):
        (q,) = _quantities(f"Sebanyak {written} {noun} sudah terdaftar.")
        assert (q.kind, q.value, q.unit, q.text) == ("count", n, noun, f"{written} {noun}")


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(min_value=0, max_value=100), cents=st.integers(min_value=0, max_value=99))
def test_percentages_read_back_exactly(whole, cents):
    (q,) = _quantities(f"Cakupannya {whole},{cents:02d} persen tahun ini.")
    assert q.kind == "percent" and q.value == pytest.approx(whole + cents / 100)


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789.,/-% Rpjutaribuorangsepuluh(")), max_size=60))
def test_junk_never_raises_and_spans_hold(text):
    for q in _quantities(text):
        assert text[q.span[0]:q.span[1]] == q.text


def test_every_counted_noun_and_duration_is_read_as_its_unit():
    for noun in words("units", "counted"):
        (q,) = _quantities(f"Tercatat 12 {noun} di wilayah itu.")
        assert (q.kind, q.unit, q.value) == ("count", noun, 12), noun
    for dur in ("bulan", "tahun", "hari", "minggu"):
        (q,) = _quantities(f"Berlaku selama 12 {dur} ke depan.")
        assert (q.kind, q.unit) == ("duration", dur)


def test_claimed_spans_are_not_read():
    text = "Pada 28 Mei ada 9.695 orang dan 12 pemda."
    ctx = Context(
        id="t", source=text, norm=normalize(text),
        article=Article(id="t", source=Source(sha256="0", chars=len(text))), zones=[(0, len(text))],
    )
    start = text.index("9.695")
    ctx.claim(start, start + 5)  # an earlier step owns these characters
    assert [q.text for q in numbers.extract(ctx)] == ["12 pemda"]


def test_a_call_centre_number_is_no_quantity():
    from berita_extract import extract

    a = extract("Pemkab membayar iuran 3.000 pekerja rentan.\n\nInformasi lebih lanjut hubungi call center 175.")
    assert [q.text for q in a.quantities] == ["3.000 pekerja"]


def test_vague_plurals_and_a_bare_share_are_no_quantities():
    # no value a reader could write down ("ratusan", "puluhan ribu", "Ribuan"); "Seperempat" is a share
    text = ("Ratusan perusahaan masih menunggak iuran, sehingga puluhan ribu pekerja terancam. "
            "Ribuan buruh belum terdaftar. Seperempat dari jumlah itu pekerja informal.")
    assert _quantities(text) == []


def test_ranks_are_no_quantities():
    assert _quantities("Kabupaten itu di peringkat ke-3 terbawah se-provinsi, urutan ketiga di eks karesidenan.") == []


def test_the_parts_of_fractions_and_small_proportions_are_no_figures():
    text = ("Dua pertiga di antaranya sudah terdaftar. Hasilnya, 1 dari 3 pekerja migran masih berangkat tanpa "
            "perlindungan. Separuh dari mereka bekerja di rumah tangga. Di sektor lain, 4.402 dari 7.000 pekerja "
            "sudah menjadi peserta.")
    assert [(q.kind, q.value, q.text) for q in _quantities(text)] == [
        ("number", 4402, "4.402"), ("count", 7000, "7.000 pekerja")]  # a real part of a whole stays


def test_a_table_rows_numbering_is_no_figure():
    text = "No. Desa Peserta\n1. Sukamaju 1.100\n2. Sukajadi 900\n3. Mekarsari 1.300\nJumlah 3.300"
    assert [(q.kind, q.text) for q in _quantities(text)] == [
        ("number", "1.100"), ("number", "900"), ("number", "1.300"), ("number", "3.300")]


def test_blanked_is_the_text_with_each_span_masked_overlaps_and_all():
    text = "Sebanyak 9.695 pekerja pada 2024, dari 60 persen"
    spans = [(28, 32), (9, 14), (10, 12), (12, 22), (40, 40), (39, 48)]
    chars = list(text)  # the plain way, one character at a time
    for s, e in spans:
        chars[s:e] = numbers._MASK * (e - s)
    assert numbers._blanked(text, spans) == "".join(chars)
    assert numbers._blanked(text, []) == text
