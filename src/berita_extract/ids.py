"""Article ids and the output file names derived from them.

Any non-empty string (or an integer) is an id: a URL, a title, a path.  An id
that is already a plain file name is its own file name (``h01`` ->
``h01.json``); any other gets a readable slug and a hash of the whole id
(``https://berita.example/a/1`` -> ``https_berita.example_a_1~5c0f...json``).
A plain name never contains ``~``, so the two kinds never meet, and two ids
give one name only if their SHA-256 prefixes of 64 bits agree.
"""
from __future__ import annotations

import hashlib
from typing import Optional

import regex

MAX_ID = 2000  # longer is no id but a document
_PLAIN = regex.compile(r"[^/\\\x00-\x1f\x7f<>:\"|?*~]{1,120}")
_SLUG = regex.compile(r"[^A-Za-z0-9._-]+")


def valid_id(raw) -> Optional[str]:
    """The id as a string, or None when it cannot be one (empty, not a string or integer, too long)."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        return None
    s = str(raw)
    if not s.strip() or len(s) > MAX_ID or "\x00" in s:
        return None
    return s


def file_name(id: str) -> str:
    """The file name (without .json) of an id's output: the id itself when plain, else slug~hash."""
    if _PLAIN.fullmatch(id) and not id.startswith(".") and id == id.strip():
        return id
    slug = _SLUG.sub("_", id).strip("._-")[:80] or "id"
    return f"{slug}~{hashlib.sha256(id.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
