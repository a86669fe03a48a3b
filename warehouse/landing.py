"""The landing folder as rows, and what changed since the warehouse last saw it.

Work is proportional to change: a file whose path, size and mtime match the last run
keeps its recorded hash unread; only new or touched files are hashed, and only
contents the warehouse does not already hold are parsed.
"""

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from transforms.admin_units import HINTS_FILE
from transforms.schema import FILE_SCHEMA

# The file-state shapes are views of transforms.schema.FILE_SCHEMA, the landing_file row.
SCAN_SCHEMA = {k: FILE_SCHEMA[k] for k in ("path", "source_file", "size_bytes", "mtime")}

PLAN_SCHEMA = {
    **SCAN_SCHEMA,
    "content_hash": FILE_SCHEMA["content_hash"],
    "action": pl.String,  # new | changed | unchanged | removed | vanished
    "document_id": FILE_SCHEMA["document_id"],
}

PREVIOUS_SCHEMA = {k: FILE_SCHEMA[k] for k in ("path", "size_bytes", "mtime", "content_hash", "status")}


def document_id_for(content_hash: str) -> str:
    """A document is its bytes: the same content under two names is one document."""
    return content_hash[:16]


def scan_folder(folder: Path) -> tuple[pl.DataFrame, list[str]]:
    """Every regular file below `folder`, and the entries deliberately skipped.

    Hidden files and folders (".name") are skipped, and the hint file at the top; so are symlinks that point outside
    the landing folder — the pipeline reads only what was put in its folder.
    """
    folder = folder.resolve()
    rows, skipped = [], []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            rel = full.relative_to(folder).as_posix()
            if rel == HINTS_FILE:
                continue  # the operator's unit hints (transforms.admin_units), not a report
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(folder):
                    skipped.append(f"{rel}: symlink to {target}, outside the landing folder")
                    continue
            try:
                stat = full.stat()
            except OSError as exc:  # vanished or unreadable between listing and stat
                skipped.append(f"{rel}: {exc.strerror or exc}")
                continue
            if not full.is_file():
                continue
            rows.append(
                {
                    "path": rel,
                    "source_file": name,
                    "size_bytes": stat.st_size,
                    "mtime": datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
                }
            )
    return pl.DataFrame(rows, schema=SCAN_SCHEMA), skipped


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def plan_changes(folder: Path, scanned: pl.DataFrame, previous: pl.DataFrame) -> pl.DataFrame:
    """Compare the scan with the warehouse's landing_file table.

    `previous` has PREVIOUS_SCHEMA (empty for a new warehouse). Actions: new, changed
    (bytes differ from what was loaded), unchanged, removed (recorded but gone),
    vanished (listed but deleted before it could be hashed).
    """
    known = {row["path"]: row for row in previous.filter(pl.col("status") != "removed").iter_rows(named=True)}
    rows = []
    for row in scanned.iter_rows(named=True):
        before = known.pop(row["path"], None)
        if before and before["size_bytes"] == row["size_bytes"] and before["mtime"] == row["mtime"]:
            content_hash, action = before["content_hash"], "unchanged"
        else:
            try:
                content_hash = hash_file(folder / row["path"])
            except OSError:
                rows.append({**row, "content_hash": None, "action": "vanished", "document_id": None})
                continue
            if before is None:
                action = "new"
            elif before["content_hash"] == content_hash:
                action = "unchanged"  # touched, same bytes
            else:
                action = "changed"
        doc_id = document_id_for(content_hash) if content_hash else None
        rows.append({**row, "content_hash": content_hash, "action": action, "document_id": doc_id})
    for gone in known.values():
        rows.append(
            {
                "path": gone["path"],
                "source_file": Path(gone["path"]).name,
                "size_bytes": gone["size_bytes"],
                "mtime": gone["mtime"],
                "content_hash": gone["content_hash"],
                "action": "removed",
                "document_id": document_id_for(gone["content_hash"]) if gone["content_hash"] else None,
            }
        )
    return pl.DataFrame(rows, schema=PLAN_SCHEMA).sort("path")


def mark_needs_parse(
    plan: pl.DataFrame,
    previous: pl.DataFrame,
    loaded: pl.DataFrame,
    parser_version: str,
    full_refresh: bool = False,
) -> pl.DataFrame:
    """Adds `needs_parse`: a current file is parsed when the warehouse does not hold its
    content as read by this parser version — except a file already rejected whose bytes
    did not change (it would only be rejected again). `full_refresh` parses everything."""
    current = loaded.filter(pl.col("parser_version") == parser_version).get_column("document_id")
    rejected = previous.filter(pl.col("status") == "rejected").select(
        "path", pl.lit(True).alias("was_rejected")
    )
    unchanged_reject = (pl.col("action") == "unchanged") & pl.col("was_rejected").fill_null(False)
    # A file whose fact extraction failed last time is tried again, whatever else holds.
    retry = previous.filter(pl.col("status") == "extraction_failed").get_column("path")
    stale = (~pl.col("document_id").is_in(current.implode()) & ~unchanged_reject) | pl.col("path").is_in(
        retry.implode()
    )
    return (
        plan.join(rejected, on="path", how="left")
        .with_columns(
            (pl.col("action").is_in(["new", "changed", "unchanged"]) & (pl.lit(full_refresh) | stale)).alias(
                "needs_parse"
            )
        )
        .drop("was_rejected")
    )
