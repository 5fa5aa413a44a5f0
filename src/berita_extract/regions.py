"""Regions an article is about, with their Kemendagri codes (rules: patterns/regions.toml).

Three passes over the body zones (and the dateline when it lies outside them):

1. explicit mentions: a level word or cue fixes the level ("Kota Kediri",
   "Pemkab Trenggalek", "Gubernur Jateng"), a list after it shares it, and
   "Kota dan Kabupaten Kediri" gives both;
2. provinces by name or short form ("Jawa Tengah", "Jatim", "DIY") when no
   regency or city has that name;
3. bare names, resolved only when exactly one explicit region of the article
   has that name; a bare name that ends a longer proper name ("Hotel Grand
   Artos Magelang", "Universitas Brawijaya Malang") is that name's, not the
   region's (except in the headline, written in title case).

A place inside an organisation's mention is left to the organisation unless
the organisation is that region's own body ("Pemerintah Kota Kediri" yes,
"BPJS Ketenagakerjaan Cabang Kediri" no): organizations run before regions.
"""
from __future__ import annotations

import bisect

import functools
import re
from typing import Iterator, Optional

from . import patterns, prefilter, scan
from .gazetteer import Entry, Place, gazetteer, key
from .model import Region

_NAME = "regions"
_LEVEL_GROUPS = {
    "kota": ("kota", True),
    "kabupaten": ("kabupaten", True),
    "provinsi": ("provinsi", True),
    "kota_cue": ("kota", False),
    "kabupaten_cue": ("kabupaten", False),
    "provinsi_cue": ("provinsi", False),
}


def zones(ctx) -> Iterator[tuple[int, int]]:
    zones = list(ctx.zones)
    dl = ctx.article.dateline
    if dl is not None and not ctx.in_zone(*dl.span):
        zones.append(tuple(dl.span))
    yield from sorted(zones)


def _owned_by_org(ctx):
    """(start, end, org name) of every organisation mention."""
    return [(m.span[0], m.span[1], o.name) for o in ctx.article.organizations for m in o.mentions]


class _Found:
    def __init__(self, ctx):
        self.ctx = ctx
        self.orgs = sorted(_owned_by_org(ctx))
        self._org_starts = [o[0] for o in self.orgs]
        self._org_longest = max((e - s for s, e, _ in self.orgs), default=0)
        self.hits: list[tuple[int, int, Place]] = []
        self.covered: set[int] = set()  # positions taken by a mention: linear in the text, O(1) to test

    def _orgs_around(self, s: int, e: int):
        """The organisation mentions that contain [s, e): bisected, so a long article stays linear."""
        lo = bisect.bisect_left(self._org_starts, s - self._org_longest)
        hi = bisect.bisect_right(self._org_starts, s)
        return [o for o in self.orgs[lo:hi] if o[0] <= s and e <= o[1]]

    def office_place(self, s: int, e: int, place: Place) -> bool:
        """True when [s, e) lies in an organisation mention that is not the region's own body."""
        return any(place.name.casefold() not in name.casefold() for _, _, name in self._orgs_around(s, e))

    def in_org(self, s: int, e: int) -> bool:
        """True when [s, e) lies in an organisation mention (office_place() then decides)."""
        return bool(self._orgs_around(s, e))

    def add(self, s: int, e: int, place: Place) -> None:
        if self.office_place(s, e, place):
            return
        self.hits.append((s, e, place))

    def cover(self, s: int, e: int) -> None:
        self.covered.update(range(s, e))

    def is_covered(self, pos: int) -> bool:
        return pos in self.covered


