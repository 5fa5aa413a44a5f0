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
