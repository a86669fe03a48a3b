"""The GX suites on invented rows: exactly which facts/documents fail, and why.

Real Great Expectations runs here (no mocks); each suite runs once per module where
possible, since every run goes through GX's validation machinery.
"""

import json
import unicodedata
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from expectations.data_docs import build_data_docs
from expectations.documents_suite import validate_documents
from expectations.facts_suite import validate_facts
from expectations.report import FAILURE_SCHEMA
from expectations.run import validate_batch
from expectations.warehouse_suite import validate_warehouse
from transforms.schema import METADATA_SCHEMA, facts_frame
from warehouse.snapshot import apply_schema

pytestmark = pytest.mark.slow  # real Great Expectations validations: left out by `make test-fast`

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RUN_DATE = date(2024, 7, 15)


def fact(index: int, value, unit, doc: str = "doc-a", **fields) -> dict:
    """A fact that passes every check unless the test overrides a field."""
    base = {
        "fact_index": index,
        "indicator_text": f"chỉ tiêu {index}",
        "value": value,
        "value_text": str(value),
        "unit": unit,
        "quote": f"câu thử số {index}",
        "char_start": 10 * index,
        "char_end": 10 * index + 8,
    }
    return {**base, **fields, "document_id": doc}


def frame_of(records: list[dict], unknown_units: tuple[str, ...] = ()) -> pl.DataFrame:
    docs = [r.pop("document_id") for r in records]
    return facts_frame(records).with_columns(
        pl.Series("document_id", docs, dtype=pl.String),
        (pl.col("unit").is_not_null() & ~pl.col("unit").is_in(list(unknown_units))).alias("unit_known"),
    )


def extra(target, pct, decimals, kind="dự toán") -> dict:
    return {"target_value": target, "pct_target": pct, "pct_target_decimals": decimals, "target_kind": kind}


# fact_index → what it exercises; the comment says whether it must fail.
FACTS = [
    fact(0, 63.0, "người", target_value=60.0, pct_target=105.3, pct_target_decimals=1),  # fail: 105.0
    fact(
        1, 270.0, "tỷ đồng", target_value=269.0, pct_target=100.3, pct_target_decimals=1
    ),  # truncated 100.37
    fact(2, 270.0, "tỷ đồng", target_value=335.0, pct_target=80.59, pct_target_decimals=2),  # rounded 80.597
    fact(3, 17.86, "tỷ đồng", target_value=19.0, pct_target=50.0, pct_target_decimals=0),  # fail: 94.0
    fact(4, 270.0, "tỷ đồng", target_value=269.0, pct_target=100.4, pct_target_decimals=1),  # rounded up
    fact(
        5,
        270.0,
        "tỷ đồng",
        target_value=269.0,
        pct_target=100.3,
        pct_target_decimals=1,
        extra_targets=[extra(335.0, 80.59, 2), extra(300.0, 95.0, 0, "kế hoạch")],  # fail: 90.0
    ),
    fact(
        6,
        270.0,
        "tỷ đồng",
        target_value=269.0,
        pct_target=100.3,
        pct_target_decimals=1,
        extra_targets=[extra(335.0, 80.59, 2)],
    ),
    fact(7, 45.0, "hộ"),  # fail: a total whose parts (8, 9) add up to 80
    fact(8, 30.0, "hộ", part_of=7),
    fact(9, 50.0, "hộ", part_of=7),
    fact(10, 12.0, "người", quote=None, char_start=None, char_end=None),  # fail: no quote, no span
    fact(11, 12.0, "người", quote="   "),  # fail: blank quote
    fact(12, 12.0, "người", char_start=50, char_end=50),  # fail: empty span
    fact(13, 120.0, "%"),  # fail: a share above 100 %
    fact(14, 105.0, "%", pct_target=105.0, target_kind="kế hoạch"),  # "đạt 105% KH": a ratio, passes
    fact(15, 150.0, "%", change_direction="tăng", change_amount=150.0, change_unit="%"),  # a change
    fact(16, -4.0, "ha"),  # fail: negative, not a change
    fact(17, 1500.0, "tấn", pct_target=1500.0, pct_same_period=-3.0),  # fail ×2: both % out of bounds
    fact(18, 7.0, "con giống lạ"),  # fail: unit not in dim_unit
    fact(19, 3.0, None),  # no unit: nothing to look up
    fact(20, 16.2, "tỷ đồng"),  # total printed with 1 decimal ...
    fact(21, 8.15, "tỷ đồng", part_of=20),  # ... parts 16.25 > 16.2 only by rounding: passes
    fact(22, 8.1, "tỷ đồng", part_of=20),
    fact(23, 45.0, "hộ", approx="trên"),  # "trên 45 hộ": a lower bound, parts may exceed it
    fact(24, 30.0, "hộ", part_of=23),
    fact(25, 50.0, "hộ", part_of=23),
    fact(26, 45.0, "hộ"),  # parts in another unit cannot be compared (no scale known)
    fact(27, 60.0, "%", part_of=26),
    fact(28, 100.0, "hộ"),
    fact(29, 30.0, "hộ", part_of=28),
    fact(30, 50.0, "hộ", part_of=28),
    fact(1, 50.0, "hộ", doc="doc-b", part_of=7),  # same fact_index elsewhere: not a part of doc-a's 7
    fact(0, 10.0, "người", doc="doc-b", target_value=0.0, pct_target=100.0, pct_target_decimals=0),
]

