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

    def verdicts_only(self) -> "BatchOutcome":
        """The outcome with only the keys and statuses of facts and documents: what the load
        joins back onto the frames it already has, small however many facts a run has."""
        return BatchOutcome(
            facts=self.facts.select("document_id", "fact_index", "validation_status"),
            documents=self.documents.select("document_id", "validation_status"),
            failures=self.failures,
            reports=self.reports,
            data_docs_index=self.data_docs_index,
        )

    def mark_facts(self, facts: pl.DataFrame) -> pl.DataFrame:
        """`facts` + validation_status from these verdicts (not_checked: no verdict)."""
        from warehouse.changes import with_verdicts

        return with_verdicts(facts, self.facts)

    def mark_documents(self, documents: pl.DataFrame) -> pl.DataFrame:
        """`documents` + validation_status from these verdicts (None: no verdict)."""
        return documents.with_columns(
            pl.col("document_id")
            .replace_strict(
                self.documents.get_column("document_id"),
                self.documents.get_column("validation_status"),
                default=None,
                return_dtype=pl.String,
            )
            .alias("validation_status")
        )


def _with_status(frame: pl.DataFrame, failed: pl.DataFrame, on: list[str]) -> pl.DataFrame:
    marked = failed.select(on).unique().with_columns(pl.lit("fail").alias("validation_status"))
    return (
        frame.drop("validation_status", strict=False)
        .join(marked, on=on, how="left", maintain_order="left", nulls_equal=False)
        .with_columns(pl.col("validation_status").fill_null("pass"))
    )


def _common_units(facts: pl.DataFrame) -> set[str]:
    """The units of `facts` that the unit table calls common (a rare unit is worth a look)."""
    from transforms.units import is_common_unit

    return {u for u in facts.get_column("unit").unique().drop_nulls().to_list() if is_common_unit(u)}


def validate_batch(
    documents: pl.DataFrame,
    facts: pl.DataFrame,
    run_date: date,
    data_docs_dir: Path | None = None,
    known_units: set[str] | None = None,
) -> BatchOutcome:
    """Validate one run's documents and facts. `unit_known` comes from the facts when they
    carry it, else from `known_units`, else from the unit table (transforms.units)."""
    readable = documents.filter(pl.col("status") == "ok") if "status" in documents.columns else documents
    if not facts.height and not readable.height:  # nothing readable: no reason to import GX
        return BatchOutcome(
            facts=facts.with_columns(pl.lit("not_checked").alias("validation_status")),
            documents=documents.with_columns(pl.lit("not_checked").alias("validation_status")),
            failures=pl.DataFrame(schema=FAILURE_SCHEMA),
        )
    if "unit_known" not in facts.columns:
        if known_units is None:
            known_units = _common_units(facts)
        facts = facts.with_columns(pl.col("unit").is_in(sorted(known_units)).alias("unit_known"))
    fact_report = validate_facts(facts)
    # Rejected files (status != ok) have no metadata to check: they are "not_checked",
    # not a pile of failures.
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
