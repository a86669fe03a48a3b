"""Run a per-document function over many documents on every core.

Small batches run inline: starting worker processes costs more than it saves for a
handful of files (the common nightly case). Workers come from a forkserver so they
start clean of the parent's threads (Dagster runs some in the background).
"""

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

INLINE_BELOW = 24  # documents; below this a pool does not pay for its start-up


def worker_count(requested: int = 0) -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(requested or available, available))


def map_documents(fn: Callable[..., Any], args: Sequence[tuple], workers: int = 0) -> list[Any]:
    """[fn(*a) for a in args], in order, spread over processes when it is worth it."""
    return list(iter_documents(fn, args, workers))


def iter_documents(
    fn: Callable[..., Any], args: Iterable[tuple], workers: int = 0, count: int | None = None
) -> Iterator[Any]:
    """fn(*a) for each a, in order, as the results come: callers can fold them into
    frames as they go instead of holding every document's text at once. `args` may be a
    generator; `count` (its length) then decides whether a pool is worth starting."""
    workers = worker_count(workers)
    count = len(args) if count is None else count
    if workers == 1 or count < INLINE_BELOW:
        yield from (fn(*a) for a in args)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["transforms.report"])
    chunksize = max(1, min(64, count // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_call, _with_fn(fn, args), chunksize=chunksize)


def _with_fn(fn: Callable[..., Any], args: Iterable[tuple]) -> Iterable[tuple]:
    for a in args:
        yield (fn, a)


def _call(packed: tuple) -> Any:
    fn, a = packed
    return fn(*a)
