"""Asset check results over the whole warehouse, for the checks declared on the warehouse
tables (orchestration/warehouse_assets.py; the groups in expectations/check_groups.py).

The facts and documents suites ran in `validation_verdicts` when each report was parsed,
and their failures are stored in `validation_failure`; the checks read them back for every
current fact, so a run that parsed nothing still reports what the warehouse holds. The
warehouse suite runs once per run, on the file about to be swapped in.
"""

from datetime import date

import dagster as dg
import duckdb
import polars as pl

from expectations import documents_suite, facts_suite
from expectations.check_groups import GROUPS, CheckGroup, members
from expectations.report import ValidationReport
from warehouse.inspect import stored_failures

_SEVERITY = {"warn": dg.AssetCheckSeverity.WARN, "error": dg.AssetCheckSeverity.ERROR}


def check_specs() -> list[dg.AssetCheckSpec]:
    return [
        dg.AssetCheckSpec(g.name, asset=g.table, description=g.description, blocking=g.blocking)
        for g in GROUPS
    ]


def _suite_expectations(suite: str) -> list[str]:
    if suite == facts_suite.SUITE:
        return [c.name for c in facts_suite.checks()]
    return [c.name for c in documents_suite.checks(date.today())]


def _table(frame: pl.DataFrame) -> dg.MetadataValue:
    """Failing rows as a Markdown table (file, indicator, value, quote, reason)."""
    if not frame.height:
        return dg.MetadataValue.md("(none)")

    def cell(value) -> str:
        return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")[:160]

    lines = ["| " + " | ".join(frame.columns) + " |", "|" + " --- |" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))


def _stored_result(con: duckdb.DuckDBPyConnection, group: CheckGroup) -> dg.AssetCheckResult:
    names = members(group, _suite_expectations(group.suite))
    found = stored_failures(con, group.suite, names, per_fact=group.suite == facts_suite.SUITE)
    return dg.AssetCheckResult(
        check_name=group.name,
        asset_key=group.table,
        passed=found.rows_failed == 0,
        severity=_SEVERITY[group.severity],
        description=group.description,
        metadata={
            "rows_checked": found.rows_checked,
            "rows_failed": found.rows_failed,
            "failures_by_expectation": dg.MetadataValue.json(found.by_expectation),
            "failing_rows": _table(found.sample),
        },
    )


def _suite_result(report: ValidationReport, group: CheckGroup) -> dg.AssetCheckResult:
    failures = report.failures.head(10).select(
        "document_id", "fact_index", "expectation", "observed", "expected"
    )
    return dg.AssetCheckResult(
        check_name=group.name,
        asset_key=group.table,
        passed=bool(report.success),
        severity=_SEVERITY[group.severity],
        description=group.description,
        metadata={
            "rows_checked": max((int(e.get("rows_checked") or 0) for e in report.expectations), default=0),
            "rows_failed": report.failures.select("document_id", "fact_index").unique().height,
            "failures_by_expectation": dg.MetadataValue.json(
                {e["expectation"]: int(e.get("rows_failed") or 0) for e in report.expectations}
            ),
            "failing_rows": _table(failures),
        },
    )


def evaluate(con: duckdb.DuckDBPyConnection, warehouse_report: ValidationReport) -> list[dg.AssetCheckResult]:
    """Every declared check over the warehouse `con` holds."""
    return [
        _suite_result(warehouse_report, g) if g.suite == warehouse_report.suite else _stored_result(con, g)
        for g in GROUPS
    ]


def blocking_failures(results: list[dg.AssetCheckResult]) -> list[str]:
    return [r.check_name for r in results if not r.passed and r.severity == dg.AssetCheckSeverity.ERROR]