EXPECTED_FACT_FAILURES = {
    ("doc-a", 0, "pct_target_matches_value_over_target"),
    ("doc-a", 3, "pct_target_matches_value_over_target"),
    ("doc-a", 5, "extra_target_pct_matches_value_over_target"),
    ("doc-a", 7, "parts_do_not_exceed_total"),
    ("doc-a", 10, "quote_present"),
    ("doc-a", 10, "char_span_valid"),
    ("doc-a", 11, "quote_present"),
    ("doc-a", 12, "char_span_valid"),
    ("doc-a", 13, "percent_value_within_0_100"),
    ("doc-a", 16, "value_not_negative"),
    ("doc-a", 17, "pct_target_within_bounds"),
    ("doc-a", 17, "pct_same_period_within_bounds"),
    ("doc-a", 18, "unit_known"),
}


@pytest.fixture(scope="module")
def fact_report():
    return validate_facts(frame_of([dict(f) for f in FACTS], unknown_units=("con giống lạ",)))


def _failure(report, doc, index, expectation) -> dict:
    rows = report.failures.filter(
        (pl.col("document_id") == doc)
        & (pl.col("fact_index") == index)
        & (pl.col("expectation") == expectation)
    )
    assert rows.height == 1, rows
    return rows.row(0, named=True)


def test_exactly_the_inconsistent_facts_fail(fact_report):
    got = {
        (d, i, e)
        for d, i, e in fact_report.failures.select("document_id", "fact_index", "expectation").rows()
    }
    assert got == EXPECTED_FACT_FAILURES
    assert fact_report.success is False
    assert fact_report.failed_keys() == {(d, i) for d, i, _ in EXPECTED_FACT_FAILURES}


def test_pct_of_target_failure_says_what_the_arithmetic_gives(fact_report):
    row = _failure(fact_report, "doc-a", 0, "pct_target_matches_value_over_target")
    assert (row["observed"], row["expected"], row["severity"], row["suite"]) == (
        "105.0",
        "105.3",
        "warn",
        "facts",
    )
    assert row["tolerance"] == pytest.approx(0.1)
    row = _failure(fact_report, "doc-a", 3, "pct_target_matches_value_over_target")
    assert (row["observed"], row["expected"], row["tolerance"]) == ("94.0", "50.0", 1.0)


def test_extra_target_failure_is_attributed_to_the_fact(fact_report):
    row = _failure(fact_report, "doc-a", 5, "extra_target_pct_matches_value_over_target")
    assert row["observed"] == "90.0"
    assert row["expected"] == "95.0 (kế hoạch)"


def test_parts_exceeding_total_fail_on_the_total(fact_report):
    row = _failure(fact_report, "doc-a", 7, "parts_do_not_exceed_total")
    assert row["observed"] == "parts 80.0 (facts 8, 9)"
    assert row["expected"] == "<= 45.0 hộ"
    assert not {(d, i) for d, i in fact_report.failed_keys()} & {("doc-a", 8), ("doc-a", 9)}


def test_expectation_summaries_count_checked_and_failed_rows(fact_report):
    summary = {e["expectation"]: e for e in fact_report.expectations}
    pct = summary["pct_target_matches_value_over_target"]
    # Facts 0-6 have value, target and % of target; doc-b's 0 has a zero target: unchecked.
    assert (pct["rows_checked"], pct["rows_failed"], pct["success"]) == (7, 2, False)
    assert pct["column"] == "pct_target_excess"
    # Totals 7, 20 and 28; 23 is a lower bound, 26's only part is in another unit.
    assert summary["parts_do_not_exceed_total"]["rows_checked"] == 3
    assert all(e["severity"] == "warn" for e in fact_report.expectations)
    assert not any("error" in e for e in fact_report.expectations)
    assert fact_report.statistics["rows"] == len(FACTS)
    assert fact_report.statistics["failure_rows"] == len(EXPECTED_FACT_FAILURES)


