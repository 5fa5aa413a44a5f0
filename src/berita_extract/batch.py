"""Batches: inputs read as a stream, extracted in order (in N worker processes if asked), written atomically.

The stream is: read one input, extract it, hand its outputs back, forget it; at
most a small window of articles is in flight, so memory stays flat however
large the corpus. A bad input becomes an ``Outcome`` with an ``error`` (the
``PATH: reason`` the CLI prints) and never stops the batch.
"""
from __future__ import annotations

import collections
import csv
import io
import json
import os
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .ids import file_name, valid_id  # noqa: F401 - valid_id is part of this module's interface

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A news article is tens of kilobytes; an input far larger is junk (a whole site, a dump) and, with
# extractors that are not all linear, would stall a batch: refuse it with a reason (--max-mb raises it).
DEFAULT_MAX_MB = 8
DEFAULT_MAX_BYTES = DEFAULT_MAX_MB * 1_000_000
STDIN = "-"
ARTICLE_GLOBS = ("*.txt", "*.html", "*.htm")  # what a directory's articles are


@dataclass
class Item:
    """One article to extract, or an input that already failed (``error``)."""

    label: str  # what a message names: "PATH" or "PATH:LINE"
    id: Optional[str] = None
    path: Optional[str] = None  # a file to read (read by the worker)
    text: Optional[str] = None  # a JSON Lines article
    data: Optional[bytes] = None  # stdin's bytes
    error: Optional[str] = None
    html: Optional[str] = None  # a JSON Lines web page (read by trafilatura)
    meta: Optional[dict] = None  # a JSON line's url, title, published (jsonl_input.py)


@dataclass
class Outcome:
    label: str
    id: Optional[str] = None
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    line: Optional[str] = None  # compact JSON (jsonl)
    pretty: Optional[str] = None  # indented JSON (-o files, --format json)
    csv: Optional[str] = None  # CSV rows (--format csv)
    summary: Optional[str] = None
    article: object = None  # the Article itself (for `table`)


@dataclass
class Options:
    line: bool = False
    pretty: bool = False
    csv: bool = False
    summary: bool = False
    article: bool = False
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES  # larger inputs are refused with a reason
    reference_date: Optional[str] = None  # YYYY-MM-DD: relative dates when no publication or event date


# ---------------------------------------------------------------- inputs
def _done(out_dir: Optional[Path], id: str) -> bool:
    return out_dir is not None and output_path(out_dir, id).is_file()


def output_path(out_dir: Path, id: str) -> Path:
    """Where -o writes an article: <file name of its id>.json (ids.py)."""
    return out_dir / f"{file_name(id)}.json"


def _listing(directory: str) -> list[Path]:
    return sorted(f for pattern in ARTICLE_GLOBS for f in Path(directory).glob(pattern))


def _count_skip(stats: Optional[dict]) -> None:
    if stats is not None:
        stats["skipped"] = stats.get("skipped", 0) + 1


def count_lines(path: str) -> int:
    """The non-blank lines of a JSON Lines file (its articles, for a progress bar's total)."""
    try:
        with open(path, "rb") as fh:
            return sum(1 for raw in fh if raw.strip())
    except OSError:
        return 1  # the input that will fail, with its reason


def count_inputs(paths: Iterable[str]) -> Optional[int]:
    """How many articles the paths hold (a JSON Lines file's lines are counted)."""
    n = 0
    for p in paths:
        if p == STDIN:
            n += 1
        elif p.lower().endswith(JSONL_SUFFIXES) and not os.path.isdir(p):
            n += count_lines(p)
        elif os.path.isdir(p):
            n += len(_listing(p))
        else:
            n += 1
    return n


