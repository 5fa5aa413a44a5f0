"""berita_extract.scoring: the corpus comparison is exact and strict, and the table is the development set's."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from berita_extract.scoring import compare, score

from conftest import ROOT

REC = {"event_date": {"value": "2024-05-02"}, "quantities": [{"kind": "count", "value": 100.0, "text": "100 orang"}],
       "facts": [{"type": "participants", "value": 100.0, "region": "Kota Kediri", "segment": None, "period": "2024"}],
       "people": [{"name": "Ani", "roles": ["Bupati X"]}], "quotes": [], "regions": [{"name": "Kota Kediri"}],
       "legal_refs": []}
FACT = {"type": "participants", "value": 100, "region": "Kota Kediri", "segment": None, "period": "2024", "text": "100 orang"}


def _gold(**kw):
    g = {"id": "t", "event_date": "2024-05-02", "quantities": [{"kind": "count", "value": 100, "text": "100 orang"}],
         "legal_refs": [], "people": [{"name": "Ani", "role": "Bupati X"}], "quote_speakers": [],
         "regions": ["Kota Kediri"], "facts": [dict(FACT)]}
    g.update(kw)
    return g


def test_a_record_that_agrees_has_no_problems():
    assert compare(REC, _gold(), "ada 100 orang") == []


def test_a_wrong_field_and_an_unlisted_item_are_both_reported():
    wrong = dict(FACT, period="2023")
    problems = compare(REC, _gold(facts=[wrong]), "100 orang")
    assert any("missing or different" in p for p in problems)
    assert any("unlisted" in p for p in problems)


def test_xfail_is_strict_both_ways():
    fixed = dict(FACT, xfail="the tool misses it")
    assert any("promote" in p for p in compare(REC, _gold(facts=[fixed]), "100 orang"))
    missing = dict(FACT, value=200, text="100 orang", xfail="not read yet")
    extra = {"facts": [dict(FACT, xfail="emitted by mistake")]}
    assert compare(REC, _gold(facts=[missing], xfail_extra=extra), "100 orang") == []
    gone = {"facts": [dict(FACT, value=300, xfail="emitted by mistake")]}
    assert any("no longer emitted" in p for p in compare(REC, _gold(xfail_extra=gone), "100 orang"))


def test_a_gold_text_not_in_the_article_is_a_gold_defect():
    assert any("not in the article" in p for p in compare(REC, _gold(), "seratus orang"))


def test_the_table_counts_found_and_exact_facts():
    out = io.StringIO()
    figures = score({"t": REC}, [_gold(facts=[dict(FACT, region=None)])], out=out)
    assert figures["facts_f1"] == 1.0 and figures["facts_exact_f1"] == 0.0
    assert "facts_exact" in out.getvalue()


DEVSET = ROOT / "devset" / "articles"
SHARED = ROOT.parent / "shared" / "devset"


@pytest.mark.skipif(not (DEVSET.is_dir() and (SHARED / "score.py").exists() and (ROOT / ".venv/bin/berita-extract").exists()),
                    reason="the development set's texts are restored locally only (devset/articles)")
def test_make_score_agrees_with_the_development_sets_scorer():
    ours = subprocess.run([sys.executable, "-m", "berita_extract.scoring", str(DEVSET), str(SHARED / "gold")],
                          capture_output=True, text=True, cwd=ROOT, timeout=600).stdout
    theirs = subprocess.run([sys.executable, str(SHARED / "score.py"), str(DEVSET), str(SHARED / "gold")],
                            capture_output=True, text=True, cwd=ROOT, timeout=600).stdout
    table = lambda s: [ln for ln in s.splitlines() if ln[:1].isalpha() and "(" in ln]  # noqa: E731
    assert table(ours) and table(ours) == table(theirs)
