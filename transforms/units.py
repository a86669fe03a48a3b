"""Units as written in reports, their kind and their factor to the kind's base unit.

The table agrees with ../shared/eval/score.py: money in đồng, mass in kg, area in m2,
length in m. A rate ("tạ/ha", "triệu đồng/người/năm") scales by its head unit and keeps
its denominators. Anything else is a counted noun ("hộ", "doanh nghiệp"), its own base.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from transforms.catalog import mapping, read_table, words


class UnitInfo(NamedTuple):
    unit: str | None  # normalized as written ("tỷ đồng", "tạ/ha", "hộ")
    kind: str | None  # money, usd, mass, area, length, volume, percent, count, rate; None without unit
    factor: float  # multiply a value in `unit` by this to get it in `base_unit`
    base_unit: str | None


# unit -> (kind, factor, base unit), and the other spellings of a unit: transforms/data/.
_SCALES: dict[str, tuple[str, float, str]] = {
    row["unit"]: (row["kind"], float(row["factor"]), row["base_unit"])
    for row in read_table("units", key="unit")
}
_ALIASES = mapping("unit_aliases", "alias", "unit")
# Scale words before a counted noun ("28,5 triệu viên").
COUNT_SCALES = {word: float(factor) for word, factor in mapping("count_scales", "word", "factor").items()}


def measure_spellings() -> list[str]:
    """Every written form of a measure unit (units and their aliases), longest first: the
    reader of numbers builds its unit pattern from them."""
    return sorted({*_SCALES, *_ALIASES}, key=len, reverse=True)


_SPACES_RE = re.compile(r"\s+")
_SLASH_RE = re.compile(r"\s*/\s*")


# Abbreviated counted nouns written with a slash.
_COUNTED_ABBREVIATIONS = frozenset(("đ/c",))


@lru_cache(maxsize=4096)
def normalize_unit(raw: str | None) -> str | None:
    """The unit as written, lower case, single-spaced, "/" without spaces; "đ" becomes "đồng"."""
    if raw is None:
        return None
    unit = _SLASH_RE.sub("/", _SPACES_RE.sub(" ", raw.strip().lower()))
    if not unit:
        return None
    if unit in _COUNTED_ABBREVIATIONS:
        return unit  # "đ/c" (đồng chí): comrades, not money per something
    head, sep, rest = unit.partition("/")
    if head in ("đ", "vnđ", "vnd"):
        head = "đồng"
    elif head.endswith(" đ"):
        head = head[:-2] + " đồng"
    return head + sep + rest


def _canonical(unit: str) -> str:
    return _ALIASES.get(unit, unit)


@lru_cache(maxsize=4096)
def unit_info(unit: str | None) -> UnitInfo:
    """Kind, factor and base unit of a unit as written (normalized first)."""
    norm = normalize_unit(unit)
    if norm is None:
        return UnitInfo(None, None, 1.0, None)
    canon = _canonical(norm)
    if canon in _SCALES:
        kind, factor, base = _SCALES[canon]
        return UnitInfo(norm, kind, factor, base)
    head, _, rest = canon.partition("/")
    head = _canonical(head)
    if (
        rest and head in _SCALES and canon not in _COUNTED_ABBREVIATIONS
    ):  # a rate: tạ/ha, triệu đồng/người/năm
        _, factor, base = _SCALES[head]
        return UnitInfo(norm, "rate", factor, f"{base}/{rest}")
    scale, _, noun = canon.partition(" ")
    if scale in COUNT_SCALES and noun:  # "28,5 triệu viên": millions of bricks
        return UnitInfo(norm, "count", COUNT_SCALES[scale], noun)
    return UnitInfo(norm, "count", 1.0, norm)  # a counted noun is its own base


# Counted nouns these reports use again and again. A unit outside them (and not a measure)
# is not wrong, but rare enough that validation flags it for a look: most such "units" are
# a word read after a number that was not a count at all.
COMMON_COUNTED_NOUNS = words("common_counted_nouns")


def is_common_unit(unit: str | None) -> bool:
    """A measure unit (money, mass, area, length, %, rate), or counted nouns that reports
    commonly use ("hộ", "hợp tác xã", "xã, phường", "triệu viên")."""
    info = unit_info(unit)
    if info.kind != "count" or info.base_unit is None:  # a count always has its base unit
        return True
    counted = info.base_unit.partition("/")[0]  # "lần/ngày": what is counted comes first
    return all(_common_noun(part) for part in counted.split(", "))


def _common_noun(phrase: str) -> bool:
    words = phrase.split()
    return any(" ".join(words[:n]) in COMMON_COUNTED_NOUNS for n in (1, 2, 3))


def scoring_kind(unit: str | None) -> str:
    """The kind score.py compares: a rate keeps its head's kind and its denominators."""
    info = unit_info(unit)
    if info.kind == "rate" and info.unit is not None:  # a rate always has its unit
        head = _canonical(info.unit.partition("/")[0])
        return f"{_SCALES[head][0]}/{info.unit.partition('/')[2]}"
    return info.kind or "count"