def iter_jsonl(
    path: str, skip: Optional[Path] = None, stats: Optional[dict] = None, text_field: Optional[str] = None
) -> Iterator[Item]:
    """Articles of a JSON Lines file, one line at a time; a bad line is an Item with an error."""
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield Item(label=path, error=_reason(err))
        return
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except OSError as err:
                yield Item(label=f"{path}:{lineno + 1}", error=f"read failed: {_reason(err)}")
                return
            if not raw:
                return
            lineno += 1
            label = f"{path}:{lineno}"
            if not raw.strip():
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                rec = json.loads(raw)
            except UnicodeDecodeError:
                yield Item(label=label, error="malformed JSON Lines line: not UTF-8")
                continue
            except ValueError as err:
                msg = getattr(err, "msg", str(err))
                yield Item(label=label, error=f"malformed JSON Lines line: {msg}")
                continue
            if not isinstance(rec, dict):
                yield Item(label=label, error='malformed JSON Lines line: not an object {"id": ..., "text": ...}')
                continue
            from .jsonl_input import fields

            got = fields(rec, path, lineno, text_field)
            if "error" in got:
                yield Item(label=label, error=got["error"])
                continue
            if _done(skip, got["id"]):
                _count_skip(stats)
                continue
            yield Item(label=label, **got)


def iter_items(
    paths: Iterable[str], skip: Optional[Path] = None, stats: Optional[dict] = None, text_field: Optional[str] = None
) -> Iterator[Item]:
    """Items for the CLI's PATH arguments, in order, lazily.

    `skip`: an output directory; articles whose <id>.json is already there are
    skipped (counted in ``stats["skipped"]``), which is how --resume works.
    """
    for p in paths:
        if p == STDIN:
            if _done(skip, "stdin"):
                _count_skip(stats)
                continue
            try:
                data = sys.stdin.buffer.read()
            except OSError as err:
                yield Item(label=p, error=_reason(err))
                continue
            yield Item(label=p, id="stdin", data=data)
        elif p.lower().endswith(JSONL_SUFFIXES) and not os.path.isdir(p):
            yield from iter_jsonl(p, skip, stats, text_field)
        elif os.path.isdir(p):
            try:
                listed = _listing(p)
            except OSError as err:
                yield Item(label=p, error=_reason(err))
                continue
            if not listed:
                yield Item(label=p, error="no *.txt, *.html or *.htm files in this directory")
            for f in listed:
                if _done(skip, f.stem):
                    _count_skip(stats)
                    continue
                yield Item(label=str(f), id=f.stem, path=str(f))
        else:
            stem = Path(p).stem
            if _done(skip, stem):
                _count_skip(stats)
                continue
            yield Item(label=p, id=stem, path=p)


# ---------------------------------------------------------------- one article
def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


def read_bytes(path: str) -> bytes:
    """Read an input file (a seam the tests use to simulate a file that cannot be read)."""
    with open(path, "rb") as fh:
        return fh.read()


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in head or "<head" in head or "<div" in head or "<p>" in head)
    )


def summary_line(article) -> str:
    """id, counts and the headline (or first words) of one article."""
    if article.title is not None:
        head = article.title.text
    elif article.paragraphs:
        head = article.paragraphs[0].text
    else:
        head = ""
    head = " ".join(head.split())
    if len(head) > 60:
        head = head[:59].rstrip() + "…"
    failed = sum(1 for c in article.checks if not c.ok)
    counts = (
        f"{len(article.paragraphs)} paragraphs, {len(article.quantities)} quantities, {len(article.dates)} dates, "
        f"{len(article.regions)} regions, {len(article.people)} people, {len(article.quotes)} quotes, "
        f"{len(article.facts)} facts, {failed} failed checks"
    )
    return f"{article.id}: {counts}" + (f' - "{head}"' if head else "")


def too_large(size: int, max_bytes: int) -> str:
    return f"too large: {size / 1e6:.1f} MB, more than {max_bytes / 1e6:g} MB (raise the limit with --max-mb)"


_OPTIONS = Options()


def _init_worker(options: Options) -> None:
    global _OPTIONS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _OPTIONS = options


