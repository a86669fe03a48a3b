"""The data dictionary in the file (sql/dictionary.csv applied by warehouse/dictionary.py)."""

import duckdb
import pytest

from warehouse.dictionary import entries
from warehouse.search import refresh_search
from warehouse.snapshot import apply_schema

pytestmark = pytest.mark.slow  # builds a whole warehouse to read its comments: left out by `make test-fast`

STAR_SCHEMA = [
    "dim_document",
    "dim_admin_unit",
    "dim_period",
    "dim_indicator",
    "dim_unit",
    "fact_indicator_value",
]
CONTRACT_VIEWS = ["v_facts", "v_documents"]


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    apply_schema(con)
    refresh_search(con, documents_changed=True)
    apply_schema(con)  # a second load: comments survive the views being recreated
    yield con
    con.close()


def test_every_column_of_the_contract_views_and_the_star_schema_has_a_comment(con):
    missing = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE list_contains(?, table_name) "
        "AND coalesce(trim(comment), '') = ''",
        [STAR_SCHEMA + CONTRACT_VIEWS],
    ).fetchall()
    assert missing == []
    count = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'v_facts'").fetchone()[0]
    assert count >= 30


def test_every_table_and_view_of_ours_has_a_comment(con):
    missing = con.execute("""
        SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND coalesce(comment, '') = ''
        UNION ALL
        SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND coalesce(comment, '') = ''
    """).fetchall()
    assert missing == []


def test_a_column_comment_names_its_meaning():
    meaning = entries()
    assert "Vietnamese notation" in meaning["*", "value"]
    assert meaning["dim_document", "validation_status"] != meaning["*", "validation_status"]
