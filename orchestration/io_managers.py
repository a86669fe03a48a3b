"""How stage outputs are kept between steps: Polars frames as Arrow IPC files, one folder per run.

Dagster's default pickles every output, which for a frame of report texts means the
whole frame once more in memory as pickle bytes, on write and again on read. Arrow IPC
is written straight from the frame's buffers and read back memory-mapped, so a step that
only needs a few columns of an upstream frame never pulls the texts in. Anything that is
not a frame is pickled as usual.

Outputs live in `<storage>/frames/<run id>/<asset>.arrow`: two runs sharing one Dagster home
never read each other's frames. A step reads the frame of the run that produced it: its own
run, the run a re-execution reads from, or, for an asset a run does not make itself (a subset
materialized from the UI), the run of that asset's latest materialization. A run that ends
without a failed step sweeps the folder (sweep_frames): what stays is one copy per asset (its
latest materialization) and the frames of runs in progress or that a run in progress re-executes.
"""

import pickle
import shutil
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl

from warehouse.snapshot import run_lock


class FrameFilesIOManager(dg.IOManager):
    def __init__(self, base_dir: Path):
        self.base_dir = base_dir  # the frames folder; one sub-folder per run

    def _path(self, run_id: str, key: dg.AssetKey, suffix: str) -> Path:
        return self.base_dir.joinpath(run_id, *key.path).with_suffix(suffix)

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        if obj is None:
            return
        key, run_id = context.asset_key, context.run_id
        is_frame = isinstance(obj, pl.DataFrame)
        path = self._path(run_id, key, ".arrow" if is_frame else ".pickle")
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".tmp")
        if is_frame:
            obj.write_ipc(temp, compression="uncompressed")  # uncompressed: can be memory-mapped
        else:
            with open(temp, "wb") as handle:
                pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
        # Only one representation of an asset may exist, or a stale one could be read.
        self._path(run_id, key, ".pickle" if is_frame else ".arrow").unlink(missing_ok=True)

    def _stored(self, run_id: str | None, key: dg.AssetKey) -> Path | None:
        for suffix in (".arrow", ".pickle"):
            if run_id and (path := self._path(run_id, key, suffix)).exists():
                return path
        return None

    def load_input(self, context: dg.InputContext) -> Any:
        key = context.asset_key
        # The run that wrote it: this run, or the run a re-execution reads from; for an asset this
        # run does not make (no run of that id), the run of its latest materialization.
        upstream = context.upstream_output.run_id
        path = self._stored(upstream, key)
        if path is None and context.instance.get_run_by_id(upstream) is None:
            latest = context.instance.get_latest_materialization_event(key)
            path = self._stored(latest.run_id if latest else None, key)
        if path is None:
            raise FileNotFoundError(
                f"no stored output of {key.to_user_string()} in {self.base_dir}: "
                "materialize it (with what it depends on) first"
            )
        if path.suffix == ".arrow":
            return pl.read_ipc(path, memory_map=True)
        with open(path, "rb") as handle:
            return pickle.load(handle)


def _had_failed_step(instance: dg.DagsterInstance, run_id: str) -> bool:
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_FAILURE, limit=1)
    return bool(records.records)


UNFINISHED = {
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
}


def _needed_runs(instance: dg.DagsterInstance, current_run_id: str | None) -> set[str]:
    """Unfinished runs (but the current one, whose steps are done) and the runs they re-execute."""
    unfinished = [
        r for r in instance.get_runs(dg.RunsFilter(statuses=list(UNFINISHED))) if r.run_id != current_run_id
    ]
    return {r.run_id for r in unfinished} | {
        p for r in unfinished for p in (r.parent_run_id, r.root_run_id) if p
    }


def sweep_frames(instance: dg.DagsterInstance, frames_dir: Path, current_run_id: str | None) -> list[str]:
    """Remove the stage frames no run can need again: in the folders of finished runs (and the
    current run's) every file but those holding an asset's latest materialization, which a run
    of a subset of the assets loads. Folders of unfinished runs, and of runs they re-execute,
    are left alone. Disk use stays at one copy per asset plus the runs in progress. Returns
    the run ids whose folders went entirely."""
    if not frames_dir.is_dir():
        return []
    needed, latest = _needed_runs(instance, current_run_id), {}
    removed = []
    for folder in frames_dir.iterdir():
        run_id = folder.name
        if run_id in needed:
            continue
        run = instance.get_run_by_id(run_id)
        if run_id != current_run_id and run is not None and not run.is_finished:
            continue
        for path in [p for p in folder.rglob("*") if p.is_file()]:
            key = dg.AssetKey(list(path.relative_to(folder).with_suffix("").parts))
            if key not in latest:
                event = instance.get_latest_materialization_event(key)
                latest[key] = event.run_id if event else None
            if latest[key] != run_id:
                path.unlink(missing_ok=True)
        if not any(p.is_file() for p in folder.rglob("*")):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(run_id)
    return removed


@dg.io_manager(
    config_schema={"base_dir": dg.Field(str, is_required=False)},
    required_resource_keys={"warehouse"},
    description="Stage frames as Arrow files, one folder per run; holds the warehouse's run lock "
    "for the run (warehouse.snapshot.run_lock) and sweeps frames no run needs after a run "
    "without a failed step.",
)
def frame_files_io_manager(context: dg.InitResourceContext):
    """Keeps outputs under `base_dir` (config), or the Dagster instance's storage folder.

    The IO manager is the one resource every step of a run uses, and the job runs in one
    process, so it is set up once per run and torn down after the last step: the place for
    what spans a whole run. The run lock makes runs against one warehouse (another
    `make run`, the sensor's run, a run from another Dagster home) wait for each other, so
    each plans against what the last one left."""
    base = context.resource_config.get("base_dir") or context.instance.storage_directory()
    frames_dir = Path(base) / "frames"
    warehouse = context.resources.warehouse
    with run_lock(Path(warehouse.path), warehouse.lock_timeout_s):
        yield FrameFilesIOManager(frames_dir)
        run_id, instance = context.run_id, context.instance
        if run_id is None or instance is None or _had_failed_step(instance, run_id):
            return
        removed = sweep_frames(instance, frames_dir, run_id)
    if context.log is not None and removed:
        context.log.debug(f"removed the stage frames of {len(removed)} finished runs")
