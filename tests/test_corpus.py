"""The corpus is the test: every written article in tests/corpus against the gold a reader wrote for it.

Each `<name>.txt` is compared with `<name>.gold.json` (schema: tests/corpus/README.md) by
berita_extract.scoring.compare: every gold entry present with its listed fields, nothing unlisted
in the required lists, and each `xfail` entry still missing (strict: a fixed gap fails until its
gold entry is promoted).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from berita_extract import extract_file
from berita_extract.scoring import compare

CORPUS = Path(__file__).resolve().parent / "corpus"
ARTICLES = sorted(CORPUS.glob("*.txt"))


def test_every_article_has_its_gold():
    assert ARTICLES, "tests/corpus holds no articles"
    golds = {p.name[: -len(".gold.json")] for p in CORPUS.glob("*.gold.json")}
    assert {p.stem for p in ARTICLES} == golds


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_matches_its_gold(path):
    gold_path = path.with_name(path.stem + ".gold.json")
    if not gold_path.exists():
        pytest.fail(f"{path.name} has no gold file")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["id"] == path.stem
    text = path.read_text(encoding="utf-8-sig")
    record = json.loads(extract_file(path).model_dump_json())
    problems = compare(record, gold, text)
    assert not problems, f"{path.name} departs from its gold:\n  " + "\n  ".join(problems)
