"""Review pages: a report's text with its facts marked (warehouse/review.py).

Unit tests on a small warehouse of invented rows; then the real pipeline on the samples,
and the pages opened in headless Chromium to check what a reader sees.
"""

import re
import shutil

import duckdb
import pytest

from tests.browser import probe, screenshot
from tests.pipeline_helpers import query, run_pipeline
from warehouse import settings
from warehouse.review import MANIFEST, write_review_site
from warehouse.settings import SAMPLE_REPORTS_DIR
from warehouse.snapshot import apply_schema

pytestmark = pytest.mark.slow  # builds warehouses and review sites: left out by `make test-fast`

EXTERNAL_URL = re.compile(r"https?://(?!localhost|127\.0\.0\.1)[\w.-]+", re.IGNORECASE)

# Invented: one clause with a value, a target and a share; the same number printed twice;
# and markup that must come out as text.
TEXT = (
    "Thu ngân sách xã đạt 1.250 triệu đồng, đạt 104% dự toán. "
    "Có 12 hộ nghèo và 12 hộ cận nghèo <script>alert(1)</script> & <b>khác</b>."
)


def _fact(index: int, value_text: str, value: float, unit: str, clause: str, status: str = "pass") -> dict:
    start = TEXT.index(clause)
    return {
        "document_id": "doc1",
        "fact_index": index,
        "indicator_text": clause.split(" đạt")[0],
        "value": value,
        "value_text": value_text,
        "unit": unit,
        "quote": clause,
        "char_start": start,
        "char_end": start + len(clause),
        "validation_status": status,
    }


@pytest.fixture
def small_warehouse(tmp_path):
    con = duckdb.connect(str(tmp_path / "small.duckdb"))
    apply_schema(con)
    con.execute(
        "INSERT INTO landing_file (path, source_file, document_id, status, first_seen, last_seen) "
        "VALUES ('a/bao-cao.txt', 'bao-cao.txt', 'doc1', 'loaded', now(), now())"
    )
    con.execute(
        "INSERT INTO dim_document (document_id, issuer, admin_level, locality, period_label, loaded_at) "
        "VALUES ('doc1', 'UBND', 'xã', 'Hòa <An>', '6 tháng 2024', now())"
    )
    con.execute("INSERT INTO document_text VALUES ('doc1', ?)", [TEXT])
    facts = [
        _fact(
            0,
            "1.250",
            1250.0,
            "triệu đồng",
            "Thu ngân sách xã đạt 1.250 triệu đồng, đạt 104% dự toán",
            "fail",
        ),
        _fact(1, "12", 12.0, "hộ", "Có 12 hộ nghèo"),
        # Same printed number as fact 1 inside an overlapping clause: it gets the second "12".
        _fact(2, "12", 12.0, "hộ", "12 hộ nghèo và 12 hộ cận nghèo"),
        # Its value's only place is taken by fact 0: it becomes a small label instead.
        _fact(3, "1.250", 1250.0, "triệu đồng", "đạt 1.250 triệu đồng", "not_checked"),
    ]
    for fact in facts:
        columns = ", ".join(fact)
        con.execute(
            f"INSERT INTO fact_indicator_value ({columns}) VALUES ({', '.join('?' * len(fact))})",
            list(fact.values()),
        )
    con.execute(
        "INSERT INTO validation_failure VALUES ('doc1', 0, 'facts', 'pct_target_matches_value_over_target', "
        "'104', '96.2', 1.0, 'warn')"
    )
    yield con, tmp_path / "small.duckdb.review"
    con.close()


def test_every_fact_is_marked_once_and_markup_is_escaped(small_warehouse):
    con, out = small_warehouse
    index = write_review_site(con, out)
    page = (out / "doc1.html").read_text(encoding="utf-8")
    assert page.count('<mark class="fact ') == 4
    assert '<mark class="fact fail" id="m0"' in page
    assert "pct_target_matches_value_over_target: observed 104, expected 96.2" in page
    assert ">1.250 triệu đồng</a></mark>" in page  # value with its unit
    assert '<mark class="fact not_checked extra" id="m3"' in page and "[#3]" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in page
    assert "Hòa &lt;An&gt;" in index.read_text(encoding="utf-8")


def test_the_second_of_two_equal_numbers_goes_to_the_second_fact(small_warehouse):
    con, out = small_warehouse
    write_review_site(con, out)
    page = (out / "doc1.html").read_text(encoding="utf-8")
    assert '<a href="#f1">12 hộ</a></mark> nghèo và <mark class="fact pass" id="m2"' in page


