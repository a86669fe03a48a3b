"""End to end: the landing folder's hostile entries, races and read errors, and the
mass-removal guard, through the real Dagster definitions into a real DuckDB file.

The race windows are forced with warehouse.landing_read.RACE_HOOK (workers=1 and no decode
budget, so the parse runs in this process); permission errors are injected at the OS call (these tests may run
as root, whom no permission stops). See tests/test_landing_safety.py for the unit level.
"""

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipeline_helpers import IN_PROCESS, fact_checksum, query, run_pipeline
from tests.test_landing_safety import report, write_reports
from warehouse import landing_read

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`

PROJECT = Path(__file__).resolve().parents[1]
SECRET = "MẬT-KHẨU-KHÔNG-ĐƯỢC-ĐỌC"


def _cli(tmp_path: Path, landing: Path, warehouse: Path, **env: str) -> subprocess.CompletedProcess:
    """`python -m orchestration.run`, as `make run` starts it."""
    environment = {
        **os.environ,
        "REPORTS_LANDING_DIR": str(landing),
        "REPORTS_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        **env,
    }
    environment.pop("VERBOSE", None)
    if "CONFIRM_REMOVAL" not in env:
        environment.pop("CONFIRM_REMOVAL", None)
    return subprocess.run(
        [sys.executable, "-m", "orchestration.run"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _fingerprint(path: Path) -> tuple:
    status = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), status.st_mtime_ns, status.st_ino


def test_an_emptied_folder_is_refused_until_the_removal_is_confirmed(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    paths = write_reports(landing, 3)
    assert run_pipeline(landing, warehouse).success
    before = _fingerprint(warehouse)
    for path in paths:  # an unmounted share looks like this
        path.unlink()

    refused = _cli(tmp_path, landing, warehouse)

    assert refused.returncode != 0
    message = refused.stderr.strip().splitlines()[-1]
    assert message.startswith("error: refusing to remove 3 of the warehouse's 3 documents"), message
    assert (
        "is empty" in message and "make run CONFIRM_REMOVAL=1" in message and "--confirm-removal" in message
    )
    assert _fingerprint(warehouse) == before  # not a byte changed, not even swapped
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(3,)]

    confirmed = _cli(tmp_path, landing, warehouse, CONFIRM_REMOVAL="1")

    assert confirmed.returncode == 0, confirmed.stderr
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(0,)]
    assert query(warehouse, "SELECT DISTINCT status FROM landing_file") == [("removed",)]


def test_most_of_the_folder_gone_is_refused_one_file_of_two_is_not(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    paths = write_reports(landing, 5)
    assert run_pipeline(landing, warehouse).success
    for path in paths[:3]:
        path.unlink()
    refused = run_pipeline(landing, warehouse, raise_on_error=False)
    assert not refused.success
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(5,)]

    small_landing, small = tmp_path / "small", tmp_path / "small.duckdb"
    pair = write_reports(small_landing, 2)
    assert run_pipeline(small_landing, small).success
    pair[0].unlink()
    assert run_pipeline(small_landing, small).success  # 1 of 2: an ordinary removal
    assert query(small, "SELECT count(*) FROM v_documents") == [(1,)]


def test_hostile_entries_cost_only_themselves(tmp_path):
    landing, good = tmp_path / "landing", tmp_path / "good"
    write_reports(landing, 3)
    write_reports(good, 3)
    with open(os.path.join(os.fsencode(landing), b"b\xe1o c\xe1o c\xfb.txt"), "wb") as handle:
        handle.write(report(7).encode("utf-8"))
    os.symlink("loop-b.txt", landing / "loop-a.txt")
    os.symlink("loop-a.txt", landing / "loop-b.txt")
    os.mkfifo(landing / "pipe.txt")
    warehouse, good_wh = tmp_path / "wh.duckdb", tmp_path / "good.duckdb"

    assert run_pipeline(landing, warehouse).success
    assert run_pipeline(good, good_wh).success

    rejected = query(warehouse, "SELECT path, error_reason FROM v_rejected_files ORDER BY path")
    assert rejected == [
        ("b\\xe1o c\\xe1o c\\xfb.txt", "bad_name"),
        ("loop-a.txt", "symlink_loop"),
        ("loop-b.txt", "symlink_loop"),
    ]
    assert fact_checksum(warehouse) == fact_checksum(good_wh)
    assert run_pipeline(landing, warehouse).success  # and again: the same rows
    assert query(warehouse, "SELECT count(*) FROM landing_file") == [(6,)]
    assert fact_checksum(warehouse) == fact_checksum(good_wh)


def _swap_at_parse(landing: Path, outside: Path):
    """Between the plan and the parse: one file becomes a symlink out of the folder, one a
    FIFO (nobody writes to it), one gets other bytes."""

    def swap(stage: str, rel: str) -> None:
        if stage != "parse":
            return
        path = landing / rel
        if rel == "bao-cao-0.txt":
            path.unlink()
            os.symlink(outside, path)
        elif rel == "bao-cao-1.txt":
            path.unlink()
            os.mkfifo(path)
        elif rel == "bao-cao-2.txt":
            path.write_text(report(40), encoding="utf-8")

    return swap


def test_files_swapped_between_scan_and_read_are_never_stored(tmp_path, monkeypatch):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    write_reports(landing, 4)
    outside = tmp_path / "passwd"
    outside.write_text(f"{SECRET}\n{report(50)}", encoding="utf-8")  # would parse fine if read
    monkeypatch.setattr(landing_read, "RACE_HOOK", _swap_at_parse(landing, outside))

    assert run_pipeline(landing, warehouse, workers=1, **IN_PROCESS).success  # the FIFO did not hang it

    monkeypatch.setattr(landing_read, "RACE_HOOK", None)
    texts = query(warehouse, "SELECT count(*) FROM document_text WHERE text LIKE ?", [f"%{SECRET}%"])
    assert texts == [(0,)]
    rows = dict(query(warehouse, "SELECT path, coalesce(error_reason, status) FROM landing_file"))
    assert rows == {
        "bao-cao-0.txt": "changed_during_run",
        "bao-cao-1.txt": "changed_during_run",
        "bao-cao-2.txt": "changed_during_run",
        "bao-cao-3.txt": "loaded",
    }
    assert query(warehouse, "SELECT count(*) FROM dim_document") == [(1,)]

    (landing / "bao-cao-1.txt").unlink()
    write_reports(landing, 1, start=1)
    assert run_pipeline(landing, warehouse, workers=1, **IN_PROCESS).success  # the next run plans them again
    loaded = query(
        warehouse, "SELECT path, content_hash, document_id FROM landing_file WHERE status = 'loaded'"
    )
    assert sorted(p for p, _, _ in loaded) == ["bao-cao-1.txt", "bao-cao-2.txt", "bao-cao-3.txt"]
    for path, content_hash, document_id in loaded:  # every id names the bytes it was read from
        assert content_hash == hashlib.sha256((landing / path).read_bytes()).hexdigest()
        assert document_id == content_hash[:16]
    changed = query(
        warehouse,
        "SELECT t.text FROM document_text t JOIN landing_file l USING (document_id) WHERE l.path = 'bao-cao-2.txt'",
    )
    assert "gieo cấy 160 ha lúa" in changed[0][0]  # report(40)'s own text, under its own hash


def _deny(names: set[str]):
    """os.open refusing, as a permission would, the files named in `names` (filled later)."""
    real_open = os.open

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):
        if dir_fd is not None and os.fspath(path) in names:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    return fake_open


def test_a_read_error_records_the_file_and_deletes_nothing(tmp_path, monkeypatch):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    write_reports(landing / "share", 3)
    top = write_reports(landing, 2, start=3)
    assert run_pipeline(landing, warehouse, workers=1, **IN_PROCESS).success
    facts_before = fact_checksum(warehouse)

    # The share's folder cannot be listed; one file is refused at the plan (it was touched, so
    # the plan opens it), one at the parse (a full refresh parses it again); a new file too.
    denied = {"bao-cao-3.txt", "fresh.txt"}
    monkeypatch.setattr(os, "scandir", _unlistable(landing / "share"))
    monkeypatch.setattr(os, "open", _deny(denied))
    monkeypatch.setattr(landing_read, "RACE_HOOK", lambda stage, rel: stage == "parse" and denied.add(rel))
    os.utime(top[0], (1, 1))
    (landing / "fresh.txt").write_text(report(9), encoding="utf-8")

    assert run_pipeline(landing, warehouse, workers=1, full_refresh=True, **IN_PROCESS).success

    monkeypatch.undo()
    assert fact_checksum(warehouse) == facts_before  # nothing retracted
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(5,)]
    rejected = dict(query(warehouse, "SELECT path, error_reason FROM v_rejected_files"))
    assert rejected == {
        "share/bao-cao-0.txt": "unreadable",
        "share/bao-cao-1.txt": "unreadable",
        "share/bao-cao-2.txt": "unreadable",
        "bao-cao-3.txt": "unreadable",
        "bao-cao-4.txt": "unreadable",
        "fresh.txt": "unreadable",
    }
    assert query(warehouse, "SELECT count(*) FROM landing_file WHERE status = 'removed'") == [(0,)]

    assert run_pipeline(landing, warehouse, workers=1, **IN_PROCESS).success  # readable again
    assert query(warehouse, "SELECT count(*) FROM v_rejected_files") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(6,)]


def _unlistable(folder: Path):
    """os.scandir refusing to list `folder`, as a permission would."""
    real_scandir = os.scandir

    def scandir(path="."):
        if isinstance(path, str | os.PathLike) and os.fspath(path) == str(folder):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    return scandir
