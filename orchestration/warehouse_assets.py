"""The warehouse: every table and view its own asset, written by one step.

The load is one atomic copy-and-swap (warehouse.snapshot), so one op writes every table;
each table and view is still its own asset, with its lineage (stage frames → dimensions →
fact → views), a description from the data dictionary, and at each materialization its
row count and column schema as read back from the file. The checks are declared here, on
the tables they are about; they are evaluated on the finished copy before it is swapped
in, so a failing ERROR check (a broken pipeline invariant) leaves the previous warehouse
in place and fails the run.
"""

import time
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from orchestration import checks
from orchestration.assets import release_memory, stage_line
from orchestration.resources import Warehouse
from warehouse import inspect, settings
from warehouse.changes import build_changes
from warehouse.load import load_run

WAREHOUSE_POOL = "duckdb_warehouse"
STAGES = [
    "landing_files",
    "report_documents",
    "report_facts",
    "skipped_numbers",
    "extraction_problems",
    "validation_verdicts",
]
DIMENSIONS = ["dim_document", "dim_period", "dim_admin_unit", "dim_unit", "dim_indicator"]

# Each table or view of the warehouse → what it is made from (stage assets or other tables).
LINEAGE: dict[str, list[str]] = {
    "landing_file": ["landing_files", "report_documents", "extraction_problems"],
    "dim_document": ["report_documents", "validation_verdicts"],
    "dim_period": ["report_documents"],
    "dim_admin_unit": ["report_documents"],
    "dim_unit": ["report_facts"],
    "dim_indicator": ["report_facts"],
    "document_text": ["report_documents"],
    "fact_indicator_value": ["report_facts", "validation_verdicts", *DIMENSIONS],
    "fact_extra_target": ["fact_indicator_value"],
    "validation_failure": ["validation_verdicts", "fact_indicator_value", "dim_document"],
    "v_facts": ["fact_indicator_value", *DIMENSIONS, "landing_file"],
    "v_documents": ["landing_file", "dim_document", "fact_indicator_value"],
    "v_fact_failures": ["validation_failure", "fact_indicator_value", "landing_file"],
    "v_rejected_files": ["landing_file"],
    "skipped_number": ["skipped_numbers", "dim_document"],
    "v_skipped_numbers": ["skipped_number", "landing_file", "document_text"],
    "admin_unit_alias": ["dim_admin_unit"],
    "admin_unit_crosswalk": ["dim_admin_unit"],
    "v_indicator_series": ["v_facts", "dim_indicator", "dim_period"],
    "cross_report_check": ["fact_indicator_value", *DIMENSIONS],
    "v_cross_report_checks": ["cross_report_check", "fact_indicator_value", "landing_file"],
}
TABLES = list(LINEAGE)
VALIDATION = "warehouse_validation"


def _is_view(name: str) -> bool:
    return name.startswith("v_")


def describe(name: str) -> str:
    """The table's meaning from the data dictionary (sql/dictionary.csv, when present)."""
    from warehouse.dictionary import entries

    meaning = entries().get((name, ""))
    kind = "view" if _is_view(name) else "table"
    return f"{meaning} (DuckDB {kind} main.{name})" if meaning else f"DuckDB {kind} main.{name}."


def _outs() -> dict[str, dg.AssetOut]:
    outs = {
        name: dg.AssetOut(
            dagster_type=dg.Nothing,
            description=describe(name),
            group_name="warehouse",
            kinds={"duckdb", "view" if _is_view(name) else "table"},
        )
        for name in TABLES
    }
    outs[VALIDATION] = dg.AssetOut(
        description="The warehouse suite's Great Expectations result over the file this run swapped in "
        "(every fact's keys in their dimensions, unique fact keys); rendered in the Data Docs.",
        group_name="validate",
        kinds={"great_expectations"},
    )
    return outs


def _table_metadata(con, name: str) -> dict:
    """Row count and column schema, read from the built file."""
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(
                c.name,
                c.type,
                description=c.comment,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in inspect.columns(con, name)
        ]
    )
    return {
        "dagster/row_count": dg.MetadataValue.int(inspect.row_count(con, name)),
        "dagster/column_schema": dg.MetadataValue.table_schema(schema),
        "dagster/table_name": f"main.{name}",
    }


class BlockedLoad(Exception):
    """A blocking check failed on the built copy: it must not be swapped in."""


def _inspect_before_swap(con, seen: dict) -> None:
    """Runs on the finished copy, before the swap: the warehouse suite (once per run), every
    check, and each table's metadata."""
    from expectations.warehouse_suite import validate_warehouse

    seen["report"] = validate_warehouse(con)
    seen["checks"] = checks.evaluate(con, seen["report"])
    seen["tables"] = {name: _table_metadata(con, name) for name in TABLES if inspect.exists(con, name)}
    if checks.blocking_failures(seen["checks"]):
        raise BlockedLoad


