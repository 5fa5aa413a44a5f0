"""Organisations named in an article (rules and alias tables: patterns/organizations.toml).

Each body gets one canonical name, the other names it is written by in this
article (`aliases`), its offices ("Kantor Cabang Kediri") and every mention
with its exact span. A mention covers the whole name as written, office
included ("Kantor Cabang BPJS Ketenagakerjaan Kediri"), so that later steps
can tell where a title ends and a person's name begins.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

import regex

from . import patterns, scan
from .gazetteer import gazetteer
from .model import Organization
from .regions import zones

_NAME = "organizations"
_B = r"(?<![\p{L}\p{N}])"
_E = r"(?![\p{L}\p{N}])"


@dataclass
class _Hit:
    start: int
    end: int
    name: str  # canonical name
    kind: str  # body | gov | regional
    names: list[str] = field(default_factory=list)  # the names as written, for `aliases`
    office: Optional[str] = None
    level: Optional[str] = None  # of a government
    head: Optional[str] = None  # of a regional body
    bare: bool = False  # "Pemkab", "Disnaker": resolved against the article's named ones
    priority: int = 0


def _skey(text: str) -> str:
    return " ".join(text.split()).casefold()


def _literal(alias: str) -> str:
    """An alias as a regex: as written when it is a short all-capitals acronym, else in any case."""
    body = r"\s{1,3}".join(regex.escape(w) for w in alias.split())
    exact = alias.isupper() and len(alias.replace(" ", "")) <= 5
    return f"(?-i:{body})" if exact else f"(?i:{body})"


def _alternation(aliases) -> str:
    uniq = sorted(set(aliases), key=lambda a: (-len(a), a))
    return "(?:" + "|".join(_literal(a) for a in uniq) + ")"


@functools.lru_cache(maxsize=None)
def _tables():
    data = patterns.load(_NAME)
    bodies = {_skey(a): b for b in data.get("bodies", []) for a in b["aliases"]}
    regional = {_skey(a): r["name"] for r in data.get("regional", []) for a in r["aliases"]}
    offices = {_skey(k): v for k, v in data.get("offices", {}).items()}
    govs = {_skey(k): v for k, v in data.get("governments", {}).items()}
    levels = {}
    for level in ("kota", "kabupaten", "provinsi"):
        for w in patterns.words("regions", f"{level}_level"):
            levels[_skey(w)] = level
    f = regex.VERSION1
    rx = {
        "body": regex.compile(_B + "(?P<n>" + _alternation(a for b in data["bodies"] for a in b["aliases"]) + ")" + _E, f),
        "office_after": regex.compile(r"\s{1,3}(?P<k>" + _alternation(data["offices"]) + ")" + _E + r"\s{1,3}", f),
        "office_before": regex.compile(_B + "(?P<k>" + _alternation(data["offices"]) + r")\s{1,3}\Z", f),
        "gov": regex.compile(_B + "(?P<n>" + _alternation(data["governments"]) + ")" + _E, f),
        "regional": regex.compile(_B + "(?P<n>" + _alternation(regional_aliases(data)) + ")" + _E, f),
        "level": regex.compile(r"\s{1,3}(?P<l>" + _alternation(w for lv in ("kota", "kabupaten", "provinsi") for w in patterns.words("regions", f"{lv}_level")) + r")(?=\s)", f),
        "dinas": patterns.compiled(_NAME, "dinas", regex.VERSION1),
        "dinas_word": regex.compile(r"\s{1,2}(?:(?:dan|&)\s{1,2})?(?P<w>\p{Lu}[\p{L}-]{0,30})", f),
        "paren": patterns.compiled(_NAME, "paren"),
        "plural": patterns.compiled(_NAME, "plural_government"),
        "list_sep": patterns.compiled("regions", "list_sep"),
        "and": regex.compile(r"\s{1,3}(?:dan|&)\s{1,3}", f),
    }
    stop = {_skey(w) for w in patterns.words(_NAME, "dinas_stop")}
    bare_govs = {_skey(w) for w in patterns.words(_NAME, "bare_governments")}
    return bodies, regional, offices, govs, levels, rx, stop, bare_govs


@functools.lru_cache(maxsize=None)
def _starts():
    """Where the body and regional rules can start (scan.py: the rule is tried there only): the first
    words of their names. (The government and "Dinas" rules begin with few words that the regex
    module finds fast: a start pattern does not pay for itself there.)"""
    data = patterns.load(_NAME)
    return {
        "body": scan.word_starts(a for b in data["bodies"] for a in b["aliases"]),
        "gov": None,
        "regional": scan.word_starts(regional_aliases(data)),
        "dinas": None,
    }


def regional_aliases(data) -> list[str]:
    return [a for r in data.get("regional", []) for a in r["aliases"]]


def _place(text: str, pos: int, limit: int, levels=None):
    """(end, places) of the place name at pos, or None; a place list "Jawa Tengah dan DIY" is one."""
    hit = gazetteer().match(text, pos, levels)
    if hit is None or hit[0] > limit:
        return None
    return hit[0], {e.place.code: e.place for e in hit[1]}


def _region_after(text: str, pos: int, limit: int, level: Optional[str], rx, levels):
    """The region that names a government or agency after `pos`: (end, canonical or as written, level)."""
    lvl = rx["level"].match(text, pos, limit)
    if lvl is not None:
        level = levels[_skey(lvl.group("l"))]
        pos = lvl.end()
    j = pos
    while j < limit and text[j] == " ":
        j += 1
    if j == pos:
        return None
    hit = _place(text, j, limit, (level,) if level else None)
    if hit is None:
        return None
    end, places = hit
    if len(places) == 1:
        place = next(iter(places.values()))
        return end, place.name, place.level
    return end, " ".join(text[j:end].split()), None


def government_name(text: str, pos: int, limit: int, level: Optional[str]) -> Optional[str]:
    """The canonical government ("Pemerintah Kota Kediri") of the one region named after `pos`
    (of `level`, or of the level word written there: "Provinsi Jawa Tengah"), or None. For the
    people step: a regional head's role names its government as this step names it."""
    _, _, _, _, levels, rx, _, _ = _tables()
    region = _region_after(text, pos, limit, level or None, rx, levels)
    if region is None or region[2] is None:
        return None
    return f"Pemerintah {region[1]}"


