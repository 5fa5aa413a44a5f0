"""Tables for analysts (kept as the stable entry points; the work is in csv_out.py and coverage.py).

``csv_header()`` and ``csv_rows(article)`` feed ``berita-extract --format csv``
(one row per fact, and one for an article with no fact; write them with the
``csv`` module: it quotes sentences with commas and quotes);
``coverage_table(articles)`` is the terminal form of ``berita-extract table``.
"""
from __future__ import annotations

from typing import Iterable

from .coverage import coverage_rows, to_text
from .csv_out import COLUMNS, csv_header, csv_rows  # noqa: F401 (the API of this module)


def coverage_table(articles: Iterable, latest: bool = False) -> str:
    """One row per region, period, segment and measure, for a terminal; conflicts flagged, never joined."""
    return to_text(coverage_rows(articles, latest=latest))
