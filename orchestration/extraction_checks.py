"""The asset check that no report lost its facts to an extraction error.

A document whose fact extraction raised is not loaded (warehouse/changes.py): its file is
marked `extraction_failed` with the error, keeps the facts it had before (if any), and is
parsed again by the next run. This check fails (ERROR, not blocking: the rest of the run's
work is sound) for as long as any current file is in that state, and names the files.
"""

from pathlib import Path

import dagster as dg

from orchestration.resources import Warehouse
from warehouse.snapshot import reading

SHOWN = 10

_COUNTS_SQL = """
    SELECT count(*) FILTER (WHERE status <> 'removed'), count(*) FILTER (WHERE status = 'extraction_failed')
    FROM landing_file
"""
_FAILED_SQL = f"""
    SELECT path, error FROM landing_file WHERE status = 'extraction_failed' ORDER BY path LIMIT {SHOWN}
"""


def _failed_files(warehouse: Path) -> tuple[int, int, list[tuple[str, str]]]:
    """Current files, files in state extraction_failed, and the first few of those with errors."""
    with reading(warehouse) as con:
        if con is None:
            return 0, 0, []
        checked, failed = con.execute(_COUNTS_SQL).fetchone()
        return checked, failed, con.execute(_FAILED_SQL).fetchall()


@dg.asset_check(
    asset="landing_file",
    description="Every current report's facts were extracted: a file whose extraction raised is "
    "recorded as extraction_failed (it keeps its earlier facts and is retried next run) and fails this check.",
)
def every_report_extracted(warehouse: Warehouse) -> dg.AssetCheckResult:
    checked, failed, shown = _failed_files(Path(warehouse.path))
    names = ", ".join(path for path, _ in shown)
    return dg.AssetCheckResult(
        passed=failed == 0,
        severity=dg.AssetCheckSeverity.ERROR,
        description=f"{failed} files whose facts could not be extracted: {names}" if failed else None,
        metadata={
            "rows_checked": checked,
            "rows_failed": failed,
            "failing_rows": dg.MetadataValue.json(dict(shown)),  # path → error, as the other checks name it
        },
    )
