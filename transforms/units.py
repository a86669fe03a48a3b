"""Units as written in reports, their kind and their factor to the kind's base unit.

The table agrees with ../shared/eval/score.py: money in đồng, mass in kg, area in m2,
length in m. A rate ("tạ/ha", "triệu đồng/người/năm") scales by its head unit and keeps
its denominators. Anything else is a counted noun ("hộ", "doanh nghiệp"), its own base.
"""

import re
from functools import lru_cache
from typing import NamedTuple


class UnitInfo(NamedTuple):
    unit: str | None  # normalized as written ("tỷ đồng", "tạ/ha", "hộ")
    kind: str | None  # money, usd, mass, area, length, volume, percent, count, rate; None without unit
    factor: float  # multiply a value in `unit` by this to get it in `base_unit`
    base_unit: str | None


# unit -> (kind, factor, base unit)
_SCALES: dict[str, tuple[str, float, str]] = {
    "đồng": ("money", 1.0, "đồng"),
    "nghìn đồng": ("money", 1e3, "đồng"),
    "ngàn đồng": ("money", 1e3, "đồng"),
    "triệu đồng": ("money", 1e6, "đồng"),
    "triệu": ("money", 1e6, "đồng"),
    "tỷ đồng": ("money", 1e9, "đồng"),
    "tỷ": ("money", 1e9, "đồng"),
    "usd": ("usd", 1.0, "usd"),
    "triệu usd": ("usd", 1e6, "usd"),
    "kg": ("mass", 1.0, "kg"),
    "tạ": ("mass", 100.0, "kg"),
    "tấn": ("mass", 1000.0, "kg"),
    "nghìn tấn": ("mass", 1e6, "kg"),
    "m2": ("area", 1.0, "m2"),
    "ha": ("area", 1e4, "m2"),
    "héc ta": ("area", 1e4, "m2"),
    "km2": ("area", 1e6, "m2"),
    "m": ("length", 1.0, "m"),
    "km": ("length", 1000.0, "m"),
    "m3": ("volume", 1.0, "m3"),
    "%": ("percent", 1.0, "%"),
}

# Spellings that mean the same unit.
_ALIASES = {
    "đ": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "tr đồng": "triệu đồng",
    "trđ": "triệu đồng",
    "tr.đồng": "triệu đồng",
    "tỉ": "tỷ",
    "tỉ đồng": "tỷ đồng",
    "hecta": "ha",
    "héc-ta": "ha",
    "m²": "m2",
    "m^2": "m2",
    "km²": "km2",
    "m³": "m3",
    "phần trăm": "%",
}

_SPACES_RE = re.compile(r"\s+")
_SLASH_RE = re.compile(r"\s*/\s*")


@lru_cache(maxsize=4096)
def normalize_unit(raw: str | None) -> str | None:
    """The unit as written, lower case, single-spaced, "/" without spaces; "đ" becomes "đồng"."""
    if raw is None:
        return None
    unit = _SLASH_RE.sub("/", _SPACES_RE.sub(" ", raw.strip().lower()))
    if not unit:
        return None
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
    if rest and head in _SCALES:  # a rate: tạ/ha, triệu đồng/người/năm
        _, factor, base = _SCALES[head]
        return UnitInfo(norm, "rate", factor, f"{base}/{rest}")
    scale, _, noun = canon.partition(" ")
    if scale in _COUNT_SCALES and noun:  # "28,5 triệu viên": millions of bricks
        return UnitInfo(norm, "count", _COUNT_SCALES[scale], noun)
    return UnitInfo(norm, "count", 1.0, norm)  # a counted noun is its own base


# Scale words before a counted noun.
_COUNT_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9}

# Counted nouns these reports use again and again. A unit outside them (and not a measure)
# is not wrong, but rare enough that validation flags it for a look: most such "units" are
# a word read after a number that was not a count at all.
COMMON_COUNTED_NOUNS = frozenset(
    [
        "người",
        "hộ",
        "con",
        "xã",
        "phường",
        "thị trấn",
        "thôn",
        "xóm",
        "bản",
        "ấp",
        "khu phố",
        "tổ dân phố",
        "huyện",
        "tỉnh",
        "công trình",
        "dự án",
        "tiêu chí",
        "chỉ tiêu",
        "hồ sơ",
        "thủ tục",
        "đảng viên",
        "quần chúng",
        "doanh nghiệp",
        "hợp tác xã",
        "tổ hợp tác",
        "trang trại",
        "cơ sở",
        "trường hợp",
        "vụ",
        "việc",
        "lượt",
        "lượt người",
        "học sinh",
        "trẻ",
        "cháu",
        "em",
        "giáo viên",
        "sinh viên",
        "học viên",
        "lao động",
        "thanh niên",
        "công dân",
        "chiến sĩ",
        "đối tượng",
        "bệnh nhân",
        "ca",
        "mũi",
        "liều",
        "đơn",
        "thư",
        "văn bản",
        "kế hoạch",
        "nghị quyết",
        "quyết định",
        "công văn",
        "báo cáo",
        "tờ trình",
        "thông báo",
        "chỉ thị",
        "hướng dẫn",
        "cuộc",
        "buổi",
        "lớp",
        "hội nghị",
        "đợt",
        "mô hình",
        "sản phẩm",
        "câu lạc bộ",
        "đội",
        "tổ",
        "chi bộ",
        "đảng bộ",
        "tổ chức",
        "đoàn viên",
        "hội viên",
        "cán bộ",
        "công chức",
        "viên chức",
        "gia đình",
        "nhà",
        "căn",
        "phòng học",
        "trường",
        "điểm",
        "trạm",
        "tuyến",
        "cây",
        "chiếc",
        "xe",
        "tin",
        "bài",
        "ý kiến",
        "kiến nghị",
        "giấy chứng nhận",
        "thẻ",
        "sổ",
        "suất",
        "phần quà",
        "suất quà",
        "hội thi",
        "giải",
        "huy chương",
        "giấy khen",
        "bằng khen",
        "kỳ họp",
        "phiên họp",
        "cụ",
        "nhân khẩu",
        "khẩu",
        "việc làm",
        "tấm",
        "lần",
        "ngày công",
        "tiết mục",
        "chương trình",
        "đoàn",
        "khách",
        "lượt khách",
        "di tích",
        "lễ hội",
        "viên",
        "thứ",
        "nhiệm vụ",
        "htx",
        "đồng chí",
        "bộ",
        "giấy",
        "thửa",
        "lô",
        "pano",
        "băng rôn",
        "băng zôn",
        "khẩu hiệu",
        "câu",
        "phiên",
        "quầy",
    ]
)


def is_common_unit(unit: str | None) -> bool:
    """A measure unit (money, mass, area, length, %, rate), or counted nouns that reports
    commonly use ("hộ", "hợp tác xã", "xã, phường", "triệu viên")."""
    info = unit_info(unit)
    if info.kind != "count":
        return True
    counted = info.base_unit.partition("/")[0]  # "lần/ngày": what is counted comes first
    return all(_common_noun(part) for part in counted.split(", "))


def _common_noun(phrase: str) -> bool:
    words = phrase.split()
    return any(" ".join(words[:n]) in COMMON_COUNTED_NOUNS for n in (1, 2, 3))


def scoring_kind(unit: str | None) -> str:
    """The kind score.py compares: a rate keeps its head's kind and its denominators."""
    info = unit_info(unit)
    if info.kind == "rate":
        head = _canonical(info.unit.partition("/")[0])
        return f"{_SCALES[head][0]}/{info.unit.partition('/')[2]}"
    return info.kind or "count"
