"""Sensors: start a refresh when files arrive, change or disappear in the landing folder."""

import hashlib
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl

from orchestration.jobs import refresh_warehouse
from orchestration.resources import LandingFolder, Warehouse
from warehouse.landing import scan_folder
from warehouse.snapshot import reading
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
    except duckdb.Error:
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
