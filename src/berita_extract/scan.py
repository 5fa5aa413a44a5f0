"""A word-list rule tried only where one of its words begins.

The organisation and region rules are big alternations of names and cue words that most
paragraphs hold none of, or one or two; scanning a paragraph with the ``regex`` module tries the
whole alternation at every character.  Here a stdlib ``re`` *start pattern* (the rule's first
words, lower case, matched on the paragraph lower-cased) finds the few places where the rule can
begin, and the rule is tried (``match``) there only.  The matches are those of
``patterns.finditer(rule, text, zs, ze)``, in order, non-overlapping, when the start pattern matches
at every position where the rule can start a match (a necessary condition, as the ``[starts]``
entries of the pattern files, prefilter.py): each position is searched for (overlapping starts are
not hidden), and after a match the search goes on from its end, as finditer does.

Used on ASCII paragraphs only, where the rule's Unicode classes and case folding coincide with the
ASCII ones; any other paragraph is scanned in full.  tests/test_scan.py checks the equivalence on
every example text.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

import regex

from . import patterns


def lowered(text: str, zs: int, ze: int) -> Optional[str]:
    """text[zs:ze] lower-cased when it is ASCII (positions line up), else None: scan that zone in full."""
    seg = text[zs:ze]
    return seg.lower() if seg.isascii() else None


def word_starts(phrases: Iterable[str], after_word: bool = True) -> Optional[re.Pattern]:
    """A start pattern for a rule that is an alternation of these literal phrases (any case, words
    joined by white space): the first word of one of them, lower-cased; with `after_word` not after a
    letter or a digit (the rule's own ``(?<![\\p{L}\\p{N}])``). None when a phrase is not ASCII (a
    non-ASCII letter may fold to ASCII ones: such a rule is scanned in full)."""
    firsts = set()
    for ph in phrases:
        words = ph.split()
        if not words or not ph.isascii():
            return None
        firsts.add(words[0].lower())
    if not firsts:
        return None
    alt = "|".join(re.escape(w) for w in sorted(firsts, key=lambda w: (-len(w), w)))
    return re.compile((r"(?<![a-z0-9])" if after_word else "") + "(?:" + alt + ")")


def finditer(pat: regex.Pattern, first: Optional[re.Pattern], text: str, zs: int, ze: int,
             low: Optional[str]) -> Iterator[regex.Match]:
    """`pat`'s matches in text[zs:ze], as patterns.finditer gives them, trying `pat` only where
    `first` matches in `low` (the zone lower-cased, see lowered(); None: a full scan)."""
    if first is None or low is None:
        yield from patterns.finditer(pat, text, zs, ze)
        return
    if patterns.folds_simply(text):
        pat = patterns.simple_twin(pat)  # the same matches, faster (patterns.finditer)
    search, match = first.search, pat.match
    pos = 0
    while True:
        c = search(low, pos)
        if c is None:
            return
        p = zs + c.start()
        m = match(text, p, ze, timeout=patterns.TIMEOUT)
        if m is not None and m.end() > p:
            yield m
            pos = m.end() - zs
        elif m is not None:  # an empty match (no rule here has one): finditer's own rules apply
            yield from patterns.finditer(pat, text, p, ze)
            return
        else:
            pos = c.start() + 1
