"""Regulation references: "Inpres Nomor 2 tahun 2021", "Perwali Kediri Nomor 34 tahun 2023 tentang ...".

The kinds, their written forms and levels, and the words that end a subject
live in patterns/legal.toml.  A reference needs a number, a subject or a year
(written after the kind, or in a clause saying when it was passed: "Perda ...
yang disahkan pada tahun 2023"): a bare kind ("perubahan SK penerima") is not
one.  A plain number loses its leading zeros ("Nomor 07" -> "7"); a mention
without its year ("Pergub nomor 11 ini") takes the year and issuer of the one
reference of that kind and number the article names in full.  ``text``/``span`` run from the kind
to the number and year (the subject is a field, not part of the span); that
span is claimed, so neither the dates step ("tahun 2021") nor the numbers step
("34") reads inside it.

``issuer`` is the region of a regional regulation as a canonical name, built
from the kind's level and the name written after it ("Perwali Kediri" ->
"Kota Kediri", "Pergub Jateng" -> "Provinsi Jawa Tengah"); a Perda takes its
level from the text ("Perda Kota Kediri") and stays without issuer when the
text gives none.  National kinds (ministerial ones included: the ministry is
in the kind, "Permenaker") have no issuer.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

import regex

from . import patterns, prefilter
from .model import LegalRef

NAME = "legal"
_LEVEL_PREFIX = {"kota": "Kota", "kabupaten": "Kabupaten", "provinsi": "Provinsi"}


@functools.lru_cache(maxsize=None)
def _forms() -> dict[str, tuple[str, str]]:
    """Lower-cased written form (single spaces) -> (kind, level)."""
    out = {}
    for entry in patterns.load(NAME)["kinds"]:
        for form in entry["forms"]:
            out[" ".join(form.lower().split())] = (entry["kind"], entry.get("level", ""))
    return out


def _form_alternation() -> str:
    forms = sorted({f for e in patterns.load(NAME)["kinds"] for f in e["forms"]}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def _resolve(name: str, src: str) -> str:
    """{kind_leads}: the first word of every written form and the character after it (for the
    [starts] prefilter), then the file's fragments."""
    leads = set()
    for f in {f.lower() for e in patterns.load(NAME)["kinds"] for f in e["forms"]}:
        lead = re.match(r"[a-z]*", f).group(0) or f[0]
        rest = f[len(lead):]
        # the form's next character: a space (\s+ in the rule), another, or none ((?!\w) in the rule)
        leads.add(re.escape(lead) + (r"(?![a-z0-9_])" if not rest else r"\s" if rest[0] == " " else re.escape(rest[0])))
    alt = "(?:" + "|".join(sorted(leads, key=lambda w: (-len(w), w))) + ")"
    return patterns.expand(name, src.replace("{kind_leads}", alt))


@functools.lru_cache(maxsize=None)
def _with_kinds(key: str) -> regex.Pattern:
    """A regex of [regexes] whose {kind} is the alternation of every written form."""
    src = patterns.load(NAME)["regexes"][key].replace("{kind}", _form_alternation())
    return regex.compile(patterns.expand(NAME, src), regex.IGNORECASE | regex.VERSION1)


def _reference() -> regex.Pattern:
    return _with_kinds("reference")


def _level_of_word(word: Optional[str]) -> str:
    if not word:
        return ""
    low = word.lower()
    for level in ("kota", "kabupaten", "provinsi"):
        if low in (w.lower() for w in patterns.words(NAME, f"level_{level}")):
            return level
    return ""


def _issuer(level: str, written_level: str, name: Optional[str]) -> Optional[str]:
    aliases = patterns.load(NAME).get("province_alias", {})
    if level == "any":
        level = written_level or ("provinsi" if name in aliases else "")
    if not level or not name:
        return None
    if level == "provinsi":
        name = aliases.get(name, name)
    return f"{_LEVEL_PREFIX[level]} {name}"


def _subject(ctx, pos: int, limit: int) -> Optional[tuple[int, int]]:
    cue = patterns.compiled(NAME, "subject_cue").match(ctx.norm, pos, limit, timeout=patterns.TIMEOUT)
    if not cue:
        return None
    start = cue.end()
    stop = patterns.compiled(NAME, "subject_end").search(ctx.norm, start, limit, timeout=patterns.TIMEOUT)
    end = stop.start() if stop else limit
    words = list(regex.finditer(r"\S+", ctx.norm[start:end]))[:30]
    if not words:
        return None
    end = start + words[-1].end()
    while end > start and ctx.norm[end - 1] in ",'\"":
        end -= 1
    return (start, end) if end > start else None