def _bodies(ctx, text, zs, ze, out, low):
    bodies, _, offices, _, _, rx, _, _ = _tables()
    for m in scan.finditer(rx["body"], _starts()["body"], text, zs, ze, low):
        body = bodies[_skey(m.group("n"))]
        hit = _Hit(m.start(), m.end(), body["name"], "body", [ctx.text(m.start(), m.end())], priority=2)
        p = rx["paren"].match(text, hit.end, ze)
        if p is not None and bodies.get(_skey(p.group("inner")), {}).get("name") == body["name"]:
            hit.names.append(ctx.text(p.start("inner"), p.end("inner")))
            hit.end = p.end()
        if body.get("offices"):
            kind, start = None, hit.start
            before = rx["office_before"].search(text[max(zs, hit.start - 40):hit.start])
            if before is not None:
                kind, start = offices[_skey(before.group("k"))], hit.start - (len(before.group(0)))
            after = rx["office_after"].match(text, hit.end, ze)
            pos = after.end() if after else hit.end + 1
            if after:
                kind = offices[_skey(after.group("k"))]
            if pos < ze and text[pos - 1] == " ":
                place = _place(text, pos, ze)
                if place is not None:
                    end = place[0]
                    more = rx["and"].match(text, end, ze)
                    nxt = _place(text, more.end(), ze) if more else None
                    if nxt is not None:
                        end = nxt[0]
                    written = " ".join(ctx.text(pos, end).split())
                    hit.office = f"{kind} {written}" if kind else written
                    hit.start, hit.end = start, end
        out.append(hit)


def _governments(ctx, text, zs, ze, out, low):
    _, _, _, govs, levels, rx, _, bare_govs = _tables()
    for m in scan.finditer(rx["gov"], _starts()["gov"], text, zs, ze, low):
        level = govs[_skey(m.group("n"))] or None
        pos = m.end()
        p = rx["paren"].match(text, pos, ze)
        if p is not None and _skey(p.group("inner")) in govs:
            pos = p.end()
        else:
            p = None
        region = _region_after(text, pos, ze, level, rx, levels)
        if region is None or region[2] is None:
            plural = rx["plural"].match(text, m.end(), ze)
            if region is None and plural is None and _skey(m.group("n")) in bare_govs:
                out.append(_Hit(m.start(), m.end(), "", "gov", level=level, bare=True))
            continue
        end, name, level = region
        names = _paren_names(ctx, m.start(), m.end(), p, end) if p is not None else [ctx.text(m.start(), end)]
        out.append(_Hit(m.start(), end, f"Pemerintah {name}", "gov", names, level=level, priority=1))
        while True:  # "Pemerintah Kabupaten Pati, Banyumas, dan Kudus"
            j = rx["list_sep"].match(text, end, ze)
            nxt = _place(text, j.end(), ze, (level,)) if j else None
            if nxt is None or len(nxt[1]) != 1:
                break
            place = next(iter(nxt[1].values()))
            out.append(_Hit(j.end(), nxt[0], f"Pemerintah {place.name}", "gov", [], level=level, priority=1))
            end = nxt[0]


