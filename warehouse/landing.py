"""The landing folder as rows, and what changed since the warehouse last saw it.

Work is proportional to change: a file whose path, size and mtime match the last run
keeps its recorded hash unread; only new or touched files are hashed, and only
contents the warehouse does not already hold are parsed.

Nothing in the folder can fail the run: an entry the scan or a read cannot take becomes a
rejection of that entry with its reason (warehouse.landing_read), or a logged skip when it
leaves nothing to record. A failed read never retracts what the warehouse loaded from that
file before, and a folder that cannot be listed is not a folder whose files were removed.
Files are opened only through warehouse.landing_read (no symlink followed, regular files
only, the parsed bytes checked against the planned hash).
"""

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from transforms.admin_units import HINTS_FILE
from transforms.decode import UnreadableDocument
from transforms.schema import FILE_SCHEMA
from warehouse import settings
from warehouse.landing_read import (
    BAD_NAME,
    KEEPS_DOCUMENT,
    SYMLINK_LOOP,
    UNREADABLE,
    hash_below,
    kind_of,
    race,
)

# The file-state shapes are views of transforms.schema.FILE_SCHEMA, the landing_file row.
SCAN_SCHEMA = {
    **{k: FILE_SCHEMA[k] for k in ("path", "source_file", "size_bytes", "mtime")},
    "read_path": pl.String,  # what to open, relative to the folder: the file, or a symlink's target
    "error_reason": FILE_SCHEMA["error_reason"],  # set when the scan itself rejects the entry
    "error": FILE_SCHEMA["error"],
}

PLAN_SCHEMA = {
    **SCAN_SCHEMA,
    "content_hash": FILE_SCHEMA["content_hash"],
    # new | changed | unchanged | removed | vanished, and for entries that could not be read:
    # rejected (recorded as such) | kept (it holds a document, which stays) | recovered (read
    # again after a failed read, the same bytes as the document it holds)
    "action": pl.String,
    "document_id": FILE_SCHEMA["document_id"],
    "previous_hash": FILE_SCHEMA["content_hash"],  # the bytes of the document the file holds now
}

PREVIOUS_SCHEMA = {
    k: FILE_SCHEMA[k]
    for k in ("path", "size_bytes", "mtime", "content_hash", "document_id", "status", "error_reason")
}
HELD = ("loaded", "duplicate")  # landing_file statuses of a file that holds a document
GONE = ("removed", "vanished")  # plan actions of a file that is no longer there


def document_id_for(content_hash: str) -> str:
    """A document is its bytes: the same content under two names is one document."""
    return content_hash[:16]


def document_id_expr(content_hash: pl.Expr) -> pl.Expr:
    """document_id_for, as a Polars expression."""
    return content_hash.str.slice(0, 16)


def display_path(rel: str) -> tuple[str, bool]:
    """The path as stored in landing_file (VARCHAR, UTF-8), and whether the name is valid UTF-8.
    An undecodable name (bytes from an old Windows share) is shown with its bytes as \\xNN
    escapes: "bao_c\\xe1o.txt"."""
    try:
        rel.encode("utf-8")
        return rel, True
    except UnicodeEncodeError:
        return os.fsencode(rel).decode("utf-8", "backslashreplace"), False


def _mtime(status: os.stat_result) -> datetime:
    return datetime.fromtimestamp(status.st_mtime, UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class LandingScan:
    entries: pl.DataFrame  # SCAN_SCHEMA: regular files, and entries the scan rejects (error_reason set)
    skipped: list[str]  # entries left out on purpose or leaving nothing to record, each with why
    unlisted: list[str]  # folders (relative; "." the folder itself) that could not be listed


def scan_landing(folder: Path) -> LandingScan:
    """Every entry below `folder` that is or was meant to be a report.

    Hidden files and folders (".name") are skipped, and the hint file at the top; so are
    symlinks that point outside the landing folder — the pipeline reads only what was put
    in its folder — and FIFOs, sockets and devices."""
    folder = folder.resolve()
    rows: dict[str, dict] = {}
    skipped: list[str] = []
    unlisted: list[str] = []

    def cannot_list(exc: OSError) -> None:
        rel = os.path.relpath(exc.filename, folder) if exc.filename else "."
        unlisted.append(rel)
        shown = display_path(rel)[0]
        skipped.append(f"{shown}/: cannot be listed ({exc.strerror or exc}); its files are kept as they were")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=cannot_list):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            rel = os.path.relpath(os.path.join(dirpath, name), folder)
            if name.startswith(".") or rel == HINTS_FILE:  # the hint file: transforms.admin_units
                continue
            row = _scan_entry(folder, rel, skipped)
            if row is not None and row["path"] in rows:
                skipped.append(f"{row['path']}: shown like another entry's name, not read")
            elif row is not None:
                rows[row["path"]] = row
    return LandingScan(pl.DataFrame(list(rows.values()), schema=SCAN_SCHEMA), skipped, unlisted)


def scan_folder(folder: Path) -> tuple[pl.DataFrame, list[str]]:
    """scan_landing's entries, and its skips (with the folders it could not list)."""
    scan = scan_landing(folder)
    return scan.entries, scan.skipped


