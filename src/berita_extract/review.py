"""`berita-extract review PATH... -o DIR`: a static, offline site to audit the records by eye.

DIR/index.html lists the articles (sortable; failed checks first on request);
DIR/<id>.html shows one article's text as read with every extracted span
marked (review_page.py). PATH is what extraction takes (a .txt, a directory of
*.txt, a JSON Lines corpus, -) or records already written: a directory of
<id>.json (an -o folder), a .json record or array, a JSON Lines file of
records. A record's text is read again from its ``source.path`` when that file
is still there with the same SHA-256; otherwise it is rebuilt from the
record's paragraphs and removed parts, and the page says so.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import quote

from . import batch
from .records import first_object, jsonl_objects
from .review_page import esc, render, document

PROG = "berita-extract review"


@dataclass
class Loaded:
    label: str
    article: object = None
    text: Optional[str] = None
    notes: list[str] = field(default_factory=list)  # told on the page
    warnings: list[str] = field(default_factory=list)  # told on stderr, as extraction does
    error: Optional[str] = None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Write a static offline review site: DIR/index.html (one row per article) and DIR/<id>.html "
        "(the text as read, every extracted span highlighted by kind, the facts and their checks).",
        epilog="examples:\n  berita-extract review seeds/ -o review/        extract and review\n"
        "  berita-extract seeds/ -o out && berita-extract review out/ -o review/\n"
        "                                                 review records already written\n"
        "Open review/index.html in a browser; nothing is loaded from the network.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="as for berita-extract PATH..., or records: an -o directory of <id>.json, a .json, a .jsonl of records")
    p.add_argument("-o", "--out", metavar="DIR", required=True, help="where to write index.html and <id>.html")
    p.add_argument("--max-mb", type=float, default=None, metavar="MB",
                   help="refuse inputs larger than this (default 8; 0: no limit)")
    return p


# ---------------------------------------------------------------- inputs
def _is_record(obj) -> bool:
    return isinstance(obj, dict) and "source" in obj and "id" in obj and "text" not in obj


def _validate(obj, label: str, max_chars: Optional[int], base: Optional[Path]) -> Loaded:
    from pydantic import ValidationError

    from .model import Article

    try:
        a = Article.model_validate(obj)
    except ValidationError as err:
        e = err.errors()[0]
        where = ".".join(str(x) for x in e["loc"]) or "record"
        return Loaded(label, error=f"not an Article record: {where}: {e['msg']}")
    if batch.valid_id(a.id) is None:
        return Loaded(label, error=f"not an Article record: unusable id {a.id!r}")
    if max_chars and a.source.chars > max_chars:
        return Loaded(label, error=f"too large: {a.source.chars} characters (raise the limit with --max-mb)")
    text, notes = _record_text(a, base)
    return Loaded(label, a, text, notes)


def _record_text(a, base: Optional[Path]) -> tuple[str, list[str]]:
    """The source text of a record: its file again if unchanged, else rebuilt from the record's own parts."""
    from .text import DecodeError, decode, sha256

    src = a.source.path
    if src and src != batch.STDIN:
        for cand in dict.fromkeys([Path(src)] + ([base / src] if base is not None and not os.path.isabs(src) else [])):
            try:
                data = cand.read_bytes()
                if sha256(data) == a.source.sha256:
                    text = decode(data)[0]
                    if len(text) == a.source.chars:
                        return text, []
            except (OSError, DecodeError):
                continue
    chars: list[Optional[str]] = [None] * a.source.chars
    parts = [(p.span, p.text) for p in a.paragraphs] + [(r.span, r.text) for r in a.removed]
    parts += [(x.span, x.text) for x in (a.title, a.dateline) if x is not None]
    for (s, e), t in parts:
        if 0 <= s <= e <= len(chars) and e - s == len(t):
            chars[s:e] = t
    gaps = sum(1 for c in chars if c is None)
    text = "".join("\n" if c is None else c for c in chars)
    where = f"{src!r} is not there or has changed" if src else "the record names no source file"
    return text, [f"source text not read ({where}): rebuilt from the record's paragraphs and removed parts; "
                  f"{gaps} characters between them are not in the record and are shown as line breaks"]


