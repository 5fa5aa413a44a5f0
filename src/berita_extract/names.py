"""Reading official titles and the personal names after them (used by people.py and quotes.py).

A role begins at a head word of patterns/roles.toml ("Kepala", "Pj", "Wali Kota" …) and runs
over title words, connectors, parenthesised short forms, places after a jurisdiction word, and
the organisation and region mentions that earlier steps found; the capitalised words after it
are the name.  Everything works on tokens of the normalised text, so it is linear in the input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import regex

from .lexicon import Lexicon, Tok

# stdlib re (linear: alternatives of one character class each) is several times faster here;
# _WS spells out the regex module's \s (Unicode White_Space), which re's \s is not quite
_WS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN = re.compile(r"[()]|[,;:!?\"]|[^" + _WS + r",;:()!?\"]+")
_CS = regex.VERSION1  # case-sensitive compile flags


@dataclass
class RoleRead:
    """A role read at token `start`: title tokens [start, title_end), name tokens [name_a, name_b)."""

    start: int
    title_end: int
    name_a: Optional[int] = None
    name_b: Optional[int] = None
    next: int = 0


# -- tokens -------------------------------------------------------------------
def tokenize(norm: str, start: int, end: int, lex: Lexicon) -> list[Tok]:
    """Word and punctuation tokens of norm[start:end]; a sentence-final '.' is its own token."""
    out: list[Tok] = []
    append, abbrev, initial, degree = out.append, lex.abbrev, lex.initial.match, lex.degree_shape.match
    for m in _TOKEN.finditer(norm, start, end):
        t = m.group()
        if t[-1] == "." and len(t) > 1 and t not in abbrev and not initial(t) and not degree(t):
            s, e = m.span()
            append(Tok(s, e - 1, t[:-1]))
            append(Tok(e - 1, e, "."))
        else:
            s, e = m.span()
            append(Tok(s, e, t))
    return out


class Entities:
    """Region and organisation mentions found by earlier steps, looked up by position."""

    def __init__(self, ctx) -> None:
        spans = []
        for reg in getattr(ctx.article, "regions", []) or []:
            spans += [(m.span[0], m.span[1], "region", reg.name) for m in reg.mentions]
        for org in getattr(ctx.article, "organizations", []) or []:
            spans += [(m.span[0], m.span[1], "org", org.name) for m in org.mentions]
        spans.sort()
        self.spans = spans
        self._starts = [x[0] for x in spans]
        self._max_end = []  # running maximum of the ends, for covers() in log time
        top = -1
        for x in spans:
            top = max(top, x[1])
            self._max_end.append(top)
        self._by_start: dict[int, tuple[int, str, str]] = {}
        for s, e, kind, name in spans:
            if s not in self._by_start or self._by_start[s][0] < e:
                self._by_start[s] = (e, kind, name)

    def at(self, tok: Tok) -> Optional[tuple[int, str, str]]:
        """(end, kind, name) of the longest mention starting at this token."""
        return self._by_start.get(tok.s)

    def covers(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self._starts, s)
        return k > 0 and self._max_end[k - 1] >= e

    def inside(self, s: int, e: int) -> list[tuple[int, int, str, str]]:
        lo, hi = bisect.bisect_left(self._starts, s), bisect.bisect_left(self._starts, e)
        return [x for x in self.spans[lo:hi] if x[1] <= e]


# -- roles and names ------------------------------------------------------------
def head_at(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """Length of a role head phrase at token i (0 if none)."""
    return lex.head_len(toks, i)


def starts_role(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """Length of a head that starts a role at token i: not inside a document name ("Instruksi Presiden")."""
    if i > 0 and toks[i - 1].low in lex.not_after:
        return 0
    return head_at(toks, i, lex)


def read_role(toks: list[Tok], i: int, ents: Entities, lex: Lexicon) -> RoleRead:
    """Read the title that starts at a head at token i, then the name after it (if any)."""
    n = len(toks)
    j = i
    pending = ""  # the jurisdiction word that waits for its place
    place_done = False
    area = False  # an office over several regions ("Kantor Wilayah Sumbar, Riau, dan Kepri")
    last_entity = -1  # token index where the last organisation/region mention ended
    end = i
    while j < n:
        tok = toks[j]
        if tok.t == "," and area and place_done:
            k = _listed_area(toks, j + 1, ents, lex)
            if k:
                j = k
                continue
        ent = ents.at(tok)
        if ent is not None and j > i:
            k = j
            while k < n and toks[k].s < ent[0]:
                k += 1
            inner = toks[j:k]
            # an office named with its area ("Kantor Wilayah BPJS Ketenagakerjaan Sumbar") may list more
            area = area or any(t.low in lex.area_juris for t in inner)
            place_done = place_done or ent[1] == "region" or (area and inner[-1].low in lex.region_short)
            branch = pending in lex.branch_juris or (ent[1] == "org" and any(t.low in lex.branch_juris for t in inner[:-1]))
            if branch and _branch_area(toks, k, inner[-1:], lex):
                k += 1  # 'Cabang Pekanbaru Panam Ruszian Dedy': the branch's area in its city
            j = end = k
            pending = ""
            last_entity = end
            continue
        m = lex.phrase_len(lex.juris, toks, j)
        if m:
            pending, place_done = " ".join(t.low for t in toks[j : j + m]), False
            area = area or pending in lex.area_juris
            j = end = j + m
            continue
        m = head_at(toks, j, lex)
        if m and (j == i or lex.is_cap(tok)):
            j = end = j + m
            continue
        if tok.t == "(":
            k = j + 1
            while k < n and k - j <= 8 and toks[k].t not in ")(,;:\".":
                k += 1
            if k < n and toks[k].t == ")" and k > j + 1:
                j = end = k + 1
                continue
            break
        if j > i and (lex.bare_initial.match(tok.t) or lex.roman.match(tok.t)) and lex.is_title_word(toks[j - 1]) \
                and j + 1 < n and not lex.is_name_word(toks[j + 1]):
            j = end = j + 1  # a unit's letter or number after its title word ("Komisi D DPRD Jember")
            continue
        if j > i and tok.t in lex.ranks:
            break  # a rank before the name ("Kapolres Bogor Kota AKBP Bismo …") is not part of the title
        if lex.is_title_word(tok):
            if tok.low in lex.region_short:  # "Kanwil Sumbagsel": a region written short is the place
                pending, place_done = "", True
            j = end = j + 1
            continue
        if (tok.t in lex.connectors or tok.t in lex.office_prefixes) and j + 1 < n and _title_like(toks, j + 1, ents, lex):
            j += 1
            continue
        if lex.is_cap(tok) and not lex.is_title_word(tok):
            g = lex.place_len(toks, j)
            while not g and j + g < n and ents.covers(toks[j + g].s, toks[j + g].e):
                g += 1  # the rest of a region mention that began inside the head ("Wali [Kota Baubau]")
            if pending:
                if not g:
                    # an unknown word: a village after Desa/Camat, the name after Walikota/Bupati
                    # (the gazetteer knows every regency), an office's place when a name follows
                    if pending in lex.regional:
                        break
                    if pending not in lex.local and not (j + 1 < n and lex.is_name_word(toks[j + 1])) \
                            and not ((area or pending in lex.branch_juris) and _comma_name(toks, j + 1, lex)):
                        break  # 'Kantor Wilayah Sumbagsel, Muhyidin': the area before an apposition
                    g = 1
                while j + g < n and toks[j + g].low in lex.directions:
                    g += 1
                j = end = j + g
                if pending in lex.branch_juris and _branch_area(toks, j, toks[j - g : j], lex):
                    j = end = j + 1  # 'Cabang Pekanbaru Panam Ruszian Dedy': the branch's area in its city
                pending, place_done = "", True
                continue
            # a second place right before more of the title names one office's area
            # ("Deputi Direktur Wilayah Sulawesi Maluku BPJS Ketenagakerjaan"), not the person;
            # an office over several regions lists provinces ("Wilayah Sumbar Riau Kepri Eko Yuyulianda")
            if g and (not place_done or (j + g < n and ents.at(toks[j + g]) is not None and ents.at(toks[j + g])[1] == "org")
                      or (area and lex.is_province(toks[j : j + g]))):
                j = end = j + g
                place_done = True
                continue
        break
    read = RoleRead(start=i, title_end=end, next=end)
    a, b = read_name(toks, end, ents, lex)
    if a is None and end < n and toks[end].t == ",":
        a, b = read_name(toks, end + 1, ents, lex)
        if a is not None and not _ends_name(toks, b, lex):
            a = b = None
    if a is not None and b - a == 1 and (place_done or last_entity == end) and b + 1 < n and toks[b].t == ",":
        # "Cabang Surabaya Rungkut, Hadi Susanto": one word between a place and a comma name is the office's
        a2, b2 = read_name(toks, b + 1, ents, lex)
        if a2 is not None and b2 - a2 >= 2 and _ends_name(toks, b2, lex):
            read.title_end = read.next = b
            a, b = a2, b2
    k = _office_after_comma(toks, b if a is not None and b - a == 1 else end, ents, lex)
    if k and (a is None or b - a == 1):
        # 'Kepala Bidang Perikanan Tangkap, Dinas Perikanan Belitung, Rusdi Hamzah': the office after a
        # comma, then the name after the next comma, all one apposition
        a2, b2 = read_name(toks, k + 1, ents, lex)
        if a2 is not None and b2 - a2 >= 2 and _ends_name(toks, b2, lex):
            read.title_end = read.next = k
            a, b = a2, b2
    if a is not None and b - a == 1 and b < n and lex.is_cap(toks[b]) and lex.office_noun.match(toks[b].t):
        a = b = None  # 'Pengawas Tempat Pemungutan Suara': one word before an office noun is the office's
    if a is not None:
        read.name_a, read.name_b = a, b
        read.next = skip_degrees(toks, b, lex)
    return read


def _listed_area(toks: list[Tok], k: int, ents: Entities, lex: Lexicon) -> int:
    """After a comma in an office over several regions: the index of the next listed region
    (", Riau", ", dan Kepri"), or 0 when the list ends (", Hengky Rhosidien")."""
    n = len(toks)
    if k < n and toks[k].t in lex.connectors:
        k += 1
    if k >= n:
        return 0
    ent = ents.at(toks[k])
    if ent is not None and ent[1] == "region":
        g = 1
        while k + g < n and toks[k + g].s < ent[0]:
            g += 1
    elif lex.is_province(toks[k : k + lex.place_len(toks, k)]) if lex.place_len(toks, k) else toks[k].low in lex.region_short:
        g = lex.place_len(toks, k) or 1
    else:
        return 0
    nxt = toks[k + g] if k + g < n else None
    return k if nxt is None or nxt.t in ",." or nxt.t in lex.connectors or not lex.is_name_word(nxt) else 0


def _office_after_comma(toks: list[Tok], k: int, ents: Entities, lex: Lexicon) -> int:
    """At a comma at token k: the index of the comma that closes an office named after it
    (", Dinas Perikanan Belitung,"), or 0."""
    n = len(toks)
    if k >= n or toks[k].t != "," or k + 1 >= n:
        return 0
    j = k + 1
    first = toks[j]
    ent = ents.at(first)
    if not (ent is not None and ent[1] == "org") and not (lex.is_cap(first) and first.low in lex.office_words):
        return 0
    while j < n and j - k <= 12 and toks[j].t != ",":
        tok = toks[j]
        if not (ents.covers(tok.s, tok.e) or lex.is_title_word(tok) or lex.place_len(toks, j) or tok.t in lex.connectors
                or tok.low in lex.directions):
            return 0
        j += 1
    return j if j < n and toks[j].t == "," and j > k + 1 else 0


def _comma_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """', Muhyidin' : a comma and a name word at token k."""
    return k + 1 < len(toks) and toks[k].t == "," and lex.is_name_word(toks[k + 1]) and not lex.is_title_word(toks[k + 1])


def _branch_area(toks: list[Tok], j: int, city: list[Tok], lex: Lexicon) -> bool:
    """A word right after a branch office's city that names the branch's area in it and has a name after
    it: a known office area ("Panam", "Darmo") or a district of that city ("Rungkut" in Surabaya)."""
    if j + 1 >= len(toks) or not lex.is_cap(toks[j]) or not lex.name_word.match(toks[j].t):
        return False
    if not (lex.is_name_word(toks[j + 1]) and not lex.is_title_word(toks[j + 1])):
        return False
    return toks[j].low in lex.office_areas or lex.is_district_of(toks[j].t, " ".join(t.t for t in city))


def read_descriptor(toks: list[Tok], i: int, ents: Entities, lex: Lexicon) -> Optional[RoleRead]:
    """'pengamat kebijakan publik Universitas Indonesia Agus Pambudi': a descriptor, lower-case words, an
    institution and a name; None unless all are there."""
    n = len(toks)
    m = lex.phrase_len(lex.descriptors, toks, i)
    if not m or (i > 0 and (lex.is_title_word(toks[i - 1]) or head_at(toks, i - 1, lex))):
        return None
    j = i + m
    while j < n and j - i - m < 3 and toks[j].t.isalpha() and toks[j].t.islower() and toks[j].t not in lex.descriptor_not:
        j += 1
    k = lex.phrase_len(lex.institutions, toks, j) if j < n and lex.is_cap(toks[j]) else 0
    if k:
        j += k
        if j >= n or not lex.is_cap(toks[j]):
            return None
        j += 1  # the institution's own word ("Universitas Indonesia")
    elif j < n and lex.title_shape.match(toks[j].t) and lex.is_title_word(toks[j]) and not lex.is_name_word(toks[j]):
        j += 1  # an acronym ("peneliti BRIN")
    else:
        return None
    a, b = read_name(toks, j, ents, lex)
    if a is None or a != j:
        return None
    return RoleRead(start=i, title_end=j, name_a=a, name_b=b, next=skip_degrees(toks, b, lex))


def _title_like(toks: list[Tok], j: int, ents: Entities, lex: Lexicon) -> bool:
    tok = toks[j]
    return (
        ents.at(tok) is not None
        or lex.is_title_word(tok)
        or head_at(toks, j, lex) > 0
        or lex.phrase_len(lex.juris, toks, j) > 0
        or lex.place_len(toks, j) > 0
    )


def read_name(toks: list[Tok], j: int, ents: Entities, lex: Lexicon, max_words: int = 5):
    """Token range [a, b) of a personal name at token j (honorifics skipped), or (None, None)."""
    n = len(toks)
    while j < n and toks[j].t in lex.honorifics:
        j += 1
    a = j
    if j + 1 < n and toks[j].t in lex.name_prefixes and lex.is_name_word(toks[j + 1]) and not lex.is_title_word(toks[j + 1]):
        j += 1  # 'I Wayan Sudarma': a one-letter prefix begins the name
    while j < n and j - a < max_words:
        tok = toks[j]
        if j > a and lex.is_stop_surname(toks, j) and not ents.covers(tok.s, tok.e):
            j += 1
            continue
        if not lex.is_name_word(tok) or lex.is_title_word(tok) or head_at(toks, j, lex) or ents.covers(tok.s, tok.e):
            break
        if lex.initial.match(tok.t) and j + 1 < n and not lex.is_name_word(toks[j + 1]):
            break  # a lone initial at the end is not part of the name
        j += 1
        # an initial written without its dot between two name words ("Dedie A Rachim")
        # or a lower-case particle of a patronym ("Muhammad bin Abdullah")
        if j - a < max_words - 1 and j + 1 < n and (lex.bare_initial.match(toks[j].t) or toks[j].t in lex.particles) \
                and lex.is_name_word(toks[j + 1]) \
                and not lex.is_title_word(toks[j + 1]) and not head_at(toks, j + 1, lex):
            j += 1
    if j == a or all(lex.initial.match(toks[k].t) for k in range(a, j)):
        return None, None
    return a, j


def _ends_name(toks: list[Tok], b: int, lex: Lexicon) -> bool:
    """After a name read past a comma: the name must end there (punctuation, a lower-case word, the end)."""
    if b >= len(toks):
        return True
    tok = toks[b]
    return tok.t in ",.;:)\"" or not lex.is_cap(tok)


def skip_degrees(toks: list[Tok], b: int, lex: Lexicon) -> int:
    """Skip ', S.H., M.Si.' after a name."""
    j = b
    while j + 1 < len(toks) and toks[j].t == "," and (toks[j + 1].t in lex.degrees or lex.degree_shape.match(toks[j + 1].t)):
        j += 2
    return j


def name_before(toks: list[Tok], k: int, lex: Lexicon, ents: Entities, max_words: int = 5):
    """Token range [a, k) of a name that ends just before token k, or (None, None)."""
    a = k
    while a > 0 and k - a < max_words:
        tok = toks[a - 1]
        if not lex.is_name_word(tok) or lex.is_title_word(tok) or ents.covers(tok.s, tok.e):
            break
        a -= 1
    if a == k:
        return None, None
    if a > 0 and toks[a - 1].t in lex.name_prefixes:
        a -= 1
    while a < k and head_at(toks, a, lex):
        a += 1
    return (a, k) if a < k else (None, None)
