"""Jobs: one that refreshes everything.

In-process execution: every step would otherwise start a Python process that imports
Dagster, Polars and Great Expectations again (seconds each); parsing spreads over the
cores by itself (transforms.batch).
"""

import dagster as dg

refresh_warehouse = dg.define_asset_job(
    name="refresh_warehouse",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Landing folder → documents → facts → validation → DuckDB warehouse, with every check.",
)
