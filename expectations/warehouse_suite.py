"""The warehouse suite: invariants the pipeline itself guarantees.

Severity "error": a failure here is our bug (a fact pointing at a dimension row that was
never written, a duplicated key), not something a report said. GX's duckdb:// SQL source
is broken in 1.24.1 (../shared/STACK.md §2), so the keys are pulled into Polars, each
fact gets one orphan flag per dimension by anti-join, and GX checks the flags are false.
"""

from pathlib import Path

import polars as pl

from expectations.report import ValidationReport
from expectations.runner import Check, run_checks

SUITE = "warehouse"
SEVERITY = "error"

# fact column → (dimension table, its key). A null key is not an orphan: a report with
# no period or no locality legitimately has none; only a key the dimension lacks is.
DIMENSIONS = {
    "document_id": ("dim_document", "document_id"),
    "period_id": ("dim_period", "period_id"),
    "unit": ("dim_unit", "unit"),
    "admin_unit_id": ("dim_admin_unit", "admin_unit_id"),
}


def load(con) -> pl.DataFrame:
    """Fact keys from the warehouse, with `<column>_orphan` flags (Boolean)."""
    facts = con.sql(
        "SELECT document_id, fact_index, "
        + ", ".join(c for c in DIMENSIONS if c != "document_id")
        + " FROM fact_indicator_value"
    ).pl()
    for column, (table, key) in DIMENSIONS.items():
        keys = con.sql(f"SELECT DISTINCT {key} AS k, true AS found FROM {table} WHERE {key} IS NOT NULL").pl()
        facts = (
            facts.join(keys, left_on=column, right_on="k", how="left", maintain_order="left")
            .with_columns(
                (pl.col(column).is_not_null() & pl.col("found").is_null()).alias(f"{column}_orphan")
            )
            .drop("found")
        )
    return facts


def checks() -> list[Check]:
    out = [
        Check(
            name="fact_document_id_present",
            gx="ExpectColumnValuesToNotBeNull",
            kwargs={"column": "document_id"},
            observed=pl.lit("null"),
            expected=pl.lit("a document_id"),
        ),
        Check(
            name="fact_key_unique",
            gx="ExpectCompoundColumnsToBeUnique",
            kwargs={"column_list": ["document_id", "fact_index"]},
            observed=pl.lit("duplicate (document_id, fact_index)"),
            expected=pl.lit("one row per (document_id, fact_index)"),
        ),
    ]
    for column, (table, key) in DIMENSIONS.items():
        out.append(
            Check(
                name=f"fact_{column}_in_{table}",
                gx="ExpectColumnValuesToBeInSet",
                kwargs={"column": f"{column}_orphan", "value_set": [False]},
                observed=pl.format("{} = {}", pl.lit(column), pl.col(column)),
                expected=pl.lit(f"a {key} of {table}"),
                description=f"Every non-null fact_indicator_value.{column} exists in {table}.{key}.",
            )
        )
    return out


def validate_warehouse(con, data_docs_dir: Path | None = None) -> ValidationReport:
    """Run the warehouse suite over an open DuckDB connection (read-only is enough)."""
    frame = load(con)
    report = run_checks(SUITE, frame, checks(), SEVERITY)
    if data_docs_dir is not None:
        from expectations.data_docs import build_data_docs

        build_data_docs([report], data_docs_dir)
    return report
