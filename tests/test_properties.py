"""Property-based: random and mutated article text never makes `extract` raise, and its record holds.

Runs with BERITA_STRICT=1 (conftest), so an extractor that raises fails here
instead of hiding as a warning. Bounded: 60 examples each, no deadline.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from berita_extract import extract

import synth  # bench/synth.py (tests/conftest.py puts bench/ on the path)

from _records import check_record
from conftest import REFERENCE_DATE, SEEDS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)

# pieces that the rules react to, so that random text reaches them
WORDS = [
    "BPJS", "Ketenagakerjaan", "BPJamsostek", "persen", "%", "orang", "pekerja", "peserta", "PK", "Rp", "Rp.",
    "juta", "miliar", "ribu", "ribuan", "sekitar", "lebih", "dari", "hingga", "sampai", "dengan", "-", "–", "/",
    "Kota", "Kabupaten", "Kediri", "Blitar", "Pemkot", "Pemkab", "Provinsi", "Jawa", "Timur", "Wali", "Bupati",
    "Pj", "Selasa", "(28/5)", "Mei", "2024", "tahun", "Nomor", "Inpres", "Perwali", "UU", "JKK", "JKM", "JHT",
    "ujarnya", "kata", "katanya", "\"", "“", "”", "'", "″", ",", ".", ":", "(", ")", "\n", "\r\n", "\r", "\n\n",
    "\u00a0", "\t", "Reporter:", "Editor:", "(Foto:", "(ADV)", "(tri/ns)", "Baca juga:", "satu", "persatu",
    "enam", "bulan", "tujuh", "pemda", "se-", "coverage", "kepesertaan", "target", "potensi", "realisasinya",
    "9.695", "49,65", "2.092.600.000", "365.600.000,00", "1.5", "109,678", "0", "00", "1.1.1.1", "RT", "RW",
]

token = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8), st.integers(0, 10**13).map(str))
random_text = st.lists(token, max_size=120).map(lambda parts: " ".join(parts))


def _base_texts():
    out = [p.read_text(encoding="utf-8-sig") for p in SEEDS]
    out += [text for _, text in synth.articles(5, seed=99)]
    return out


BASES = _base_texts()


@st.composite
def mutated_article(draw):
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cut", "insert", "delete", "dup", "swap_lines", "replace"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 400)))
        if op == "cut":
            text = text[i:] if draw(st.booleans()) else text[:i]
        elif op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(WORDS), st.text(max_size=20))) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap_lines":
            lines = text.split("\n")
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        else:
            text = text[:i] + draw(st.sampled_from(WORDS)) + text[j:]
    return text


def _check(text: str) -> None:
    record = extract(text, id="prop", reference_date=REFERENCE_DATE)
    source = text[1:] if text.startswith("\ufeff") else text
    check_record(source, record)


@SETTINGS
@given(random_text)
def test_random_text(text):
    _check(text)


@SETTINGS
@given(mutated_article())
def test_mutated_articles(text):
    _check(text)


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode(text):
    _check(text)
