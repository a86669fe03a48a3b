"""Run the real Dagster definitions against a folder and a warehouse of the test's own."""

from pathlib import Path

import dagster as dg
import duckdb

from orchestration.definitions import defs
from orchestration.resources import LandingFolder, Warehouse
from warehouse.indicator_checks import mixed_indicator_codes

# Parse in the test's own process (no time budgets, so no worker processes): a test's
# monkeypatches of the extraction then apply.
IN_PROCESS = {"decode_budget_s": 0, "extract_budget_s": 0}


def pipeline_resources(
    landing: Path, warehouse: Path, workers: int = 1, lock_timeout_s: float = 900.0, **landing_options
) -> dict:
    """The definitions' own resources, pointed at the test's folder and warehouse.
    `landing_options` are further LandingFolder fields (budgets: `decode_budget_s=0` parses
    in this process, where a test's monkeypatches apply)."""
    return {
        **defs.resources,
        "landing": LandingFolder(path=str(landing), workers=workers, **landing_options),
        "warehouse": Warehouse(path=str(warehouse), lock_timeout_s=lock_timeout_s),
    }


def run_pipeline(
    landing: Path,
    warehouse: Path,
    workers: int = 1,
    full_refresh: bool = False,
    instance: dg.DagsterInstance | None = None,
    raise_on_error: bool = True,
    **landing_options,
) -> dg.ExecuteInProcessResult:
    """Materialize every asset of `orchestration.definitions` and execute every check.

    Every warehouse a test builds this way is also held to the indicator catalog's promise:
    no indicator code holds facts of two measures or two kinds of unit.
    """
    result = dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources=pipeline_resources(landing, warehouse, workers, **landing_options),
        run_config={"ops": {"landing_files": {"config": {"full_refresh": full_refresh}}}},
        instance=instance or dg.DagsterInstance.ephemeral(),
        raise_on_error=raise_on_error,
    )
    if result.success and Path(warehouse).exists():
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            mixed = mixed_indicator_codes(con)
        finally:
            con.close()
        assert mixed == [], f"indicator codes mixing measures or unit kinds: {mixed}"
    return result


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def fact_checksum(warehouse: Path) -> tuple:
    """Order-independent digest of the fact table's content (and its row count)."""
    return query(
        warehouse,
        """
        SELECT count(*), bit_xor(hash(document_id, fact_index, indicator_text, value, unit, target_value,
                                      pct_target, pct_same_period, change_amount, quote, char_start,
                                      validation_status))
        FROM fact_indicator_value""",
    )[0]


def bad_spans(warehouse: Path) -> list[tuple]:
    """Facts whose span does not hold their quote, or whose quote lacks the value as printed."""
    return query(
        warehouse,
        """
        SELECT f.document_id, f.fact_index FROM fact_indicator_value f JOIN document_text t USING (document_id)
        WHERE substr(t.text, f.char_start + 1, f.char_end - f.char_start) <> f.quote
           OR position(f.value_text IN f.quote) = 0""",
    )