def _explicit(ctx, found: _Found) -> None:
    gaz = gazetteer()
    cue = patterns.compiled(_NAME, "cue")
    cue_starts = prefilter.starts(_NAME, "cue")
    sep = patterns.compiled(_NAME, "list_sep")
    text = ctx.norm
    for zs, ze in zones(ctx):
        for m in scan.finditer(cue, cue_starts, text, zs, ze, scan.lowered(text, zs, ze)):
            if found.is_covered(m.start()):
                continue
            pos = m.end()
            if m.group("both"):
                hit = gaz.match(text, pos, ("kota", "kabupaten"))
                if hit is None or hit[0] > ze:
                    continue
                first = "kota" if m.group("both")[:3].casefold() == "kot" else "kabupaten"
                for entry in sorted(hit[1], key=lambda e: e.place.level != first):  # as written
                    found.add(m.start(), hit[0], entry.place)
                found.cover(m.start(), hit[0])
                continue
            group = next(g for g in _LEVEL_GROUPS if m.group(g))
            level, starts_mention = _LEVEL_GROUPS[group]
            hit = gaz.match(text, pos, (level,))
            if hit is None or hit[0] > ze:
                continue
            start = m.start() if starts_mention else pos
            _add_unique(found, start, hit)
            found.cover(m.start(), hit[0])
            end = hit[0]
            while True:  # a list after one level word shares it
                j = sep.match(text, end, ze)
                if j is None:
                    break
                nxt = gaz.match(text, j.end(), (level,))
                if nxt is None or nxt[0] > ze:
                    break
                _add_unique(found, j.end(), nxt)
                found.cover(j.end(), nxt[0])
                end = nxt[0]


def _add_unique(found: _Found, start: int, hit: tuple[int, list[Entry]]) -> None:
    places = {e.place.code: e.place for e in hit[1]}
    if len(places) == 1:
        found.add(start, hit[0], next(iter(places.values())))


# a word (a run of str.isalnum() characters: sre's \w without '_') not after one, starting with an
# ASCII capital or any non-ASCII character (the only characters str.isupper() can accept)
_MAYBE_UPPER_WORD = re.compile(r"(?<![^\W_])(?=[^\W_])(?:[A-Z]|[^\x00-\x7f])[^\W_]*")


def _word_starts(text: str, zs: int, ze: int, gaz=None) -> Iterator[int]:
    """Where a capitalised word begins in text[zs:ze]; with `gaz`, only where a place name of the
    gazetteer can begin (Gazetteer.match reads no further at any other: its first word's key is no
    key's beginning)."""
    prefixes = gaz.first_word_prefixes() if gaz is not None else None
    for m in _MAYBE_UPPER_WORD.finditer(text, zs, ze):
        i = m.start()
        if not text[i].isupper():
            continue
        if prefixes is not None:
            w = m.group()
            if (w.lower() if w.isascii() else key(w)) not in prefixes:
                continue
        yield i


def _title_zone(ctx) -> Optional[tuple[int, int]]:
    title = ctx.article.title
    return ctx.zone_of(title.span[0]) if title is not None else None


@functools.lru_cache(maxsize=1)
def _name_cues() -> frozenset[str]:
    """Capitalised words after which a bare place name is still the region (level words, cues, `bare_cues`)."""
    keys = ("kota_level", "kabupaten_level", "provinsi_level", "kota_cues", "kabupaten_cues", "provinsi_cues", "bare_cues")
    return frozenset(w.rstrip(".").casefold() for k in keys for w in patterns.words(_NAME, k))


def _prev_word(text: str, zs: int, pos: int) -> Optional[tuple[int, str]]:
    """(start, word) of the word just before `pos` across one to three spaces, or None."""
    i = pos
    while i > zs and pos - i < 3 and text[i - 1] == " ":
        i -= 1
    if i == pos or i == zs or text[i - 1] == " ":
        return None
    end = i
    while i > zs and pos - i < 40 and not text[i - 1].isspace():
        i -= 1
    return i, text[i:end]


def _ends_proper_name(ctx, zs: int, pos: int) -> bool:
    """True when the place at `pos` follows a capitalised word that is not a cue, a level word or a
    sentence's first word: it is the last word of a longer name ("Grand Artos Magelang")."""
    text = ctx.norm
    prev = _prev_word(text, zs, pos)
    if prev is None:
        return False
    start, word = prev
    if not word[:1].isupper() or not (word[-1].isalnum() or word[-1] == "."):
        return False
    if word.rstrip(".").casefold() in _name_cues():
        return False
    sent = ctx.sentence_of(start)
    if start == zs or (sent is not None and sent[0] == start):
        return False  # the first word of a sentence is capitalised anyway: "Warga Magelang …"
    if word[-1] == "." and sent is not None and ctx.sentence_of(pos) != sent:
        return False  # "… selesai. Magelang …": the place opens the next sentence
    return True


