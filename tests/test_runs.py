"""Runs side by side and runs that fail: frames per run, one run per warehouse at a time, a
Dagster home that two processes can start at once, the run queue and retries, failed runs
recorded.

The race windows are opened by a hook (a run waits inside its fact extraction on an event the
test sets), never by sleeps; everything else is the real definitions, Dagster, GX and DuckDB.
"""

import fcntl
import os
import subprocess
import sys
import threading
from pathlib import Path

import dagster as dg
import pytest
import yaml

from orchestration import instance as home_module
from orchestration.definitions import defs
from orchestration.io_managers import sweep_frames
from orchestration.jobs import RETRY_TAG, WRITER_TAG, refresh_warehouse
from orchestration.resources import Warehouse
from orchestration.sensors import record_failed_runs
from tests.pipeline_helpers import IN_PROCESS, pipeline_resources, query, run_pipeline
from transforms import report
from warehouse import settings

pytestmark = pytest.mark.slow  # Dagster instances, whole runs, rival processes

PROJECT = Path(__file__).resolve().parents[1]

REPORT_ONE = """ỦY BAN NHÂN DÂN XÃ NGỌC SƠN
BÁO CÁO
Kết quả quý II năm 2024
Toàn xã thu hoạch 310 ha lúa xuân, đạt 98% kế hoạch.
"""
REPORT_TWO = """ỦY BAN NHÂN DÂN XÃ ĐÔNG PHƯƠNG
BÁO CÁO
Kết quả quý II năm 2024
Xã cấp mới 45 thẻ bảo hiểm y tế cho người cao tuổi.
"""
REPORT_THREE = """ỦY BAN NHÂN DÂN XÃ BẮC HƯNG
BÁO CÁO
Kết quả quý II năm 2024
Trong quý, xã nạo vét 6,5 km kênh mương nội đồng.
"""
PAUSE = "NGỌC SƠN"  # the hook stops run A when it extracts the report naming this commune


class Pause:
    """Makes the run extracting a text with PAUSE wait inside report_facts until released."""

    def __init__(self, original):
        self.original, self.reached, self.release = original, threading.Event(), threading.Event()

    def __call__(self, text):
        if PAUSE in text:
            self.reached.set()
            assert self.release.wait(timeout=120), "the test never released the paused run"
        return self.original(text)


def _home(tmp_path: Path) -> str:
    home = tmp_path / "home"
    home.mkdir()
    return str(home)


def _landing(folder: Path, *texts: str) -> Path:
    folder.mkdir(parents=True)
    for number, text in enumerate(texts):
        (folder / f"report-{number}.txt").write_text(text, encoding="utf-8")
    return folder


