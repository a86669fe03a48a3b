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
import errno
import fcntl
import os
import shutil
import struct
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
def file_lock(lock_path: Path, timeout_s: float, busy: str) -> Iterator[None]:
    """Exclusive advisory lock (flock) on `lock_path`; waits up to timeout_s, then raises
    WarehouseBusyError(busy). Released on exit, and by the kernel if the process dies."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusyError(busy) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_lock(path: Path, timeout_s: float) -> contextlib.AbstractContextManager[None]:
    """Exclusive lock on `<warehouse>.lock` while a new version is built and swapped in."""
    lock_path = path.with_name(path.name + ".lock")
    busy = (
        f"another pipeline run is writing {path} (lock {lock_path} held for more "
        f"than {timeout_s:.0f} s); try again when it has finished"
    )
    return file_lock(lock_path, timeout_s, busy)


def run_lock(path: Path, timeout_s: float) -> contextlib.AbstractContextManager[None]:
    """Exclusive lock on `<warehouse>.run.lock` for a whole run, from the scan to the last
    check: a second run against the same warehouse (another `make run`, the sensor's run, a
    run from another Dagster home) waits for the first, then plans against what it left."""
    lock_path = path.with_name(path.name + ".run.lock")
    busy = (
        f"another pipeline run is using {path} (lock {lock_path} held for more than "
        f"{timeout_s:.0f} s); it was left alone, try again when that run has finished"
    )
    return file_lock(lock_path, timeout_s, busy)


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


class WarehouseInUseError(RuntimeError):
    """Another process holds the warehouse file read-write: a run must not copy it."""


class WarehouseSpaceError(RuntimeError):
    """Not enough free disk space beside the warehouse to build its next version."""


# Room a run needs beside the copy of the warehouse for its own changes: new texts and facts,
# the write-ahead log DuckDB keeps until the checkpoint.
HEADROOM_BYTES = 64 * 1024 * 1024
HEADROOM_FRACTION = 0.10


def _wal(path: Path) -> Path:
    return Path(str(path) + ".wal")


def copy_file(source: Path, target: Path) -> None:
    """Copy one file (its own function so a test can make it fail as a full disk would)."""
    shutil.copyfile(source, target)


def free_bytes(folder: Path) -> int:
    """Free space in `folder`'s file system (its own function so a test can pretend a full disk)."""
    return shutil.disk_usage(folder).free


def _in_use_error(path: Path, holder: str) -> WarehouseInUseError:
    return WarehouseInUseError(
        f"{path} is open read-write by another process{f' ({holder})' if holder else ''}; the "
        "pipeline copies the warehouse and must not carry that process's uncommitted log into the "
        "next version. Close that connection (open the warehouse read-only: duckdb -readonly) "
        "and run again. Nothing was changed."
    )


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "different configuration" in text


def _holder_of(exc: Exception) -> str:
    return str(exc).partition("Conflicting lock is held in ")[2].split(". ")[0]


# struct flock (Linux, 64-bit off_t): l_type, l_whence, l_start, l_len, l_pid, padding.
_FLOCK = "hhqqi4x"


def _read_lock(fd: int) -> int | None:
    """An open-file-description read lock on the whole file (Linux F_OFD_SETLK): it conflicts
    with DuckDB's read-write lock (a POSIX write lock) in any other process, and unlike a POSIX
    lock it is not dropped when this process closes another descriptor of the file (as the copy
    does). Returns None when taken, else the pid of the process holding a write lock."""
    request = struct.pack(_FLOCK, fcntl.F_RDLCK, os.SEEK_SET, 0, 0, 0)
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, request)
        return None
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
    found = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_OFD_GETLK, request))
    return found[4]


@contextlib.contextmanager
def no_writer(path: Path) -> Iterator[None]:
    """Hold a read lock on the current file for the duration: while it is held no other
    process can open the file read-write (DuckDB's file lock), so what is copied and what is
    swapped in cannot mix with someone's write-ahead log. Raises WarehouseInUseError at once
    if a read-write holder exists already. Readers (read-only connections) are not affected."""
    if not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        pid = _read_lock(fd)
        if pid is not None:
            raise _in_use_error(path, f"PID {pid}" if pid > 0 else "")
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_space(path: Path, size: int) -> None:
    need = size + max(HEADROOM_BYTES, int(size * HEADROOM_FRACTION))
    free = free_bytes(path.parent)
    if free < need:
        raise WarehouseSpaceError(
            f"not enough free disk space in {path.parent} to build the next warehouse: a run needs "
            f"about {need / 1e6:.0f} MB (a copy of the {size / 1e6:.0f} MB warehouse and room for "
            f"its changes), {free / 1e6:.0f} MB is free. Free some space and run again; the "
            "warehouse was not changed."
        )


def _copy_current(path: Path, temp: Path) -> None:
    """The current file (and the log of a writer that is gone, which DuckDB replays into the
    copy) → temp, after checking the space it needs; a failed copy leaves no temp file."""
    sources = [(path, temp), (_wal(path), _wal(temp))]
    sources = [(s, t) for s, t in sources if s.exists()]
    _check_space(path, sum(s.stat().st_size for s, _ in sources))
    try:
        for source, target in sources:
            copy_file(source, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        _wal(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise WarehouseSpaceError(
                f"the disk holding {path.parent} filled up while copying the warehouse; the partial "
                "copy was removed and the warehouse was not changed. Free some space and run again."
            ) from exc
        raise


@contextlib.contextmanager
def building(path: Path, lock_timeout_s: float = 900.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the next version of the warehouse at `path`.

    On normal exit the new version replaces the old one atomically; on any exception
    (or if the process dies) the old file stays exactly as it was. Refuses to start while
    another process holds the file read-write (no_writer), and checks the free space first.
    """
    path = Path(path)
    with write_lock(path, lock_timeout_s), no_writer(path):
        for stale in path.parent.glob(_temp_prefix(path) + "*"):
            stale.unlink(missing_ok=True)  # left by a run that was killed
        temp = path.with_name(f"{_temp_prefix(path)}{os.getpid()}.duckdb")
        if path.exists():
            _copy_current(path, temp)
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
            # The old file's log (a writer that is gone) is in the new file now; beside it, it
            # would be replayed into a file it does not belong to.
            _wal(path).unlink(missing_ok=True)
            _fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            temp.unlink(missing_ok=True)
            _wal(temp).unlink(missing_ok=True)
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
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.IOException, duckdb.ConnectionException) as exc:
        if _is_lock_conflict(exc):
            raise _in_use_error(path, _holder_of(exc)) from None
        raise
    try:
        yield con
    finally:
        con.close()
