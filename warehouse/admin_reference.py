"""The official unit lists in the warehouse: loaded once per reference version, not per run.

dim_admin_unit holds both lists (about 10,000 pre-2025 and 3,400 post-2025 unit versions),
admin_unit_alias their other names and admin_unit_crosswalk the pre → post 2025 successors.
A run checks that the rows of the current reference source are there and loads them only
when they are not (a new warehouse, or a new version of the package).
"""

import duckdb

from transforms.admin_units import REFERENCE_SOURCE
from warehouse.dimensions import reference_unit_rows


def ensure_admin_reference(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the official lists unless this source's rows are already loaded; True if loaded."""
    loaded = con.execute(
        "SELECT count(*) FROM dim_admin_unit WHERE source = ?", [REFERENCE_SOURCE]
    ).fetchone()[0]
    if loaded:
        return False
    units, aliases, crosswalk = reference_unit_rows()
    # Resolved units are ids of these lists: rows a document named are kept.
    con.execute("DELETE FROM dim_admin_unit WHERE era IS NOT NULL")
    con.execute("DELETE FROM admin_unit_alias")
    con.execute("DELETE FROM admin_unit_crosswalk")
    for table, frame in (
        ("dim_admin_unit", units),
        ("admin_unit_alias", aliases),
        ("admin_unit_crosswalk", crosswalk),
    ):
        con.register("reference_rows", frame)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM reference_rows")
        con.unregister("reference_rows")
    return True
