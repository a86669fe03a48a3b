"""Nothing in the landing folder can fail the scan, be read from outside it, or empty the
warehouse by accident: odd entries become recorded rejections, files are opened once and
safely, a failed read keeps what was loaded, and a mass removal needs a confirmation.

The race windows between the scan, the plan's hash and the parse's read are forced with
warehouse.landing_read.RACE_HOOK, never with sleeps. Permission errors are real where the
test can drop root (a spawned process as `nobody`), and injected at the OS call otherwise.
"""

import errno
import hashlib
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from transforms.report import read_document
from warehouse import landing_read
from warehouse.changes import file_rows
from warehouse.landing import (
    PREVIOUS_SCHEMA,
    Removal,
    display_path,
    mark_needs_parse,
    plan_changes,
    removal_of,
    scan_landing,
)
from warehouse.landing_read import CHANGED, LandingFile, UnreadableDocument, hash_below, open_below

# Our own short reports, each with a couple of facts; `i` makes each one distinct bytes.
LOCALITIES = ["Tân Phong", "Đông Hòa", "Bình Minh", "Thạnh Lộc", "Phú Mỹ", "An Khánh"]


def report(i: int) -> str:
    return (
        f"ỦY BAN NHÂN DÂN XÃ {LOCALITIES[i % len(LOCALITIES)].upper()}\n"
        "BÁO CÁO\nKết quả thực hiện nhiệm vụ quý I năm 2024\n"
        f"Trong quý, toàn xã gieo cấy {120 + i} ha lúa, đạt 96% kế hoạch.\n"
        f"Thu ngân sách xã được {1_300 + i} triệu đồng.\n"
    )


