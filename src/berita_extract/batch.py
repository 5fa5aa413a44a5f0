"""Batches: inputs read as a stream, extracted in order (in N worker processes if asked), written atomically.

The stream is: read one input, extract it, hand its outputs back, forget it; at
most a small window of articles is in flight, so memory stays flat however
large the corpus. A bad input becomes an ``Outcome`` with an ``error`` (the
``PATH: reason`` the CLI prints) and never stops the batch.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import limits, readers
from .ids import file_name, valid_id  # noqa: F401 - valid_id is part of this module's interface
from .ledger import Ledger

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
    notes: list[str] = field(default_factory=list)  # what --resume re-did, said with the outcome


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
    notes: list[str] = field(default_factory=list)


@dataclass
class Options:
    line: bool = False
    pretty: bool = False
    csv: bool = False
    summary: bool = False
    article: bool = False
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES  # larger inputs are refused with a reason
    reference_date: Optional[str] = None  # YYYY-MM-DD: relative dates when no publication or event date
    max_seconds: Optional[float] = limits.DEFAULT_MAX_SECONDS  # an article taking longer is given up


# ---------------------------------------------------------------- inputs
def output_path(out_dir: Path, id: str) -> Path:
    """Where -o writes an article: <file name of its id>.json (ids.py)."""
    return out_dir / f"{file_name(id)}.json"


def _listing(directory: str) -> list[Path]:
    return sorted(f for pattern in ARTICLE_GLOBS for f in Path(directory).glob(pattern))


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
    path: str, ledger: Ledger, max_bytes: Optional[int] = DEFAULT_MAX_BYTES, text_field: Optional[str] = None
) -> Iterator[Item]:
    """Articles of a JSON Lines file, one line at a time; a bad line is an Item with an error."""
    shown = limits.printable(path)
    try:
        fh = readers.open_regular(path)
    except OSError as err:
        yield Item(label=shown, error=_reason(err))
        return
    with fh:
        lineno = 0
        while True:
            try:
                raw, whole = readers.read_line(fh, max_bytes)
            except OSError as err:
                yield Item(label=f"{shown}:{lineno + 1}", error=f"read failed: {_reason(err)}")
                return
            if not raw and whole:
                return
            lineno += 1
            label = f"{shown}:{lineno}"
            if not whole:
                yield Item(label=label, error=str(readers.too_large(max_bytes)))
                continue
            if not raw.strip():
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            item = _jsonl_item(raw, label, path, lineno, text_field)
            item = ledger.admit(item, path, lineno)
            if item is not None:
                yield item


def _jsonl_item(raw: bytes, label: str, path: str, lineno: int, text_field: Optional[str] = None) -> Item:
    try:
        rec = json.loads(raw)
    except UnicodeDecodeError:
        return Item(label=label, error="malformed JSON Lines line: not UTF-8")
    except ValueError as err:
        return Item(label=label, error=f"malformed JSON Lines line: {getattr(err, 'msg', str(err))}")
    except RecursionError:
        return Item(label=label, error="malformed JSON Lines line: nested too deeply")
    if not isinstance(rec, dict):
        return Item(label=label, error='malformed JSON Lines line: not an object {"id": ..., "text": ...}')
    from .jsonl_input import fields

    got = fields(rec, path, lineno, text_field)
    if "error" in got:
        return Item(label=label, error=limits.printable(got["error"]))
    return Item(label=label, **got)


def iter_items(paths: Iterable[str], skip: Optional[Path] = None, stats: Optional[dict] = None,
               max_bytes: Optional[int] = DEFAULT_MAX_BYTES, text_field: Optional[str] = None) -> Iterator[Item]:
    """Items for the CLI's PATH arguments, in order, lazily.

    `skip`: an output directory; articles whose <id>.json is already there, a complete record of the same
    input, are skipped (counted in ``stats["skipped"]``), which is how --resume works. An id used twice is
    an error for the later article (ledger.py).
    """
    ledger = Ledger(skip, stats, max_bytes)
    for p in paths:
        shown = limits.printable(p)
        if p == STDIN:
            if sys.stdin is None:
                yield Item(label=p, error="standard input is closed")
                continue
            try:
                data = readers.read_capped(sys.stdin.buffer, max_bytes)
            except OSError as err:
                yield Item(label=p, error=_reason(err))
                continue
            item = ledger.admit(Item(label=p, id="stdin", data=data), p)
        elif p.lower().endswith(JSONL_SUFFIXES) and not os.path.isdir(p):
            yield from iter_jsonl(p, ledger, max_bytes, text_field)
            continue
        elif os.path.isdir(p):
            try:
                listed = _listing(p)
            except OSError as err:
                yield Item(label=shown, error=_reason(err))
                continue
            if not listed:
                yield Item(label=shown, error="no *.txt, *.html or *.htm files in this directory")
            for f in listed:
                item = ledger.admit(Item(label=limits.printable(str(f)), id=f.stem, path=str(f)), str(f))
                if item is not None:
                    yield item
            continue
        else:
            item = ledger.admit(Item(label=shown, id=Path(p).stem, path=p), p)
        if item is not None:
            yield item


# ---------------------------------------------------------------- one article
def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


def read_bytes(path: str, max_bytes: Optional[int] = None) -> bytes:
    """Read an input file: a regular file of at most `max_bytes`, refused by its size before it is read
    (a seam the tests use to simulate a file that cannot be read)."""
    return readers.read_regular(path, max_bytes)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in head or "<head" in head or "<div" in head or "<p>" in head)
    )


def headline(article) -> str:
    """The article's headline, else its first paragraph, on one line ("" when it has neither)."""
    if article.title is not None:
        return " ".join(article.title.text.split())
    if article.paragraphs:
        return " ".join(article.paragraphs[0].text.split())
    return ""


