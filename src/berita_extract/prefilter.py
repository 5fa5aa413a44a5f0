"""Start prefilters: try a rule only where one of its matches can begin.

A pattern file may give, beside a regex of ``[regexes]``, an entry of the same
name in ``[starts]``: a stdlib ``re`` pattern (word lists and fragments of the
file may be named as ``{name}``) that matches at every position where the rule
can start a match, and at few others.  It is a *necessary* condition, written
from the rule's own head: the rule's first alternatives (a digit, a listed
word), with at most a negative lookbehind over ASCII classes no wider than the
rule's own.  Then scanning a zone = trying the rule (``match``) at the start
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
    """One article's text and its lower-cased copy, which the prefilters read (case-sensitive: fast)."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower()
        self._low = low if len(low) == len(text) else None  # positions must line up

    def finditer(self, pat: regex.Pattern, first: Optional[re.Pattern], zs: int, ze: int,
                 ascii_zone: bool) -> Iterator[regex.Match]:
        """`pat`'s matches in text[zs:ze] (as patterns.finditer), searched from the first place `first` matches."""
        if first is not None and ascii_zone and self._low is not None:
            a = first.search(self._low, zs, ze)
            if a is None:
                return iter(())
            zs = a.start()
        return patterns.finditer(pat, self.text, zs, ze)
