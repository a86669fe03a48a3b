"""Runs a list of Checks through Great Expectations Core over a Polars frame.

Every suite module describes its checks declaratively (a GX expectation class name plus
kwargs, and Polars expressions saying what to report for a failing row); this module
does the GX plumbing once:

* GX 1.24 cannot read Polars or DuckDB (../shared/STACK.md §2): the frame goes through
  `to_pandas()` into an ephemeral pandas data source.
* Cross-column rules arrive here as derived columns computed in Polars by the suite, so
  GX only ever sees single-column (or compound-key) expectations.
* Result format COMPLETE *without* `unexpected_index_column_names`: GX then reports
  failing rows as plain positions in the pandas RangeIndex, which is ~10x faster than
  asking it for key columns (it builds one dict per failing row), and positions map
  straight back to the Polars frame, where keys and readable messages are computed.
* GX is imported lazily (~3.5 s) and its tqdm progress bars are turned off.
"""

import time
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from expectations.report import FAILURE_SCHEMA, ValidationReport, empty_failures

# Float noise allowance for residual columns compared against 0.
EPS = 1e-9

# How many failing values GX keeps in the results it renders in Data Docs.
DOCS_SAMPLE = 20

_GX_SEVERITY = {"warn": "warning", "error": "critical"}


@dataclass(frozen=True)
class Check:
    """One expectation: what GX validates, and what a failure row says.

    `gx` is a class name in great_expectations.expectations, `kwargs` its arguments
    (column, min_value, value_set, ...). `observed` / `expected` are String expressions
    and `tolerance` a Float64 expression, evaluated on the failing rows only.
    """

    name: str
    gx: str
    kwargs: dict[str, Any]
    observed: pl.Expr
    expected: pl.Expr
    tolerance: pl.Expr | None = None
    description: str = ""

    @property
    def columns(self) -> list[str]:
        if "column" in self.kwargs:
            return [self.kwargs["column"]]
        return list(self.kwargs.get("column_list", []))


@dataclass
class _Gx:
    """The lazily imported GX modules."""

    gx: Any
    gxe: Any
    progress_bars_off: Any = field(repr=False)


_GX: _Gx | None = None


def load_gx() -> _Gx:
    global _GX
    if _GX is None:
        import great_expectations as gx
        import great_expectations.expectations as gxe
        from great_expectations.data_context.types.base import ProgressBarsConfig

        _GX = _Gx(gx=gx, gxe=gxe, progress_bars_off=ProgressBarsConfig(globally=False))
    return _GX


def new_context(mode: str = "ephemeral", **kwargs):
    g = load_gx()
    ctx = g.gx.get_context(mode=mode, **kwargs)
    ctx.variables.progress_bars = g.progress_bars_off  # else tqdm bars on stderr per run
    return ctx


def _gx_validation(ctx, suite: str, checks: list[Check], severity: str):
    """A GX suite of `checks` over a whole pandas frame, and its validation definition."""
    g = load_gx()
    batch = (
        ctx.data_sources.add_pandas(f"{suite}_source")
        .add_dataframe_asset(suite)
        .add_batch_definition_whole_dataframe("whole_frame")
    )
    expectations = [
        getattr(g.gxe, check.gx)(
            **check.kwargs,
            meta={"name": check.name, "severity": severity},
            description=check.description or None,
            severity=_GX_SEVERITY[severity],
        )
        for check in checks
    ]
    gx_suite = ctx.suites.add(g.gx.ExpectationSuite(name=suite, expectations=expectations))
    definition = ctx.validation_definitions.add(
        g.gx.ValidationDefinition(name=f"{suite}_validation", data=batch, suite=gx_suite)
    )
    return gx_suite, definition


def _summary(r, check: Check, frame_height: int, severity: str) -> dict:
    """One expectation's outcome as plain values (what Dagster metadata and tests read)."""
    info = r.result or {}
    summary = {
        "expectation": check.name,
        "column": ",".join(check.columns),
        "success": bool(r.success),
        "rows_checked": int(info.get("element_count", frame_height)) - int(info.get("missing_count") or 0),
        "rows_failed": int(info.get("unexpected_count") or 0),
        "severity": severity,
    }
    if r.exception_info and r.exception_info.get("raised_exception"):
        summary["error"] = str(r.exception_info.get("exception_message"))
    return summary


def run_checks(
    suite: str,
    frame: pl.DataFrame,
    checks: list[Check],
    severity: str,
    keys: tuple[str, str | None] = ("document_id", "fact_index"),
) -> ValidationReport:
    """Validate `frame` (already holding every derived column the checks name) with GX.

    `keys` names the frame's document_id and fact_index columns (fact_index None for
    document-level suites); failure rows carry those keys.
    """
    load_gx()  # before the clock: the one-off import is not the validation's cost
    started = time.perf_counter()
    gx_suite, definition = _gx_validation(new_context(), suite, checks, severity)
    needed = list(dict.fromkeys(c for check in checks for c in check.columns))
    pandas_frame = frame.select(needed).to_pandas()  # RangeIndex: position == Polars row
    result = definition.run(
        batch_parameters={"dataframe": pandas_frame}, result_format={"result_format": "COMPLETE"}
    )

    by_name = {check.name: check for check in checks}
    summaries, failure_frames = [], []
    for r in result.results:
        check = by_name[r.expectation_config.meta["name"]]
        summaries.append(_summary(r, check, frame.height, severity))
        info = r.result or {}
        rows = [int(i) for i in info.get("unexpected_index_list") or []]
        if rows:
            failure_frames.append(_failure_rows(suite, frame, rows, check, severity, keys))
        # Data Docs render only the partial lists; dropping the full ones keeps the stored
        # result (and the site) small however many rows fail.
        for key in ("unexpected_index_list", "unexpected_list", "unexpected_index_query"):
            info.pop(key, None)

    failures = (
        pl.concat(failure_frames, how="vertical").unique(maintain_order=True)
        if failure_frames
        else empty_failures()
    )
    statistics = {
        **{k: (float(v) if isinstance(v, float) else int(v)) for k, v in result.statistics.items()},
        "rows": frame.height,
        "failure_rows": failures.height,
        "failed_records": failures.select("document_id", "fact_index").unique().height,
        "errored_expectations": sum("error" in s for s in summaries),
        "gx_seconds": round(time.perf_counter() - started, 3),  # the GX run; import and prepare() excluded
    }
    return ValidationReport(
        suite=suite,
        success=bool(result.success),
        statistics=statistics,
        expectations=summaries,
        failures=failures,
        gx_suite=gx_suite,
        gx_result=result,
    )


def _failure_rows(
    suite: str,
    frame: pl.DataFrame,
    rows: list[int],
    check: Check,
    severity: str,
    keys: tuple[str, str | None],
) -> pl.DataFrame:
    doc_key, fact_key = keys
    failing = frame[rows]
    return failing.select(
        pl.col(doc_key).cast(pl.String).alias("document_id"),
        (pl.col(fact_key) if fact_key else pl.lit(None)).cast(pl.Int32).alias("fact_index"),
        pl.lit(suite, pl.String).alias("suite"),
        pl.lit(check.name, pl.String).alias("expectation"),
        check.observed.cast(pl.String).alias("observed"),
        check.expected.cast(pl.String).alias("expected"),
        (check.tolerance if check.tolerance is not None else pl.lit(None))
        .cast(pl.Float64)
        .alias("tolerance"),
        pl.lit(severity, pl.String).alias("severity"),
    ).cast(FAILURE_SCHEMA)
