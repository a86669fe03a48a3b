"""The Dagster home: prepared once, under a lock, before anything uses it.

Dagster creates its SQLite storage (runs, event-log index, schedules) when an instance is
first made in a home. Two processes doing that at once on a brand-new home (two `make run`s,
or `make run` beside `make dev`) race on the same tables and one fails ("table
alembic_version already exists"). Here the home gets its dagster.yaml and its storage while
holding `<home>/.prepare.lock`; every later start finds the tables made.

    python -m orchestration.instance    # what `make dev` runs before `dagster dev`
"""

import os
import shutil
import sys
from pathlib import Path

from warehouse import settings
from warehouse.snapshot import file_lock

INSTANCE_YAML = Path(__file__).with_name("dagster.yaml")
PREPARE_TIMEOUT_S = 300.0


def dagster_home() -> Path:
    """DAGSTER_HOME, or a folder inside the project (never ~)."""
    return Path(os.environ.get("DAGSTER_HOME") or settings.PROJECT_ROOT / ".dagster_home").resolve()


def prepare_home(home: Path | None = None):
    """The home's instance (DAGSTER_HOME is set to it), its storage created under the lock."""
    import dagster as dg

    home = (home or dagster_home()).resolve()
    home.mkdir(parents=True, exist_ok=True)
    busy = f"another process has been preparing the Dagster home {home} for {PREPARE_TIMEOUT_S:.0f} s"
    with file_lock(home / ".prepare.lock", PREPARE_TIMEOUT_S, busy):
        if not (home / "dagster.yaml").exists():
            temp = home / ".dagster.yaml.tmp"
            shutil.copy(INSTANCE_YAML, temp)
            temp.replace(home / "dagster.yaml")
        os.environ["DAGSTER_HOME"] = str(home)
        return dg.DagsterInstance.get()  # creates the SQLite storage, inside the lock


if __name__ == "__main__":
    prepare_home().dispose()
    sys.exit(0)
