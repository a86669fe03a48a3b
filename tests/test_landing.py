"""Scanning the landing folder and deciding what changed."""

import os
from pathlib import Path

import polars as pl

from warehouse.landing import PREVIOUS_SCHEMA, plan_changes, scan_folder


def _previous(plan: pl.DataFrame) -> pl.DataFrame:
    return (
        plan.filter(pl.col("action") != "removed")
        .with_columns(pl.lit("loaded").alias("status"))
        .select(list(PREVIOUS_SCHEMA))
    )


def test_scan_skips_hidden_files_and_symlinks_leaving_the_folder(tmp_path):
    landing = tmp_path / "landing"
    (landing / "2024").mkdir(parents=True)
    (landing / "2024" / "báo cáo quý 3.txt").write_text("Báo cáo", encoding="utf-8")
    (landing / ".partial.txt").write_text("x")
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the pipeline")
    os.symlink(outside, landing / "link.txt")
    os.symlink(landing / "2024" / "báo cáo quý 3.txt", landing / "inside-link.txt")

    scanned, skipped = scan_folder(landing)

    assert sorted(scanned.get_column("path")) == ["2024/báo cáo quý 3.txt", "inside-link.txt"]
    assert len(skipped) == 1 and "outside the landing folder" in skipped[0]


def test_plan_detects_new_changed_unchanged_removed(tmp_path):
    landing = tmp_path
    for name, text in [("a.txt", "một"), ("b.txt", "hai"), ("c.txt", "ba")]:
        (landing / name).write_text(text, encoding="utf-8")
    first = plan_changes(landing, *[scan_folder(landing)[0]], pl.DataFrame(schema=PREVIOUS_SCHEMA))
    assert set(first.get_column("action")) == {"new"}

    (landing / "b.txt").write_text("hai, đã sửa", encoding="utf-8")
    (landing / "c.txt").unlink()
    (landing / "d.txt").write_text("bốn", encoding="utf-8")
    os.utime(landing / "a.txt", (1, 1))  # touched, same bytes
    second = plan_changes(landing, scan_folder(landing)[0], _previous(first))

    actions = dict(second.select("path", "action").iter_rows())
    assert actions == {"a.txt": "unchanged", "b.txt": "changed", "c.txt": "removed", "d.txt": "new"}


def test_same_bytes_under_two_names_share_a_document_id(tmp_path):
    (tmp_path / "x.txt").write_text("cùng nội dung", encoding="utf-8")
    (tmp_path / "y.txt").write_text("cùng nội dung", encoding="utf-8")
    plan = plan_changes(tmp_path, scan_folder(tmp_path)[0], pl.DataFrame(schema=PREVIOUS_SCHEMA))
    assert plan.get_column("document_id").n_unique() == 1


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("một", encoding="utf-8")
    first = plan_changes(tmp_path, scan_folder(tmp_path)[0], pl.DataFrame(schema=PREVIOUS_SCHEMA))
    opened = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(Path(path).name)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    second = plan_changes(tmp_path, scan_folder(tmp_path)[0], _previous(first))
    assert second.get_column("action").to_list() == ["unchanged"]
    assert opened == []


def test_needs_parse_only_for_contents_the_warehouse_lacks(tmp_path):
    from warehouse.landing import mark_needs_parse

    for name, text in [
        ("held.txt", "đã nạp"),
        ("old-parser.txt", "bản cũ"),
        ("bad.bin", "x"),
        ("new.txt", "mới"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = plan_changes(tmp_path, scan_folder(tmp_path)[0], pl.DataFrame(schema=PREVIOUS_SCHEMA))
    ids = dict(first.select("path", "document_id").iter_rows())
    previous = _previous(first.filter(pl.col("path") != "new.txt")).with_columns(
        pl.when(pl.col("path") == "bad.bin")
        .then(pl.lit("rejected"))
        .otherwise(pl.col("status"))
        .alias("status")
    )
    loaded = pl.DataFrame(
        {"document_id": [ids["held.txt"], ids["old-parser.txt"]], "parser_version": ["2", "1"]}
    )
    plan = plan_changes(tmp_path, scan_folder(tmp_path)[0], previous)

    marked = dict(mark_needs_parse(plan, previous, loaded, "2").select("path", "needs_parse").iter_rows())
    assert marked == {"held.txt": False, "old-parser.txt": True, "bad.bin": False, "new.txt": True}
    everything = mark_needs_parse(plan, previous, loaded, "2", full_refresh=True)
    assert everything.get_column("needs_parse").all()
