"""Jobs: one that refreshes everything.

In-process execution: every step would otherwise start a Python process that imports
Dagster, Polars and Great Expectations again (seconds each); parsing spreads over the
cores by itself (transforms.batch).
"""

import dagster as dg

# The run queue lets one run with this tag in progress at a time (orchestration/dagster.yaml,
# concurrency.runs.tag_concurrency_limits): the nightly schedule and the sensor never start
# two writers at once.
WRITER_TAG = {"vn_reports/writer": "warehouse"}
# A crashed run is retried from scratch (run_retries in dagster.yaml): every step again.
RETRY_TAG = {"dagster/retry_strategy": "ALL_STEPS"}

refresh_warehouse = dg.define_asset_job(
    name="refresh_warehouse",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    tags={**WRITER_TAG, **RETRY_TAG},
    description="Landing folder → documents → facts → validation → DuckDB warehouse, with every check.",
)
