"""Every shape in the project, defined once: the frames that travel between stages and
the warehouse tables they become.

Extraction modules return plain Python records; `facts_frame` turns them into frames
with exactly these columns, so every later stage (GX validation, the DuckDB load) can
rely on names and types. The load's column lists are derived from `TABLE_SCHEMAS`, and a
test compares each DuckDB table (`information_schema`) with it, so the DDL in
`sql/migrations/` cannot drift from what the code writes.
"""

import polars as pl

EXTRA_TARGET = pl.Struct(
    {
        "target_value": pl.Float64,  # the other target, in the fact's unit; None when not written
        "pct_target": pl.Float64,  # "đạt X% <kind>" for that target
        "pct_target_decimals": pl.Int32,  # digits printed after the decimal mark of X
        "target_kind": pl.String,
    }
)

# One row per fact, as returned by transforms.facts.extract_facts (plus document_id added later).
FACT_SCHEMA: dict[str, pl.DataType] = {
    "fact_index": pl.Int32,  # 0-based order of the fact in its document
    "indicator_text": pl.String,  # the measured thing, as written, short
    "indicator_code": pl.String,  # transforms/data/indicators.csv code; None when uncatalogued
    "measure": pl.String,  # amount / count / rate / pct_of_plan / growth / index / rank / change
    "value": pl.Float64,  # the number parsed, in the unit as written
    "value_text": pl.String,  # the number exactly as written in the text ("4.103,5")
    "unit": pl.String,  # unit as written, lower case; None when unreadable
    "approx": pl.String,  # ước / gần / trên / hơn / khoảng / gần đạt; None
    "target_value": pl.Float64,
    "target_kind": pl.String,
    "pct_target": pl.Float64,
    "pct_target_decimals": pl.Int32,  # digits printed after the decimal mark of pct_target
    "pct_same_period": pl.Float64,
    "change_direction": pl.String,  # tăng / giảm
    "change_amount": pl.Float64,
    "change_unit": pl.String,
    "change_vs": pl.String,  # cùng kỳ / năm trước / năm 2020 ...
    "quote": pl.String,  # the clause the fact was read from, verbatim from the text
    "char_start": pl.Int32,  # text[char_start:char_end] == quote
    "char_end": pl.Int32,
    "section_path": pl.String,  # "I > 1 > Sản xuất nông nghiệp"
    "domain": pl.String,  # kinh tế / văn hóa - xã hội / quốc phòng - an ninh / xây dựng Đảng ... ; None
    "footnote": pl.String,  # body of a footnote linked to a marker inside the quote; None
    "part_of": pl.Int32,  # fact_index of the total this fact is a part of ("trong đó ..."); None
    "extra_targets": pl.List(EXTRA_TARGET),
    # The meaning of the unit, decided in the parse stage by transforms.units.unit_info:
    "value_base": pl.Float64,  # the value in its unit's base unit (None without a unit)
    "unit_base": pl.String,  # đồng, kg, m2, m, %, a rate's base, or the counted noun
    "unit_kind": pl.String,  # money, usd, mass, area, length, volume, percent, count, rate
}


FACT_FRAME_SCHEMA = {**FACT_SCHEMA, "document_id": pl.String}


def facts_frame(records: list[dict]) -> pl.DataFrame:
    """Records (dicts with FACT_SCHEMA keys, and document_id once known; missing keys are
    null) as a typed frame."""
    rows = [{name: rec.get(name) for name in FACT_FRAME_SCHEMA} for rec in records]
    for row in rows:
        if row["extra_targets"] is None:
            row["extra_targets"] = []
    return pl.DataFrame(rows, schema=FACT_FRAME_SCHEMA, strict=False)