def _number(m) -> tuple[Optional[str], Optional[int]]:
    number = m.group("number") or m.group("short")
    year = m.group("year") or m.group("year2") or m.group("year3")
    if number and not year:
        split = patterns.compiled(NAME, "number_year").match(number)
        if split:
            year = split.group("year")
            if regex.fullmatch(r"\d{1,4}[A-Za-z]?", split.group("number")):
                number = split.group("number")
    if number:
        plain = patterns.compiled(NAME, "leading_zero").match(number)
        number = plain.group("number") if plain else number
    return number, int(year) if year else None


def _enacted_year(ctx, kind: str, pos: int, limit: int) -> tuple[Optional[int], Optional[int]]:
    """The year a reference named without one was passed: a clause right after it ("... yang
    disahkan pada tahun 2023") or in the next sentence through a mention of the same kind or a
    word for a regulation ("Perda yang disahkan pada tahun 2023 itu").  (year, start of that mention)."""
    sent = ctx.sentence_of(pos) or ctx.sentence_of(pos - 1)
    end = sent[1] if sent else limit
    nxt = ctx.sentence_of(end) or ctx.sentence_of(end + 1)
    end = min(limit, nxt[1] if nxt and nxt[0] <= end + 2 else end)
    rx = _with_kinds("enacted_year")
    for m in rx.finditer(ctx.norm, pos, max(pos, end), timeout=patterns.TIMEOUT):
        written = m.group("anaphor")
        form = _forms().get(" ".join(written.lower().split())) if written else None
        if form is not None and form[0] != kind:
            continue  # another kind of regulation
        return int(m.group("year")), (m.start("anaphor") if written else None)
    return None, None


def _same_reference(refs: list[LegalRef]) -> None:
    """A mention without its year ("Pergub nomor 11 ini") is the reference named in full elsewhere
    in the article with the same kind and number: it takes that year (and issuer, subject) when
    exactly one such reference is written."""
    full: dict[tuple[str, str], list[LegalRef]] = {}
    for r in refs:
        if r.number and r.year is not None:
            full.setdefault((r.kind, r.number.lower()), []).append(r)
    for r in refs:
        if not r.number or r.year is not None:
            continue
        same = [f for f in full.get((r.kind, r.number.lower()), []) if r.issuer in (None, f.issuer)]
        if len({(f.year, f.issuer) for f in same}) == 1:
            r.year, r.issuer = same[0].year, r.issuer or same[0].issuer
            r.subject = r.subject or same[0].subject


def extract(ctx) -> list[LegalRef]:
    out: list[LegalRef] = []
    rx, first = _reference(), prefilter.starts(NAME, "reference", _resolve)
    scan = prefilter.scanner(ctx.norm)
    anaphors: set[int] = set()  # bare mentions that gave an earlier reference its year: that reference again
    for zs, ze, _ in ctx.iter_zones():
        ascii_zone = ctx.norm.isascii() or ctx.norm[zs:ze].isascii()
        matches = [m for m in scan.finditer(rx, first, zs, ze, ascii_zone) if not ctx.is_claimed(*m.span())]
        for i, m in enumerate(matches):
            form = m.group("kind")
            if len(form) <= 3 and not form.isupper():
                continue  # "se-Kabupaten", "pp": short forms are written in capitals
            kind, level = _forms()[" ".join(form.lower().split())]
            s, e = m.span()
            if s in anaphors:
                continue
            limit = matches[i + 1].start() if i + 1 < len(matches) else ze
            subj = _subject(ctx, e, limit)
            number, year = _number(m)
            if number is None and year is None:
                # a later bare mention of a kind ("Perda yang disahkan ...") may say when it was passed
                nxt = next((n.start() for n in matches[i + 1:] if _named(n)), ze)
                year, anaphor = _enacted_year(ctx, kind, subj[1] if subj else e, nxt)
                if anaphor is not None:
                    anaphors.add(anaphor)
            if number is None and subj is None and year is None:
                continue
            issuer = _issuer(level, _level_of_word(m.group("level")), m.group("issuer")) if level else None
            ctx.claim(s, e)
            out.append(
                LegalRef(
                    kind=kind, title=ctx.source[m.start("kind"):m.end("kind")], number=number, year=year,
                    issuer=issuer, subject=ctx.source[subj[0]:subj[1]] if subj else None,
                    text=ctx.source[s:e], span=(s, e),
                )
            )
    _same_reference(out)
    return out


def _named(m) -> bool:
    """A match that names a reference of its own: with a number or a year (a bare kind can be an anaphor)."""
    return bool(m.group("number") or m.group("short") or m.group("year3"))
