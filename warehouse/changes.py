"""Assemble one run's RunChanges from the stage frames (pure Polars)."""

from datetime import datetime

import polars as pl

from transforms import PARSER_VERSION
from transforms.schema import (
    EXTRACTION_FAILED,
    EXTRACTION_PROBLEM_SCHEMA,
    FAILURE_SCHEMA,
    SKIPPED_NUMBER_SCHEMA,
    empty,
)
from warehouse.dimensions import (
    admin_unit_rows,
    period_rows,
    with_document_keys,
    with_fact_keys,
)
from warehouse.landing import document_id_expr
from warehouse.landing_read import KEEPS_DOCUMENT
from warehouse.load import DOCUMENT_COLUMNS, FACT_COLUMNS, FILE_COLUMNS, RunChanges


def file_rows(plan: pl.DataFrame, documents: pl.DataFrame, now: datetime) -> pl.DataFrame:
    """What each landing file became in this run (status None: unchanged, keep the old row).

    A file whose read failed in a way that is no sign it is gone (landing_read.KEEPS_DOCUMENT)
    keeps the document it holds: status loaded with that document, the failure in its
    error_reason and error, so the earlier facts stay until a read succeeds."""
    read = pl.col("action").is_in(["new", "changed", "unchanged", "recovered"])
    outcome = _parse_outcomes(documents)
    return (
        plan.join(outcome, on="document_id", how="left")
        # an outcome is a file's only if the file itself was read this run
        .with_columns(pl.when(read).then(pl.col(c)).alias(c) for c in outcome.columns[1:])
        .with_columns(_file_outcome_columns(now))
        .select(FILE_COLUMNS)
    )


def _parse_outcomes(documents: pl.DataFrame) -> pl.DataFrame:
    """Each document read this run: loaded, extraction_failed or rejected, with the reason."""
    return documents.select(
        "document_id",
        pl.when(pl.col("status") == "ok")
        .then(pl.lit("loaded"))
        .when(pl.col("status") == EXTRACTION_FAILED)
        .then(pl.lit(EXTRACTION_FAILED))
        .otherwise(pl.lit("rejected"))
        .alias("parsed_status"),
        pl.col("error_reason").alias("parsed_reason"),
        pl.col("error").alias("parsed_error"),
    )


def _file_outcome_columns(now: datetime) -> list[pl.Expr]:
    """A planned file's status, document, error and parse time, from its action and its read's
    outcome (the parsed_* columns)."""
    parsed = pl.col("parsed_status").is_not_null()
    keep = (
        (pl.col("parsed_status") == "rejected")
        & pl.col("parsed_reason").is_in(list(KEEPS_DOCUMENT))
        & pl.col("previous_hash").is_not_null()
    )
    return [
        pl.when(pl.col("action").is_in(["removed", "vanished"]))
        .then(pl.lit("removed"))
        .when(pl.col("action") == "rejected")
        .then(pl.lit("rejected"))
        .when((pl.col("action") == "kept") | keep)
        .then(pl.lit("loaded"))
        .when(parsed)
        .then(pl.col("parsed_status"))
        .when(pl.col("action").is_in(["new", "changed", "recovered"]))
        .then(pl.lit("loaded"))
        .otherwise(pl.lit(None, dtype=pl.String))
        .alias("status"),
        pl.when(keep).then(pl.col("previous_hash")).otherwise(pl.col("content_hash")).alias("content_hash"),
        pl.when(keep)
        .then(document_id_expr(pl.col("previous_hash")))
        .otherwise(pl.col("document_id"))
        .alias("document_id"),
        pl.when(parsed).then(pl.col("parsed_reason")).otherwise(pl.col("error_reason")).alias("error_reason"),
        pl.when(keep)
        .then(pl.col("parsed_error") + pl.lit("; the facts of its last good read are kept"))
        .when(parsed)
        .then(pl.col("parsed_error"))
        .otherwise(pl.col("error"))
        .alias("error"),
        pl.when(parsed & ~keep).then(pl.lit(now)).otherwise(None).cast(pl.Datetime("us")).alias("parsed_at"),
    ]


def mark_extraction_failures(documents: pl.DataFrame, failures: pl.DataFrame | None) -> pl.DataFrame:
    """Documents whose fact extraction raised become status extraction_failed, with the error:
    they are not loaded (a document is never committed without its facts)."""
    if failures is None or not failures.height:
        return documents
    failed = failures.select("document_id", pl.col("error").alias("extraction_error"))
    is_failed = pl.col("extraction_error").is_not_null()
    message = pl.format(
        "fact extraction failed: {}; its previous facts (if any) are kept and the next run tries again",
        pl.col("extraction_error"),
    )
    return (
        documents.join(failed, on="document_id", how="left")
        .with_columns(
            pl.when(is_failed).then(pl.lit(EXTRACTION_FAILED)).otherwise(pl.col("status")).alias("status"),
            pl.when(is_failed)
            .then(pl.lit(EXTRACTION_FAILED))
            .otherwise(pl.col("error_reason"))
            .alias("error_reason"),
            pl.when(is_failed).then(message).otherwise(pl.col("error")).alias("error"),
        )
        .drop("extraction_error")
    )


