"""Asset checks: Great Expectations results where data engineers look.

The suites in expectations/ run once, inside `validated_facts` (their results decide
each fact's validation_status). The checks here read that outcome and report each
group of expectations with rows checked, rows failed and a few failing rows.
Inconsistencies in the source reports are WARN; broken pipeline invariants are ERROR.
The warehouse check runs its own GX suite against the loaded tables.
"""

from pathlib import Path

import dagster as dg

from orchestration.assets import validated_facts
from orchestration.resources import Warehouse
from warehouse.snapshot import reading

WARN = dg.AssetCheckSeverity.WARN
ERROR = dg.AssetCheckSeverity.ERROR


def _check_result(report, names: set[str], severity: dg.AssetCheckSeverity) -> dg.AssetCheckResult:
    """One AssetCheckResult for the expectations `names` of a ValidationReport."""
    chosen = [e for e in report.expectations if e["expectation"] in names]
    failures = report.failures.filter(report.failures["expectation"].is_in(sorted(names)))
    rows_failed = failures.select("document_id", "fact_index").unique().height
    return dg.AssetCheckResult(
        passed=all(e["success"] for e in chosen),
        severity=severity,
        metadata={
            "rows_checked": max((int(e.get("rows_checked") or 0) for e in chosen), default=0),
            "rows_failed": rows_failed,
            "failure_rows": failures.height,
            "expectations": dg.MetadataValue.json(
                {
                    e["expectation"]: {
                        "success": bool(e["success"]),
                        "rows_failed": int(e.get("rows_failed") or 0),
                    }
                    for e in chosen
                }
            ),
            "failing_rows": dg.MetadataValue.json(
                [
                    {k: (None if v is None else str(v)) for k, v in row.items()}
                    for row in failures.head(5).iter_rows(named=True)
                ]
            ),
        },
    )


@dg.asset_check(
    asset=validated_facts,
    description="đạt X% agrees with value/target (every target), within one unit of the last printed digit.",
)
def facts_agree_with_their_targets(validated_facts) -> dg.AssetCheckResult:
    return _check_result(
        validated_facts.reports["facts"],
        {"pct_target_matches_value_over_target", "extra_target_pct_matches_value_over_target"},
        WARN,
    )


@dg.asset_check(
    asset=validated_facts, description="The parts listed after 'trong đó' do not exceed their total."
)
def parts_within_totals(validated_facts) -> dg.AssetCheckResult:
    return _check_result(validated_facts.reports["facts"], {"parts_do_not_exceed_total"}, WARN)


@dg.asset_check(
    asset=validated_facts, description="Percentages within bounds, no negative amounts, known units."
)
def fact_values_plausible(validated_facts) -> dg.AssetCheckResult:
    return _check_result(
        validated_facts.reports["facts"],
        {
            "pct_target_within_bounds",
            "pct_same_period_within_bounds",
            "percent_value_within_0_100",
            "value_not_negative",
            "unit_known",
        },
        WARN,
    )


@dg.asset_check(
    asset=validated_facts,
    description="Every fact carries its quote and a valid character span (a pipeline invariant).",
)
def facts_quoted_with_spans(validated_facts) -> dg.AssetCheckResult:
    return _check_result(validated_facts.reports["facts"], {"quote_present", "char_span_valid"}, ERROR)


@dg.asset_check(
    asset=validated_facts,
    description="Period and year present and plausible, issued date not in "
    "the future, issuer and level from the known vocabularies.",
)
def documents_metadata_plausible(validated_facts) -> dg.AssetCheckResult:
    report = validated_facts.reports["documents"]
    return _check_result(report, {e["expectation"] for e in report.expectations}, WARN)


@dg.asset_check(
    asset="fact_indicator_value",
    description="Every fact's document, period, unit and admin unit "
    "exist in their dimensions; fact keys are unique (run on the loaded warehouse).",
)
def warehouse_integrity(warehouse: Warehouse) -> dg.AssetCheckResult:
    from expectations.warehouse_suite import validate_warehouse

    path = Path(warehouse.path)
    with reading(path) as con:
        if con is None:
            return dg.AssetCheckResult(
                passed=False, severity=ERROR, metadata={"error": f"{path} does not exist"}
            )
        report = validate_warehouse(con)
    return _check_result(report, {e["expectation"] for e in report.expectations}, ERROR)
