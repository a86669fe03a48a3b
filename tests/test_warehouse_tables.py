"""The warehouse's tables against the one definition of their shapes, and schema upgrades.

Fast tier: in-memory or tmp DuckDB files, no pipeline run.
"""

import duckdb
import polars as pl
import pytest

from transforms.schema import TABLE_SCHEMAS
from warehouse.snapshot import apply_schema, migrations

pytestmark = pytest.mark.slow  # applies every migration to real warehouse files: left out by `make test-fast`

# How each Polars dtype of transforms.schema is stored by DuckDB.
DUCKDB_TYPE = {
    pl.String: "VARCHAR",
    pl.Int32: "INTEGER",
    pl.Int64: "BIGINT",
    pl.Float64: "DOUBLE",
    pl.Boolean: "BOOLEAN",
    pl.Date: "DATE",
    pl.Datetime("us"): "TIMESTAMP",
}

# Bookkeeping of the schema itself, not data the pipeline writes.
NOT_DATA_TABLES = {"schema_version"}


def _columns(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    for table, column, dtype in con.execute(
        """SELECT c.table_name, c.column_name, c.data_type
           FROM information_schema.columns c JOIN information_schema.tables t
             ON t.table_name = c.table_name AND t.table_schema = c.table_schema
           WHERE c.table_schema = 'main' AND t.table_type = 'BASE TABLE'"""
    ).fetchall():
        tables.setdefault(table, {})[column] = dtype
    return tables


def _expected(schema: dict[str, pl.DataType]) -> dict[str, str]:
    return {name: DUCKDB_TYPE[dtype] for name, dtype in schema.items()}


def test_every_table_is_its_schema():
    con = duckdb.connect()
    apply_schema(con)
    actual = _columns(con)
    assert set(actual) - NOT_DATA_TABLES == set(TABLE_SCHEMAS), "a table without a shape, or the reverse"
    for table, schema in TABLE_SCHEMAS.items():
        assert actual[table] == _expected(schema), table


def test_a_file_from_before_migrations_is_brought_up_to_date(tmp_path):
    """A warehouse written by the version before numbered migrations opens with its rows
    intact and every table in today's shape. That version's DDL is migration 001 verbatim,
    run without any record in schema_version."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(migrations()[0][1].read_text(encoding="utf-8"))
    old.execute("INSERT INTO dim_document (document_id, title) VALUES ('d1', 'Báo cáo cũ')")
    old.close()

    con = duckdb.connect(str(path))
    apply_schema(con)
    assert con.execute("SELECT title FROM dim_document").fetchall() == [("Báo cáo cũ",)]
    applied = [row[0] for row in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
    assert applied == [number for number, _ in migrations()]
    actual = _columns(con)
    for table, schema in TABLE_SCHEMAS.items():
        assert actual[table] == _expected(schema), table


def test_migrations_run_once(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    apply_schema(con)
    con.execute("INSERT INTO dim_unit VALUES ('ha', 'area', 10000, 'm2', true)")
    apply_schema(con)  # a second run applies nothing again and keeps the rows
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(migrations())
    assert con.execute("SELECT count(*) FROM dim_unit").fetchone()[0] == 1


def test_migration_numbers_are_unique(tmp_path, monkeypatch):
    import warehouse.snapshot as snapshot

    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "001_a.sql").write_text("SELECT 1;")
    (folder / "001_b.sql").write_text("SELECT 1;")
    monkeypatch.setattr(snapshot, "MIGRATIONS_DIR", folder)
    with pytest.raises(RuntimeError, match="share a number"):
        snapshot.migrations()
