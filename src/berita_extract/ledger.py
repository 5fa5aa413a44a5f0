"""What one run has seen: duplicate ids, and what --resume may skip.

Both are decided here, in input order, before any article is extracted, so they are the same whatever
--jobs is (the output directory is never consulted for an id this run has already used).

- A later article with an id already used in the run is an error: ``PATH:LINE: id 'x' already used at
  line N`` (or ``... already used by PATH``); the first one keeps the id.
- --resume skips an article only when DIR/<id>.json is a complete record of the same input (it parses and
  its source sha256 is the input's); otherwise the article is extracted again and a note says why.
- Temporary files left by a run that was killed between write and rename are removed at the start.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Callable, Optional

from . import limits, readers
from .ids import file_name

# write_atomic's temporary names: .<id>.json.<pid>.<random>.tmp (older runs: .<id>.json.<random>.tmp)
_TMP = re.compile(r"^\.(?P<name>.+\.json)\.(?:(?P<pid>\d+)\.)?[^.]+\.tmp$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temps(out_dir: Path, say: Callable[[str], None]) -> int:
    """Remove the temporary files of writers that are gone (a live one, another run sharing DIR, keeps its)."""
    n = 0
    try:
        names = sorted(os.listdir(out_dir))
    except OSError:
        return 0
    for name in names:
        m = _TMP.match(name)
        if not m or (m.group("pid") and _alive(int(m.group("pid")))):
            continue
        try:
            os.unlink(out_dir / name)
        except OSError:
            continue
        n += 1
        say(f"{limits.printable(str(out_dir / name))}: resume: removed a temporary file left by an interrupted run")
    return n


def source_sha(item, max_bytes: Optional[int]) -> Optional[str]:
    """The sha256 the record of `item` carries (pipeline.build_context), or None when it cannot be read."""
    if item.data is not None:
        return hashlib.sha256(item.data).hexdigest()
    if getattr(item, "html", None) is not None:  # a JSON line's web page: its record hashes the page (article_input)
        try:
            return hashlib.sha256(item.html.encode("utf-8")).hexdigest()
        except UnicodeEncodeError:
            return None
    if item.text is not None:
        text = item.text[1:] if item.text.startswith("\ufeff") else item.text
        title = (getattr(item, "meta", None) or {}).get("title")
        if title:  # the record's text starts with the line's title (article_input.prepare)
            from .jsonl_input import with_title

            text = with_title(text, title)
        try:
            return hashlib.sha256(text.encode("utf-8")).hexdigest()
        except UnicodeEncodeError:
            return None
    try:
        return hashlib.sha256(readers.read_regular(item.path, max_bytes)).hexdigest()
    except OSError:
        return None


def record_problem(target: Path, sha: Optional[str]) -> Optional[str]:
    """Why DIR/<id>.json is not a complete record of this input, or None when it is."""
    try:
        with readers.open_regular(str(target)) as fh:
            rec = json.loads(fh.read())
    except (OSError, ValueError, RecursionError) as err:
        return f"it is not a complete record ({type(err).__name__})"
    if not isinstance(rec, dict) or not isinstance(rec.get("source"), dict):
        return "it is not a complete record (no source)"
    if sha is None or rec["source"].get("sha256") != sha:
        return "it was made from other input (its source sha256 differs)"
    return None


class Ledger:
    def __init__(self, skip: Optional[Path], stats: Optional[dict], max_bytes: Optional[int]):
        self.skip, self.stats, self.max_bytes = skip, stats, max_bytes
        self.seen: dict[str, tuple[str, Optional[int], str]] = {}  # id -> (path, line, label)

    def admit(self, item, path: str, line: Optional[int] = None):
        """`item` as it goes on: unchanged, an error (duplicate id, unusable id), or None (skipped)."""
        if item.error or item.id is None:
            return item
        problem = limits.id_problem(item.id)
        if problem is not None:
            item.error = f"unusable id {limits.printable(repr(item.id[:80]))}: {problem}"
            return item
        first = self.seen.get(item.id)
        if first is not None:
            where = f"at line {first[1]}" if first[0] == path and first[1] is not None else f"by {first[2]}"
            item.error = f"id {item.id!r} already used {where}"
            return item
        self.seen[item.id] = (path, line, item.label)
        if self.skip is None:
            return item
        target = self.skip / f"{file_name(item.id)}.json"  # as -o names it (ids.py)
        if not os.path.lexists(target):
            return item
        problem = record_problem(target, source_sha(item, self.max_bytes))
        if problem is None:
            if self.stats is not None:
                self.stats["skipped"] = self.stats.get("skipped", 0) + 1
            return None
        item.notes.append(f"resume: extracted again: {target} was there but {problem}")
        if self.stats is not None:
            self.stats["redone"] = self.stats.get("redone", 0) + 1
        return item
