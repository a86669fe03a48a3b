"""A report of our own with known arithmetic slips: exactly these facts fail, for these reasons."""

import shutil
from pathlib import Path

import pytest

from tests.pipeline_helpers import query, run_pipeline

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`

CRAFTED = Path(__file__).parent / "fixtures" / "crafted_validation_report.txt"

# value of the failing fact → the expectation it fails
EXPECTED_FAILURES = {
    63.0: "pct_target_matches_value_over_target",  # 63/60 = 105,0 % printed 105,3 %
    17.0: "pct_target_matches_value_over_target",  # 17/19 = 89,5 % printed 50 %
    412.0: "extra_target_pct_matches_value_over_target",  # 412/420 = 98,1 % printed 90,1 %
    12.0: "parts_do_not_exceed_total",  # 7 + 8 > 12
}


def test_crafted_report_fails_exactly_where_its_arithmetic_does(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(CRAFTED, landing / CRAFTED.name)
    warehouse = tmp_path / "wh.duckdb"
    result = run_pipeline(landing, warehouse)
    assert result.success

    failures = query(warehouse, "SELECT value, expectation, observed, expected FROM v_fact_failures")
    assert {value: expectation for value, expectation, _, _ in failures} == EXPECTED_FAILURES
    assert len(failures) == len(EXPECTED_FAILURES)
    observed = {value: obs for value, _, obs, _ in failures}
    assert observed[63.0].startswith("105")  # what value/target really gives

    passing = dict(
        query(warehouse, "SELECT value, validation_status FROM v_facts WHERE value IN (1240, 3250, 9)")
    )
    assert passing == {1240.0: "pass", 3250.0: "pass", 9.0: "pass"}
    statuses = dict(
        query(warehouse, "SELECT value, validation_status FROM v_facts WHERE value IN (63, 17, 412, 12)")
    )
    assert statuses == dict.fromkeys(EXPECTED_FAILURES, "fail")

    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not checks["facts_agree_with_their_targets"].passed
    assert checks["facts_agree_with_their_targets"].metadata["rows_failed"].value == 3
    assert not checks["parts_within_totals"].passed
    assert checks["parts_within_totals"].metadata["rows_failed"].value == 1
