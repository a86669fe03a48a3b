"""Checks across reports, computed over the whole warehouse inside every load.

A report's "bằng 104,6% cùng kỳ" is checked against the same unit's report of the same
period a year earlier; two issuers' figures for one unit and period are compared; a later
figure that replaces an estimate is recorded as a revision. The table
`cross_report_check` (and the `cross_report` rows of validation_failure) are rebuilt
from scratch at each load, as a few joins (sql/cross_report.sql), so the order reports
arrive in does not matter and a removed report withdraws every verdict it supported.
"""

import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from transforms.baselines import baseline_year

SQL = Path(__file__).resolve().parents[1] / "sql" / "cross_report.sql"


@dataclass(frozen=True)
class CrossReportSummary:
    checks: int
    by_verdict: dict[str, int]  # "same_period/pass" → count
    seconds: float


def _change_baselines(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Each distinct (change_vs, period year) with the year its same period compares with."""
    pairs = con.sql(
        "SELECT DISTINCT f.change_vs, p.period_year FROM fact_indicator_value AS f "
        "JOIN dim_period AS p USING (period_id) WHERE f.change_vs IS NOT NULL"
    ).fetchall()
    return pl.DataFrame(
        [(vs, year, baseline_year(vs, year)) for vs, year in pairs],
        schema={"change_vs": pl.String, "period_year": pl.Int32, "baseline_year": pl.Int32},
        orient="row",
    )


def rebuild_cross_report_checks(con: duckdb.DuckDBPyConnection) -> CrossReportSummary:
    """Recompute every check across reports from the facts now in the warehouse."""
    started = time.perf_counter()
    con.register("change_baseline", _change_baselines(con))
    try:
        con.execute(SQL.read_text(encoding="utf-8"))
    finally:
        con.unregister("change_baseline")
    counts = con.execute(
        "SELECT check_kind || '/' || verdict, count(*) FROM cross_report_check GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return CrossReportSummary(
        checks=sum(n for _, n in counts),
        by_verdict=dict(counts),
        seconds=time.perf_counter() - started,
    )
