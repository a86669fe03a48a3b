"""Resources: where the landing folder and the warehouse are.

Defaults come from the contract settings (REPORTS_LANDING_DIR, REPORTS_WAREHOUSE_PATH),
read when the definitions load; tests pass their own folders.
"""

import dagster as dg

from warehouse import settings


class LandingFolder(dg.ConfigurableResource):
    """The folder raw report files arrive in. Read-only to the pipeline."""

    path: str
    max_file_mb: float = 20.0
    workers: int = 0  # processes for parsing; 0 = every core
    # Budgets per file (warehouse/settings.py): unpacked size of an Office file, and seconds
    # to decode one file and to extract one document's facts (0: no budget, run inline).
    max_unpacked_mb: float = settings.DEFAULT_MAX_UNPACKED_MB
    decode_budget_s: float = settings.DEFAULT_DECODE_BUDGET_S
    extract_budget_s: float = settings.DEFAULT_EXTRACT_BUDGET_S

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unpacked_bytes(self) -> int:
        return int(self.max_unpacked_mb * 1024 * 1024)


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Written only by swapping in a finished copy."""

    path: str
    lock_timeout_s: float = (
        900.0  # a second run waits this long for the first (run and write locks), then fails
    )


def default_resources() -> dict:
    from orchestration.io_managers import frame_files_io_manager

    return {
        "io_manager": frame_files_io_manager,
        "landing": LandingFolder(
            path=str(settings.landing_dir()),
            max_file_mb=settings.max_file_bytes() / 1024 / 1024,
            max_unpacked_mb=settings.max_unpacked_bytes() / 1024 / 1024,
            decode_budget_s=settings.decode_budget_s(),
            extract_budget_s=settings.extract_budget_s(),
        ),
        "warehouse": Warehouse(path=str(settings.warehouse_path())),
    }
