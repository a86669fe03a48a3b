"""`make sql` (orchestration/sql.py): the DuckDB CLI, read-only, with full-text search."""

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.search import refresh_search
from warehouse.snapshot import apply_schema

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _sql(warehouse: Path, stdin: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPORTS_WAREHOUSE_PATH": str(warehouse)}
    return subprocess.run(
        [sys.executable, "-m", "orchestration.sql"],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=120,
    )


def test_a_missing_warehouse_is_one_sentence(tmp_path):
    done = _sql(tmp_path / "none.duckdb", "")
    assert done.returncode == 2
    assert done.stderr.strip() == f"no warehouse at {tmp_path / 'none.duckdb'}: run 'make run' first"


def test_the_client_opens_the_file_read_only_with_search(tmp_path):
    if not Path(sys.executable).with_name("duckdb").is_file():
        pytest.skip("duckdb-cli (the 'sql' extra) is not installed")
    warehouse = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(warehouse))
    apply_schema(con)
    con.execute(
        "INSERT INTO fact_indicator_value (document_id, fact_index, quote) VALUES ('d', 0, 'thu ngân sách')"
    )
    refresh_search(con, documents_changed=True)
    con.close()
    done = _sql(warehouse, "SELECT count(*) FROM search_fact; CREATE TABLE t (x INTEGER);\n")
    assert "1" in done.stdout
    assert "read-only" in (done.stdout + done.stderr).lower()
