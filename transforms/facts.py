"""Quantitative claims of a report ("facts"), read clause by clause from its text.

The spec is ../shared/gold/GUIDE.md. In short: a fact is a number with a unit or a counted
noun that measures the reporting unit's work; percentages and amounts that only describe
it (of plan, of the same period, a change) are its fields, not facts of their own.

How it reads: only sentences holding a digit (or a spelled rank) are looked at. Each number
in a sentence is read with its unit, then judged by the words right before it (tăng, giảm,
vượt, đạt, bằng, a hedge) and right after it (kế hoạch, dự toán, cùng kỳ ...): it either
opens a new fact, or describes the latest fact of the sentence, or is no fact at all (dates,
references, names with numbers, ages, ranges). Plans for the coming period, web-page chrome
and repeated claims are dropped.

Two rules of the language carry most of the weight:
- A describing clause (a share of plan, of last year, a change) that opens on its verb belongs
  to the sentence's latest fact, however many words and commas that fact's noun phrase has
  ("Tiếp nhận 51 đơn khiếu nại, tố cáo, kiến nghị, tăng 39% so với cùng kỳ"); a clause that
  names its own subject first is a claim of its own ("..., đàn vịt đạt 70% KH").
- A number whose clause opens on a plan word (KH, kế hoạch, dự toán, chỉ tiêu, nghị quyết) is a
  target, never a fact: "(KH: 66 đảng viên)" goes to the fact before it, "Dự toán ... là 25,6 tỷ
  đồng; ước thực hiện 21,3 tỷ đồng" to the fact after it, in the same kind of unit.
"""

import re
from bisect import bisect_right
from typing import NamedTuple

from transforms.numbers import NUMBER_PATTERN, SPELLED_ORDINALS, decimals_printed, parse_number
from transforms.sections import Outline, footnote_markers, section_outline
from transforms.units import normalize_unit, scoring_kind, unit_info

_W = r"[^\W\d_]"  # one letter (Vietnamese included)
_NUM = NUMBER_PATTERN

# ---------------------------------------------------------------------------------------------
# Sentences and page chrome