def _figure_after(text: str, pos: int, endpos: int) -> bool:
    """A figure follows the name: "Karimun 5.535 nelayan", "Anambas sebanyak 4.339", "Batam: 2.082"."""
    rx = patterns.compiled(_NAME, "figure_after")
    return bool(rx.match(text, pos, min(endpos, pos + 40), timeout=patterns.TIMEOUT))


def _bare(ctx, found: _Found) -> None:
    gaz = gazetteer()
    explicit = {p.code: p for _, _, p in found.hits}
    provinces = {p.name if p.level == "provinsi" else p.province for p in explicit.values()}
    if len(provinces) != 1:
        provinces = set()  # a breakdown's bare names are resolved only through the article's one province
    text = ctx.norm
    title = _title_zone(ctx)
    for zs, ze in zones(ctx):
        skip_to = zs
        in_title = title is not None and title[0] <= zs < title[1]
        for pos in _word_starts(text, zs, ze, gaz):
            if pos < skip_to or found.is_covered(pos):
                continue
            hit = gaz.match(text, pos)
            if hit is None or hit[0] > ze:
                continue
            end, entries = hit
            skip_to = end
            if not in_title and not found.in_org(pos, end) and _ends_proper_name(ctx, zs, pos):
                continue  # a venue, a company, a data set that ends with a place name
            places = {e.place.code: e.place for e in entries}
            if all(p.level == "provinsi" for p in places.values()) and len(places) == 1:
                place = next(iter(places.values()))  # a province by its own name: unambiguous
            else:
                known = [p for c, p in places.items() if c in explicit]
                if not known and _figure_after(text, end, ze):
                    # a breakdown item ("Karimun 5.535 nelayan, Lingga 9.775 nelayan"): a regency or city of
                    # the one province the article is about
                    known = [p for p in places.values() if p.level != "provinsi" and p.province in provinces]
                if len(known) != 1:
                    continue  # ambiguous or never named explicitly: left out
                place = known[0]
            found.add(pos, end, place)


def extract(ctx) -> list[Region]:
    found = _Found(ctx)
    _explicit(ctx, found)
    _bare(ctx, found)
    by_code: dict[str, Region] = {}
    first: dict[str, tuple[int, int]] = {}
    seen: set[tuple[str, int, int]] = set()
    for s, e, place in sorted(found.hits, key=lambda h: (h[0], h[1])):
        if (place.code, s, e) in seen:
            continue
        seen.add((place.code, s, e))
        region = by_code.get(place.code)
        if region is None:
            region = by_code[place.code] = Region(
                name=place.name, level=place.level, code=place.code, province=place.province, mentions=[]
            )
            first[place.code] = (s, e)
        region.mentions.append(ctx.mention(s, e))
    regions = sorted(by_code.values(), key=lambda r: first[r.code])
    return _without_venues(ctx, regions)


def _without_venues(ctx, regions: list[Region]) -> list[Region]:
    """A region named only as where a meeting took place is no region of the article (SPEC: not a venue,
    not the seat of a national event)."""
    rx = patterns.compiled(_NAME, "venue_before")
    def venue(m) -> bool:
        s = m.span[0]
        return bool(rx.search(ctx.norm, max(0, s - 120), s, timeout=patterns.TIMEOUT))
    return [r for r in regions if not all(venue(m) for m in r.mentions)]


def resolve(ctx, name: str, level: Optional[str] = None) -> Optional[Region]:
    """The article's region called `name` (bare or canonical), when exactly one fits: for later steps."""
    gaz = gazetteer()
    codes = {p.code for p in gaz.find(name, level)}
    hits = [r for r in ctx.article.regions if r.code in codes or r.name.casefold() == name.casefold()]
    return hits[0] if len(hits) == 1 else None
