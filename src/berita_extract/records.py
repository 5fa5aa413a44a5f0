"""Records already written, or articles to extract: the inputs of ``berita-extract table`` and ``extract_many``.

A PATH is read as records (no extraction) when it is a ``*.json`` file (one
record, or the array of ``--format json``), a directory with ``*.json`` files
and no ``*.txt`` (an ``-o`` folder), or a JSON Lines file whose first object
has no ``"text"`` (the ``jsonl`` output). Anything else is articles, read and
extracted as ``berita-extract PATH`` does. A bad file or line is a
``Loaded`` with an ``error`` (``PATH: reason``) and never stops the others.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import batch


@dataclass
class Loaded:
    label: str
    record: Optional[dict] = None  # the Article as a dict (what -o writes)
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


def first_object(path: str) -> Optional[dict]:
    """The first non-blank line of a JSON Lines file as an object, or None (also for the review pages)."""
    try:
        with open(path, "rb") as fh:
            for raw in fh:
                if raw.strip():
                    obj = json.loads(raw.lstrip(b"\xef\xbb\xbf"))
                    return obj if isinstance(obj, dict) else None
    except (OSError, ValueError):
        return None
    return None


def is_records(path: str) -> bool:
    """True when PATH holds records already extracted rather than articles."""
    if path == batch.STDIN:
        return False
    low = path.lower()
    if os.path.isdir(path):
        p = Path(path)
        return not any(p.glob("*.txt")) and any(p.glob("*.json"))
    if low.endswith(".json"):
        return True
    if low.endswith(batch.JSONL_SUFFIXES):
        first = first_object(path)
        return first is not None and "text" not in first and "facts" in first
    return False


def _check(label: str, obj) -> Loaded:
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not isinstance(obj.get("facts"), list):
        return Loaded(label, error="not a berita-extract record (an object with an id and facts)")
    return Loaded(label, record=obj)


def _read_json(path: str) -> Iterator[Loaded]:
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read().lstrip(b"\xef\xbb\xbf"))
    except OSError as err:
        yield Loaded(path, error=err.strerror or str(err))
        return
    except UnicodeDecodeError:
        yield Loaded(path, error="malformed JSON: not UTF-8")
        return
    except ValueError as err:
        yield Loaded(path, error=f"malformed JSON: {getattr(err, 'msg', err)}")
        return
    if isinstance(data, list):
        for i, obj in enumerate(data):
            yield _check(f"{path}[{i}]", obj)
    else:
        yield _check(path, data)


def jsonl_objects(path: str) -> Iterator[tuple[str, object, Optional[str]]]:
    """(label, object, None) per non-blank line of a JSON Lines file of records, or (label, None, reason)
    for a line or file that cannot be read (also for the review pages)."""
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield path, None, err.strerror or str(err)
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            label = f"{path}:{n}"
            try:
                yield label, json.loads(raw.removeprefix(b"\xef\xbb\xbf") if n == 1 else raw), None
            except UnicodeDecodeError:
                yield label, None, "malformed JSON Lines line: not UTF-8"
            except (ValueError, RecursionError) as err:
                yield label, None, f"malformed JSON Lines line: {getattr(err, 'msg', err)}"


def _read_jsonl(path: str) -> Iterator[Loaded]:
    for label, obj, error in jsonl_objects(path):
        yield Loaded(label, error=error) if error else _check(label, obj)


def read_records(path: str) -> Iterator[Loaded]:
    """The records of one PATH that `is_records`."""
    if os.path.isdir(path):
        for f in sorted(Path(path).glob("*.json")):
            yield from _read_json(str(f))
    elif path.lower().endswith(".json"):
        yield from _read_json(path)
    else:
        yield from _read_jsonl(path)


def load(paths: Iterable[str], jobs: int = 1, options: Optional[batch.Options] = None,
         text_field: Optional[str] = None) -> Iterator[Loaded]:
    """Records for the PATHs, in order: read when written already, else extracted (in `jobs` processes;
    `text_field`: the JSON Lines field holding the text)."""
    options = options or batch.Options(article=True)
    options.article = True
    group: list[str] = []

    def extract(group: list[str]) -> Iterator[Loaded]:
        from .csv_out import as_record

        for res in batch.run(batch.iter_items(group, text_field=text_field), options, jobs):
            if res.error:
                yield Loaded(res.label, error=res.error)
            else:
                yield Loaded(res.label, record=as_record(res.article), warnings=list(res.warnings))

    for p in paths:
        if is_records(p):
            if group:
                yield from extract(group)
                group = []
            yield from read_records(p)
        else:
            group.append(p)
    if group:
        yield from extract(group)