def test_sample_failures_are_json_safe(fact_report):
    sample = fact_report.sample_failures(n=3)
    assert len(sample) == 3
    assert json.loads(json.dumps(sample)) == sample
    json.dumps(fact_report.to_metadata())


def test_clean_facts_give_empty_failures_with_stable_dtypes():
    report = validate_facts(frame_of([fact(0, 270.0, "tỷ đồng", target_value=269.0, pct_target=100.3)]))
    assert report.success is True
    assert report.failures.height == 0
    assert report.failures.schema == pl.Schema(FAILURE_SCHEMA)
    assert report.failed_keys() == set()

    empty = validate_facts(frame_of([]))
    assert empty.success is True and empty.failures.schema == pl.Schema(FAILURE_SCHEMA)


def doc(document_id: str, **fields) -> dict:
    base = {
        "document_id": document_id,
        "source_file": f"{document_id}.txt",
        "title": "Báo cáo thử",
        "issuer": "UBND",
        "admin_level": "xã",
        "locality": "Xã Thử",
        "issued_date": date(2024, 6, 20),
        "period_year": 2024,
        "period_kind": "half",
        "period_index": 1,
    }
    return {**base, **fields}


def docs_frame(rows: list[dict]) -> pl.DataFrame:
    schema = {**METADATA_SCHEMA, "document_id": pl.String, "source_file": pl.String}
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)


DOCS = [
    doc("ok-half"),
    doc("ok-year", period_kind="year", period_index=None, issuer="Đảng ủy", admin_level="thị trấn"),
    doc("ok-nfd", issuer=unicodedata.normalize("NFD", "Đảng ủy"), issued_date=RUN_DATE),
    doc("ok-nulls", issuer=None, admin_level=None, issued_date=None),
    doc("future", issued_date=date(2024, 7, 16)),
    doc("issuer", issuer="Công ty Thử Nghiệm"),
    doc("level", admin_level="ấp"),
    doc("quarter5", period_kind="quarter", period_index=5),
    doc("year-index", period_kind="year", period_index=2),
    doc("months0", period_kind="months", period_index=None),
    doc("old", period_year=1900, period_kind="year", period_index=None),
    doc("next-next", period_year=2026, period_kind="year", period_index=None),
    doc("no-period", period_year=None, period_kind=None, period_index=None),
    doc("odd-kind", period_kind="tuần"),
]


def test_documents_suite_flags_exactly_the_bad_metadata():
    report = validate_documents(docs_frame(DOCS), run_date=RUN_DATE)
    got = {(d, e) for d, e in report.failures.select("document_id", "expectation").rows()}
    assert got == {
        ("future", "issued_date_not_after_run_date"),
        ("issuer", "issuer_known"),
        ("level", "admin_level_known"),
        ("quarter5", "period_index_matches_kind"),
        ("year-index", "period_index_matches_kind"),
        ("months0", "period_index_matches_kind"),
        ("old", "period_year_plausible"),
        ("next-next", "period_year_plausible"),
        ("no-period", "period_year_present"),
        ("no-period", "period_kind_present"),
        ("odd-kind", "period_kind_known"),
    }
    assert report.failures["fact_index"].null_count() == report.failures.height
    assert set(report.failures["severity"]) == {"warn"}
    future = report.failures.filter(pl.col("document_id") == "future").row(0, named=True)
    assert (future["observed"], future["expected"]) == ("2024-07-16", "<= 2024-07-15")
    quarter = report.failures.filter(pl.col("document_id") == "quarter5").row(0, named=True)
    assert (quarter["observed"], quarter["expected"]) == ("quarter 5", "1..4")
    assert report.failed_keys() >= {("future", None), ("issuer", None)}


def _warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """The project's own DDL, two documents' dimensions and four facts; fact 3 points at
    a period and a unit no dimension holds."""
    con = duckdb.connect(str(path))
    apply_schema(con)
    con.execute("INSERT INTO dim_document (document_id) VALUES ('d1'), ('d2')")
    con.execute(
        "INSERT INTO dim_period VALUES ('2024-H1', 2024, 'half', 1, NULL, DATE '2024-01-01', DATE '2024-06-30')"
    )
    con.execute(
        "INSERT INTO dim_unit VALUES ('hộ', 'count', 1, 'hộ', true), ('ha', 'area', 10000, 'm2', true)"
    )
    con.execute(
        "INSERT INTO dim_admin_unit (admin_unit_id, admin_level, locality) VALUES ('au1', 'xã', 'Thử')"
    )
    con.execute(
        """INSERT INTO fact_indicator_value (document_id, fact_index, period_id, unit, admin_unit_id) VALUES
           ('d1', 0, '2024-H1', 'hộ', 'au1'),
           ('d1', 1, NULL, NULL, NULL),
           ('d2', 0, '2024-H1', 'ha', 'au1'),
           ('d2', 3, '2024-Q5', 'mẫu lạ', 'au1'),
           ('d9', 0, '2024-H1', 'hộ', 'au-x')"""
    )
    return con


