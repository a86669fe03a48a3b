"""The Dagster code location: `dagster dev -m orchestration.definitions` (or `make dev`)."""

import dagster as dg

from orchestration import assets, warehouse_assets
from orchestration.console import stage_console
from orchestration.jobs import refresh_warehouse
from orchestration.resources import default_resources
from orchestration.schedules import nightly_refresh
from orchestration.sensors import landing_folder_sensor

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets, warehouse_assets]),
    asset_checks=dg.load_asset_checks_from_modules([assets, warehouse_assets]),
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[landing_folder_sensor],
    resources=default_resources(),
    loggers={"console": stage_console},
)
