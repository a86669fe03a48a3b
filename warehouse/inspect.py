"""What a warehouse file holds, read back for the people watching it: row counts, column
schemas with their comments, and the current facts' validation failures in words.

Everything here reads the whole warehouse, not one run's frames, so a run that parsed
nothing new still reports every failure the warehouse holds.
"""

from dataclasses import dataclass

import duckdb
import polars as pl


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    comment: str | None
    nullable: bool


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[Column]:
    """A table's or view's columns in order, with the data dictionary's comment if any."""
    rows = con.execute(
        """
        SELECT column_name, data_type, comment, is_nullable FROM duckdb_columns()
        WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index
        """,
        [table],
    ).fetchall()
    return [Column(name, dtype, comment or None, bool(nullable)) for name, dtype, comment, nullable in rows]


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?", [table]
        ).fetchone()[0]
    )


# Failing rows as a person reads them: which file, which fact, what it said, why it failed.
_FACT_FAILURES = """
    SELECT s.source_file AS file, v.fact_index, f.indicator_text AS indicator, f.value_text AS value,
           f.unit, v.expectation, v.observed, v.expected, f.quote
    FROM validation_failure AS v
    JOIN fact_indicator_value AS f USING (document_id, fact_index)
    LEFT JOIN v_document_source AS s USING (document_id)
    WHERE v.suite = ? AND list_contains(?, v.expectation)
    ORDER BY s.source_file, v.fact_index, v.expectation
"""
_DOCUMENT_FAILURES = """
    SELECT s.source_file AS file, v.expectation, v.observed, v.expected, d.title
    FROM validation_failure AS v
    JOIN dim_document AS d USING (document_id)
    LEFT JOIN v_document_source AS s USING (document_id)
    WHERE v.suite = ? AND list_contains(?, v.expectation)
    ORDER BY s.source_file, v.expectation
"""


@dataclass(frozen=True)
class StoredFailures:
    """Every current failure of some expectations of one suite."""

    rows_checked: int  # current facts (or documents) of the warehouse
    rows_failed: int  # distinct facts (or documents) failing any of the expectations
    by_expectation: dict[str, int]  # failing rows per expectation (0 for none)
    sample: pl.DataFrame  # the first failing rows, readable


def stored_failures(
    con: duckdb.DuckDBPyConnection, suite: str, expectations: list[str], per_fact: bool, sample: int = 10
) -> StoredFailures:
    """The failures the warehouse holds for `expectations` of `suite` (per fact, or per
    document when `per_fact` is False)."""
    key = "document_id, fact_index" if per_fact else "document_id"
    where = "suite = ? AND list_contains(?, expectation)"
    params = [suite, expectations]
    failed = con.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT {key} FROM validation_failure WHERE {where})", params
    ).fetchone()[0]
    counts = dict(
        con.execute(
            f"SELECT expectation, count(*) FROM validation_failure WHERE {where} GROUP BY 1", params
        ).fetchall()
    )
    table = "fact_indicator_value" if per_fact else "dim_document"
    rows = con.sql(f"{_FACT_FAILURES if per_fact else _DOCUMENT_FAILURES} LIMIT {sample}", params=params).pl()
    return StoredFailures(
        rows_checked=row_count(con, table),
        rows_failed=failed,
        by_expectation={name: int(counts.get(name, 0)) for name in expectations},
        sample=rows,
    )


@dataclass(frozen=True)
class Totals:
    """What the warehouse holds now, for the end of a run's output."""

    documents: int
    facts: int
    facts_failing: int
    rejected_by_reason: dict[str, int]
    documents_without_unit_code: int | None  # None: this warehouse has no unit codes yet


def totals(con: duckdb.DuckDBPyConnection) -> Totals:
    documents, facts, failing = con.execute("""
        SELECT (SELECT count(*) FROM dim_document), (SELECT count(*) FROM fact_indicator_value),
               (SELECT count(*) FROM fact_indicator_value WHERE validation_status = 'fail')
    """).fetchone()
    rejected = con.execute(
        "SELECT error_reason, count(*) FROM landing_file WHERE status IN ('rejected', 'extraction_failed') GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    has_codes = "admin_unit_code" in {c.name for c in columns(con, "dim_document")}
    without_code = (
        con.execute("SELECT count(*) FROM dim_document WHERE admin_unit_code IS NULL").fetchone()[0]
        if has_codes
        else None
    )
    return Totals(documents, facts, failing, {str(r): n for r, n in rejected}, without_code)
