"""End to end on the project's own sample reports: real Dagster, GX, DuckDB."""

import shutil

import pytest

from tests.pipeline_helpers import bad_spans, fact_checksum, query, run_pipeline
from warehouse.settings import SAMPLE_REPORTS_DIR

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`

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
    docs = warehouse.parent / "data_docs"
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