def test_warehouse_orphans_fail_with_severity_error(tmp_path):
    with _warehouse(tmp_path / "wh.duckdb") as con:
        report = validate_warehouse(con)
    got = {(d, i, e) for d, i, e in report.failures.select("document_id", "fact_index", "expectation").rows()}
    assert got == {
        ("d2", 3, "fact_period_id_in_dim_period"),
        ("d2", 3, "fact_unit_in_dim_unit"),
        ("d9", 0, "fact_document_id_in_dim_document"),
        ("d9", 0, "fact_admin_unit_id_in_dim_admin_unit"),
    }
    assert report.success is False
    assert set(report.failures["severity"]) == {"error"}
    assert {e["severity"] for e in report.expectations} == {"error"}
    period = report.failures.filter(pl.col("expectation") == "fact_period_id_in_dim_period").row(
        0, named=True
    )
    assert period["observed"] == "period_id = 2024-Q5"


def test_warehouse_duplicate_and_missing_keys_fail(tmp_path):
    # Without the DDL's constraints: what a broken load could leave behind.
    with duckdb.connect(str(tmp_path / "raw.duckdb")) as con:
        con.execute("CREATE TABLE dim_document (document_id VARCHAR)")
        con.execute("CREATE TABLE dim_period (period_id VARCHAR)")
        con.execute("CREATE TABLE dim_unit (unit VARCHAR)")
        con.execute("CREATE TABLE dim_admin_unit (admin_unit_id VARCHAR)")
        con.execute("INSERT INTO dim_document VALUES ('d1'), ('d1')")  # a duplicated dimension row
        con.execute(
            "CREATE TABLE fact_indicator_value (document_id VARCHAR, fact_index INTEGER, period_id VARCHAR,"
            " unit VARCHAR, admin_unit_id VARCHAR)"
        )
        con.execute(
            "INSERT INTO fact_indicator_value VALUES ('d1', 0, NULL, NULL, NULL), ('d1', 0, NULL, NULL, NULL),"
            " ('d1', 1, NULL, NULL, NULL), (NULL, 2, NULL, NULL, NULL)"
        )
        report = validate_warehouse(con)
    got = {(d, i, e) for d, i, e in report.failures.select("document_id", "fact_index", "expectation").rows()}
    assert got == {("d1", 0, "fact_key_unique"), (None, 2, "fact_document_id_present")}
    assert report.failures.height == 2  # one row per failed expectation per fact, not per duplicate
    assert report.statistics["rows"] == 4  # the duplicated dim row did not multiply facts


def test_data_docs_hold_all_three_suites_and_are_rebuilt(tmp_path, fact_report):
    docs_report = validate_documents(docs_frame(DOCS[:2]), run_date=RUN_DATE)
    with _warehouse(tmp_path / "wh.duckdb") as con:
        wh_report = validate_warehouse(con)
    site = tmp_path / "data_docs"
    build_data_docs([fact_report], site)
    (site / "stale.html").write_text("from an old run")

    index = build_data_docs([fact_report, docs_report, wh_report], site)
    assert index == site.resolve() / "index.html" and index.is_file()
    assert not (site / "stale.html").exists()
    html = index.read_text(encoding="utf-8")
    for suite in ("facts", "documents", "warehouse"):
        assert (site / "expectations" / f"{suite}.html").is_file()
        assert len(list((site / "validations" / suite).rglob("*.html"))) == 1
        assert suite in html

    # A later run of one suite replaces its result and keeps the others' latest.
    validate_documents(docs_frame(DOCS), run_date=RUN_DATE, data_docs_dir=site)
    pages = {p.parts[-4] for p in (site / "validations").rglob("*.html")}
    assert pages == {"facts", "documents", "warehouse"}
    assert len(list((site / "validations" / "documents").rglob("*.html"))) == 1
    stored = site / ".gx" / "gx" / "uncommitted" / "validations" / "documents"
    assert len(list(stored.rglob("*.json"))) == 1 and len(list(stored.iterdir())) == 1
    page = next((site / "validations" / "facts").rglob("*.html")).read_text(encoding="utf-8")
    assert "pct_target_excess" in page
    summary = (site / "summary.html").read_text(encoding="utf-8")
    assert "pct_target_matches_value_over_target" in summary and "fact_key_unique" in summary
    assert summary.count("<h2>") == 3


