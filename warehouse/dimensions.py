"""Dimension rows and fact keys derived from documents and facts (pure Polars).

Keys are deterministic (built from the values themselves), so reruns and incremental
runs produce the same ids without looking anything up.
"""

import calendar
import hashlib
from datetime import date

import polars as pl

from transforms.indicators import INDICATOR_BY_CODE, INDICATORS
from transforms.schema import ADMIN_UNIT_SCHEMA, INDICATOR_SCHEMA, PERIOD_SCHEMA, UNIT_SCHEMA
from transforms.units import is_common_unit, unit_info


def _short_hash(*parts: str | None) -> str:
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def period_id(year: int | None, kind: str | None, index: int | None) -> str | None:
    if year is None or kind is None:
        return None
    if kind == "year" or index is None:
        return f"{year}"
    prefix = {"half": "H", "quarter": "Q", "months": "M"}.get(kind, kind[:1].upper())
    return f"{year}-{prefix}{index:02d}" if kind == "months" else f"{year}-{prefix}{index}"


def period_bounds(year: int, kind: str, index: int | None) -> tuple[date, date]:
    """First and last day of a reporting period (months-to-date start in January)."""
    if kind == "half" and index in (1, 2):
        first_month, last_month = (1, 6) if index == 1 else (7, 12)
    elif kind == "quarter" and index in (1, 2, 3, 4):
        first_month, last_month = 3 * index - 2, 3 * index
    elif kind == "months" and index and 1 <= index <= 12:
        first_month, last_month = 1, index
    else:
        first_month, last_month = 1, 12
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def admin_unit_id(level: str | None, locality: str | None, parent: str | None) -> str | None:
    if not locality:
        return None
    return _short_hash(level, locality, parent)


def with_document_keys(documents: pl.DataFrame) -> pl.DataFrame:
    """Adds period_id and admin_unit_id to document records."""
    rows = documents.select(
        "period_year", "period_kind", "period_index", "admin_level", "locality", "parent_locality"
    ).iter_rows()
    periods, units = [], []
    for year, kind, index, level, locality, parent in rows:
        periods.append(period_id(year, kind, index))
        units.append(admin_unit_id(level, locality, parent))
    return documents.with_columns(
        pl.Series("period_id", periods, dtype=pl.String),
        pl.Series("admin_unit_id", units, dtype=pl.String),
    )


def period_rows(documents: pl.DataFrame) -> pl.DataFrame:
    rows = []
    seen = set()
    for pid, year, kind, index, label in documents.select(
        "period_id", "period_year", "period_kind", "period_index", "period_label"
    ).iter_rows():
        if pid is None or pid in seen:
            continue
        seen.add(pid)
        start, end = period_bounds(year, kind, index)
        rows.append(
            {
                "period_id": pid,
                "period_year": year,
                "period_kind": kind,
                "period_index": None if kind == "year" else index,
                "period_label": label,
                "start_date": start,
                "end_date": end,
            }
        )
    return pl.DataFrame(rows, schema=PERIOD_SCHEMA)


def admin_unit_rows(documents: pl.DataFrame) -> pl.DataFrame:
    """Reporting units, and their parents as units of their own when the level is known."""
    rows = {}
    for uid, level, locality, parent in documents.select(
        "admin_unit_id", "admin_level", "locality", "parent_locality"
    ).iter_rows():
        if uid is None:
            continue
        parent_level = (
            "huyện"
            if level in ("xã", "phường", "thị trấn")
            else ("tỉnh" if level in ("huyện", "thị xã", "thành phố") else None)
        )
        parent_id = admin_unit_id(parent_level, parent, None) if parent and parent_level else None
        rows[uid] = {
            "admin_unit_id": uid,
            "admin_level": level,
            "locality": locality,
            "parent_locality": parent,
            "parent_admin_unit_id": parent_id,
        }
        if parent_id and parent_id not in rows:
            rows[parent_id] = {
                "admin_unit_id": parent_id,
                "admin_level": parent_level,
                "locality": parent,
                "parent_locality": None,
                "parent_admin_unit_id": None,
            }
    return pl.DataFrame(list(rows.values()), schema=ADMIN_UNIT_SCHEMA)


def unit_rows(units: list[str | None]) -> pl.DataFrame:
    rows = []
    for unit in sorted({u for u in units if u}):
        info = unit_info(unit)
        rows.append(
            {
                "unit": unit,
                "unit_kind": info.kind,
                "factor": float(info.factor),
                "unit_base": info.base_unit,
                "is_common": is_common_unit(unit),
            }
        )
    return pl.DataFrame(rows, schema=UNIT_SCHEMA)


def _catalog_row(code: str) -> tuple:
    i = INDICATOR_BY_CODE[code]
    return (i.code, i.code, i.name, i.domain, i.measure, i.unit_kind, i.national_ref)


def catalog_indicator_rows() -> list[tuple]:
    """dim_indicator rows of every catalogued indicator (transforms/data/indicators.csv)."""
    return [_catalog_row(i.code) for i in INDICATORS]


def indicator_key(
    indicator_text: str | None, code: str | None, unit: str | None, measure: str | None
) -> tuple:
    """The dim_indicator row of a fact: its catalogued indicator (decided in transforms/), or
    for an uncatalogued phrase a row of its own per unit kind and measure."""
    if code is not None:
        return _catalog_row(code)
    phrase = " ".join((indicator_text or "").lower().split())
    kind = unit_info(unit).kind
    raw_id = "raw:" + _short_hash(phrase, kind, measure)
    return (raw_id, None, phrase or "(không rõ)", None, measure, kind, None)


def with_fact_keys(
    facts: pl.DataFrame, documents: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Facts with period/admin/indicator keys and base-unit values; the indicator rows (the
    catalog and the uncatalogued phrases) and the unit rows they use."""
    keys: dict[tuple, tuple] = {}  # phrases repeat across reports: key each once
    ids = []
    for row in facts.select("indicator_text", "indicator_code", "unit", "measure").iter_rows():
        key = keys.get(row)
        if key is None:
            key = keys[row] = indicator_key(*row)
        ids.append(key[0])
    raw_rows = {k[0]: k for k in keys.values() if k[1] is None}
    indicators = pl.DataFrame(
        catalog_indicator_rows() + list(raw_rows.values()), schema=INDICATOR_SCHEMA, orient="row"
    )
    units = unit_rows(facts.get_column("unit").unique().to_list())

    # Look-ups by replace_strict add columns without copying the (large) fact frame the
    # way a join would.
    def lookup(column: str, table: pl.DataFrame, key: str, value: str, dtype: pl.DataType) -> pl.Expr:
        return pl.col(column).replace_strict(
            table.get_column(key), table.get_column(value), default=None, return_dtype=dtype
        )

    keyed = facts.with_columns(
        pl.Series("indicator_id", ids, dtype=pl.String),
        lookup("document_id", documents, "document_id", "period_id", pl.String).alias("period_id"),
        lookup("document_id", documents, "document_id", "admin_unit_id", pl.String).alias("admin_unit_id"),
    )
    return keyed, indicators, units