# A sentence ends at ". " / "! " / "? ", a line break, or an ellipsis. A ";" does not end it: reports
# chain a value and its shares of plan and of last year across semicolons.
_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s|$)|\n")
# Web-page furniture: counters, timestamps, comment and rating widgets, contact lines.
_CHROME_LINE_RE = re.compile(
    r"truy cập|lượt xem|bình luận|đánh giá bài viết|\bđánh giá\b\s*$|Hôm nay|Tháng hiện tại|Tất cả\s*:"
    r"|\bSĐT\b|Điện thoại|Hotline|Fax|E-?mail|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_CHROME_MAX_LINE = 160
# Sentences about the coming period ("phấn đấu năm 2025 kết nạp 12 đảng viên").
# Each alternative starts with a literal so that scanning a whole report stays fast; the words
# are distinctive enough without their first letter ("hấn đấu" only occurs in "phấn đấu").
_PLAN_SENTENCE_RE = re.compile(
    r"hấn đấu|năm tới|ự kiến|(?<![^\W\d_])sẽ(?![^\W\d_])|kế hoạch năm sau|ục tiêu năm"
)

# ---------------------------------------------------------------------------------------------
# A number and its unit

_SLASH_FORM_RE = re.compile(rf"\s*/\s*({_NUM})(\s*/\s*{_NUM})?")
_RANGE_AFTER_RE = re.compile(rf"\s*[-–]\s*{_NUM}")
_REFERENCE_AFTER_RE = re.compile(r"\s*[-/]\s*[A-ZĐ]{1,6}\b|:\d")
# "12 tỷ 350 triệu đồng": a mixed amount, read as one value in the larger unit.
_MIXED_MONEY_RE = re.compile(rf"\s*(tỷ|tỉ)\s+({_NUM})\s*triệu(\s*đồng)?", re.IGNORECASE)

# Measure units, longest first; a letter may not follow (so "m" is not the start of "mũi").
_MEASURE_UNIT_RE = re.compile(
    r"\s?(?P<unit>(?:(?:tỷ|tỉ|triệu|nghìn|ngàn)\s*(?:đồng|đ|usd)(?![^\W\d_])|tr\.?\s?đồng|trđ|tỷ|tỉ|triệu"
    r"|nghìn\s+tấn|vnđ|đồng(?!\s+chí)|đ|usd|tấn|tạ|kg|hecta|héc[\s-]?ta|ha|km2|km²|m2|m²|m3|m³|km|m|phần\s+trăm)"
    r"(?![^\W\d_²³])|(?P<pct>%))(?P<per>(?:\s?/\s?(?!\d)[^\W\d_]+)*)",
    re.IGNORECASE,
)
# A counted noun: up to three words; a rate suffix such as "/ngày" may follow.
_NOUN_RE = re.compile(
    rf"(?P<space>\s?)(?P<words>{_W}[^\W_]*(?:[ ]{_W}+){{0,2}})(?P<per>(?:\s?/\s?(?!\d){_W}+)*)"
)
_WORD_RE = re.compile(rf"{_W}+")

# Multi-word counted nouns kept whole as the unit ("doanh nghiệp", not "doanh").
_COMPOUND_NOUNS = frozenset(
    """
    doanh nghiệp|hợp tác xã|tiêu chí|hồ sơ|lượt người|lượt khách|lượt chi bộ|đảng viên|thanh niên|trẻ em
    |công trình|trường hợp|quần chúng|nhiệm vụ|văn bản|công văn|quyết định|báo cáo|kế hoạch|tờ trình
    |chỉ tiêu|học viên|học sinh|giáo viên|bệnh nhân|đối tượng|viên chức|công chức|cán bộ|cây xanh
    |suất quà|xuất quà|băng zôn|băng rôn|câu khẩu hiệu|khẩu hiệu|hội quán|phiên hội ý|cuộc họp|thông báo
    |dự án|giấy xác nhận|giấy chứng nhận|bộ hồ sơ|chi bộ|nghị quyết|chỉ thị|hướng dẫn|đồng chí|lao động
    |hộ gia đình|hội viên|đoàn viên|nhân khẩu|gia đình|cơ sở|trang trại|mô hình|sản phẩm|lớp học|hội nghị
    |lượt xe|phương tiện|tổ chức|cơ quan|đơn vị|thôn xóm|khu dân cư|tổ dân phố|bộ phận|giấy phép
    |cuộc kiểm tra|cuộc thanh tra|vụ việc|vụ án|đơn thư|lượt công dân|ngôi nhà|căn nhà|nhà ở|con giống
    |tuyến đường|km đường|trường học|phòng học|điểm trường|cây giống|lượt|chuyến|tin bài
    |ý kiến|công dân|chiến sĩ|thị trấn|thành phố|giấy chứng nhận|đêm văn nghệ|buổi tuyên truyền
    """.replace("\n", "").split("|")
)
_COMPOUND_NOUNS = frozenset(n.strip() for n in _COMPOUND_NOUNS if n.strip())

# Units of administration: counted ("8/11 xã đạt chuẩn"), unless a proper name follows.
_PLACE_NOUNS = frozenset(["xã", "huyện", "tỉnh", "phường", "quận"])

# Words that cannot be a counted noun: time and age units (their numbers are no facts),
# function words and verbs (the number has no unit), organisations (a number before them is
# a name or a date).
_TIME_WORDS = frozenset(
    ["năm", "tháng", "ngày", "giờ", "phút", "giây", "tuổi", "tuần", "quý", "kỳ", "khóa", "khoá", "thế"]
)
_NOT_NOUNS = frozenset(
    [
        "và",
        "với",
        "của",
        "là",
        "đạt",
        "được",
        "có",
        "cho",
        "tại",
        "trong",
        "trên",
        "dưới",
        "từ",
        "đến",
        "so",
        "tăng",
        "giảm",
        "bằng",
        "theo",
        "về",
        "ở",
        "thì",
        "mà",
        "các",
        "những",
        "này",
        "đã",
        "đang",
        "sẽ",
        "còn",
        "chiếm",
        "vượt",
        "gồm",
        "như",
        "hoặc",
        "hay",
        "lên",
        "xuống",
        "nay",
        "qua",
        "loại",
        "trở",
        "tới",
        "khi",
        "để",
        "do",
        "vì",
        "nhưng",
        "cùng",
        "sau",
        "trước",
        "ra",
        "vào",
        "tính",
        "đầu",
        "cuối",
        "giữa",
        "ngoài",
        "mới",
        "hết",
        "thêm",
        "lại",
        "nên",
        "hơn",
        "gần",
        "khoảng",
        "ước",
        "ubnd",
        "hđnd",
        "ubmttq",
        "mttq",
        "btv",
        "bch",
        "ban",
        "sở",
        "phòng",
        "thị",
        "thành",
        "quận",
    ]
)

# ---------------------------------------------------------------------------------------------
# Words around a number

# The last words before a number that make it a name, a date or a reference, not a quantity:
# "Nghị quyết 04", "lần thứ 3", "mũi 2", "giai đoạn 2", "Covid 19", "số 5" (but "tổng số 464 hồ sơ"
# is a count). They are looked up as the last one or two words, which is cheap.
_NAME_WORDS = frozenset(
    [
        "số",
        "thứ",
        "lần",
        "kỳ",
        "khóa",
        "khoá",
        "đợt",
        "mũi",
        "covid",
        "chương",
        "điều",
        "khoản",
        "mục",
        "top",
        "hạng",
    ]
)
_NAME_PHRASES = frozenset(
    [
        *("giai đoạn", "nhiệm kỳ", "phụ lục", "cấp độ", "lần thứ", "kỷ niệm", "đề án", "chương trình"),
        *("nghị quyết", "quyết định", "chỉ thị", "nghị định", "thông tư", "công văn", "kết luận"),
        *("quy chuẩn", "tiêu chuẩn"),
    ]
)
# Places and groups named by a number: "quốc lộ 47", "thôn 3", "tổ 5", "đội 2", "lớp 9". A number
# with a measure after such a word is an amount of the place ("ngân sách phường 11 tỷ đồng",
# "đường ngõ xóm 1.580 m"), so these words only rule out counts and bare numbers.
_PLACE_WORDS = frozenset(
    [
        "lộ",
        "đường",
        "tổ",
        "đội",
        "thôn",
        "xóm",
        "ấp",
        "bản",
        "phố",
        "phường",
        "khu",
        "kiệt",
        "hẻm",
        "ngõ",
        "lô",
        "ô",
        "học",
        "lớp",
        "vùng",
        "tuyến",
        "km",
        "đủ",
        "nhóm",
        "loại",
        "khối",
        "trạm",
    ]
)

# A spelled or numbered rank: "xếp thứ nhất", "đứng thứ 3/9 huyện".
# The scan looks for "thứ"/"hạng" (a literal, fast to find); the verb before is checked after.
_RANK_RE = re.compile(
    rf"(?:thứ|hạng)\s+(?P<num>{_NUM}|"
    + "|".join(sorted(SPELLED_ORDINALS, key=len, reverse=True))
    + r")(?![^\W\d_])",
)
_RANK_VERB_BEFORE_RE = re.compile(r"\b(?:xếp|đứng|xếp hạng|xếp loại)\s+$", re.IGNORECASE)
_HEDGE_BEFORE_RE = re.compile(
    r"(?:\b(?P<hedge>gần đạt|gần|trên|hơn|khoảng|ước|xấp xỉ))\s*(?:(?:đạt|là|được|có)\s*)?[:]?\s*$",
    re.IGNORECASE,
)
_UOC_RE = re.compile(r"\bước\b", re.IGNORECASE)
# The verb right before a number (after any hedge).
_VERB_BEFORE_RE = re.compile(
    r"\b(?P<verb>tăng|giảm|vượt|đạt|bằng|chiếm|còn)(?:\s+(?:thêm|được|là|lên|xuống|xuống còn|còn|khoảng))?"
    r"\s*(?:\b(?:gần đạt|gần|trên|hơn|khoảng|xấp xỉ)\s*)?[:]?\s*$",
    re.IGNORECASE,
)
_LEVEL_AFTER_CHANGE_RE = re.compile(r"\b(?:tăng lên|giảm xuống|giảm còn|xuống còn|tăng lên thành)\s*$", re.I)
# Thresholds inside an indicator: "đạt từ 50% kế hoạch trở lên", "đạt dưới 50%".
_THRESHOLD_BEFORE_RE = re.compile(r"\b(?:từ|dưới|tối thiểu|ít nhất)\s*$", re.IGNORECASE)
_THRESHOLD_AFTER_RE = re.compile(r"[^,;.()]{0,40}\btrở (?:lên|xuống)", re.IGNORECASE)

# After a percentage: what it is a percentage of.
_TARGET_AFTER_RE = re.compile(
    r"\s*(?:so\s+với\s+|so\s+)?(?P<kind>(?:KH|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết|NQ|mục\s+tiêu)"
    r"(?:\s+(?!và\b|bằng\b|đạt\b|tăng\b|giảm\b|so\b|cùng\b|với\b)[^\W\d_]+){0,5})",
    re.IGNORECASE,
)
_SAME_PERIOD_AFTER_RE = re.compile(
    r"\s*(?:so\s+với\s+|so\s+)?(?:(?:thực\s+hiện|TH)\s+)?(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?"
    r"|CK\b|năm\s+trước|năm\s+20\d\d|đầu\s+năm|cuối\s+năm\s+20\d\d)",
    re.IGNORECASE,
)
_VS_RE = re.compile(
    r"\bso\s+với\s+(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?|CK\b|năm\s+trước|năm\s+20\d\d"
    r"|đầu\s+năm|đầu\s+nhiệm\s+kỳ|[^,;.()\d]{1,25}?(?=[,;.()]|$))",
    re.IGNORECASE,
)
# A target stated with its value: "(KH: 66 đảng viên)", "(chỉ tiêu huyện giao 197 trẻ)",
# "Dự toán thu ngân sách là 25,6 tỷ đồng; ước thực hiện ...", "theo chỉ tiêu giao là 16 thanh niên".
# The plan word opens the number's clause (or follows "theo"); a few words may name whose plan it
# is; a longer name needs "là" or ":" before the number. No verb of a result comes in between.
_TARGET_KIND = r"(?:KH|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết|NQ|mục\s+tiêu)"
_NOT_RESULT_WORD = r"(?!(?:đạt|được|thực|tăng|giảm|bằng|vượt|ước|còn|chiếm|có|đã|số|khóa|khoá|kỳ|lần|thứ)\b)"
_STATED_TARGET_RE = re.compile(
    rf"(?:^|\btheo\s+)(?P<kind>{_TARGET_KIND}(?:\s+{_NOT_RESULT_WORD}[^\W\d_]+){{0,5}})\s*(?:\blà\b|:)?\s*$",
    re.IGNORECASE,
)
# The long name may hold commas and dashes ("Dự toán thu thuế, phí năm là 8,4 tỷ đồng").
_LONG_STATED_TARGET_RE = re.compile(
    rf"^(?P<kind>{_TARGET_KIND})(?:,?\s+(?:[-–]|{_NOT_RESULT_WORD}[^\W\d_]+)){{0,16}}\s+(?:là|:)\s*$",
    re.IGNORECASE,
)
_PART_OF_RE = re.compile(r"\btrong\s+đó\b", re.IGNORECASE)
_MONEY_CONTEXT_RE = re.compile(r"\b(?:kinh phí|số tiền|tổng tiền|trị giá|giá trị|tiền)\b[^,;]{0,20}$", re.I)

# Indicator clean-up: leading bullets and connectives, trailing verbs and hedges.
_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:(\n]|\btrong\s+đó\b|\bvà\b", re.IGNORECASE)
_LEADING_JUNK_RE = re.compile(
    r"^[\s\-–+•*.·)]*(?:(?:và|trong đó|đồng thời|kết quả|đến nay|hiện nay|tuy nhiên|trong năm|đã)\b[\s:,]*)*",
    re.IGNORECASE,
)
_TRAILING_JUNK_RE = re.compile(
    r"(?:\s*\b(?:ước|đạt|được|là|có|thực hiện|với|cho|còn|xuống|lên|tăng|giảm|trên|hơn|gần|khoảng|tổng"
    r"|số lượng|bằng|chiếm|đã|là|gồm|cụ thể|đến nay|hiện nay|tính đến|toàn)\b|[\s:,\-–(])+$",
    re.IGNORECASE,
)
_POST_STOP_RE = re.compile(
    r"[,;:.()\d\"“”]|\bđạt\b(?=\s*(?:gần|trên|hơn|khoảng|xấp xỉ)?\s*\d)"
    r"|\b(?:bằng|tăng|giảm|so|với|và|trong|đã|là|chiếm|được|vượt|còn|gồm|trị giá|số tiền)\b",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"\s+")
_MAX_INDICATOR_WORDS = 12
_MAX_POST_WORDS = 7


class Quantity(NamedTuple):
    start: int  # first digit
    num_end: int  # end of the number (or of the a/b form)
    end: int  # end of the unit
    value: float
    value_text: str
    unit: str | None
    target: float | None  # b of an a/b form
    is_rank: bool = False


def _is_chrome(text: str, pos: int) -> bool:
    """Is `pos` on a short line of page furniture (a counter, a timestamp, a rating widget)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    return end - start <= _CHROME_MAX_LINE and _CHROME_LINE_RE.search(text, start, end) is not None


def _counted_noun(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """The counted noun right after a number (unit, end offset), or (None, pos)."""
    m = _NOUN_RE.match(text, pos, end)
    if not m:
        return None, pos
    words = m.group("words").split(" ")
    first = words[0].lower()
    if first in _NOT_NOUNS or first in _TIME_WORDS:
        return None, pos
    if (not m.group("space") and not words[0].islower()) or (len(words[0]) == 1 and words[0].isascii()):
        return None, pos  # "7B", "4C", "khu 3d": a name glued to its number ("ý kiến" is a noun)
    if first in _PLACE_NOUNS and len(words) > 1 and words[1][:1].isupper():
        return None, pos  # "5 xã Hòa An": a number before a place's name
    if words[0].isupper() and len(words[0]) > 1 and not any(c.isdigit() for c in words[0]):
        noun_words = [words[0]]  # an acronym such as "HTX" stands alone
    else:
        noun_words = [words[0]]
        for n in (3, 2):
            if len(words) >= n and " ".join(words[:n]).lower() in _COMPOUND_NOUNS:
                noun_words = words[:n]
                break
    noun = " ".join(noun_words)
    noun_end = m.start("words") + len(noun)
    per = ""
    if len(noun_words) == len(words) and m.group("per"):
        per = m.group("per")
        noun_end = m.end("per")
    return normalize_unit(noun + per), noun_end


def _read_quantity(text: str, pos: int, end: int, token: str) -> Quantity | None:
    """The number starting at `pos` with its a/b partner and unit; None when it is no quantity."""
    num_end = pos + len(token)
    value = parse_number(token)
    if value is None:
        return None
    target = None
    slash = _SLASH_FORM_RE.match(text, num_end, end)
    if slash:
        if slash.group(2):
            return None  # d/m/y, or a reference with two slashes
        target = parse_number(slash.group(1))
        if target is None or (value == 1 and target >= 100):
            return None  # unreadable, or a map scale such as "tỷ lệ 1/500"
        num_end = slash.end()
    if _RANGE_AFTER_RE.match(text, num_end, end) or _REFERENCE_AFTER_RE.match(text, num_end, end):
        return None
    value_text = text[pos:num_end]
    mixed = _MIXED_MONEY_RE.match(text, num_end, end)
    if mixed and target is None:
        millions = parse_number(mixed.group(2))
        if millions is not None:
            unit_end = mixed.end()
            return Quantity(
                pos, unit_end, unit_end, value + millions / 1000, text[pos:unit_end].strip(), "tỷ đồng", None
            )
    unit_pos = num_end
    if text.startswith(")", unit_pos) and text[pos - 1 : pos] == "(":
        unit_pos += 1  # "3,2%(57) hộ": the count in brackets, its noun after
    measure = _MEASURE_UNIT_RE.match(text, unit_pos, end)
    if measure:
        unit = normalize_unit(measure.group("unit") + measure.group("per"))
        return Quantity(pos, num_end, measure.end(), value, value_text, unit, target)
    noun, noun_end = _counted_noun(text, unit_pos, end)
    day_month = noun is not None and target is not None and value <= 31 and target <= 12
    if day_month and not text[unit_pos:noun_end].strip()[:1].islower():
        return None  # "19/5 Hội ...": a day and month before a name
    if noun is None:
        if _TIME_WORD_AFTER_RE.match(text, unit_pos, end):
            return None
        return Quantity(pos, num_end, num_end, value, value_text, None, target)
    return Quantity(pos, num_end, noun_end, value, value_text, noun, target)


_TIME_WORD_AFTER_RE = re.compile(r"\s?(?:năm|tháng|ngày|giờ|tuổi|tuần|quý)(?![^\W\d_])", re.IGNORECASE)


# "năm 2021", "tháng 6", "ngày 15", "quý 2": a date part when the number fits one.
_DATE_WORD_BEFORE_RE = re.compile(r"\b(?P<word>năm|tháng|ngày|quý)\s*$", re.IGNORECASE)
_DATE_PART_RANGE = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4)}
_QUANTITY_WORD_BEFORE_RE = re.compile(
    r"\b(?:cho|được|đạt|có|là|gồm|khoảng|trên|gần|hơn|ước|tổng số|tăng|giảm|vượt|còn)\s*:?\s*$", re.IGNORECASE
)
_BLANK_PREFIX_RE = re.compile(r"[\s\-–+•*]*")
_YEAR_LOW, _YEAR_HIGH = 1950, 2100
# A heading number at a line start ("3.4 Công tác ...", "2. Kết quả").
_HEADING_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s")
# Words before a number that make it a threshold or a lower bound, not a quantity.
_BOUND_BEFORE_RE = re.compile(r"\b(?:từ|ít nhất|tối thiểu|dưới)\s*$", re.IGNORECASE)


def _is_name_or_date(text: str, sent_start: int, q: "Quantity") -> bool:
    before = text[max(sent_start, q.start - 25) : q.start]
    tail = before.rstrip(" \t\xa0:.")
    if tail.endswith(("-", "–")):
        return True  # "Covid-19", "1-2"
    words = [w.strip("([“\"'") for w in tail.lower().rsplit(None, 2)[-2:]]
    last = words[-1] if words else ""
    if last in _NAME_WORDS and not (last == "số" and len(words) == 2 and words[0] == "tổng"):
        return True
    if " ".join(words) in _NAME_PHRASES:
        return True
    if last in _PLACE_WORDS and unit_info(q.unit).kind in (None, "count"):
        return True
    date_word = _DATE_WORD_BEFORE_RE.search(before)
    if date_word:
        low, high = _DATE_PART_RANGE[date_word.group("word").lower()]
        if low <= q.value <= high and q.value == int(q.value):
            return True
    line_start = text.rfind("\n", 0, q.start) + 1
    if _BLANK_PREFIX_RE.fullmatch(text, line_start, q.start) and _HEADING_NUMBER_RE.match(text, q.start):
        return "." in text[q.start : q.num_end + 1]
    # A bare four-digit year ("mùa xuân 2031 an toàn"): Vietnamese writes a count of thousands
    # with a separator ("2.031 hộ"), so an unseparated number in the years' range is a year,
    # unless a word of quantity leads to it and a counted noun follows ("cho 2031 hộ").
    if not (q.value_text.isdigit() and _YEAR_LOW <= q.value <= _YEAR_HIGH):
        return False
    kind = unit_info(q.unit).kind
    if kind == "count" and _QUANTITY_WORD_BEFORE_RE.search(before):
        return False
    return kind in (None, "count")


_MARKS_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\[\d{1,2}\]\)?|[*“”\"]")


_TRAILING_SCAN = 60


def _clean_indicator(raw: str) -> str:
    raw = " ".join(_MARKS_RE.sub("", raw).split())
    raw = _LEADING_JUNK_RE.sub("", raw)
    # Trailing junk is a few words at most: only the end is scanned (a "$" search tries every offset).
    cut = max(0, len(raw) - _TRAILING_SCAN)
    cut = raw.find(" ", cut) + 1 if cut else 0
    raw = raw[:cut] + _TRAILING_JUNK_RE.sub("", raw[cut:])
    words = raw.split(" ")
    if len(words) > _MAX_INDICATOR_WORDS:
        words = words[-_MAX_INDICATOR_WORDS:]
    return " ".join(words).strip(" ,;:-–")


def _new_fact(q: Quantity) -> dict:
    return {
        "_pos": q.start,
        "fact_index": None,
        "indicator_text": None,
        "value": q.value,
        "value_text": q.value_text,
        "unit": q.unit,
        "approx": None,
        "target_value": q.target,
        "target_kind": None,
        "pct_target": None,
        "pct_target_decimals": None,
        "pct_same_period": None,
        "change_direction": None,
        "change_amount": None,
        "change_unit": None,
        "change_vs": None,
        "quote": None,
        "char_start": None,
        "char_end": None,
        "section_path": None,
        "domain": None,
        "footnote": None,
        "part_of": None,
        "extra_targets": [],
    }


def _kind_text(raw: str) -> str:
    kind = _SPACES_RE.sub(" ", raw).strip()
    if kind.upper().startswith("KH"):
        kind = "kế hoạch" + kind[2:]
    if kind.upper() == "NQ":
        kind = "nghị quyết"
    return kind


def _add_target(fact: dict, pct: float, decimals: int, kind: str | None) -> None:
    if fact["pct_target"] is None:
        fact["pct_target"], fact["pct_target_decimals"] = pct, decimals
        fact["target_kind"] = fact["target_kind"] or kind
    else:
        fact["extra_targets"].append(
            {"target_value": None, "pct_target": pct, "pct_target_decimals": decimals, "target_kind": kind}
        )


def _set_target_value(fact: dict, value: float) -> None:
    if fact["extra_targets"]:
        fact["extra_targets"][-1]["target_value"] = value
    elif fact["target_value"] is None:
        fact["target_value"] = value


class _Clause:
    """The facts of one sentence, and which one a describing number attaches to."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.current: dict | None = None
        self.current_end = 0  # where the current fact's last piece ends
        self.last_was_pct_target = False
        self.pending_target: tuple[Quantity, str] | None = None  # a target stated before its value


# Words that may open a describing clause without making it a new subject: "..., và tăng 5%",
# "..., đồng thời bằng 98% cùng kỳ", "...; ước cả năm đạt 90% KH".
_ATTACH_GAP_WORDS = frozenset(
    ["và", "đồng", "thời", "trong", "đó", "so", "với", "ước", "tính", "cả", "năm", "riêng", "thực", "hiện"]
)
# Where a describing clause starts: after a comma, semicolon, colon or an opening bracket.
_DESCRIBING_BOUNDARY_RE = re.compile(r"[,;:(]")


def _host(text: str, clause: _Clause, sent_start: int, verb_start: int) -> dict | None:
    """The fact a describing number at `verb_start` belongs to, or None when it stands alone.

    A percentage of plan, of the same period or a change describes the sentence's latest fact
    when its own clause names no new subject: "Tiếp nhận 51 đơn khiếu nại, tố cáo, kiến nghị,
    tăng 39% so với cùng kỳ" (the clause ", tăng 39% ..." opens on its verb). A clause that
    names something first is a claim of its own: "đàn gà đạt 90% KH, đàn vịt đạt 70% KH".
    When the latest fact sat inside brackets that have closed, the share is the outer fact's
    ("03 hợp tác xã (02 HTX nông nghiệp và 01 HTX dịch vụ) đạt 75% chỉ tiêu").
    """
    fact, end = clause.current, clause.current_end
    if fact is None:
        return None
    close = text.find(")", end, verb_start)
    if close != -1:
        opened = text.rfind("(", sent_start, fact["_pos"])
        if opened != -1 and text.find(")", opened, fact["_pos"]) == -1:
            outer = [f for f in clause.facts if f["_pos"] < opened]
            if outer:
                fact, end = outer[-1], close + 1
    gap = text[end:verb_start]
    boundaries = list(_DESCRIBING_BOUNDARY_RE.finditer(gap))
    if not boundaries:
        return fact if len(gap) <= 80 else None
    own_clause = gap[boundaries[-1].end() :]
    words = [w.lower() for w in _WORD_RE.findall(own_clause)]
    return fact if all(w in _ATTACH_GAP_WORDS for w in words) else None


def _stated_target(text: str, sent_start: int, pos: int, after_pct_target: bool) -> str | None:
    """The plan's name when the number at `pos` states a target ("KH: 66 đảng viên"), else None.

    Right after a percentage of plan, a bare amount in brackets is that plan's figure:
    "đạt 95% dự toán huyện giao (8 tỷ đồng)" (its name is then the empty string).
    """
    cut = max(
        text.rfind(",", sent_start, pos), text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    )
    clause = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
    if not clause and after_pct_target and cut != -1 and text[cut] == "(":
        return ""
    m = _STATED_TARGET_RE.search(clause) or _LONG_STATED_TARGET_RE.search(clause)
    if m is None and cut != -1 and text[cut] == ",":
        cut = max(text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos))
        whole = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
        m = _LONG_STATED_TARGET_RE.search(whole)
    return _kind_text(m.group("kind")) if m else None


