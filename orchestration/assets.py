"""The pipeline's stages before the warehouse, one asset each:

landing_files → report_documents → report_facts → validation_verdicts → warehouse tables
(orchestration/warehouse_assets.py).

Each asset returns its frame (kept by Dagster's IO manager) with counts and a preview as
metadata, and logs one INFO line saying what it did: `make run` shows those lines.
"""

import contextlib
import ctypes
import gc
import time
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import polars as pl

from orchestration.resources import LandingFolder, Warehouse
from transforms import PARSER_VERSION
from transforms.admin_units import apply_hints, unresolved_count
from transforms.batch import iter_documents
from transforms.report import document_rejected, facts_rejected, read_document, read_facts
from transforms.schema import (
    DOCUMENT_RECORD_SCHEMA,
    EXTRACTION_FAILED,
    EXTRACTION_PROBLEM_SCHEMA,
    SKIPPED_NUMBER_SCHEMA,
    facts_frame,
)
from warehouse.landing import mark_needs_parse, plan_changes, removal_of, removal_refusal, scan_landing
from warehouse.landing_read import LandingFile
from warehouse.preflight import SettingsError, check_settings
from warehouse.snapshot import reading
from warehouse.state import loaded_documents, previous_files


def stage_line(stage: str, text: str, started: float | None) -> str:
    """The one line a stage logs: its name, what it did, how long it took."""
    took = f" ({time.perf_counter() - started:.1f} s)" if started is not None else ""
    return f"{stage:<9} {text}{took}"


def release_memory() -> None:
    """Hand freed memory back to the system between steps: the job runs in one process,
    and without this each step's garbage would stack on the next one's peak."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class RefreshConfig(dg.Config):
    full_refresh: bool = False  # parse every file again, even unchanged ones
    # let the run delete most or all of the warehouse's documents (warehouse.landing.Removal)
    confirm_removal: bool = False


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
    warehouse last loaded: new, changed, unchanged or removed, and whether to parse it.
    Entries that cannot be read are recorded as such; a run that would remove most of the
    warehouse's documents stops here, before anything is written, unless confirmed."""
    started, folder = time.perf_counter(), Path(landing.path).resolve()
    try:
        check_settings(folder, Path(warehouse.path))
    except SettingsError as exc:
        raise dg.Failure(str(exc)) from None
    scan = scan_landing(folder)
    if scan.skipped:
        context.log.warning(f"skipped {len(scan.skipped)} entries: {'; '.join(scan.skipped[:3])}")
    with reading(Path(warehouse.path)) as con:
        previous, documents = previous_files(con), loaded_documents(con)
    plan = mark_needs_parse(
        plan_changes(folder, scan.entries, previous, scan.unlisted),
        previous,
        documents,
        PARSER_VERSION,
        config.full_refresh,
    )
    _guard_removal(context, config, folder, plan, previous)
    counts = dict(plan.group_by("action").len().iter_rows())
    to_parse = int(plan.get_column("needs_parse").sum())
    context.log.info(stage_line("scan", f"{folder}: {_action_counts(counts)}; {to_parse} to parse", started))
    return dg.MaterializeResult(
        value=plan,
        metadata={
            "landing_dir": dg.MetadataValue.path(str(folder)),
            "files": plan.filter(~pl.col("action").is_in(["removed", "vanished"])).height,
            **{f"files_{a}": n for a, n in sorted(counts.items())},
            "files_to_parse": to_parse,
            "skipped_entries": len(scan.skipped),
            "unreadable_entries": dg.MetadataValue.json(
                {
                    p: f"{r}: {e}"
                    for p, r, e in plan.filter(pl.col("error_reason").is_not_null())
                    .select("path", "error_reason", "error")
                    .head(50)
                    .iter_rows()
                }
            ),
            "preview": _preview(plan, ["path", "size_bytes", "action", "needs_parse", "document_id"]),
        },
    )


def _action_counts(counts: dict[str, int]) -> str:
    """The scan line's counts: new, changed, unchanged and removed files, then those of the
    entries that could not be read, when there are any."""
    shown = [f"{counts.get(a, 0)} {a}" for a in ("new", "changed", "unchanged", "removed")]
    labels = {
        "rejected": "entries rejected",
        "kept": "unreadable, their facts kept",
        "recovered": "readable again",
    }
    shown += [f"{counts[a]} {label}" for a, label in labels.items() if counts.get(a)]
    return ", ".join(shown)