def _in_thread(fn, *args, **kwargs) -> tuple[threading.Thread, dict]:
    out: dict = {}

    def target():
        try:
            out["result"] = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            out["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, out


def _localities(warehouse: Path) -> list[tuple]:
    return query(
        warehouse,
        "SELECT d.locality, count(f.fact_index) FROM dim_document d "
        "LEFT JOIN fact_indicator_value f USING (document_id) GROUP BY 1 ORDER BY 1",
    )


def test_two_runs_in_one_dagster_home_never_read_each_others_frames(tmp_path, monkeypatch):
    landing_a = _landing(tmp_path / "a", REPORT_ONE)
    landing_b = _landing(tmp_path / "b", REPORT_TWO, REPORT_THREE)
    wh_a, wh_b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    pause = Pause(report.read_numbers)
    monkeypatch.setattr(report, "read_numbers", pause)
    with dg.instance_for_test(temp_dir=_home(tmp_path)) as instance:
        # Run A stops inside report_facts, after its report_documents frame was written ...
        thread, out = _in_thread(run_pipeline, landing_a, wh_a, instance=instance, **IN_PROCESS)
        assert pause.reached.wait(timeout=120)
        # ... run B, same home, another warehouse, runs from start to end meanwhile ...
        assert run_pipeline(landing_b, wh_b, instance=instance).success
        frames = Path(instance.storage_directory()) / "frames"
        assert [p.name for p in frames.iterdir()] != []  # A's frames survived B's sweep
        # ... and A, resumed, loads its own frames, not B's.
        pause.release.set()
        thread.join(timeout=120)
        assert "error" not in out and out["result"].success
        assert _localities(wh_a) == [("Ngọc Sơn", 1)]
        assert [loc for loc, facts in _localities(wh_b) if facts] == ["Bắc Hưng", "Đông Phương"]
        # both succeeded: one copy per asset stays, its latest materialization's
        kept = [p for p in frames.rglob("*") if p.is_file()]
        assert len({p.stem for p in kept}) == len(kept) > 0
        for path in kept:
            latest = instance.get_latest_materialization_event(dg.AssetKey(path.stem))
            assert latest.run_id == path.parent.name


def test_a_second_run_on_one_warehouse_waits_for_the_first_then_gives_up_clearly(tmp_path, monkeypatch):
    landing = _landing(tmp_path / "landing", REPORT_ONE, REPORT_TWO)
    warehouse = tmp_path / "wh.duckdb"
    pause = Pause(report.read_numbers)
    monkeypatch.setattr(report, "read_numbers", pause)
    thread, out = _in_thread(run_pipeline, landing, warehouse, **IN_PROCESS)
    assert pause.reached.wait(timeout=120)
    (landing / "report-2.txt").write_text(REPORT_THREE, encoding="utf-8")  # the folder grows
    second = dg.materialize(
        [*defs.assets, *defs.asset_checks],
        resources={
            **pipeline_resources(landing, warehouse),
            "warehouse": Warehouse(path=str(warehouse), lock_timeout_s=0.5),
        },
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    assert not second.success
    failure = second.get_run_failure_event().message + "".join(
        str(e.event_specific_data) for e in second.all_events if e.is_failure
    )
    assert "another pipeline run is using" in failure
    assert not warehouse.exists()  # the second run wrote nothing
    pause.release.set()
    thread.join(timeout=120)
    assert out["result"].success
    assert [facts > 0 for _, facts in _localities(warehouse)] == [True, True]
    assert run_pipeline(landing, warehouse).success  # the next run picks up the grown folder
    assert len(_localities(warehouse)) == 3 and all(facts for _, facts in _localities(warehouse))


def test_a_failed_run_is_logged_and_lands_in_pipeline_run(tmp_path):
    warehouse = tmp_path / "wh.duckdb"
    with dg.instance_for_test(temp_dir=_home(tmp_path)) as instance:
        failed = run_pipeline(tmp_path / "no-such-folder", warehouse, instance=instance, raise_on_error=False)
        assert not failed.success
        context = dg.build_run_status_sensor_context(
            sensor_name="record_failed_runs",
            dagster_event=failed.get_run_failure_event(),
            dagster_instance=instance,
            dagster_run=instance.get_run_by_id(failed.run_id),
            resources={"warehouse": Warehouse(path=str(warehouse))},
        ).for_run_failure()
        record_failed_runs(context)
    pending = settings.failed_runs_dir(warehouse)
    assert [p.name for p in pending.iterdir()] == [f"{failed.run_id}.json"]

    landing = _landing(tmp_path / "landing", REPORT_ONE)
    ok = run_pipeline(landing, warehouse)
    rows = query(warehouse, "SELECT run_id, status, error, facts FROM pipeline_run ORDER BY finished_at")
    assert [(r[0], r[1]) for r in rows] == [(failed.run_id, "failure"), (ok.run_id, "success")]
    assert rows[0][2].startswith("landing_files: ") and "no-such-folder" in rows[0][2]
    assert rows[0][3] is None and rows[1][2] is None and rows[1][3] >= 1
    assert list(pending.iterdir()) == []  # loaded once, then forgotten
    run_pipeline(landing, warehouse)
    assert query(warehouse, "SELECT count(*) FROM pipeline_run WHERE status = 'failure'") == [(1,)]


def test_frames_of_finished_runs_go_and_those_a_run_may_still_read_stay(tmp_path):
    from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

    frames = tmp_path / "frames"
    with dg.instance_for_test(temp_dir=_home(tmp_path)) as instance:

        def run(run_id: str, status, parent: str | None = None) -> str:
            instance.add_run(
                DagsterRun(
                    job_name="refresh_warehouse",
                    run_id=run_id,
                    status=status,
                    parent_run_id=parent,
                    root_run_id=parent,
                )
            )
            (frames / run_id).mkdir(parents=True)
            (frames / run_id / "report_facts.arrow").write_bytes(b"x")
            return run_id

        done = run("done", DagsterRunStatus.SUCCESS)
        crashed = run("crashed", DagsterRunStatus.FAILURE)
        retrying = run("retry", DagsterRunStatus.STARTED, parent=crashed)
        current = run("current", DagsterRunStatus.STARTED)
        (frames / "unknown").mkdir()
        removed = sweep_frames(instance, frames, current)
    assert sorted(removed) == sorted([done, current, "unknown"])
    assert sorted(p.name for p in frames.iterdir()) == sorted([crashed, retrying])


def test_the_dagster_home_is_prepared_under_its_lock(tmp_path, monkeypatch):
    home = tmp_path / "home"
    seen = []
    original = dg.DagsterInstance.get

    def get_while_checking_the_lock():
        with open(home / ".prepare.lock", "a+") as handle:  # the hook: another process's view
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                seen.append("unlocked")
            except BlockingIOError:
                seen.append("locked")
        return original()

    monkeypatch.setattr(dg.DagsterInstance, "get", staticmethod(get_while_checking_the_lock))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    instance = home_module.prepare_home(home)
    instance.dispose()
    assert seen == ["locked"]
    assert (home / "dagster.yaml").read_text() == home_module.INSTANCE_YAML.read_text()


def test_processes_starting_on_a_brand_new_home_at_once_all_succeed(tmp_path):
    home = tmp_path / "fresh-home"
    code = "from orchestration.instance import prepare_home; prepare_home().get_runs(limit=1); print('ok')"
    env = {"DAGSTER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in starts]
    assert [(rc, out.strip()) for rc, out, _ in outcomes] == [(0, "ok")] * 4, [
        err[-300:] for *_, err in outcomes
    ]


def test_the_queue_admits_one_writer_and_crashed_runs_are_retried(tmp_path, monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    instance = home_module.prepare_home(tmp_path / "home")
    try:
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        limits = instance.get_concurrency_config().run_queue_config.tag_concurrency_limits
        [(key, value)] = WRITER_TAG.items()
        assert {"key": key, "value": value, "limit": 1} in limits
        assert instance.run_retries_enabled and instance.run_retries_max_retries >= 1
        assert not instance.run_retries_retry_on_asset_or_op_failure  # crashes only
    finally:
        instance.dispose()
    assert refresh_warehouse.tags.items() >= {**WRITER_TAG, **RETRY_TAG}.items()

    # the schedule and the sensor start refresh_warehouse, so their runs carry its tags
    assert defs.resolve_schedule_def("nightly_refresh").job_name == "refresh_warehouse"
    assert defs.resolve_sensor_def("landing_folder_sensor").job_name == "refresh_warehouse"
    shipped = yaml.safe_load((PROJECT / "orchestration" / "dagster.yaml").read_text())
    assert shipped["run_retries"]["enabled"] is True


LOAD_FAILS = """
import sys
from orchestration import warehouse_assets

def load_fails(*args, **kwargs):  # the hook: the load meets a fault
    raise OSError(28, "No space left on device")

warehouse_assets.load_run = load_fails
from orchestration.run import main
sys.exit(main([]))
"""


def test_make_run_records_its_own_failure_for_pipeline_run(tmp_path):
    landing, warehouse = _landing(tmp_path / "landing", REPORT_TWO), tmp_path / "wh.duckdb"
    env = {
        **os.environ,
        "REPORTS_LANDING_DIR": str(landing),
        "REPORTS_WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(tmp_path / "home"),
    }
    failed = subprocess.run(
        [sys.executable, "-c", LOAD_FAILS], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert failed.returncode == 1 and "No space left on device" in failed.stderr
    [record] = settings.failed_runs_dir(warehouse).iterdir()
    ok = subprocess.run(
        [sys.executable, "-m", "orchestration.run"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr[-500:]
    [(error,)] = query(warehouse, "SELECT error FROM pipeline_run WHERE status = 'failure'")
    assert error.startswith("warehouse_tables: ") and "No space left on device" in error
    assert not record.exists()
