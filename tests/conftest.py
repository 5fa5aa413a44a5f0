import os
import re
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


# ---- the CLI as the fault and limit tests drive it (tests/test_faults.py, tests/test_limits.py)

TAIL = re.compile(r"\d+ articles (?:written to .*|extracted), \d+ failed.*\n\Z")


def as_before_quiet_o(argv: list[str]) -> list[str]:
    """These tests read the records on stdout beside -o, as `--format jsonl` asks since -o alone is quiet."""
    return argv + ["--format", "jsonl"] if "-o" in argv and "--format" not in argv else argv


def without_tail(err: str, argv: list[str]) -> str:
    """stderr without the closing "N articles written to DIR, M failed" line that -o prints."""
    if "-o" in argv and "--summary" not in argv:
        m = TAIL.search(err)
        if m:
            return err[:m.start()]
    return err


def example_texts() -> list[str]:
    """The seeds and every example and counter-example text of every pattern file, normalised, as written
    and in upper and title case: what the equivalence tests of a faster path (prefilters, twins) run on."""
    from berita_extract import patterns
    from berita_extract.text import normalize

    out = [p.read_text(encoding="utf-8-sig") for p in SEEDS]
    for path in patterns.files():
        data = patterns.load(path.stem)
        out += [case["text"] for kind in ("examples", "counter_examples") for case in data.get(kind, [])]
    out = [normalize(t) for t in out]
    return out + [t.upper() for t in out] + [t.title() for t in out]
