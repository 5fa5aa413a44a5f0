"""(not yet built) — filled by its issue."""
from __future__ import annotations


def extract(ctx) -> list:
    return []
