"""The Dagster code location: `dagster dev -m orchestration.definitions` (or `make dev`).

Assets and asset checks are collected from every module of the `orchestration` package:
a check declared in a module of its own is picked up without touching this file.
"""

import dagster as dg

import orchestration
from orchestration.console import stage_console
from orchestration.jobs import refresh_warehouse
from orchestration.resources import default_resources
from orchestration.schedules import nightly_refresh
from orchestration.sensors import landing_folder_sensor, record_failed_runs

defs = dg.Definitions(
    assets=dg.load_assets_from_package_module(orchestration),
    asset_checks=dg.load_asset_checks_from_package_module(orchestration),
    jobs=[refresh_warehouse],
    schedules=[nightly_refresh],
    sensors=[landing_folder_sensor, record_failed_runs],
    resources=default_resources(),
    loggers={"console": stage_console},
)
