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

from dataclasses import dataclass
from typing import Optional

from . import names, patterns
from .model import Mention, Quote

_BYLINE_ROLES = {"Reporter", "Editor", "Foto"}
_LOOKBACK_ZONES = 6


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
    quote_spans = [(p.s, p.e) for p in pieces]
    anchors = [a for a in anchors if not any(s <= a.s < e for s, e in quote_spans)]

    groups: dict[int, list[_Piece]] = {}
    for p in pieces:
        groups.setdefault(p.group, []).append(p)
    out: list[Quote] = []
    for gid in sorted(groups):
        parts = groups[gid]
        speaker, cue = _attribute(ctx, parts, anchors, zones)
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
    return out


def _starts_with_mark(norm: str, zs: int, ze: int) -> bool:
    i = zs
    while i < ze and norm[i].isspace():
        i += 1
    return i < ze and norm[i] == '"'


def _scan(ctx, zones) -> list[_Piece]:
    norm = ctx.norm
    post_cue = patterns.compiled("speech", "post_cue")
    comma_cue = patterns.compiled("speech", "comma_cue")
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
            else:
                group += 1
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


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and norm[e - 1].isspace():
        e -= 1
    return s, e


# -- who is named where ---------------------------------------------------------------
def _anchors(ctx, zones) -> list[_Anchor]:
    """Mentions of people (by name, or by a role used alone) in the body, byline people left out."""
    lex = names.lexicon()
    people = [p for p in ctx.article.people if not (p.roles and set(p.roles) <= _BYLINE_ROLES)]
    out = []
    for p in people:
        for m in p.mentions:
            if ctx.in_zone(*m.span):
                out.append(_Anchor(m.span[0], m.span[1], p.name, _is_object(ctx.norm, m.span[0], lex)))
    owners: dict[str, set[str]] = {}
    for p in people:
        for r in p.roles:
            if len(r.split()) >= 2:
                owners.setdefault(r, set()).add(p.name)
    for role, who in owners.items():
        if len(who) != 1:
            continue
        name = next(iter(who))
        for zs, ze in zones:
            pos = ctx.norm.find(role, zs, ze)
            while pos >= 0:
                end = pos + len(role)
                if (pos == zs or not ctx.norm[pos - 1].isalnum()) and (end == ze or not ctx.norm[end].isalnum()):
                    out.append(_Anchor(pos, end, name, _is_object(ctx.norm, pos, lex)))
                pos = ctx.norm.find(role, end, ze)
    out.sort(key=lambda a: (a.s, a.e))
    return out


def _is_object(norm: str, pos: int, lex) -> bool:
    before = norm[max(0, pos - 20) : pos].split()
    return bool(before) and before[-1].lower() in lex.object_preps


def _attribute(ctx, parts: list[_Piece], anchors: list[_Anchor], zones):
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
            limit = _clause_end(ctx, cue_end, ze)
            for a in anchors:
                if cue_end <= a.s and a.e <= limit:
                    return a.name, cue
            return None, cue
    zs, ze = zones[first.zone]
    opened = first.s - 1
    if opened >= zs and norm[opened] == '"':
        lo = max(zs, opened - 200)
        sent = ctx.sentence_of(opened)
        if sent is not None:
            lo = max(lo, sent[0])
        m = patterns.compiled("speech", "pre_cue").search(norm, max(lo, opened - 60), opened, timeout=patterns.TIMEOUT)
        if m is not None:
            cue = ctx.mention(*m.span("verb"))
            named = [a for a in anchors if lo <= a.s and a.e <= m.start("verb")]
            if named:
                return named[-1].name, cue
            return _discourse(ctx, first.s, anchors, zones, first.zone), cue
        m = patterns.compiled("speech", "according_cue").search(norm, lo, opened, timeout=patterns.TIMEOUT)
        if m is not None:
            named = [a for a in anchors if m.end("verb") <= a.s and a.e <= opened]
            if named:
                return named[0].name, ctx.mention(*m.span("verb"))
    return _discourse(ctx, first.s, anchors, zones, first.zone), None


def _clause_end(ctx, pos: int, ze: int) -> int:
    end = min(ze, pos + 250)
    nxt = ctx.norm.find('"', pos, end)
    if nxt >= 0:
        end = nxt
    sent = ctx.sentence_of(pos)
    if sent is not None and sent[1] > pos:
        end = min(end, sent[1])
    return end


def _discourse(ctx, pos: int, anchors: list[_Anchor], zones, zi: int) -> Optional[str]:
    """The person the discourse is about at `pos`: the latest subject named before it, nearest paragraph first."""
    for k in range(zi, max(-1, zi - _LOOKBACK_ZONES), -1):
        zs, ze = zones[k]
        hi = min(ze, pos)
        here = [a for a in anchors if zs <= a.s and a.e <= hi]
        if here:
            subjects = [a for a in here if not a.obj]
            return (subjects or here)[-1].name
    return None
