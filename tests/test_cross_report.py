"""Checks across reports: a figure against the same unit's earlier report and its other issuer.

The sample family of xã Tân Thịnh (samples/reports/*tan-thinh*: UBND 2023, UBND 2024,
Đảng ủy 2024) was written to produce exactly the verdicts below; the pipeline runs for
real (Dagster, GX, DuckDB into tmp files) in both load orders.
"""

import shutil

import duckdb
import pytest

from tests.pipeline_helpers import query, run_pipeline
from transforms.baselines import baseline_year
from warehouse.cross_report import rebuild_cross_report_checks
from warehouse.settings import SAMPLE_REPORTS_DIR
from warehouse.snapshot import apply_schema

YEAR_1 = "ubnd-xa-tan-thinh-nam-2023.txt"
YEAR_2 = "ubnd-xa-tan-thinh-nam-2024.txt"
PARTY_2 = "dang-uy-xa-tan-thinh-nam-2024.txt"

# (check_kind, claim, verdict, file, earlier file, value): what each sentence was written for.
EXPECTED = {
    # "Sản lượng lương thực có hạt đạt 5.732 tấn ... bằng 104,6% cùng kỳ": 5.732 / 5.480
    ("same_period", "pct_same_period", "pass", YEAR_2, YEAR_1, 5732.0),
    # "thu ngân sách ... 10,85 tỷ đồng ..., tăng 15,2% so với năm 2023": 10,85 / 9,6 is +13,0%
    ("same_period", "change_pct", "fail", YEAR_2, YEAR_1, 10.85),
    # "đàn lợn 5.880 con, giảm 370 con so với cùng kỳ": 5.880 − 6.250
    ("same_period", "change_amount", "pass", YEAR_2, YEAR_1, 5880.0),
    # "Tỷ lệ hộ nghèo còn 2,46%, giảm 0,66% so với năm trước": 2,46 − 3,12 points
    ("same_period", "change_amount", "pass", YEAR_2, YEAR_1, 2.46),
    # "đàn gia cầm ước 75.000 con, tăng 6,8% so với cùng kỳ": the 2023 report has no figure
    ("same_period", "change_pct", "no_earlier_fact", YEAR_2, None, 75000.0),
    # both issuers: tỷ lệ hộ nghèo 2,46%
    ("issuer_agreement", "value", "pass", YEAR_2, PARTY_2, 2.46),
    # UBND 93,8% against Đảng ủy 92,5% people with health insurance
    ("issuer_agreement", "value", "fail", YEAR_2, PARTY_2, 93.8),
    # Đảng ủy (28/11) "ước đạt 5.650 tấn", then UBND (16/12) 5.732 tấn
    ("revision", "value", "revised", YEAR_2, PARTY_2, 5732.0),
}

_VERDICTS_SQL = """
    SELECT check_kind, claim, verdict, source_file, earlier_source_file, value
    FROM v_cross_report_checks"""


def _verdicts(warehouse) -> set[tuple]:
    rows = query(warehouse, _VERDICTS_SQL)
    assert len(rows) == len(set(rows)), "a check recorded twice"
    return set(rows)


def _cross_report_failures(warehouse) -> list[tuple]:
    return query(
        warehouse,
        "SELECT source_file, expectation, observed FROM v_fact_failures "
        "WHERE expectation IN (SELECT expectation FROM validation_failure WHERE suite = 'cross_report')"
        " ORDER BY 1, 2",
    )


def _copy(landing, *names) -> None:
    landing.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SAMPLE_REPORTS_DIR / name, landing / name)


# --- the family in both orders ------------------------------------------------------------------


@pytest.mark.slow  # whole pipeline runs: left out by `make test-fast`
def test_year_two_first_then_year_one(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    _copy(landing, YEAR_2, PARTY_2)
    assert run_pipeline(landing, warehouse).success
    alone = _verdicts(warehouse)
    # Without last year's report every same-period claim has no earlier fact; the two
    # issuers of 2024 are already compared.
    assert {v for v in alone if v[0] == "same_period"} == {
        (kind, claim, "no_earlier_fact", f, None, value)
        for kind, claim, _, f, _, value in EXPECTED
        if kind == "same_period"
    }
    assert {v for v in alone if v[0] != "same_period"} == {v for v in EXPECTED if v[0] != "same_period"}
    assert len(_cross_report_failures(warehouse)) == 1

    _copy(landing, YEAR_1)
    result = run_pipeline(landing, warehouse)
    assert _verdicts(warehouse) == EXPECTED
    # Rebuilt, not accumulated: one row per failing check.
    failures = _cross_report_failures(warehouse)
    assert [(f, e) for f, e, _ in failures] == [
        (YEAR_2, "change_pct_agrees_with_earlier_report"),
        (YEAR_2, "value_agrees_with_other_issuer"),
    ]
    assert YEAR_1 in failures[0][2]
    check = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "reports_agree_across_reports"
    )
    assert not check.passed and check.severity.value == "WARN"
    assert check.metadata["checks_failed"].value == 2
    assert {YEAR_1, YEAR_2, PARTY_2} == set(check.metadata["failing_files"].value)
    assert YEAR_1 in check.description and PARTY_2 in check.description


