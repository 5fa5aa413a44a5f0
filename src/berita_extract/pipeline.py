"""Compose the extractors into one Article record.

Each step fills one or more fields; a step that fails leaves its field empty
and adds a warning, so one bad rule never loses the article (set
``BERITA_STRICT=1``, as the tests do, to let the error through instead).
"""
from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import Optional, Union

from .context import Context
from . import checks, dates, facts, legal, numbers, organizations, people, programs, quotes, regions
from .model import Article, Published, Source
from .text import decode, normalize, sha256

# (field on Article, step); order matters: later steps read earlier results
STEPS = [
    ("legal_refs", legal.extract),
    ("dates", dates.extract),
    ("quantities", numbers.extract),
    ("programs", programs.extract),
    ("organizations", organizations.extract),
    ("regions", regions.extract),
    ("people", people.extract),
    ("quotes", quotes.extract),
    ("facts", facts.extract),
    ("checks", checks.extract),
]


def _strict() -> bool:
    return os.environ.get("BERITA_STRICT", "") not in ("", "0")


def check_reference_date(value: Optional[str]) -> Optional[str]:
    """The reference date as given, or ValueError unless it is a real day written YYYY-MM-DD."""
    if value is None:
        return None
    ok = isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-"
    try:
        if ok:
            dt.date.fromisoformat(value)
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"reference date {value!r} is not a day written YYYY-MM-DD")
    return value


def _published(value, warnings: list[str]) -> Optional[Published]:
    if value is None or isinstance(value, Published):
        return value
    from .published import from_value

    return from_value(value, "argument", warnings=warnings)


def build_context(
    text: str,
    id: str = "article",
    *,
    path: Optional[str] = None,
    data: Optional[bytes] = None,
    reference_date: Optional[str] = None,
    warnings: Optional[list[str]] = None,
    url: Optional[str] = None,
    published: Union[str, Published, None] = None,
) -> Context:
    """The article's layout (headline, dateline, byline, paragraphs, removed) and sentences.

    `published`: the publication date the input's metadata gives (a Published, or a string such
    as "2024-05-28" or "Selasa, 28 Mei 2024"); `reference_date` (YYYY-MM-DD): the day relative
    dates are read against when neither the metadata, a stamp in the text nor an event date gives one."""
    reference_date = _check_args(text, id, data, reference_date)
    check_reference_date(reference_date)
    if text.startswith("\ufeff"):  # exactly one leading BOM is dropped (SPEC), wherever the text came from
        text = text[1:]
    raw = data if data is not None else text.encode("utf-8")
    article = Article(id=id, source=Source(path=path, sha256=sha256(raw), chars=len(text)), url=url)
    article.warnings.extend(warnings or [])
    given = _published(published, article.warnings)
    ctx = Context(id=id, source=text, norm=normalize(text), article=article, reference_date=reference_date)

    from . import layout, sentences
    from .published import apply as apply_published

    try:
        layout.apply(ctx)
        ctx.sentences = sentences.split(ctx)
    except Exception as err:  # noqa: BLE001 - one failing step never loses the article
        if _strict():
            raise
        article.warnings.append(f"layout: {type(err).__name__}: {err}")
        ctx.zones = [(0, len(text))] if text.strip() else []
        ctx.sentences = list(ctx.zones)
    apply_published(ctx, given)
    return ctx


def _check_args(text, id, data, reference_date) -> Optional[str]:
    """Clear errors for what the library is given, each naming the argument; the reference date as ISO."""
    if not isinstance(text, str):
        hint = " (decode it first, or use extract_file)" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"extract(): text must be a str, not {type(text).__name__}{hint}")
    if not isinstance(id, str):
        raise TypeError(f"extract(): id must be a str, not {type(id).__name__}")
    if not id:
        raise ValueError("extract(): id must not be empty")
    if data is not None and not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"extract(): data must be bytes, not {type(data).__name__}")
    if data is None:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            raise ValueError(
                f"extract(): text holds a lone surrogate {text[err.start]!r} at offset {err.start}: not valid Unicode"
            ) from None
    if reference_date is None:
        return None
    if isinstance(reference_date, dt.date):
        return reference_date.isoformat()
    if not isinstance(reference_date, str):
        raise TypeError(f"extract(): reference_date must be an ISO date str, not {type(reference_date).__name__}")
    try:
        dt.date.fromisoformat(reference_date[:10])
    except ValueError:
        raise ValueError(f"extract(): reference_date must be an ISO date YYYY-MM-DD, not {reference_date!r}") from None
    return reference_date


def extract(
    text: str,
    id: str = "article",
    *,
    path: Optional[str] = None,
    data: Optional[bytes] = None,
    reference_date: Optional[str] = None,
    warnings: Optional[list[str]] = None,
    url: Optional[str] = None,
    published: Union[str, Published, None] = None,
) -> Article:
    """Extract the Article record from the text of one article (keywords: see build_context)."""
    ctx = build_context(
        text, id, path=path, data=data, reference_date=reference_date, warnings=warnings, url=url, published=published
    )
    article = ctx.article
    for field, step in STEPS:
        try:
            setattr(article, field, step(ctx))
        except Exception as err:  # noqa: BLE001
            if _strict():
                raise
            article.warnings.append(f"{field}: {type(err).__name__}: {err}")
    return article


def extract_file(path: str | os.PathLike, id: Optional[str] = None, **kw) -> Article:
    """Read a .txt article (UTF-8, BOM dropped; cp1252 decoded with a warning) and extract it."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"extract_file(): path must be a str or os.PathLike, not {type(path).__name__}")
    p = Path(path)
    if p.is_dir():
        raise ValueError(f"extract_file(): path {str(path)!r} is a directory, not an article file")
    from .readers import InputError, read_regular

    try:
        data = read_regular(str(p))
    except InputError as err:
        raise ValueError(f"extract_file(): path {str(path)!r}: {err}") from None
    text, warns = decode(data)
    return extract(text, id=id or p.stem, path=str(path), data=data, warnings=warns, **kw)


_CHECK_TEXT = (
    "Judul\n\nKOTA KEDIRI - BPJS Ketenagakerjaan mencatat 9.695 pekerja atau 49,65 persen pada Selasa "
    "(28/5/2024), sesuai Inpres Nomor 2 Tahun 2021.\n"
)


@functools.lru_cache(maxsize=1)
def self_check() -> Optional[str]:
    """None when this installation extracts; else why every article would fail (missing rule files,
    a broken install), which the batch reports for each input instead of writing empty records.
    Checked once per process (the batch warms it before forking workers)."""
    try:
        article = extract(_CHECK_TEXT, id="self-check")
    except Exception as err:  # noqa: BLE001
        return f"broken installation: {type(err).__name__}: {err}"
    failed = [w for w in article.warnings if ": " in w and w.split(": ", 2)[1].endswith(("Error", "Missing"))]
    return f"broken installation: {failed[0]}" if failed else None
