"""Small readers shared by the tests of hand-written articles (tests/fixtures/*)."""
from __future__ import annotations

from pathlib import Path

from berita_extract import extract_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_articles(folder: str) -> dict:
    """{stem: Article} of tests/fixtures/<folder>/*.txt."""
    return {p.stem: extract_file(p) for p in sorted((FIXTURES / folder).glob("*.txt"))}


def person(art, name):
    found = [p for p in art.people if p.name == name]
    assert found, f"no person {name!r}; have {[p.name for p in art.people]}"
    return found[0]


def people(art):
    return {p.name: (p.roles, p.organization) for p in art.people}


def quote(art, start):
    found = [q for q in art.quotes if q.text.startswith(start)]
    assert len(found) == 1, f"no quote {start!r}; have {[q.text[:40] for q in art.quotes]}"
    return found[0]


def regions(art):
    return {r.name: (r.level, r.code) for r in art.regions}


def removed(art):
    return {r.text: r.reason for r in art.removed}


def q(art, text, n=0):
    found = [x for x in art.quantities if x.text == text]
    assert len(found) > n, f"no quantity {text!r} (n={n}); have {[x.text for x in art.quantities]}"
    return found[n]


def no_q(art, text):
    assert not [x for x in art.quantities if text in x.text], f"{text!r} must not be a quantity"


def date(art, text):
    found = [d for d in art.dates if d.text == text]
    assert found, f"no date {text!r}; have {[d.text for d in art.dates]}"
    return found[0]


def fact(art, ftype, value, **frame):
    """The fact of this type and value whose frame has every given key: all keys on ONE fact."""
    found = [f for f in art.facts if f.type == ftype and abs(f.value - value) < 1e-6]
    assert found, f"no {ftype} {value}; have {[(f.type, f.value) for f in art.facts]}"
    fits = [f for f in found if all(getattr(f, k) == want for k, want in frame.items())]
    assert fits, f"{ftype} {value}: no one fact has {frame}; have {[{k: getattr(f, k) for k in frame} for f in found]}"
    return fits[0]


def no_fact(art, value, ftype=None):
    bad = [f for f in art.facts if abs(f.value - value) < 1e-6 and (ftype is None or f.type == ftype)]
    assert not bad, f"{value} must not be a fact{'' if ftype is None else ' of type ' + ftype}: {bad}"


def checks(art, kind):
    return [c for c in art.checks if c.kind == kind]
