"""Vietnamese number notation: "2.418" is two thousand four hundred eighteen, "6.027,5" is 6027.5.

Reports are written by hand, so the notation drifts: most writers group thousands with "."
and mark decimals with ",", a few use English grouping ("58,340,000"), and some type an
English decimal point ("4.6 ha"). The digits decide: a separator followed by exactly three
digits groups thousands, anything else is a decimal mark. Leading zeros are only padding
("09 hộ" is 9).
"""

import functools
import math
import re

# A number token as it appears in running text: digits with "." or "," between digit groups.
# It never starts right after a letter, digit or separator (so "F0", "Covid-19" and the inner
# digits of a longer token are not numbers of their own) and always ends on a digit.
# The checks on the character before sit after the first digit: a scan then only stops at digits.
NUMBER_PATTERN = r"\d(?<![\w.,]\d)(?<!\w-\d)\d*(?:[.,]\d+)*"
NUMBER_RE = re.compile(NUMBER_PATTERN)

_GROUPED_DOTS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")  # 4.884.100.000
_GROUPED_COMMAS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")  # 97,680,000 (English grouping)
_VN_MIXED_RE = re.compile(r"\d{1,3}(?:\.\d{3})*,\d+")  # 4.103,5
_EN_MIXED_RE = re.compile(r"\d{1,3}(?:,\d{3})*\.\d+")  # 4,103.5

# Integer digits a value may have (leading zeros aside). Far beyond any real quantity (the
# national budget has 16), and small enough that a value scaled to its base unit or turned
# into a percentage stays a finite double; a longer number is skipped as "number too large".
MAX_INTEGER_DIGITS = 30
TOO_LARGE = "number too large"

# Spelled ordinals used as values ("xếp thứ nhất", "đứng thứ hai").
SPELLED_ORDINALS: dict[str, int] = {
    "nhất": 1,
    "nhì": 2,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}


def _split(token: str) -> tuple[str, str] | None:
    """The token as (integer digits, decimal digits), or None when its separators make no sense."""
    if token.isdigit():
        return token, ""
    has_dot, has_comma = "." in token, "," in token
    if has_dot and has_comma:
        if _VN_MIXED_RE.fullmatch(token):
            whole, frac = token.split(",")
            return whole.replace(".", ""), frac
        if _EN_MIXED_RE.fullmatch(token):
            whole, frac = token.split(".")
            return whole.replace(",", ""), frac
        return None
    sep = "." if has_dot else ","
    if token.count(sep) > 1:
        grouped = _GROUPED_DOTS_RE if sep == "." else _GROUPED_COMMAS_RE
        if grouped.fullmatch(token):
            return token.replace(sep, ""), ""
        # "1,187,93": the digits decide, so the last separator, with fewer than three digits
        # after it, is a decimal mark
        whole, _, frac = token.rpartition(sep)
        return (whole.replace(sep, ""), frac) if grouped.fullmatch(whole) and len(frac) < 3 else None
    whole, _, frac = token.partition(sep)
    if not (whole.isdecimal() and frac.isdecimal()):  # "2135,4", "7.2": \d+[.,]\d+ (isdecimal is \d)
        return None
    # "2.418" groups thousands; "4.6" and "3.50" are English decimals. A single comma is the
    # Vietnamese decimal mark whatever follows it ("31,482 tỷ" is 31.482).
    if sep == "." and len(frac) == 3 and len(whole) <= 3:
        return whole + frac, ""
    return whole, frac


# Pure in the token, and reports repeat the same few tokens (years, small counts, 100).
@functools.lru_cache(maxsize=65536)
def parse_number(token: str) -> float | None:
    """The value of a number token in Vietnamese (or stray English) notation; None if unreadable."""
    token = token.strip()
    if token in SPELLED_ORDINALS:
        return float(SPELLED_ORDINALS[token])
    parts = _split(token)
    if parts is None:
        return None
    whole, frac = parts
    if _too_many_digits(whole):
        return None  # int() would refuse it or float() overflow: see unreadable_reason
    value = float(f"{int(whole)}.{frac}" if frac else int(whole))
    return value if math.isfinite(value) else None


def _too_many_digits(whole: str) -> bool:
    return len(whole) > MAX_INTEGER_DIGITS and len(whole.lstrip("0")) > MAX_INTEGER_DIGITS


def unreadable_reason(token: str) -> str:
    """Why parse_number gave None for `token`: too many digits, or separators that make no sense."""
    parts = _split(token.strip())
    return TOO_LARGE if parts is not None and _too_many_digits(parts[0]) else "unreadable number"


# Pure in the token, and read again for each fact and target.
@functools.lru_cache(maxsize=16384)
def decimals_printed(token: str) -> int:
    """How many digits the writer printed after the decimal mark (0 for whole numbers)."""
    parts = _split(token.strip())
    return len(parts[1]) if parts else 0


def format_vietnamese(value: float, decimals: int = 0) -> str:
    """The value printed the way Vietnamese reports print it: "." groups thousands, "," decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
