"""The byline's people (people.py): "Reporter: …", "Editor: …", "(Foto: …)" as the layout step read
them, or the labelled lines read here when it did not.

A credit names a person only when it is written as a name: the part before an outlet glued to it
("Foto: Dedi/TribunKaltim" is Dedi), and not a stock credit ("Istimewa", "Dok. Humas") nor an
office's press desk ("(Diskominfo Kukar/RT)"). Rules: patterns/roles.toml.
"""
from __future__ import annotations

import regex

from . import names, patterns

_BYLINE_ROLES = (("reporter", "Reporter"), ("editor", "Editor"), ("photographer", "Foto"))
_CS = names._CS


def byline_people(ctx, lex) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) of each person the byline credits."""
    out = []
    by = ctx.article.byline
    found = [(getattr(by, key), role) for key, role in _BYLINE_ROLES if getattr(by, key, None)]
    if not found:  # the layout step did not fill the byline: read the labelled lines ourselves
        found = _byline_fallback(ctx)
    glued = patterns.compiled("roles", "credit_outlet", _CS)
    for name, role in found:
        name = glued.sub("", name.strip(), count=1).strip()
        if not _is_person(name, lex):
            continue
        pos = _find_outside_zones(ctx, name)
        if pos < 0:
            continue
        out.append((pos, pos + len(name), ctx.source[pos : pos + len(name)], role))
    return out


def _is_person(name: str, lex) -> bool:
    """A credit written as a personal name: no stock credit, office or region word in it."""
    toks = names.tokenize(name, 0, len(name), lex)
    words = [t for t in toks if t.t not in ".,"]
    if not words or lex.place_len(words, 0) == len(words):
        return False  # '(Humas/Mateng)': the desk's region, not a person
    for t in words:
        if t.low in lex.stop or (lex.is_cap(t) and lex.is_title_word(t)) or lex.head_len([t], 0):
            return False
    return True


def _byline_fallback(ctx) -> list[tuple[str, str]]:
    reporter = set(patterns.words("roles", "byline_reporter"))
    editor = set(patterns.words("roles", "byline_editor"))
    out = []
    line = patterns.compiled("roles", "byline_line", _CS | regex.MULTILINE)
    for m in patterns.finditer(line, ctx.norm):
        label = m.group("label")
        out.append((m.group("name"), "Reporter" if label in reporter else "Editor" if label in editor else label))
    photo = patterns.compiled("roles", "byline_photo", _CS)
    for m in patterns.finditer(photo, ctx.norm):
        out.append((m.group("name"), "Foto"))
    return out


def _find_outside_zones(ctx, name: str) -> int:
    first = -1
    pos = ctx.norm.find(name)
    while pos >= 0:
        if first < 0:
            first = pos
        if not ctx.in_zone(pos, pos + len(name)):
            return pos
        pos = ctx.norm.find(name, pos + 1)
    return first
