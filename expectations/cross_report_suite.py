"""The cross-report suite: do the warehouse's reports agree with each other?

Runs after each load over `v_cross_report_checks` (rebuilt by the load, see
warehouse/cross_report.py). Severity "warn": a failing check is two reports that disagree
(a percent of the same period that last year's figure does not give, two issuers stating
different figures), never a pipeline bug. GX sees one Boolean column per rule, derived
in Polars (../shared/STACK.md §2); revisions and "no earlier fact" are not failures.
"""

from pathlib import Path

import polars as pl

from expectations.report import ValidationReport
from expectations.runner import Check, run_checks

SUITE = "cross_report"
SEVERITY = "warn"
VERDICTS = ["pass", "fail", "no_earlier_fact", "revised"]

COLUMNS = (
    "check_kind, claim, verdict, document_id, fact_index, source_file, indicator_code, value, "
    "stated, computed, tolerance, earlier_source_file, earlier_value, quote, earlier_quote"
)


def load(con) -> pl.DataFrame:
    """Every check across reports, with one `<kind>_failed` flag per kind of check."""
    frame = con.sql(f"SELECT {COLUMNS} FROM v_cross_report_checks ORDER BY source_file, fact_index").pl()
    failed = pl.col("verdict") == "fail"
    return frame.with_columns(
        (failed & (pl.col("check_kind") == "same_period")).alias("same_period_failed"),
        (failed & (pl.col("check_kind") == "issuer_agreement")).alias("issuer_agreement_failed"),
    )


def _observed() -> pl.Expr:
    def text(expr: pl.Expr) -> pl.Expr:
        return expr.cast(pl.String).fill_null("-")

    return pl.format(
        "{}: {} (stated {}, computed {}) against {} in {}",
        text(pl.col("source_file")),
        text(pl.col("quote")),
        text(pl.col("stated").round(3)),
        text(pl.col("computed").round(3)),
        text(pl.col("earlier_value")),
        text(pl.col("earlier_source_file")),
    )


def checks() -> list[Check]:
    return [
        Check(
            name="same_period_agrees_with_earlier_report",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "same_period_failed", "value_set": [False]},
            observed=_observed(),
            expected=pl.format("within {}", pl.col("tolerance").round(3)),
            tolerance=pl.col("tolerance"),
            description="A % of the same period or a change against it agrees with the same unit's "
            "figure for that period in the earlier year's report, within the printed precision.",
        ),
        Check(
            name="issuers_agree",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "issuer_agreement_failed", "value_set": [False]},
            observed=_observed(),
            expected=pl.format("the same figure within {}", pl.col("tolerance").round(3)),
            tolerance=pl.col("tolerance"),
            description="Two issuers' reports (UBND, Đảng ủy, HĐND) of one unit and period state "
            "the same figure for an indicator, within rounding.",
        ),
        Check(
            name="verdict_known",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "verdict", "value_set": VERDICTS},
            observed=pl.col("verdict"),
            expected=pl.lit(", ".join(VERDICTS)),
        ),
    ]


def validate_cross_report(con, data_docs_dir: Path | None = None) -> ValidationReport:
    """Run the cross-report suite over an open warehouse connection (read-only is enough)."""
    report = run_checks(SUITE, load(con), checks(), SEVERITY)
    if data_docs_dir is not None:
        from expectations.data_docs import build_data_docs

        build_data_docs([report], data_docs_dir)
    return report
