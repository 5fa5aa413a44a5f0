"""Direct quotations and their speakers.

Marks are read on the normalised text (curly marks folded to '"', same length), paired in order
inside each body paragraph: whatever mark comes next closes an open quotation, so a quotation
closed with an opening mark ("…kemiskinan, “ucapnya.") still closes.  A paragraph that ends
inside a quotation continues it when the next paragraph opens with a mark (each paragraph's
part is one item, all with the same speaker); otherwise a speech cue after a comma closes it,
or the stray mark is dropped.  The scan is one pass over the marks.

Speakers (cues: patterns/speech.toml): a cue verb after the closing mark with a name or a
title and name ("kata Kepala Cabang …, Hendra Elvian"); a name and verb before the opening
mark ("Heri menegaskan, “…”", "Menurut X, “…”"); otherwise the verb + -nya ("ujarnya") or no
cue at all points back to the person the discourse is about: the latest person named before
the quotation (outside quotations), in the nearest paragraph that names anyone, preferring a
subject over an object ("… kepada Pjs Wali Kota Magelang Ahmad Aziz").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import regex

from . import patterns
from .lexicon import lexicon
from .model import Quote

_BYLINE_ROLES = {"Reporter", "Editor", "Foto"}
_LOOKBACK_ZONES = 6
_QUOTE_MARKS = "\"'"


@dataclass
class _Piece:
    s: int  # inner span, before trimming
    e: int
    zone: int
    close: Optional[int] = None  # position of the closing mark
    group: int = 0


@dataclass
class _Anchor:
    s: int
    e: int
    name: str
    obj: bool


def extract(ctx) -> list[Quote]:
    zones = list(ctx.zones)
    pieces = _scan(ctx, zones)
    limits = patterns.load("quotes").get("limits", {})
    min_words = int(limits.get("min_words_without_cue", 4))
    anchors = _anchors(ctx, zones)
    anchors = _Anchors(_outside(anchors, sorted((p.s, p.e) for p in pieces)))

    groups: dict[int, list[_Piece]] = {}
    for p in pieces:
        groups.setdefault(p.group, []).append(p)
    out: list[Quote] = []
    prev = None  # (last zone, speaker, cue) of the quotation before
    for gid in sorted(groups):
        parts = groups[gid]
        speaker, cue = _attribute(ctx, parts, anchors, zones)
        if cue is None and prev is not None and prev[2] is not None and prev[0] == parts[0].zone - 1 \
                and not _names_someone(anchors, zones[parts[0].zone - 1], prev[3], prev[2]):
            # a quotation with no cue right after a paragraph that ends with a cued quotation goes on in
            # the same voice, even when that voice is unknown ("…," ujar Kepala Dinas. / "Apa gunanya …?")
            speaker = prev[1]
        prev = (parts[-1].zone, speaker, cue, (parts[0].s, parts[-1].e))
        for p in parts:
            s, e = _trim(ctx.norm, p.s, p.e)
            if s >= e:
                continue
            if cue is None and len(ctx.norm[s:e].split()) < min_words:
                continue  # a term in quotation marks ("Sehat Bersama"), not a quotation
            out.append(Quote(text=ctx.source[s:e], span=(s, e), speaker=speaker, cue=cue))
    out.sort(key=lambda q: q.span)
    return out


# -- quotation marks ------------------------------------------------------------------
def _marks(norm: str, zs: int, ze: int) -> list[int]:
    out = []
    pos = norm.find('"', zs, ze)
    while pos >= 0:
        out.append(pos)
        pos = norm.find('"', pos + 1, ze)
    if not out and "'" in norm[zs:ze]:
        out = _single_marks(norm, zs, ze)
    return out


def _single_marks(norm: str, zs: int, ze: int) -> list[int]:
    """Marks of quotations set in single marks ('Koperasi itu …,' katanya) in a paragraph with no double
    marks: a mark before a capital, closed by a mark after a sentence's punctuation and a speech cue."""
    post_cue = patterns.compiled("speech", "post_cue")
    out = []
    for m in patterns.finditer(patterns.compiled("quotes", "single_quoted", regex.VERSION1), norm, zs, ze):
        close = m.end() - 1
        if post_cue.match(norm, close + 1, ze, timeout=patterns.TIMEOUT):
            out += [m.start(), close]
    return out


def _starts_with_mark(norm: str, zs: int, ze: int) -> bool:
    i = zs
    while i < ze and norm[i].isspace():
        i += 1
    return i < ze and norm[i] == '"'


