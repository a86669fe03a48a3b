"""The facts suite: where a report's numbers contradict themselves.

Failures here are source inconsistencies (severity "warn"): the fact is kept and marked,
never dropped. Cross-column rules are computed in Polars as residual columns and GX
checks each residual with a single-column expectation (../shared/STACK.md §2):

* `pct_target_excess`: |printed % − 100·value/target| minus the print precision. The
  report printed the percentage with `pct_target_decimals` digits, rounded or truncated,
  so one unit in the last printed digit (10**-decimals) is allowed: 270/269 = 100,37
  written "100,3%" passes, 63/60 = 105,0 written "105,3%" does not.
* `extra_target_excess`: the same for every extra target (worst one per fact).
* `parts_sum_excess`: on a total, Σ parts − total minus the parts' and total's print
  precision (> 0: the parts add up to more than the whole).
"""

from pathlib import Path

import polars as pl

from expectations.report import ValidationReport
from expectations.runner import EPS, Check, run_checks

SUITE = "facts"
SEVERITY = "warn"

# Percentages beyond this are typos or misread numbers, not achievements.
PCT_MAX = 1000.0

# A total stated as a lower bound ("trên 100 hộ", "hơn 2 tỷ") may legitimately be
# exceeded by its parts.
LOWER_BOUND_HEDGES = ["trên", "hơn"]


def _fmt(expr: pl.Expr) -> pl.Expr:
    """A number for a message: two decimals at most (105.0, 100.37), 'null' when absent."""
    return expr.round(2).cast(pl.String).fill_null("null")


def _decimals(pct: pl.Expr, decimals: pl.Expr) -> pl.Expr:
    """Printed decimals; when the extractor did not record them, read them off the
    number itself (an integral value counts as printed without decimals)."""
    fraction = pct.cast(pl.String).str.split(".").list.get(1, null_on_oob=True).str.len_chars()
    inferred = pl.when(pct == pct.round(0)).then(pl.lit(0)).otherwise(fraction)
    return decimals.fill_null(inferred).cast(pl.Int32)


def _pct_residual(value: pl.Expr, target: pl.Expr, pct: pl.Expr, decimals: pl.Expr) -> tuple:
    """(computed %, tolerance, excess); all null where there is nothing to compare."""
    checkable = value.is_not_null() & target.is_not_null() & (target != 0) & pct.is_not_null()
    computed = pl.when(checkable).then(100.0 * value / target)
    tolerance = pl.when(checkable).then(pl.lit(10.0).pow(-_decimals(pct, decimals).cast(pl.Float64)))
    return computed, tolerance, (pct - computed).abs() - tolerance


def _with_pct_residuals(facts: pl.DataFrame) -> pl.DataFrame:
    computed, tolerance, excess = _pct_residual(
        pl.col("value"), pl.col("target_value"), pl.col("pct_target"), pl.col("pct_target_decimals")
    )
    return facts.with_columns(
        computed.alias("pct_target_computed"),
        tolerance.alias("pct_target_tolerance"),
        excess.alias("pct_target_excess"),
    )


def _with_extra_target_residuals(facts: pl.DataFrame) -> pl.DataFrame:
    """Explode extra_targets, compute each residual, keep the worst one per fact."""
    exploded = (
        facts.select("_row", "value", "extra_targets")
        .explode("extra_targets")
        .filter(pl.col("extra_targets").is_not_null())
        .unnest("extra_targets")
    )
    computed, tolerance, excess = _pct_residual(
        pl.col("value"), pl.col("target_value"), pl.col("pct_target"), pl.col("pct_target_decimals")
    )
    worst = (
        exploded.with_columns(
            computed.alias("extra_target_computed"),
            tolerance.alias("extra_target_tolerance"),
            excess.alias("extra_target_excess"),
        )
        .filter(pl.col("extra_target_excess").is_not_null())
        .sort(["_row", "extra_target_excess"], descending=[False, True])
        .unique("_row", keep="first", maintain_order=True)
        .select(
            "_row",
            "extra_target_computed",
            "extra_target_tolerance",
            "extra_target_excess",
            pl.col("pct_target").alias("extra_target_pct"),
            pl.col("target_kind").alias("extra_target_kind"),
        )
    )
    return facts.join(worst, on="_row", how="left", maintain_order="left")


def _last_digit(value: pl.Expr) -> pl.Expr:
    """One unit in the last digit of a printed number: 0.01 for 16.25, 0 for an integral
    value (counts are exact; rounding to tens of people is not assumed)."""
    fraction = value.cast(pl.String).str.split(".").list.get(1, null_on_oob=True).str.len_chars()
    return pl.when(value == value.round(0)).then(0.0).otherwise(pl.lit(10.0).pow(-fraction.cast(pl.Float64)))