def _records(path: str, max_chars: Optional[int]) -> Iterator[Loaded]:
    """Records from a .json (one record or an array) or a JSON Lines file of records."""
    base = Path(path).parent
    if not path.lower().endswith(batch.JSONL_SUFFIXES):
        try:
            obj = json.loads(Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf"))
        except OSError as err:
            yield Loaded(path, error=err.strerror or str(err))
            return
        except ValueError as err:
            yield Loaded(path, error=f"malformed JSON: {getattr(err, 'msg', err)}")
            return
        objs = obj if isinstance(obj, list) else [obj]
        for i, o in enumerate(objs):
            yield _validate(o, path if len(objs) == 1 else f"{path}[{i}]", max_chars, base)
        return
    for label, obj, error in jsonl_objects(path):
        yield Loaded(label, error=error) if error else _validate(obj, label, max_chars, base)


def _extracted(item: batch.Item, options: batch.Options) -> Loaded:
    """Extract one input and read its text again (the record keeps spans, not the text)."""
    from .text import DecodeError, decode

    res = batch.process(item, options)
    if res.error:
        return Loaded(res.label, error=res.error)
    try:
        if item.text is not None:
            text = item.text
        else:
            text = decode(item.data if item.data is not None else batch.read_bytes(item.path))[0]
    except (OSError, DecodeError) as err:
        return Loaded(res.label, error=f"read again failed: {getattr(err, 'strerror', None) or err}")
    if len(text) != res.article.source.chars:
        return Loaded(res.label, error="the text changed while it was read")
    return Loaded(res.label, res.article, text, warnings=list(res.warnings))


def load(paths: list[str], max_bytes: Optional[int] = batch.DEFAULT_MAX_BYTES) -> Iterator[Loaded]:
    """Articles with their texts, in order; a bad input is a Loaded with an error, never an exception."""
    options = batch.Options(article=True, max_bytes=max_bytes)
    for p in paths:
        if p != batch.STDIN and os.path.isdir(p):
            d = Path(p)
            try:
                has_txt = any(d.glob("*.txt"))
                jsons = sorted(d.glob("*.json"))
            except OSError as err:
                yield Loaded(p, error=err.strerror or str(err))
                continue
            if not has_txt and jsons:
                for f in jsons:
                    yield from _records(str(f), max_bytes)
                continue
            if not has_txt:
                yield Loaded(p, error="no *.txt articles nor *.json records in this directory")
                continue
        elif p != batch.STDIN and (p.lower().endswith(".json")
                                   or (p.lower().endswith(batch.JSONL_SUFFIXES) and _is_record(first_object(p)))):
            yield from _records(p, max_bytes)
            continue
        for item in batch.iter_items([p]):
            yield _extracted(item, options)


# ---------------------------------------------------------------- the index
def summary(a) -> dict:
    """The index row of an article: title, outlet, date, region."""
    title = batch.headline(a) or a.id
    if len(title) > 90:
        title = title[:89].rstrip() + "…"
    date = a.event_date.value if a.event_date else (a.dates[0].value if a.dates else None)
    names = collections.Counter(f.region for f in a.facts if f.region)
    regions = {r.name: r for r in a.regions}
    if names:
        name = names.most_common(1)[0][0]
    elif a.regions:
        name = max(a.regions, key=lambda r: len(r.mentions)).name
    else:
        name = None
    region = None
    if name:
        r = regions.get(name)
        region = f"{name} ({r.code})" if r is not None and r.code else name
    outlet = a.dateline.outlet if a.dateline else None
    return {"title": title, "outlet": outlet, "date": date, "region": region}


def index_page(rows: list[tuple[str, object, dict]], errors: list[tuple[str, str]]) -> str:
    cols = [("title", "text"), ("outlet", "text"), ("date", "text"), ("region", "text"),
            ("facts", "num"), ("failed checks", "num")]
    head = "".join(
        f'<th scope="col" aria-sort="none"><button type="button" data-sort="{i}" data-type="{t}">{name}</button></th>'
        for i, (name, t) in enumerate(cols)
    )
    body = []
    for href, a, info in rows:
        failed = sum(1 for c in a.checks if not c.ok)
        cells = [
            f'<td data-v="{esc(info["title"])}"><a href="{esc(href)}">{esc(info["title"])}</a>'
            f'<span class="id">{esc(a.id)}</span></td>',
        ] + [f'<td{" class=nw" if k == "date" else ""} data-v="{esc(info[k] or "")}">{esc(info[k] or "")}</td>'
             for k in ("outlet", "date", "region")] + [
            f'<td class="num" data-v="{len(a.facts)}">{len(a.facts)}</td>',
            f'<td class="num{" bad" if failed else ""}" data-v="{failed}">{failed}</td>',
        ]
        body.append(f'<tr data-failed="{failed}">{"".join(cells)}</tr>')
    errs = ""
    if errors:
        errs = '<h2>Not reviewed</h2><ul class="notes">' + "".join(
            f"<li>{esc(label)}: {esc(reason)}</li>" for label, reason in errors) + "</ul>"
    html = (
        f'<header class="top"><h1>Review: {len(rows)} articles</h1>'
        '<p class="meta">Press a column heading to sort; each title opens its article.</p>'
        '<label class="ff"><input type="checkbox" id="failed-first"> failed checks first</label></header>\n'
        f'<main><div class="scroll"><table class="index" id="index"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>{errs}</main>'
    )
    return document("berita-extract review", html)


def _page_name(id: str, used: set[str]) -> str:
    base = id if id.lower() != "index" else "index-article"
    name, n = f"{base}.html", 1
    while name.lower() in used:
        n += 1
        name = f"{base}~{n}.html"
    used.add(name.lower())
    return name


def main(argv: list[str]) -> int:
    p = parser()
    args = p.parse_args(argv)
    max_bytes = batch.DEFAULT_MAX_BYTES
    if args.max_mb is not None:
        if args.max_mb < 0:
            p.error("--max-mb must be 0 (no limit) or more")
        max_bytes = int(args.max_mb * 1_000_000) or None
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        p.error(f"cannot create output directory {args.out}: {e.strerror or e}")

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    rows, errors, used, seen = [], [], {"index.html"}, set()
    for got in load(args.paths, max_bytes):
        if got.error:
            say(f"{got.label}: {got.error}")
            errors.append((got.label, got.error))
            continue
        for w in got.warnings:
            say(f"{got.label}: warning: {w}")
        a = got.article
        name = _page_name(a.id, used)
        if a.id in seen:
            say(f"{got.label}: warning: id {a.id!r} seen before in this run; this one is {name}")
        seen.add(a.id)
        info = summary(a)
        try:
            page = render(a, got.text, info, got.notes)
            batch.write_atomic(out / name, page)
        except OSError as e:
            say(f"{out / name}: {e.strerror or e}")
            errors.append((got.label, f"not written: {e.strerror or e}"))
            continue
        except Exception as e:  # noqa: BLE001 - one bad record never stops the site
            say(f"{got.label}: review page failed: {type(e).__name__}: {e}")
            errors.append((got.label, f"review page failed: {type(e).__name__}"))
            continue
        rows.append((quote(name), a, info))
    try:
        batch.write_atomic(out / "index.html", index_page(rows, errors))
    except OSError as e:
        say(f"{out / 'index.html'}: {e.strerror or e}")
        return 1
    say(f"{len(rows)} article pages and index.html written to {out}" + (f", {len(errors)} inputs failed" if errors else ""))
    return 1 if errors else 0
