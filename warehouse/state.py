"""What the warehouse already holds, read before a run decides what to parse."""

import duckdb
import polars as pl

from warehouse.landing import PREVIOUS_SCHEMA

DOCUMENT_STATE_SCHEMA = {"document_id": pl.String, "parser_version": pl.String}


def previous_files(con: duckdb.DuckDBPyConnection | None) -> pl.DataFrame:
    if con is None or not _has_table(con, "landing_file"):
        return pl.DataFrame(schema=PREVIOUS_SCHEMA)
    return (
        con.sql("SELECT path, size_bytes, mtime, content_hash, status FROM landing_file")
        .pl()
        .cast(PREVIOUS_SCHEMA)
    )


def loaded_documents(con: duckdb.DuckDBPyConnection | None) -> pl.DataFrame:
    if con is None or not _has_table(con, "dim_document"):
        return pl.DataFrame(schema=DOCUMENT_STATE_SCHEMA)
    return con.sql("SELECT document_id, parser_version FROM dim_document").pl().cast(DOCUMENT_STATE_SCHEMA)


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[
            0
        ]
    )


def current_facts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every fact in the warehouse, in the shape extraction produces (extra targets as a
    list per fact), so the GX suites can validate the warehouse as a whole."""
    return con.sql("""
        WITH extra AS (
            SELECT document_id, fact_index,
                   list(struct_pack(target_value := target_value, pct_target := pct_target,
                                    pct_target_decimals := pct_target_decimals, target_kind := target_kind)
                        ORDER BY target_index) AS extra_targets
            FROM fact_extra_target GROUP BY ALL
        )
        SELECT f.*, coalesce(e.extra_targets, []) AS extra_targets
        FROM fact_indicator_value AS f LEFT JOIN extra AS e USING (document_id, fact_index)
        ORDER BY f.document_id, f.fact_index
    """).pl()


def current_documents(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("SELECT * FROM dim_document ORDER BY document_id").pl()
