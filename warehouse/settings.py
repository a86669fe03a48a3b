"""Where things are: the two contract settings and the folders derived from them.

Read at call time (not import time) so tests and `make run VAR=...` can point the
pipeline elsewhere.
"""

import os
from pathlib import Path

from transforms.decode import DEFAULT_MAX_UNPACKED_BYTES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_REPORTS_DIR = PROJECT_ROOT / "samples" / "reports"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "warehouse" / "reports.duckdb"


def landing_dir() -> Path:
    """REPORTS_LANDING_DIR, or the project's own sample reports."""
    value = os.environ.get("REPORTS_LANDING_DIR")
    return Path(value).expanduser().resolve() if value else SAMPLE_REPORTS_DIR


def warehouse_path() -> Path:
    """REPORTS_WAREHOUSE_PATH (relative paths are taken from the working directory)."""
    value = os.environ.get("REPORTS_WAREHOUSE_PATH")
    return Path(value).expanduser().resolve() if value else DEFAULT_WAREHOUSE_PATH


def data_docs_dir(warehouse: Path) -> Path:
    """GX Data Docs live beside the warehouse file they describe, one site per file
    (`warehouse/reports.duckdb.data_docs/`), so two warehouses in a folder keep theirs."""
    return warehouse.with_name(warehouse.name + ".data_docs")


def review_dir(warehouse: Path) -> Path:
    """The review pages of a warehouse file (`warehouse/reports.duckdb.review/`)."""
    return warehouse.with_name(warehouse.name + ".review")


def failed_runs_dir(warehouse: Path) -> Path:
    """Records of failed runs waiting for the next load into pipeline_run
    (`warehouse/reports.duckdb.failed_runs/`, warehouse.run_log)."""
    return warehouse.with_name(warehouse.name + ".failed_runs")


def max_file_bytes() -> int:
    """Files above this size are rejected unread (REPORTS_MAX_FILE_MB, default 20)."""
    return int(float(os.environ.get("REPORTS_MAX_FILE_MB", "20")) * 1024 * 1024)


# The mass-removal guard (warehouse.landing.Removal): a run that would delete every document
# of the warehouse, or more than this share of them and at least this many, stops before
# changing anything unless the removal is confirmed (`make run CONFIRM_REMOVAL=1`). Removing
# 1 of 2 or 2 of 3 documents goes through; 3 of 5, 2 of 2 or 1 of 1 needs the confirmation.
REMOVAL_GUARD_SHARE = 0.5
REMOVAL_GUARD_MIN_DOCUMENTS = 3


# Budgets per file: what one hostile file may cost before it is rejected (README, "What lands
# in the folder"). A real report needs well under a second of each budget.
DEFAULT_MAX_UNPACKED_MB = DEFAULT_MAX_UNPACKED_BYTES / 1024 / 1024  # 50
DEFAULT_DECODE_BUDGET_S = 60.0
DEFAULT_EXTRACT_BUDGET_S = 60.0


def _number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


def max_unpacked_bytes() -> int:
    """An Office file whose parts would inflate past this is rejected (REPORTS_MAX_UNPACKED_MB,
    default 50): a zip bomb is refused before it fills the memory."""
    return int(_number("REPORTS_MAX_UNPACKED_MB", DEFAULT_MAX_UNPACKED_MB) * 1024 * 1024)


def decode_budget_s() -> float:
    """Seconds one file may take to be decoded with its metadata read (REPORTS_DECODE_BUDGET_S,
    default 60; 0 turns the budget off); past it the worker is killed, the file rejected."""
    return _number("REPORTS_DECODE_BUDGET_S", DEFAULT_DECODE_BUDGET_S)


def extract_budget_s() -> float:
    """Seconds one document's facts may take (REPORTS_EXTRACT_BUDGET_S, default 60; 0: off)."""
    return _number("REPORTS_EXTRACT_BUDGET_S", DEFAULT_EXTRACT_BUDGET_S)