def _scan(ctx, zones) -> list[_Piece]:
    norm = ctx.norm
    post_cue = patterns.compiled("speech", "post_cue")
    comma_cue = patterns.compiled("speech", "comma_cue", regex.VERSION1)
    pieces: list[_Piece] = []
    group = 0
    carry: Optional[int] = None  # group of a quotation left open by the previous paragraph
    for zi, (zs, ze) in enumerate(zones):
        marks = _marks(norm, zs, ze)
        k = 0
        if carry is not None and marks and _starts_with_mark(norm, zs, ze):
            if len(marks) > 1:
                pieces.append(_Piece(marks[0] + 1, marks[1], zi, marks[1], carry))
                k = 2
            else:  # the quotation runs on through this paragraph too
                pieces.append(_Piece(marks[0] + 1, ze, zi, None, carry))
                k = 1
                if zi + 1 < len(zones) and _starts_with_mark(norm, *zones[zi + 1]):
                    continue
        carry = None
        opened: Optional[int] = None
        for pos in marks[k:]:
            if opened is None:
                opened = pos
                continue
            group += 1
            m = comma_cue.search(norm, opened + 1, pos, timeout=patterns.TIMEOUT) if _looks_opening(norm, pos, zs, ze) else None
            if m is not None:  # '"Blah, ujar Budi. "Next …': the closing mark was lost, this mark opens again
                pieces.append(_Piece(opened + 1, m.start("cue"), zi, m.start("cue") - 1, group))
                opened = pos
                continue
            pieces.append(_Piece(opened + 1, pos, zi, pos, group))
            opened = None
        if opened is None:
            continue
        group += 1
        nxt = zones[zi + 1] if zi + 1 < len(zones) else None
        if nxt is not None and _starts_with_mark(norm, *nxt):
            pieces.append(_Piece(opened + 1, ze, zi, None, group))
            carry = group
            continue
        m = comma_cue.search(norm, opened + 1, ze, timeout=patterns.TIMEOUT)
        if m is not None:  # '"Blah blah, ujarnya.' - the closing mark was lost
            pieces.append(_Piece(opened + 1, m.start("cue"), zi, m.start("cue") - 1, group))
        elif opened > zs and not norm[opened - 1].isspace() and post_cue.match(norm, opened + 1, ze, timeout=patterns.TIMEOUT):
            pieces.append(_Piece(zs, opened, zi, opened, group))  # 'Blah blah," ujarnya.' - the opening was lost
    return pieces


def _title_forms(roles: list[str]) -> list[str]:
    """A person's roles and the same roles with a title written short or long ("Direktur Utama BPJS
    Ketenagakerjaan" is also "Dirut BPJS Ketenagakerjaan"; "Kakanwil …" is also "Kepala Kantor Wilayah …")."""
    forms = patterns.load("speech").get("title_short_forms", {})
    out = list(roles)
    for r in roles:
        for short, long in forms.items():
            for a, b in ((long, short), (short, long)):
                if r == a or r.startswith(a + " "):
                    alt = b + r[len(a):]
                    if alt not in out:
                        out.append(alt)
    return out


def _looks_opening(norm: str, pos: int, zs: int, ze: int) -> bool:
    """A mark after a space (or the paragraph start) and before a word: ' "Kami'."""
    return (pos == zs or norm[pos - 1].isspace()) and pos + 1 < ze and norm[pos + 1].isalnum()


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and norm[e - 1].isspace():
        e -= 1
    return s, e


# -- who is named where ---------------------------------------------------------------
def _anchors(ctx, zones) -> list[_Anchor]:
    """Mentions of people (by name, or by a role used alone) in the body, byline people left out."""
    lex = lexicon()
    people = [p for p in ctx.article.people if not (p.roles and set(p.roles) <= _BYLINE_ROLES)]
    out = []
    for p in people:
        for m in p.mentions:
            if ctx.in_zone(*m.span):
                out.append(_Anchor(m.span[0], m.span[1], p.name, _is_object(ctx.norm, _title_start(ctx.norm, m.span[0], p.roles), lex)))
    owners: dict[str, set[str]] = {}
    for p in people:
        for r in _title_forms(p.roles):
            if len(r.split()) >= 2:
                owners.setdefault(r, set()).add(p.name)
    # a title without its place or office ("Penjabat Gubernur" for "Penjabat Gubernur Sultra") names its
    # holder when no one else's title starts so; not inside a longer title ("Wakil Wali Kota")
    short: dict[str, set[str]] = {}
    for p in people:
        for r in _title_forms(p.roles):
            words = r.split()
            for k in range(2, len(words)):
                if words[k - 1][:1].isupper():
                    short.setdefault(" ".join(words[:k]), set()).add(p.name)
    short_roles = [(r, next(iter(who))) for r, who in short.items() if len(who) == 1 and r not in owners]
    owner_roles = [(r, next(iter(who))) for r, who in owners.items() if len(who) == 1]
    shared = [(r, who) for r, who in short.items() if len(who) > 1 and r not in owners]
    found = _RoleFinder(ctx.norm, zones, [r for r, _ in short_roles + owner_roles + shared])
    for role, name in short_roles:
        for pos, end, zs, ze in found.occurrences(role):
            before = ctx.norm[max(zs, pos - 30) : pos].split()
            if (pos == zs or ctx.norm[pos - 1] == " ") and (end == ze or not ctx.norm[end].isalnum()) \
                    and not (before and before[-1][:1].isupper()):
                out.append(_Anchor(pos, end, name, _is_object(ctx.norm, pos, lex)))
    for role, name in owner_roles:
        for pos, end, zs, ze in found.occurrences(role):
            if (pos == zs or not ctx.norm[pos - 1].isalnum()) and (end == ze or not ctx.norm[end].isalnum()):
                out.append(_Anchor(pos, end, name, _is_object(ctx.norm, pos, lex)))
    out.sort(key=lambda a: (a.s, a.e))
    out += _shared_title_anchors(ctx, zones, found, shared, out, lex)
    out.sort(key=lambda a: (a.s, a.e))
    return out