def write_reports(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"bao-cao-{i}.txt"
        path.write_text(report(i), encoding="utf-8")
        paths.append(path)
    return paths


def previous_from(plan: pl.DataFrame, status: str = "loaded") -> pl.DataFrame:
    """The landing_file state a load of `plan` would leave (every file `status`)."""
    return (
        plan.filter(~pl.col("action").is_in(["removed", "vanished"]))
        .with_columns(pl.lit(status).alias("status"), pl.lit(None, pl.String).alias("error_reason"))
        .select(list(PREVIOUS_SCHEMA))
    )


def first_plan(folder: Path) -> pl.DataFrame:
    return plan_changes(folder, scan_landing(folder).entries, pl.DataFrame(schema=PREVIOUS_SCHEMA))


def actions(plan: pl.DataFrame) -> dict[str, tuple[str, str | None]]:
    return {p: (a, r) for p, a, r in plan.select("path", "action", "error_reason").iter_rows()}


# --- The scan: one odd entry costs that entry -----------------------------------------------


def test_undecodable_name_is_a_recorded_rejection_with_a_storable_path(tmp_path):
    write_reports(tmp_path, 1)
    with open(os.path.join(os.fsencode(tmp_path), b"b\xe1o c\xe1o qu\xfd 1.txt"), "wb") as handle:
        handle.write(report(5).encode("utf-8"))  # an old share: the name in a code page, not UTF-8
    plan = first_plan(tmp_path)

    bad = plan.filter(pl.col("error_reason") == "bad_name").row(0, named=True)
    assert bad["path"] == "b\\xe1o c\\xe1o qu\\xfd 1.txt"
    bad["path"].encode("utf-8")  # storable in a VARCHAR: this raised before
    assert (bad["action"], bad["content_hash"], bad["size_bytes"]) == (
        "rejected",
        None,
        len(report(5).encode()),
    )
    assert actions(plan)["bao-cao-0.txt"] == ("new", None)
    assert display_path("đúng.txt") == ("đúng.txt", True)


def test_symlink_loops_fifos_and_dangling_links_cost_only_themselves(tmp_path):
    write_reports(tmp_path, 1)
    os.symlink("loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink("loop-a.txt", tmp_path / "loop-b.txt")
    os.symlink("self.txt", tmp_path / "self.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("pipe.txt", tmp_path / "to-pipe.txt")

    scan = scan_landing(tmp_path)
    plan = plan_changes(tmp_path, scan.entries, pl.DataFrame(schema=PREVIOUS_SCHEMA))

    assert actions(plan) == {
        "bao-cao-0.txt": ("new", None),
        "loop-a.txt": ("rejected", "symlink_loop"),
        "loop-b.txt": ("rejected", "symlink_loop"),
        "self.txt": ("rejected", "symlink_loop"),
    }
    skipped = " | ".join(scan.skipped)
    assert "pipe.txt: a FIFO" in skipped and "dangling.txt: symlink to nothing" in skipped
    assert "to-pipe.txt: symlink to a FIFO" in skipped


def test_a_symlink_inside_the_folder_is_read_as_its_target(tmp_path):
    (target,) = write_reports(tmp_path / "2024", 1)
    os.symlink(target, tmp_path / "alias.txt")
    plan = first_plan(tmp_path)
    alias = plan.filter(pl.col("path") == "alias.txt").row(0, named=True)
    assert alias["read_path"] == "2024/bao-cao-0.txt"
    assert alias["content_hash"] == hashlib.sha256(target.read_bytes()).hexdigest()


# --- The safe open --------------------------------------------------------------------------


def test_open_below_follows_no_symlink_and_opens_no_fifo(tmp_path):
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    write_reports(landing / "sub", 1)
    outside.mkdir()
    (outside / "secret.txt").write_text("không được đọc", encoding="utf-8")
    os.symlink(outside / "secret.txt", landing / "link.txt")
    os.symlink(outside, landing / "dirlink")
    os.mkfifo(landing / "pipe.txt")

    fd, status = open_below(landing, "sub/bao-cao-0.txt")
    os.close(fd)
    assert status.st_size == len(report(0).encode())
    for rel in ("link.txt", "dirlink/secret.txt", "pipe.txt"):  # the FIFO has no writer: would hang
        with pytest.raises(UnreadableDocument) as caught:
            open_below(landing, rel)
        assert caught.value.reason == CHANGED, rel
    with pytest.raises(FileNotFoundError):
        open_below(landing, "gone.txt")


def _swap(path: Path, how: str, outside: Path) -> None:
    path.unlink()
    if how == "symlink":
        os.symlink(outside, path)
    elif how == "fifo":
        os.mkfifo(path)
    else:
        path.write_text(report(40), encoding="utf-8")


@pytest.mark.parametrize("how", ["symlink", "fifo", "bytes"])
def test_a_file_swapped_between_scan_and_hash_is_never_hashed_as_planned(tmp_path, monkeypatch, how):
    landing = tmp_path / "landing"
    (path,) = write_reports(landing, 1)
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    scan = scan_landing(landing)
    monkeypatch.setattr(
        landing_read, "RACE_HOOK", lambda stage, rel: stage == "plan" and _swap(path, how, outside)
    )

    plan = plan_changes(landing, scan.entries, pl.DataFrame(schema=PREVIOUS_SCHEMA))
    row = plan.row(0, named=True)
    if how == "bytes":  # a whole new file: its own bytes are hashed, the fstat size recorded
        assert row["content_hash"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row["size_bytes"] == path.stat().st_size
    else:
        assert (row["action"], row["error_reason"], row["content_hash"]) == ("rejected", CHANGED, None)


def test_a_file_that_changes_while_it_is_hashed_is_changed_during_run(tmp_path, monkeypatch):
    (path,) = write_reports(tmp_path, 1)

    def append(stage, rel):
        if stage == "read":
            with open(path, "a", encoding="utf-8") as handle:
                handle.write("Dòng thêm khi đang đọc.\n")

    monkeypatch.setattr(landing_read, "RACE_HOOK", append)
    with pytest.raises(UnreadableDocument) as caught:
        hash_below(tmp_path, path.name)
    assert caught.value.reason == CHANGED
    assert actions(first_plan(tmp_path)) == {path.name: ("rejected", CHANGED)}


@pytest.mark.parametrize("how", ["symlink", "fifo", "bytes"])
def test_the_parse_reads_only_the_planned_bytes(tmp_path, monkeypatch, how):
    landing = tmp_path / "landing"
    (path,) = write_reports(landing, 1)
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n")
    row = first_plan(landing).row(0, named=True)
    planned = LandingFile(
        str(landing), row["read_path"], row["source_file"], row["size_bytes"], row["content_hash"]
    )
    assert read_document(planned, row["document_id"], 1 << 20)["status"] == "ok"

    monkeypatch.setattr(
        landing_read, "RACE_HOOK", lambda stage, rel: stage == "parse" and _swap(path, how, outside)
    )
    record = read_document(planned, row["document_id"], 1 << 20)

    assert (record["status"], record["error_reason"], record["text"]) == ("rejected", CHANGED, None)


def test_landing_files_cross_to_parse_workers_intact(tmp_path):
    planned = LandingFile(str(tmp_path), "a/b.txt", "b.txt", 3, "ab" * 32)
    import pickle

    assert pickle.loads(pickle.dumps(planned)) == planned


# --- A failed read keeps what was loaded ----------------------------------------------------


def _unreadable_scenario(folder: str) -> dict:
    """Runs as a user without root's override: a file and a folder that cannot be read, after
    a first plan that loaded them. Returns the second plan as {path: (action, reason, doc)}."""
    landing = Path(folder)
    first = first_plan(landing)
    os.chmod(landing / "locked", 0)
    os.chmod(landing / "bao-cao-1.txt", 0)
    os.utime(landing / "bao-cao-1.txt", (1, 1))  # touched: the plan must open it
    (landing / "fresh.txt").write_text(report(9), encoding="utf-8")
    os.chmod(landing / "fresh.txt", 0)
    scan = scan_landing(landing)
    second = plan_changes(landing, scan.entries, previous_from(first), scan.unlisted)
    return {
        "first": dict(first.select("path", "document_id").iter_rows()),
        "second": {
            p: (a, r, d)
            for p, a, r, d in second.select("path", "action", "error_reason", "document_id").iter_rows()
        },
        "unlisted": scan.unlisted,
    }


def _drop_root_and_run(folder: str) -> dict:
    os.setgid(65534)
    os.setuid(65534)
    return _unreadable_scenario(folder)


def test_permission_errors_are_unreadable_and_keep_the_documents(tmp_path):
    with tempfile.TemporaryDirectory() as folder:  # below /tmp: reachable by `nobody`
        landing = Path(folder)
        write_reports(landing, 2)
        write_reports(landing / "locked", 1, start=2)
        if os.geteuid() == 0:  # root reads anything: the check runs as `nobody`
            for path in [landing, *landing.rglob("*")]:
                os.chown(path, 65534, 65534)
            landing.chmod(0o755)
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                got = pool.submit(_drop_root_and_run, folder).result()
        else:
            got = _unreadable_scenario(folder)
        for path in [landing, *landing.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
    first, second = got["first"], got["second"]
    assert got["unlisted"] == ["locked"]
    assert second["bao-cao-0.txt"] == ("unchanged", None, first["bao-cao-0.txt"])
    assert second["bao-cao-1.txt"] == ("kept", "unreadable", first["bao-cao-1.txt"])
    assert second["locked/bao-cao-2.txt"] == ("kept", "unreadable", first["locked/bao-cao-2.txt"])
    assert second["fresh.txt"] == ("rejected", "unreadable", None)


def test_a_folder_that_cannot_be_listed_is_not_a_removal(tmp_path, monkeypatch):
    write_reports(tmp_path / "share", 2)
    write_reports(tmp_path, 1, start=5)
    first = first_plan(tmp_path)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("share"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    scan = scan_landing(tmp_path)
    second = plan_changes(tmp_path, scan.entries, previous_from(first), scan.unlisted)
    assert {p: a for p, (a, _) in actions(second).items()} == {
        "bao-cao-5.txt": "unchanged",
        "share/bao-cao-0.txt": "kept",
        "share/bao-cao-1.txt": "kept",
    }
    assert "share/: cannot be listed" in scan.skipped[0]
    assert removal_of(second, previous_from(first)).retracted == 0


def test_a_failed_read_is_recorded_and_keeps_the_document_it_held(tmp_path):
    """The landing_file rows a load writes: a failed read at the plan or at the parse
    leaves the file holding its earlier document; a real removal does not."""
    now = datetime(2026, 3, 1, 7, 0)
    plan = pl.DataFrame(
        [
            {
                "path": "kept.txt",
                "action": "kept",
                "content_hash": "a" * 64,
                "document_id": "a" * 16,
                "previous_hash": "a" * 64,
                "error_reason": "unreadable",
                "error": "x; kept",
            },
            {
                "path": "reparse.txt",
                "action": "changed",
                "content_hash": "b" * 64,
                "document_id": "b" * 16,
                "previous_hash": "c" * 64,
            },
            {"path": "new.txt", "action": "new", "content_hash": "d" * 64, "document_id": "d" * 16},
            {"path": "gone.txt", "action": "removed", "content_hash": "e" * 64, "document_id": "e" * 16},
        ],
        schema={
            **dict.fromkeys(["path", "source_file", "read_path", "error_reason", "error"], pl.String),
            "size_bytes": pl.Int64,
            "mtime": pl.Datetime("us"),
            "content_hash": pl.String,
            "action": pl.String,
            "document_id": pl.String,
            "previous_hash": pl.String,
        },
    )
    from warehouse.landing import PLAN_SCHEMA

    plan = plan.select(list(PLAN_SCHEMA))
    documents = pl.DataFrame(
        {
            "document_id": ["b" * 16, "d" * 16],
            "status": ["rejected", "rejected"],
            "error_reason": [CHANGED, CHANGED],
            "error": ["the file's bytes changed", "the file's bytes changed"],
        }
    )
    rows = {r["path"]: r for r in file_rows(plan, documents, now).iter_rows(named=True)}

    assert (rows["kept.txt"]["status"], rows["kept.txt"]["document_id"]) == ("loaded", "a" * 16)
    held = rows["reparse.txt"]
    assert (held["status"], held["document_id"], held["content_hash"]) == ("loaded", "c" * 16, "c" * 64)
    assert held["error_reason"] == CHANGED and "kept" in held["error"]
    assert (rows["new.txt"]["status"], rows["new.txt"]["error_reason"]) == ("rejected", CHANGED)
    assert rows["gone.txt"]["status"] == "removed"


def test_a_file_readable_again_is_recovered_and_its_record_cleared(tmp_path):
    (path,) = write_reports(tmp_path, 1)
    first = first_plan(tmp_path)
    previous = previous_from(first).with_columns(pl.lit("unreadable").alias("error_reason"))
    second = plan_changes(tmp_path, scan_landing(tmp_path).entries, previous)
    assert actions(second) == {path.name: ("recovered", None)}
    loaded = pl.DataFrame({"document_id": first.get_column("document_id"), "parser_version": ["v"]})
    marked = mark_needs_parse(second, previous, loaded, "v")
    assert not marked.get_column("needs_parse").any()  # its document is loaded already
    empty_docs = pl.DataFrame(
        schema={"document_id": pl.String, "status": pl.String, "error_reason": pl.String, "error": pl.String}
    )
    row = file_rows(marked, empty_docs, datetime(2026, 3, 1)).row(0, named=True)
    assert (row["status"], row["error_reason"], row["error"]) == ("loaded", None, None)


# --- The mass-removal guard -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "retracted", "refused"),
    [
        (1, 1, True),
        (2, 1, False),
        (2, 2, True),
        (3, 2, False),
        (5, 3, True),
        (10, 5, False),
        (10, 6, True),
        (100, 40, False),
        (0, 0, False),
    ],
)
def test_which_removals_need_a_confirmation(held, retracted, refused):
    assert Removal(held, retracted, ()).needs_confirmation() is refused


def test_removal_counts_documents_whose_files_are_gone_not_changed_ones(tmp_path):
    paths = write_reports(tmp_path, 4)
    shutil.copy(paths[0], tmp_path / "copy-of-0.txt")  # the same document twice
    first = first_plan(tmp_path)
    paths[0].unlink()  # its copy still holds the document
    paths[1].unlink()
    paths[2].write_text(report(30), encoding="utf-8")  # changed: replaced, not removed
    second = plan_changes(tmp_path, scan_landing(tmp_path).entries, previous_from(first))
    removal = removal_of(second, previous_from(first))
    assert (removal.held, removal.retracted, removal.gone) == (4, 1, ("bao-cao-1.txt",))
    assert not removal.needs_confirmation()
    for path in tmp_path.iterdir():
        path.unlink()
    emptied = plan_changes(tmp_path, scan_landing(tmp_path).entries, previous_from(first))
    assert removal_of(emptied, previous_from(first)).needs_confirmation()
