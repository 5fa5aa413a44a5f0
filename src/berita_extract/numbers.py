"""Quantities: every number expression in the title and body (SPEC.md, "Quantities").

The rules are data: patterns/numbers.toml (the expression grammar, qualifiers,
ranges and what is *not* a quantity), patterns/money.toml (currencies and scale
words), patterns/units.toml (counted nouns and durations) and
patterns/numwords.toml (number words and idioms).

How it reads an article:

1. Mask: in each zone, every match of a ``not_*`` regex (dates, years,
   regulation numbers, RT/RW, phone numbers, clock times, ordinals, idioms) and
   every span an earlier step claimed (``ctx.claimed``) is blanked out in a
   same-length copy of the normalised text, so no number is read from it.
2. Match the ``quantity`` grammar on the masked copy, zone by zone.
3. Interpret the named groups: the kind (money > percent > duration > count >
   number), the value (digits per Indonesian separators, or number words) times
   the scale word, the range's ``upper``, the unit and the qualifier.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Optional

import regex

from . import patterns, prefilter
from .model import Quantity

_FILES = ("numbers", "money", "units", "numwords")
_MASK = "\x00"  # neither letter, digit nor space: nothing reads across it
_XREF = regex.compile(r"\{([a-z_]+):([A-Za-z_][A-Za-z0-9_]*)\}")
_FLAGS = regex.IGNORECASE | regex.VERSION1


def _resolve(name: str, source: str) -> str:
    """Expand `{file:fragment}` references to other pattern files, then the file's own `{fragment}`s."""
    for _ in range(10):  # fragments may refer to other files in turn
        source = _XREF.sub(lambda m: "(?:" + patterns.expand(m.group(1), "{" + m.group(2) + "}") + ")", source)
        source = patterns.expand(name, source)
        if not _XREF.search(source):
            return source
    raise ValueError(f"patterns/{name}.toml: cross-file fragment loop")


@functools.lru_cache(maxsize=None)
def _compiled(name: str, key: str) -> regex.Pattern:
    # a long regex may be written over several lines: the line breaks are not part of it
    src = "".join(line.strip() for line in patterns.load(name)["regexes"][key].splitlines())
    return regex.compile(_resolve(name, src), _FLAGS)