def with_verdicts(facts: pl.DataFrame, verdicts: pl.DataFrame) -> pl.DataFrame:
    """facts + validation_status from (document_id, fact_index, validation_status) rows.

    Failing facts are few: marking them by key membership adds one column instead of
    copying every column of a large frame as a join would. Facts without a verdict are
    "not_checked"."""
    key = pl.struct("document_id", "fact_index")
    failed = verdicts.filter(pl.col("validation_status") == "fail").select(key.alias("key")).get_column("key")
    checked = verdicts.select(key.alias("key")).get_column("key")
    return facts.with_columns(
        pl.when(key.is_in(failed.implode()))
        .then(pl.lit("fail"))
        .when(key.is_in(checked.implode()))
        .then(pl.lit("pass"))
        .otherwise(pl.lit("not_checked"))
        .alias("validation_status")
    )


def with_rejected_extractions(documents: pl.DataFrame, rejected: pl.DataFrame | None) -> pl.DataFrame:
    """The documents, those whose fact extraction was stopped (`rejected`: document_id,
    error_reason, error) marked rejected with its reason. The columns are replaced, not
    joined: the frame's texts are not copied."""
    if rejected is None or rejected.is_empty():
        return documents
    ids = rejected.get_column("document_id")
    reasons = dict(zip(ids, rejected.get_column("error_reason"), strict=True))
    errors = dict(zip(ids, rejected.get_column("error"), strict=True))
    hit = pl.col("document_id").is_in(ids.implode())
    return documents.with_columns(
        pl.when(hit).then(pl.lit("rejected")).otherwise(pl.col("status")).alias("status"),
        pl.when(hit)
        .then(pl.col("document_id").replace_strict(reasons, default=None, return_dtype=pl.String))
        .otherwise(pl.col("error_reason"))
        .alias("error_reason"),
        pl.when(hit)
        .then(pl.col("document_id").replace_strict(errors, default=None, return_dtype=pl.String))
        .otherwise(pl.col("error"))
        .alias("error"),
    )


def build_changes(
    run_id: str,
    plan: pl.DataFrame,
    documents: pl.DataFrame,
    facts: pl.DataFrame,
    failures: pl.DataFrame,
    now: datetime,
    skipped: pl.DataFrame | None = None,
    extraction_problems: pl.DataFrame | None = None,
) -> RunChanges:
    """`documents` are this run's parsed documents (status ok or rejected, with
    validation_status); `facts` their validated facts (with validation_status);
    `extraction_problems` (EXTRACTION_PROBLEM_SCHEMA) the documents whose facts could not be read:
    those whose extraction raised keep what they had and are retried, the others are rejected."""
    problems = empty(EXTRACTION_PROBLEM_SCHEMA) if extraction_problems is None else extraction_problems
    raised = pl.col("error_reason") == EXTRACTION_FAILED
    extraction_failures, rejected = problems.filter(raised), problems.filter(~raised)
    documents = with_rejected_extractions(mark_extraction_failures(documents, extraction_failures), rejected)
    if extraction_failures.height:
        failed = extraction_failures.get_column("document_id").implode()
        facts = facts.filter(~pl.col("document_id").is_in(failed))
        failures = failures.filter(~pl.col("document_id").is_in(failed))
        skipped = None if skipped is None else skipped.filter(~pl.col("document_id").is_in(failed))
    if rejected.height:  # their document checks do not count
        failures = failures.filter(~pl.col("document_id").is_in(rejected.get_column("document_id").implode()))
    # The texts are the bulk of a run's bytes: they go to the load as they came (possibly
    # memory-mapped), only the small metadata columns are filtered and copied here.
    texts = documents.select("document_id", "status", "text")
    documents = documents.drop("text")
    loaded = with_document_keys(documents.filter(pl.col("status") == "ok")).with_columns(
        pl.col("char_count").cast(pl.Int32),
        pl.lit(PARSER_VERSION).alias("parser_version"),
        pl.lit(now).cast(pl.Datetime("us")).alias("loaded_at"),
    )
    # A fact or document validation did not reach is "not_checked", never silently "pass".
    loaded = loaded.with_columns(pl.col("validation_status").fill_null("not_checked"))
    facts = facts.with_columns(pl.col("validation_status").fill_null("not_checked"))
    keyed_facts, indicators, units = with_fact_keys(facts, loaded)
    return RunChanges(
        run_id=run_id,
        files=file_rows(plan, documents, now),
        documents=loaded.select(DOCUMENT_COLUMNS),
        texts=texts,
        facts=keyed_facts.select([*FACT_COLUMNS, "extra_targets"]),
        failures=failures.select(list(FAILURE_SCHEMA)).cast(FAILURE_SCHEMA),
        units=units,
        periods=period_rows(loaded),
        admin_units=admin_unit_rows(loaded),
        indicators=indicators,
        skipped=empty(SKIPPED_NUMBER_SCHEMA)
        if skipped is None
        else skipped.select(list(SKIPPED_NUMBER_SCHEMA)),
    )
