"""The pipeline's assets, one stage each:

landing_files → report_documents → report_facts → validated_facts → warehouse tables.

Each asset returns its Polars frame (kept by Dagster's IO manager) with row counts and a
preview as metadata. Only the warehouse multi-asset writes DuckDB, in the
`duckdb_warehouse` pool of one.
"""

import contextlib
import ctypes
import gc
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.resources import LandingFolder, Warehouse
from transforms import PARSER_VERSION
from transforms.admin_units import apply_hints, unresolved_count
from transforms.batch import iter_documents
from transforms.report import read_document, read_facts
from transforms.schema import DOCUMENT_RECORD_SCHEMA, FAILURE_SCHEMA, facts_frame
from transforms.units import is_common_unit
from warehouse import settings
from warehouse.changes import build_changes, with_verdicts
from warehouse.landing import mark_needs_parse, plan_changes, scan_folder
from warehouse.load import load_run
from warehouse.snapshot import reading
from warehouse.state import loaded_documents, previous_files

WAREHOUSE_POOL = "duckdb_warehouse"
WAREHOUSE_TABLES = [
    "landing_file",
    "dim_document",
    "dim_period",
    "dim_admin_unit",
    "dim_unit",
    "dim_indicator",
    "fact_indicator_value",
    "fact_extra_target",
    "validation_failure",
    "v_facts",
    "v_documents",
]


def _release_memory() -> None:
    """Hand freed memory back to the system between steps: the job runs in one process,
    and without this each step's garbage would stack on the next one's peak."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class RefreshConfig(dg.Config):
    full_refresh: bool = False  # parse every file again, even unchanged ones


def _preview(frame: pl.DataFrame, columns: list[str], rows: int = 5) -> dg.MetadataValue:
    """The first rows as a Markdown table, for the Dagster UI."""
    shown = frame.select([c for c in columns if c in frame.columns]).head(rows)
    if not shown.height:
        return dg.MetadataValue.md("(none)")
    cell = lambda v: "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")[:80]  # noqa: E731
    lines = ["| " + " | ".join(shown.columns) + " |", "|" + " --- |" * len(shown.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in shown.iter_rows()]
    return dg.MetadataValue.md("\n".join(lines))


@dg.asset(group_name="ingest", kinds={"filesystem", "polars"})
def landing_files(
    context: dg.AssetExecutionContext, config: RefreshConfig, landing: LandingFolder, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Every file in the landing folder with its content hash, compared with what the
    warehouse last loaded: new, changed, unchanged or removed, and whether to parse it."""
    folder = Path(landing.path)
    if not folder.is_dir():
        raise dg.Failure(f"landing folder {folder} does not exist (set REPORTS_LANDING_DIR)")
    scanned, skipped = scan_folder(folder)
    for note in skipped:
        context.log.warning(f"skipped {note}")
    with reading(Path(warehouse.path)) as con:
        previous, documents = previous_files(con), loaded_documents(con)
    plan = mark_needs_parse(
        plan_changes(folder, scanned, previous), previous, documents, PARSER_VERSION, config.full_refresh
    )
    counts = plan.group_by("action").len().sort("action")
    return dg.MaterializeResult(
        value=plan,
        metadata={
            "landing_dir": str(folder),
            "files": plan.filter(pl.col("action") != "removed").height,
            **{f"files_{a}": n for a, n in counts.iter_rows()},
            "files_to_parse": int(plan.get_column("needs_parse").sum()),
            "skipped_entries": len(skipped),
            "preview": _preview(plan, ["path", "size_bytes", "action", "needs_parse", "document_id"]),
        },
    )