# One record per report, as returned by transforms.metadata.extract_metadata.
# A field the text does not state is None, never a guess.
METADATA_SCHEMA: dict[str, pl.DataType] = {
    "title": pl.String,
    "issuer": pl.String,  # "UBND" / "Đảng ủy" / "HĐND" / ...
    "admin_level": pl.String,  # xã / phường / thị trấn / huyện / thị xã / thành phố / tỉnh
    "locality": pl.String,
    "parent_locality": pl.String,
    "parent_level": pl.String,  # the parent's level when the text writes it ("thành phố", "huyện")
    "doc_number": pl.String,  # "52-BC/ĐU"
    "issued_date": pl.Date,
    "period_year": pl.Int32,
    "period_kind": pl.String,  # year / half / quarter / months
    "period_index": pl.Int32,  # half 1-2, quarter 1-4, months-to-date count; None for a year
    "period_label": pl.String,  # "Quý I năm 2022"
    "signer": pl.String,
    "signer_title": pl.String,
}


# The reporting unit's official codes, as transforms.admin_units.resolve_unit returns them.
UNIT_CODE_SCHEMA: dict[str, pl.DataType] = {
    "admin_unit_code": pl.String,  # GSO code on the report's date, zero-padded; None when unresolved
    "province_code": pl.String,
    "admin_unit_code_2025": pl.String,  # the post-July-2025 successor; None for a district
    "province_code_2025": pl.String,
    "province_name_2025": pl.String,
    "admin_unit_era": pl.String,  # pre2025 | post2025: the list the codes belong to
    "admin_resolution": pl.String,  # header | text | unique name | province only | hint | unresolved
    "admin_candidates": pl.Int32,  # units of the list with the name the report gives
    "admin_resolution_note": pl.String,  # why a unit stayed unresolved, or what was assumed
}

# One record per landing file after decoding: what the file was and what it said.
DOCUMENT_RECORD_SCHEMA: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "path": pl.String,
    "status": pl.String,  # ok | rejected
    "error_reason": pl.String,
    "error": pl.String,
    "text": pl.String,
    "char_count": pl.Int32,
    "source_format": pl.String,  # text | html | docx | pdf
    "source_encoding": pl.String,
    **METADATA_SCHEMA,
    **UNIT_CODE_SCHEMA,
}

# One row per failed expectation per fact (fact_index null: a document-level or
# warehouse-level row); kept even when the frame is empty so loads never guess types.
FAILURE_SCHEMA: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "fact_index": pl.Int32,
    "suite": pl.String,  # facts | documents | warehouse | cross_report
    "expectation": pl.String,  # readable name, e.g. pct_target_matches_value_over_target
    "observed": pl.String,
    "expected": pl.String,
    "tolerance": pl.Float64,
    "severity": pl.String,  # warn (the report contradicts itself) | error (pipeline invariant)
}

# What one run decided about each landing file (status None: unchanged, keep the old row).
FILE_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,  # relative to the landing folder
    "source_file": pl.String,  # the file's name, no directory
    "size_bytes": pl.Int64,
    "mtime": pl.Datetime("us"),
    "content_hash": pl.String,  # sha256 hex of the bytes
    "document_id": pl.String,
    # loaded | duplicate | rejected | removed | extraction_failed (facts could not be read: the
    # file keeps the document it held before, if any, and is parsed again by the next run)
    "status": pl.String,
    "error_reason": pl.String,  # short code: empty, binary, too_large, corrupt_docx, extraction_failed ...
    "error": pl.String,  # the sentence a person reads
    "parsed_at": pl.Datetime("us"),
}

