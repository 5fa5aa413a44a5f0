"""A [starts] prefilter (prefilter.py) never changes what its rule finds.

Every rule with a start prefilter is scanned zone by zone (each line a zone)
over every example text of every pattern file and the seeds, as written and in
upper and title case, once in full and once through the prefilter: the matches
must be the same.
"""
from __future__ import annotations

import pytest

from berita_extract import legal, numbers, patterns, prefilter

from conftest import example_texts


def _rules():
    for path in patterns.files():
        for key in patterns.load(path.stem).get("starts", {}):
            yield path.stem, key


def _texts() -> list[str]:
    return example_texts()


def test_every_prefilter_names_a_rule():
    rules = list(_rules())
    assert rules
    for name, key in rules:
        assert key in patterns.load(name)["regexes"], f"patterns/{name}.toml [starts] {key}: no such regex"


@pytest.mark.parametrize("name,key", list(_rules()))
def test_prefilter_finds_what_a_full_scan_finds(name, key):
    if name in numbers._FILES:
        pat, first = numbers._compiled(name, key), prefilter.starts(name, key, numbers._resolve)
    elif name == "legal":
        pat, first = legal._reference(), prefilter.starts(name, key, legal._resolve)
    else:
        pat, first = patterns.compiled(name, key), prefilter.starts(name, key)
    found = 0
    for text in _texts():
        scan = prefilter.Scanner(text)
        cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] + [len(text)]
        for zs, ze in zip(cuts, cuts[1:]):
            ascii_zone = text[zs:ze].isascii()
            full = [m.span() for m in patterns.finditer(pat, text, zs, ze)]
            fast = [m.span() for m in scan.finditer(pat, first, zs, ze, ascii_zone)]
            assert fast == full, (name, key, text[zs:ze][:120])
            found += len(full)
    assert found, f"{name}.{key}: no example text exercises this rule"


def _facts_rules():
    return [key for name, key in _rules() if name == "facts"]


@pytest.mark.parametrize("key", _facts_rules())
def test_a_range_search_finds_what_a_full_scan_finds(key):
    """frames.search_all asks for the cues of any stretch (a sentence, a number's lead), answered from the
    prefilter's whole-text starts: the same matches as scanning the stretch, wherever it begins and ends
    (also inside a word, or inside a match of the prefilter)."""
    from berita_extract import frames

    pat = frames.rx(key)
    found = 0
    for text in _texts()[:400]:
        cuts = sorted({0, len(text), *(i for i, ch in enumerate(text) if ch == " "), *range(0, len(text), 7)})
        for a, s in enumerate(cuts):
            for e in cuts[a + 1:a + 6]:
                full = [m.span() for m in patterns.finditer(pat, text, s, e)]
                fast = [m.span() for m in frames.search_all(key, text, s, e)]
                assert fast == full, (key, s, e, text[s:e])
                found += len(full)
    assert found, f"facts.{key}: no example text exercises this rule"


def test_a_zone_begins_anywhere():
    # a zone that begins anywhere (inside a word, after a letter, after a character that lower-cases into
    # two): the start pattern's lookbehind sees the character before it ("xsalah satu": no idiom starts
    # after a letter)
    pat, first = numbers._compiled("numwords", "not_idiom"), prefilter.starts("numwords", "not_idiom", numbers._resolve)
    for text in ("xsalah satu dan Salah satu", "\u0130 salah satu", "SALAH SATU. salah  satu"):
        scan = prefilter.Scanner(text)
        for zs in range(len(text)):
            ascii_zone = text[zs:].isascii()
            full = [m.span() for m in patterns.finditer(pat, text, zs, len(text))]
            assert [m.span() for m in scan.finditer(pat, first, zs, len(text), ascii_zone)] == full, (text, zs)
