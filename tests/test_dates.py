"""Dates and the event date (SPEC "Dates"); pattern examples live in patterns/dates.toml."""
from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given, settings, strategies as st

from berita_extract import dates, extract, legal
from berita_extract.patterns import load
from berita_extract.pipeline import build_context

from conftest import REFERENCE_DATE

ISO = {
    "day": regex.compile(r"^(?:\d{4}|-)-\d{2}-\d{2}$"),
    "month": regex.compile(r"^(?:\d{4}|-)-\d{2}$"),
    "year": regex.compile(r"^\d{4}$"),
}


def _dates(text, reference_date=REFERENCE_DATE):
    return extract(text, reference_date=reference_date)


def _one(text, **kw):
    got = _dates(text, **kw).dates
    assert len(got) == 1, got
    return got[0]


# the "done when": seed -> (event date, year inferred)
SEED_EVENTS = {"000": ("2024-05-28", True), "001": ("2023-06-09", False), "002": ("2024-10-10", True),
               "003": ("2021-12-06", False), "004": ("2024-11-14", False)}


@pytest.mark.parametrize("prefix", sorted(SEED_EVENTS))
def test_seed_event_date(seed_records, prefix):
    stem = next(s for s in seed_records if s.startswith(prefix))
    source, record = seed_records[stem]
    value, inferred = SEED_EVENTS[prefix]
    assert record.event_date is not None
    assert (record.event_date.value, record.event_date.year_inferred) == (value, inferred)
    assert record.event_date in record.dates  # a copy of one of the dates
    s, e = record.event_date.span
    assert source[s:e] == record.event_date.text


def test_seed_dates_are_well_formed(seed_records):
    for source, record in seed_records.values():
        assert [d.span for d in record.dates] == sorted(d.span for d in record.dates)
        for d in record.dates:
            assert source[d.span[0]:d.span[1]] == d.text
            assert ISO[d.granularity].match(d.value), d
            if d.end is not None:
                # a range's end keeps its own precision ("tahun 2021 hingga per Mei 2024": 2021 .. 2024-05)
                assert any(rx.match(d.end) for rx in ISO.values()) and d.end > d.value, d


def test_stated_weekdays_agree_with_values(seed_records):
    weekdays = {w.lower(): int(k[-1]) for k, ws in load("dates")["words"].items() if k[:-1] == "weekday_" for w in ws}
    for _, record in seed_records.values():
        for d in record.dates:
            first = d.text.split()[0].strip(",").lower()
            if first in weekdays and d.granularity == "day" and not d.value.startswith("--") and "(" in d.text:
                assert dt.date.fromisoformat(d.value).weekday() == weekdays[first], d


def test_regulation_year_is_not_a_date_and_all_dates_are_claimed():
    text = "Sesuai Inpres Nomor 2 tahun 2021 dan Perwali Kediri Nomor 34 tahun 2023, target di tahun 2024 pada Selasa (28/5)."
    ctx = build_context(text, reference_date=REFERENCE_DATE)
    ctx.article.legal_refs = legal.extract(ctx)
    got = dates.extract(ctx)
    assert [d.text for d in got] == ["tahun 2024", "Selasa (28/5)"]
    for d in got:
        assert ctx.is_claimed(*d.span)
    # years of regulations are not years "the article names": 28 May 2021/2023 are no Tuesdays either way
    assert got[1].value == "2024-05-28" and got[1].year_inferred


def test_weekday_chooses_the_year_even_when_another_is_nearer():
    d = _dates("Realisasi tahun 2022. Acara Selasa (28/5) membahas tahun 2023 dan target tahun 2024.").dates
    sel = next(x for x in d if x.text == "Selasa (28/5)")
    assert (sel.value, sel.year_inferred) == ("2024-05-28", True)


def test_without_weekday_the_nearest_year():
    d = _dates("Target tahun 2020 tercapai. Pada tanggal 28 Mei rapat membahas realisasi tahun 2023.").dates
    sel = next(x for x in d if x.text == "28 Mei")
    assert (sel.value, sel.year_inferred) == ("2023-05-28", True)


def test_no_year_keeps_what_is_known():
    d = _one("Kegiatan dilaksanakan Selasa (28/5) di aula.")
    assert (d.value, d.granularity, d.year_inferred) == ("--05-28", "day", False)
    rec = _dates("Kegiatan dilaksanakan Selasa (28/5) di aula. Diskusi hari ini lancar.")
    # the event date has no year: "hari ini" cannot be placed and is not emitted
    assert [x.text for x in rec.dates] == ["Selasa (28/5)"]
    assert rec.event_date is None


def test_relative_dates_follow_the_event_date_not_the_reference_date():
    rec = _dates("Rapat digelar Jumat (9/6/2023). Kegiatan hari ini dan Senin lalu, target tahun depan.")
    got = {d.text: d.value for d in rec.dates}
    assert got == {"Jumat (9/6/2023)": "2023-06-09", "hari ini": "2023-06-09", "Senin lalu": "2023-06-05",
                   "tahun depan": "2024"}
    assert all(d.year_inferred for d in rec.dates if d.text != "Jumat (9/6/2023)")


def test_relative_dates_without_any_anchor_are_not_emitted():
    assert _dates("Kegiatan hari ini dan tahun lalu.", reference_date=None).dates == []
    got = _dates("Kegiatan hari ini dan bulan lalu.").dates
    assert [(d.value, d.granularity) for d in got] == [("2024-06-01", "day"), ("2024-05", "month")]


def test_minggu_is_sunday_or_week():
    assert _one("Acara Minggu (2/6/2024) di alun-alun.").value == "2024-06-02"
    assert _dates("Minggu lalu rapat digelar.").dates == []
    assert _one("Ahad lalu rapat digelar.").value == "2024-05-26"


def test_lede_date_wins_over_an_earlier_quote_paragraph():
    text = ("Pemkot dan BPJamsostek Bahas Perluasan Kepesertaan Pekerja\n"
            "\"Kami menggelar rapat pada 3 Juni 2024 lalu,\" kata dia.\n"
            "KOTA BLITAR, HB.net - Pemkot menggelar FGD, Jumat (9/6/2023) di Blitar.\n")
    rec = _dates(text)
    assert rec.dateline is not None
    assert rec.event_date.value == "2023-06-09"


MONTHS = {int(k[-2:]): ws for k, ws in load("dates")["words"].items() if k.startswith("month_")}


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)), form=st.integers(0, 20))
def test_written_dates_round_trip(day, form):
    names = MONTHS[day.month]
    name = names[form % len(names)]
    d = _one(f"Acara digelar {day.day} {name} {day.year} di kantor.")
    assert (d.value, d.granularity, d.year_inferred) == (day.isoformat(), "day", False)
    d = _one(f"Data ({day.day}/{day.month}/{day.year}) tercatat.")
    assert d.value == day.isoformat()