def _change_only() -> pl.Expr:
    """A claim that states only a change ("giảm 12 ha"): its value is the change amount
    (GUIDE.md). A level that also states a change ("45 tỷ, giảm 1,2 tỷ") is not one."""
    return pl.col("change_direction").is_not_null() & pl.col("value").eq_missing(pl.col("change_amount"))


def _with_parts_residuals(facts: pl.DataFrame) -> pl.DataFrame:
    """On each total: Σ parts (scaled to the total's unit) minus the total, minus the
    print precision of them all. Attributed to the total only: the contradiction is
    one, and the total's row lists the parts (which of the numbers is wrong the text
    does not say). Changes and parts in an incomparable unit are left out."""
    sums = _parts_sums(_parts_with_totals(facts))
    return facts.join(sums, on=["document_id", "fact_index"], how="left", maintain_order="left")


def _parts_with_totals(facts: pl.DataFrame) -> pl.DataFrame:
    """Each part joined with its total, and the scale that puts it in the total's unit."""
    # Value to base unit, as the parse stage scaled it; null where a value is 0 or unscaled.
    factor = pl.when(pl.col("value") != 0).then(pl.col("value_base") / pl.col("value"))
    parts = facts.filter(
        pl.col("part_of").is_not_null() & pl.col("value").is_not_null() & ~_change_only()
    ).select(
        "document_id",
        pl.col("part_of").cast(facts.schema["fact_index"]),
        pl.col("fact_index").alias("part_index"),
        pl.col("value").alias("part_value"),
        pl.col("unit").alias("part_unit"),
        pl.col("unit_base").alias("part_base"),
        factor.alias("part_factor"),
    )
    totals = facts.filter(
        pl.col("value").is_not_null()
        & ~_change_only()
        & ~pl.col("approx").fill_null("").is_in(LOWER_BOUND_HEDGES)
    ).select(
        "document_id",
        pl.col("fact_index").alias("part_of"),
        pl.col("value").alias("total_value"),
        pl.col("unit").alias("total_unit"),
        pl.col("unit_base").alias("total_base"),
        factor.alias("total_factor"),
    )
    # A part counts in the total's unit: 1 for the same unit, the ratio of the factors for
    # another unit of the same base (ha in a total of m2); other parts are left out.
    return (
        parts.join(totals, on=["document_id", "part_of"], how="inner")
        .with_columns(
            pl.when(pl.col("part_unit").eq_missing(pl.col("total_unit")))
            .then(1.0)
            .when(pl.col("part_base").is_not_null() & (pl.col("part_base") == pl.col("total_base")))
            .then(pl.col("part_factor") / pl.col("total_factor"))
            .alias("scale")
        )
        .filter(pl.col("scale").is_not_null())
    )


def _parts_sums(joined: pl.DataFrame) -> pl.DataFrame:
    """Per total (as fact_index): Σ parts, the tolerance of their printed precision, the excess
    of the sum over the total and the parts' indexes."""
    return (
        joined.group_by("document_id", "part_of")
        .agg(
            (pl.col("part_value") * pl.col("scale")).sum().alias("parts_sum"),
            (_last_digit(pl.col("part_value")) * pl.col("scale")).sum().alias("parts_slack"),
            pl.col("part_index").sort().alias("part_indexes"),
            pl.col("total_value").first(),
        )
        .with_columns(
            # Float noise grows with magnitude (amounts in đồng run to 1e10): relative slack.
            (
                pl.col("parts_slack")
                + _last_digit(pl.col("total_value"))
                + EPS * pl.max_horizontal(pl.col("parts_sum").abs(), pl.col("total_value").abs())
            ).alias("parts_tolerance"),
        )
        .with_columns(
            (pl.col("parts_sum") - pl.col("total_value") - pl.col("parts_tolerance")).alias(
                "parts_sum_excess"
            )
        )
        .select(
            "document_id",
            pl.col("part_of").alias("fact_index"),
            "parts_sum",
            "parts_tolerance",
            "parts_sum_excess",
            pl.col("part_indexes").cast(pl.List(pl.String)).list.join(", "),
        )
    )


def prepare(facts: pl.DataFrame) -> pl.DataFrame:
    """The facts with every column the checks validate (derived columns added)."""
    frame = facts.with_row_index("_row")
    if "unit_known" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, pl.Boolean).alias("unit_known"))
    frame = _with_pct_residuals(frame)
    frame = _with_extra_target_residuals(frame)
    frame = _with_parts_residuals(frame)
    not_change = ~_change_only()
    # A "%" value that is the percentage of plan or of last year itself ("đạt 105% KH",
    # value = pct_target, see GUIDE.md) is a ratio, not a share, and may exceed 100.
    ratio = pl.col("value").eq_missing(pl.col("pct_target")) | pl.col("value").eq_missing(
        pl.col("pct_same_period")
    )
    return frame.with_columns(
        pl.when((pl.col("unit") == "%") & not_change & ~ratio)
        .then(pl.col("value"))
        .alias("percent_share_value"),
        pl.when(not_change).then(pl.col("value")).alias("non_change_value"),
        pl.when(pl.col("unit").is_not_null()).then(pl.col("unit_known")).alias("unit_is_known"),
        # A blank quote is as good as none.
        pl.when(pl.col("quote").str.strip_chars() != "").then(pl.col("quote")).alias("quote_text"),
        (pl.col("char_end") - pl.col("char_start")).fill_null(0).alias("char_span_length"),
    )


