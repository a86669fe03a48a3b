"""The asset check on checks across reports (warehouse/cross_report.py).

WARN when any report disagrees with another one: a stated % of the same period that the
earlier year's figure does not give, or two issuers' different figures for one unit and
period. Its metadata holds the counts per kind and verdict and a few failing rows with
both files and both quotes, so the files to look at are named in the Dagster UI.
"""

from pathlib import Path

import dagster as dg

from orchestration.resources import Warehouse
from warehouse.snapshot import reading

FAILING_ROWS = 5

_FAILING_SQL = f"""
    SELECT check_kind, source_file, quote, stated, computed, earlier_source_file, earlier_quote
    FROM v_cross_report_checks WHERE verdict = 'fail'
    ORDER BY source_file, fact_index LIMIT {FAILING_ROWS}
"""


def _counts(con) -> dict[str, int]:
    rows = con.execute(
        "SELECT check_kind || '/' || verdict, count(*) FROM cross_report_check GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return dict(rows)


@dg.asset_check(
    asset="fact_indicator_value",
    description="Reports agree with each other: % of the same period and changes with the earlier "
    "year's report, two issuers of one unit and period (WARN; revisions are not failures).",
)
def reports_agree_across_reports(warehouse: Warehouse) -> dg.AssetCheckResult:
    from expectations.cross_report_suite import validate_cross_report

    path = Path(warehouse.path)
    with reading(path) as con:
        if con is None:
            return dg.AssetCheckResult(
                passed=False,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"error": f"{path} does not exist"},
            )
        report = validate_cross_report(con)
        counts = _counts(con)
        cursor = con.execute(_FAILING_SQL)
        names = [d[0] for d in cursor.description]
        failing = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    files = sorted({f for row in failing for f in (row["source_file"], row["earlier_source_file"]) if f})
    failed = sum(n for key, n in counts.items() if key.endswith("/fail"))
    return dg.AssetCheckResult(
        passed=bool(report.success),
        severity=dg.AssetCheckSeverity.WARN,
        description=(f"{failed} checks across reports fail; see {', '.join(files)}" if failed else None),
        metadata={
            "checks": sum(counts.values()),
            "checks_failed": failed,
            # the names every asset check of the project reports its counts by
            "rows_checked": sum(counts.values()),
            "rows_failed": failed,
            "by_kind_and_verdict": dg.MetadataValue.json(counts),
            "failing_files": dg.MetadataValue.json(files),
            "failing_rows": dg.MetadataValue.json(
                [{k: (None if v is None else str(v)) for k, v in row.items()} for row in failing]
            ),
        },
    )
