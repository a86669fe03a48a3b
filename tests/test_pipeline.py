"""End to end on the project's own sample reports: real Dagster, GX, DuckDB."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.warehouse_assets import DIMENSIONS
from tests.pipeline_helpers import bad_spans, fact_checksum, query, run_pipeline
from warehouse import settings
from warehouse.settings import SAMPLE_REPORTS_DIR

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`

PROJECT = Path(__file__).resolve().parents[1]

V_FACTS_CONTRACT = {
    "source_file": "VARCHAR",
    "document_id": "VARCHAR",
    "indicator_text": "VARCHAR",
    "indicator_code": "VARCHAR",
    "value": "DOUBLE",
    "unit": "VARCHAR",
    "value_base": "DOUBLE",
    "unit_base": "VARCHAR",
    "approx": "VARCHAR",
    "target_value": "DOUBLE",
    "target_kind": "VARCHAR",
    "pct_target": "DOUBLE",
    "pct_same_period": "DOUBLE",
    "change_direction": "VARCHAR",
    "change_amount": "DOUBLE",
    "change_unit": "VARCHAR",
    "change_vs": "VARCHAR",
    "quote": "VARCHAR",
    "char_start": "INTEGER",
    "char_end": "INTEGER",
    "period_year": "INTEGER",
    "period_kind": "VARCHAR",
    "period_index": "INTEGER",
    "admin_level": "VARCHAR",
    "locality": "VARCHAR",
    "validation_status": "VARCHAR",
}
V_DOCUMENTS_CONTRACT = {
    **dict.fromkeys(
        [
            "source_file",
            "document_id",
            "title",
            "issuer",
            "admin_level",
            "locality",
            "parent_locality",
            "doc_number",
            "period_kind",
            "period_label",
            "signer",
            "signer_title",
            "duplicate_of",
        ],
        "VARCHAR",
    ),
    "issued_date": "DATE",
    "period_year": "INTEGER",
    "period_index": "INTEGER",
    "fact_count": "INTEGER",
}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("samples")
    landing = root / "landing"
    shutil.copytree(SAMPLE_REPORTS_DIR, landing)
    warehouse = root / "wh.duckdb"
    result = run_pipeline(landing, warehouse)
    return landing, warehouse, result


def _columns(warehouse, view):
    return dict(
        query(
            warehouse,
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
            [view],
        )
    )


def test_run_succeeds_and_checks_execute(sample_run):
    _, _, result = sample_run
    assert result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert {
        "facts_agree_with_their_targets",
        "parts_within_totals",
        "warehouse_integrity",
        "facts_quoted_with_spans",
        "documents_metadata_plausible",
    } <= set(evaluations)
    assert evaluations["warehouse_integrity"].passed
    assert evaluations["facts_quoted_with_spans"].passed
    # The samples hold one deliberate percentage error and one total smaller than its parts.
    assert not evaluations["facts_agree_with_their_targets"].passed
    assert evaluations["facts_agree_with_their_targets"].metadata["rows_failed"].value >= 1
    assert not evaluations["parts_within_totals"].passed


def test_data_docs_are_built_beside_the_warehouse(sample_run):
    _, warehouse, _ = sample_run
    docs = settings.data_docs_dir(warehouse)
    assert (docs / "index.html").exists()
    summary = (docs / "summary.html").read_text(encoding="utf-8")
    for suite in ("facts", "documents", "warehouse"):
        assert suite in summary


def test_contract_views_have_the_contract_columns(sample_run):
    _, warehouse, _ = sample_run
    for view, contract in [("v_facts", V_FACTS_CONTRACT), ("v_documents", V_DOCUMENTS_CONTRACT)]:
        columns = _columns(warehouse, view)
        for name, dtype in contract.items():
            assert columns.get(name) == dtype, f"{view}.{name}: {columns.get(name)} != {dtype}"


def test_every_sample_report_loads_with_facts_and_metadata(sample_run):
    landing, warehouse, _ = sample_run
    documents = query(
        warehouse,
        "SELECT source_file, fact_count, issuer, admin_level, period_year "
        "FROM v_documents ORDER BY source_file",
    )
    assert [d[0] for d in documents] == sorted(p.name for p in landing.iterdir() if p.is_file())
    for name, fact_count, issuer, level, year in documents:
        assert fact_count >= 5, name
        assert issuer in {"UBND", "Đảng ủy", "HĐND"}, name
        assert level is not None and year is not None, name


def test_spans_point_at_the_quotes(sample_run):
    _, warehouse, _ = sample_run
    assert bad_spans(warehouse) == []


def test_failed_facts_are_kept_and_flagged(sample_run):
    _, warehouse, _ = sample_run
    failed = query(warehouse, "SELECT count(*) FROM v_facts WHERE validation_status = 'fail'")[0][0]
    reasons = query(warehouse, "SELECT DISTINCT expectation FROM v_fact_failures")
    assert failed >= 2
    assert ("pct_target_matches_value_over_target",) in reasons
    assert ("parts_do_not_exceed_total",) in reasons
    statuses = {r[0] for r in query(warehouse, "SELECT DISTINCT validation_status FROM v_facts")}
    assert statuses <= {"pass", "fail", "not_checked"} and "pass" in statuses


def test_rerun_adds_nothing(sample_run, tmp_path):
    landing, warehouse, _ = sample_run
    copy = tmp_path / "again.duckdb"
    shutil.copyfile(warehouse, copy)
    before = fact_checksum(copy), query(copy, "SELECT count(*) FROM v_documents")
    assert run_pipeline(landing, copy).success
    assert (fact_checksum(copy), query(copy, "SELECT count(*) FROM v_documents")) == before
    assert run_pipeline(landing, copy, full_refresh=True).success
    assert (fact_checksum(copy), query(copy, "SELECT count(*) FROM v_documents")) == before


def _check_outcomes(result) -> dict:
    return {
        e.check_name: (
            e.passed,
            e.metadata["rows_checked"].value,
            e.metadata["rows_failed"].value,
            e.metadata["failing_rows"].value,
        )
        for e in result.get_asset_check_evaluations()
    }


def test_event_log_has_row_count_and_column_schema(sample_run):
    _, warehouse, result = sample_run
    materialized = {
        e.asset_key.to_user_string(): e.materialization.metadata
        for e in result.get_asset_materialization_events()
    }
    for table in ["fact_indicator_value", *DIMENSIONS, "v_facts"]:
        metadata = materialized[table]
        rows = query(warehouse, f"SELECT count(*) FROM {table}")[0][0]
        assert metadata["dagster/row_count"].value == rows, table
        schema = metadata["dagster/column_schema"].value
        assert [c.name for c in schema.columns] == [name for name, _ in _columns_in_order(warehouse, table)]
    fact_columns = {
        c.name: c.type for c in materialized["fact_indicator_value"]["dagster/column_schema"].value.columns
    }
    assert fact_columns["value"] == "DOUBLE" and fact_columns["quote"] == "VARCHAR"


def _columns_in_order(warehouse, table):
    return query(
        warehouse,
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    )


def test_failing_rows_name_file_indicator_value_quote_and_reason(sample_run):
    _, warehouse, result = sample_run
    check = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "facts_agree_with_their_targets"
    )
    table = check.metadata["failing_rows"].value
    header = table.splitlines()[0]
    for column in ("file", "indicator", "value", "quote", "expectation", "observed", "expected"):
        assert column in header
    failing_file = query(
        warehouse,
        "SELECT source_file FROM v_fact_failures WHERE expectation = 'pct_target_matches_value_over_target' LIMIT 1",
    )[0][0]
    assert failing_file in table


def test_a_run_that_parses_nothing_reports_the_warehouse_failures(sample_run, tmp_path):
    landing, warehouse, first = sample_run
    copy = tmp_path / "again.duckdb"
    shutil.copyfile(warehouse, copy)
    again = run_pipeline(landing, copy)
    assert again.success
    parsed = again.asset_materializations_for_node("report_documents")[0].metadata["documents_parsed"].value
    assert parsed == 0
    outcomes = _check_outcomes(again)
    assert outcomes == _check_outcomes(first)
    assert not outcomes["facts_agree_with_their_targets"][0]  # still failing: the warehouse holds them


def test_a_blocking_check_failure_leaves_the_warehouse_as_it_was(sample_run, tmp_path):
    landing, warehouse, _ = sample_run
    broken = tmp_path / "broken.duckdb"
    shutil.copyfile(warehouse, broken)
    con = duckdb.connect(str(broken))
    con.execute("""
        INSERT INTO fact_indicator_value (document_id, fact_index, unit, quote, char_start, char_end,
                                          validation_status)
        SELECT document_id, 9999, 'đơn vị không có', 'x', 0, 1, 'pass' FROM dim_document LIMIT 1
    """)  # a fact whose unit is in no dimension row: a broken invariant
    con.close()
    before = broken.read_bytes()
    result = run_pipeline(landing, broken, raise_on_error=False)
    assert not result.success
    integrity = next(e for e in result.get_asset_check_evaluations() if e.check_name == "warehouse_integrity")
    assert not integrity.passed
    assert broken.read_bytes() == before


def test_make_run_talks_like_a_cli(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_REPORTS_DIR, landing)
    warehouse = tmp_path / "wh.duckdb"
    env = {
        **os.environ,
        "REPORTS_LANDING_DIR": str(landing),
        "REPORTS_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.run"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = (done.stderr + done.stdout).splitlines()
    assert len(lines) <= 30, lines
    assert not [line for line in lines if "DEBUG" in line or len(line) > 240]
    stages = " ".join(line.split()[1] for line in done.stderr.splitlines())
    assert stages.split()[:7] == ["scan", "read", "extract", "validate", "load", "checks", "data"]
    summary = done.stdout
    assert f"{len(list(landing.iterdir()))} new" in summary
    assert "facts_agree_with_their_targets" in summary  # failing by check
    assert str(warehouse) in summary and str(settings.data_docs_dir(warehouse)) in summary
