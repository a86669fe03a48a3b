"""Failed runs, recorded where a person looks: a small file at once, a `pipeline_run` row with
the next load.

The warehouse allows one writer, and a write is a copy-and-swap of the whole file
(warehouse.snapshot). A failed run's record must not need either: the failure may be a full
disk or a held lock, and the run-failure sensor must not wait for, or race with, the next
run. So the failure is written as one small JSON file (temp file, then rename: complete or
absent) under `<warehouse>.failed_runs/`; the next load, under the write lock, inserts each
file's row into `pipeline_run` (status failure, with the error) and removes the files once
its new version is swapped in. A row already present is not inserted twice.
"""

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse import settings


def record_failed_run(warehouse: Path, run_id: str, job_name: str, failed_at: datetime, error: str) -> Path:
    """Write the failed run's record beside the warehouse; returns the file."""
    folder = settings.failed_runs_dir(Path(warehouse))
    folder.mkdir(parents=True, exist_ok=True)
    record = {"run_id": run_id, "job_name": job_name, "failed_at": failed_at.isoformat(), "error": error}
    target = folder / f"{run_id}.json"
    temp = folder / f".{run_id}.json.tmp"
    temp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, target)
    return target


def pending_failed_runs(warehouse: Path) -> list[tuple[Path, dict]]:
    """The records not loaded yet, oldest first (files that do not parse are left alone)."""
    folder = settings.failed_runs_dir(Path(warehouse))
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        with contextlib.suppress(OSError, ValueError):
            found.append((path, json.loads(path.read_text(encoding="utf-8"))))
    return sorted(found, key=lambda item: item[1].get("failed_at", ""))


def load_failed_runs(con: duckdb.DuckDBPyConnection, warehouse: Path) -> list[Path]:
    """Insert the pending records into `pipeline_run`; returns their files, to remove once the
    load is swapped in (forget_loaded)."""
    loaded = []
    for path, record in pending_failed_runs(warehouse):
        con.execute(
            """
            INSERT INTO pipeline_run (run_id, finished_at, status, error)
            SELECT ?, ?, 'failure', ?
            WHERE NOT EXISTS (SELECT 1 FROM pipeline_run WHERE run_id = ? AND status = 'failure')
            """,
            [
                record["run_id"],
                datetime.fromisoformat(record["failed_at"]),
                record["error"],
                record["run_id"],
            ],
        )
        loaded.append(path)
    return loaded


def forget_loaded(files: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)
