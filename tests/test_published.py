"""The publication date (Article.published) and the reference day of relative dates."""
from __future__ import annotations

import datetime as dt

import pytest

from berita_extract import extract
from berita_extract.dateparsing import parser, relative_offset
from berita_extract.published import parse_day

TEXT = "Kudus - Bupati meninjau pendaftaran kemarin, Jumat. Sosialisasi digelar pekan lalu; target tahun ini 5.000 pekerja."


@pytest.mark.parametrize("raw,day", [
    ("2024-05-28", "2024-05-28"),
    ("2024-05-28T23:30:00+07:00", "2024-05-28"),  # its own calendar day, no shift to UTC
    ("2024-05-28 10:00", "2024-05-28"),
    ("Selasa, 28 Mei 2024 10:00 WIB", "2024-05-28"),
    ("28 Mei 2024", "2024-05-28"),
    ("13-09-2024 19:44 WIB", "2024-09-13"),
    ("28/05/2024 - 10:00", "2024-05-28"),
    ("Jumat, 20 Mei 2022 20:33 WIB", "2022-05-20"),
])
def test_publication_stamps_in_many_forms(raw, day):
    assert parse_day(raw) == dt.date.fromisoformat(day)


@pytest.mark.parametrize("raw", ["", "kemarin", "Mei 2024", "28 Mei", "2024-13-40", "x" * 200, "tidak ada"])
def test_a_value_that_names_no_day_is_no_publication_date(raw):
    assert parse_day(raw) is None


def test_the_parser_is_built_once():
    assert parser() is parser()


def test_relative_offsets_from_dateparser():
    assert relative_offset("dua", "hari", False) == {"unit": "day", "offset": -2}
    assert relative_offset(None, "pekan", False) == {"unit": "week", "offset": -1}
    assert relative_offset("3", "bulan", False) == {"unit": "month", "offset": -3}
    assert relative_offset("1", "tahun", False) == {"unit": "year", "offset": -1}
    assert relative_offset("2", "hari", True) == {"unit": "day", "offset": 2}
    assert relative_offset("beberapa", "hari", False) is None


def test_metadata_date_is_the_reference_for_weekday_relative_and_this_year():
    art = extract(TEXT, id="t", published="2023-05-16", reference_date="2024-06-01")  # a Tuesday
    assert art.published.value == "2023-05-16" and art.published.source == "argument"
    got = {d.text: (d.value, d.end) for d in art.dates}
    assert got["kemarin"] == ("2023-05-15", None)
    assert got["Jumat"] == ("2023-05-12", None)  # the Friday before publication
    assert got["pekan lalu"] == ("2023-05-08", "2023-05-14")
    assert got["tahun ini"] == ("2023", None)
    assert art.event_date.value == "2023-05-12"


def test_metadata_wins_over_the_stamp_in_the_text():
    art = extract(TEXT + "\nSelasa, 16 Mei 2023 09:15 WIB", id="t", published="2023-06-01")
    assert art.published.value == "2023-06-01"
    art = extract(TEXT + "\nSelasa, 16 Mei 2023 09:15 WIB", id="t")
    assert art.published.source == "page_stamp" and art.published.value == "2023-05-16"
    s, e = art.published.span
    assert (TEXT + "\nSelasa, 16 Mei 2023 09:15 WIB")[s:e] == art.published.text


def test_unreadable_metadata_date_is_a_warning():
    art = extract(TEXT, id="t", published="sebentar lagi", reference_date="2024-06-01")
    assert art.published is None and any("names no day" in w for w in art.warnings)


@pytest.mark.parametrize("bad", ["2024-13-01", "01-06-2024", "2024/06/01", "2024-6-1", "kemarin", ""])
def test_bad_reference_date_is_refused(bad):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extract(TEXT, id="t", reference_date=bad)
