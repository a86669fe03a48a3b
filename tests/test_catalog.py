"""Vocabulary as data: the loader's checks, and the parser version that follows behaviour."""

import csv
import shutil
from pathlib import Path

import pytest

import transforms.catalog as catalog
from transforms.version import PACKAGE_DIR, parser_version


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.csv").write_text(text, encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "DATA_DIR", tmp_path)
    catalog.read_table.cache_clear()
    yield tmp_path
    catalog.read_table.cache_clear()


def test_a_word_defined_twice_is_an_error(data_dir):
    _write(data_dir, "hedges", "# hedge words\nword,meaning\nước,estimate\nkhoảng,about\nước,again\n")
    with pytest.raises(catalog.CatalogError, match="defined twice"):
        catalog.words("hedges")


def test_comments_and_blank_lines_are_skipped(data_dir):
    _write(data_dir, "scales", "# scale words\nword,factor\n\nnghìn,1000\n# a note\ntriệu,1000000\n")
    assert catalog.mapping("scales", "word", "factor") == {"nghìn": "1000", "triệu": "1000000"}


def test_an_empty_key_is_an_error(data_dir):
    _write(data_dir, "levels", "name,rank\n,3\n")
    with pytest.raises(catalog.CatalogError, match="empty key"):
        catalog.read_table("levels", key="name")


def test_every_project_data_file_is_well_formed():
    """No ragged rows and no row written twice in any file of transforms/data/."""
    for path in sorted((PACKAGE_DIR / "data").rglob("*.csv")):
        lines = [
            ln
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        rows = list(csv.reader(lines))
        width = len(rows[0])
        assert all(len(r) == width for r in rows), f"{path.name}: a row with another number of columns"
        assert len({tuple(r) for r in rows}) == len(rows), f"{path.name}: a row written twice"


@pytest.fixture
def package_copy(tmp_path) -> Path:
    copy = tmp_path / "transforms"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "data").mkdir(exist_ok=True)
    (copy / "data" / "probe.csv").write_text("word\nước\n", encoding="utf-8")
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_comment_or_docstring_edit_keeps_the_parser_version(package_copy):
    before = parser_version(package_copy)
    _edit(package_copy / "version.py", '"""The parser version:', '"""The parser version (reworded):')
    _edit(package_copy / "version.py", "import ast\n", "import ast  # the syntax tree\n")
    (package_copy / "catalog.py").write_text(
        (package_copy / "catalog.py").read_text(encoding="utf-8") + "\n# a note at the end\n",
        encoding="utf-8",
    )
    assert parser_version(package_copy) == before


def test_a_data_word_or_a_rule_changes_the_parser_version(package_copy):
    before = parser_version(package_copy)
    (package_copy / "data" / "probe.csv").write_text("word\nkhoảng\n", encoding="utf-8")
    after_data = parser_version(package_copy)
    assert after_data != before
    _edit(package_copy / "catalog.py", 'startswith("#")', 'startswith(";")')
    assert parser_version(package_copy) != after_data
