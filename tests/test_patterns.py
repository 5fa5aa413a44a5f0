"""One parametrised test runs the examples and counter-examples of every patterns/*.toml.

Contract of a pattern file (see patterns/README.md):

    field = "quantities"                 # default Article field the examples look at

    [[examples]]
    text = "coveragenya 49,65 persen"
    expect = [{kind = "percent", value = 49.65, text = "49,65 persen"}]   # "_null = ["unit"]": keys that are null
    only = true                          # optional: no other item in the field

    [[counter_examples]]
    text = "mengurai satu persatu potensi"
    absent = ["satu"]                    # optional: no item with this text; omitted: the field is empty
    unset = ["initials"]                 # optional: these keys of the field's item(s) are null

An expected table matches an item when every key it names is equal (floats to 1e-6,
nested tables recursively); the item may have more keys.
"""
from __future__ import annotations

import pytest

from berita_extract import extract
from berita_extract.pipeline import build_context
from berita_extract.patterns import files, load

from conftest import REFERENCE_DATE


def _cases():
    for path in files():
        data = load(path.stem)
        default = data.get("field")
        for kind in ("examples", "counter_examples"):
            for i, case in enumerate(data.get(kind, [])):
                field = case.get("field", default)
                yield pytest.param(path.stem, kind, case, field, id=f"{path.stem}:{kind[:7]}:{i}:{case['text'][:40]}")


def _matches(want, got) -> bool:
    if isinstance(want, dict):  # "_null": keys the item must have null (TOML has no null)
        nulls = want.get("_null", [])
        return isinstance(got, dict) and all(got.get(k) is None for k in nulls) and \
            all(k in got and _matches(v, got[k]) for k, v in want.items() if k != "_null")
    if isinstance(want, float) or (isinstance(want, int) and isinstance(got, float)):
        return isinstance(got, (int, float)) and abs(got - want) < 1e-6
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(_matches(w, g) for w, g in zip(want, got))
    return want == got


def _items(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("name,kind,case,field", list(_cases()))
def test_pattern_example(name, kind, case, field):
    assert field, f"patterns/{name}.toml: no field for this example"
    if field == "sentences":  # not an Article field: the sentence spans every fact is read from
        ctx = build_context(case["text"])
        got = [{"text": case["text"][s:e], "span": [s, e]} for s, e in ctx.sentences]
    else:
        record = extract(case["text"], id="example", reference_date=case.get("reference_date", REFERENCE_DATE))
        got = record.model_dump(mode="json")[field]
    items = _items(got)
    if kind == "examples":
        expect = case["expect"]
        wants = expect if isinstance(expect, list) else [expect]
        for want in wants:
            assert any(_matches(want, it) for it in items), f"{field}: expected {want}\n got {items}"
        if case.get("only"):
            assert len(items) == len(wants), f"{field}: expected only {wants}\n got {items}"
    else:
        absent = case.get("absent")
        unset = case.get("unset")
        if unset is not None:
            for it in items:
                for key in unset:
                    assert it.get(key) is None, f"{field}.{key} must be unset; got {it}"
        elif absent is None:
            assert not items, f"{field}: expected nothing, got {items}"
        else:
            texts = [it.get("text") or it.get("name") for it in items if isinstance(it, dict)]
            for a in absent:
                assert a not in texts, f"{field}: {a!r} must not be extracted; got {items}"
    for it in items:  # the span invariant holds for every example, too
        if isinstance(it, dict) and "span" in it and "text" in it:
            s, e = it["span"]
            assert case["text"][s:e] == it["text"]


def test_every_pattern_file_has_examples_and_counter_examples():
    for path in files():
        data = load(path.stem)
        assert data.get("examples"), f"{path.name}: no examples"
        assert data.get("counter_examples"), f"{path.name}: no counter-examples"
