"""Full-text search over fact quotes and report texts, with DuckDB's fts extension.

The extension comes from PyPI (`duckdb-extension-fts`), a wheel holding one
`fts.duckdb_extension` built for exactly one DuckDB version: it is LOADed from that file,
so nothing is downloaded and nothing is installed into the user's home. `INSTALL fts` by
name would need the network.

The indexes are rebuilt at every load inside the copy-and-swap (an fts index does not
follow later changes to its table), over `search_fact` (one row per fact quote) and
`document_text`. `sql/search.sql` then defines the macros analysts call:
`search_facts('ngân sách')` and `search_documents('ngân sách')`.

Words are compared in lower case with their diacritics (Vietnamese tones tell words
apart: "thu" is not "thủ"), split on anything that is not a letter or digit, neither
stemmed nor filtered by a stop list (both are English).
"""

import importlib.resources
from pathlib import Path

import duckdb

from warehouse.dictionary import apply_comments
from warehouse.snapshot import SQL_DIR

# A word is a run of letters or digits (RE2 syntax); fts replaces the rest by spaces.
WORD_SEPARATORS = r"[^\p{L}\p{N}]+"
INDEX_OPTIONS = f"stemmer = 'none', stopwords = 'none', ignore = '{WORD_SEPARATORS}', strip_accents = 0, lower = 1, overwrite = 1"


def fts_extension_path() -> Path:
    """The fts extension file of the installed duckdb-extension-fts wheel."""
    root = importlib.resources.files("duckdb_extension_fts") / "extensions" / f"v{duckdb.__version__}"
    path = Path(str(root / "fts.duckdb_extension"))
    if not path.is_file():
        raise RuntimeError(
            f"no fts extension for duckdb {duckdb.__version__} at {path}: duckdb and "
            "duckdb-extension-fts must be the same version (see pyproject.toml)"
        )
    return path


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Make search_facts / search_documents callable on this connection."""
    path = str(fts_extension_path()).replace("'", "''")
    con.execute(f"LOAD '{path}'")


def has_search_index(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_schemas() WHERE schema_name IN ('fts_main_search_fact', 'fts_main_document_text')"
        ).fetchone()[0]
        == 2
    )


def refresh_search(con: duckdb.DuckDBPyConnection, documents_changed: bool) -> None:
    """Rebuild the indexes when the load changed any document (or they are missing): a
    rebuild reads every quote and text, ~20 s per 10,000 reports, so a run that changed
    nothing keeps the copy's indexes. The macros are recreated every time (cheap)."""
    load_fts(con)
    if documents_changed or not has_search_index(con):
        build_search_index(con)
    con.execute((SQL_DIR / "search.sql").read_text(encoding="utf-8"))
    apply_comments(con)  # search_fact is made after the schema's comments were applied


def build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build both indexes; run inside the load's copy of the warehouse."""
    load_fts(con)
    con.execute("SET enable_progress_bar = false")  # a long build must not draw on the run's output
    con.execute("""
        CREATE OR REPLACE TABLE search_fact AS
        SELECT document_id || '/' || fact_index AS fact_key, document_id, fact_index, quote
        FROM fact_indicator_value WHERE quote IS NOT NULL
    """)
    con.execute(f"PRAGMA create_fts_index('search_fact', 'fact_key', 'quote', {INDEX_OPTIONS})")
    con.execute(f"PRAGMA create_fts_index('document_text', 'document_id', 'text', {INDEX_OPTIONS})")


def connect(path: Path | str, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse with full-text search ready (read-only by default)."""
    con = duckdb.connect(str(path), read_only=read_only)
    load_fts(con)
    return con