def test_skipped_numbers_are_shown_when_the_warehouse_records_them(small_warehouse):
    con, out = small_warehouse
    start = TEXT.index("104%")
    con.execute(
        "INSERT INTO skipped_number (document_id, char_start, char_end, text, reason) "
        "VALUES ('doc1', ?, ?, '104%', 'share without a base')",
        [start, start + 4],
    )
    write_review_site(con, out)
    page = (out / "doc1.html").read_text(encoding="utf-8")
    assert '<span class="skip" title="skipped: share without a base">104%</span>' in page
    assert "Numbers skipped, and why" in page


def test_unchanged_pages_are_not_rewritten_and_removed_documents_lose_theirs(small_warehouse):
    con, out = small_warehouse
    write_review_site(con, out)
    before = (out / "doc1.html").stat().st_mtime_ns
    write_review_site(con, out)
    assert (out / "doc1.html").stat().st_mtime_ns == before
    con.execute("UPDATE landing_file SET status = 'removed'")
    write_review_site(con, out)
    assert not (out / "doc1.html").exists()


def test_a_folder_that_is_not_a_review_site_is_left_alone(small_warehouse, tmp_path):
    con, _ = small_warehouse
    folder = tmp_path / "someone-elses"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError, match="holds no review site"):
        write_review_site(con, folder)
    assert (folder / "notes.txt").read_text() == "keep me"


# ---- the real pipeline on the samples ---------------------------------------------------


@pytest.fixture(scope="module")
def sample_warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    shutil.copytree(SAMPLE_REPORTS_DIR, root / "landing")
    warehouse = root / "reports.duckdb"
    assert run_pipeline(root / "landing", warehouse).success
    return warehouse


def test_the_run_writes_a_review_page_per_document_beside_the_warehouse(sample_warehouse):
    site = settings.review_dir(sample_warehouse)
    assert site == sample_warehouse.with_name("reports.duckdb.review")
    documents = query(
        sample_warehouse, "SELECT document_id, source_file FROM v_documents WHERE duplicate_of IS NULL"
    )
    assert documents
    index = (site / "index.html").read_text(encoding="utf-8")
    for document_id, source_file in documents:
        assert (site / f"{document_id}.html").is_file()
        assert f'href="{document_id}.html">{source_file}<' in index
    assert (site / MANIFEST).is_file()


def test_chromium_shows_every_fact_marked_and_failures_with_their_reason(sample_warehouse, tmp_path):
    document_id, facts = query(
        sample_warehouse,
        "SELECT document_id, count(*) FROM fact_indicator_value GROUP BY ALL "
        "ORDER BY count(*) FILTER (WHERE validation_status = 'fail') DESC, document_id LIMIT 1",
    )[0]
    reasons = dict(
        query(
            sample_warehouse,
            "SELECT fact_index, string_agg(expectation, ' ') FROM validation_failure "
            "WHERE document_id = ? AND fact_index IS NOT NULL GROUP BY ALL",
            [document_id],
        )
    )
    assert reasons, "the samples should hold a fact that fails a check"
    page = settings.review_dir(sample_warehouse) / f"{document_id}.html"
    shown = probe(
        page,
        "result = [...document.querySelectorAll('.text mark.fact')].map(m => {"
        "const box = m.getBoundingClientRect(), style = getComputedStyle(m);"
        "return {id: m.id, cls: m.className, title: m.title, w: box.width, h: box.height,"
        " bg: style.backgroundColor, outline: style.outlineStyle}; })",
        tmp_path / "profile",
    )
    assert len(shown) == facts
    assert all(m["w"] > 0 and m["h"] > 0 for m in shown), "a mark is not visible"
    by_index = {int(m["id"][1:]): m for m in shown}
    for fact_index, expectations in reasons.items():
        mark = by_index[fact_index]
        assert "fail" in mark["cls"].split() and mark["outline"] == "solid"
        assert mark["bg"] != by_index[min(set(by_index) - set(reasons))]["bg"]
        assert all(e in mark["title"] for e in expectations.split())
    shot = screenshot(page, tmp_path / "page.png", tmp_path / "profile")
    assert shot.stat().st_size > 10_000


def test_data_docs_are_one_offline_site_per_warehouse_file(sample_warehouse, tmp_path):
    site = settings.data_docs_dir(sample_warehouse)
    assert site == sample_warehouse.with_name("reports.duckdb.data_docs")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert not EXTERNAL_URL.findall(index), EXTERNAL_URL.findall(index)
    rows = probe(
        site / "index.html",
        "result = [...document.querySelectorAll('table tr a')].map(a => a.textContent.trim())",
        tmp_path / "profile",
    )
    assert {"facts", "documents", "warehouse"} <= set(rows)
