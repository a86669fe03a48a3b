"""What the warehouse already holds, read before a run decides what to parse."""

import duckdb
import polars as pl

from warehouse.landing import PREVIOUS_SCHEMA

DOCUMENT_STATE_SCHEMA = {"document_id": pl.String, "parser_version": pl.String}


def previous_files(con: duckdb.DuckDBPyConnection | None) -> pl.DataFrame:
    if con is None or not _has_table(con, "landing_file"):
        return pl.DataFrame(schema=PREVIOUS_SCHEMA)
    return con.sql(f"SELECT {', '.join(PREVIOUS_SCHEMA)} FROM landing_file").pl().cast(PREVIOUS_SCHEMA)


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


def current_files(con: duckdb.DuckDBPyConnection | None) -> pl.DataFrame:
    """path, size_bytes, mtime of every file the last load saw in the landing folder."""
    columns = ["path", "size_bytes", "mtime"]
    if con is None or not _has_table(con, "landing_file"):
        return pl.DataFrame(schema={k: PREVIOUS_SCHEMA[k] for k in columns})
    return (
        con.sql("SELECT path, size_bytes, mtime FROM landing_file WHERE status <> 'removed' ORDER BY path")
        .pl()
        .cast({k: PREVIOUS_SCHEMA[k] for k in columns})
    )
