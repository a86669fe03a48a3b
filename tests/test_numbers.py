"""Vietnamese number notation: parse_number, decimals_printed, the number-token regex."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.numbers import (
    NUMBER_RE,
    TOO_LARGE,
    decimals_printed,
    format_vietnamese,
    parse_number,
    unreadable_reason,
)
from transforms.report import read_facts


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2.418", 2418),  # a dot before three digits groups thousands
        ("6.027,5", 6027.5),  # dot groups, comma is the decimal mark
        ("31,482", 31.482),  # a single comma is always decimal
        ("7.305.200.000", 7305200000),
        ("58,340,000", 58340000),  # English grouping, decided from the digits
        ("4.6", 4.6),  # one digit after a dot: an English decimal
        ("12.75", 12.75),
        ("3185,25", 3185.25),  # no thousands separator
        ("09", 9),  # a leading zero is padding
        ("0", 0),
        ("1,250.75", 1250.75),  # English grouping and decimal point together
        ("1,187,93", 1187.93),  # groups of three, then fewer digits: the last mark is decimal
        ("nhất", 1),  # a spelled ordinal
        ("ba", 3),
    ],
)
def test_parse_number(token: str, expected: float) -> None:
    assert parse_number(token) == pytest.approx(expected)


@pytest.mark.parametrize("token", ["1.2.3", "12,34,5", "1.23.456", "abc", "", "1.234,5.6"])
def test_unreadable_tokens_are_none(token: str) -> None:
    assert parse_number(token) is None


@pytest.mark.parametrize(
    ("token", "decimals"),
    [("2.418", 0), ("6.027,5", 1), ("31,482", 3), ("66,67", 2), ("4.6", 1), ("120", 0), ("58,340,000", 0)],
)
def test_decimals_printed(token: str, decimals: int) -> None:
    assert decimals_printed(token) == decimals


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("trồng mới 46ha rừng", ["46"]),
        ("phòng chống Covid-19 và 12 ca F0", ["12"]),  # digits glued to a name are not numbers
        ("đạt 1.250,5 tấn.", ["1.250,5"]),  # the sentence's full stop is not part of the number
        ("thu 97,680,000 đồng", ["97,680,000"]),
        ("lô B12 có 7 hộ, tăng 3,5%", ["7", "3,5"]),  # the scan stops at digits, then looks back
        ("mã 4.2.1-a và 15/20 hộ", ["4.2.1", "15", "20"]),
    ],
)
def test_number_tokens(text: str, tokens: list[str]) -> None:
    assert [m.group() for m in NUMBER_RE.finditer(text)] == tokens


@given(st.integers(min_value=1000, max_value=10**12))
def test_grouped_integers_round_trip(value: int) -> None:
    assert parse_number(format_vietnamese(value)) == value


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=3))
def test_decimals_round_trip(mantissa: int, decimals: int) -> None:
    value = mantissa / 10**decimals
    text = format_vietnamese(value, decimals)
    assert "," in text
    assert parse_number(text) == pytest.approx(value, rel=1e-12, abs=1e-12)
    assert decimals_printed(text) == decimals


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_english_grouping_round_trip(value: int) -> None:
    # Two or more comma groups can only be English grouping. A single comma stays the
    # Vietnamese decimal mark ("16,259 tỷ đồng" is 16.259), see test_parse_number.
    assert parse_number(f"{value:,}") == value


@given(st.integers(min_value=0, max_value=999))
def test_padded_small_integers(value: int) -> None:
    assert parse_number(f"{value:03d}") == value


def test_a_number_too_large_for_a_double_is_skipped_with_a_reason():
    huge = "9" * 321
    assert parse_number(huge) is None and unreadable_reason(huge) == TOO_LARGE
    assert parse_number("1" * 5000) is None  # past int()'s digit limit: no ValueError either
    assert parse_number("0" * 40 + "12") == 12.0  # padding zeros are no size
    text = f"Năm 2024, thu ngân sách xã đạt {huge} triệu đồng. Diện tích lúa đạt 120 ha."
    read = read_facts("d", text)
    assert read.error is None and read.rejection is None
    assert [f["value"] for f in read.facts] == [120.0]
    assert {"text": huge, "reason": TOO_LARGE} in [
        {k: s[k] for k in ("text", "reason")} for s in read.skipped
    ]
