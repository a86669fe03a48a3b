"""Vocabulary as data: the word lists and catalogs in `transforms/data/*.csv`.

Each kind of knowledge (units, counted nouns, administrative levels, indicators, hedge
and target words, ...) is one CSV file, reviewed like code and loaded once. A file is
checked as it is read: its header must hold the columns its reader expects, and the key
column(s) must not repeat — a word defined twice is an error, not a silent override.
"""

import csv
import functools
from collections.abc import Sequence
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class CatalogError(ValueError):
    """A data file is malformed: a missing column, an empty key or a repeated key."""


@functools.cache
def read_table(name: str, key: Sequence[str] | str | None = None) -> tuple[dict[str, str], ...]:
    """Rows of `transforms/data/<name>.csv` as dicts of stripped strings (empty → "").

    Lines starting with `#` are comments. With `key`, each row's key (one column or a
    tuple of columns) must be non-empty and unique in the file.
    """
    path = DATA_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        rows = tuple({k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines))
    if key is not None:
        _check_unique(path, rows, (key,) if isinstance(key, str) else tuple(key))
    return rows


def _check_unique(path: Path, rows: tuple[dict[str, str], ...], key: tuple[str, ...]) -> None:
    seen: dict[tuple[str, ...], int] = {}
    for line, row in enumerate(rows, start=2):
        missing = [k for k in key if k not in row]
        if missing:
            raise CatalogError(f"{path.name}: no column {missing[0]!r}")
        value = tuple(row[k] for k in key)
        if not all(value):
            raise CatalogError(f"{path.name}: row {line} has an empty key {key}")
        if value in seen:
            raise CatalogError(f"{path.name}: {value} defined twice (rows {seen[value]} and {line})")
        seen[value] = line


def words(name: str, column: str = "word") -> frozenset[str]:
    """One column of a word list as a set (each word defined once)."""
    return frozenset(row[column] for row in read_table(name, key=column))


def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Two columns of a word list as a dict (each key defined once)."""
    return {row[key]: row[value] for row in read_table(name, key=key)}
