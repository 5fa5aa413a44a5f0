"""The `berita-extract` command.

Imports stay lazy: `berita-extract --help` and `berita-extract schema` never
load spaCy or the extractors; a batch loads them once per process.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

PROG = "berita-extract"

DESCRIPTION = """\
Turn Indonesian news articles about BPJS Ketenagakerjaan coverage into
structured, auditable records (one JSON Article per article): quantities,
dates, regions, organisations, people, quotes, regulations, programmes,
coverage facts and arithmetic checks, each with the exact text and [start, end)
character span it was read from.

PATH is a .txt article (UTF-8; a BOM is dropped; cp1252 is read with a
warning), a saved web page (.html/.htm: its main text, title, URL and
publication date, read by trafilatura; navigation, scripts and comments are
left out), a directory (its *.txt, *.html and *.htm files, sorted by name), a
JSON Lines corpus (*.jsonl, read as a stream: one object per line with "text"
(or --text-field NAME) or a web page under "html", and optionally "id", "url",
"title", "published" or "date"; trafilatura's --json output is read as it is),
or - for standard input (text or a web page). An article's id is its file stem
(or the "id" of its JSON line, any string such as a URL, else its "url";
"stdin" for -); -o file names are derived from ids safely. A file named
"schema", "table" or "review" is ./schema.

Other commands:
  berita-extract schema          print the JSON Schema of the Article record
  berita-extract table PATH...   the coverage table of articles, or of records already written
  berita-extract review PATH... -o DIR
                                 write a static review site: DIR/index.html and
                                 DIR/<id>.html, every extracted span highlighted"""

EPILOG = """\
examples:
  berita-extract seeds/                          one JSON line per article on stdout
  berita-extract seeds/ -o out --summary         write out/<id>.json, a summary line per article on stderr
  berita-extract article.txt --format json       one indented JSON array
  berita-extract seeds/ --format csv > facts.csv one row per fact (and one per article with none)
  berita-extract seeds/ --format sqlite --db facts.db
                                                 upsert the records into SQLite tables
  cat article.txt | berita-extract -             read standard input
  berita-extract corpus.jsonl -o out --jobs 4 --resume
                                                 a large corpus in 4 processes, skipping ids already in out/
  berita-extract corpus.jsonl -o out --dask tcp://scheduler:8786
                                                 the same batch on a Dask cluster ([dask] extra)
  berita-extract pages/ -o out                   saved web pages (.html): main text, url, published
  berita-extract scraped.jsonl --text-field body the text under "body" of each JSON line
  berita-extract a.txt --reference-date 2024-06-01
                                                 "kemarin", "tahun ini" read against that day when the
                                                 article has no publication or event date
  berita-extract schema > article.schema.json

exit status: 0 every input extracted; 1 some input could not be read or
extracted (each reported on stderr as "PATH: reason", all others still
extracted and written, or stdout could not be written); 2 usage error (also an
-o directory that cannot be written); 130 interrupted; 143 SIGTERM.
Only regular files are read (a FIFO or a device named *.txt is reported and
skipped); an id used twice is an error for the later article; --resume skips an
id only when its file is a complete record of the same input.
Output files are written under a temporary name, fsynced and renamed, so none is
ever half-written; the output is the same, byte for byte, whatever --jobs is."""


class _Parser(argparse.ArgumentParser):
    pass


def _limit(name: str):
    def parse(text: str):
        from . import limits

        try:
            return getattr(limits, name)(text)
        except ValueError as err:
            raise argparse.ArgumentTypeError(str(err)) from None

    parse.__name__ = name
    return parse


def _main_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file, a directory of *.txt, a .jsonl corpus, or -")
    p.add_argument("-o", "--out", metavar="DIR", help="write DIR/<id>.json per article (created if missing)")
    p.add_argument(
        "--format",
        choices=("jsonl", "json", "csv", "sqlite"),
        default=None,
        help="what goes to stdout: jsonl (one Article per line; the default without -o), json (one indented "
        "array), csv (one row per fact, and one per article without facts), sqlite (nothing: the records go "
        "to --db FILE); with -o and no --format, stdout stays quiet",
    )
    p.add_argument("--db", metavar="FILE", help="with --format sqlite: the SQLite file to upsert the records into")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1; 0: one per CPU)")
    p.add_argument("--dask", metavar="ADDRESS", help="run the batch on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786; needs the [dask] extra); the output is the same as --jobs 1")
    p.add_argument("--resume", action="store_true", help="skip articles whose <id>.json in the -o directory is a complete record of the same input "
                   "(others are extracted again, saying why; temporary files left by a killed run are removed)")
    p.add_argument(
        "--summary",
        action="store_true",
        help="print a line per article on stderr: id, counts of paragraphs, quantities, dates, regions, people, "
        "quotes, facts, failed checks, and the headline",
    )
    p.add_argument(
        "--max-mb",
        type=_limit("megabytes"),
        default="8",
        metavar="MB",
        help="refuse inputs (a file, stdin, a JSON line) of more than MB megabytes, with a reason, before "
        "reading them (default 8; 0: no limit)",
    )
    p.add_argument(
        "--max-seconds",
        type=_limit("seconds"),
        default="120",
        metavar="S",
        help='give up an article that takes longer than S seconds ("PATH: gave up after S s"), and go on '
        "(default 120; 0: no limit)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar (shown only when stderr is a terminal)")
    _input_options(p)
    from . import __version__

    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _reference_date(value: str) -> str:
    from .pipeline import check_reference_date

    try:
        return check_reference_date(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="YYYY-MM-DD",
        help="the day relative dates ('kemarin', 'tahun ini') are read against when an article has no "
        "publication date (page metadata, JSON published/date, stamp) and no event date",
    )
    p.add_argument(
        "--text-field",
        metavar="NAME",
        help='JSON Lines: the field holding the article text (default "text", else a web page under "html")',
    )


def _schema_parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog=f"{PROG} schema", description="Print the JSON Schema of the Article record (pydantic)."
    )


TABLE_DESCRIPTION = """\
The coverage table across articles: one row per region, segment, period and
measure (a fact type; a coverage target by percent and by count are two),
with the value, the articles that state it and how many agree. Where
several values are stated, each is a row of its own with its sources
(value_rank 1: the value most articles state), flagged as a conflict when
two articles state different values there.

PATH is an article or corpus as for `berita-extract PATH` (extracted), or
records already written: a *.json record, an -o folder of them, or the
JSON Lines output of `berita-extract` (read, not extracted again)."""


def _table_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} table",
        description=TABLE_DESCRIPTION,
        epilog="examples:\n  berita-extract table seeds/\n"
        "  berita-extract seeds/ -o out && berita-extract table out/ --format csv --latest -o coverage.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="articles, or records already written (see above)")
    p.add_argument("--format", choices=("text", "csv", "jsonl"), default="text", help="text (default), csv or jsonl")
    p.add_argument("-o", "--out", metavar="FILE", help="write the table to FILE (whole or not at all) instead of stdout")
    p.add_argument("--latest", action="store_true", help="keep only each region's most recent period (per segment "
                   "and measure); rows without a period are left out")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes when extracting (default 1)")
    _input_options(p)
    return p


def _tables_module(parser: argparse.ArgumentParser, *names: str):
    """berita_extract.tables, or a usage error when this installation lacks it."""
    try:
        from . import tables
    except ImportError as err:
        parser.error(f"this needs berita_extract.tables, which is not available ({err})")
    missing = [n for n in names if not hasattr(tables, n)]
    if missing:
        parser.error(f"berita_extract.tables lacks {', '.join(missing)}")
    return tables


def _jobs(parser, n: int) -> int:
    if n < 0:
        parser.error("--jobs must be 0 (one per CPU) or more")
    return n or (os.cpu_count() or 1)


class _Err:
    """stderr lines that do not tear a progress bar."""

    def __init__(self):
        self.bar = None

    def __call__(self, msg: str) -> None:
        from .limits import printable

        msg = printable(msg)  # no escape sequence from a file name or an article reaches the terminal
        if self.bar is not None:
            self.bar.write(msg, file=sys.stderr)
        else:
            print(msg, file=sys.stderr, flush=True)

    def report(self, res) -> bool:
        """Say what went wrong with one input (`PATH: reason`, `PATH: warning: ...`); False when it failed."""
        for note in getattr(res, "notes", ()):
            self(f"{res.label}: {note}")
        if res.error:
            self(f"{res.label}: {res.error}")
            return False
        for w in res.warnings:
            self(f"{res.label}: warning: {w}")
        return True


def _progress(err: _Err, count, disabled: bool):
    """A progress bar on a terminal; `count()` (how many articles, counted only then) gives its total."""
    if disabled or not sys.stderr.isatty():
        return None
    total = count()
    if total is not None and total < 20:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread (workers are forked)
    err.bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False)
    return err.bar


def _cmd_schema(argv: list[str]) -> int:
    _schema_parser().parse_args(argv)
    import json

    from .model import Article

    _out(json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


_STDOUT = None


def _out(text: str) -> None:
    global _STDOUT
    if _STDOUT is None:
        from .streams import Stdout

        _STDOUT = Stdout(_Err())
    _STDOUT.write(text)


def _stdout_failed() -> bool:
    return _STDOUT is not None and _STDOUT.failed is not None


def _on_sigterm():
    """SIGTERM stops the run as Ctrl-C does: workers stopped, temporary files removed, status 143."""
    import signal

    from .limits import Terminated

    def stop(signum, frame):
        raise Terminated()

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a library caller's thread): leave signals alone
        return None


def _cmd_table(argv: list[str]) -> int:
    parser = _table_parser()
    args = parser.parse_args(argv)
    jobs = _jobs(parser, args.jobs)
    from pathlib import Path

    from . import batch, coverage, records

    err = _Err()
    failed = 0
    cov = coverage.Coverage()
    for res in records.load(args.paths, jobs, batch.Options(article=True, reference_date=args.reference_date),
                            text_field=args.text_field):
        if not err.report(res):
            failed += 1
            continue
        cov.add(res.record)
    text = coverage.FORMATS[args.format](cov.rows(latest=args.latest))
    if args.out:
        try:
            batch.write_atomic(Path(args.out), text)
        except OSError as e:
            err(f"{args.out}: {e.strerror or e}")
            return 1
    else:
        _out(text)
    return 1 if failed or _stdout_failed() else 0


def _cmd_extract(argv: list[str]) -> int:
    parser = _main_parser()
    args = parser.parse_args(argv)
    jobs = _jobs(parser, args.jobs)
    if args.resume and not args.out:
        parser.error("--resume needs -o/--out DIR (it skips the ids already written there)")
    fmt = args.format or (None if args.out else "jsonl")  # with -o and no --format, stdout stays quiet
    if fmt == "sqlite" and not args.db:
        parser.error("--format sqlite needs --db FILE")
    if args.db and fmt != "sqlite":
        parser.error("--db FILE goes with --format sqlite")
    tables = _tables_module(parser, "csv_header", "csv_rows") if fmt == "csv" else None
    outcomes = _runner(parser, args, jobs)
    if outcomes is None:
        return 1

    from pathlib import Path

    from . import batch

    out_dir = None
    if args.out:
        out_dir = Path(args.out)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            parser.error(f"cannot create output directory {args.out}: {e.strerror or e}")
        try:
            batch.check_writable(out_dir)
        except OSError as e:
            parser.error(f"cannot write to output directory {args.out}: {e.strerror or e}")
    db = None
    if fmt == "sqlite":
        import sqlite3

        from .sqlite_out import SqliteWriter

        try:
            db = SqliteWriter(args.db)
        except (sqlite3.Error, OSError) as e:
            parser.error(f"cannot open the database {args.db}: {e}")
    options = batch.Options(
        line=fmt == "jsonl",
        pretty=out_dir is not None or fmt == "json",
        csv=fmt == "csv",
        summary=args.summary,
        article=db is not None,
        reference_date=args.reference_date,
    )
    options.max_bytes = args.max_mb
    options.max_seconds = args.max_seconds
    stats: dict = {}
    err = _Err()
    if args.resume:
        from .ledger import remove_stale_temps

        remove_stale_temps(out_dir, err)
    bar = _progress(err, lambda: batch.count_inputs(args.paths), args.no_progress)
    items = batch.iter_items(args.paths, skip=out_dir if args.resume else None, stats=stats, max_bytes=args.max_mb,
                             text_field=args.text_field)

    failed = done = 0
    first = True
    if fmt == "json":
        _out("[")
    elif fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(tables.csv_header())
        _out(buf.getvalue())
    try:
        for res in outcomes(items, options):
            if bar is not None:
                bar.update(1)
            if not err.report(res):
                failed += 1
                continue
            if out_dir is not None:
                target = batch.output_path(out_dir, res.id)  # ids are unique in a run (ledger.py)
                try:
                    batch.write_atomic(target, res.pretty, "\n")
                except OSError as e:
                    failed += 1
                    err(f"{target}: {e.strerror or e}")
                    continue
            if db is not None and not _to_db(db, res, err):
                failed += 1
                continue
            if fmt == "jsonl":
                _out(res.line + "\n")
            elif fmt == "json":
                body = "\n".join("  " + ln for ln in res.pretty.split("\n"))
                _out(("\n" if first else ",\n") + body)
            elif fmt == "csv":
                _out(res.csv)
            first = False
            done += 1
            if res.summary:
                err(res.summary)
        if fmt == "json":
            _out("]\n" if first else "\n]\n")
    finally:
        if bar is not None:
            bar.close()
            err.bar = None
        if db is not None:
            db.close()  # commits the articles done, also when interrupted
        if _STDOUT is not None:
            _STDOUT.flush()
    if args.summary or out_dir is not None or db is not None:
        dest = " and ".join(d for d in (args.out, args.db if db is not None else None) if d)
        tail = f"{done} articles {'written to ' + dest if dest else 'extracted'}, {failed} failed"
        if stats.get("skipped"):
            tail += f", {stats['skipped']} skipped (already in {args.out})"
        if stats.get("redone"):
            tail += f", {stats['redone']} extracted again (their record in {args.out} was incomplete or stale)"
        err(tail)
    return 1 if failed or _stdout_failed() else 0


def _runner(parser, args, jobs: int):
    """outcomes(items, options): the batch in --jobs processes, or on the --dask cluster (None: unreachable)."""
    from . import batch

    if not args.dask:
        return lambda items, options: batch.run(items, options, jobs)
    if args.jobs != 1:
        parser.error("--dask and --jobs go separately: the cluster's workers are the jobs")
    from . import dask
    try:
        return dask.runner(args.dask)
    except ImportError as e:
        parser.error(str(e))
    except dask.ClusterError as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return None


def _to_db(db, res, err: _Err) -> bool:
    import sqlite3

    try:
        db.write(res.article)
    except (sqlite3.Error, ValueError, TypeError, KeyError) as e:
        err(f"{res.label}: not written to the database: {e}")
        return False
    return True


COMMANDS = ("schema", "table", "review")


def _unknown_command(word: str) -> Optional[str]:
    """The usage error for a first word that looks like a command ("tabel") and names no file, else None."""
    import re

    if not re.fullmatch(r"[A-Za-z][A-Za-z_-]*", word) or os.path.exists(word):
        return None
    import difflib

    near = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    if near:
        return f"{PROG}: unknown command {word!r} (and no such file); did you mean {near[0]!r}?"
    return f"{PROG}: {word!r} is neither a file nor a command ({', '.join(COMMANDS)}); see {PROG} --help"


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    global _STDOUT
    _STDOUT = None
    old_term = _on_sigterm()
    try:
        if argv and argv[0] == "schema":
            return _cmd_schema(argv[1:])
        if argv and argv[0] == "table":
            return _cmd_table(argv[1:])
        if argv and argv[0] == "review":
            from . import review

            return review.main(argv[1:])
        unknown = _unknown_command(argv[0]) if argv else None
        if unknown:
            print(f"usage: {PROG} PATH... | {' | '.join(COMMANDS)} ...\n{unknown}", file=sys.stderr)
            return 2
        return _cmd_extract(argv)
    except KeyboardInterrupt as exc:
        from .limits import Terminated

        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 141
    except SystemExit as exc:  # argparse: 2 for usage errors, 0 for --help
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        if old_term is not None:
            import signal

            signal.signal(signal.SIGTERM, old_term)


if __name__ == "__main__":
    sys.exit(main())