@dg.asset(group_name="parse", kinds={"polars"})
def report_documents(
    context: dg.AssetExecutionContext, landing: LandingFolder, landing_files: pl.DataFrame
) -> dg.MaterializeResult:
    """Decoded report texts with their metadata (issuer, level, locality, period, date,
    number, signer), one row per new content; unreadable files as rejected rows with a reason."""
    folder = Path(landing.path)
    todo = landing_files.filter(pl.col("needs_parse")).unique(
        "document_id", keep="first", maintain_order=True
    )
    args = [
        (folder / path, doc_id, landing.max_bytes)
        for path, doc_id in todo.select("path", "document_id").iter_rows()
    ]
    # Folded into frames a few hundred documents at a time: a big first run must not hold
    # every text twice (as Python strings and as Arrow) at once.
    chunks, records = [pl.DataFrame(schema=DOCUMENT_RECORD_SCHEMA)], []
    results = iter_documents(read_document, args, landing.workers)
    for record, path in zip(results, todo.get_column("path"), strict=True):
        records.append({**record, "path": path})
        if len(records) == 500:
            chunks.append(pl.DataFrame(records, schema=DOCUMENT_RECORD_SCHEMA))
            records.clear()
    chunks.append(pl.DataFrame(records, schema=DOCUMENT_RECORD_SCHEMA))
    # Units the text left unresolved take the operator's hint file, where one applies.
    documents = apply_hints(pl.concat(chunks, rechunk=True), folder)
    rejected = documents.filter(pl.col("status") == "rejected")
    _release_memory()
    for path, reason, error in rejected.select("path", "error_reason", "error").iter_rows():
        context.log.warning(f"rejected {path}: {reason} — {error}")
    return dg.MaterializeResult(
        value=documents,
        metadata={
            "documents_parsed": documents.height - rejected.height,
            "documents_unit_unresolved": unresolved_count(documents),
            "files_rejected": rejected.height,
            "rejections": dg.MetadataValue.json(
                {p: f"{r}: {e}" for p, r, e in rejected.select("path", "error_reason", "error").iter_rows()}
            ),
            "preview": _preview(
                documents, ["path", "issuer", "admin_level", "locality", "period_label", "status"]
            ),
        },
    )


@dg.asset(group_name="parse", kinds={"polars"})
def report_facts(
    context: dg.AssetExecutionContext, landing: LandingFolder, report_documents: pl.DataFrame
) -> dg.MaterializeResult:
    """Quantitative claims read from each report's prose: value, unit, target, % of
    target, % of the same period, change, with the quote and its character span."""
    readable = report_documents.filter(pl.col("status") == "ok")
    texts = readable.select("document_id", "text").iter_rows()  # one text at a time, not a list
    results = iter_documents(read_facts, texts, landing.workers, count=readable.height)
    frames, records, errors = [], [], {}
    for doc_id, doc_records, error in results:
        if error:
            errors[doc_id] = error
            context.log.error(f"fact extraction failed for document {doc_id}: {error}")
        records.extend({**r, "document_id": doc_id} for r in doc_records)
        if len(records) >= 20_000:
            frames.append(facts_frame(records))
            records = []
    frames.append(facts_frame(records))
    facts = pl.concat(frames, rechunk=True)
    _release_memory()
    return dg.MaterializeResult(
        value=facts,
        metadata={
            "facts": facts.height,
            "documents": readable.height,
            "extraction_errors": dg.MetadataValue.json(errors),
            "preview": _preview(
                facts, ["indicator_text", "value", "unit", "target_value", "pct_target", "pct_same_period"]
            ),
        },
    )


