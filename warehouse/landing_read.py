"""Reading a landing file safely: only what the scan saw, once, never anything else.

Every file is opened below the landing folder without following a symlink anywhere on the
way (each folder level is opened with O_NOFOLLOW relative to the one above it, and so is the
file), non-blocking (a FIFO put in a file's place cannot hang the run), and checked to be a
regular file on the open descriptor (fstat) before a byte is read. A file whose size or mtime
moves while it is read was `changed_during_run`.

The plan hashes a file's bytes through such a descriptor as they stream by (a run over
thousands of files never holds their bytes at once); the parse opens it the same way again,
reads it once, and refuses bytes whose hash is not the one planned — so a document id always
names exactly the bytes that were decoded.
"""

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from transforms.decode import UnreadableDocument

# Why the scan or the read did not take an entry (landing_file.error_reason), besides the
# decoders' reasons (transforms.decode) and `vanished`. Documented in README (What lands in
# the folder).
BAD_NAME = "bad_name"  # the name is not valid UTF-8
SYMLINK_LOOP = "symlink_loop"  # a symlink that leads back to itself
UNREADABLE = "unreadable"  # a permission or I/O error on the file or on a folder above it
CHANGED = "changed_during_run"  # changed, replaced, or no longer a regular file between scan and read
# A file that held a document and then fails to be read for one of these keeps that document:
# a failed read is no removal. The next run tries it again.
KEEPS_DOCUMENT = (UNREADABLE, CHANGED)

RACE_HOOK: Callable[[str, str], None] | None = None
"""For tests (set it with monkeypatch): called with (stage, path relative to the folder) at the
race windows — "plan" before the plan opens a file to hash it, "parse" before the parse opens
it, "read" after a file's bytes were read and before they are checked. Process-local: parses
run inline below transforms.batch.INLINE_BELOW documents or with workers=1."""

_ROOT_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
_DIR_FLAGS = _ROOT_FLAGS | os.O_NOFOLLOW
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
# What open() says when a symlink, a socket or a file stands where the scan saw a file or folder.
_REPLACED_ERRNOS = {errno.ELOOP, errno.ENOTDIR, errno.ENXIO, errno.EMLINK}
_BLOCK = 1 << 20


def race(stage: str, rel: str) -> None:
    if RACE_HOOK is not None:
        RACE_HOOK(stage, rel)


def kind_of(mode: int) -> str:
    """A non-regular entry, in words."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a symlink"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _read_error(exc: OSError) -> Exception:
    """An OSError of open() as what it means for the entry; FileNotFoundError stays itself
    (the file is gone: `vanished`)."""
    if isinstance(exc, FileNotFoundError):
        return exc
    if exc.errno in _REPLACED_ERRNOS:
        return UnreadableDocument(
            CHANGED,
            "the file was replaced after the scan (a symlink or a non-file now stands there); not followed",
        )
    return UnreadableDocument(UNREADABLE, f"the file cannot be read: {exc.strerror or exc}")


def open_below(folder: str | os.PathLike, rel: str) -> tuple[int, os.stat_result]:
    """A read-only descriptor of the regular file `rel` (a "/"-separated path) below `folder`,
    and its fstat; no symlink is followed below `folder`. Raises UnreadableDocument
    (unreadable, changed_during_run) or FileNotFoundError."""
    parts = rel.split("/")
    dir_fd = os.open(folder, _ROOT_FLAGS)
    try:
        for part in parts[:-1]:
            next_fd = os.open(part, _DIR_FLAGS, dir_fd=dir_fd)
            os.close(dir_fd)
            dir_fd = next_fd
        fd = os.open(parts[-1], _FILE_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        raise _read_error(exc) from None
    finally:
        os.close(dir_fd)
    try:
        status = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise _read_error(exc) from None
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise UnreadableDocument(
            CHANGED, f"the file is {kind_of(status.st_mode)} now, no longer a regular file; not read"
        )
    return fd, status


def _check_unchanged(fd: int, before: os.stat_result, count: int) -> None:
    after = os.fstat(fd)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or count != after.st_size:
        raise UnreadableDocument(
            CHANGED, "the file changed while it was being read; it is read again next run"
        )


def _guarded(fn: Callable[[], object]):
    """An I/O error in the middle of a read is the entry's, never the run's."""
    try:
        return fn()
    except OSError as exc:
        raise _read_error(exc) from None


def hash_below(folder: str | os.PathLike, rel: str) -> tuple[str, os.stat_result]:
    """sha256 of the file's bytes, streamed, and its fstat (what the plan records)."""
    fd, before = open_below(folder, rel)

    def digest() -> str:
        sha, count = hashlib.sha256(), 0
        with os.fdopen(fd, "rb", buffering=0) as handle:
            while block := handle.read(_BLOCK):
                sha.update(block)
                count += len(block)
            race("read", rel)
            _check_unchanged(handle.fileno(), before, count)
        return sha.hexdigest()

    return _guarded(digest), before


def read_below(folder: str | os.PathLike, rel: str, limit: int) -> bytes:
    """The file's bytes, read once, at most `limit` + 1 of them (more than `limit` means the
    file grew past what the caller expects)."""
    fd, before = open_below(folder, rel)

    def read() -> bytes:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
            race("read", rel)
            if len(data) <= limit:
                _check_unchanged(handle.fileno(), before, len(data))
        return data

    return _guarded(read)


@dataclass(frozen=True)
class LandingFile:
    """A planned landing file, handed to transforms.report.read_document where a Path would
    go: `name` and `stat().st_size` are the planned name and size (no system call), and
    `read_bytes()` opens it safely, reads it once and returns its bytes only if they are the
    bytes the plan hashed (else `changed_during_run`). Picklable, for the parse workers."""

    folder: str
    read_path: str  # relative to the folder: the file, or the target of a symlink inside it
    name: str
    size: int
    content_hash: str

    def stat(self) -> SimpleNamespace:
        return SimpleNamespace(st_size=self.size)

    def read_bytes(self) -> bytes:
        race("parse", self.read_path)
        data = read_below(self.folder, self.read_path, self.size)
        if len(data) != self.size or hashlib.sha256(data).hexdigest() != self.content_hash:
            raise UnreadableDocument(
                CHANGED, "the file's bytes changed between the scan and the read; it is read again next run"
            )
        return data
