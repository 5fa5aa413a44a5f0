"""The tool's record for each seed equals golden/<id>.json, which was checked by hand.

On a difference the test prints a unified diff of the two JSON texts. Never
regenerate golden/ and accept the diff unread: read every changed line
against the article first.
"""
from __future__ import annotations

import difflib
import json

import pytest

from berita_extract import extract_file

from conftest import GOLDEN, ROOT, SEEDS


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden(seed, monkeypatch):
    golden = GOLDEN / f"{seed.stem}.json"
    assert golden.exists(), f"golden/{seed.stem}.json is missing"
    monkeypatch.chdir(ROOT)  # source.path is recorded as given: seeds/<id>.txt
    got = extract_file(f"seeds/{seed.name}").model_dump_json(indent=2) + "\n"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(keepends=True), got.splitlines(keepends=True), f"golden/{seed.stem}.json", "extracted", n=2
            )
        )
        pytest.fail(f"{seed.stem} differs from its golden file:\n{diff[:20000]}")
    json.loads(got)