@pytest.mark.slow  # whole pipeline runs: left out by `make test-fast`
def test_year_one_first_then_year_two_then_removed(tmp_path):
    landing, warehouse = tmp_path / "landing", tmp_path / "wh.duckdb"
    _copy(landing, YEAR_1)
    assert run_pipeline(landing, warehouse).success
    assert _verdicts(warehouse) == set()

    _copy(landing, YEAR_2, PARTY_2)
    assert run_pipeline(landing, warehouse).success
    assert _verdicts(warehouse) == EXPECTED

    # Removing last year's report withdraws every verdict that depended on it.
    (landing / YEAR_1).unlink()
    assert run_pipeline(landing, warehouse).success
    after = _verdicts(warehouse)
    assert all(v[4] != YEAR_1 for v in after)
    assert {v[2] for v in after if v[0] == "same_period"} == {"no_earlier_fact"}
    assert [e for _, e, _ in _cross_report_failures(warehouse)] == ["value_agrees_with_other_issuer"]


# --- the rules, on a warehouse written by hand (fast) ---------------------------------------------


UNITS = {"tấn": (1000, "kg"), "tạ": (100, "kg"), "%": (1, "%"), "hộ": (1, "hộ"), "nghìn tấn": (1e6, "kg")}


def _warehouse(facts: list[tuple]) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse: two documents of one commune, 2023 and 2024, UBND, and
    `facts` as (document_id, fact_index, unit, value, pct_same_period, direction, amount, change_unit, vs)."""
    con = duckdb.connect()
    apply_schema(con)
    con.execute("""
        INSERT INTO dim_period (period_id, period_year, period_kind, period_index, period_label, start_date, end_date) VALUES ('2023', 2023, 'year', NULL, 'năm 2023', '2023-01-01', '2023-12-31'),
                                      ('2024', 2024, 'year', NULL, 'năm 2024', '2024-01-01', '2024-12-31');
        INSERT INTO dim_indicator (indicator_id, indicator_code, indicator_name) VALUES ('X', 'X', 'một chỉ tiêu');
        INSERT INTO dim_unit (unit, unit_kind, factor, unit_base, is_common) VALUES ('tấn', 'mass', 1000, 'kg', true), ('tạ', 'mass', 100, 'kg', true),
                                    ('%', 'percent', 1, '%', true), ('hộ', 'count', 1, 'hộ', true),
                                    ('nghìn tấn', 'mass', 1000000, 'kg', true);
        INSERT INTO dim_document (document_id, issuer, admin_unit_id, issued_date, period_id)
        VALUES ('d23', 'UBND', 'u', '2023-12-10', '2023'), ('d24', 'UBND', 'u', '2024-12-10', '2024');
        INSERT INTO landing_file (path, source_file, document_id, status, first_seen, last_seen)
        VALUES ('a.txt', 'a.txt', 'd23', 'loaded', now(), now()), ('b.txt', 'b.txt', 'd24', 'loaded', now(), now());
    """)
    for doc, index, unit, value, pct, direction, amount, change_unit, vs in facts:
        factor, base = UNITS[unit]
        con.execute(
            "INSERT INTO fact_indicator_value (document_id, fact_index, indicator_id, period_id, unit, value,"
            " value_base, unit_base, pct_same_period, change_direction, change_amount, change_unit, change_vs)"
            " VALUES (?, ?, 'X', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc,
                index,
                "20" + doc[1:],
                unit,
                value,
                value * factor,
                base,
                pct,
                direction,
                amount,
                change_unit,
                vs,
            ],
        )
    rebuild_cross_report_checks(con)
    return con


@pytest.mark.parametrize(
    ("earlier", "later", "verdict"),
    [
        # 2.700 / 2.690 = 100,37%: "100,3%" is cut, not rounded, and passes (one unit of the
        # last digit, plus 0,04 that the rounding of both tonnages can move the ratio by)
        ((2690.0, None, None, None, None), (2700.0, 100.3, None, None, None), "pass"),
        ((2690.0, None, None, None, None), (2700.0, 100.2, None, None, None), "fail"),
        # 6.300 / 6.000 = 105,0%, printed 105,3%
        ((6000.0, None, None, None, None), (6300.0, 105.3, None, None, None), "fail"),
        # 63 / 60 tấn: rounded to the tonne, the ratio lies anywhere in 103,3–106,7%
        ((60.0, None, None, None, None), (63.0, 105.3, None, None, None), "pass"),
        # a change in another unit of the same kind: 1.250 tấn − 1.200 tấn = 500 tạ
        ((1200.0, None, None, None, None), (1250.0, None, "tăng", 500.0, "tạ"), "pass"),
        # counted households are exact: 105 − 100 is 5, not 6
        ((100.0, None, None, None, None), (105.0, None, "tăng", 5.0, "hộ"), "pass"),
        ((100.0, None, None, None, None), (105.0, None, "tăng", 6.0, "hộ"), "fail"),
        # "giảm 4%" where the figures give +4%
        ((1200.0, None, None, None, None), (1248.0, None, "giảm", 4.0, "%"), "fail"),
    ],
)
def test_same_period_rules(earlier, later, verdict):
    value, pct, direction, amount, change_unit = later
    unit = "hộ" if change_unit == "hộ" else "tấn"
    con = _warehouse(
        [
            ("d23", 0, unit, earlier[0], None, None, None, None, None),
            ("d24", 0, unit, value, pct, direction, amount, change_unit, "cùng kỳ" if direction else None),
        ]
    )
    assert con.execute("SELECT verdict FROM cross_report_check").fetchall() == [(verdict,)]


def test_a_change_since_the_start_of_the_year_is_not_a_same_period_claim():
    con = _warehouse(
        [
            ("d23", 0, "tấn", 1200.0, None, None, None, None, None),
            ("d24", 0, "tấn", 1250.0, None, "tăng", 50.0, "tấn", "đầu năm"),
        ]
    )
    assert con.execute("SELECT count(*) FROM cross_report_check").fetchone() == (0,)


def test_a_change_against_a_year_the_warehouse_lacks_has_no_earlier_fact():
    con = _warehouse(
        [
            ("d23", 0, "tấn", 1200.0, None, None, None, None, None),
            ("d24", 0, "tấn", 1250.0, None, "tăng", 50.0, "tấn", "năm 2022"),
        ]
    )
    assert con.execute("SELECT verdict FROM cross_report_check").fetchall() == [("no_earlier_fact",)]


@pytest.mark.parametrize(
    ("vs", "year"),
    [
        ("cùng kỳ", 2023),
        ("cùng kỳ năm trước", 2023),
        ("CK", 2023),
        ("năm 2022", 2022),
        ("cùng kỳ năm 2023", 2023),
        ("đầu năm", None),
        ("kế hoạch", None),
        ("năm 2024", None),
    ],
)
def test_baseline_year(vs, year):
    assert baseline_year(vs, 2024) == year


@pytest.mark.slow  # a GX validation run (~10 s with the GX import): left out by `make test-fast`
def test_the_gx_suite_fails_on_a_failing_check_and_names_the_files():
    from expectations.cross_report_suite import validate_cross_report

    con = _warehouse(
        [
            ("d23", 0, "tấn", 6000.0, None, None, None, None, None),
            ("d24", 0, "tấn", 6300.0, 105.3, None, None, None, None),
        ]
    )
    report = validate_cross_report(con)
    assert not report.success
    failures = report.failures.to_dicts()
    assert [(f["document_id"], f["expectation"], f["severity"]) for f in failures] == [
        ("d24", "same_period_agrees_with_earlier_report", "warn")
    ]
    assert "b.txt" in failures[0]["observed"] and "a.txt" in failures[0]["observed"]


def test_two_issuers_of_exact_counts_agree_only_when_equal():
    con = _warehouse([])
    con.execute("""
        INSERT INTO dim_document (document_id, issuer, admin_unit_id, issued_date, period_id)
        VALUES ('p24', 'Đảng ủy', 'u', '2024-11-28', '2024');
        INSERT INTO fact_indicator_value (document_id, fact_index, indicator_id, period_id, unit, value, value_base, unit_base)
        VALUES ('d24', 0, 'X', '2024', 'hộ', 215, 215, 'hộ'), ('p24', 0, 'X', '2024', 'hộ', 214, 214, 'hộ'),
               ('d24', 1, 'X', '2024', 'tấn', 5732, 5732000, 'kg'),
               ('p24', 1, 'X', '2024', 'nghìn tấn', 5.73, 5730000, 'kg');
    """)
    rebuild_cross_report_checks(con)
    verdicts = con.execute(
        "SELECT unit_base, check_kind, verdict FROM cross_report_check ORDER BY unit_base"
    ).fetchall()
    # 215 against 214 households: counts are exact. 5.732 tấn against 5,73 nghìn tấn: the
    # second is rounded to 10 tấn, so they agree.
    assert verdicts == [("hộ", "issuer_agreement", "fail"), ("kg", "issuer_agreement", "pass")]