def _reject(row: dict, reason: str, error: str) -> dict:
    return {**row, "error_reason": reason, "error": error}


def _scan_entry(folder: Path, rel: str, skipped: list[str]) -> dict | None:
    """One listed name → its row, or None (then `skipped` says why when it matters)."""
    path, name_ok = display_path(rel)
    row = {"path": path, "source_file": path.rsplit("/", 1)[-1], "read_path": rel}
    full = os.path.join(folder, rel)
    try:
        status = os.lstat(full)
    except FileNotFoundError:
        skipped.append(f"{path}: deleted while the folder was listed")
        return None
    except OSError as exc:
        return _reject(row, UNREADABLE, f"the file cannot be examined: {exc.strerror or exc}")
    row.update(size_bytes=status.st_size, mtime=_mtime(status))
    if not name_ok:  # never read, and its real name cannot be stored
        return _reject(
            {**row, "read_path": None},
            BAD_NAME,
            "the file name is not valid UTF-8 (shown with \\x escapes): rename it",
        )
    if stat.S_ISLNK(status.st_mode):
        return _symlink_entry(folder, full, row, skipped)
    if not stat.S_ISREG(status.st_mode):
        skipped.append(f"{path}: {kind_of(status.st_mode)}, not a report file")
        return None
    return row


def _symlink_entry(folder: Path, full: str, row: dict, skipped: list[str]) -> dict | None:
    """A symlink is read (as its target) only when it leads to a regular file inside the folder."""
    try:
        target_status = os.stat(full)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _reject(row, SYMLINK_LOOP, "a symlink that leads back to itself; not followed")
        skipped.append(f"{row['path']}: symlink to nothing ({exc.strerror or exc})")
        return None
    target = os.path.realpath(full)
    if os.path.commonpath([folder, target]) != str(folder):
        skipped.append(f"{row['path']}: symlink to {display_path(target)[0]}, outside the landing folder")
        return None
    if not stat.S_ISREG(target_status.st_mode):
        skipped.append(f"{row['path']}: symlink to {kind_of(target_status.st_mode)}, not a report file")
        return None
    read_path = os.path.relpath(target, folder)
    if not display_path(read_path)[1]:
        return _reject(row, BAD_NAME, "a symlink to a file whose name is not valid UTF-8: rename that file")
    return {
        **row,
        "read_path": read_path,
        "size_bytes": target_status.st_size,
        "mtime": _mtime(target_status),
    }


def plan_changes(
    folder: Path, scanned: pl.DataFrame, previous: pl.DataFrame, unlisted: Iterable[str] = ()
) -> pl.DataFrame:
    """Compare the scan with the warehouse's landing_file table.

    `previous` has PREVIOUS_SCHEMA (empty for a new warehouse). Actions: new, changed
    (bytes differ from what was loaded), unchanged, removed (recorded but gone), vanished
    (listed but deleted before it could be hashed), and for an entry that could not be read
    (error_reason says why): rejected, or kept when the file holds a document (which stays);
    recovered when a file is read again after a failed read, its bytes those it holds.
    A recorded file below a folder in `unlisted` is unreadable, not removed."""
    folder = folder.resolve()
    known = {row["path"]: row for row in previous.filter(pl.col("status") != "removed").iter_rows(named=True)}
    rows = [_plan_entry(folder, row, known.pop(row["path"], None)) for row in scanned.iter_rows(named=True)]
    rows += [_gone_entry(before, list(unlisted)) for before in known.values()]
    return pl.DataFrame(rows, schema=PLAN_SCHEMA).sort("path")


def _held_hash(before: dict | None) -> str | None:
    return before["content_hash"] if before and before["status"] in HELD else None


def _failed(row: dict, before: dict | None, reason: str, error: str) -> dict:
    """An entry that could not be read: its document stays if it holds one and the failure is
    no sign that the file is gone (KEEPS_DOCUMENT)."""
    held = _held_hash(before)
    if held and reason in KEEPS_DOCUMENT:
        return {
            **row,
            "size_bytes": before["size_bytes"],  # the row keeps describing the bytes it holds
            "mtime": before["mtime"],
            "content_hash": held,
            "document_id": document_id_for(held),
            "action": "kept",
            "error_reason": reason,
            "error": f"{error}; the facts of its last good read are kept",
        }
    return {
        **row,
        "content_hash": None,
        "document_id": None,
        "action": "rejected",
        "error_reason": reason,
        "error": error,
    }


