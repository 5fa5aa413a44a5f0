"""Extraction beyond one machine, on Dask (the optional extra: ``pip install 'berita-extract[dask]'``).

Library: a dask.bag of articles to records, in the bag's order::

    import dask.bag as db
    from berita_extract.dask import extract_bag

    bag = db.from_sequence([{"id": "h01", "text": "..."}, "seeds/000_b9e5ae7235c0760d.txt"], npartitions=8)
    records = extract_bag(bag).compute()           # the dicts `-o` writes

An element is an ``{id, text}`` dict (or ``{id, html}``, with ``url``, ``title``,
``published``/``date`` as a JSON line has them: jsonl_input.py; its ``source.path`` is the id), or a path
(a .txt or .html file, a directory, a .jsonl corpus: read by the worker, so it
must see that path). Command line: ``berita-extract PATH... --dask ADDRESS -o DIR``
runs the same batch as ``--jobs`` on an existing cluster (``run``): the
client reads the inputs and ships their bytes, so the workers need no shared
filesystem, and the output is byte-identical to ``--jobs 1``.

Each worker process loads and compiles the rules once (``run`` warms every
worker before the first article; under ``extract_bag`` a worker does so on its
first article) and keeps them for all later ones. An input that cannot be read
never stops the batch: it is an ``{"id", "input", "error"}`` dict in the bag
(``errors="keep"``), raised as ``ExtractionError`` (``"raise"``) or left out
(``"skip"``); the CLI reports it as ``PATH: reason``.
"""
from __future__ import annotations

import collections
import dataclasses
import json
import os
from typing import Iterable, Iterator, Literal, Optional

from . import batch

OUTPUTS = ("record", "json", "article")
TIMEOUT_S = 10  # to reach the scheduler


def _need_dask():
    try:
        import dask.bag  # noqa: F401
    except ImportError as err:
        raise ImportError("berita_extract.dask needs dask: pip install 'berita-extract[dask]'") from err


# ---------------------------------------------------------------- the library: a bag
def _items_of(x, text_field: Optional[str]) -> list[batch.Item]:
    """The batch Items one bag element gives (a directory or .jsonl path gives several)."""
    if isinstance(x, os.PathLike):
        x = os.fspath(x)
    if isinstance(x, str):
        return list(batch.iter_items([x], text_field=text_field))
    if isinstance(x, dict):
        from .jsonl_input import fields

        label = str(x.get("id") or x.get("url") or "bag item")
        if x.get("id") is None and not x.get("url"):
            return [batch.Item(label=label, error="an article dict needs an id (or a url)")]
        got = fields(x, label, 0, text_field)
        if "error" in got:
            return [batch.Item(label=label, error=got["error"].replace("malformed JSON Lines line", "bad article"))]
        return [batch.Item(label=label, **got)]
    return [batch.Item(label="bag item", error=f"not a path or an {{id, text}} dict: {type(x).__name__}")]


def _result(res: batch.Outcome, output: str, errors: str) -> list:
    if res.error:
        msg = f"{res.label}: {res.error}"
        if errors == "raise":
            from .api import ExtractionError

            raise ExtractionError(msg)
        return [] if errors == "skip" else [{"id": res.id, "input": res.label, "error": msg}]
    if output == "article":
        return [res.article]
    if output == "json":
        return [res.pretty + "\n"]
    return [json.loads(res.pretty)]


def _extract_partition(elements: Iterable, output: str, errors: str, options: batch.Options,
                       text_field: Optional[str]) -> list:
    out = []
    for x in elements:
        for item in _items_of(x, text_field):
            out.extend(_result(batch.process(item, options), output, errors))
    return out


def extract_bag(
    bag,
    *,
    output: Literal["record", "json", "article"] = "record",
    errors: Literal["keep", "raise", "skip"] = "keep",
    reference_date: Optional[str] = None,
    text_field: Optional[str] = None,
    max_mb: Optional[float] = batch.DEFAULT_MAX_MB,
):
    """A dask.bag of records for a bag of articles ({id, text} dicts or paths), lazily, in the bag's order.

    `output`: ``"record"`` the dict that ``-o`` writes, ``"json"`` its exact text (indented JSON and a
    newline, byte for byte what ``-o`` writes), ``"article"`` the pydantic Article. `errors`: an input that
    cannot be read is kept as ``{"id", "input", "error": "PATH: reason"}`` (``"keep"``), raised as
    ``berita_extract.api.ExtractionError`` on compute (``"raise"``) or left out (``"skip"``)."""
    _need_dask()
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {', '.join(OUTPUTS)}, not {output!r}")
    if errors not in ("keep", "raise", "skip"):
        raise ValueError(f"errors must be 'keep', 'raise' or 'skip', not {errors!r}")
    from .pipeline import check_reference_date

    options = batch.Options(
        pretty=output != "article", article=output == "article",
        max_bytes=int(max_mb * 1_000_000) if max_mb else None, reference_date=check_reference_date(reference_date),
    )
    return bag.map_partitions(_extract_partition, output, errors, options, text_field)


# ---------------------------------------------------------------- the CLI: a batch on a cluster
class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached (the message says where and why)."""


def connect(address: str, timeout: Optional[float] = None):
    """A distributed Client of the scheduler at `address` (``tcp://host:8786``), or ClusterError."""
    _need_dask()
    from distributed import Client

    try:
        return Client(address, timeout=timeout or TIMEOUT_S, set_as_default=False)
    except Exception as err:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err or type(err).__name__}") from None


def _ship(item: batch.Item, max_bytes: Optional[int]) -> batch.Item:
    """A file Item with its bytes read here (the workers need not see the file), or with its error."""
    if item.error or item.path is None:
        return item
    try:
        size = os.stat(item.path).st_size
        if max_bytes and size > max_bytes:  # not shipped; the same reason process() gives
            return dataclasses.replace(item, error=batch.too_large(size, max_bytes))
        return dataclasses.replace(item, data=batch.read_bytes(item.path))
    except OSError as err:
        return dataclasses.replace(item, error=batch._reason(err))


def _process_chunk(items: list[batch.Item], options: batch.Options) -> list[batch.Outcome]:
    return [batch.process(item, options) for item in items]


def run(items: Iterable[batch.Item], options: batch.Options, client) -> Iterator[batch.Outcome]:
    """Outcomes in input order, the articles extracted on the cluster's workers, a few chunks in flight each."""
    client.run(batch.warm)  # every worker loads the rules once, before its first article
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = workers * 3
    pending: collections.deque = collections.deque()

    def results(chunk, future):
        try:
            return future.result()
        except Exception as err:  # noqa: BLE001 - a lost worker fails its chunk, not the batch
            reason = f"Dask worker failed: {type(err).__name__}: {err}"
            return [batch.Outcome(label=i.label, id=i.id, error=reason) for i in chunk]

    shipped = (_ship(item, options.max_bytes) for item in items)
    for chunk in batch._chunks(shipped, batch.CHUNK):
        pending.append((chunk, client.submit(_process_chunk, chunk, options, pure=False)))
        while len(pending) >= window:
            yield from results(*pending.popleft())
    while pending:
        yield from results(*pending.popleft())


def runner(address: str):
    """outcomes(items, options) on the cluster at `address`, closing the client when done (the CLI's --dask)."""
    client = connect(address)

    def outcomes(items, options):
        try:
            yield from run(items, options, client)
        finally:
            client.close()
    return outcomes