def _guard_removal(
    context: dg.AssetExecutionContext,
    config: RefreshConfig,
    folder: Path,
    plan: pl.DataFrame,
    previous: pl.DataFrame,
) -> None:
    """Stop the run, before anything is written, when it would remove most of the warehouse."""
    removal = removal_of(plan, previous)
    if not removal.needs_confirmation():
        return
    seen = plan.filter(~pl.col("action").is_in(["removed", "vanished"])).height
    if config.confirm_removal:
        context.log.warning(
            f"removing {removal.retracted} of the warehouse's {removal.held} documents, as confirmed"
        )
        return
    raise dg.Failure(removal_refusal(folder, removal, seen))


@dg.asset(group_name="parse", kinds={"polars"})
def report_documents(
    context: dg.AssetExecutionContext, landing: LandingFolder, landing_files: pl.DataFrame
) -> dg.MaterializeResult:
    """Decoded report texts with their metadata (issuer, level, locality, period, date,
    number, signer), one row per new content; unreadable files as rejected rows with a reason."""
    started, folder = time.perf_counter(), Path(landing.path)
    todo = landing_files.filter(pl.col("needs_parse")).unique(
        "document_id", keep="first", maintain_order=True
    )
    results = iter_documents(
        read_document,
        _read_args(landing, folder, todo),
        landing.workers,
        budget_s=landing.decode_budget_s,
        rejected=document_rejected,
    )
    # Units the text left unresolved take the operator's hint file, where one applies.
    documents = apply_hints(_document_frame(results, todo.get_column("path")), folder)
    rejected = documents.filter(pl.col("status") == "rejected")
    release_memory()
    reasons = dict(rejected.group_by("error_reason").len().sort("error_reason").iter_rows())
    why = f" ({', '.join(f'{n} {r}' for r, n in reasons.items())})" if reasons else ""
    context.log.info(
        stage_line(
            "read",
            f"{documents.height - rejected.height} documents, {rejected.height} rejected{why}",
            started,
        )
    )
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


def _read_args(landing: LandingFolder, folder: Path, todo: pl.DataFrame) -> list[tuple]:
    """The arguments of read_document for each file to parse. Each file is opened once, safely,
    and its bytes checked against the planned hash (warehouse.landing_read.LandingFile stands in
    for the path)."""
    return [
        (
            LandingFile(str(folder.resolve()), read_path or path, name, size, content_hash),
            doc_id,
            landing.max_bytes,
            landing.max_unpacked_bytes,
        )
        for path, read_path, name, size, content_hash, doc_id in todo.select(
            "path", "read_path", "source_file", "size_bytes", "content_hash", "document_id"
        ).iter_rows()
    ]


def _document_frame(results, paths: pl.Series) -> pl.DataFrame:
    """The documents read, with their paths, as one frame. Folded into frames a few hundred
    documents at a time: a big first run must not hold every text twice (as Python strings and
    as Arrow) at once."""
    chunks, records = [pl.DataFrame(schema=DOCUMENT_RECORD_SCHEMA)], []
    for record, path in zip(results, paths, strict=True):
        records.append({**record, "path": path})
        if len(records) == 500:
            chunks.append(pl.DataFrame(records, schema=DOCUMENT_RECORD_SCHEMA))
            records.clear()
    chunks.append(pl.DataFrame(records, schema=DOCUMENT_RECORD_SCHEMA))
    return pl.concat(chunks, rechunk=True)


