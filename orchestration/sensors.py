"""Sensors: start a refresh when files arrive, change or disappear in the landing folder; record
every failed run."""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from orchestration.console import one_line
from orchestration.jobs import refresh_warehouse
from orchestration.resources import LandingFolder, Warehouse
from warehouse.landing import scan_folder
from warehouse.run_log import record_failed_run
from warehouse.snapshot import WarehouseInUseError, reading
from warehouse.state import current_files


def listing_fingerprint(files: pl.DataFrame) -> str:
    """A digest of a listing's paths, sizes and mtimes (no file is read)."""
    digest = hashlib.sha256()
    for path, size, mtime in files.sort("path").select("path", "size_bytes", "mtime").iter_rows():
        stamp = mtime.isoformat() if mtime else ""  # none for an entry that could not be examined
        digest.update(f"{path}\x1f{size}\x1f{stamp}\n".encode())
    return digest.hexdigest()[:20]


def folder_fingerprint(folder: Path) -> tuple[str, int]:
    """The landing folder's fingerprint now, and its file count."""
    scanned, _ = scan_folder(folder)
    return listing_fingerprint(scanned), scanned.height


def loaded_fingerprint(warehouse: Path) -> str | None:
    """The fingerprint of the listing the warehouse's last successful load saw (None: no
    warehouse yet, or it cannot be read now — then the first tick requests a run)."""
    try:
        with reading(warehouse) as con:
            return None if con is None else listing_fingerprint(current_files(con))
    except (duckdb.Error, WarehouseInUseError):
        return None


@dg.sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a refresh when the landing folder's listing (names, sizes, mtimes) changes. "
    "Its first tick compares the folder with what the warehouse last loaded, so starting `make dev` "
    "after `make run` writes nothing until a file changes.",
)
def landing_folder_sensor(context: dg.SensorEvaluationContext, landing: LandingFolder, warehouse: Warehouse):
    folder = Path(landing.path)
    if not folder.is_dir():
        return dg.SkipReason(f"landing folder {folder} does not exist")
    fingerprint, count = folder_fingerprint(folder)
    previous = context.cursor or loaded_fingerprint(Path(warehouse.path))
    if fingerprint == previous:
        context.update_cursor(fingerprint)
        return dg.SkipReason(f"no change in {count} files since the last load")
    # The key names the transition, not only the new state: the same change is never run
    # twice, but a folder that returns to an earlier state (A → B → A) is run again.
    run_key = f"landing-{previous or 'start'}-{fingerprint}"
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=run_key, tags={"landing_files": str(count)})


def run_error(failure_event: dg.DagsterEvent, step_failures: list[dg.DagsterEvent]) -> str:
    """Why a run failed, in a line: its first failed step and that step's error, else the
    run's own message (a crashed run worker, a failure before any step)."""
    for event in step_failures:
        return f"{event.step_key}: {one_line(event.step_failure_data.error)}"
    return failure_event.message or "the run failed"


@dg.run_failure_sensor(
    name="record_failed_runs",
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Writes every failed run to the daemon's log and records it for the warehouse's "
    "pipeline_run table (status failure, with the error), loaded by the next run.",
)
def record_failed_runs(context: dg.RunFailureSensorContext, warehouse: Warehouse) -> None:
    run = context.dagster_run
    error = run_error(context.failure_event, context.get_step_failure_events())
    context.log.error(f"run {run.run_id} of {run.job_name} failed: {error}")
    record_failed_run(
        Path(warehouse.path), run.run_id, run.job_name, datetime.now(UTC).replace(tzinfo=None), error
    )
