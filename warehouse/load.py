"""Apply one run's changes to the warehouse, all inside one atomic swap.

Each document is a slice: its rows in dim_document, document_text, the fact tables
and validation_failure are deleted and re-inserted together, so a rerun adds nothing
and a changed file replaces its facts. Documents no longer held by any current
landing file (changed or removed files) are deleted with all their rows.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from transforms.schema import DOCUMENT_TABLE, FACT_TABLE, FILE_SCHEMA, PIPELINE_RUN_TABLE
from warehouse.admin_reference import ensure_admin_reference
from warehouse.cross_report import CrossReportSummary, rebuild_cross_report_checks
from warehouse.run_log import forget_loaded, load_failed_runs
from warehouse.search import refresh_search
from warehouse.snapshot import building

DOCUMENT_COLUMNS = list(DOCUMENT_TABLE)
FACT_COLUMNS = list(FACT_TABLE)
FILE_COLUMNS = list(FILE_SCHEMA)

# pipeline_run's columns a successful load fills, in order (then status 'success').
RUN_COUNT_COLUMNS = [c for c in PIPELINE_RUN_TABLE if c not in ("status", "error")]

# The landing_file statuses whose document stays current.
HOLDING_STATUSES = "('loaded', 'duplicate', 'extraction_failed')"

# Tables that hold one slice per document.
DOCUMENT_SLICES = [
    "skipped_number",
    "fact_extra_target",
    "fact_indicator_value",
    "validation_failure",
    "document_text",
    "dim_document",
]


@dataclass(frozen=True)
class RunChanges:
    """Everything one run writes. Frames hold only what this run parsed, except `files`."""

    run_id: str
    files: pl.DataFrame  # FILE_COLUMNS for every scanned or removed file; status None = keep
    documents: pl.DataFrame  # DOCUMENT_COLUMNS, for newly parsed documents
    texts: pl.DataFrame  # document_id, status, text: every parsed document (rejected ones have no text)
    facts: pl.DataFrame  # FACT_COLUMNS + "extra_targets"
    failures: pl.DataFrame  # validation_failure columns
    units: pl.DataFrame
    periods: pl.DataFrame
    admin_units: pl.DataFrame
    indicators: pl.DataFrame
    skipped: pl.DataFrame | None = None  # SKIPPED_NUMBER_SCHEMA: this run's numbers that are no fact


@dataclass(frozen=True)
class LoadSummary:
    table_rows: dict[str, int]
    documents_replaced: int
    documents_deleted: int
    facts_inserted: int
    cross_report: CrossReportSummary | None = None


def _extra_target_rows(facts: pl.DataFrame) -> pl.DataFrame:
    return (
        facts.select("document_id", "fact_index", "extra_targets")
        .filter(pl.col("extra_targets").list.len() > 0)
        .explode("extra_targets")
        .with_columns(
            pl.int_range(pl.len()).over("document_id", "fact_index").cast(pl.Int32).alias("target_index")
        )
        .unnest("extra_targets")
    )


def _upsert_files(con: duckdb.DuckDBPyConnection, files: pl.DataFrame, now: datetime) -> None:
    """Record every file seen. Status None means unchanged: only last_seen moves."""
    incoming = files.select(FILE_COLUMNS).with_columns(pl.lit(now).alias("seen_at"))
    con.register("incoming_files", incoming)
    con.execute("""
        UPDATE landing_file SET last_seen = i.seen_at, size_bytes = i.size_bytes, mtime = i.mtime
        FROM incoming_files AS i WHERE landing_file.path = i.path AND i.status IS NULL
    """)
    # Removed files keep their row (history) but stop being current.
    con.execute("""
        UPDATE landing_file SET status = 'removed', duplicate_of = NULL
        FROM incoming_files AS i WHERE landing_file.path = i.path AND i.status = 'removed'
    """)
    _keep_loaded_content(con)
    con.execute("""
        INSERT INTO landing_file (path, source_file, size_bytes, mtime, content_hash, document_id, status,
                                  error_reason, error, first_seen, last_seen, parsed_at)
        SELECT path, source_file, size_bytes, mtime, content_hash, document_id, status,
               error_reason, error, seen_at, seen_at, parsed_at
        FROM incoming_files WHERE status IS NOT NULL AND status <> 'removed'
          AND path NOT IN (SELECT path FROM kept_files)
        ON CONFLICT (path) DO UPDATE SET
            source_file = excluded.source_file, size_bytes = excluded.size_bytes, mtime = excluded.mtime,
            content_hash = excluded.content_hash, document_id = excluded.document_id,
            status = excluded.status, error_reason = excluded.error_reason, error = excluded.error,
            duplicate_of = NULL, parsed_at = excluded.parsed_at, last_seen = excluded.last_seen
    """)
    con.execute("DROP TABLE kept_files")
    con.unregister("incoming_files")


def _keep_loaded_content(con: duckdb.DuckDBPyConnection) -> None:
    """A file whose facts could not be extracted keeps the document it held (its row keeps that
    content's hash, size and mtime, so its facts stay current and the next run sees the file as
    changed and parses it again); only its status and error say what happened. Those paths are
    listed in the temp table kept_files for the upsert to leave alone."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE kept_files AS
        SELECT l.path FROM landing_file AS l JOIN incoming_files AS i USING (path)
        WHERE i.status = 'extraction_failed' AND l.status IN ('loaded', 'duplicate', 'extraction_failed')
          AND l.document_id IN (SELECT document_id FROM dim_document)
    """)
    con.execute("""
        UPDATE landing_file SET status = 'extraction_failed', error_reason = i.error_reason, error = i.error,
               duplicate_of = NULL, last_seen = i.seen_at, parsed_at = i.parsed_at
        FROM incoming_files AS i WHERE landing_file.path = i.path AND i.path IN (SELECT path FROM kept_files)
    """)


def _mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Of the current files with the same bytes, the one seen first (then by path) holds the
    document; the others are its duplicates."""
    con.execute("""
        UPDATE landing_file
        SET status = CASE WHEN landing_file.path = p.first_path THEN 'loaded' ELSE 'duplicate' END,
            duplicate_of = CASE WHEN landing_file.path = p.first_path THEN NULL ELSE p.document_id END
        FROM (SELECT document_id, arg_min(path, (first_seen, path)) AS first_path FROM landing_file
              WHERE status IN ('loaded', 'duplicate') GROUP BY document_id) AS p
        WHERE landing_file.document_id = p.document_id AND landing_file.status IN ('loaded', 'duplicate')
    """)


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pl.DataFrame,
    mode: str = "",
    select: str = "SELECT * FROM incoming_rows",
    slice_rows: int = 20_000,
) -> None:
    """INSERT the frame's rows, a slice at a time: handing a frame to DuckDB converts it to
    Arrow, and a whole run's texts converted at once would double their memory."""
    for offset in range(0, frame.height, slice_rows):
        con.register("incoming_rows", frame.slice(offset, slice_rows))
        con.execute(f"INSERT {mode} INTO {table} BY NAME {select}")
        con.unregister("incoming_rows")