@dg.multi_asset(
    outs={
        "report_facts": dg.AssetOut(
            group_name="parse",
            kinds={"polars"},
            description="Quantitative claims read from each report's prose: value, unit, target, "
            "% of target, % of the same period, change, with the quote and its character span.",
        ),
        "skipped_numbers": dg.AssetOut(
            group_name="parse",
            kinds={"polars"},
            description="Every number of each report that is no fact, with the reason it was skipped.",
        ),
        "extraction_problems": dg.AssetOut(
            group_name="parse",
            kinds={"polars"},
            description="Documents whose facts could not be read, with the reason: extraction_failed "
            "(it raised: the load keeps their previous facts and the next run tries again), too_complex "
            "or worker_died (stopped: their files are rejected, like unreadable ones).",
        ),
    }
)
def report_facts(context: dg.AssetExecutionContext, landing: LandingFolder, report_documents: pl.DataFrame):
    """Facts, and the numbers that are no fact, of each readable report (one pass). A document
    whose extraction raised or was stopped has neither: it is listed in `extraction_problems`."""
    started = time.perf_counter()
    readable = report_documents.filter(pl.col("status") == "ok")
    texts = readable.select("document_id", "text").iter_rows()  # one text at a time, not a list
    results = iter_documents(
        read_facts,
        texts,
        landing.workers,
        count=readable.height,
        budget_s=landing.extract_budget_s,
        rejected=facts_rejected,
    )
    facts, skipped_frame, problem_frame, errors = _fact_frames(context, results)
    release_memory()
    failed = f", {len(errors)} documents failed" if errors else ""
    stopped = problem_frame.height - len(errors)
    failed += f", {stopped} rejected" if stopped else ""
    context.log.info(
        stage_line("extract", f"{facts.height} facts from {readable.height} documents{failed}", started)
    )
    yield dg.Output(
        problem_frame,
        output_name="extraction_problems",
        metadata={"documents_failed": len(errors), "documents_rejected": stopped},
    )
    yield dg.Output(
        skipped_frame,
        output_name="skipped_numbers",
        metadata={"numbers": skipped_frame.height, "documents": readable.height},
    )
    yield dg.Output(
        facts,
        output_name="report_facts",
        metadata={
            "facts": facts.height,
            "documents": readable.height,
            "extraction_errors": dg.MetadataValue.json(errors),
            "preview": _preview(
                facts, ["indicator_text", "value", "unit", "target_value", "pct_target", "pct_same_period"]
            ),
        },
    )


def _fact_frames(
    context: dg.AssetExecutionContext, results
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, dict[str, str]]:
    """The facts, skipped numbers and problems of every document read, as frames, and the
    extraction error of each document whose extraction raised (each problem is logged)."""
    frames, records, errors, skipped, problems = [], [], {}, [], []
    for doc_id, doc_records, error, doc_skipped, rejection in results:
        if rejection:
            problems.append({"document_id": doc_id, "error_reason": rejection[0], "error": rejection[1]})
            context.log.warning(f"document {doc_id} rejected: {rejection[0]} ({rejection[1]})")
        if error:
            errors[doc_id] = error
            problems.append({"document_id": doc_id, "error_reason": EXTRACTION_FAILED, "error": error})
            context.log.error(f"fact extraction failed for document {doc_id}: {error}")
        records.extend({**r, "document_id": doc_id} for r in doc_records)
        skipped.extend({**r, "document_id": doc_id} for r in doc_skipped)
        if len(records) >= 20_000:  # folded as it goes: a big run holds no list of every fact
            frames.append(facts_frame(records))
            records = []
    frames.append(facts_frame(records))
    skipped_frame = pl.DataFrame(skipped, schema=SKIPPED_NUMBER_SCHEMA)
    problem_frame = pl.DataFrame(problems, schema=EXTRACTION_PROBLEM_SCHEMA)
    return pl.concat(frames, rechunk=True), skipped_frame, problem_frame, errors


@dg.asset(group_name="validate", kinds={"great_expectations", "polars"})
def validation_verdicts(
    context: dg.AssetExecutionContext,
    report_documents: pl.DataFrame,
    report_facts: pl.DataFrame,
):
    """The verdicts of the Great Expectations facts and documents suites (expectations/) on
    this run's new facts and documents: each one's validation_status (pass or fail; failing
    facts are kept, never dropped), one row per failed expectation, and GX's results for
    the Data Docs. The warehouse checks read the stored verdicts of every current fact."""
    from expectations.run import validate_batch  # GX takes seconds to import: only when needed

    started = time.perf_counter()
    outcome = validate_batch(
        documents=report_documents.drop("text"),  # the texts go straight to the load
        facts=report_facts,
        run_date=datetime.now(UTC).date(),
    ).verdicts_only()
    release_memory()
    facts_failed = outcome.facts.filter(pl.col("validation_status") == "fail").height
    docs_failed = outcome.documents.filter(pl.col("validation_status") == "fail").height
    docs_checked = outcome.documents.filter(pl.col("validation_status").is_in(["pass", "fail"])).height
    context.log.info(
        stage_line(
            "validate",
            f"{outcome.facts.height} facts, {facts_failed} failing; "
            f"{docs_checked} documents, {docs_failed} failing",
            started,
        )
    )
    return dg.MaterializeResult(
        value=outcome,
        metadata={
            "facts_checked": outcome.facts.height,
            "facts_failed": facts_failed,
            "documents_failed": docs_failed,
            "failure_rows": outcome.failures.height,
            "preview": _preview(
                outcome.failures, ["document_id", "fact_index", "expectation", "observed", "expected"]
            ),
        },
    )