def checks() -> list[Check]:
    """Every check of the suite: the report's arithmetic, then the shape of each fact."""
    return [*_arithmetic_checks(), *_shape_checks()]


def _arithmetic_checks() -> list[Check]:
    """Where the report's own numbers contradict each other."""
    return [
        Check(
            name="pct_target_matches_value_over_target",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "pct_target_excess", "max_value": EPS},
            observed=_fmt(pl.col("pct_target_computed")),
            expected=_fmt(pl.col("pct_target")),
            tolerance=pl.col("pct_target_tolerance"),
            description="Printed % of target agrees with 100·value/target within one unit of its "
            "last printed digit (`pct_target_excess` = |printed − computed| − that unit ≤ 0).",
        ),
        Check(
            name="extra_target_pct_matches_value_over_target",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "extra_target_excess", "max_value": EPS},
            observed=_fmt(pl.col("extra_target_computed")),
            expected=pl.format("{} ({})", _fmt(pl.col("extra_target_pct")), pl.col("extra_target_kind")),
            tolerance=pl.col("extra_target_tolerance"),
            description="Same rule for every extra target of a value (worst target per fact).",
        ),
        Check(
            name="parts_do_not_exceed_total",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "parts_sum_excess", "max_value": EPS},
            observed=pl.format("parts {} (facts {})", _fmt(pl.col("parts_sum")), pl.col("part_indexes")),
            expected=pl.format(
                "<= {} {}", _fmt(pl.col("value")), pl.col("unit").fill_null("")
            ).str.strip_chars(),
            tolerance=pl.col("parts_tolerance"),
            description="On a total: the sum of its parts (same document, comparable unit) does not "
            "exceed it, allowing one unit in the last digit of each printed number.",
        ),
    ]


def _shape_checks() -> list[Check]:
    """Values in range, units known, every fact traceable to its span."""
    return [
        Check(
            name="pct_target_within_bounds",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "pct_target", "min_value": 0, "max_value": PCT_MAX},
            observed=_fmt(pl.col("pct_target")),
            expected=pl.lit(f"0..{PCT_MAX:g}"),
        ),
        Check(
            name="pct_same_period_within_bounds",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "pct_same_period", "min_value": 0, "max_value": PCT_MAX},
            observed=_fmt(pl.col("pct_same_period")),
            expected=pl.lit(f"0..{PCT_MAX:g}"),
        ),
        Check(
            name="percent_value_within_0_100",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "percent_share_value", "min_value": 0, "max_value": 100},
            observed=_fmt(pl.col("value")),
            expected=pl.lit("0..100"),
            description="A value in % that is a share (not a change, not a % of plan) lies in 0..100.",
        ),
        Check(
            name="value_not_negative",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "non_change_value", "min_value": 0},
            observed=_fmt(pl.col("value")),
            expected=pl.lit(">= 0"),
            description="Only changes carry a sign (in change_direction); every other value is ≥ 0.",
        ),
        Check(
            name="unit_known",
            gx="ExpectColumnValuesToBeInSet",
            kwargs={"column": "unit_is_known", "value_set": [True]},
            observed=pl.col("unit"),
            expected=pl.lit("a unit in dim_unit"),
        ),
        Check(
            name="quote_present",
            gx="ExpectColumnValuesToNotBeNull",
            kwargs={"column": "quote_text"},
            observed=pl.lit("null"),
            expected=pl.lit("the clause the fact was read from"),
        ),
        Check(
            name="char_span_valid",
            gx="ExpectColumnValuesToBeBetween",
            kwargs={"column": "char_span_length", "min_value": 1},
            observed=pl.format(
                "char_start={}, char_end={}",
                pl.col("char_start").cast(pl.String).fill_null("null"),
                pl.col("char_end").cast(pl.String).fill_null("null"),
            ),
            expected=pl.lit("char_end > char_start"),
        ),
    ]


def validate_facts(facts: pl.DataFrame, data_docs_dir: Path | None = None) -> ValidationReport:
    """Run the facts suite over FACT_SCHEMA + document_id (+ unit_known) rows.

    Without a `unit_known` column the unit check sees only nulls and passes. With
    `data_docs_dir`, the Data Docs site there is rebuilt with this result.
    """
    frame = prepare(facts)
    report = run_checks(SUITE, frame, checks(), SEVERITY)
    if data_docs_dir is not None:
        from expectations.data_docs import build_data_docs

        build_data_docs([report], data_docs_dir)
    return report
