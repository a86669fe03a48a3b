"""The documents suite: a report's metadata that cannot be right.

Severity "warn": the metadata came from the report (or our reading of it) and the
document is kept either way. Every check ignores an absent field except period year and
kind, which every report has (a report without its period cannot be placed in time).
"""

import unicodedata
from datetime import date
from pathlib import Path

import polars as pl

from expectations.report import ValidationReport
from expectations.runner import Check, run_checks
from transforms import admin_levels
from transforms.admin_units import codes_consistent

SUITE = "documents"
SEVERITY = "warn"

FIRST_YEAR = 1945  # the state these reports belong to did not exist before

PERIOD_KINDS = ["year", "half", "quarter", "months"]

# Highest period_index per kind; a year has none.
PERIOD_INDEX_MAX = {"half": 2, "quarter": 4, "months": 12}

# Canonical issuer names (GUIDE.md: every Party committee is "Đảng ủy", the People's
# Committee "UBND", the People's Council "HĐND"), plus the Fatherland Front and the mass
# organisations that file progress reports of their own.
ISSUERS = [
    "UBND",
    "Đảng ủy",
    "HĐND",
    "MTTQ",
    "Đoàn Thanh niên",
    "Hội Nông dân",
    "Hội Phụ nữ",
    "Hội Cựu chiến binh",
    "Công đoàn",
]

# The levels of transforms/data/admin_levels.csv (GUIDE.md's, plus "quận" and the post-2025
# "đặc khu"), the one list metadata, dimensions and vocabulary use too.
ADMIN_LEVELS = list(admin_levels.levels())
_CODE_COLUMNS = (
    "admin_unit_era",
    "admin_unit_code",
    "province_code",
    "admin_unit_code_2025",
    "province_code_2025",
)


def _nfc(values: list[str]) -> list[str]:
    return [unicodedata.normalize("NFC", v) for v in values]


def prepare(docs: pl.DataFrame, run_date: date) -> pl.DataFrame:
    kind, index = pl.col("period_kind"), pl.col("period_index")
    index_ok = pl.when(kind == "year").then(index.is_null())
    for name, top in PERIOD_INDEX_MAX.items():
        index_ok = index_ok.when(kind == name).then(index.is_between(1, top).fill_null(False))
    return _with_codes_check(docs).with_columns(
        # Checked only where the kind is a known one; an unknown kind fails its own check.
        index_ok.alias("period_index_valid"),
        (pl.col("issued_date") - pl.lit(run_date)).dt.total_days().alias("issued_days_after_run_date"),
        # Decomposed (NFD) and composed Vietnamese look the same; compare composed.
        pl.col("issuer")
        .map_elements(lambda s: unicodedata.normalize("NFC", s), return_dtype=pl.String)
        .alias("issuer_nfc"),
        pl.col("admin_level")
        .map_elements(lambda s: unicodedata.normalize("NFC", s), return_dtype=pl.String)
        .alias("admin_level_nfc"),
    )


def _with_codes_check(docs: pl.DataFrame) -> pl.DataFrame:
    """`unit_codes_valid`: the resolved codes exist in their era's list and agree with each other
    (a frame without the code columns has nothing resolved)."""
    missing = [pl.lit(None, dtype=pl.String).alias(c) for c in _CODE_COLUMNS if c not in docs.columns]
    docs = docs.with_columns(missing) if missing else docs
    valid = [codes_consistent(*row) for row in docs.select(_CODE_COLUMNS).iter_rows()]
    return docs.with_columns(pl.Series("unit_codes_valid", valid, dtype=pl.Boolean))


def _codes_observed() -> pl.Expr:
    return pl.concat_str([pl.col(c).cast(pl.String).fill_null("null") for c in _CODE_COLUMNS], separator=" ")


def checks(run_date: date) -> list[Check]:
    """The suite's checks, the run date bounding the dates a report may carry."""
    return _period_checks(run_date) + _issuer_checks(run_date)


def _period_checks(run_date: date) -> list[Check]:
    """The report's period: present, plausible, and its index one its kind can have."""
    last_year = run_date.year + 1  # a plan for next year may be filed in December
    null = pl.lit("null")
    return [
        Check(
            name="period_year_present",
            gx="ExpectColumnValuesToNotBeNull",
            kwargs={"column": "period_year"},
            observed=null,
            expected=pl.lit("a year"),
        ),
        Check(
            name="period_year_plausible",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "period_year", "min_value": FIRST_YEAR, "max_value": last_year},
            observed=pl.col("period_year").cast(pl.String),
            expected=pl.lit(f"{FIRST_YEAR}..{last_year}"),
        ),
        Check(
            name="period_kind_present",
            gx="ExpectColumnValuesToNotBeNull",
            kwargs={"column": "period_kind"},
            observed=null,
            expected=pl.lit("|".join(PERIOD_KINDS)),
        ),
        Check(
            name="period_kind_known",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "period_kind", "value_set": PERIOD_KINDS},
            observed=pl.col("period_kind"),
            expected=pl.lit("|".join(PERIOD_KINDS)),
        ),
        Check(
            name="period_index_matches_kind",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "period_index_valid", "value_set": [True]},
            observed=pl.format(
                "{} {}", pl.col("period_kind"), pl.col("period_index").cast(pl.String).fill_null("null")
            ),
            expected=pl.col("period_kind").replace_strict(
                {"year": "null", "half": "1..2", "quarter": "1..4", "months": "1..12"}, default="?"
            ),
            description="period_index is null for a year, 1..2 for a half, 1..4 for a quarter, "
            "1..12 for months-to-date.",
        ),
    ]


def _issuer_checks(run_date: date) -> list[Check]:
    """Who issued the report, when, and the official codes of its unit."""
    return [
        Check(
            name="issued_date_not_after_run_date",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "issued_days_after_run_date", "max_value": 0},
            observed=pl.col("issued_date").cast(pl.String),
            expected=pl.lit(f"<= {run_date.isoformat()}"),
            description=f"A report cannot be issued after the day it was read ({run_date.isoformat()}).",
        ),
        Check(
            name="issuer_known",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "issuer_nfc", "value_set": _nfc(ISSUERS)},
            observed=pl.col("issuer"),
            expected=pl.lit("|".join(ISSUERS)),
        ),
        Check(
            name="admin_level_known",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "admin_level_nfc", "value_set": _nfc(ADMIN_LEVELS)},
            observed=pl.col("admin_level"),
            expected=pl.lit("|".join(ADMIN_LEVELS)),
        ),
        Check(
            name="unit_codes_in_official_list",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "unit_codes_valid", "value_set": [True]},
            observed=_codes_observed(),
            expected=pl.lit("era code province code_2025 province_2025 of one official unit"),
            description="Every resolved unit's code exists in its era's official list and agrees with "
            "its province and with its successors in the post-2025 list.",
        ),
    ]


def validate_documents(
    docs: pl.DataFrame, run_date: date, data_docs_dir: Path | None = None
) -> ValidationReport:
    """Run the documents suite over METADATA_SCHEMA + document_id (+ source_file) rows.
    Failure rows have fact_index null."""
    frame = prepare(docs, run_date)
    report = run_checks(SUITE, frame, checks(run_date), SEVERITY, keys=("document_id", None))
    if data_docs_dir is not None:
        from expectations.data_docs import build_data_docs

        build_data_docs([report], data_docs_dir)
    return report
