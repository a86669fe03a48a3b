"""Whatever lands in the folder: bad files, changes, duplicates, readers.

Every test here runs the real Dagster definitions into a real DuckDB file. A run killed
during its load and a rival writer are tested once, where the guarantee lives: the
copy-and-swap of warehouse.snapshot (tests/test_snapshot.py).
"""

import io
import os
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import dagster as dg
import pytest

from tests.pipeline_helpers import fact_checksum, pipeline_resources, query, run_pipeline
from transforms.legacy_vn import unicode_to_tcvn3, unicode_to_vni
from warehouse.settings import SAMPLE_REPORTS_DIR

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`

PROJECT = Path(__file__).resolve().parents[1]
GOOD_TEXT_REPORTS = sorted(p for p in SAMPLE_REPORTS_DIR.glob("*.txt"))

# A short report of our own, with two facts.
SMALL_REPORT = """ỦY BAN NHÂN DÂN XÃ HÒA BÌNH
BÁO CÁO
Kết quả thực hiện nhiệm vụ quý II năm 2024
Trong quý, toàn xã gieo trồng 320 ha lúa, đạt 100% kế hoạch.
Thu ngân sách xã được 1.250 triệu đồng.
"""


def _docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Trong năm, xã trồng mới 35 ha rừng sản xuất.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _build_bad_landing(folder: Path) -> dict[str, str]:
    """Good reports plus one file per kind of bad input; returns {bad file: expected reason}."""
    folder.mkdir(parents=True)
    for report in GOOD_TEXT_REPORTS:
        shutil.copy(report, folder / report.name)
    shutil.copy(GOOD_TEXT_REPORTS[0], folder / "báo cáo tổng hợp quý 2 (bản sao).txt")  # spaces, Vietnamese
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_text("   \n\t\n  ", encoding="utf-8")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "broken.docx").write_bytes(_docx_bytes()[:900])
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB, sparse on disk
        handle.truncate(50 * 1024 * 1024)
    outside = folder.parent / "outside-secret.txt"
    outside.write_text(SMALL_REPORT, encoding="utf-8")
    os.symlink(outside, folder / "link-outside.txt")
    (folder / "no-numbers.txt").write_text(
        "BÁO CÁO\nCông tác tuyên truyền được duy trì thường xuyên, nhân dân đồng tình ủng hộ.\n",
        encoding="utf-8",
    )
    return {
        "empty.txt": "empty",
        "whitespace.txt": "empty",
        "scan.png": "binary",
        "broken.docx": "corrupt_docx",
        "huge.txt": "too_large",
    }


def test_bad_files_are_recorded_and_good_files_all_load(tmp_path):
    landing = tmp_path / "landing"
    expected_reasons = _build_bad_landing(landing)
    good_only = tmp_path / "good"
    good_only.mkdir()
    for report in GOOD_TEXT_REPORTS:
        shutil.copy(report, good_only / report.name)

    bad_wh, good_wh = tmp_path / "bad.duckdb", tmp_path / "good.duckdb"
    assert run_pipeline(landing, bad_wh).success
    assert run_pipeline(good_only, good_wh).success

    rejected = dict(query(bad_wh, "SELECT source_file, error_reason FROM v_rejected_files"))
    assert rejected == expected_reasons
    errors = query(bad_wh, "SELECT error FROM v_rejected_files WHERE error IS NULL OR error = ''")
    assert errors == []
    assert query(bad_wh, "SELECT count(*) FROM landing_file WHERE path LIKE 'link-outside%'") == [(0,)]
    # The report without numbers is a document with no facts, not an error.
    assert query(bad_wh, "SELECT fact_count FROM v_documents WHERE source_file = 'no-numbers.txt'") == [(0,)]
    # Every good fact is there, identical to a run over the good files alone.
    per_doc = "SELECT document_id, count(*), sum(value) FROM fact_indicator_value GROUP BY 1 ORDER BY 1"
    assert query(bad_wh, per_doc) == query(good_wh, per_doc)
    # The copy under an odd name is the same document, recorded as a duplicate.
    pair = query(
        bad_wh,
        "SELECT document_id, duplicate_of FROM v_documents WHERE source_file IN (?, ?)",
        ["báo cáo tổng hợp quý 2 (bản sao).txt", GOOD_TEXT_REPORTS[0].name],
    )
    assert len(pair) == 2 and pair[0][0] == pair[1][0]
    assert sorted(d for _, d in pair if d) == [pair[0][0]]  # exactly one is the duplicate


def test_file_deleted_during_the_run_is_recorded_not_fatal(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    for report in GOOD_TEXT_REPORTS[:2]:
        shutil.copy(report, landing / report.name)
    doomed = landing / "doomed.txt"
    doomed.write_text(SMALL_REPORT, encoding="utf-8")
    warehouse = tmp_path / "wh.duckdb"
    from orchestration.definitions import defs

    resources = pipeline_resources(landing, warehouse)
    with dg.instance_for_test() as instance:
        scanned = dg.materialize(
            [*defs.assets, *defs.asset_checks],
            selection=["landing_files"],
            resources=resources,
            instance=instance,
        )
        assert scanned.success
        doomed.unlink()  # between the scan and the parse
        rest = dg.materialize(
            [*defs.assets, *defs.asset_checks],
            selection=dg.AssetSelection.all() - dg.AssetSelection.assets("landing_files"),
            resources=resources,
            instance=instance,
        )
        assert rest.success
    assert query(warehouse, "SELECT error_reason FROM landing_file WHERE path = 'doomed.txt'") == [
        ("vanished",)
    ]
    assert query(warehouse, "SELECT count(*) FROM v_documents") == [(2,)]
    assert run_pipeline(landing, warehouse).success  # next run: the vanished file is simply gone
    assert query(warehouse, "SELECT status FROM landing_file WHERE path = 'doomed.txt'") == [("removed",)]


def test_three_runs_give_identical_fact_tables(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_REPORTS_DIR, landing)
    warehouse = tmp_path / "wh.duckdb"
    checksums = []
    for _ in range(3):
        assert run_pipeline(landing, warehouse).success
        checksums.append((fact_checksum(warehouse), query(warehouse, "SELECT count(*) FROM v_documents")))
    assert checksums[0] == checksums[1] == checksums[2]
    assert checksums[0][0][0] > 0


def test_changed_added_removed_files_between_runs(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    first, second, third = GOOD_TEXT_REPORTS[:3]
    for report in (first, second, third):
        shutil.copy(report, landing / report.name)
    warehouse = tmp_path / "wh.duckdb"
    assert run_pipeline(landing, warehouse).success
    doc_of = dict(query(warehouse, "SELECT source_file, document_id FROM v_documents"))
    before = dict(query(warehouse, "SELECT source_file, fact_count FROM v_documents"))

    # change: one more fact at the end; add: a new small report; remove: the third report
    with open(landing / first.name, "a", encoding="utf-8") as handle:
        handle.write("\nNgoài ra, trong kỳ đã cấp 2.743 giấy chứng nhận quyền sử dụng đất.\n")
    (landing / "bao-cao-moi.txt").write_text(SMALL_REPORT, encoding="utf-8")
    (landing / third.name).unlink()
    assert run_pipeline(landing, warehouse).success

    after = dict(query(warehouse, "SELECT source_file, fact_count FROM v_documents"))
    assert set(after) == {first.name, second.name, "bao-cao-moi.txt"}
    assert after[first.name] == before[first.name] + 1
    assert after[second.name] == before[second.name]
    assert after["bao-cao-moi.txt"] >= 2
    # old versions are gone from every table, not only from the views
    for old in (doc_of[first.name], doc_of[third.name]):
        for table in ("fact_indicator_value", "dim_document", "document_text", "validation_failure"):
            assert query(warehouse, f"SELECT count(*) FROM {table} WHERE document_id = ?", [old]) == [(0,)]
    statuses = dict(query(warehouse, "SELECT path, status FROM landing_file"))
    assert statuses[third.name] == "removed"
    assert query(
        warehouse, "SELECT count(*) FROM v_facts WHERE value = 2743 AND source_file = ?", [first.name]
    ) == [(1,)]
    # a removed file that comes back is loaded again
    shutil.copy(third, landing / third.name)
    assert run_pipeline(landing, warehouse).success
    assert (
        dict(query(warehouse, "SELECT source_file, fact_count FROM v_documents"))[third.name]
        == before[third.name]
    )


def test_only_changed_files_are_parsed(tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_REPORTS_DIR, landing)
    warehouse = tmp_path / "wh.duckdb"
    assert run_pipeline(landing, warehouse).success
    (landing / "bao-cao-moi.txt").write_text(SMALL_REPORT, encoding="utf-8")
    result = run_pipeline(landing, warehouse)
    metadata = result.asset_materializations_for_node("report_documents")[0].metadata
    assert metadata["documents_parsed"].value == 1


def test_quotes_with_sql_and_html_are_stored_verbatim(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    nasty = (
        "Thu ngân sách được 120 triệu đồng'); DROP TABLE fact_indicator_value; -- <script>alert(1)</script>."
    )
    (landing / "nasty.txt").write_text(f"BÁO CÁO\n{nasty}\n", encoding="utf-8")
    warehouse = tmp_path / "wh.duckdb"
    assert run_pipeline(landing, warehouse).success
    text = query(warehouse, "SELECT text FROM document_text")[0][0]
    assert "DROP TABLE fact_indicator_value; -- <script>" in text
    quotes = [q for (q,) in query(warehouse, "SELECT quote FROM v_facts")]
    assert any("120 triệu đồng'); DROP" in q or "120 triệu đồng" in q for q in quotes)
    assert query(warehouse, "SELECT count(*) FROM fact_indicator_value")[0][0] >= 1


def test_reader_holding_the_warehouse_neither_blocks_nor_sees_half_a_run(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    shutil.copy(GOOD_TEXT_REPORTS[0], landing / GOOD_TEXT_REPORTS[0].name)
    warehouse = tmp_path / "wh.duckdb"
    assert run_pipeline(landing, warehouse).success
    facts_before = query(warehouse, "SELECT count(*) FROM fact_indicator_value")[0][0]

    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import duckdb, sys
            con = duckdb.connect({str(warehouse)!r}, read_only=True)
            q = "SELECT (SELECT count(*) FROM fact_indicator_value), (SELECT count(*) FROM dim_document)"
            print(*con.execute(q).fetchone(), flush=True)
            sys.stdin.readline()
            print(*con.execute(q).fetchone(), flush=True)
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().split() == [str(facts_before), "1"]
        for report in GOOD_TEXT_REPORTS[1:]:
            shutil.copy(report, landing / report.name)
        assert run_pipeline(landing, warehouse).success  # not blocked by the open reader
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().split() == [str(facts_before), "1"]  # its snapshot, whole
    finally:
        reader.communicate(timeout=30)
    assert query(warehouse, "SELECT count(*) FROM dim_document") == [(len(GOOD_TEXT_REPORTS),)]


def _cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Word writes it: letters with their tone mark as a combining character."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"])
def test_reports_in_other_encodings_load_the_same_facts(tmp_path, encoding):
    landing = tmp_path / "landing"
    landing.mkdir()
    text = GOOD_TEXT_REPORTS[0].read_text(encoding="utf-8")
    (landing / "plain.txt").write_text(text, encoding="utf-8")
    if encoding == "cp1258":
        encoded = _cp1258_bytes(text)
    elif encoding in ("tcvn3", "vni"):  # old font encodings: 8-bit text read as cp1252 gibberish
        convert = unicode_to_tcvn3 if encoding == "tcvn3" else unicode_to_vni
        encoded = convert(text).encode("cp1252")
    else:
        encoded = text.encode(encoding)
    (landing / f"other-{encoding}.txt").write_bytes(encoded)
    warehouse = tmp_path / "wh.duckdb"
    assert run_pipeline(landing, warehouse).success
    counts = dict(query(warehouse, "SELECT source_file, fact_count FROM v_documents"))
    assert counts["plain.txt"] > 0
    assert counts[f"other-{encoding}.txt"] == counts["plain.txt"]
