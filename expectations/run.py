"""One call for the pipeline's validate step: both source suites, statuses, Data Docs.

Failures never drop a row: every fact and document comes back with a validation_status
(pass | fail) and the reasons are in `failures`, one row per failed expectation.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from expectations.documents_suite import validate_documents
from expectations.facts_suite import validate_facts
from expectations.report import FAILURE_SCHEMA, ValidationReport


@dataclass
class BatchOutcome:
    facts: pl.DataFrame  # the input facts + validation_status
    documents: pl.DataFrame  # the input documents + validation_status (not_checked: status != ok)
    failures: pl.DataFrame  # FAILURE_SCHEMA, both suites
    reports: dict[str, ValidationReport] = field(default_factory=dict)
    data_docs_index: Path | None = None


def _with_status(frame: pl.DataFrame, failed: pl.DataFrame, on: list[str]) -> pl.DataFrame:
    marked = failed.select(on).unique().with_columns(pl.lit("fail").alias("validation_status"))
    return (
        frame.drop("validation_status", strict=False)
        .join(marked, on=on, how="left", maintain_order="left", nulls_equal=False)
        .with_columns(pl.col("validation_status").fill_null("pass"))
    )


def validate_batch(
    documents: pl.DataFrame,
    facts: pl.DataFrame,
    run_date: date,
    data_docs_dir: Path | None = None,
    known_units: set[str] | None = None,
) -> BatchOutcome:
    """Validate one run's documents and facts. `known_units` fills `unit_known` when the
    facts do not carry it (without either, the unit check has nothing to check)."""
    if "unit_known" not in facts.columns and known_units is not None:
        facts = facts.with_columns(pl.col("unit").is_in(sorted(known_units)).alias("unit_known"))
    fact_report = validate_facts(facts)
    # Rejected files (status != ok) have no metadata to check: they are "not_checked",
    # not a pile of failures.
    readable = documents.filter(pl.col("status") == "ok") if "status" in documents.columns else documents
    doc_report = validate_documents(readable, run_date)
    index = None
    if data_docs_dir is not None:
        from expectations.data_docs import build_data_docs

        index = build_data_docs([fact_report, doc_report], data_docs_dir)
    failures = pl.concat([fact_report.failures, doc_report.failures], how="vertical").cast(FAILURE_SCHEMA)
    fact_failed = fact_report.failures.select("document_id", pl.col("fact_index"))
    doc_failed = doc_report.failures.select("document_id")
    return BatchOutcome(
        facts=_with_status(
            facts, fact_failed.cast({"fact_index": facts.schema["fact_index"]}), ["document_id", "fact_index"]
        ),
        documents=_with_status(documents, doc_failed, ["document_id"]).with_columns(
            pl.when(pl.col("document_id").is_in(readable["document_id"].implode()))
            .then(pl.col("validation_status"))
            .otherwise(pl.lit("not_checked"))
            .alias("validation_status")
        ),
        failures=failures,
        reports={"facts": fact_report, "documents": doc_report},
        data_docs_index=index,
    )
