"""The Dagster code location: `dagster dev -m orchestration.definitions`."""

import dagster as dg

from orchestration import assets, checks, cross_report_checks
from orchestration.jobs import refresh_warehouse
from orchestration.resources import default_resources
from orchestration.schedules import nightly_refresh
from orchestration.sensors import landing_folder_sensor

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=dg.load_asset_checks_from_modules([checks, cross_report_checks]),
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[landing_folder_sensor],
    resources=default_resources(),
)
