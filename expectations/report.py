"""What a suite run hands back: a plain dataclass, independent of GX's own result objects.

Nothing here imports Great Expectations, so Dagster code can type against it for free.
"""

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from transforms.schema import FAILURE_SCHEMA

SEVERITIES = ("warn", "error")


def empty_failures() -> pl.DataFrame:
    return pl.DataFrame(schema=FAILURE_SCHEMA)


def json_safe(value: Any) -> Any:
    """numpy scalars (what GX puts in its results) and dates as plain JSON values."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@dataclass
class ValidationReport:
    """The outcome of one suite over one frame.

    `expectations` has one summary per expectation: {expectation, column, success,
    rows_checked, rows_failed, severity}. `failures` has one row per failed expectation
    per fact/document (FAILURE_SCHEMA). `gx_suite` / `gx_result` are GX's own objects,
    kept only so Data Docs can be built later without validating again.
    """

    suite: str
    success: bool
    statistics: dict
    expectations: list[dict]
    failures: pl.DataFrame = field(default_factory=empty_failures)
    gx_suite: Any = field(default=None, repr=False, compare=False)
    gx_result: Any = field(default=None, repr=False, compare=False)

    def failed_keys(self) -> set[tuple[str | None, int | None]]:
        """(document_id, fact_index) of every row that failed something."""
        keys = self.failures.select("document_id", "fact_index").unique()
        return set(keys.iter_rows())

    def failed_expectations(self) -> list[str]:
        return [e["expectation"] for e in self.expectations if not e["success"]]

    def sample_failures(self, n: int = 5) -> list[dict]:
        """A few failure rows, JSON-safe, for Dagster metadata and logs."""
        return [json_safe(row) for row in self.failures.head(n).iter_rows(named=True)]

    def to_metadata(self) -> dict:
        """JSON-safe summary (statistics, per-expectation summaries, a few failures)."""
        return {
            "suite": self.suite,
            "success": bool(self.success),
            "statistics": json_safe(self.statistics),
            "expectations": json_safe(self.expectations),
            "sample_failures": self.sample_failures(),
        }
