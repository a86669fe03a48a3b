"""The data dictionary in the file: `sql/dictionary.csv` applied as COMMENT ON.

Views lose their comments when `sql/views.sql` recreates them, so the dictionary is applied
after the views on every load (a few hundred statements, milliseconds). An analyst reads
it with `SELECT table_name, column_name, comment FROM duckdb_columns()` or
`duckdb_tables()` / `duckdb_views()`.
"""

import csv
import functools
from pathlib import Path

import duckdb

DICTIONARY = Path(__file__).resolve().parents[1] / "sql" / "dictionary.csv"


@functools.cache
def entries() -> dict[tuple[str, str], str]:
    """(object, column) → comment; column "" is the object's own comment, object "*" the
    meaning of a column name anywhere. A pair defined twice is an error."""
    with DICTIONARY.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        found: dict[tuple[str, str], str] = {}
        for row in csv.DictReader(lines):
            key = (row["object"].strip(), row["column"].strip())
            if key in found:
                raise ValueError(f"{DICTIONARY.name}: {key} defined twice")
            found[key] = row["comment"].strip()
    return found


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every table, view and column the dictionary describes and the file holds."""
    meaning = entries()
    objects = con.execute("""
        SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal
        UNION ALL
        SELECT view_name, 'VIEW' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
    """).fetchall()
    kinds = dict(objects)
    for name, kind in objects:
        if (name, "") in meaning:
            con.execute(f"COMMENT ON {kind} {_quote(name)} IS {_literal(meaning[name, ''])}")
    columns = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()
    for table, column in columns:
        comment = meaning.get((table, column)) or meaning.get(("*", column))
        if comment and table in kinds:
            con.execute(f"COMMENT ON COLUMN {_quote(table)}.{_quote(column)} IS {_literal(comment)}")
