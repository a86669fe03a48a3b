"""The indicator catalog and fuzzy matching of indicator phrases to it."""

import re

import pytest

from transforms.indicators import (
    DEFENCE,
    ECONOMY,
    INDICATOR_BY_CODE,
    INDICATORS,
    PARTY,
    SOCIETY,
    match_indicator,
    normalize,
    unit_kind,
)


def test_catalog_codes_are_unique_stable_identifiers():
    codes = [ind.code for ind in INDICATORS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]+", code) for code in codes)
    assert 40 <= len(INDICATORS) <= 80
    assert set(INDICATOR_BY_CODE) == set(codes)


def test_every_domain_is_covered_and_known():
    domains = {ind.domain for ind in INDICATORS}
    assert domains == {ECONOMY, SOCIETY, DEFENCE, PARTY}


def test_each_indicator_matches_its_own_canonical_name():
    for ind in INDICATORS:
        assert match_indicator(ind.name) is not None, ind.code


@pytest.mark.parametrize(
    "phrase, unit, code",
    [
        ("tổng sản lượng lương thực", "tấn", "AGR_FOOD_OUTPUT"),
        ("sản lượng lương thực cây có hạt", "tấn", "AGR_FOOD_OUTPUT"),
        ("Tổng thu ngân sách nhà nước trên địa bàn xã", "triệu đồng", "BUDGET_REVENUE"),
        ("thu NSNN", "tỷ đồng", "BUDGET_REVENUE"),
        ("chi ngân sách địa phương", "tỷ đồng", "BUDGET_EXPENDITURE"),
        ("hộ nghèo", "hộ", "POOR_HOUSEHOLDS"),
        ("hộ nghèo", "%", "POOR_HOUSEHOLD_RATE"),
        ("tỷ lệ hộ nghèo đa chiều", "%", "POOR_HOUSEHOLD_RATE"),
        ("tỷ lệ hộ cận nghèo", "%", "NEAR_POOR_HOUSEHOLD_RATE"),
        ("tỷ lệ người dân tham gia BHYT", "%", "HEALTH_INSURANCE_RATE"),
        ("tỷ lệ bao phủ bảo hiểm y tế", "%", "HEALTH_INSURANCE_RATE"),
        ("tiêu chí NTM", "tiêu chí", "NEW_RURAL_CRITERIA"),
        ("xã đạt chuẩn nông thôn mới", "xã", "NEW_RURAL_COMMUNES"),
        ("giao quân", "thanh niên", "MILITARY_RECRUITMENT"),
        ("thanh niên nhập ngũ", "người", "MILITARY_RECRUITMENT"),
        ("kết nạp đảng viên mới", "đảng viên", "NEW_PARTY_MEMBERS"),
        ("năng suất lúa bình quân", "tạ/ha", "RICE_YIELD"),
        ("diện tích gieo cấy lúa", "ha", "RICE_AREA"),
        ("thu nhập bình quân đầu người", "triệu đồng/người/năm", "INCOME_PER_CAPITA"),
        ("giá trị sản xuất ngành công nghiệp", "tỷ đồng", "INDUSTRY_VALUE"),
        ("giá trị sản xuất ngành dịch vụ", "tỷ đồng", "SERVICES_VALUE"),
        ("số vụ tai nạn giao thông", "vụ", "TRAFFIC_ACCIDENTS"),
        ("doanh nghiệp thành lập mới", "doanh nghiệp", "NEW_ENTERPRISES"),
        ("Thu tiền sử dụng đất", "tỷ đồng", "LAND_USE_REVENUE"),
        ("tỷ lệ thu gom rác thải sinh hoạt", "%", "WASTE_COLLECTION_RATE"),
    ],
)
def test_common_phrasings_match(phrase, unit, code):
    matched = match_indicator(phrase, unit)
    assert matched is not None
    assert matched == (code, INDICATOR_BY_CODE[code].name)


@pytest.mark.parametrize(
    "phrase, unit",
    [
        ("cuộc họp", "cuộc"),
        ("văn bản chỉ đạo", "văn bản"),
        ("nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ"),
        ("tấn xi măng hỗ trợ", "tấn"),
        ("học sinh", "em"),
        ("hộ", "hộ"),
        ("công trình", "công trình"),
        ("phiên hội ý", None),
        # The measured thing comes first: these count pupils and members, not what they mention.
        ("học sinh con hộ nghèo được cấp học bổng", "em"),
        ("đảng viên đề nghị tặng huy hiệu đảng", "đảng viên"),
        # One syllable apart from an indicator is a different thing.
        ("tổng đàn gia súc", "con"),
        ("sản lượng điện thương phẩm", "kwh"),
        ("", None),
    ],
)
def test_unrelated_phrases_match_nothing(phrase, unit):
    assert match_indicator(phrase, unit) is None


def test_unit_routes_between_count_and_rate():
    assert match_indicator("hộ cận nghèo", "hộ")[0] == "NEAR_POOR_HOUSEHOLDS"
    assert match_indicator("hộ cận nghèo", "%")[0] == "NEAR_POOR_HOUSEHOLD_RATE"
    assert match_indicator("năng suất lúa", "tấn") is None  # a yield is no mass
    assert match_indicator("sản lượng lương thực", "ha") is None  # an output is no area


def test_matching_ignores_case_spacing_and_old_tone_marks():
    reference = match_indicator("tỷ lệ thu gom rác thải", "%")
    assert match_indicator("  TỶ LỆ   thu gom  rác thải ", "%") == reference
    assert normalize("Thuỷ  sản, hoà  giải; quý I") == "thủy sản hòa giải quý i"


@pytest.mark.parametrize(
    "unit, kind",
    [
        ("%", "percent"),
        ("tỷ đồng", "money"),
        ("đ", "money"),
        ("tấn", "mass"),
        ("ha", "area"),
        ("km", "length"),
        ("tạ/ha", "yield"),
        ("triệu đồng/người/năm", "per_person"),
        ("hộ", "count"),
        (None, None),
    ],
)
def test_unit_kind(unit, kind):
    assert unit_kind(unit) == kind
