"""`make sql`: the DuckDB command-line client on the warehouse, read-only, with search.

    python -m orchestration.sql

The warehouse is found as `make run` finds it (the environment, make's command line, then
`.env`). It is opened read-only, so a run is never blocked, and DuckDB's fts extension is
LOADed from the installed wheel's file, so `search_facts(...)` works offline. The client is
`duckdb-cli` from the project's `sql` extra, the same DuckDB version as the library.
"""

import os
import sys
from pathlib import Path

from orchestration.run import load_env_file
from warehouse import settings
from warehouse.search import fts_extension_path


def main() -> int:
    load_env_file(settings.PROJECT_ROOT / ".env")
    path = settings.warehouse_path()
    if not path.is_file():
        print(f"no warehouse at {path}: run 'make run' first", file=sys.stderr)
        return 2
    client = Path(sys.executable).with_name("duckdb")
    if not client.is_file():
        print("the DuckDB command-line client is not installed: run 'make sql'", file=sys.stderr)
        return 2
    load = "LOAD '" + str(fts_extension_path()).replace("'", "''") + "'"
    os.execv(client, [str(client), "-readonly", "-cmd", load, str(path)])
    return 0  # not reached: the client replaced this process


if __name__ == "__main__":
    sys.exit(main())
