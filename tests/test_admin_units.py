"""Reporting units resolved to official codes: one invented sentence per rule, real lists.

The names are real units of the official lists (they have to be, to have codes); the
sentences around them are invented.
"""

import socket
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from transforms import admin_levels, admin_units
from transforms.admin_units import (
    HINTS_FILE,
    apply_hints,
    codes_consistent,
    name_key,
    place_mentions,
    reference,
    resolve_unit,
)
from transforms.schema import UNIT_CODE_SCHEMA
from warehouse.admin_reference import ensure_admin_reference
from warehouse.dimensions import admin_unit_rows, with_document_keys
from warehouse.landing import scan_folder
from warehouse.snapshot import apply_schema

BEFORE = date(2023, 4, 10)
AFTER = date(2025, 11, 3)


def meta(level, locality, parent=None, issued=BEFORE, parent_level=None, period_year=None):
    return {
        "admin_level": level,
        "locality": locality,
        "parent_locality": parent,
        "parent_level": parent_level,
        "issued_date": issued,
        "period_year": period_year,
    }


def test_a_bare_ambiguous_commune_stays_unresolved_with_its_candidates():
    found = resolve_unit(meta("xã", "Tân Lập"), "UBND xã Tân Lập báo cáo kết quả thu hoạch lúa.")
    assert found["admin_unit_code"] is None and found["province_code"] is None
    assert found["admin_resolution"] == "unresolved"
    assert found["admin_candidates"] > 10
    assert f"{found['admin_candidates']} candidates" in found["admin_resolution_note"]


def test_the_same_name_with_its_district_is_one_unit():
    found = resolve_unit(meta("xã", "Tân Lập", parent="Đan Phượng", parent_level="huyện"), "")
    assert (found["admin_unit_code"], found["province_code"]) == ("09820", "01")
    assert found["admin_resolution"] == "header"
    # Split between two communes in 2025: the conversion's main successor, and a note saying so.
    assert (found["admin_unit_code_2025"], found["province_code_2025"]) == ("09832", "01")
    assert "split" in found["admin_resolution_note"]


def test_a_district_named_in_passing_tells_the_communes_apart():
    text = "Đảng ủy xã Tân Lập tổ chức hội nghị; đoàn công tác của huyện Đan Phượng dự."
    found = resolve_unit(meta("xã", "Tân Lập"), text)
    assert found["admin_unit_code"] == "09820" and found["admin_resolution"] == "text"


def test_the_parent_in_brackets_counts_as_evidence():
    found = resolve_unit(meta("xã", "Tân Lập"), "Hội nghị của Đảng ủy xã Tân Lập (Đan Phượng) năm nay.")
    assert found["admin_unit_code"] == "09820"


def test_resolution_never_touches_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    reference.cache_clear()  # load the lists again, with the network off
    try:
        found = resolve_unit(meta("xã", "Tân Lập", parent="Đan Phượng"), "đường Tân Lập, số nhà 12")
    finally:
        reference.cache_clear()
    assert found["admin_unit_code"] == "09820"


def test_a_district_has_no_2025_unit_but_its_province_has_a_successor():
    found = resolve_unit(meta("huyện", "Đan Phượng"), "UBND huyện Đan Phượng báo cáo.")
    assert (found["admin_unit_code"], found["province_code"]) == ("273", "01")
    assert (found["admin_unit_code_2025"], found["province_code_2025"]) == (None, "01")
    assert found["province_name_2025"] == "Thành phố Hà Nội"


def test_the_report_date_decides_the_list():
    # After 1 July 2025 the two-level list applies: the commune's own post-2025 code.
    found = resolve_unit(meta("xã", "Đan Phượng", issued=AFTER), "UBND xã Đan Phượng báo cáo.")
    assert found["admin_unit_era"] == "post2025"
    assert found["admin_unit_code"] == found["admin_unit_code_2025"] == "09784"
    assert admin_units.report_era(None, 2022) == "pre2025" and admin_units.report_era(None, 2025) is None


def test_a_name_in_no_list_keeps_null_codes_and_a_reason():
    found = resolve_unit(meta("huyện", "Thượng Ngàn Xa"), "UBND huyện Thượng Ngàn Xa báo cáo.")
    assert found["admin_unit_code"] is None
    assert "no huyện Thượng Ngàn Xa" in found["admin_resolution_note"]


def test_only_the_province_when_the_text_names_just_that():
    found = resolve_unit(meta(None, None), "Sản lượng lúa của tỉnh Hà Giang tăng; tỉnh Hà Giang đứng thứ 5.")
    assert (found["admin_unit_code"], found["province_code"]) == (None, "02")
    assert found["admin_resolution"] == "province only"


def test_tone_placement_and_missing_diacritics():
    assert name_key("Thuỷ Hoà") == name_key("Thủy  Hòa")
    assert [u.code for u in reference().named("pre2025", "district", "Dan Phuong")] == ["273"]


def test_mentions_read_abbreviations_without_a_space():
    assert any(
        level == "thành phố" and name.startswith("Hà Giang")
        for level, name in place_mentions("UBND TP.Hà Giang họp")
    )


