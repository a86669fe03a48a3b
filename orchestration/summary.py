"""The closing summary of `make run`: what changed, what the warehouse holds, where to look."""

import shlex
from pathlib import Path

from warehouse import inspect, settings
from warehouse.snapshot import reading

ACTIONS = ("new", "changed", "unchanged", "removed")


def _files_line(result) -> str:
    metadata = result.asset_materializations_for_node("landing_files")[0].metadata
    counts = {a: metadata[f"files_{a}"].value if f"files_{a}" in metadata else 0 for a in ACTIONS}
    return ", ".join(f"{n} {a}" for a, n in counts.items())


def _failing_by_check(result) -> str:
    failing = [
        f"{e.check_name} {e.metadata['rows_failed'].value}" if "rows_failed" in e.metadata else e.check_name
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    return ", ".join(failing) if failing else "none"


def _review_index(warehouse: Path) -> Path | None:
    review_dir = getattr(settings, "review_dir", None)  # the review pages, once they exist
    index = review_dir(warehouse) / "index.html" if review_dir else None
    return index if index and index.exists() else None


def _sql_command(warehouse: Path) -> str:
    """The command that opens this warehouse read-only with search loaded (orchestration.sql)."""
    if warehouse == settings.DEFAULT_WAREHOUSE_PATH:
        return "make sql"
    return f"make sql REPORTS_WAREHOUSE_PATH={shlex.quote(str(warehouse))}"


def summary_lines(result, warehouse: Path, seconds: float) -> list[str]:
    with reading(warehouse) as con:
        totals = inspect.totals(con)
    rejected = ", ".join(f"{n} {reason}" for reason, n in totals.rejected_by_reason.items())
    rejected_count = sum(totals.rejected_by_reason.values())
    unresolved = (
        f"; {totals.documents_without_unit_code} without an official unit code"
        if totals.documents_without_unit_code is not None
        else ""
    )
    docs = settings.data_docs_dir(warehouse) / "index.html"
    review = _review_index(warehouse)
    lines = [
        f"done in {seconds:.0f} s",
        f"  files      {_files_line(result)}; {rejected_count} rejected"
        + (f" ({rejected})" if rejected else ""),
        f"  documents  {totals.documents}{unresolved}",
        f"  facts      {totals.facts}, {totals.facts_failing} failing a check",
        f"  failing    {_failing_by_check(result)}",
        f"  warehouse  {warehouse}  (query it: {_sql_command(warehouse)})",
        f"  data docs  {docs}",
    ]
    if review:
        lines.append(f"  review     {review}")
    return lines