def process(item: Item, options: Optional[Options] = None) -> Outcome:
    """Read and extract one Item into the outputs `options` asks for; never raises."""
    options = options or _OPTIONS
    out = Outcome(label=item.label, id=item.id)
    if item.error:
        out.error = item.error
        return out
    from .pipeline import self_check

    broken = self_check()
    if broken:  # a step that would fail for every article: an error for each, exit status 1
        out.error = broken
        return out
    try:
        from .pipeline import extract
        from .text import DecodeError, decode

        warnings: list[str] = []
        if item.html is not None:
            text, data, path = item.html, None, item.label
        elif item.text is not None:
            text, data, path = item.text, None, item.label
        else:
            if item.data is not None:  # stdin, or a file the Dask client read (berita_extract.dask)
                data, path = item.data, item.path or STDIN
            else:
                try:
                    data = read_bytes(item.path)
                except OSError as err:
                    out.error = _reason(err)
                    return out
                path = item.path
            try:
                text, warnings = decode(data)
            except DecodeError as err:
                out.error = str(err)
                return out
        size = len(data) if data is not None else len(text)
        if options.max_bytes and size > options.max_bytes:
            out.error = too_large(size, options.max_bytes)
            return out
        from .article_input import NoArticle, prepare

        try:
            text, data, meta = prepare(item, text, data, warnings)
        except NoArticle as err:
            out.error = str(err)
            return out
        article = extract(text, id=item.id, path=path, data=data, warnings=warnings,
                          reference_date=options.reference_date, **meta)
        out.warnings = list(article.warnings)
        if options.line:
            out.line = article.model_dump_json()
        if options.pretty:
            out.pretty = article.model_dump_json(indent=2)
        if options.csv:
            from . import tables

            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows(tables.csv_rows(article))
            out.csv = buf.getvalue()
        if options.summary:
            out.summary = summary_line(article)
        if options.article:
            out.article = article
    except Exception as err:  # noqa: BLE001 - one bad article never stops the batch
        if os.environ.get("BERITA_DEBUG"):
            traceback.print_exc()
        out.error = f"extraction failed: {type(err).__name__}: {err}"
    return out


# ---------------------------------------------------------------- running
def _pool_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


WARM_TEXT = (
    "Judul\n\nKOTA KEDIRI, HB.net - Pj Wali Kota Kediri Budi Santoso, Selasa (28/5/2024), menyebut BPJS "
    "Ketenagakerjaan mencatat 9.695 orang atau 49,65 persen dari target 60 persen sesuai Inpres Nomor 2 "
    "tahun 2021, dengan anggaran Rp 2.092.600.000 untuk JKK dan JKM.\n\"Kami siap,\" ujarnya.\n(tri/ns)\n"
)


def warm() -> None:
    """Load and compile everything extraction needs, once, before worker processes are forked.

    The workers then inherit it (copy-on-write) instead of each paying the start-up again."""
    try:
        process(Item(label="warm-up", id="warm", text=WARM_TEXT), Options(line=True))
    except Exception:  # noqa: BLE001 - warming is an optimisation only
        pass


def run(items: Iterable[Item], options: Options, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order, whatever `jobs` is; at most a few articles in flight per worker."""
    if jobs <= 1:
        for item in items:
            yield process(item, options)
        return
    ctx = _pool_context()
    if ctx.get_start_method() == "fork":
        warm()
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(options,))
    window = jobs * 3  # chunks in flight
    pending: collections.deque = collections.deque()
    try:
        for chunk in _chunks(items, CHUNK):
            pending.append(pool.apply_async(process_many, (chunk,)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()


CHUNK = 4  # articles per task: fewer round trips between the processes


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_many(items: list[Item]) -> list[Outcome]:
    return [process(item) for item in items]


# ---------------------------------------------------------------- writing
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` so that no reader ever sees a half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