def apply_changes(con: duckdb.DuckDBPyConnection, changes: RunChanges, now: datetime) -> tuple[int, int]:
    replaced = changes.documents.get_column("document_id").unique()
    _upsert_files(con, changes.files, now)

    con.register("replaced_documents", replaced.to_frame())
    for table in DOCUMENT_SLICES:
        con.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT document_id FROM replaced_documents)")
    con.unregister("replaced_documents")

    _insert(con, "dim_document", changes.documents.select(DOCUMENT_COLUMNS))
    _insert(
        con,
        "document_text",
        changes.texts,
        slice_rows=500,
        select="SELECT document_id, text FROM incoming_rows WHERE status = 'ok'",
    )
    _insert(con, "fact_indicator_value", changes.facts.select(FACT_COLUMNS))
    _insert(con, "fact_extra_target", _extra_target_rows(changes.facts))
    _insert(con, "validation_failure", changes.failures)
    if changes.skipped is not None:
        _insert(con, "skipped_number", changes.skipped)
    _insert(con, "dim_unit", changes.units, "OR IGNORE")
    _insert(con, "dim_period", changes.periods, "OR IGNORE")
    ensure_admin_reference(con)  # the official unit lists, once per reference version
    _insert(con, "dim_admin_unit", changes.admin_units, "OR IGNORE")
    # The catalog is re-stated every run: a renamed indicator updates its row.
    _insert(con, "dim_indicator", changes.indicators, "OR REPLACE")

    # Documents that no current file holds any more: a changed file's old content, a removed file.
    # (a file whose extraction failed still holds the document it had: HOLDING_STATUSES)
    stale = (
        "document_id NOT IN (SELECT document_id FROM landing_file "
        f"WHERE status IN {HOLDING_STATUSES} AND document_id IS NOT NULL)"
    )
    deleted = con.execute(f"SELECT count(*) FROM dim_document WHERE {stale}").fetchone()[0]
    for table in DOCUMENT_SLICES:
        con.execute(f"DELETE FROM {table} WHERE {stale}")
    _mark_duplicates(con)
    return len(replaced), deleted


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
        ).fetchall()
    ]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def load_run(
    path: Path,
    changes: RunChanges,
    now: datetime,
    lock_timeout_s: float = 900.0,
    before_swap: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> LoadSummary:
    """Write `changes` into the warehouse at `path` atomically (see warehouse.snapshot).
    `before_swap` sees the finished copy; if it raises, the copy is never swapped in."""
    with building(path, lock_timeout_s) as con:
        replaced, deleted = apply_changes(con, changes, now)
        cross_report = rebuild_cross_report_checks(con)  # over the whole warehouse, every load
        refresh_search(con, documents_changed=bool(replaced or deleted))
        counts = con.execute("""
            SELECT (SELECT count(*) FROM landing_file WHERE status <> 'removed'),
                   (SELECT count(*) FROM landing_file WHERE status = 'rejected'),
                   (SELECT count(*) FROM dim_document),
                   (SELECT count(*) FROM fact_indicator_value),
                   (SELECT count(*) FROM fact_indicator_value WHERE validation_status = 'fail')
        """).fetchone()
        files = changes.files
        failed_runs = load_failed_runs(con, path)  # failed runs recorded since the last load
        con.execute(
            f"INSERT INTO pipeline_run ({', '.join(RUN_COUNT_COLUMNS)}, status) "
            f"VALUES ({', '.join('?' * len(RUN_COUNT_COLUMNS))}, 'success')",
            [
                changes.run_id,
                now,
                counts[0],
                int(files.get_column("parsed_at").is_not_null().sum()),
                counts[1],
                int((files.get_column("status") == "removed").sum()),
                counts[2],
                counts[3],
                counts[4],
            ],
        )
        summary = LoadSummary(table_counts(con), replaced, deleted, changes.facts.height, cross_report)
        if before_swap is not None:
            before_swap(con)
    forget_loaded(failed_runs)
    return summary
