"""`make run` with a wrong setting: fails at once, with one line saying what to do."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[1]


def run_cli(tmp_path: Path, landing: Path, warehouse: Path) -> tuple[int, str, float]:
    """`python -m orchestration.run` as `make run` starts it: (exit status, stderr, seconds)."""
    env = {
        **os.environ,
        "REPORTS_LANDING_DIR": str(landing),
        "REPORTS_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
    }
    env.pop("VERBOSE", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.run"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    return done.returncode, done.stderr, time.monotonic() - started


def assert_one_line_failure(result: tuple[int, str, float], *phrases: str) -> None:
    code, stderr, seconds = result
    assert code == 2
    assert seconds < 5
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr  # no traceback
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    folder = tmp_path / "landing"
    folder.mkdir()
    (folder / "a.txt").write_text("Báo cáo", encoding="utf-8")
    return folder


def test_landing_path_that_is_a_file(tmp_path):
    afile = tmp_path / "reports.txt"
    afile.write_text("Báo cáo", encoding="utf-8")
    result = run_cli(tmp_path, afile, tmp_path / "wh.duckdb")
    assert_one_line_failure(result, "is a file, not a folder", "REPORTS_LANDING_DIR")


def test_landing_folder_missing(tmp_path):
    result = run_cli(tmp_path, tmp_path / "nowhere", tmp_path / "wh.duckdb")
    assert_one_line_failure(result, "does not exist", "REPORTS_LANDING_DIR")


def test_warehouse_folder_not_writable(tmp_path, landing):
    # /proc accepts no new files, even from root (a chmod would not stop root).
    result = run_cli(tmp_path, landing, Path("/proc/reports.duckdb"))
    assert_one_line_failure(result, "not writable", "REPORTS_WAREHOUSE_PATH")


def test_warehouse_folder_that_is_a_file(tmp_path, landing):
    afile = tmp_path / "warehouse"
    afile.write_text("", encoding="utf-8")
    result = run_cli(tmp_path, landing, afile / "reports.duckdb")
    assert_one_line_failure(result, "is a file", "REPORTS_WAREHOUSE_PATH")


def test_warehouse_held_read_write_by_another_process(tmp_path, landing):
    warehouse = tmp_path / "wh.duckdb"
    duckdb.connect(str(warehouse)).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r})  # read-write, as the DuckDB CLI opens files
            print("holding", flush=True)
            sys.stdin.readline()
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = run_cli(tmp_path, landing, warehouse)
    finally:
        holder.communicate("\n", timeout=30)
    assert_one_line_failure(result, "open read-write", "duckdb -readonly")


def test_env_file_fills_only_what_the_environment_leaves_unset(tmp_path, monkeypatch):
    from orchestration.run import load_env_file

    env_file = tmp_path / ".env"
    env_file.write_text("REPORTS_LANDING_DIR=/from/file\nREPORTS_MAX_FILE_MB=5\n", encoding="utf-8")
    monkeypatch.setenv("REPORTS_LANDING_DIR", "/from/environment")
    monkeypatch.delenv("REPORTS_MAX_FILE_MB", raising=False)
    load_env_file(env_file)
    assert os.environ["REPORTS_LANDING_DIR"] == "/from/environment"
    assert os.environ["REPORTS_MAX_FILE_MB"] == "5"