def _same_measure(a: str | None, b: str | None) -> bool:
    """Units of one kind; counted nouns must be the same noun ("nhà" and "nhà")."""
    if scoring_kind(a) != scoring_kind(b):
        return False
    return unit_info(a).kind != "count" or (a or "").split(" ")[0] == (b or "").split(" ")[0]


def _target_host(facts: list[dict], unit: str | None) -> dict | None:
    """The latest fact of the sentence in the same unit kind: the one a stated target is for."""
    for fact in reversed(facts):
        if _same_measure(fact["unit"], unit):
            return fact
    return None


def _take_pending_target(clause: _Clause, fact: dict) -> None:
    """A target stated earlier in the sentence goes to the first fact of its unit kind."""
    pending = clause.pending_target
    if pending is None or fact["target_value"] is not None:
        return
    target_q, kind = pending
    if _same_measure(target_q.unit, fact["unit"]):
        fact["target_value"], fact["target_kind"] = target_q.value, kind
        clause.pending_target = None


# "Hoàn thành 100% chỉ tiêu giao quân với 24/24 thanh niên": the share comes first, the value after.
_SHARE_THEN_VALUE_RE = re.compile(r"\s*(?:với|gồm|là|:)\s*$", re.IGNORECASE)


def _take_leading_share(text: str, clause: _Clause, fact: dict) -> None:
    """A bare percentage of plan right before the value it is the share of becomes that value's."""
    share = clause.current
    if (
        share is None
        or share["unit"] != "%"
        or share["pct_target"] is None
        or share["value"] != share["pct_target"]
        or fact["pct_target"] is not None
        or not _SHARE_THEN_VALUE_RE.fullmatch(text, clause.current_end, fact["_pos"])
    ):
        return
    clause.facts.remove(share)
    for key in ("pct_target", "pct_target_decimals", "target_kind", "approx"):
        fact[key] = fact[key] if fact[key] is not None else share[key]
    fact["char_start"] = share["char_start"]
    fact["quote"] = text[fact["char_start"] : fact["char_end"]]


