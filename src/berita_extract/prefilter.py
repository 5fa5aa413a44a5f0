"""Start prefilters: try a rule only where one of its matches can begin.

A pattern file may give, beside a regex of ``[regexes]``, an entry of the same
name in ``[starts]``: a stdlib ``re`` pattern (word lists and fragments of the
file may be named as ``{name}``) that matches at every position where the rule
can start a match, and at few others.  It is a *necessary* condition, written
from the rule's own head: the rule's first alternatives (a digit, a listed
word), with at most a negative lookbehind over ASCII classes no wider than the
rule's own.  Then scanning a zone = trying the rule (``match``) at the start
positions only.  Scanner.finditer uses the cheapest form of it: a zone
where the rule cannot start is not scanned at all, and the scan of any other
begins at the first possible start (one stdlib search of the whole text from
there, its answer kept by ``Scanner.first_start`` for every later range, then one
``regex`` scan: a ``regex`` call per candidate costs more than it saves).
frames.search_all answers any stretch (a sentence, a number's lead) the same way.

The prefilter is used only on ASCII zones: there the rule's Unicode classes
(``\\p{L}``, ``\\w``, case folding) coincide with the ASCII ones; any other
zone is scanned in full.  tests/test_prefilter.py checks the equivalence on
every example text.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator, Optional

import regex

from . import patterns


@functools.lru_cache(maxsize=None)
def starts(name: str, key: str, resolve=None) -> Optional[re.Pattern]:
    """The compiled ``[starts]`` entry `key` of patterns/<name>.toml (lower-cased), or None.

    `resolve(name, source)` expands fragment references (default: the file's own).
    """
    src = patterns.load(name).get("starts", {}).get(key)
    if src is None:
        return None
    src = "".join(line.strip() for line in src.splitlines())
    src = (resolve or patterns.expand)(name, src)
    if re.search(r"\\[A-Z]", src):
        raise ValueError(f"patterns/{name}.toml [starts] {key}: no upper-case escapes (the source is lower-cased)")
    return re.compile(src.lower())


class Scanner:
    """One article's text and its lower-cased copy, which the prefilters read (case-sensitive: fast).

    ``first_start`` remembers, for each prefilter, the stretches it has searched: every range that
    starts inside one has the same first possible start, so the zones and stretches asked cost one
    search per place the rule can begin, not one per range (most rules can begin nowhere in most
    paragraphs: one search each was most of their cost)."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self._low = low if len(low) == len(text) else None  # positions must line up
        self._known: dict = {}  # prefilter -> (begins, founds): the stretches first_start has searched

    @property
    def lowered(self) -> bool:
        """The lower-cased copy lines up with the text (false for the rare letters that lower into two)."""
        return self._low is not None

    def is_ascii(self, s: int, e: int) -> bool:
        return self.text[s:e].isascii()

    def first_start(self, first: re.Pattern, zs: int, ze: int) -> Optional[int]:
        """Where `first` (a start prefilter) first allows its rule to start in [zs, ze), or None: the
        rule cannot start there. Only for ASCII ranges (see the module's docstring).

        The search runs to the end of the text, not to `ze` (a prefilter names no end of text, so the
        first place it matches at or after `zs` is the same either way), and what it shows is kept: no
        start in [zs, found), then one at `found` (None: none up to the end). Such stretches of one
        prefilter never overlap (a start inside one would contradict it), and the two that end at the
        same start are one, so every later range that begins inside one is answered by bisection."""
        begins, founds = self._known.setdefault(first, ([], []))
        i = bisect.bisect_right(begins, zs) - 1
        if i >= 0 and (founds[i] is None or zs <= founds[i]):
            found = founds[i]
        else:
            a = first.search(self._low, zs)
            found = a.start() if a is not None else None
            j = i + 1  # the stretch that ends at the same start (if any) begins right after zs
            if j < len(begins) and founds[j] == found:
                begins[j] = zs
            else:
                begins.insert(j, zs)
                founds.insert(j, found)
        return found if found is not None and found < ze else None

    def finditer(self, pat: regex.Pattern, first: Optional[re.Pattern], zs: int, ze: int,
                 ascii_zone: bool) -> Iterator[regex.Match]:
        """`pat`'s matches in text[zs:ze] (as patterns.finditer), searched from the first place `first` matches."""
        if first is not None and ascii_zone and self.lowered:
            a = self.first_start(first, zs, ze)
            if a is None:
                return iter(())
            zs = a
        return patterns.finditer(pat, self.text, zs, ze)


_LAST: list = [None]


def scanner(text: str) -> Scanner:
    """The Scanner of `text`, made once however many steps ask (the last text's is kept)."""
    last = _LAST[0]
    if last is None or last.text is not text:
        last = _LAST[0] = Scanner(text)
    return last
