"""Warehouse-wide checks of the indicator catalog's promise: a code is one measure in one kind
of unit, so grouping facts by indicator_code never adds unlike figures."""

import duckdb

_MIXED_CODES_SQL = """
SELECT i.indicator_code,
       list(DISTINCT coalesce(f.measure, '?') ORDER BY coalesce(f.measure, '?')) AS measures,
       list(DISTINCT coalesce(u.unit_kind, '?') ORDER BY coalesce(u.unit_kind, '?')) AS unit_kinds
FROM fact_indicator_value AS f
JOIN dim_indicator AS i USING (indicator_id)
LEFT JOIN dim_unit AS u ON u.unit = f.unit
WHERE i.indicator_code IS NOT NULL
GROUP BY i.indicator_code
HAVING count(DISTINCT coalesce(f.measure, '?')) > 1 OR count(DISTINCT coalesce(u.unit_kind, '?')) > 1
ORDER BY 1
"""


def mixed_indicator_codes(con: duckdb.DuckDBPyConnection) -> list[tuple[str, list[str], list[str]]]:
    """(code, its measures, its unit kinds) for every indicator code whose facts mix measures
    or kinds of unit; empty when the warehouse keeps the promise."""
    return con.execute(_MIXED_CODES_SQL).fetchall()
