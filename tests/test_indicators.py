"""The indicator catalog (transforms/data/indicators.csv), matching a fact's clause to a code, the
warehouse check that a code is one measure, and v_indicator_series over two years of one commune."""

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.pipeline_helpers import query, run_pipeline
from transforms.facts import extract_facts
from transforms.indicators import (
    INDICATOR_BY_CODE,
    INDICATORS,
    MEASURES,
    fact_measure,
    match_indicator,
    normalize,
)
from transforms.units import unit_info
from warehouse.indicator_checks import mixed_indicator_codes
from warehouse.snapshot import apply_schema

FIXTURES = Path(__file__).parent / "fixtures" / "commune_series"


def test_catalog_codes_are_stable_identifiers_with_one_measure_and_unit_kind():
    codes = [ind.code for ind in INDICATORS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]+", code) for code in codes)
    assert all(ind.measure in MEASURES for ind in INDICATORS)
    keys = [(ind.subject, ind.unit_kind, ind.measure) for ind in INDICATORS]
    assert len(keys) == len(set(keys))


def test_catalog_covers_the_domains_of_local_reports():
    domains = {ind.domain for ind in INDICATORS if not ind.derived}
    for domain in ("ngân sách", "nông nghiệp", "y tế", "giáo dục", "quốc phòng - an ninh", "xây dựng Đảng"):
        assert domain in domains
    assert sum(not ind.derived for ind in INDICATORS) >= 300


def test_each_subject_is_written_as_it_is_compared():
    for ind in INDICATORS:
        assert normalize(ind.subject) == ind.subject, ind.code


@pytest.mark.parametrize(
    "phrase, unit, code",
    [
        ("sản lượng lương thực có hạt", "tấn", "FOOD_OUTPUT"),
        ("Tổng thu ngân sách nhà nước trên địa bàn xã", "triệu đồng", "BUDGET_REVENUE"),
        ("thu NSNN", "tỷ đồng", "BUDGET_REVENUE"),
        ("chi thường xuyên", "tỷ đồng", "RECURRENT_EXPENDITURE"),
        ("tổng chi ngân sách địa phương", "tỷ đồng", "BUDGET_EXPENDITURE"),
        ("hộ nghèo", "hộ", "POOR_HOUSEHOLDS"),
        ("tỷ lệ hộ nghèo đa chiều", "%", "POOR_HOUSEHOLD_RATE"),
        ("tỷ lệ người dân tham gia BHYT", "%", "HEALTH_INSURANCE_RATE"),
        ("tiêu chí NTM", "tiêu chí", "NTM_CRITERIA"),
        ("xã đạt chuẩn nông thôn mới nâng cao", "xã", "NTM_ADVANCED_COMMUNES"),
        ("thanh niên nhập ngũ", "người", "MILITARY_RECRUITS"),
        ("kết nạp đảng viên mới", "đảng viên", "NEW_PARTY_MEMBERS"),
        ("đảng viên dự bị", "đảng viên", "PROBATIONARY_MEMBERS"),
        ("năng suất lúa bình quân", "tạ/ha", "RICE_YIELD"),
        ("sản lượng ngô", "tấn", "MAIZE_OUTPUT"),
        ("thu nhập bình quân đầu người", "triệu đồng/người/năm", "INCOME_PER_CAPITA"),
        ("giá trị sản xuất CN-TTCN", "tỷ đồng", "INDUSTRY_VALUE"),
        ("hồ sơ thủ tục hành chính", "hồ sơ", "ADMIN_PROCEDURE_FILES"),
        ("tỷ lệ hồ sơ giải quyết đúng hạn", "%", "ADMIN_PROCEDURE_ON_TIME_RATE"),
        # a qualifier between the noun and its status changes nothing ("chủ yếu": main)
        ("chỉ tiêu chủ yếu hoàn thành", "chỉ tiêu", "TARGETS_MET"),
        # a negation inside the words is another indicator than the words without it
        ("chỉ tiêu chủ yếu không đạt kế hoạch", "chỉ tiêu", "TARGETS_NOT_MET"),
    ],
)
def test_common_phrasings_match(phrase, unit, code):
    assert match_indicator(phrase, unit) == (code, INDICATOR_BY_CODE[code].name)


@pytest.mark.parametrize(
    "phrase, unit",
    [
        ("phiên hội ý", None),
        # The measured thing comes first: these count pupils, not what they mention.
        ("học sinh con hộ nghèo được cấp học bổng", "em"),
        ("năng suất lúa", "tấn"),  # a yield is no mass
        ("sản lượng lương thực", "ha"),  # an output is no area
        ("diện tích", "ha"),  # a measure without its subject
        ("", None),
    ],
)
def test_unrelated_or_incomplete_phrases_match_nothing(phrase, unit):
    assert match_indicator(phrase, unit) is None


