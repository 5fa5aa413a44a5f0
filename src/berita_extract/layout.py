"""Article layout: headline, dateline, byline, body paragraphs and what is left out.

Works on lines of the normalised text, so spans are spans of the source.
What goes to ``removed`` (repeated paragraphs, a repeated headline, photo
captions, boilerplate, byline lines) is never read by the extractors: the
body zones are the headline and the unique paragraphs.

The page's publication stamp ("Jumat, 20 Mei 2022 20:33 WIB" on a line of its
own) is boilerplate too; the first one is kept as ``ctx.published`` (its span
and the matched parts of patterns/layout.toml ``published_stamp``) for the
dates step, which places a weekday the story gives alone in that week.
"""
from __future__ import annotations

import re

import regex

from . import patterns
from .model import Dateline, Mention, Paragraph, Removed

_EXACT = regex.VERSION1  # layout rules are case-sensitive: capitals mark datelines and titles
_LINE = regex.compile(r"[^\r\n]+")
_WS = regex.compile(r"\s+")
_TERMINAL = '.!?:"\')]'
_QUOTES = "\"'"


def _rx(key: str, name: str = "layout", flags: int = _EXACT):
    return patterns.compiled(name, key, flags)


# the characters str.split() and str.strip() take for white space that the regex module's \s does not
_SPLIT_ONLY = re.compile("[\x1c-\x1f]")


def _key(text: str) -> str:
    """What makes two paragraphs 'the same': case, white space and quote marks folded."""
    if _SPLIT_ONLY.search(text) is None:  # then str.split() cuts at exactly the runs _WS replaces
        return " ".join(text.split()).lower()
    return _WS.sub(" ", text).strip().lower()


def _blocks(ctx) -> list[tuple[int, int]]:
    """Paragraph candidates: lines, with hard-wrapped continuation lines joined."""
    norm = ctx.norm
    lines = []
    for m in _LINE.finditer(norm):
        s, e = m.span()
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if blocks:
            ps, pe = blocks[-1]
            gap = norm[pe:s]
            blank = gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1
            if not blank and norm[pe - 1] not in _TERMINAL and (norm[s].islower() or norm[s].isdigit()) \
                    and not (norm[s].isdigit() and _stamp(norm[s:e])):  # "13-09-2024 | 19:44 WIB" under a headline
                blocks[-1] = (ps, e)
                continue
        blocks.append((s, e))
    return blocks


def _stamp(text: str):
    """The publication stamp filling this line (patterns/layout.toml published_stamp), else None.
    A date alone is a stamp only with a weekday, a clock time or a label ("Diterbitkan:")."""
    if len(text) > 80:
        return None
    m = _rx("published_stamp").match(text, timeout=patterns.TIMEOUT)
    if m and (m.group("wd") or m.group("time") or m.group("label")):
        return m
    return None


def _byline_pairs(text: str) -> list[tuple[str, str]]:
    """(label, name) of a byline line, one or several pairs ("Penulis: X | Editor: Y"), else []."""
    if len(text) > 160:
        return []
    parts = _rx("byline_sep").split(text) if "|" in text else [text]
    found = []
    for part in parts:
        m = _rx("byline_line").match(part) if len(part) <= 80 else None
        if not m:
            return []
        found.append((m.group("label").lower(), m.group("name").strip()))
    return found


def _is_title(text: str, layout: dict) -> bool:
    words = text.split()
    return (
        0 < len(words) <= layout["title_max_words"]
        and len(text) <= layout["title_max_chars"]
        and text[-1] not in ".;,:"
        and text[0] not in _QUOTES
        and _dateline(text) is None
    )


def _outlet_score(text: str) -> int:
    if _rx("outlet_known").match(text):
        return 2
    return 1 if _rx("outlet_caps").match(text) else 0


def _known_place(text: str) -> bool:
    from .gazetteer import gazetteer

    return bool(gazetteer().find(_rx("place_level").sub("", text)))


def _dateline(text: str):
    """(place, outlet, end) of a dateline at the start of text, else None."""
    m = _rx("dateline_paren").match(text)
    if m:
        return m.group("place"), m.group("outlet").strip(), m.end()
    m = _rx("dateline_comma").match(text)
    if m:
        a, b = m.group("a").strip(), m.group("b").strip()
        sa, sb = _outlet_score(a), _outlet_score(b)
        if sb and sb >= sa:
            return a, b, m.end()
        if sa:
            return b, a, m.end()
        # neither side looks like an outlet ("Banyuwangi, Kominfo -"): the side that is a known region is the place
        ka, kb = _known_place(a), _known_place(b)
        if ka != kb and (b if ka else a)[:1].isupper():
            return (a, b, m.end()) if ka else (b, a, m.end())
    m = _rx("dateline_dated").match(text)
    if m and (_known_place(m.group("place")) or m.group("place").isupper()):
        return m.group("place"), None, m.end()
    m = _rx("dateline_release").match(text)
    if m:
        return m.group("place"), m.group("outlet"), m.end()
    m = _rx("dateline_caps").match(text)
    if m:
        return m.group("place"), None, m.end()
    m = _rx("dateline_place").match(text)
    if m and _known_place(m.group("place")):
        return m.group("place"), None, m.end()
    return None