def _clause_start(text: str, sent_start: int, floor: int, pos: int) -> int:
    """Where the clause holding the number at `pos` starts: the last boundary before it."""
    start = max(sent_start, floor)
    window = text[start:pos]
    cut = start
    for m in _CLAUSE_BOUNDARY_RE.finditer(window):
        # a bracket closed before the number is part of the clause ("thu (đến 15/10) thực hiện")
        if m.group(0) == "(" and ")" in window[m.end() :]:
            continue
        cut = start + m.end()
    # An empty clause ("với tổng kinh phí:512.300.000") borrows the words before its boundary.
    if not _WORD_RE.search(_TRAILING_JUNK_RE.sub("", text[cut:pos])) and cut > start:
        prev = text[start : cut - 1]
        prev_cut = start
        for m in _CLAUSE_BOUNDARY_RE.finditer(prev):
            if m.group(0) == "(" and ")" in prev[m.end() :]:
                continue
            prev_cut = start + m.end()
        cut = prev_cut
    return cut


def _post_words(text: str, pos: int, end: int) -> tuple[str, int]:
    """Words right after a counted noun, up to a stop word or punctuation (max a few words)."""
    stop = _POST_STOP_RE.search(text, pos, end)
    stop_at = stop.start() if stop else end
    chunk = text[pos:stop_at]
    words = chunk.split()
    if len(words) > _MAX_POST_WORDS:
        words = words[:_MAX_POST_WORDS]
    post = " ".join(words)
    if not post:
        return "", pos
    return post, text.index(words[-1], pos) + len(words[-1])


