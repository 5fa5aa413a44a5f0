"""scan.py's start-pattern scan never changes what its rule finds.

Every rule the organisation and region steps scan through scan.finditer is scanned zone by
zone (each line a zone) over every example text of every pattern file, the seeds and the corpus, as
written and in upper and title case, once in full (patterns.finditer) and once trying the rule only
where its start pattern matches: the matches must be the same.
"""
from __future__ import annotations

import pytest

from berita_extract import organizations, patterns, prefilter, scan
from berita_extract.text import normalize

from conftest import ROOT, SEEDS


def _rules():
    orgs_rx, orgs_first = organizations._tables()[5], organizations._starts()
    for key in ("body", "regional"):
        yield f"organizations.{key}", orgs_rx[key], orgs_first[key]
    yield "regions.cue", patterns.compiled("regions", "cue"), prefilter.starts("regions", "cue")


def _texts() -> list[str]:
    paths = SEEDS + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    out = [p.read_text(encoding="utf-8-sig") for p in paths]
    for path in patterns.files():
        data = patterns.load(path.stem)
        out += [case["text"] for kind in ("examples", "counter_examples") for case in data.get(kind, [])]
    out = [normalize(t) for t in out]
    return out + [t.upper() for t in out] + [t.title() for t in out] + [t.lower() for t in out]


RULES = list(_rules())


@pytest.mark.parametrize("name,pat,first", RULES, ids=[r[0] for r in RULES])
def test_start_scan_finds_what_a_full_scan_finds(name, pat, first):
    assert first is not None, f"{name}: no start pattern (a name that is not ASCII?)"
    found = 0
    for text in _texts():
        cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] + [len(text)]
        for zs, ze in zip(cuts, cuts[1:]):
            full = [m.span() for m in patterns.finditer(pat, text, zs, ze)]
            fast = [m.span() for m in scan.finditer(pat, first, text, zs, ze, scan.lowered(text, zs, ze))]
            assert fast == full, (name, text[zs:ze][:120])
            found += len(full)
    assert found, f"{name}: no example text exercises this rule"


def test_a_zone_that_is_not_ascii_is_scanned_in_full():
    pat = patterns.compiled("regions", "cue")
    text = "Warga Kota Kediri – “Pemkab Blitar” menyatakan"
    assert scan.lowered(text, 0, len(text)) is None
    got = [m.span() for m in scan.finditer(pat, prefilter.starts("regions", "cue"), text, 0, len(text), None)]
    assert got == [m.span() for m in patterns.finditer(pat, text)] and len(got) == 2


def test_overlapping_starts_are_all_tried():
    # the start pattern matches "abkota" at 2 (the rule does not start there) and "kota" at 4, inside
    # that match: every position is searched, so the rule is still tried at 4
    import regex

    pat = regex.compile(r"(?i:kota)", regex.VERSION1)
    first = scan.word_starts(["abkota", "kota"], after_word=False)
    text = "xAbkota"
    got = [m.span() for m in scan.finditer(pat, first, text, 0, len(text), scan.lowered(text, 0, len(text)))]
    assert got == [m.span() for m in patterns.finditer(pat, text)] == [(3, 7)]
