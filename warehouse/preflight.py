"""The settings checked before any work, each failing in a fraction of a second with one
sentence that says what to do.

Run by `python -m orchestration.run` (so `make run` never parses for 20 s and then dies
on a setting) and by the first asset of the job (so a run started from the Dagster UI
fails the same way).
"""

import os
import tempfile
from pathlib import Path

import duckdb


class SettingsError(RuntimeError):
    """A setting that makes the run impossible; the message says what to do."""


def check_landing(folder: Path) -> None:
    if not folder.exists():
        raise SettingsError(
            f"the landing folder {folder} does not exist: create it or set REPORTS_LANDING_DIR to the "
            "folder where reports arrive"
        )
    if not folder.is_dir():
        raise SettingsError(
            f"the landing path {folder} is a file, not a folder: set REPORTS_LANDING_DIR to the folder "
            "that holds the reports"
        )
    if not os.access(folder, os.R_OK | os.X_OK):
        raise SettingsError(f"the landing folder {folder} cannot be read: give this user read access")


def _writable_folder(folder: Path) -> None:
    """Create the folder if needed and prove a file can be made in it (a permission check
    alone says yes to root on a read-only mount)."""
    hint = "choose another REPORTS_WAREHOUSE_PATH or give this user write access"
    if folder.exists() and not folder.is_dir():
        raise SettingsError(f"the warehouse folder {folder} is a file: choose another REPORTS_WAREHOUSE_PATH")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SettingsError(f"the warehouse folder {folder} is not writable ({reason}): {hint}") from None


def check_warehouse(path: Path) -> None:
    if path.is_dir():
        raise SettingsError(
            f"the warehouse path {path} is a folder: set REPORTS_WAREHOUSE_PATH to a file, "
            f"e.g. {path / 'reports.duckdb'}"
        )
    _writable_folder(path.parent)
    if path.exists():
        _check_no_writer_holds(path)


def _check_no_writer_holds(path: Path) -> None:
    """A process with the file open read-write (the DuckDB CLI's default) holds an exclusive
    lock: the run could read nothing and its swap would hide that session's writes."""
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise SettingsError(
                f"the warehouse {path} cannot be opened: {str(exc).splitlines()[0]}"
            ) from None
        raise SettingsError(
            f"another process has the warehouse {path} open read-write (the DuckDB CLI does so by "
            f"default): close it, and open the file with `duckdb -readonly {path}` while runs may write"
        ) from None
    except duckdb.Error as exc:
        raise SettingsError(f"the warehouse {path} cannot be opened: {str(exc).splitlines()[0]}") from None


def check_settings(landing: Path, warehouse: Path) -> None:
    """Raise SettingsError for the first setting that makes a run impossible."""
    check_landing(landing)
    check_warehouse(warehouse)
