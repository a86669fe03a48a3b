"""Units: normalization, kind, factor and base unit, in agreement with ../shared/eval/score.py."""

import importlib.util

import pytest

from tests.conftest import SHARED
from transforms.units import normalize_unit, scoring_kind, unit_info


@pytest.mark.parametrize(
    ("raw", "unit", "kind", "factor", "base"),
    [
        ("tỷ đồng", "tỷ đồng", "money", 1e9, "đồng"),
        ("Triệu đồng", "triệu đồng", "money", 1e6, "đồng"),
        ("đ", "đồng", "money", 1.0, "đồng"),
        ("VNĐ", "đồng", "money", 1.0, "đồng"),
        ("trđ", "trđ", "money", 1e6, "đồng"),
        ("tỉ", "tỉ", "money", 1e9, "đồng"),
        ("tấn", "tấn", "mass", 1000.0, "kg"),
        ("tạ", "tạ", "mass", 100.0, "kg"),
        ("ha", "ha", "area", 1e4, "m2"),
        ("hecta", "hecta", "area", 1e4, "m2"),
        ("m²", "m²", "area", 1.0, "m2"),
        ("km", "km", "length", 1000.0, "m"),
        ("%", "%", "percent", 1.0, "%"),
        ("tạ/ha", "tạ/ha", "rate", 100.0, "kg/ha"),
        ("triệu đồng / người / năm", "triệu đồng/người/năm", "rate", 1e6, "đồng/người/năm"),
        ("doanh nghiệp", "doanh nghiệp", "count", 1.0, "doanh nghiệp"),
        ("lần/ngày", "lần/ngày", "count", 1.0, "lần/ngày"),
    ],
)
def test_unit_info(raw: str, unit: str, kind: str, factor: float, base: str) -> None:
    info = unit_info(raw)
    assert (info.unit, info.kind, info.base_unit) == (unit, kind, base)
    assert info.factor == pytest.approx(factor)


def test_no_unit() -> None:
    assert unit_info(None).kind is None
    assert normalize_unit("  ") is None


def test_normalize_keeps_spelling_but_not_case_or_spaces() -> None:
    assert normalize_unit(" Lượt  Người ") == "lượt người"
    assert normalize_unit("đồng / người") == "đồng/người"


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is absent")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "unit",
    [
        "đồng",
        "đ",
        "triệu đồng",
        "tỷ đồng",
        "tỉ",
        "trđ",
        "kg",
        "tạ",
        "tấn",
        "ha",
        "m2",
        "m",
        "km",
        "%",
        "tạ/ha",
        "triệu đồng/người/năm",
        "hộ",
        "lượt người",
    ],
)
def test_scaling_agrees_with_the_scorer(unit: str) -> None:
    scorer_kind, scorer_factor = _scorer().unit_kind(unit)
    assert unit_info(unit).factor == pytest.approx(scorer_factor)
    assert scoring_kind(unit) == scorer_kind


def test_scale_words_before_counted_nouns_scale_the_count():
    from transforms.units import unit_info

    assert unit_info("triệu viên") == ("triệu viên", "count", 1e6, "viên")
    assert unit_info("nghìn con").factor == 1e3
    assert unit_info("triệu đồng").kind == "money"


def test_common_units_and_the_rare_words_validation_flags():
    from transforms.units import is_common_unit

    for unit in ("tỷ đồng", "tạ/ha", "%", "hộ", "hợp tác xã", "xã, phường", "triệu viên", "lượt người", None):
        assert is_common_unit(unit), unit
    for unit in ("vườn", "nguyên", "hợp"):
        assert not is_common_unit(unit), unit


def test_units_are_data_and_every_alias_names_a_unit():
    from transforms.catalog import mapping, read_table

    units = {row["unit"]: row for row in read_table("units", key="unit")}
    for alias, unit in mapping("unit_aliases", "alias", "unit").items():
        assert unit in units, f"alias {alias!r} names no unit"
        assert unit_info(alias).kind == units[unit]["kind"]
    assert all(float(row["factor"]) > 0 for row in units.values())


def test_a_unit_written_in_the_data_is_read_after_a_number():
    from transforms.facts import extract_facts

    (fact,) = extract_facts("Kim ngạch xuất khẩu đạt 12 tỷ USD.")  # "tỷ usd" comes from units.csv
    assert (fact["unit"], unit_info(fact["unit"]).factor) == ("tỷ usd", 1e9)