@functools.lru_cache(maxsize=1)
def _exclusions() -> tuple[tuple[regex.Pattern, Optional[re.Pattern]], ...]:
    """Every not_* rule with its start prefilter (prefilter.py), if its file gives one."""
    out = []
    for name in _FILES:
        for key in sorted(patterns.load(name).get("regexes", {})):
            if key.startswith("not_"):
                out.append((_compiled(name, key), prefilter.starts(name, key, _resolve)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _tables() -> dict:
    num, money, units, words = (patterns.load(n) for n in _FILES)
    qualifiers = {}
    for kind in ("approx", "more_than", "less_than", "at_least", "at_most"):
        for w in num["words"][f"q_{kind}"]:
            qualifiers[_key(w)] = kind
    return {
        "qualifiers": qualifiers,
        "currency": {_key(k): v for k, v in money["currency_units"].items()},
        "scales": {k: Decimal(str(v)) for k, v in money["scales"].items()},
        "counted": {_key(w): w for w in units["words"]["counted"]},
        "duration": {**{_key(w): w for w in units["words"]["duration"]}, **units["duration_units"]},
        "digit_words": {k: Decimal(v) for k, v in words["values"].items()},
        "se_forms": dict(words["se_forms"]),
    }


def _key(s: str) -> str:
    return " ".join(s.lower().split())


# -- reading numbers --------------------------------------------------------

def parse_digits(s: str, comma_groups: bool = False) -> Optional[Decimal]:
    """The value of a digit string with Indonesian separators, or None when it is not one number.

    "." groups thousands, "," marks decimals; a "." followed by other than
    exactly three digits is a decimal point; with `comma_groups` (a count or an
    amount without a scale word) a "," followed by exactly three digits groups
    thousands; with both separators the last one is the decimal mark.
    """
    seps = [c for c in s if c in ".,"]
    if not seps:
        return Decimal(s)
    if "." in seps and "," in seps:
        dec = s[max(s.rfind("."), s.rfind(","))]
        grp = "," if dec == "." else "."
        head, frac = s.rsplit(dec, 1)
        if dec in head or not _grouped(head.split(grp)):
            return None
        return Decimal(head.replace(grp, "") + "." + frac)
    sep = seps[0]
    parts = s.split(sep)
    if len(parts) > 2:
        return Decimal("".join(parts)) if _grouped(parts) else None
    head, tail = parts
    thousands = len(tail) == 3 and _grouped(parts) and (sep == "." or comma_groups)
    return Decimal(head + tail) if thousands else Decimal(head + "." + tail)


def _grouped(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and parts[0] != "0" and all(len(p) == 3 for p in parts[1:])


def parse_words(s: str) -> Optional[Decimal]:
    """The value of an Indonesian numeral in words ("dua ribu lima ratus" -> 2500)."""
    t = _tables()
    tokens: list[str] = []
    for tok in s.lower().split():
        tokens.extend(t["se_forms"].get(tok, tok).split())
    total = group = pending = Decimal(0)
    big = {"ribu": Decimal(1000), "juta": Decimal(10) ** 6}
    for tok in tokens:
        if tok in t["digit_words"]:
            pending = t["digit_words"][tok]
        elif tok == "setengah":  # "satu setengah" = 1,5; "setengah (juta)" = 0,5
            pending = pending + Decimal("0.5")
        elif tok == "belas":
            group, pending = group + pending + 10, Decimal(0)
        elif tok == "puluh":
            group, pending = group + pending * 10, Decimal(0)
        elif tok == "ratus":
            group, pending = group + pending * 100, Decimal(0)
        elif tok in big:
            total, group, pending = total + (group + pending) * big[tok], Decimal(0), Decimal(0)
        else:
            return None
    return total + group + pending


def _number(text: str, comma_groups: bool) -> tuple[Optional[Decimal], bool]:
    """(value, written in words?)"""
    if text[0].isdigit():
        try:
            return parse_digits(text, comma_groups), False
        except InvalidOperation:
            return None, False
    return parse_words(text), True


def _scale(word: Optional[str]) -> Optional[Decimal]:
    if not word:
        return None
    scales = _tables()["scales"]
    return scales.get(word) or scales.get(word.lower())


def _is_year(text: str, value: Optional[Decimal]) -> bool:
    return text.isdigit() and len(text) == 4 and value is not None and 1900 <= value <= 2100


# -- the extractor ----------------------------------------------------------

def _masked(ctx) -> str:
    """ctx.norm with every excluded span (not_* patterns, claimed spans) blanked, same length."""
    spans = list(ctx.claimed)
    scan = prefilter.scanner(ctx.norm)
    for zs, ze, _text in ctx.iter_zones():
        ascii_zone = ctx.norm.isascii() or ctx.norm[zs:ze].isascii()
        for pat, first in _exclusions():
            for m in scan.finditer(pat, first, zs, ze, ascii_zone):
                if m.end() > m.start():
                    spans.append(m.span())
    if not spans:
        return ctx.norm
    return _blanked(ctx.norm, spans)


def _blanked(text: str, spans) -> str:
    """`text` with every span (they may overlap) replaced by as many _MASK characters: the same length.

    Built from slices between the merged spans, not from a list of the text's characters (160 MB for a
    20 MB article)."""
    pieces: list[str] = []
    pos = 0  # text[:pos] is in pieces
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        pieces += (text[pos:s], _MASK * (e - s))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def _interpret(ctx, m) -> Optional[Quantity]:
    t = _tables()
    g = m.groupdict()
    cur = g["cur"] or g["cursuf"]
    noun, dur, pct = g["noun"], g["dur"], g["pct"] or g["pct1"]
    kind = "money" if cur else "percent" if pct else "duration" if dur else "count" if noun else "number"
    comma_groups = kind in ("money", "count", "duration")
    s1, s2 = _scale(g["s1"]), _scale(g["s2"])
    v1, in_words = _number(g["n1"], comma_groups and not (s1 or s2))
    if v1 is None:
        return None
    upper = None
    if g["n2"]:
        v2, _ = _number(g["n2"], comma_groups and not s2)
        if v2 is None:
            return None
        if s2 is not None:
            v2 *= s2
        if s1 is None:  # "1-2 juta": the second scale word holds for both
            s1 = s2
        upper = v2
    if s1 is not None:
        v1 *= s1
    if kind == "number" and not (s1 or g["qual"]):
        if _is_year(g["n1"], v1) and (upper is None or _is_year(g["n2"], upper)):
            return None  # a bare year ("2021", "2021-2024") is a date, not a quantity
        if in_words and v1 == 1 and upper is None:
            return None  # bare "satu" is an article or an idiom, not a figure
    if upper is not None and upper < v1:
        return None  # "3-1" is a score or a code, not a range
    if upper == v1:
        upper = None
    unit = None
    if kind == "money":
        unit = t["currency"].get(_key(cur))
    elif kind == "duration":
        unit = t["duration"].get(_key(dur), _key(dur))
    elif kind == "count":
        unit = t["counted"].get(_key(noun), noun)
    qualifier = t["qualifiers"].get(_key(g["qual"])) if g["qual"] else None
    if qualifier is None and g["post"]:
        qualifier = "more_than"
    s, e = m.span()
    return Quantity(
        kind=kind,
        value=float(v1),
        upper=float(upper) if upper is not None else None,
        unit=unit,
        qualifier=qualifier,
        text=ctx.source[s:e],
        span=(s, e),
    )


@functools.lru_cache(maxsize=1)
def _starts() -> re.Pattern:
    """Where a quantity can start in ASCII text: a digit, or the first letters of a qualifier,
    "antara", a currency or a number word (derived from the word lists, so it follows the data).

    A cheap prefilter (stdlib re, linear): the grammar is then tried only at these
    positions, which finds exactly what scanning every position finds.
    """
    num, money, words = patterns.load("numbers"), patterns.load("money"), patterns.load("numwords")
    entries = [w for key, ws in num["words"].items() if key.startswith("q_") for w in ws]
    entries += ["antara", *money["words"]["currency_prefix"], *words["words"]["digit"], *words["se_forms"],
                *words["words"]["half_word"]]
    leads = {re.escape((re.match(r"[A-Za-z]+", w) or re.match(".", w)).group(0).lower()) for w in entries}
    alt = "|".join(sorted(leads, key=lambda w: (-len(w), w)))
    return re.compile(r"(?<![A-Za-z0-9_/])(?=[0-9]|(?i:" + alt + "))")


def _matches(pat, masked: str, zs: int, ze: int):
    """pat.finditer(masked, zs, ze), trying the grammar only where a quantity can start."""
    if not masked.isascii() and not masked[zs:ze].isascii():  # full Unicode case folding: scan it all
        yield from patterns.finditer(pat, masked, zs, ze)
        return
    pos = zs
    if patterns.folds_simply(masked):
        pat = patterns.simple_twin(pat)  # the same matches, faster (patterns.finditer)
    for a in _starts().finditer(masked, zs, ze):
        p = a.start()
        if p < pos:
            continue
        m = pat.match(masked, p, ze, timeout=patterns.TIMEOUT)
        if m is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


def extract(ctx) -> list[Quantity]:
    masked = _masked(ctx)
    pat = _compiled("numbers", "quantity")
    out: list[Quantity] = []
    for zs, ze, _text in ctx.iter_zones():
        for m in _matches(pat, masked, zs, ze):
            q = _interpret(ctx, m)
            if q is not None:
                out.append(q)
    out.sort(key=lambda q: q.span)
    return _share_heads(ctx, out)


def _share_heads(ctx, qs: list[Quantity]) -> list[Quantity]:
    """A bare number coordinated with the counted one after it counts the same noun ("2.400 dan 1.600 pekerja"),
    read from the last of the list backwards."""
    gap = _compiled("numbers", "shared_head_gap")
    for i in range(len(qs) - 2, -1, -1):
        q, nxt = qs[i], qs[i + 1]
        if q.kind == "number" and nxt.kind == "count" and nxt.unit and q.span[1] <= nxt.span[0] and \
                any(ch.isdigit() for ch in q.text) and gap.match(ctx.norm, q.span[1], nxt.span[0]):
            qs[i] = q.model_copy(update={"kind": "count", "unit": nxt.unit})
    return qs
