"""A report whose fact extraction raises is recorded, keeps its earlier facts, is retried, and
fails the run's check (a number too large for a double is no such error: tests/test_numbers.py).

The fault is injected where it happens (transforms.report.read_numbers, run inline with one
worker), so the real Dagster definitions, GX and DuckDB do the rest.
"""

import pytest

from tests.pipeline_helpers import IN_PROCESS, query, run_pipeline
from transforms import report

pytestmark = pytest.mark.slow  # whole runs of the real definitions

REPORT_A = """ỦY BAN NHÂN DÂN XÃ SƠN KHÊ
BÁO CÁO
Kết quả thực hiện nhiệm vụ quý III năm 2024
Trong quý, toàn xã trồng mới 42 ha rừng sản xuất, đạt 105% kế hoạch.
Tổng đàn gia cầm ước đạt 18.400 con.
"""
REPORT_B = """ỦY BAN NHÂN DÂN XÃ THẠCH LŨY
BÁO CÁO
Kết quả thực hiện nhiệm vụ quý III năm 2024
Trong quý, xã làm mới 3,2 km đường giao thông nông thôn.
"""
POISON = "Dòng này làm bộ đọc số hỏng."  # our marker: read_numbers raises on a text holding it
NEW_REPORT = """ỦY BAN NHÂN DÂN XÃ PHÚ LỘC
BÁO CÁO
Kết quả quý III năm 2024
Toàn xã có 260 hộ được hỗ trợ cải tạo nhà ở.
"""


def _poisoned(original):
    def read_numbers(text):
        if POISON in text:
            raise OverflowError("int too large to convert to float")
        return original(text)

    return read_numbers


def test_extraction_error_is_recorded_keeps_facts_and_is_retried(tmp_path, monkeypatch):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    landing.mkdir()
    (landing / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (landing / "b.txt").write_text(REPORT_B, encoding="utf-8")
    run_pipeline(landing, warehouse, **IN_PROCESS)
    facts_before = query(
        warehouse, "SELECT document_id, fact_index, value FROM v_facts WHERE source_file = 'a.txt' ORDER BY 2"
    )
    assert facts_before

    # a.txt changes into a text whose extraction raises; a new file raises too.
    monkeypatch.setattr(report, "read_numbers", _poisoned(report.read_numbers))
    (landing / "a.txt").write_text(REPORT_A + POISON + "\n", encoding="utf-8")
    (landing / "new.txt").write_text(NEW_REPORT + POISON + "\n", encoding="utf-8")
    result = run_pipeline(landing, warehouse, **IN_PROCESS)
    assert result.success  # one bad report does not fail the others' load
    check = {e.check_name: e for e in result.get_asset_check_evaluations()}["every_report_extracted"]
    assert not check.passed and check.metadata["rows_failed"].value == 2
    rows = dict(query(warehouse, "SELECT path, status FROM landing_file"))
    assert rows == {"a.txt": "extraction_failed", "b.txt": "loaded", "new.txt": "extraction_failed"}
    rejected = dict(
        query(warehouse, "SELECT path, error FROM v_rejected_files WHERE error_reason = 'extraction_failed'")
    )
    assert set(rejected) == {"a.txt", "new.txt"} and "OverflowError" in rejected["a.txt"]
    # a.txt keeps the facts of the content it held; the new file has no document without facts
    assert (
        query(
            warehouse,
            "SELECT document_id, fact_index, value FROM v_facts WHERE source_file = 'a.txt' ORDER BY 2",
        )
        == facts_before
    )
    assert query(
        warehouse,
        "SELECT count(*) FROM dim_document d LEFT JOIN fact_indicator_value f USING (document_id) WHERE f.document_id IS NULL",
    ) == [(0,)]

    # The next run (the extractor fixed) parses both again.
    monkeypatch.undo()
    result = run_pipeline(landing, warehouse, **IN_PROCESS)
    check = {e.check_name: e for e in result.get_asset_check_evaluations()}["every_report_extracted"]
    assert check.passed
    assert dict(query(warehouse, "SELECT path, status FROM landing_file")) == dict.fromkeys(
        ["a.txt", "b.txt", "new.txt"], "loaded"
    )
    after = query(warehouse, "SELECT DISTINCT document_id FROM v_facts WHERE source_file = 'a.txt'")
    assert after and after[0][0] != facts_before[0][0]  # the new content's facts replaced the old
    assert query(warehouse, "SELECT count(*) FROM v_facts WHERE source_file = 'new.txt'")[0][0] >= 1


def test_a_full_refresh_that_fails_keeps_the_same_documents_facts(tmp_path, monkeypatch):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    landing.mkdir()
    (landing / "a.txt").write_text(REPORT_A, encoding="utf-8")
    run_pipeline(landing, warehouse, **IN_PROCESS)
    before = query(
        warehouse, "SELECT document_id, fact_index, value, quote FROM fact_indicator_value ORDER BY 2"
    )

    def broken(text):
        raise OverflowError("injected")

    monkeypatch.setattr(report, "read_numbers", broken)
    run_pipeline(landing, warehouse, full_refresh=True, **IN_PROCESS)
    assert (
        query(warehouse, "SELECT document_id, fact_index, value, quote FROM fact_indicator_value ORDER BY 2")
        == before
    )
    assert query(warehouse, "SELECT status FROM landing_file") == [("extraction_failed",)]
    monkeypatch.undo()
    run_pipeline(landing, warehouse, **IN_PROCESS)  # same bytes, same parser: retried all the same
    assert query(warehouse, "SELECT status, error FROM landing_file") == [("loaded", None)]