def _sentence_facts(
    text: str, sent_start: int, sent_end: int, quantities: list[Quantity], plan_markers: list[int]
) -> list[dict]:
    clause = _Clause()
    part_marker = _PART_OF_RE.search(text, sent_start, sent_end)
    part_start = part_marker.start() if part_marker else None
    parent: dict | None = None
    prev_end = sent_start
    for q in quantities:
        before = text[max(sent_start, q.start - 45) : q.start]
        # The unit first: most numbers without one (dates, codes) are dropped here, cheaply.
        unit = q.unit
        # A number without a unit inside "tổng ... trong đó" takes the total's unit.
        if unit is None and parent is not None and part_start is not None and q.start > part_start:
            unit = parent["unit"]
        if unit is None and q.value >= 1000 and _MONEY_CONTEXT_RE.search(before):
            unit = "đồng"  # "với kinh phí 58,340,000": money without its unit
        if unit is None:
            continue
        is_pct = unit == "%"
        after_pct_target = clause.last_was_pct_target
        stated = None if is_pct or q.is_rank else _stated_target(text, sent_start, q.start, after_pct_target)
        if stated is None and not q.is_rank and _is_name_or_date(text, sent_start, q):
            continue
        if q.unit != "%" and _BOUND_BEFORE_RE.search(before):
            continue  # "có ít nhất 02 sản phẩm", "từ 03 xóm": a bound, not a result
        if plan_markers and _plan_before(text, plan_markers, q.start):
            continue
        if stated is not None:
            # A target, never a fact: it belongs to a fact of its unit, before it or after it.
            host = _target_host(clause.facts, unit)
            if host is not None:
                _set_target_value(host, q.value)
                if host["target_kind"] is None:
                    host["target_kind"] = stated or None
            else:
                clause.pending_target = (q._replace(unit=unit), stated or None)
            close = text.find(")", q.end, min(sent_end, q.end + 3))
            stated_end = close + 1 if close != -1 else q.end
            if host is not None and host is clause.current:
                clause.current_end = stated_end
            prev_end = max(prev_end, stated_end)
            continue
        verb_m = _VERB_BEFORE_RE.search(before)
        verb = verb_m.group("verb").lower() if verb_m else None
        verb_start = q.start - (len(before) - verb_m.start()) if verb_m else q.start
        if verb in ("tăng", "giảm") and _LEVEL_AFTER_CHANGE_RE.search(before):
            verb = "còn"
        target_m = _TARGET_AFTER_RE.match(text, q.end, sent_end) if is_pct or verb == "vượt" else None
        same_m = _SAME_PERIOD_AFTER_RE.match(text, q.end, sent_end)
        if (
            is_pct
            and _THRESHOLD_BEFORE_RE.search(before.rstrip())
            and (target_m or _THRESHOLD_AFTER_RE.match(text, q.end))
        ):
            continue  # a threshold inside the indicator's wording
        if is_pct and _THRESHOLD_BEFORE_RE.search(before) and verb is None:
            continue
        host = _host(text, clause, sent_start, verb_start)
        fact_index_before = len(clause.facts)
        end = q.end

        if verb in ("tăng", "giảm") or (verb == "vượt" and same_m and not target_m):
            direction = "tăng" if verb in ("tăng", "vượt") else "giảm"
            vs_m = _VS_RE.search(text, q.end, sent_end)
            vs = _SPACES_RE.sub(" ", vs_m.group("vs")).strip() if vs_m else None
            if vs_m and vs_m.start() - q.end < 4:
                end = vs_m.end()
            change = {
                "change_direction": direction,
                "change_amount": q.value,
                "change_unit": unit,
                "change_vs": vs,
            }
            if host is not None and host["change_direction"] is None:
                host.update(change)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                continue
            fact = _new_fact(q._replace(target=None))
            fact["unit"] = unit
            fact.update(change)
            _finish(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif verb == "vượt" and target_m:
            if not is_pct:
                prev_end = max(prev_end, q.end)
                continue  # "vượt 5 ha so với kế hoạch": an excess, not a target
            pct = q.value if q.value >= 100 else 100 + q.value
            kind = _kind_text(target_m.group("kind"))
            end = target_m.end()
            if host is not None:
                _add_target(host, pct, decimals_printed(q.value_text), kind)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                clause.last_was_pct_target = True
                continue
            fact = _new_fact(q)
            fact.update(
                unit="%", pct_target=pct, pct_target_decimals=decimals_printed(q.value_text), target_kind=kind
            )
            _finish(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif is_pct and target_m:
            kind = _kind_text(target_m.group("kind"))
            end = target_m.end()
            decimals = decimals_printed(q.value_text)
            if host is not None:
                _add_target(host, q.value, decimals, kind)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                clause.last_was_pct_target = True
                continue
            pending = clause.pending_target
            if pending is not None:
                # "theo chỉ tiêu giao là 16 thanh niên đạt 100% KH": the plan was met, its
                # figure is the result.
                target_q, stated_kind = pending
                clause.pending_target = None
                fact = _new_fact(target_q._replace(target=target_q.value if q.value == 100 else None))
                fact.update(pct_target=q.value, pct_target_decimals=decimals, target_kind=stated_kind)
                _finish(text, fact, sent_start, prev_end, target_q, target_q.start, end)
                q = target_q
            else:
                fact = _new_fact(q)
                fact.update(pct_target=q.value, pct_target_decimals=decimals, target_kind=kind)
                _finish(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
            clause.last_was_pct_target = True
            clause.current, clause.current_end = fact, end
            prev_end = end
            continue
        elif is_pct and same_m and verb not in ("chiếm", "còn"):
            end = same_m.end()
            if host is not None:
                if host["pct_same_period"] is None:
                    host["pct_same_period"] = q.value
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                continue
            fact = _new_fact(q)
            fact["pct_same_period"] = q.value
            _finish(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif is_pct and host is not None and host["target_value"] is not None and _bracketed(text, q):
            # "96/120 hộ (80%)": the share of the a/b form's target
            _add_target(host, q.value, decimals_printed(q.value_text), None)
            clause.current, clause.current_end = host, q.end + 1
            prev_end = max(prev_end, q.end + 1)
            continue
        else:
            fact = _new_fact(q)
            fact["unit"] = unit
            _take_pending_target(clause, fact)
            _finish(text, fact, sent_start, prev_end, q, verb_start, end)
            _take_leading_share(text, clause, fact)
            clause.facts.append(fact)

        if len(clause.facts) > fact_index_before:
            fact = clause.facts[-1]
            if part_start is not None and q.start < part_start:
                parent = fact
            elif part_start is not None and parent is not None and fact is not parent:
                fact["_parent"] = parent
            clause.current, clause.current_end = fact, end
            clause.last_was_pct_target = False
        prev_end = max(prev_end, end)
    return clause.facts


_PAST_MARKER_RE = re.compile(r"\b(?:đã|đạt|được|kết quả)\b", re.IGNORECASE)


def _plan_before(text: str, plan_markers: list[int], pos: int) -> bool:
    """Is the number at `pos` part of a plan ("phấn đấu năm 2025 kết nạp 12 đảng viên")?

    It is when a plan word comes before it in the sentence with no word of a result
    ("đã", "đạt", "được") in between.
    """
    last = None
    for marker_end in plan_markers:
        if marker_end > pos:
            break
        last = marker_end
    return last is not None and not _PAST_MARKER_RE.search(text, last, pos)


def _bracketed(text: str, q: Quantity) -> bool:
    return text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")"


def _finish(
    text: str, fact: dict, sent_start: int, floor: int, q: Quantity, verb_start: int, end: int
) -> None:
    """Fill the fact's hedge, indicator and quote from the words around its number."""
    clause_start = _clause_start(text, sent_start, min(floor, q.start), q.start)
    pre_end = min(verb_start, q.start)
    hedge_m = _HEDGE_BEFORE_RE.search(text, max(clause_start, q.start - 25), q.start)
    if hedge_m:
        fact["approx"] = hedge_m.group("hedge").lower()
        pre_end = min(pre_end, hedge_m.start())
    elif _UOC_RE.search(text, clause_start, q.start):
        fact["approx"] = "ước"
    pre = _clean_indicator(_UOC_RE.sub(" ", text[clause_start:pre_end]))
    info = unit_info(fact["unit"])
    post, post_end = "", q.end
    if info.kind == "count" and not fact["change_direction"] and not q.is_rank:
        post, post_end = _post_words(text, q.end, min(len(text), q.end + 120))
    if info.kind == "count" and not q.is_rank:
        indicator = " ".join(p for p in (fact["unit"], _clean_indicator(post) or pre) if p)
    elif info.kind == "percent" and not pre:
        post, post_end = _post_words(text, q.end, min(len(text), q.end + 120))
        indicator = post
    else:
        indicator = pre or (fact["unit"] if q.is_rank else "")
    if q.is_rank:
        indicator = ("xếp hạng " + pre).strip()
    fact["indicator_text"] = indicator or None
    start = clause_start
    while start < q.start and text[start] in " \t\r\n-–+•*.·,;:)":
        start += 1
    stop = max(end, post_end, q.end)
    fact["char_start"], fact["char_end"] = start, stop
    fact["quote"] = text[start:stop]


def _quantities(
    text: str, sent_start: int, sent_end: int, tokens: list[re.Match], ranks: list[re.Match]
) -> list[Quantity]:
    found: list[Quantity] = []
    consumed = sent_start
    rank_starts = {}
    for r in ranks:
        rank_starts[r.start("num")] = r
    for m in tokens:
        if m.start() < consumed:
            continue
        rank = rank_starts.pop(m.start(), None)
        if rank is not None:
            value = parse_number(rank.group("num"))
            slash = _SLASH_FORM_RE.match(text, rank.end("num"), sent_end)
            end = slash.end() if slash and not slash.group(2) else rank.end("num")
            if value is not None:
                found.append(Quantity(m.start(), end, end, value, m.group(), "thứ", None, True))
            consumed = end
            continue
        q = _read_quantity(text, m.start(), sent_end, m.group())
        if q is None:
            date_like = _DATE_LIKE_RE.match(text, m.start(), sent_end)
            consumed = date_like.end() if date_like else m.end()
            continue
        found.append(q)
        consumed = q.num_end
    for r in rank_starts.values():  # spelled ranks: "xếp thứ nhất"
        value = parse_number(r.group("num").lower())
        if value is not None:
            found.append(
                Quantity(r.start("num"), r.end("num"), r.end("num"), value, r.group("num"), "thứ", None, True)
            )
    found.sort(key=lambda q: q.start)
    return found


def extract_facts(text: str) -> list[dict]:
    """The report's facts in text order, as dicts with the keys of transforms.schema.FACT_SCHEMA."""
    tokens = list(_TOKEN_RE.finditer(text))
    ranks = [
        m
        for m in _RANK_RE.finditer(text)
        if _RANK_VERB_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    if not tokens and not ranks:
        return []
    outline = section_outline(text)
    # Only sentences that hold a number are read: group the numbers by sentence.
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    by_sentence: dict[int, tuple[list, list]] = {}
    for kind, matches in ((0, tokens), (1, ranks)):
        for m in matches:
            i = bisect_right(ends, m.start())
            by_sentence.setdefault(i, ([], []))[kind].append(m)
    facts: list[dict] = []
    for i in sorted(by_sentence):
        sent_start = ends[i - 1] if i > 0 else 0
        sent_end = ends[i] if i < len(ends) else len(text)
        sent_tokens, sent_ranks = by_sentence[i]
        sent_ranks.sort(key=lambda m: m.start())
        if _is_chrome(text, sent_tokens[0].start() if sent_tokens else sent_ranks[0].start()):
            continue
        section = outline.at(sent_start)
        if section is not None and section.is_plan and not outline.in_footnote(sent_start):
            continue
        quantities = _quantities(text, sent_start, sent_end, sent_tokens, sent_ranks)
        if not quantities:
            continue
        plan_markers = [m.end() for m in _PLAN_SENTENCE_RE.finditer(text, sent_start, sent_end)]
        for fact in _sentence_facts(text, sent_start, sent_end, quantities, plan_markers):
            _place(text, fact, outline, section)
            facts.append(fact)
    return _finalize(facts)


_TOKEN_RE = re.compile(_NUM)
_MARK_AFTER_RE = re.compile(r"\s?\(?\[\d{1,2}\]\)?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_DATE_LIKE_RE = re.compile(rf"{_NUM}(?:\s*[/-]\s*{_NUM})*")


def _place(text: str, fact: dict, outline: Outline, section) -> None:
    """The fact's section, domain and footnote (a marker in its quote or right after it)."""
    if section is not None:
        fact["section_path"], fact["domain"] = section.path, section.domain
    if not outline.footnotes:
        return
    keys = footnote_markers(fact["quote"])
    mark_after = _MARK_AFTER_RE.match(text, fact["char_end"])
    if mark_after:
        keys += footnote_markers(mark_after.group())
    for key in keys:
        if key in outline.footnotes:
            fact["footnote"] = outline.footnotes[key]
            break


def _words(s: str | None) -> set[str]:
    return set(_WORD_RE.findall((s or "").lower()))


def _same_claim(a: dict, b: dict) -> bool:
    if a["value"] != b["value"] or a["unit"] != b["unit"]:
        return False
    wa, wb = _words(a["indicator_text"]), _words(b["indicator_text"])
    if wa == wb:
        return True
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


def _restates_pct(fact: dict, kept: list[dict]) -> bool:
    """A bare percentage that repeats another fact's share of plan ("Thu ngân sách đạt 61,4%" restating "... 3 tỷ đồng, đạt 61,4% dự toán")."""
    if fact["unit"] != "%" or fact["pct_target"] is not None or fact["change_direction"]:
        return False
    words = _words(fact["indicator_text"]) - _RATE_WORDS
    return bool(words) and any(
        k["pct_target"] == fact["value"]
        and len(words & _words(k["indicator_text"])) >= max(2, 0.6 * len(words))
        for k in kept
    )


_RATE_WORDS = frozenset(["tỷ", "lệ"])


def _finalize(facts: list[dict]) -> list[dict]:
    kept: list[dict] = []
    kept_by_value: dict[tuple, list[dict]] = {}
    for fact in facts:
        same_value = kept_by_value.setdefault((fact["value"], fact["unit"]), [])
        if any(_same_claim(fact, k) for k in same_value) or _restates_pct(fact, kept):
            fact.pop("_parent", None)
            continue
        kept.append(fact)
        same_value.append(fact)
    index = {id(f): i for i, f in enumerate(kept)}
    for fact in facts:
        fact.pop("_pos", None)
    for i, fact in enumerate(kept):
        fact["fact_index"] = i
        parent = fact.pop("_parent", None)
        fact["part_of"] = index.get(id(parent)) if parent is not None else None
    return kept
