"""Sensors: start a refresh when files arrive, change or disappear in the landing folder."""

import hashlib
from pathlib import Path

import dagster as dg

from orchestration.jobs import refresh_warehouse
from orchestration.resources import LandingFolder
from warehouse.landing import scan_folder


def folder_fingerprint(folder: Path) -> tuple[str, int]:
    """A digest of every file's path, size and mtime (no reading), and the file count."""
    scanned, _ = scan_folder(folder)
    digest = hashlib.sha256()
    for path, size, mtime in scanned.select("path", "size_bytes", "mtime").iter_rows():
        digest.update(f"{path}\x1f{size}\x1f{mtime.isoformat()}\n".encode())
    return digest.hexdigest()[:20], scanned.height


@dg.sensor(
    job=refresh_warehouse,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a refresh when the landing folder's listing (names, sizes, mtimes) changes.",
)
def landing_folder_sensor(context: dg.SensorEvaluationContext, landing: LandingFolder):
    folder = Path(landing.path)
    if not folder.is_dir():
        return dg.SkipReason(f"landing folder {folder} does not exist")
    fingerprint, count = folder_fingerprint(folder)
    if fingerprint == context.cursor:
        return dg.SkipReason(f"no change in {count} files")
    # The key names the transition, not only the new state: the same change is never run
    # twice, but a folder that returns to an earlier state (A → B → A) is run again.
    run_key = f"landing-{context.cursor or 'start'}-{fingerprint}"
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=run_key, tags={"landing_files": str(count)})
