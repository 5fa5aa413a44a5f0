"""Start prefilters: try a rule only where one of its matches can begin.

A pattern file may give, beside a regex of ``[regexes]``, an entry of the same
name in ``[starts]``: a stdlib ``re`` pattern (word lists and fragments of the
file may be named as ``{name}``) that matches at every position where the rule
can start a match, and at few others.  It is a *necessary* condition, written
from the rule's own head: the rule's first alternatives (a digit, a listed
word), with at most a negative lookbehind of one ASCII class no wider than
the rule's own.  Then scanning a zone = trying the rule (``match``) at the start
positions only.  prefilter.finditer uses the cheapest form of it: a zone
where the rule cannot start is not scanned at all, and the scan of any other
begins at the first possible start (one stdlib search, then one ``regex``
scan: a ``regex`` call per candidate costs more than it saves).

The prefilter is used only on ASCII zones: there the rule's Unicode classes
(``\\p{L}``, ``\\w``, case folding) coincide with the ASCII ones; any other
zone is scanned in full.  tests/test_prefilter.py checks the equivalence on
every example text.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator, Optional

import regex

from . import patterns


# a lookbehind of one character or one class: what Scanner keeps before a zone is enough for it
_ONE_CHAR_BEHIND = re.compile(r"\(\?<[=!](?:\[\^?\]?[^\]]*\]|\\.|[^()\[\\])\)")


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
    if src.count("(?<") != len(_ONE_CHAR_BEHIND.findall(src)):
        raise ValueError(f"patterns/{name}.toml [starts] {key}: a lookbehind reads one character (a class) at most")
    return re.compile(src.lower())


class Scanner:
    """One article's text, which the prefilters read lower-cased (case-sensitive: fast), a zone at a time.

    Only the zone being scanned is lower-cased (and kept for the next rule on the same zone), never the
    whole text: ``str.lower`` of a 20 MB article would cost 80 MB at its peak, once per step. The zone is
    lower-cased with the one character before it, which is all a start pattern may look behind (`starts`
    refuses a wider lookbehind), so it finds what a search of the whole text lower-cased would find."""

    def __init__(self, text: str):
        self.text = text
        self._zone: Optional[tuple[int, int]] = None
        self._low = ""
        self._shift = 0

    def _lowered(self, zs: int, ze: int) -> tuple[str, int]:
        """text[zs - 1:ze] lower-cased, and where zs is in it (an ASCII zone keeps its length)."""
        if self._zone != (zs, ze):
            low = self.text[max(0, zs - 1):ze].lower()
            self._zone, self._low, self._shift = (zs, ze), low, len(low) - (ze - zs)
        return self._low, self._shift

    def finditer(self, pat: regex.Pattern, first: Optional[re.Pattern], zs: int, ze: int,
                 ascii_zone: bool) -> Iterator[regex.Match]:
        """`pat`'s matches in text[zs:ze] (as patterns.finditer), searched from the first place `first` matches."""
        if first is not None and ascii_zone:
            low, shift = self._lowered(zs, ze)
            a = first.search(low, shift)
            if a is None:
                return iter(())
            zs += a.start() - shift
        return patterns.finditer(pat, self.text, zs, ze)
