"""Crash-safe, reader-friendly writes: build the next warehouse beside the current one
and swap it in atomically.

Why not write in place: DuckDB lets one process hold a file read-write, and an
analyst's read-only connection in another process holds a lock that would block the
nightly run. So each run copies the current file to a temporary file in the same
folder, applies its changes there, checkpoints, and `os.replace`s it over the old
one. Readers keep the snapshot they opened; a run killed at any point leaves the old
file untouched (the temporary file is removed by the next run). A lock file makes a
second concurrent writer wait, then fail with a clear message.
"""

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse.dictionary import apply_comments

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
MEMORY_LIMIT = os.environ.get("REPORTS_DUCKDB_MEMORY_LIMIT", "512MB")


class WarehouseBusyError(RuntimeError):
    """Another run holds the warehouse's write lock for longer than we wait."""


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.building-"


@contextlib.contextmanager
def write_lock(path: Path, timeout_s: float) -> Iterator[None]:
    """Exclusive advisory lock on `<warehouse>.lock`; waits up to timeout_s."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusyError(
                        f"another pipeline run is writing {path} (lock {lock_path} held for more "
                        f"than {timeout_s:.0f} s); try again when it has finished"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


MIGRATIONS_DIR = SQL_DIR / "migrations"


def migrations() -> list[tuple[int, Path]]:
    """The numbered migration files, `sql/migrations/NNN_what.sql`, in order."""
    numbered = [(int(p.name.split("_", 1)[0]), p) for p in MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")]
    numbers = [n for n, _ in numbered]
    if len(numbers) != len(set(numbers)):
        raise RuntimeError(f"two migrations share a number in {MIGRATIONS_DIR}")
    return sorted(numbered)


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the tables up to date, then (re)create the views.

    Each migration runs once, in order, and is recorded in `schema_version`; a file made by
    any earlier version of the project is brought up to date when a run opens it. Migration
    001 is idempotent because files made before `schema_version` existed have its tables.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    for number, path in migrations():
        if number in applied:
            continue
        con.execute(path.read_text(encoding="utf-8"))
        con.execute("INSERT INTO schema_version VALUES (?, ?, current_timestamp)", [number, path.stem])
    con.execute((SQL_DIR / "views.sql").read_text(encoding="utf-8"))
    apply_comments(con)  # after the views: recreating a view drops its comments


@contextlib.contextmanager
def building(path: Path, lock_timeout_s: float = 900.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the next version of the warehouse at `path`.

    On normal exit the new version replaces the old one atomically; on any exception
    (or if the process dies) the old file stays exactly as it was.
    """
    path = Path(path)
    with write_lock(path, lock_timeout_s):
        for stale in path.parent.glob(_temp_prefix(path) + "*"):
            stale.unlink(missing_ok=True)  # left by a run that was killed
        temp = path.with_name(f"{_temp_prefix(path)}{os.getpid()}.duckdb")
        if path.exists():
            shutil.copyfile(path, temp)
            wal = Path(str(path) + ".wal")  # changes someone committed but never checkpointed
            if wal.exists():
                shutil.copyfile(wal, Path(str(temp) + ".wal"))
        # DuckDB would take up to 80 % of RAM for its buffers; a nightly job shares the machine.
        con = duckdb.connect(
            str(temp), config={"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": False}
        )
        try:
            apply_schema(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, path)
            _fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            temp.unlink(missing_ok=True)
            Path(str(temp) + ".wal").unlink(missing_ok=True)
            raise


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A read-only connection to the current warehouse, or None when there is none yet."""
    path = Path(path)
    if not path.exists():
        yield None
        return
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()