@dg.asset(group_name="validate", kinds={"great_expectations", "polars"})
def validated_facts(
    context: dg.AssetExecutionContext,
    report_documents: pl.DataFrame,
    report_facts: pl.DataFrame,
) -> dg.MaterializeResult:
    """This run's new facts and documents through the Great Expectations suites in
    expectations/: each fact marked pass/fail (failures kept, never dropped) and one row
    per failed expectation."""
    from expectations.run import validate_batch  # GX takes seconds to import: only when needed

    units = report_facts.get_column("unit").unique().drop_nulls().to_list()
    outcome = validate_batch(
        documents=report_documents.drop("text"),  # the texts go straight to the load
        facts=report_facts,
        run_date=datetime.now(UTC).date(),
        known_units={u for u in units if is_common_unit(u)},
    )
    failed = outcome.facts.filter(pl.col("validation_status") == "fail")
    _release_memory()
    # Keep only the verdicts: the load joins them back onto report_facts / report_documents,
    # so the (pickled) outcome stays small however many facts a run has.
    outcome.facts = outcome.facts.select("document_id", "fact_index", "validation_status")
    outcome.documents = outcome.documents.select("document_id", "validation_status")
    return dg.MaterializeResult(
        value=outcome,
        metadata={
            "facts_checked": outcome.facts.height,
            "facts_failed": failed.height,
            "documents_failed": outcome.documents.filter(pl.col("validation_status") == "fail").height,
            "failure_rows": outcome.failures.height,
            "preview": _preview(
                outcome.failures, ["document_id", "fact_index", "expectation", "observed", "expected"]
            ),
        },
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            name,
            group_name="warehouse",
            kinds={"duckdb"},
            deps=["landing_files", "report_documents", "report_facts", "validated_facts"],
            description=f"DuckDB {'view' if name.startswith('v_') else 'table'} {name}; see sql/.",
        )
        for name in WAREHOUSE_TABLES
    ],
    ins={
        "landing_files": dg.AssetIn(),
        "report_documents": dg.AssetIn(),
        "report_facts": dg.AssetIn(),
        "validated_facts": dg.AssetIn(),
    },
    pool=WAREHOUSE_POOL,
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    warehouse: Warehouse,
    landing_files: pl.DataFrame,
    report_documents: pl.DataFrame,
    report_facts: pl.DataFrame,
    validated_facts,
):
    """Loads the run into the DuckDB star schema: each changed document's rows replaced as
    a unit, removed files' facts deleted, all in a copy that is swapped in atomically."""
    now = datetime.now(UTC).replace(tzinfo=None)
    failures = (
        validated_facts.failures if validated_facts.failures.height else pl.DataFrame(schema=FAILURE_SCHEMA)
    )
    changes = build_changes(
        run_id=context.run_id,
        plan=landing_files,
        documents=report_documents.with_columns(
            pl.col("document_id")
            .replace_strict(
                validated_facts.documents.get_column("document_id"),
                validated_facts.documents.get_column("validation_status"),
                default=None,
            )
            .alias("validation_status")
        ),
        facts=with_verdicts(report_facts, validated_facts.facts),
        failures=failures,
        now=now,
    )
    summary = load_run(Path(warehouse.path), changes, now, warehouse.lock_timeout_s)
    _release_memory()
    context.log.info(f"warehouse {warehouse.path}: {summary.table_rows}")
    for name in WAREHOUSE_TABLES:
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={
                "rows": summary.table_rows.get(name, 0),
                "warehouse": dg.MetadataValue.path(warehouse.path),
                "documents_replaced": summary.documents_replaced,
                "documents_deleted": summary.documents_deleted,
            },
        )


@dg.asset(
    group_name="validate",
    kinds={"great_expectations", "html"},
    deps=["fact_indicator_value", "dim_document"],
)
def data_docs(
    context: dg.AssetExecutionContext, warehouse: Warehouse, validated_facts
) -> dg.MaterializeResult:
    """GX Data Docs, rebuilt each run into `<warehouse folder>/data_docs/`: this run's facts
    and documents suites (a run that parsed nothing keeps the previous results, so the
    site never shows an empty validation) and the warehouse suite over every loaded row."""
    from expectations.data_docs import build_data_docs
    from expectations.warehouse_suite import validate_warehouse

    path = Path(warehouse.path)
    with reading(path) as con:
        warehouse_report = validate_warehouse(con)
    batch = [r for r in validated_facts.reports.values() if _validated_rows(r)]
    reports = [*batch, warehouse_report]
    index = build_data_docs(reports, settings.data_docs_dir(path))
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
