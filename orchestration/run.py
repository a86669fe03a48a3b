"""`make run`: the whole pipeline once, talking like a good command-line tool.

    python -m orchestration.run [--full-refresh] [--confirm-removal] [--verbose]

Checks the settings first (each misuse fails at once with one sentence saying what to
do), then executes the `refresh_warehouse` job through Dagster's API in the instance of
DAGSTER_HOME (so the run also shows in `make dev`), with one line per stage, and ends
with a summary of what the warehouse now holds and where to look. Exit status 0 on
success, 1 when the run fails, 2 when a setting is wrong. VERBOSE=1 (or --verbose)
prints the traceback of a failure. A run that would remove most of the warehouse's
documents stops before writing anything (exit 1, saying why) unless CONFIRM_REMOVAL=1
(or --confirm-removal) confirms it.
"""

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from warehouse import settings
from warehouse.preflight import SettingsError, check_settings

JOB = "refresh_warehouse"


# Dagster is imported only after the settings are checked: a wrong setting fails in
# milliseconds, not after a second of imports.


def refresh_job():
    """The job, importable by name (what `dg.reconstructable` needs)."""
    from orchestration.definitions import defs

    return defs.resolve_job_def(JOB)


def _instance():
    """DAGSTER_HOME's instance; when unset, a folder inside the project (never ~)."""
    import dagster as dg

    home = Path(os.environ.get("DAGSTER_HOME") or settings.PROJECT_ROOT / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(Path(__file__).with_name("dagster.yaml"), home / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(home.resolve())
    return dg.DagsterInstance.get()


def load_env_file(path: Path) -> None:
    """Settings from `.env` (see .env.example) for variables the environment does not set:
    the environment and make's command line win."""
    if not path.is_file():
        return
    from dotenv import dotenv_values  # comes with Dagster, which reads the same file in `make dev`

    for key, value in dotenv_values(path).items():
        if value is not None:
            os.environ.setdefault(key, value)


def run_config(full_refresh: bool, verbose: bool, confirm_removal: bool = False) -> dict:
    return {
        "ops": {
            "landing_files": {"config": {"full_refresh": full_refresh, "confirm_removal": confirm_removal}}
        },
        "loggers": {"console": {"config": {"log_level": "DEBUG" if verbose else "INFO"}}},
    }


def _error_line(result) -> str:
    """The innermost message of the first failed step, without the exception's class."""
    from orchestration.console import one_line

    for event in result.get_step_failure_events():
        return one_line(event.step_failure_data.error)
    return "the run failed (see `make dev` for its event log)"


def _traceback(result) -> str:
    parts = []
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        while error is not None:
            parts.append(error.to_string())
            error = error.cause
    return "\n".join(parts)


def _flag(name: str) -> bool:
    """A yes/no setting from the environment (or a make variable): set and not 0."""
    return os.environ.get(name, "") not in ("", "0")


def main(argv: list[str] | None = None) -> int:
    load_env_file(settings.PROJECT_ROOT / ".env")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full-refresh", action="store_true", help="parse every file again")
    parser.add_argument("--verbose", action="store_true", default=_flag("VERBOSE"))
    parser.add_argument(
        "--confirm-removal",
        action="store_true",
        default=_flag("CONFIRM_REMOVAL"),
        help="let this run remove most or all of the warehouse's documents (their files are gone)",
    )
    args = parser.parse_args(argv)
    landing, warehouse = settings.landing_dir(), settings.warehouse_path()
    try:
        check_settings(landing, warehouse)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import dagster as dg

    started = time.perf_counter()
    with dg.execute_job(
        dg.reconstructable(refresh_job),
        _instance(),
        run_config=run_config(args.full_refresh, args.verbose, args.confirm_removal),
    ) as result:
        if not result.success:
            if args.verbose:
                print(_traceback(result), file=sys.stderr)
            print(f"error: {_error_line(result)}", file=sys.stderr)
            return 1
        from orchestration.summary import summary_lines

        lines = summary_lines(result, warehouse, time.perf_counter() - started)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