def summary_line(article) -> str:
    """id, counts and the headline (or first words) of one article."""
    head = headline(article)
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
    """The reason an input of `size` bytes is refused (the one message, readers.py)."""
    return str(readers.too_large(max_bytes, size))


_OPTIONS = Options()


def _init_worker(options: Options) -> None:
    global _OPTIONS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _OPTIONS = options


def process(item: Item, options: Optional[Options] = None) -> Outcome:
    """Read and extract one Item into the outputs `options` asks for; never raises."""
    options = options or _OPTIONS
    out = Outcome(label=item.label, id=item.id, notes=list(item.notes))
    if item.error:
        out.error = item.error
        return out
    from .pipeline import self_check

    broken = self_check()
    if broken:  # a step that would fail for every article: an error for each, exit status 1
        out.error = broken
        return out
    try:
        with limits.budget(options.max_seconds):
            _extract_into(out, item, options)
    except limits.GaveUp:
        out.error = limits.gave_up(options.max_seconds)
    return out


def _extract_into(out: Outcome, item: Item, options: Options) -> None:
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
                    data = read_bytes(item.path, options.max_bytes)
                except OSError as err:
                    out.error = _reason(err)
                    return
                path = item.path
            try:
                text, warnings = decode(data)
            except DecodeError as err:
                out.error = str(err)
                return
        size = len(data) if data is not None else len(text.encode("utf-8", "surrogatepass"))
        if options.max_bytes and size > options.max_bytes:
            out.error = str(readers.too_large(options.max_bytes, size))
            return
        from .article_input import NoArticle, prepare

        try:
            text, data, meta = prepare(item, text, data, warnings)
        except NoArticle as err:
            out.error = str(err)
            return
        article = extract(text, id=item.id, path=path, data=data, warnings=warnings,
                          reference_date=options.reference_date, **meta)
        del text, data  # the input is not needed to serialise the record: a long one's memory is free again
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
    """Outcomes in input order, whatever `jobs` is; at most a few articles in flight per worker; a worker
    that dies costs only the article that killed it (workers.py)."""
    if jobs <= 1:
        for item in items:
            yield process(item, options)
        return
    from . import workers

    ctx = _pool_context()
    if ctx.get_start_method() == "fork":
        warm()

    def died(item: Item) -> Outcome:
        return Outcome(label=item.label, id=item.id, error=workers.DIED, notes=list(item.notes))

    yield from workers.run(_chunks(items, CHUNK), process_many, died, jobs, ctx, options, _init_worker, jobs * 3)


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
from .writes import check_writable, write_atomic  # noqa: E402,F401 - the CLI writes through batch