def test_validate_batch_marks_every_row_and_keeps_it(tmp_path):
    facts = frame_of([dict(f) for f in FACTS[:4]]).drop("unit_known")
    documents = docs_frame(DOCS[:5]).with_columns(
        pl.when(pl.col("document_id") == "ok-nulls")
        .then(pl.lit("rejected"))
        .otherwise(pl.lit("ok"))
        .alias("status")
    )
    out = validate_batch(
        documents=documents,
        facts=facts,
        run_date=RUN_DATE,
        data_docs_dir=tmp_path / "docs",
        known_units={"người", "tỷ đồng"},
    )
    assert out.facts.height == 4 and out.documents.height == 5
    status = dict(out.facts.select("fact_index", "validation_status").rows())
    assert status == {0: "fail", 1: "pass", 2: "pass", 3: "fail"}  # 0 and 3 break their arithmetic
    doc_status = dict(out.documents.select("document_id", "validation_status").rows())
    assert doc_status == {
        "ok-half": "pass",
        "ok-year": "pass",
        "ok-nfd": "pass",
        "ok-nulls": "not_checked",  # a rejected file
        "future": "fail",
    }
    assert out.failures.schema == pl.Schema(FAILURE_SCHEMA)
    assert set(out.failures["suite"]) == {"facts", "documents"}
    assert out.data_docs_index is not None and out.data_docs_index.is_file()


def test_missing_decimals_are_read_off_the_printed_percentage():
    facts = frame_of(
        [
            fact(0, 63.0, "người", target_value=60.0, pct_target=105.3),  # 1 decimal: ±0.1, fails
            fact(1, 270.0, "tỷ đồng", target_value=269.0, pct_target=100.0),  # integral: ±1, passes
            fact(2, 270.0, "tỷ đồng", target_value=269.0, pct_target=100.31),  # ±0.01: 100.37 fails
        ]
    )
    report = validate_facts(facts)
    got = dict(report.failures.select("fact_index", "tolerance").rows())
    assert got == {0: pytest.approx(0.1), 2: pytest.approx(0.01)}


def test_facts_without_unit_known_or_optional_fields_run_cleanly():
    # No unit_known column, no targets, no parts, no extra targets: nothing to check
    # for most expectations, and GX must not choke on all-null columns.
    facts = frame_of([fact(0, 3.0, "hộ"), fact(1, 7.5, None)]).drop("unit_known")
    report = validate_facts(facts)
    assert report.success is True
    assert report.statistics["errored_expectations"] == 0
    assert {e["expectation"]: e["rows_checked"] for e in report.expectations}["unit_known"] == 0


def test_parts_in_other_units_are_scaled_by_their_base_values():
    # The parse stage scales every value to its base unit; parts are compared through it.
    factors = {"tỷ đồng": 1e9, "triệu đồng": 1e6}
    facts = frame_of(
        [
            fact(0, 1.5, "tỷ đồng"),
            fact(1, 900.0, "triệu đồng", part_of=0),
            fact(2, 800.0, "triệu đồng", part_of=0),  # 1.7 tỷ > 1.5 tỷ (+0.1 if it was 1.59 cut): fails
            fact(3, 2.0, "tỷ đồng"),
            fact(4, 1.2, "tỷ đồng", part_of=3),
            fact(5, 800.0, "triệu đồng", part_of=3),  # exactly 2 tỷ: passes
        ]
    ).with_columns(
        (pl.col("value") * pl.col("unit").replace_strict(factors, return_dtype=pl.Float64)).alias(
            "value_base"
        ),
        pl.lit("đồng").alias("unit_base"),
    )
    report = validate_facts(facts)
    row = _failure(report, "doc-a", 0, "parts_do_not_exceed_total")
    assert row["observed"] == "parts 1.7 (facts 1, 2)"
    assert report.failed_keys() == {("doc-a", 0)}


def test_data_docs_refuse_to_clear_a_foreign_folder(tmp_path, fact_report):
    (tmp_path / "reports.duckdb").write_text("not ours")
    with pytest.raises(ValueError, match="refusing"):
        build_data_docs([fact_report], tmp_path)
    assert (tmp_path / "reports.duckdb").exists()
