"""Resources: where the landing folder and the warehouse are.

Defaults come from the contract settings (REPORTS_LANDING_DIR, REPORTS_WAREHOUSE_PATH),
read when the definitions load; tests pass their own folders.
"""

import contextlib
from pathlib import Path

import dagster as dg

from warehouse import settings
from warehouse.snapshot import run_lock


class LandingFolder(dg.ConfigurableResource):
    """The folder raw report files arrive in. Read-only to the pipeline."""

    path: str
    max_file_mb: float = 20.0
    workers: int = 0  # processes for parsing; 0 = every core

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Written only by swapping in a finished copy."""

    path: str
    lock_timeout_s: float = 900.0  # a second run waits this long for the first, then fails

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        """In a run, the warehouse's run lock is held from the first step to the last (the job
        runs in one process, so its resources are set up once): runs against one warehouse never
        overlap. A sensor's evaluation has no run and takes no lock."""
        if context.dagster_run is None:
            yield self
            return
        with run_lock(Path(self.path), self.lock_timeout_s):
            yield self


def default_resources() -> dict:
    from orchestration.io_managers import FrameFilesIOManagerFactory

    return {
        "io_manager": FrameFilesIOManagerFactory(),
        "landing": LandingFolder(
            path=str(settings.landing_dir()), max_file_mb=settings.max_file_bytes() / 1024 / 1024
        ),
        "warehouse": Warehouse(path=str(settings.warehouse_path())),
    }