def _dinas_end(text, m, ze, rx, levels, stop) -> int:
    """End of the name of a "Dinas <Name>" match: before a level word, a place or a stop word."""
    end = None
    for w in rx["dinas_word"].finditer(text, m.start("words"), m.end("words")):
        word = w.group("w")
        if _skey(word.rstrip(".")) in levels or _skey(word) in stop or gazetteer().match(text, w.start("w")):
            break
        end = w.end("w")
    return end


def _regional(ctx, text, zs, ze, out, low):
    _, regional, _, _, levels, rx, stop, _ = _tables()
    starts = _starts()
    heads = [(m.start(), m.end(), regional[_skey(m.group("n"))], 1)
             for m in scan.finditer(rx["regional"], starts["regional"], text, zs, ze, low)]
    for m in scan.finditer(rx["dinas"], starts["dinas"], text, zs, ze, low):
        end = _dinas_end(text, m, ze, rx, levels, stop)
        if end is not None:
            heads.append((m.start(), end, " ".join(ctx.text(m.start(), end).split()), 0))
    for start, end, head, prio in heads:
        head_end = end
        p = rx["paren"].match(text, end, ze)
        if p is not None and " " not in p.group("inner") and len(p.group("inner")) <= 15:
            end = p.end()
        else:
            p = None
        region = _region_after(text, end, ze, None, rx, levels)
        rend = end if region is None else region[0]
        names = _paren_names(ctx, start, head_end, p, rend) if p is not None else [ctx.text(start, rend)]
        if region is None:
            out.append(_Hit(start, end, head, "regional", names, head=head, bare=True, priority=prio))
            continue
        out.append(_Hit(start, rend, f"{head} {region[1]}", "regional", names, head=head, priority=prio))


def _paren_names(ctx, start: int, head_end: int, p, end: int) -> list[str]:
    """The names of "<long> (<short>) <place>": "<long> <place>" and "<short> <place>".

    "Pemerintah Kota (Pemkot) Blitar" is written "Pemerintah Kota Blitar" and "Pemkot Blitar";
    "Dinas Perindustrian dan Tenaga Kerja (Perinaker) Kabupaten Trenggalek" is written
    "Dinas Perindustrian dan Tenaga Kerja Kabupaten Trenggalek" and "Perinaker Kabupaten Trenggalek".
    """
    rest = ctx.text(p.end(), end)
    return [ctx.text(start, head_end) + rest, ctx.text(p.start("inner"), p.end("inner")) + rest]


def _non_overlapping(hits: list[_Hit]) -> list[_Hit]:
    kept: list[_Hit] = []
    reach = -1
    for h in sorted(hits, key=lambda h: (h.start, -h.end, -h.priority)):
        if h.start < reach:
            continue
        kept.append(h)
        reach = h.end
    return kept


def extract(ctx) -> list[Organization]:
    text = ctx.norm
    hits: list[_Hit] = []
    for zs, ze in zones(ctx):
        low = scan.lowered(text, zs, ze)  # (None for a zone that is not ASCII: scanned in full)
        _bodies(ctx, text, zs, ze, hits, low)
        _governments(ctx, text, zs, ze, hits, low)
        _regional(ctx, text, zs, ze, hits, low)
    hits = _non_overlapping(hits)

    named = [h for h in hits if not h.bare]
    for h in hits:  # "Pemkab", "Disnaker": the article's one body of that kind
        if not h.bare:
            continue
        if h.kind == "gov":
            same = {n.name for n in named if n.kind == "gov" and n.level == h.level}
        else:
            same = {n.name for n in named if n.kind == "regional" and n.head == h.head}
        if len(same) == 1:
            h.name, h.names = next(iter(same)), []
        elif not same and h.kind == "regional":
            h.name = h.head
        else:
            h.name = ""
    orgs: dict[str, Organization] = {}
    for h in sorted(hits, key=lambda h: h.start):
        if not h.name:
            continue
        org = orgs.setdefault(h.name, Organization(name=h.name, aliases=[], offices=[], mentions=[]))
        org.mentions.append(ctx.mention(h.start, h.end))
        for n in h.names:  # other names of the body; a case variant of a name it already has is not one
            n = " ".join(n.split())
            if _skey(n) != _skey(org.name) and all(_skey(n) != _skey(a) for a in org.aliases):
                org.aliases.append(n)
        if h.office and h.office not in org.offices:
            org.offices.append(h.office)
    for org in orgs.values():  # "Kediri" is "Kantor Cabang Kediri" when that is named too
        org.offices = [o for o in org.offices if not any(p != o and p.casefold().endswith(" " + o.casefold()) for p in org.offices)]
    return list(orgs.values())