@dg.multi_asset(
    name="warehouse_tables",
    outs=_outs(),
    internal_asset_deps={
        **{name: {dg.AssetKey(dep) for dep in deps} for name, deps in LINEAGE.items()},
        VALIDATION: {dg.AssetKey(name) for name in TABLES if not _is_view(name)},
    },
    ins={name: dg.AssetIn() for name in STAGES},
    check_specs=checks.check_specs(),
    pool=WAREHOUSE_POOL,
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    landing_files: pl.DataFrame,
    report_documents: pl.DataFrame,
    report_facts: pl.DataFrame,
    skipped_numbers: pl.DataFrame,
    extraction_problems: pl.DataFrame,
    validation_verdicts,
):
    """Loads the run into the DuckDB star schema: each changed document's rows replaced as a
    unit, removed files' facts deleted, all in a copy that is checked, then swapped in."""
    started, path = time.perf_counter(), Path(warehouse.path)
    now = datetime.now(UTC).replace(tzinfo=None)
    changes = build_changes(
        run_id=context.run_id,
        plan=landing_files,
        documents=validation_verdicts.mark_documents(report_documents),
        facts=validation_verdicts.mark_facts(report_facts),
        failures=validation_verdicts.failures,
        now=now,
        skipped=skipped_numbers,
        extraction_problems=extraction_problems,
    )
    seen: dict = {}
    try:
        summary = load_run(
            path,
            changes,
            now,
            warehouse.lock_timeout_s,
            before_swap=lambda con: _inspect_before_swap(con, seen),
        )
    except BlockedLoad:
        yield from seen["checks"]
        blocked = ", ".join(checks.blocking_failures(seen["checks"]))
        raise dg.Failure(f"the warehouse was left as it was: blocking checks failed ({blocked})") from None
    release_memory()
    yield from _results(path, summary, seen)
    context.log.info(stage_line("load", _load_summary(path, summary, seen), started))
    context.log.info(stage_line("checks", _checks_summary(seen["checks"]), None))


def _results(path: Path, summary, seen: dict):
    for name, metadata in seen["tables"].items():
        extra = {"warehouse": dg.MetadataValue.path(str(path))}
        if name == "fact_indicator_value":
            extra["facts_inserted"] = summary.facts_inserted
        if name == "dim_document":
            extra |= {"documents_replaced": summary.documents_replaced}
            extra |= {"documents_deleted": summary.documents_deleted}
        yield dg.MaterializeResult(asset_key=name, metadata={**metadata, **extra})
    yield from seen["checks"]
    report = seen["report"]
    yield dg.Output(
        report,
        output_name=VALIDATION,
        metadata={
            "passed": bool(report.success),
            "failed": dg.MetadataValue.json(report.failed_expectations()),
        },
    )


def _rows(seen: dict, name: str) -> int:
    return seen["tables"][name]["dagster/row_count"].value


def _load_summary(path: Path, summary, seen: dict) -> str:
    return (
        f"{path}: {_rows(seen, 'dim_document')} documents, {_rows(seen, 'fact_indicator_value')} facts "
        f"({summary.documents_replaced} documents written, {summary.documents_deleted} removed)"
    )


def _checks_summary(results: list[dg.AssetCheckResult]) -> str:
    failed = [f"{r.check_name} {r.metadata['rows_failed'].value}" for r in results if not r.passed]
    passed = len(results) - len(failed)
    return f"{passed} of {len(results)} passed" + (f"; failing rows: {', '.join(failed)}" if failed else "")


@dg.asset(group_name="validate", kinds={"great_expectations", "html"})
def data_docs(
    context: dg.AssetExecutionContext, warehouse: Warehouse, validation_verdicts, warehouse_validation
) -> dg.MaterializeResult:
    """GX Data Docs beside the warehouse file: this run's facts and documents suites (a run
    that parsed nothing keeps the previous results, so the site never shows an empty
    validation) and the warehouse suite over the file this run swapped in."""
    from expectations.data_docs import build_data_docs

    started = time.perf_counter()
    batch = [r for r in validation_verdicts.reports.values() if _validated_rows(r)]
    reports = [*batch, warehouse_validation]
    index = build_data_docs(reports, settings.data_docs_dir(Path(warehouse.path)))
    context.log.info(stage_line("data docs", str(index), started))
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(index)),
            "summary": dg.MetadataValue.path(str(index.with_name("summary.html"))),
            "suites_updated": dg.MetadataValue.json([r.suite for r in reports]),
            **{f"{r.suite}_suite_passed": bool(r.success) for r in reports},
        }
    )


def _validated_rows(report) -> int:
    return max((int(e.get("rows_checked") or 0) for e in report.expectations), default=0)


@dg.asset(
    name="review_pages",
    group_name="review",
    kinds={"html"},
    deps=["v_facts", "v_documents", "v_fact_failures"],
)
def review_pages(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """Static HTML beside the warehouse file: an index of reports and each report's text with
    its facts marked (values, targets, failing checks), readable offline."""
    from warehouse.review import write_review_pages

    started = time.perf_counter()
    index = write_review_pages(Path(warehouse.path))
    context.log.info(stage_line("review", str(index), started))
    return dg.MaterializeResult(metadata={"index": dg.MetadataValue.path(str(index))})