def _shared_title_anchors(ctx, zones, found, shared, anchors, lex) -> list[_Anchor]:
    """A bare title two people hold the start of ("ujar Kepala Dinas." with a Kepala Dinas Kelautan
    and a Kepala Dinas Tenaga Kerja) names the one holder its paragraph and the one before name, if only one."""
    norm, out = ctx.norm, []
    starts = [zs for zs, _ in zones]
    for role, who in shared:
        for pos, end, zs, ze in found.occurrences(role):
            if not (pos == zs or not norm[pos - 1].isalnum()):
                continue
            after = norm[end:ze].split(None, 1)
            if after and after[0][:1].isupper():
                continue  # a longer title or a name follows: not bare
            zi = bisect.bisect_right(starts, zs) - 1
            lo = starts[zi - 1] if zi > 0 else zs
            named = {a.name for a in anchors if lo <= a.s and a.e <= pos and a.name in who}
            if len(named) == 1:
                out.append(_Anchor(pos, end, named.pop(), _is_object(norm, pos, lex)))
    return out


_RUN = re.compile(r"[^\W_]+")  # a maximal run of str.isalnum() characters


class _RoleFinder:
    """Where each title occurs in the zones, for the titles' uses above (each needs a non-alnum
    character or the zone start before it).

    Per zone, ``str.find`` from the zone start, resuming after each hit, as a loop over every title
    and every zone would give it; but a title starting with a letter or digit that cannot overlap
    itself is looked up among the zone's word starts by its first word (one pass over the text,
    not one per title): a hit starting inside a word is never used, and it hides no other hit."""

    def __init__(self, norm: str, zones, roles) -> None:
        self.norm, self.zones = norm, zones
        need = sorted({m.group() for r in roles if self._indexable(r) for m in [_RUN.match(r)] if m})
        self.at: dict[str, list[tuple[int, int, int]]] = {}
        # the zone's words (maximal runs of alnum characters) that are one of the needed first words:
        # each needed word found with str.find, kept where it is a whole run (a few calls per zone,
        # not one Python step per word of the text)
        for zs, ze in zones:
            for w in need:
                n = len(w)
                pos = norm.find(w, zs, ze)
                while pos >= 0:
                    end = pos + n
                    if (pos == zs or not norm[pos - 1].isalnum()) and (end == ze or not norm[end].isalnum()):
                        self.at.setdefault(w, []).append((pos, zs, ze))
                    pos = norm.find(w, end, ze)

    @staticmethod
    def _indexable(role: str) -> bool:
        """A title starting with a letter or digit that cannot overlap itself (no proper border: a
        border starts where the title's first character occurs again, so only those places are tried)."""
        if not role or not role[0].isalnum():
            return False
        n, k = len(role), role.find(role[0], 1)
        while k > 0:
            if role[k:] == role[: n - k]:
                return False
            k = role.find(role[0], k + 1)
        return True

    def occurrences(self, role: str):
        """(start, end, zone start, zone end) of the role's hits that can be used, in text order."""
        norm = self.norm
        if not self._indexable(role):
            for zs, ze in self.zones:
                pos = norm.find(role, zs, ze)
                while pos >= 0:
                    yield pos, pos + len(role), zs, ze
                    pos = norm.find(role, pos + len(role), ze)
            return
        for pos, zs, ze in self.at.get(_RUN.match(role).group(), ()):
            end = pos + len(role)
            if end <= ze and norm.startswith(role, pos):
                yield pos, end, zs, ze