def _plan_entry(folder: Path, row: dict, before: dict | None) -> dict:
    row = {**row, "previous_hash": _held_hash(before)}
    if row["error_reason"]:
        return _failed(row, before, row["error_reason"], row["error"])
    retry = before is not None and before["error_reason"] in KEEPS_DOCUMENT
    if (
        before
        and before["content_hash"]
        and not retry
        and (before["size_bytes"], before["mtime"]) == (row["size_bytes"], row["mtime"])
    ):
        known_hash = before["content_hash"]
        return {
            **row,
            "content_hash": known_hash,
            "action": "unchanged",
            "document_id": document_id_for(known_hash),
        }
    race("plan", row["read_path"])
    try:
        content_hash, status = hash_below(folder, row["read_path"])
    except FileNotFoundError:
        return {**row, "content_hash": None, "action": "vanished", "document_id": None}
    except UnreadableDocument as exc:
        return _failed(row, before, exc.reason, str(exc))
    row.update(size_bytes=status.st_size, mtime=_mtime(status))
    if before is None:
        action = "new"
    elif before["content_hash"] != content_hash:
        action = "changed"
    else:
        action = "recovered" if retry else "unchanged"  # unchanged: touched, same bytes
    return {
        **row,
        "content_hash": content_hash,
        "action": action,
        "document_id": document_id_for(content_hash),
    }


def _gone_entry(before: dict, unlisted: list[str]) -> dict:
    """A recorded file the scan did not see: removed — unless its folder could not be listed."""
    path = before["path"]
    row = {
        "path": path,
        "source_file": Path(path).name,
        "size_bytes": before["size_bytes"],
        "mtime": before["mtime"],
        "previous_hash": _held_hash(before),
    }
    hidden_by = next((d for d in unlisted if d == "." or path.startswith(f"{display_path(d)[0]}/")), None)
    if hidden_by is not None:
        where = "the landing folder" if hidden_by == "." else f"its folder {display_path(hidden_by)[0]}/"
        return _failed(row, before, UNREADABLE, f"{where} cannot be listed")
    content_hash = before["content_hash"]
    return {
        **row,
        "content_hash": content_hash,
        "action": "removed",
        "document_id": document_id_for(content_hash) if content_hash else None,
    }


def mark_needs_parse(
    plan: pl.DataFrame,
    previous: pl.DataFrame,
    loaded: pl.DataFrame,
    parser_version: str,
    full_refresh: bool = False,
) -> pl.DataFrame:
    """Adds `needs_parse`: a current file is parsed when the warehouse does not hold its
    content as read by this parser version — except a file already rejected whose bytes
    did not change (it would only be rejected again). `full_refresh` parses everything
    that could be read."""
    current = loaded.filter(pl.col("parser_version") == parser_version).get_column("document_id")
    rejected = previous.filter(pl.col("status") == "rejected").select(
        "path", pl.lit(True).alias("was_rejected")
    )
    unchanged_reject = (pl.col("action") == "unchanged") & pl.col("was_rejected").fill_null(False)
    stale = ~pl.col("document_id").is_in(current.implode()) & ~unchanged_reject
    readable = pl.col("action").is_in(["new", "changed", "unchanged", "recovered"])
    return (
        plan.join(rejected, on="path", how="left")
        .with_columns((readable & (pl.lit(full_refresh) | stale)).alias("needs_parse"))
        .drop("was_rejected")
    )


# --- The mass-removal guard ---------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    """What a run would retract because files are gone from the folder."""

    held: int  # documents the warehouse holds now
    retracted: int  # of them, those no file in the folder holds any more
    gone: tuple[str, ...]  # a few of the paths gone, for the message

    def needs_confirmation(
        self,
        share: float = settings.REMOVAL_GUARD_SHARE,
        minimum: int = settings.REMOVAL_GUARD_MIN_DOCUMENTS,
    ) -> bool:
        """Every document, or more than `share` of them and at least `minimum`."""
        if not self.retracted:
            return False
        return self.retracted == self.held or (
            self.retracted > share * self.held and self.retracted >= minimum
        )


def removal_of(plan: pl.DataFrame, previous: pl.DataFrame) -> Removal:
    """Documents held before this run that no entry of the folder still holds (a changed,
    unreadable or rejected file still stands in the folder: its document is replaced or kept,
    not removed)."""
    held = set(
        previous.filter(pl.col("status").is_in(HELD) & pl.col("document_id").is_not_null())
        .get_column("document_id")
        .to_list()
    )
    present = plan.filter(~pl.col("action").is_in(GONE))
    still = set(present.get_column("document_id").drop_nulls().to_list())
    still |= {document_id_for(h) for h in present.get_column("previous_hash").drop_nulls().to_list()}
    gone = plan.filter(pl.col("action").is_in(GONE) & pl.col("document_id").is_in(list(held - still)))
    return Removal(len(held), len(held - still), tuple(gone.get_column("path").head(3).to_list()))


def removal_refusal(folder: Path, removal: Removal, files_seen: int) -> str:
    """The one line a refused run ends with: what, why it stopped, and how to confirm."""
    what = (
        f"the landing folder {folder} is empty"
        if files_seen == 0
        else f"their files are gone from the landing folder {folder} (e.g. {', '.join(removal.gone)})"
    )
    return (
        f"refusing to remove {removal.retracted} of the warehouse's {removal.held} documents: {what}. "
        "Nothing was changed. A share that is not mounted or a wrong REPORTS_LANDING_DIR looks like this; "
        "if the removal is real, run again with `make run CONFIRM_REMOVAL=1` "
        "(`python -m orchestration.run --confirm-removal`, or run config "
        "ops.landing_files.config.confirm_removal: true)."
    )
