"""The warehouse is only ever replaced whole: crashes, readers and rival writers."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from warehouse.snapshot import WarehouseBusyError, building, reading, write_lock

pytestmark = (
    pytest.mark.slow
)  # real warehouse files, rival processes and SIGKILL: left out by `make test-fast`


def _rows(path: Path) -> list[tuple]:
    with reading(path) as con:
        return con.execute("SELECT path, status FROM landing_file ORDER BY path").fetchall()


def _add_file_row(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute(
        "INSERT INTO landing_file (path, source_file, status, first_seen, last_seen) "
        "VALUES (?, ?, 'loaded', now(), now())",
        [name, name],
    )


def test_building_creates_schema_and_swaps_in(tmp_path):
    path = tmp_path / "wh.duckdb"
    with building(path) as con:
        _add_file_row(con, "a.txt")
    assert _rows(path) == [("a.txt", "loaded")]
    with reading(path) as con:
        views = {
            r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        }
    assert {"v_facts", "v_documents"} <= views
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))


def test_failure_inside_build_leaves_previous_state(tmp_path):
    path = tmp_path / "wh.duckdb"
    with building(path) as con:
        _add_file_row(con, "a.txt")
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="boom"), building(path) as con:
        _add_file_row(con, "b.txt")
        raise RuntimeError("boom")
    assert path.read_bytes() == before
    assert _rows(path) == [("a.txt", "loaded")]
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))


def test_reader_keeps_its_snapshot_and_does_not_block_the_writer(tmp_path):
    path = tmp_path / "wh.duckdb"
    with building(path) as con:
        _add_file_row(con, "a.txt")
    # An analyst in another process holds the file open read-only during the next build.
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r}, read_only=True)
            print(con.execute("SELECT count(*) FROM landing_file").fetchone()[0], flush=True)
            sys.stdin.readline()
            print(con.execute("SELECT count(*) FROM landing_file").fetchone()[0], flush=True)
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "1"
        with building(path, lock_timeout_s=5) as con:
            _add_file_row(con, "b.txt")
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"  # still its own consistent snapshot
    finally:
        reader.communicate(timeout=30)
    assert [r[0] for r in _rows(path)] == ["a.txt", "b.txt"]


def test_second_writer_waits_then_fails_clearly(tmp_path):
    path = tmp_path / "wh.duckdb"
    with (
        write_lock(path, timeout_s=1),
        pytest.raises(WarehouseBusyError, match="another pipeline run"),
        building(path, lock_timeout_s=0.5),
    ):
        pass


def test_sigkill_during_build_leaves_previous_state(tmp_path):
    path = tmp_path / "wh.duckdb"
    with building(path) as con:
        _add_file_row(con, "a.txt")
    before = path.read_bytes()
    project = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            sys.path.insert(0, {str(project)!r})
            from warehouse.snapshot import building
            with building(__import__("pathlib").Path({str(path)!r})) as con:
                con.execute("INSERT INTO landing_file (path, source_file, status, first_seen, last_seen) "
                            "SELECT 'f' || i, 'f', 'loaded', now(), now() FROM range(100000) t(i)")
                print("loading", flush=True)
                time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "loading"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert path.read_bytes() == before
    assert list(tmp_path.glob(".wh.duckdb.building-*"))  # the dead run's leftovers...
    with building(path) as con:
        _add_file_row(con, "b.txt")
    assert [r[0] for r in _rows(path)] == ["a.txt", "b.txt"]
    assert not list(tmp_path.glob(".wh.duckdb.building-*"))  # ...cleaned by the next run
