"""The per-article state that the extractors share.

Extractors are pure functions ``extract(ctx) -> list[item]``; they read the
normalised text ``ctx.norm`` (same length as ``ctx.source``) inside the body
zones (title and unique paragraphs) and may read what earlier steps found
(``ctx.article``).  Spans they emit index ``ctx.source``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .model import Article, Mention, Span


@dataclass
class Context:
    id: str
    source: str
    norm: str
    article: Article
    zones: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    claimed: list[Span] = field(default_factory=list)
    reference_date: Optional[str] = None  # ISO date that pins relative dates in tests
    published: Optional[dict] = None  # the page's publication stamp in the text (layout.py): span and parts
    _longest_claim: int = 0

    # -- spans -------------------------------------------------------------
    def mention(self, start: int, end: int) -> Mention:
        return Mention(text=self.source[start:end], span=(start, end))

    def text(self, start: int, end: int) -> str:
        return self.source[start:end]

    def iter_zones(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, normalised text) of the title and each unique paragraph."""
        for start, end in self.zones:
            yield start, end, self.norm[start:end]

    def in_zone(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.zones, (start, float("inf"))) - 1
        return i >= 0 and self.zones[i][0] <= start and end <= self.zones[i][1]

    def zone_of(self, pos: int) -> Optional[Span]:
        i = bisect.bisect_right(self.zones, (pos, float("inf"))) - 1
        if i >= 0 and self.zones[i][0] <= pos < self.zones[i][1]:
            return self.zones[i]
        return None

    def sentence_of(self, pos: int) -> Optional[Span]:
        i = bisect.bisect_right(self.sentences, (pos, float("inf"))) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def is_claimed(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span an earlier step claimed (a date, a regulation number).

        ``claimed`` is kept sorted; only spans starting within the longest claim's length before
        ``start`` can reach it, so a long article stays linear."""
        lo = bisect.bisect_left(self.claimed, (start - self._longest_claim, -1))
        hi = bisect.bisect_left(self.claimed, (end, -1))
        for _s, e in self.claimed[lo:hi]:  # (a loop, not any(): called for nearly every token)
            if start < e:
                return True
        return False

    def claim(self, start: int, end: int) -> None:
        bisect.insort(self.claimed, (start, end))
        self._longest_claim = max(self._longest_claim, end - start)
