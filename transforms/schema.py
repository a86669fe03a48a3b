"""The shapes that travel between stages, as Polars schemas.

Extraction modules return plain Python records; `facts_frame` / `documents_frame`
turn them into frames with exactly these columns, so every later stage (GX
validation, the DuckDB load) can rely on names and types.
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
    "doc_number": pl.String,  # "52-BC/ĐU"
    "issued_date": pl.Date,
    "period_year": pl.Int32,
    "period_kind": pl.String,  # year / half / quarter / months
    "period_index": pl.Int32,  # half 1-2, quarter 1-4, months-to-date count; None for a year
    "period_label": pl.String,  # "Quý I năm 2022"
    "signer": pl.String,
    "signer_title": pl.String,
}