def test_the_unit_routes_between_count_and_rate():
    assert match_indicator("hộ cận nghèo", "hộ")[0] == "NEAR_POOR_HOUSEHOLDS"
    assert match_indicator("hộ cận nghèo", "%")[0] == "NEAR_POOR_HOUSEHOLD_RATE"


def test_the_relation_decides_the_measure():
    # "Thu ngân sách xã đạt 105% dự toán" (no amount) is the % of plan, not the amount.
    pct_plan = {"unit": "%", "value": 105.0, "pct_target": 105.0}
    assert fact_measure(pct_plan) == "pct_of_plan"
    assert match_indicator("thu ngân sách", "%", "pct_of_plan")[0] == "BUDGET_REVENUE_PCT_PLAN"
    # "... tăng 8% so với cùng kỳ" is the growth.
    growth = {"unit": "%", "value": 8.0, "change_direction": "tăng", "change_amount": 8.0, "change_unit": "%"}
    assert fact_measure(growth) == "growth"
    assert match_indicator("thu ngân sách", "%", "growth")[0] == "BUDGET_REVENUE_GROWTH"
    # An amount that is "đạt 107% dự toán" stays the amount.
    amount = {"unit": "tỷ đồng", "value": 6.4, "pct_target": 107.0}
    assert fact_measure(amount) == "amount"
    # A growth subject takes a bare percentage as its growth.
    assert match_indicator("tốc độ tăng trưởng kinh tế", "%", "rate")[0] == "ECONOMIC_GROWTH"


def test_the_subject_before_a_colon_names_each_measure():
    text = "Cây ngô: diện tích 120 ha, năng suất 48 tạ/ha, sản lượng 576 tấn."
    codes = [f["indicator_code"] for f in extract_facts(text)]
    assert codes == ["MAIZE_AREA", "MAIZE_YIELD", "MAIZE_OUTPUT"]


def test_the_subject_of_the_opening_clause_names_the_later_measures():
    text = "Diện tích lạc 35 ha, năng suất 22 tạ/ha, sản lượng 77 tấn."
    codes = [f["indicator_code"] for f in extract_facts(text)]
    assert codes == ["PEANUT_AREA", "PEANUT_YIELD", "PEANUT_OUTPUT"]


def test_components_and_totals_get_their_own_codes():
    text = "Tổng chi ngân sách 21 tỷ đồng, trong đó chi thường xuyên 15 tỷ đồng."
    codes = [f["indicator_code"] for f in extract_facts(text)]
    assert codes == ["BUDGET_EXPENDITURE", "RECURRENT_EXPENDITURE"]


def test_every_coded_fact_has_its_codes_measure_and_unit_kind():
    text = (FIXTURES / "ubnd-xa-tan-lac-dong-nam-2024.txt").read_text(encoding="utf-8")
    coded = [f for f in extract_facts(text) if f["indicator_code"]]
    assert len(coded) >= 6
    for fact in coded:
        indicator = INDICATOR_BY_CODE[fact["indicator_code"]]
        assert fact["measure"] == indicator.measure
        assert unit_info(fact["unit"]).kind == indicator.unit_kind


def test_mixed_codes_are_found():
    con = duckdb.connect()
    apply_schema(con)
    con.execute(
        "INSERT INTO dim_indicator (indicator_id, indicator_code, indicator_name) VALUES ('X', 'X', 'x')"
    )
    con.execute("INSERT INTO dim_unit VALUES ('%', 'percent', 1, '%', true), ('hộ', 'count', 1, 'hộ', true)")
    con.execute(
        "INSERT INTO fact_indicator_value (document_id, fact_index, indicator_id, unit, measure)"
        " VALUES ('d', 0, 'X', 'hộ', 'count'), ('d', 1, 'X', 'hộ', 'count')"
    )
    assert mixed_indicator_codes(con) == []
    con.execute(
        "INSERT INTO fact_indicator_value (document_id, fact_index, indicator_id, unit, measure)"
        " VALUES ('d', 2, 'X', '%', 'rate')"
    )
    assert mixed_indicator_codes(con) == [("X", ["count", "rate"], ["count", "percent"])]


@pytest.fixture(scope="module")
def series_warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("series")
    landing = root / "landing"
    shutil.copytree(FIXTURES, landing)
    warehouse = root / "series.duckdb"
    assert run_pipeline(landing, warehouse).success  # also checks mixed_indicator_codes
    return warehouse


