import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("BERITA_STRICT", "1")  # a failing step fails the test instead of becoming a warning

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = ROOT / "golden"
sys.path.insert(0, str(ROOT / "bench"))  # the benchmark's article generator (bench/synth.py) feeds some tests

# Relative dates in examples resolve against this pinned day (tests never read the clock).
REFERENCE_DATE = "2024-06-01"


@pytest.fixture(scope="session")
def seed_records():
    from berita_extract import extract_file

    return {p.stem: (p.read_text(encoding="utf-8-sig"), extract_file(p)) for p in SEEDS}