def test_a_misspelt_name_with_one_letter_off_is_read_as_the_unit():
    found = resolve_unit(meta("huyện", "Đan Phượngg"), "UBND huyện Đan Phượngg báo cáo.")
    assert found["admin_unit_code"] == "273"
    assert "written Đan Phượngg" in found["admin_resolution_note"]
    assert "locality" not in found  # another name, perhaps: as written


def test_a_name_with_a_syllable_of_two_tone_marks_is_spelled_as_its_unit():
    found = resolve_unit(meta("huyện", "Đan Phượợng"), "UBND huyện Đan Phượợng báo cáo.")
    assert (found["admin_unit_code"], found["locality"]) == ("273", "Đan Phượng")


def test_a_name_written_as_the_unit_is_kept_as_written():
    found = resolve_unit(meta("huyện", "Đan Phượng"), "UBND huyện Đan Phượng báo cáo.")
    assert found["admin_unit_code"] == "273" and "locality" not in found


def test_a_parent_named_by_its_level_alone_breaks_a_tie():
    text = "UBND phường Nguyễn Nghiêm báo cáo kết quả thực hiện theo chỉ đạo của Thị xã."
    assert resolve_unit(meta("phường", "Nguyễn Nghiêm"), text)["admin_unit_code"] == "21439"


def test_a_district_page_without_its_name_is_found_by_the_communes_it_names():
    text = "Năm 2023, toàn huyện có xã Hạ Mỗ và xã Song Phượng đạt chuẩn nông thôn mới nâng cao."
    found = resolve_unit(meta("huyện", None), text)
    assert (found["admin_unit_code"], found["province_code"]) == ("273", "01")


def test_levels_table():
    assert admin_levels.canonical("TP.") == "thành phố" and admin_levels.canonical("Thị  Xã") == "thị xã"
    assert admin_levels.tiers("thành phố") == ("district", "province")
    assert "xã" in admin_levels.single_word_levels() and "thị trấn" not in admin_levels.single_word_levels()


def test_codes_consistent():
    assert codes_consistent("pre2025", "09820", "01", "09832", "01")
    assert not codes_consistent("pre2025", "09820", "02", "09832", "01")  # another province
    assert not codes_consistent("pre2025", "99999", "01", None, "01")  # no such unit
    assert codes_consistent(None, None, None, None, None)


def _documents(paths: list[str]) -> pl.DataFrame:
    rows = []
    for path in paths:
        row = {"path": path, "status": "ok", "issued_date": BEFORE, "period_year": 2023}
        row.update(dict.fromkeys(UNIT_CODE_SCHEMA))
        rows.append(row)
    schema = {"path": pl.String, "status": pl.String, "issued_date": pl.Date, "period_year": pl.Int32}
    return pl.DataFrame(rows, schema={**schema, **UNIT_CODE_SCHEMA})


def test_the_hint_file_fills_only_what_the_text_left_unresolved(tmp_path: Path):
    (tmp_path / HINTS_FILE).write_text("# where files come from\npattern,code,era\nha-noi/,273,pre2025\n")
    (tmp_path / "ha-noi").mkdir()
    (tmp_path / "ha-noi" / "bc.txt").write_text("x")
    docs = apply_hints(_documents(["ha-noi/bc.txt", "other/bc.txt"]), tmp_path)
    hinted, untouched = docs.row(0, named=True), docs.row(1, named=True)
    assert (hinted["admin_unit_code"], hinted["province_code"], hinted["admin_resolution"]) == (
        "273",
        "01",
        "hint",
    )
    assert untouched["admin_unit_code"] is None
    scanned, _ = scan_folder(tmp_path)
    assert scanned.get_column("path").to_list() == ["ha-noi/bc.txt"]  # the hint file is no report


def test_a_ward_under_a_city_keeps_the_city_as_its_parent():
    docs = pl.DataFrame(
        {
            "period_year": [2023],
            "period_kind": ["year"],
            "period_index": [None],
            "admin_level": ["phường"],
            "locality": ["Bến Gỗ Mới"],
            "parent_locality": ["Sơn Hà Tây"],
            "parent_level": ["thành phố"],
            "admin_unit_code": [None],
            "admin_unit_era": [None],
        },
        schema_overrides={
            "period_index": pl.Int32,
            "admin_unit_code": pl.String,
            "admin_unit_era": pl.String,
        },
    )
    units = admin_unit_rows(with_document_keys(docs))
    parent = units.filter(pl.col("locality") == "Sơn Hà Tây").row(0, named=True)
    assert parent["admin_level"] == "thành phố"


def test_the_official_lists_load_once():
    con = duckdb.connect()
    apply_schema(con)
    loaded = [ensure_admin_reference(con) for _ in range(2)]
    assert loaded == [True, False]
    counts = dict(con.execute("SELECT era, count(*) FROM dim_admin_unit GROUP BY era").fetchall())
    assert counts["pre2025"] > 10_000 and counts["post2025"] > 3_000
    partial = con.execute(
        "SELECT partial FROM admin_unit_crosswalk WHERE admin_unit_id = 'pre2025:09820' AND is_main_successor"
    ).fetchone()
    assert partial == (True,)
