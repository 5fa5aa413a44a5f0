"""The batch and analysis API: ``extract_many`` (many articles, in order, in N processes) and ``to_frame``.

    from berita_extract import extract_many, to_frame
    records = list(extract_many(["seeds/", "corpus.jsonl", "Judul\\n\\nKOTA KEDIRI - ..."], jobs=2))
    facts = to_frame(records, "facts")          # pandas, with `pip install 'berita-extract[pandas]'`
"""
from __future__ import annotations

import os
import warnings
from typing import Iterable, Iterator, Literal, Optional

from . import batch

PATH_SUFFIXES = (".txt", *batch.JSONL_SUFFIXES)


class ExtractionError(ValueError):
    """An input that could not be read or extracted (``errors="raise"``); the message is ``PATH: reason``."""


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    return os.path.exists(s) or s.lower().endswith(PATH_SUFFIXES)


def _items(inputs: Iterable) -> Iterator[batch.Item]:
    for n, x in enumerate(inputs):
        if isinstance(x, os.PathLike):
            yield from batch.iter_items([os.fspath(x)])
        elif isinstance(x, str) and x != batch.STDIN and _looks_like_path(x):
            yield from batch.iter_items([x])
        elif isinstance(x, str):
            yield batch.Item(label=f"text[{n}]", id=f"text-{n}", text=x)
        elif isinstance(x, dict) and isinstance(x.get("text"), str):
            id = batch.valid_id(x.get("id", f"text-{n}"))
            if id is None:
                yield batch.Item(label=f"text[{n}]", error=f"unusable id {x.get('id')!r}")
            else:
                yield batch.Item(label=f"text[{n}]", id=id, text=x["text"])
        elif isinstance(x, tuple) and len(x) == 2 and isinstance(x[1], str) and batch.valid_id(x[0]):
            yield batch.Item(label=f"text[{n}]", id=batch.valid_id(x[0]), text=x[1])
        else:
            yield batch.Item(label=f"input[{n}]", error=f"not a path, a text, (id, text) or {{id, text}}: {type(x).__name__}")


def extract_many(
    paths_or_texts: Iterable,
    jobs: int = 1,
    *,
    errors: Literal["warn", "raise", "skip"] = "warn",
    max_mb: Optional[float] = batch.DEFAULT_MAX_MB,
) -> Iterator:
    """Articles (pydantic ``Article``) for many inputs, lazily, in input order, whatever `jobs` is.

    Each input is a path (a .txt file, a directory of them, a .jsonl corpus:
    as on the command line, and giving the same records), an article's text
    (its id is ``text-N``, N its position), an ``(id, text)`` pair or an
    ``{"id": ..., "text": ...}`` dict. An input that cannot be read is
    reported as ``PATH: reason`` through `warnings` (``errors="warn"``), raised
    as ``ExtractionError`` (``"raise"``) or passed over (``"skip"``); the
    others are still extracted.
    """
    if errors not in ("warn", "raise", "skip"):
        raise ValueError(f"errors must be 'warn', 'raise' or 'skip', not {errors!r}")
    jobs = jobs or (os.cpu_count() or 1)
    options = batch.Options(article=True, max_bytes=int(max_mb * 1_000_000) if max_mb else None)
    for res in batch.run(_items(paths_or_texts), options, jobs):
        if res.error:
            msg = f"{res.label}: {res.error}"
            if errors == "raise":
                raise ExtractionError(msg)
            if errors == "warn":
                warnings.warn(msg, stacklevel=2)
            continue
        yield res.article


FRAME_KINDS = ("facts", "coverage", "articles")


def to_frame(records: Iterable, kind: str = "facts", *, latest: bool = False):
    """A pandas DataFrame of records (Article models or the dicts ``-o`` writes).

    ``"facts"``: the columns of ``--format csv`` (one row per fact, and one for
    an article with no fact), except that ``region_code`` is the bare code
    ("33.10", a string column); ``"coverage"``: the rows of ``berita-extract
    table`` (``latest`` as ``--latest``); ``"articles"``: one row per article
    (id, title, url, published, event_date). Needs pandas (the ``[pandas]`` extra).
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError("to_frame needs pandas: pip install 'berita-extract[pandas]'") from err
    from . import coverage, csv_out

    if kind == "facts":
        rows = [r for rec in records for r in csv_out.fact_dicts(rec)]
        cols = csv_out.COLUMNS
        ints = csv_out.INT_COLUMNS
        floats = ("value", "beneficiaries", "duration")
        bools = ("checks_ok",)
    elif kind == "coverage":
        rows = coverage.coverage_rows(records, latest=latest)
        cols = coverage.COLUMNS
        ints, floats, bools = ("agree", "stated_by", "value_rank", "values"), ("value",), ("conflict",)
    elif kind == "articles":
        rows = [csv_out.article_fields(csv_out.as_record(r)) for r in records]
        cols, ints, floats, bools = csv_out.ARTICLE_COLUMNS, (), (), ()
    else:
        raise ValueError(f"kind must be one of {', '.join(FRAME_KINDS)}, not {kind!r}")
    df = pd.DataFrame(rows, columns=cols)
    for c in cols:
        if c in ints:
            df[c] = df[c].astype("Int64")
        elif c in floats:
            df[c] = df[c].astype("Float64")
        elif c in bools:
            df[c] = df[c].astype("boolean")
        elif c not in ("articles", "checks") or kind != "coverage":
            df[c] = df[c].astype("string")
    return df