# Dimension rows.
PERIOD_SCHEMA: dict[str, pl.DataType] = {
    "period_id": pl.String,  # '2024', '2024-H1', '2024-Q3', '2024-M09'
    "period_year": pl.Int32,
    "period_kind": pl.String,
    "period_index": pl.Int32,
    "period_label": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
}
# A unit as a document names it (era None: not found in the official lists), or one unit version
# of an official list (admin_unit_id "pre2025:19870"; codes alone are no key, they were reused).
ADMIN_UNIT_SCHEMA: dict[str, pl.DataType] = {
    "admin_unit_id": pl.String,
    "admin_level": pl.String,  # the unit's type: xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố, tỉnh
    "locality": pl.String,  # short name: "Xuân Phú"
    "parent_locality": pl.String,
    "parent_admin_unit_id": pl.String,
    "admin_unit_code": pl.String,  # zero-padded GSO code (2, 3 or 5 digits)
    "official_name": pl.String,  # "Xã Xuân Phú"
    "tier": pl.String,  # commune | district | province
    "parent_code": pl.String,
    "province_code": pl.String,
    "era": pl.String,  # pre2025 | post2025
    "valid_from": pl.Date,  # the era's bounds (the lists carry no earlier history)
    "valid_to": pl.Date,
    "source": pl.String,  # "vietnamadminunits 1.0.4", or "document" for a name no list resolved
}
# Other names of official units: abbreviations, names without diacritics, former names.
ADMIN_UNIT_ALIAS_SCHEMA: dict[str, pl.DataType] = {
    "admin_unit_id": pl.String,
    "alias": pl.String,
    "alias_kind": pl.String,  # short name | official name | without diacritics | former name | ...
}
# Each pre-2025 unit's successor(s) in the post-2025 list.
ADMIN_UNIT_CROSSWALK_SCHEMA: dict[str, pl.DataType] = {
    "admin_unit_id": pl.String,  # pre2025:<code>
    "successor_id": pl.String,  # post2025:<code>
    "is_main_successor": pl.Boolean,  # the successor the official conversion assigns by default
    "partial": pl.Boolean,  # the old unit was split between several new ones
}
UNIT_SCHEMA: dict[str, pl.DataType] = {
    "unit": pl.String,  # as written, lower case
    "unit_kind": pl.String,
    "factor": pl.Float64,  # value_base = value * factor
    "unit_base": pl.String,
    "is_common": pl.Boolean,
}
INDICATOR_SCHEMA: dict[str, pl.DataType] = {
    "indicator_id": pl.String,  # the code for catalogued indicators, else 'raw:' + hash of phrase, unit kind, measure
    "indicator_code": pl.String,  # transforms/data/indicators.csv; None for an uncatalogued phrase
    "indicator_name": pl.String,
    "domain": pl.String,
    "measure": pl.String,  # amount | count | rate | pct_of_plan | growth | index | rank | change
    "unit_kind": pl.String,  # transforms.units kind of the values it holds
    "national_ref": pl.String,  # the national statistical indicator it corresponds to, if any
}

# Keys a document or fact gains on its way into the warehouse.
DOCUMENT_KEYS: dict[str, pl.DataType] = {"admin_unit_id": pl.String, "period_id": pl.String}
FACT_KEYS: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "indicator_id": pl.String,
    "period_id": pl.String,
    "admin_unit_id": pl.String,
}
VERDICT: dict[str, pl.DataType] = {"validation_status": pl.String}  # pass | fail | not_checked

