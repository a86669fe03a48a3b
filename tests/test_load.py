"""Dimensions, run changes and the load, on an in-memory DuckDB (fast tier, no pipeline)."""

from datetime import date, datetime

import duckdb
import polars as pl
import pytest

from transforms.schema import DOCUMENT_RECORD_SCHEMA, FAILURE_SCHEMA, facts_frame
from warehouse.changes import build_changes, with_verdicts
from warehouse.dimensions import admin_unit_rows, period_bounds, period_id, with_document_keys
from warehouse.landing import PLAN_SCHEMA
from warehouse.load import apply_changes
from warehouse.snapshot import apply_schema

NOW = datetime(2026, 1, 5, 8, 0)


def _document(doc_id: str, locality: str = "Tân Lập", text: str = "Diện tích lúa 120 ha.") -> dict:
    record = dict.fromkeys(DOCUMENT_RECORD_SCHEMA)
    record.update(
        document_id=doc_id,
        path=f"{doc_id}.txt",
        status="ok",
        text=text,
        char_count=len(text),
        source_format="text",
        admin_level="xã",
        locality=locality,
        parent_locality="Sơn Hà",
        period_year=2024,
        period_kind="half",
        period_index=1,
        validation_status="pass",
    )
    return record


def _plan(*rows: tuple[str, str]) -> pl.DataFrame:
    """(document_id, action) per file named after its document."""
    return pl.DataFrame(
        [
            {
                "path": f"{doc}.txt",
                "source_file": f"{doc}.txt",
                "size_bytes": 10,
                "mtime": NOW,
                "content_hash": doc * 4,
                "action": action,
                "document_id": doc,
            }
            for doc, action in rows
        ],
        schema=PLAN_SCHEMA,
    )


def _facts(doc_id: str, values: list[float]) -> pl.DataFrame:
    records = [
        {
            "document_id": doc_id,
            "fact_index": i,
            "indicator_text": "diện tích lúa",
            "value": v,
            "value_text": str(v),
            "unit": "ha",
            "quote": "Diện tích lúa 120 ha",
            "char_start": 0,
            "char_end": 20,
            # the parse stage decides the unit's meaning (transforms.facts); the load stores it
            "value_base": v * 1e4,
            "unit_base": "m2",
            "unit_kind": "area",
        }
        for i, v in enumerate(values)
    ]
    return facts_frame(records).with_columns(pl.lit("pass").alias("validation_status"))


def _changes(plan: pl.DataFrame, docs: list[dict], facts: pl.DataFrame, run_id: str = "r1"):
    documents = pl.DataFrame(docs, schema={**DOCUMENT_RECORD_SCHEMA, "validation_status": pl.String})
    return build_changes(run_id, plan, documents, facts, pl.DataFrame(schema=FAILURE_SCHEMA), NOW)


@pytest.fixture
def con():
    con = duckdb.connect()
    apply_schema(con)
    return con


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_period_ids_and_bounds():
    assert period_id(2024, "half", 1) == "2024-H1"
    assert period_id(2024, "months", 9) == "2024-M09"
    assert period_id(2024, "year", None) == "2024"
    assert period_bounds(2024, "quarter", 3) == (date(2024, 7, 1), date(2024, 9, 30))
    assert period_bounds(2024, "months", 9) == (date(2024, 1, 1), date(2024, 9, 30))


def test_a_commune_has_its_district_as_parent_row():
    docs = with_document_keys(pl.DataFrame([_document("d1")], schema=DOCUMENT_RECORD_SCHEMA))
    units = admin_unit_rows(docs)
    commune = units.filter(pl.col("locality") == "Tân Lập").row(0, named=True)
    parent = units.filter(pl.col("admin_unit_id") == commune["parent_admin_unit_id"]).row(0, named=True)
    assert parent["locality"] == "Sơn Hà"


def test_verdicts_mark_failing_and_unchecked_facts():
    facts = _facts("d1", [1.0, 2.0, 3.0]).drop("validation_status")
    verdicts = pl.DataFrame(
        {"document_id": ["d1", "d1"], "fact_index": [0, 1], "validation_status": ["pass", "fail"]},
        schema={"document_id": pl.String, "fact_index": pl.Int32, "validation_status": pl.String},
    )
    marked = with_verdicts(facts, verdicts).get_column("validation_status").to_list()
    assert marked == ["pass", "fail", "not_checked"]


def test_base_values_follow_the_unit(con):
    changes = _changes(_plan(("d1", "new")), [_document("d1")], _facts("d1", [120.0]))
    apply_changes(con, changes, NOW)
    assert con.execute("SELECT value_base, unit_base, unit_kind FROM fact_indicator_value").fetchall() == [
        (1_200_000.0, "m2", "area")
    ]


def test_a_rerun_adds_no_rows(con):
    changes = _changes(_plan(("d1", "new")), [_document("d1")], _facts("d1", [120.0, 80.0]))
    apply_changes(con, changes, NOW)
    apply_changes(con, changes, NOW)
    assert (
        _count(con, "dim_document"),
        _count(con, "fact_indicator_value"),
        _count(con, "landing_file"),
    ) == (
        1,
        2,
        1,
    )


def test_a_removed_file_takes_its_facts_away(con):
    apply_changes(con, _changes(_plan(("d1", "new")), [_document("d1")], _facts("d1", [1.0])), NOW)
    removal = _changes(_plan(("d1", "removed")), [], _facts("d1", [])[:0], run_id="r2")
    _, deleted = apply_changes(con, removal, NOW)
    assert deleted == 1
    assert _count(con, "fact_indicator_value") == 0
    assert con.execute("SELECT status FROM landing_file").fetchall() == [("removed",)]


def test_same_bytes_under_two_names_is_one_document_and_a_duplicate(con):
    plan = pl.concat(
        [_plan(("d1", "new")), _plan(("d1", "new")).with_columns(pl.lit("copy.txt").alias("path"))]
    )
    apply_changes(con, _changes(plan, [_document("d1")], _facts("d1", [1.0])), NOW)
    statuses = con.execute("SELECT path, status, duplicate_of FROM landing_file ORDER BY path").fetchall()
    # Seen in the same run: the first path by name holds the document.
    assert statuses == [("copy.txt", "loaded", None), ("d1.txt", "duplicate", "d1")]
