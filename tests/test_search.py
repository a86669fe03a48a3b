"""Full-text search (warehouse/search.py, sql/search.sql) on invented rows, offline."""

import duckdb
import pytest

from warehouse.search import build_search_index, connect, fts_extension_path, refresh_search
from warehouse.snapshot import apply_schema

pytestmark = (
    pytest.mark.slow
)  # builds full-text indexes in real warehouse files: left out by `make test-fast`

# Invented quotes: two mention the budget, one in capitals; one only shares a word.
QUOTES = [
    "Thu ngân sách xã đạt 1.250 triệu đồng",
    "Chi NGÂN SÁCH địa phương ước 980 triệu đồng",
    "Sách giáo khoa cấp cho 120 học sinh",
    "Sản lượng lúa đạt 5.210 tấn",
]


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(path))
    apply_schema(con)
    con.execute(
        "INSERT INTO landing_file (path, source_file, document_id, status, first_seen, last_seen) "
        "VALUES ('bc.txt', 'bc.txt', 'doc1', 'loaded', now(), now())"
    )
    con.execute("INSERT INTO dim_document (document_id, title) VALUES ('doc1', 'Báo cáo')")
    con.execute("INSERT INTO document_text VALUES ('doc1', ?)", [". ".join(QUOTES)])
    for index, quote in enumerate(QUOTES):
        con.execute(
            "INSERT INTO fact_indicator_value (document_id, fact_index, quote, value) VALUES ('doc1', ?, ?, ?)",
            [index, quote, float(index)],
        )
    refresh_search(con, documents_changed=True)
    con.close()
    return path


def test_the_extension_comes_from_the_installed_wheel():
    path = fts_extension_path()
    assert path.is_file() and path.name == "fts.duckdb_extension"
    assert f"v{duckdb.__version__}" in path.parts


def test_search_facts_finds_every_quote_holding_all_words_in_any_case(warehouse):
    with connect(warehouse) as con:
        rows = con.execute("SELECT fact_index, quote, score FROM search_facts('ngân sách')").fetchall()
    assert sorted(r[0] for r in rows) == [0, 1]
    assert all(r[2] > 0 for r in rows)


def test_diacritics_tell_words_apart(warehouse):
    with connect(warehouse) as con:
        assert con.execute("SELECT count(*) FROM search_facts('ngan sach')").fetchone()[0] == 0
        assert [r[0] for r in con.execute("SELECT fact_index FROM search_facts('sách')").fetchall()] != []


def test_search_documents_finds_the_report(warehouse):
    with connect(warehouse) as con:
        rows = con.execute("SELECT source_file, title FROM search_documents('lúa tấn')").fetchall()
    assert rows == [("bc.txt", "Báo cáo")]


def test_the_index_follows_a_changed_load(warehouse):
    con = duckdb.connect(str(warehouse))
    build_search_index(con)  # loads fts itself
    con.execute("UPDATE fact_indicator_value SET quote = 'Thu ngân sách huyện' WHERE fact_index = 3")
    refresh_search(con, documents_changed=False)
    assert con.execute("SELECT count(*) FROM search_facts('ngân sách')").fetchone()[0] == 2  # kept
    refresh_search(con, documents_changed=True)
    assert con.execute("SELECT count(*) FROM search_facts('ngân sách')").fetchone()[0] == 3
    con.close()
