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


def _spin_on_three(x: int) -> int:
    while x == 3:  # a document the reader never finishes
        pass
    return x * x


def _rejected(args: tuple, reason: str, message: str) -> tuple:
    return args[0], reason, message


def test_a_document_past_its_budget_is_stopped_and_the_others_finish():
    results = list(
        iter_documents(_spin_on_three, [(i,) for i in range(6)], workers=2, budget_s=1.0, rejected=_rejected)
    )
    assert results[:3] == [0, 1, 4] and results[4:] == [16, 25]
    assert results[3][:2] == (3, "too_complex") and "time budget of 1 s" in results[3][2]


def test_a_worker_dying_under_a_budget_costs_its_document_only(monkeypatch):
    monkeypatch.setenv("BATCH_TEST_PARENT", str(os.getpid()))
    results = list(
        iter_documents(_die_on_seven, [(i,) for i in range(9)], workers=1, budget_s=30, rejected=_rejected)
    )
    assert [r for i, r in enumerate(results) if i != 7] == [i * i for i in range(9) if i != 7]
    assert results[7][:2] == (7, "worker_died")
