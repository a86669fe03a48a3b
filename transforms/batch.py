"""Run a per-document function over many documents on every core.

Small batches run inline: starting worker processes costs more than it saves for a
handful of files (the common nightly case). Workers come from a forkserver so they
start clean of the parent's threads (Dagster runs some in the background). Only a few
chunks are in flight at a time, so a big run never holds every document's text at once;
and if a worker dies (a decoder library crashing on a hostile file), the chunks it
leaves are finished inline instead of failing the run.

With a time budget (`budget_s`), every document runs in a worker process of its own task,
however few there are: a document that takes longer is stopped by killing its worker
(pebble's per-task timeout; a new worker takes its place), and `rejected` builds its result
instead. A worker that dies on a document (a crash in a C library, the kernel's OOM killer)
costs that document only.
"""

import collections
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

INLINE_BELOW = 24  # documents; below this a pool does not pay for its start-up
CHUNK = 16  # documents sent to a worker at a time
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker


def worker_count(requested: int = 0) -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(requested or available, available))


def map_documents(fn: Callable[..., Any], args: Sequence[tuple], workers: int = 0) -> list[Any]:
    """[fn(*a) for a in args], in order, spread over processes when it is worth it."""
    return list(iter_documents(fn, args, workers))


# rejected(args, reason, message) -> the result to give for a document that did not finish
Rejected = Callable[[tuple, str, str], Any]


def iter_documents(
    fn: Callable[..., Any],
    args: Iterable[tuple],
    workers: int = 0,
    count: int | None = None,
    budget_s: float | None = None,
    rejected: Rejected | None = None,
) -> Iterator[Any]:
    """fn(*a) for each a, in order, as the results come. `args` may be a generator;
    `count` (its length) then decides whether a pool is worth starting. With `budget_s`,
    a document still running after that many seconds is stopped and yields
    rejected(a, "too_complex", why) instead (see the module's docstring)."""
    workers = worker_count(workers)
    count = len(args) if count is None else count
    if budget_s:
        if rejected is None:
            raise ValueError("a time budget needs a `rejected` result builder")
        yield from _budgeted(fn, args, max(1, min(workers, count)), budget_s, rejected)
        return
    if workers == 1 or count < INLINE_BELOW:
        yield from (fn(*a) for a in args)
        return
    context = _forkserver()
    pending: collections.deque = collections.deque()
    broken = False
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in _batched(args, CHUNK):
            pending.append((chunk, None if broken else _submit(pool, fn, chunk)))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                results, broken = _collect(fn, *pending.popleft(), broken)
                yield from results
        while pending:
            results, broken = _collect(fn, *pending.popleft(), broken)
            yield from results


def _batched(items: Iterable[tuple], size: int) -> Iterator[tuple]:
    iterator = iter(items)
    while chunk := tuple(itertools.islice(iterator, size)):
        yield chunk


def _submit(pool: ProcessPoolExecutor, fn: Callable[..., Any], chunk: tuple):
    try:
        return pool.submit(_call_chunk, fn, chunk)
    except BrokenProcessPool:
        return None


def _collect(fn: Callable[..., Any], chunk: tuple, future, broken: bool) -> tuple[list[Any], bool]:
    if future is not None:
        try:
            return future.result(), broken
        except BrokenProcessPool:
            broken = True
    return _call_chunk(fn, chunk), broken


def _call_chunk(fn: Callable[..., Any], chunk: tuple) -> list[Any]:
    return [fn(*a) for a in chunk]


def _forkserver():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["transforms.report"])
    return context


def _budgeted(
    fn: Callable[..., Any], args: Iterable[tuple], workers: int, budget_s: float, rejected: Rejected
) -> Iterator[Any]:
    """fn(*a) for each a in worker processes, one task per document, each stopped after
    budget_s seconds of running; a bounded number of documents in flight."""
    from pebble import ProcessPool

    pool = ProcessPool(max_workers=workers, context=_forkserver())
    pending: collections.deque = collections.deque()
    try:
        for a in args:
            pending.append((a, pool.schedule(fn, args=a, timeout=budget_s)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield _outcome(*pending.popleft(), budget_s, rejected)
        while pending:
            yield _outcome(*pending.popleft(), budget_s, rejected)
    finally:  # also when the consumer stops early: no worker outlives the batch
        pool.stop()
        pool.join()


def _outcome(a: tuple, future, budget_s: float, rejected: Rejected) -> Any:
    from pebble import ProcessExpired

    try:
        return future.result()
    except TimeoutError:  # pebble has killed the worker (and started another)
        return rejected(
            a, "too_complex", f"took longer than its time budget of {budget_s:g} s; its worker was stopped"
        )
    except ProcessExpired as exc:
        return rejected(a, "worker_died", f"its worker process died (exit code {exc.exitcode})")
