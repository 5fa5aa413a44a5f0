"""Invariants of every record the tool emits: spans point at their text, the record fits the schema."""
from __future__ import annotations

import json
import random

import jsonschema
import pytest

from berita_extract import extract
from berita_extract.model import Article

from conftest import SEEDS

SCHEMA = Article.model_json_schema()


def spans_of(node, path="$"):
    """Yield (path, text, span) of every item that carries a span, wherever it sits in the record."""
    if isinstance(node, dict):
        if "span" in node and node["span"] is not None:
            text = node.get("text", node.get("sentence"))
            yield path, text, node["span"]
        for k, v in node.items():
            yield from spans_of(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans_of(v, f"{path}[{i}]")


def assert_invariants(source: str, record: Article):
    data = json.loads(record.model_dump_json())
    jsonschema.validate(data, SCHEMA)
    n = 0
    for path, text, (s, e) in spans_of(data):
        assert 0 <= s <= e <= len(source), f"{path}: span {s, e} outside the text"
        assert source[s:e] == text, f"{path}: source[{s}:{e}] = {source[s:e]!r} != {text!r}"
        n += 1
    return n


def _variants(text: str, rnd: random.Random):
    """Generated texts: the seed with shuffled paragraphs, CRLF, NBSP and curly quotes, a BOM."""
    paras = text.split("\n")
    rnd.shuffle(paras)
    yield "\n".join(paras)
    yield text.replace("\n", "\r\n")
    yield text.replace(" ", "\u00a0", 40).replace('"', "\u201c", 3)
    yield "\ufeff" + text
    yield text[: len(text) // 2]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_record_invariants(seed, seed_records):
    source, record = seed_records[seed.stem]
    assert record.source.chars == len(source)
    assert assert_invariants(source, record) > 10  # the seeds carry many spans


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_generated_text_invariants(seed):
    rnd = random.Random(seed.stem)
    text = seed.read_text(encoding="utf-8")
    for variant in _variants(text, rnd):
        record = extract(variant, id="variant")
        source = variant[1:] if variant.startswith("\ufeff") else variant
        assert_invariants(source, record)


def test_removed_parts_are_not_read_again(seed_records):
    for source, record in seed_records.values():
        for item in record.quantities:
            for r in record.removed:
                assert not (r.span[0] <= item.span[0] < r.span[1]), f"{record.id}: {item.text} read from removed text"


FIXTURES = sorted((SEEDS[0].parent.parent / "tests" / "fixtures").glob("*/*.txt")) + sorted(
    (SEEDS[0].parent.parent / "tests" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_hand_written_article_invariants(path):
    from berita_extract import extract_file

    source = path.read_bytes().decode("utf-8-sig")
    assert assert_invariants(source, extract_file(path)) > 10
