"""How stage outputs are kept between steps: Polars frames as Arrow IPC files.

Dagster's default pickles every output, which for a frame of report texts means the
whole frame once more in memory as pickle bytes, on write and again on read. Arrow IPC
is written straight from the frame's buffers and read back memory-mapped, so a step that
only needs a few columns of an upstream frame never pulls the texts in. Anything that is
not a frame is pickled as usual.
"""

import pickle
from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl


class FrameFilesIOManager(dg.IOManager):
    def __init__(self, base_dir: Path):
        self.base_dir = base_dir

    def _path(self, key: dg.AssetKey, suffix: str) -> Path:
        return self.base_dir.joinpath(*key.path).with_suffix(suffix)

    def handle_output(self, context: dg.OutputContext, obj: Any) -> None:
        if obj is None:
            return
        key = context.asset_key
        is_frame = isinstance(obj, pl.DataFrame)
        path = self._path(key, ".arrow" if is_frame else ".pickle")
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".tmp")
        if is_frame:
            obj.write_ipc(temp, compression="uncompressed")  # uncompressed: can be memory-mapped
        else:
            with open(temp, "wb") as handle:
                pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temp.replace(path)
        # Only one representation of an asset may exist, or a stale one could be read.
        self._path(key, ".pickle" if is_frame else ".arrow").unlink(missing_ok=True)

    def load_input(self, context: dg.InputContext) -> Any:
        key = context.asset_key
        frame_path = self._path(key, ".arrow")
        if frame_path.exists():
            return pl.read_ipc(frame_path, memory_map=True)
        with open(self._path(key, ".pickle"), "rb") as handle:
            return pickle.load(handle)


class FrameFilesIOManagerFactory(dg.ConfigurableIOManagerFactory):
    """Keeps outputs under `base_dir`, or the Dagster instance's storage folder."""

    base_dir: str | None = None

    def create_io_manager(self, context: dg.InitResourceContext) -> FrameFilesIOManager:
        base = Path(self.base_dir) if self.base_dir else Path(context.instance.storage_directory())
        return FrameFilesIOManager(base / "frames")