@pytest.mark.slow  # the pipeline end to end: left out by `make test-fast`
def test_series_shows_one_indicator_of_one_commune_side_by_side(series_warehouse):
    rows = query(
        series_warehouse,
        """
        SELECT indicator_code, locality, period_year, start_date, end_date, value, unit, measure
        FROM v_indicator_series WHERE indicator_code = 'RICE_OUTPUT' ORDER BY period_year""",
    )
    assert [(r[1], r[2], r[5], r[6], r[7]) for r in rows] == [
        ("Tân Lạc Đông", 2023, 2386.0, "tấn", "amount"),
        ("Tân Lạc Đông", 2024, 2434.0, "tấn", "amount"),
    ]
    assert str(rows[0][3]) == "2023-01-01" and str(rows[1][4]) == "2024-12-31"


@pytest.mark.slow  # the pipeline end to end: left out by `make test-fast`
def test_series_pivots_by_year(series_warehouse):
    rows = query(
        series_warehouse,
        """
        SELECT indicator_code,
               max(value) FILTER (WHERE period_year = 2023) AS y2023,
               max(value) FILTER (WHERE period_year = 2024) AS y2024,
               max(pct_target) FILTER (WHERE period_year = 2024) AS plan2024
        FROM v_indicator_series WHERE locality = 'Tân Lạc Đông'
        GROUP BY indicator_code ORDER BY indicator_code""",
    )
    by_code = {r[0]: r[1:] for r in rows}
    assert by_code["BUDGET_REVENUE"] == (6420.0, 7150.0, 111.0)
    assert by_code["POOR_HOUSEHOLD_RATE"][:2] == (3.8, 2.9)
    assert by_code["RICE_YIELD"][:2] == (58.2, 60.1)
    assert by_code["PIG_HERD"][:2] == (2850.0, 3010.0)


@pytest.mark.slow  # the pipeline end to end: left out by `make test-fast`
def test_dim_indicator_carries_the_catalog(series_warehouse):
    rows = query(
        series_warehouse,
        "SELECT measure, unit_kind, domain, national_ref FROM dim_indicator WHERE indicator_code = 'RICE_OUTPUT'",
    )
    assert rows == [("amount", "mass", "nông nghiệp", "Sản lượng lúa")]
    count = query(series_warehouse, "SELECT count(*) FROM dim_indicator WHERE indicator_code IS NOT NULL")
    assert count[0][0] == len(INDICATORS)


def _facts(text: str) -> list[tuple[str | None, str | None]]:
    return [(f["indicator_code"], f["indicator_text"]) for f in extract_facts(text)]


def test_parts_listed_after_a_total_take_its_measure():
    text = (
        "Giá trị sản xuất trên địa bàn ước đạt 950 tỷ đồng; trong đó nông, lâm, thủy sản 210 tỷ đồng, "
        "dịch vụ 415 tỷ đồng."
    )
    assert _facts(text) == [
        ("PRODUCTION_VALUE", "Giá trị sản xuất"),
        ("AGR_PRODUCTION_VALUE", "giá trị sản xuất nông, lâm, thủy sản"),
        ("SERVICES_VALUE", "giá trị sản xuất dịch vụ"),
    ]


def test_a_bracketed_count_after_a_rate_measures_the_rates_subject():
    assert _facts("Tỷ lệ hộ cận nghèo cuối năm còn 4,1% (57 hộ).") == [
        ("NEAR_POOR_HOUSEHOLD_RATE", "Tỷ lệ hộ cận nghèo"),
        ("NEAR_POOR_HOUSEHOLDS", "hộ cận nghèo"),
    ]


def test_the_period_the_place_and_the_acting_body_are_no_part_of_the_indicator():
    assert _facts("Chi ngân sách xã thực hiện 9 tháng đầu năm 3,2 tỷ đồng.") == [
        ("BUDGET_EXPENDITURE", "Chi ngân sách xã")
    ]
    assert _facts("Đảng ủy phường đã kết nạp 6 đảng viên.") == [("NEW_PARTY_MEMBERS", "kết nạp đảng viên")]
    assert _facts("Tổng giá trị sản xuất của huyện Lâm Hòa đạt 812 tỷ đồng.")[0][1] == "Tổng giá trị sản xuất"


def test_a_classifier_adds_nothing_and_a_counted_noun_comes_before_its_verb():
    assert _facts("Tổng đàn dê 1.240 con.") == [("GOAT_HERD", "Tổng đàn dê")]
    assert _facts("Năm 2024 ban hành 45 quyết định.") == [("DOCUMENTS_ISSUED_BY_TYPE", "quyết định ban hành")]


def test_a_long_clause_is_never_cut_inside_a_word():
    text = (
        "Hưởng ứng phong trào chung của tỉnh, nhân dân các thôn đã góp công sức cùng nhà nước "
        "làm đường bê tông hóa giao thông nông thôn dài 2.150 m."
    )
    indicator = extract_facts(text)[0]["indicator_text"]
    assert indicator.startswith("góp") or indicator.startswith("làm") or indicator.startswith("nhà")
    assert "tông hóa" not in indicator.replace("bê tông hóa", "")