# The warehouse tables, as the load writes them.
DOCUMENT_TABLE: dict[str, pl.DataType] = {
    "document_id": pl.String,
    **METADATA_SCHEMA,
    **UNIT_CODE_SCHEMA,
    **DOCUMENT_KEYS,
    **{k: DOCUMENT_RECORD_SCHEMA[k] for k in ("source_format", "source_encoding", "char_count")},
    **VERDICT,
    "parser_version": pl.String,  # transforms.PARSER_VERSION that read it
    "loaded_at": pl.Datetime("us"),
}
FACT_TABLE: dict[str, pl.DataType] = {
    **FACT_KEYS,
    # indicator_code is dim_indicator's, reached by indicator_id
    **{k: v for k, v in FACT_SCHEMA.items() if k not in ("extra_targets", "indicator_code")},
    **VERDICT,
}
EXTRA_TARGET_TABLE: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "fact_index": pl.Int32,
    "target_index": pl.Int32,
    **EXTRA_TARGET.to_schema(),
}
LANDING_FILE_TABLE: dict[str, pl.DataType] = {
    **FILE_SCHEMA,
    "duplicate_of": pl.String,  # document_id this file repeats (same bytes as another file)
    "first_seen": pl.Datetime("us"),
    "last_seen": pl.Datetime("us"),
}
DOCUMENT_TEXT_TABLE: dict[str, pl.DataType] = {"document_id": pl.String, "text": pl.String}
# One row per run: each successful load, and each failed run (warehouse/run_log.py).
PIPELINE_RUN_TABLE: dict[str, pl.DataType] = {
    "run_id": pl.String,
    "finished_at": pl.Datetime("us"),
    **{
        name: pl.Int32
        for name in (
            "files_seen",
            "files_parsed",
            "files_rejected",
            "files_removed",
            "documents",
            "facts",
            "facts_failed",
        )
    },
    "status": pl.String,  # success | failure (a failed run's counts are NULL)
    "error": pl.String,  # why a failed run failed: its first failed step's error, or the run's
}

# One row per check across reports (warehouse/cross_report.py), rebuilt on every load.
CROSS_REPORT_CHECK_TABLE: dict[str, pl.DataType] = {
    "check_kind": pl.String,  # same_period | issuer_agreement | revision
    "claim": pl.String,  # pct_same_period | change_pct | change_amount | value
    "document_id": pl.String,
    "fact_index": pl.Int32,
    "unit_key": pl.String,
    "indicator_code": pl.String,
    "unit_base": pl.String,
    "value": pl.Float64,
    "stated": pl.Float64,
    "stated_unit": pl.String,
    "earlier_document_id": pl.String,
    "earlier_fact_index": pl.Int32,
    "earlier_value": pl.Float64,
    "computed": pl.Float64,
    "tolerance": pl.Float64,
    "verdict": pl.String,  # pass | fail | no_earlier_fact | revised
}

# A number of a report that is no fact, with why (transforms.skips.skipped_records).
SKIPPED_NUMBER_SCHEMA: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "text": pl.String,
    "reason": pl.String,
}

# A document whose facts could not be read (orchestration.assets.report_facts), with why:
# - extraction_failed: the extraction raised (a bug meeting an odd text). The document is not
#   loaded this run, its previous facts (if any) stay, and the next run tries again;
# - too_complex, worker_died: the extraction was stopped (past its time budget, or its worker
#   died; transforms.report.facts_rejected). The file is rejected, like one that cannot be read.
EXTRACTION_FAILED = "extraction_failed"  # also the landing_file status of such a document's file
EXTRACTION_PROBLEM_SCHEMA: dict[str, pl.DataType] = {
    "document_id": pl.String,
    "error_reason": pl.String,
    "error": pl.String,
}

TABLE_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "dim_period": PERIOD_SCHEMA,
    "dim_admin_unit": ADMIN_UNIT_SCHEMA,
    "admin_unit_alias": ADMIN_UNIT_ALIAS_SCHEMA,
    "admin_unit_crosswalk": ADMIN_UNIT_CROSSWALK_SCHEMA,
    "dim_unit": UNIT_SCHEMA,
    "dim_indicator": INDICATOR_SCHEMA,
    "dim_document": DOCUMENT_TABLE,
    "document_text": DOCUMENT_TEXT_TABLE,
    "fact_indicator_value": FACT_TABLE,
    "fact_extra_target": EXTRA_TARGET_TABLE,
    "validation_failure": FAILURE_SCHEMA,
    "landing_file": LANDING_FILE_TABLE,
    "pipeline_run": PIPELINE_RUN_TABLE,
    "cross_report_check": CROSS_REPORT_CHECK_TABLE,
    "skipped_number": SKIPPED_NUMBER_SCHEMA,
}


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=schema)
