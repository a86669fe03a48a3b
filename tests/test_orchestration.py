"""The Dagster code location: its asset graph, checks, schedule, sensor and pool."""

import os

import dagster as dg
import pytest

from expectations import documents_suite, facts_suite
from expectations.check_groups import GROUPS, members
from orchestration.definitions import defs
from orchestration.resources import LandingFolder, Warehouse
from orchestration.sensors import landing_folder_sensor
from orchestration.warehouse_assets import DIMENSIONS, TABLES
from warehouse.landing import scan_folder
from warehouse.snapshot import building


@pytest.fixture(scope="module")
def graph():
    return defs.resolve_asset_graph()


def _parents(graph, name: str) -> set[str]:
    return {k.to_user_string() for k in graph.get(dg.AssetKey(name)).parent_keys}


def test_definitions_load_and_validate(graph):
    dg.Definitions.validate_loadable(defs)
    assert defs.resolve_job_def("refresh_warehouse") is not None
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    stages = {"landing_files", "report_documents", "report_facts", "validation_verdicts", "data_docs"}
    assert stages | set(TABLES) <= keys


def test_the_asset_graph_draws_the_star_schema(graph):
    assert set(DIMENSIONS) <= _parents(graph, "fact_indicator_value")
    assert {"fact_indicator_value", "dim_document", "dim_period", "landing_file"} <= _parents(
        graph, "v_facts"
    )
    assert {"fact_indicator_value", "dim_document"} <= _parents(graph, "v_documents")
    assert "fact_indicator_value" in _parents(graph, "fact_extra_target")
    for dimension in DIMENSIONS:  # dimensions come from the stage frames, not from facts
        assert not _parents(graph, dimension) & {"fact_indicator_value", "v_facts"}


def test_every_asset_and_check_is_described(graph):
    for key in graph.get_all_asset_keys():
        description = graph.get(key).description or ""
        assert len(description) > 20, key
    specs = [spec for assets_def in defs.assets for spec in assets_def.check_specs]
    assert {spec.name for spec in specs} >= {g.name for g in GROUPS}
    for spec in specs:
        assert spec.description, spec.name


def test_error_checks_block_and_warn_checks_do_not():
    specs = {spec.name: spec for assets_def in defs.assets for spec in assets_def.check_specs}
    for group in GROUPS:
        assert specs[group.name].blocking == (group.severity == "error"), group.name
    assert specs["warehouse_integrity"].blocking and specs["facts_quoted_with_spans"].blocking


def test_each_expectation_is_reported_by_exactly_one_check():
    for suite, names in [
        (facts_suite.SUITE, [c.name for c in facts_suite.checks()]),
        (
            documents_suite.SUITE,
            [c.name for c in documents_suite.checks(__import__("datetime").date.today())],
        ),
    ]:
        groups = [g for g in GROUPS if g.suite == suite]
        reported = [name for g in groups for name in members(g, names)]
        assert sorted(reported) == sorted(names), suite


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


def _evaluate(resources: dict, cursor: str | None):
    context = dg.build_sensor_context(
        instance=dg.DagsterInstance.ephemeral(), cursor=cursor, resources=resources
    )
    return landing_folder_sensor(context), context.cursor


@pytest.mark.slow  # a Dagster instance and warehouse builds: left out by `make test-fast`
def test_sensor_requests_a_run_once_per_change(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "a.txt").write_text("Báo cáo một", encoding="utf-8")
    resources = {
        "landing": LandingFolder(path=str(landing)),
        "warehouse": Warehouse(path=str(tmp_path / "none.duckdb")),
    }

    first, state_a = _evaluate(resources, None)
    assert isinstance(first, dg.RunRequest)  # no warehouse yet: load it
    again, _ = _evaluate(resources, None)
    assert again.run_key == first.run_key  # same change, same key: Dagster runs it once

    unchanged, _ = _evaluate(resources, state_a)
    assert isinstance(unchanged, dg.SkipReason)

    (landing / "b.txt").write_text("Báo cáo hai", encoding="utf-8")
    second, state_b = _evaluate(resources, state_a)
    assert isinstance(second, dg.RunRequest) and second.run_key != first.run_key

    os.remove(landing / "b.txt")  # back to the first listing: still a change to load
    third, state_back = _evaluate(resources, state_b)
    assert isinstance(third, dg.RunRequest)
    assert state_back == state_a and third.run_key not in {first.run_key, second.run_key}


@pytest.mark.slow  # a Dagster instance and warehouse builds: left out by `make test-fast`
def test_sensor_first_tick_writes_nothing_when_the_warehouse_is_current(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "a.txt").write_text("Báo cáo một", encoding="utf-8")
    warehouse = tmp_path / "wh.duckdb"
    scanned, _ = scan_folder(landing)
    with building(warehouse) as con:  # what a load records about the files it saw
        con.register("scanned", scanned)
        con.execute(
            "INSERT INTO landing_file (path, source_file, size_bytes, mtime, status, first_seen, last_seen) "
            "SELECT path, source_file, size_bytes, mtime, 'loaded', now(), now() FROM scanned"
        )
    resources = {"landing": LandingFolder(path=str(landing)), "warehouse": Warehouse(path=str(warehouse))}

    first, cursor = _evaluate(resources, None)
    assert isinstance(first, dg.SkipReason) and cursor

    (landing / "b.txt").write_text("Báo cáo hai", encoding="utf-8")
    after_change, _ = _evaluate(resources, cursor)
    assert isinstance(after_change, dg.RunRequest)