def _title_start(norm: str, pos: int, roles: list[str]) -> int:
    """Where the title written right before a name starts ("kepada Pjs Wali Kota Magelang Ahmad Aziz")."""
    lo = max(0, pos - 200)
    before = norm[lo:pos].rstrip(" ,")
    for r in sorted(roles, key=len, reverse=True):
        if before.endswith(r):
            return lo + len(before) - len(r)
    return pos


class _Anchors(list):
    """Anchors sorted by start, looked up by range in log time."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self.starts = [a.s for a in self]

    def between(self, lo: int, hi: int) -> list[_Anchor]:
        """Anchors that lie within [lo, hi)."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [a for a in self[i:j] if a.e <= hi]


def _outside(anchors: list[_Anchor], spans: list[tuple[int, int]]) -> list[_Anchor]:
    """Anchors that are not inside a quotation (both lists sorted: one merge pass)."""
    out, k = [], 0
    for a in anchors:
        while k < len(spans) and spans[k][1] <= a.s:
            k += 1
        if not (k < len(spans) and spans[k][0] <= a.s < spans[k][1]):
            out.append(a)
    return out


def _is_object(norm: str, pos: int, lex) -> bool:
    before = norm[max(0, pos - 20) : pos].split()
    return bool(before) and before[-1].lower() in lex.object_preps


def _attribute(ctx, parts: list[_Piece], anchors: _Anchors, zones):
    """(speaker, cue) of one quotation (all its paragraph parts)."""
    norm = ctx.norm
    last, first = parts[-1], parts[0]
    if last.close is not None:
        zs, ze = zones[last.zone]
        m = patterns.compiled("speech", "post_cue").match(norm, last.close + 1, ze, timeout=patterns.TIMEOUT)
        if m is not None:
            cue_end = m.end()
            cue = ctx.mention(m.start("verb"), cue_end)
            if m.group("nya") or m.group("pron"):
                return _discourse(ctx, first.s, anchors, zones, first.zone), cue
            if patterns.compiled("speech", "descriptor_cue").match(norm, cue_end, ze, timeout=patterns.TIMEOUT):
                here = anchors.between(zones[first.zone][0], first.s)  # "ungkap perempuan … itu": same paragraph only
                subjects = [a for a in here if not a.obj]
                return ((subjects or here)[-1].name if here else None), cue
            limit = _clause_end(ctx, cue_end, ze)
            named = anchors.between(cue_end, limit)
            return (named[0].name if named else None), cue
    zs, ze = zones[first.zone]
    opened = first.s - 1
    if opened >= zs and norm[opened] in _QUOTE_MARKS:
        lo = max(zs, opened - 200)
        sent = ctx.sentence_of(opened)
        if sent is not None:
            lo = max(lo, sent[0])
        m = patterns.compiled("speech", "pre_cue").search(norm, max(lo, opened - 60), opened, timeout=patterns.TIMEOUT)
        if m is not None:
            cue = ctx.mention(*m.span("verb"))
            named = anchors.between(lo, m.start("verb"))
            if named:
                return named[-1].name, cue
            return _discourse(ctx, first.s, anchors, zones, first.zone), cue
        m = patterns.compiled("speech", "according_cue").search(norm, lo, opened, timeout=patterns.TIMEOUT)
        if m is not None:
            named = anchors.between(m.end("verb"), opened)
            if named:
                return named[0].name, ctx.mention(*m.span("verb"))
    return _discourse(ctx, first.s, anchors, zones, first.zone), None


def _names_someone(anchors: _Anchors, zone, quote_span, cue) -> bool:
    """Whether a paragraph names a person after its quotation's cue (a new subject of the discourse)."""
    return bool(anchors.between(max(quote_span[1], cue.span[1]), zone[1]))


def _clause_end(ctx, pos: int, ze: int) -> int:
    end = min(ze, pos + 250)
    nxt = ctx.norm.find('"', pos, end)
    if nxt >= 0:
        end = nxt
    sent = ctx.sentence_of(pos)
    if sent is not None and sent[1] > pos:
        end = min(end, sent[1])
    return end


def _discourse(ctx, pos: int, anchors: _Anchors, zones, zi: int) -> Optional[str]:
    """The person the discourse is about at `pos`: the latest subject named before it, nearest paragraph first."""
    for k in range(zi, max(-1, zi - _LOOKBACK_ZONES), -1):
        zs, ze = zones[k]
        here = anchors.between(zs, min(ze, pos))
        if here:
            subjects = [a for a in here if not a.obj]
            return (subjects or here)[-1].name
    return None
