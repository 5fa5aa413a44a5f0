"""Checks shared by the CLI, hostile-input and property tests: a record is valid and its spans hold."""
from __future__ import annotations

import functools
import json


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    from berita_extract.model import Article

    return Article.model_json_schema()


def spans(node, path="$"):
    """(path, text, span) of every item that carries a span."""
    if isinstance(node, dict):
        if node.get("span") is not None:
            yield path, node.get("text", node.get("sentence")), node["span"]
        for k, v in node.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans(v, f"{path}[{i}]")


def check_record(source: str, record) -> dict:
    """Validate against the schema and check every span; returns the record as JSON data."""
    import jsonschema

    data = record if isinstance(record, dict) else json.loads(record.model_dump_json())
    jsonschema.validate(data, schema())
    for path, text, (s, e) in spans(data):
        assert 0 <= s <= e <= len(source), f"{path}: span {(s, e)} outside the text ({len(source)} chars)"
        assert source[s:e] == text, f"{path}: source[{s}:{e}] = {source[s:e]!r} != {text!r}"
    assert data["source"]["chars"] == len(source)
    return data


STEPS = ("layout", "legal_refs", "dates", "quantities", "programs", "organizations", "regions", "people", "quotes",
         "facts", "checks")


def step_failures(data: dict) -> list[str]:
    """Warnings that say an extractor step raised (an extractor bug, even though the article survived)."""
    return [w for w in data.get("warnings", []) if w.split(":", 1)[0] in STEPS]
