"""The Dagster code location: loads, has its schedule, sensor, pool and checks."""

import os

import dagster as dg

from orchestration.definitions import defs
from orchestration.resources import LandingFolder
from orchestration.sensors import landing_folder_sensor


def test_definitions_load_and_validate():
    dg.Definitions.validate_loadable(defs)
    job = defs.resolve_job_def("refresh_warehouse")
    assert job is not None
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {
        "landing_files",
        "report_documents",
        "report_facts",
        "validated_facts",
        "fact_indicator_value",
        "dim_document",
        "v_facts",
        "v_documents",
    } <= keys


def test_only_the_warehouse_writer_is_in_the_duckdb_pool():
    pools = {}
    for assets_def in defs.assets:
        for key in assets_def.keys:
            pools[key.to_user_string()] = assets_def.op.pool
    assert pools["fact_indicator_value"] == "duckdb_warehouse"
    assert pools["v_facts"] == "duckdb_warehouse"
    assert pools["report_facts"] is None


def test_nightly_schedule_runs_at_two_in_vietnam():
    schedule = defs.resolve_schedule_def("nightly_refresh")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Ho_Chi_Minh"
    assert schedule.job_name == "refresh_warehouse"
    context = dg.build_schedule_context(scheduled_execution_time=None)
    requests = schedule.evaluate_tick(context).run_requests
    assert len(requests) == 1


def test_sensor_requests_a_run_once_per_change(tmp_path):
    (tmp_path / "a.txt").write_text("Báo cáo một", encoding="utf-8")
    resources = {"landing": LandingFolder(path=str(tmp_path))}

    def evaluate(cursor):
        with dg.instance_for_test() as instance:
            context = dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources)
            return landing_folder_sensor(context), context.cursor

    first, state_a = evaluate(None)
    assert isinstance(first, dg.RunRequest)
    again, _ = evaluate(None)
    assert again.run_key == first.run_key  # same change, same key: Dagster runs it once

    unchanged, _ = evaluate(state_a)
    assert isinstance(unchanged, dg.SkipReason)

    (tmp_path / "b.txt").write_text("Báo cáo hai", encoding="utf-8")
    second, state_b = evaluate(state_a)
    assert isinstance(second, dg.RunRequest) and second.run_key != first.run_key

    os.remove(tmp_path / "b.txt")  # back to the first listing: still a change to load
    third, state_back = evaluate(state_b)
    assert isinstance(third, dg.RunRequest)
    assert state_back == state_a and third.run_key not in {first.run_key, second.run_key}