def apply(ctx) -> None:
    layout = patterns.load("layout")
    boiler = patterns.load("boilerplate")
    art = ctx.article
    norm, src = ctx.norm, ctx.source
    removed: list[Removed] = []
    byline = art.byline

    def drop(span, reason, dup=None):
        removed.append(Removed(span=span, text=src[span[0] : span[1]], reason=reason, duplicate_of=dup))

    content: list[tuple[int, int]] = []
    ctx.published = None
    credit_line, advertorial = _rx("credit_line"), _rx("advertorial")
    boiler_line = _rx("line", "boilerplate", regex.IGNORECASE | regex.VERSION1)
    for s, e in _blocks(ctx):
        text = norm[s:e]
        stamp = _stamp(text)
        if stamp:
            if ctx.published is None:
                ctx.published = {"span": (s, e), **{k: v for k, v in stamp.groupdict().items() if v}}
            drop((s, e), "boilerplate")
            continue
        pairs = _byline_pairs(text)
        if pairs:
            for label, name in pairs:
                if label.startswith(("editor", "redaktur", "penyunting")):
                    byline.editor = byline.editor or name
                elif label in ("foto", "fotografer", "pewarta foto"):
                    byline.photographer = byline.photographer or name
                else:
                    byline.reporter = byline.reporter or name
            drop((s, e), "boilerplate")  # SPEC's reasons; the byline field holds what it said
            continue
        m = credit_line.match(text)
        if m:  # "(Rahmat Hidayat/HF)": the reporter and the desk's initials
            byline.reporter = byline.reporter or m.group("name")
            byline.initials = byline.initials or m.group("ini")
            drop((s, e), "boilerplate")
            continue
        if advertorial.fullmatch(text.strip("(). ")) or advertorial.fullmatch(text):
            art.advertorial = True
            drop((s, e), "boilerplate")
            continue
        if (len(text) <= boiler["max_line"] or text[:9].lower() == "baca juga") and boiler_line.fullmatch(
            text, timeout=patterns.TIMEOUT
        ):
            drop((s, e), "boilerplate")
            continue
        content.append((s, e))

    # headline
    title = None
    if len(content) > 1 and _is_title(norm[slice(*content[0])], layout):
        title = content.pop(0)
        art.title = Mention(text=src[title[0] : title[1]], span=title)

    # captions and repeated headlines
    body: list[tuple[int, int]] = []
    credit = _rx("photo_credit")
    title_key = _key(norm[slice(*title)]) if title else None
    for s, e in content:
        text = norm[s:e]
        key = _key(text) if title else None
        if title and key == title_key:
            drop((s, e), "title_repeat", title)
            continue
        m = credit.search(text) if len(text.split()) <= 60 else None
        if m and (m.start() > 0 or text.startswith("(")):
            name = (m.group("name") or m.group("name2") or m.group("name3") or "").strip()  # a handout "(ANTARA/Ho)" names no one
            if name:
                byline.photographer = byline.photographer or _rx("photo_agency").sub("", name, count=1)
            dup = title if title and key.startswith(title_key) else None
            drop((s, e), "caption", dup)
            continue
        body.append((s, e))

    # dateline, in one of the first paragraphs
    date_idx = None
    for i, (s, e) in enumerate(body[: layout["dateline_max_paragraph"]]):
        found = _dateline(norm[s:e])
        if found:
            place, outlet, end = found
            date_idx = i
            art.dateline = Dateline(place=place, outlet=outlet, text=src[s : s + end], span=(s, s + end))
            break

    # repeated paragraphs: the body from the dateline on is the original; a lead before it is the copy
    order = list(range(len(body)))
    if date_idx:
        order = order[date_idx:] + order[:date_idx]
    first: dict[str, tuple[int, int]] = {}
    dups: dict[int, tuple[int, int]] = {}
    for i in order:
        k = _key(norm[slice(*body[i])])
        if k in first:
            dups[i] = first[k]
        else:
            first[k] = body[i]
            if i == date_idx:  # a scraped page repeats the lede without its dateline
                first.setdefault(_key(norm[body[i][0] + len(art.dateline.text) : body[i][1]]), body[i])
    kept = []
    for i, span in enumerate(body):
        if i in dups:
            drop(span, "duplicate", dups[i])
        else:
            kept.append(span)

    # trailing initials and the advertorial mark
    if kept:
        last = norm[slice(*kept[-1])]
        m = _rx("initials").search(last[-40:])
        if m:
            byline.initials = m.group("ini")
    for s, e in ([title] if title else []) + kept:
        if advertorial.search(norm[s:e][-200:]):
            art.advertorial = True

    art.paragraphs = [Paragraph(index=i, text=src[s:e], span=(s, e)) for i, (s, e) in enumerate(kept)]
    art.removed = sorted(removed, key=lambda r: r.span)
    ctx.zones = sorted(([title] if title else []) + kept)
