"""Worker processes that never hang the batch and never lose an article.

multiprocessing.Pool waits for ever on a task whose worker died (the OOM killer, a segfault); here a
ProcessPoolExecutor reports a dead worker (BrokenProcessPool), and every article that was in flight is
extracted again, one at a time in a fresh pool, so that the one that kills its worker again is reported
(``PATH: extraction failed: the worker process died``) and all the others are extracted. Outcomes come
in input order whatever happens, as with --jobs 1.
"""
from __future__ import annotations

import collections
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

DIED = "extraction failed: the worker process died (out of memory, or a crash) on this article"


def _init(options, parent_init) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not the worker's: just stop
    parent_init(options)


class Workers:
    def __init__(self, jobs: int, ctx, options, init: Callable):
        self.jobs, self.ctx, self.options, self.init = jobs, ctx, options, init
        self.ex = self._new(jobs)

    def _new(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=self.ctx, initializer=_init, initargs=(self.options, self.init))

    def close(self, wait: bool) -> None:
        """Stop the workers; on an interruption (wait False) kill them, so none is left writing to a pipe."""
        ex = self.ex
        procs = list((getattr(ex, "_processes", None) or {}).values())
        if not wait:
            for p in procs:
                try:
                    p.terminate()
                except (OSError, AttributeError):
                    pass
        ex.shutdown(wait=wait, cancel_futures=not wait)
        if not wait:
            for p in procs:
                try:
                    p.join(5)
                except (OSError, AttributeError, AssertionError):
                    pass

    def restart(self) -> None:
        self.close(wait=False)
        self.ex = self._new(self.jobs)

    def one_by_one(self, fn, chunk: list) -> Iterator:
        """Each item of `chunk` alone: one that kills its worker again is the culprit."""
        for item in chunk:
            try:
                yield from self.ex.submit(fn, [item]).result()
            except BrokenProcessPool:
                yield ("died", item)
                self.restart()


def run(chunks: Iterable[list], fn, died: Callable, jobs: int, ctx, options, init, window: int) -> Iterator:
    """fn(chunk) for every chunk in `jobs` processes, results in order; died(item) stands for the result of an
    item that killed its worker."""
    w = Workers(jobs, ctx, options, init)
    pending: collections.deque = collections.deque()
    it = iter(chunks)
    clean = False
    try:
        while True:
            for chunk in it:
                pending.append((chunk, w.ex.submit(fn, chunk)))
                if len(pending) >= window:
                    break
            if not pending:
                break
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                lost = [chunk] + [c for c, _ in pending]
                pending.clear()
                w.restart()
                for c in lost:
                    for res in w.one_by_one(fn, c):
                        yield died(res[1]) if isinstance(res, tuple) and res[:1] == ("died",) else res
                continue
            yield from results
        clean = True
    finally:
        w.close(wait=clean)
