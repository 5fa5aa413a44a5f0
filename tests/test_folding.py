"""A rule's simple-case-folding twin (patterns.simple_twin) finds what the rule finds on a text that
folds simply: every rule the pipeline runs, on every example text of every pattern file and the seeds,
as written and in upper and title case."""
from __future__ import annotations

import regex

from berita_extract import extract, patterns

from conftest import example_texts


def _texts() -> list[str]:
    return example_texts()


def test_every_twin_finds_what_its_rule_finds():
    texts = _texts()
    for text in texts[: len(texts) // 3]:
        extract(text)  # every rule the pipeline runs goes through patterns.finditer (or numbers._matches)
    twins = [(p, t) for p, t in list(patterns._TWINS.items()) if t is not p]
    assert len(twins) > 30, "the pipeline's rules should have twins"
    compared = 0
    for rule, twin in twins:
        for text in texts:
            if not patterns.folds_simply(text):
                continue
            full = [m.span() for m in rule.finditer(text)]
            assert [m.span() for m in twin.finditer(text)] == full, (rule.pattern[:80], text[:80])
            compared += len(full)
    assert compared > 1000


def test_full_folding_kept_where_it_matters():
    assert not patterns.folds_simply("Straße 12")  # "ß" folds into "ss"
    assert patterns.folds_simply("Rp 1,5 miliar untuk 1.200 pekerja — “rentan”")
    rule = regex.compile("strasse", regex.IGNORECASE | regex.VERSION1)
    assert [m.group() for m in patterns.finditer(rule, "Straße STRASSE")] == ["Straße", "STRASSE"]
    own = regex.compile("straße", regex.IGNORECASE | regex.VERSION1)
    assert patterns.simple_twin(own) is own  # a rule naming such a character keeps its folding
    plain = regex.compile("kota", regex.VERSION1)
    assert patterns.simple_twin(plain) is plain  # case-sensitive: nothing to fold
