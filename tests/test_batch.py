"""Parallel parsing keeps order, and survives a worker that dies."""

import os

import pytest

from transforms.batch import INLINE_BELOW, iter_documents, map_documents

pytestmark = pytest.mark.slow  # starts process pools: left out by `make test-fast`


def _square(x: int) -> int:
    return x * x


def _die_on_seven(x: int) -> int:
    if x == 7 and os.environ.get("BATCH_TEST_PARENT") != str(os.getpid()):
        os._exit(1)  # a worker crashing hard (as a C library can on a hostile file)
    return x * x


def test_results_keep_their_order_in_a_pool():
    n = INLINE_BELOW * 4
    assert map_documents(_square, [(i,) for i in range(n)], workers=2) == [i * i for i in range(n)]


def test_generator_input_with_count():
    n = INLINE_BELOW * 2
    assert list(iter_documents(_square, ((i,) for i in range(n)), workers=2, count=n)) == [
        i * i for i in range(n)
    ]


def test_a_dead_worker_does_not_lose_documents(monkeypatch):
    monkeypatch.setenv("BATCH_TEST_PARENT", str(os.getpid()))
    n = INLINE_BELOW * 4
    assert map_documents(_die_on_seven, [(i,) for i in range(n)], workers=2) == [i * i for i in range(n)]
