"""A report's metadata — issuer, reporting unit, number, date, period, signer — read from its text.

The rules follow the layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP):
an issuer block ("ĐẢNG BỘ HUYỆN X / ĐẢNG ỦY XÃ Y", "UBND HUYỆN X / UBND XÃ Y"), "Số: 12/BC-UBND",
the national motto, a date line "X, ngày 5 tháng 7 năm 2023", the title "BÁO CÁO ...", the body,
"Nơi nhận:" and a signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"). They also cover
the web pages that republish reports: page chrome around the text, a page date ("Ngày cập nhật
06/12/2021", "Thứ sáu - 25/03/2022 16:19"), and reports shown without their header.

A field the text does not state is None, never a guess. Each field is taken from the most
authoritative place that states it, in this order:
issuer block → signature block → title → the report's sentences about itself → body mentions.
"""

import re
import unicodedata
from collections import Counter
from datetime import date

from transforms import admin_levels
from transforms.catalog import words
from transforms.schema import METADATA_SCHEMA
from transforms.vocabulary import CROP_SEASONS_PATTERN

# ---------------------------------------------------------------------------------------------
# Letters. Python's `re` has no \p{Lu}, so upper/lower-case classes are built from the Latin
# blocks that Vietnamese uses.
_LATIN_BLOCKS = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
_UPPER = "".join(chr(c) for a, b in _LATIN_BLOCKS for c in range(a, b + 1) if chr(c).isupper())
_LOWER = "".join(chr(c) for a, b in _LATIN_BLOCKS for c in range(a, b + 1) if chr(c).islower())
_U, _L = f"[{_UPPER}]", f"[{_LOWER}]"

# "ủy" is also spelled with the old tone placement "uỷ"; both must match everywhere.
_UY = "(?:ủy|uỷ)"


def _variants(pattern: str) -> str:
    """A lower-case pattern with every "ủy" accepting both spellings."""
    return pattern.replace("ủy", _UY)


# Administrative levels (transforms/data/admin_levels.csv), longest first so "thị xã" wins over "xã".
_LEVEL = admin_levels.level_pattern()

# Words that end a place name: the next field of a flattened header, a date, a connective.
_NAME_STOP = _variants(
    r"(?i:năm\s+\d|quý\s+(?:[ivx]+|\d)\b|tháng\s+\d|ngày\s+\d|số\b|cộng\s+h[òo]à?|độc\s+lập|"
    r"đảng\b|về\s+việc|và\b|của\b|trong\b|tại\b|theo\b|kh[óo]á?\b|nhiệm\s+kỳ|báo\s+cáo|kính\s+gửi|"
    # A headline in capitals runs the name into its verb: "ĐẢNG BỘ XÃ X TỔ CHỨC HỘI NGHỊ".
    r"tổ\s+chức|vừa\b|đã\b|họp\b|hội\s+nghị|kỳ\s+họp|triển\s+khai|đánh\s+giá|sơ\s+kết|tổng\s+kết|"
    r"giao\s+ban|thông\s+qua|phấn\s+đấu|thực\s+hiện|nhiệm\s+vụ|tình\s+hình|kết\s+quả|"
    r"ubnd|hđnd|ủy\s+ban|" + admin_levels.level_pattern() + r"\b)"
)
_NAME_WORD = rf"(?!{_NAME_STOP})(?:{_U}{_L}+|{_U}+)(?:['’]{_U}?{_L}*)?"
_PLACE_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}}"
_NUMBERED_PLACE = r"\d{1,2}\b(?![ \t]+(?i:tháng|năm|quý|ngày)\b)"  # "Phường 5", not "xã 4 tháng đầu năm"

# Organisations. The canonical issuer value is the dict key.
_ORGS = {
    "UBND": r"ủy\s+ban\s+nhân\s+dân|ubnd",
    "HĐND": r"(?:thường\s+trực\s+)?(?:hội\s+đồng\s+nhân\s+dân|hđnd)",
    "MTTQ": r"(?:ban\s+thường\s+trực\s+)?(?:ủy\s+ban\s+)?(?:mặt\s+trận\s+tổ\s+quốc|mttq)(?:\s+việt\s+nam|\s*vn)?"
    r"|ubmttq(?:vn)?",
    "Đảng ủy": r"ban\s+chấp\s+hành\s+đảng\s+bộ|bch\s+đảng\s+bộ|ban\s+thường\s+vụ\s+đảng\s+ủy|đảng\s+ủy",
}
_PARTY_ORG = "Đảng bộ"  # the Party organisation: names the parent in a Party issuer block
_ORG_ALTERNATIVES = "|".join(f"(?P<org{i}>{_variants(p)})" for i, p in enumerate(_ORGS.values()))
_ORG_KEYS = list(_ORGS)

# "UBND XÃ TÂN HÒA", "Đảng ủy thị trấn Hưng Lộc", "ĐẢNG BỘ HUYỆN X"; the name is optional
# because texts refer to themselves as "UBND xã".
_ORG_MENTION = re.compile(
    rf"(?i:(?:{_ORG_ALTERNATIVES}|(?P<party>đảng\s+bộ))\s+(?P<level>{_LEVEL}))"
    rf"(?:(?:[ \t]+|(?<=\.))(?P<name>{_PLACE_NAME}|{_NUMBERED_PLACE}))?"
)
_BARE_ORG = re.compile(rf"^(?i:{_ORG_ALTERNATIVES}|đảng\s+bộ)$")
# Party committees named after their level: "HUYỆN ỦY X", "Thị ủy", "THÀNH ỦY", "Tỉnh ủy".
_FUSED_LEVEL = admin_levels.party_prefixes()  # "thị" → "thị xã": "Thị ủy" is a thị xã's committee
_FUSED_PARTY = re.compile(
    _variants(
        r"(?i:(?:ban\s+thường\s+vụ\s+|ban\s+chấp\s+hành\s+)?(?P<fused>"
        + "|".join(sorted(_FUSED_LEVEL, key=len, reverse=True))
        + r")\s+ủy)"
    )
    + rf"(?:[ \t]+(?P<name>{_PLACE_NAME}))?"
)
# A bare place mention in running text: "xã Tân Hòa", "huyện An Phước". Only title-case words
# count as a name here (running text is full of acronyms: "cấp tỉnh PCI"), and "cấp huyện" is a
# tier, not a place.
_RUNNING_NAME_WORD = rf"(?!{_NAME_STOP}){_U}{_L}+(?:['’]{_U}?{_L}*)?"
_PLACE_MENTION = re.compile(
    rf"(?<![{_UPPER}{_LOWER}])(?<!(?i:cấp) )(?P<level>(?i:{_LEVEL}))"
    rf"[ \t]+(?P<name>{_RUNNING_NAME_WORD}(?:[ \t]+{_RUNNING_NAME_WORD}){{0,4}})"
)

# ---------------------------------------------------------------------------------------------
# Header lines.
# Whitespace runs below are possessive (*+): a run is never split between two quantifiers, so a
# line of ten thousand spaces costs linear time instead of cubic.
_DATE_LINE = re.compile(
    r"(?:^[ \t]*+|(?<=[ \t]{2})|(?<=\t)|(?<=VIỆT NAM )|(?<=HẠNH PHÚC )|(?<=Hạnh phúc ))[*_]*+"
    rf"(?:(?i:{_LEVEL})[ \t]*+(?:{_NUMBERED_PLACE})|(?:(?i:{_LEVEL})[ \t]*+)?(?P<place>{_PLACE_NAME}))[ \t]*+,[ \t]*+"
    r"(?i:ngày)[ \t]*+(?:(?P<day>\d{1,2})[ \t]*+(?i:tháng)[ \t]*+(?P<month>\d{1,2})[ \t]*+(?i:năm)[ \t]*+(?P<year>\d{4})"
    r"|(?P<blank>[.…_]*+)[ \t]*+(?i:tháng)[ \t]*+\d{1,2}[ \t]*+(?i:năm)[ \t]*+\d{4}"
    r"|(?P<dday>\d{1,2})[ \t]*+[/.-][ \t]*+(?P<dmonth>\d{1,2})[ \t]*+[/.-][ \t]*+(?P<dyear>\d{4}))",
    re.MULTILINE,
)
_DOC_NUMBER = re.compile(
    r"(?<![^\s*_])(?:Số|SỐ|Số\s+ký\s+hiệu|Số\s+hiệu(?:\s+văn\s+bản)?|Ký\s+hiệu)[ \t]*+:?[ \t]*+"
    r"(?P<number>\d{1,5}[a-z]?(?:[ \t]*+[-/][ \t]*+(?:\d{2,4}|[A-ZĐ][A-ZĐa-zđ]*+\.?))*"
    r"[ \t]*+[-/][ \t]*+[A-ZĐ][A-ZĐa-zđ]*+(?:[ \t]*+[-/][ \t]*+[A-ZĐ0-9][A-ZĐa-zđ0-9]*+)*)"
)
_SEPARATOR_SPACES = re.compile(r"\s*([-/])\s*")
# A page stamped in ISO form at the start of a line: "date 2025-12-28 ...".
# (or a month only, "date 2024-07": no issued date, but the year of the period)
_ISO_PAGE_DATE = re.compile(
    r"^[ \t]*(?i:date)[ \t]*:?[ \t]*(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\b", re.MULTILINE
)
_WEEKDAY = re.compile(r"(?i:thứ\s+\S+|chủ\s+nhật)")
# A page's own date stamp, on a line of its own or after a bar ("Chuyên mục: ... | Đăng ngày:
# 12/06/2024"): the date with a publication label, a weekday or a time of day right by it, and
# at most a few words after ("20/11/2020 07:43 Số lượt xem: 104"). A date inside a sentence
# ("Lúc 14 giờ ngày 20/5/2024, UBND xã ...") has other words before its stamp, or many after.
_STAMP_WORD = r"""(?:
      (?P<label>ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc|\s+ngày)?|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc
        |ngày\s+ban\s+hành|ngày\s+xuất\s+bản|xuất\s+bản)
    | (?P<weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)
    | (?P<time1>\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)
    | ngày
    )"""
# Day, month and year with one separator throughout: "12/03/2024", "12-03-2024", "12.03.2024".
_DMY = r"(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})"
_STAMPED_DATE = re.compile(
    rf"""(?:^|[|•]\s*)                                   # the line's start, or after a bar
    (?:{_STAMP_WORD}[\s,:\-–]*)*                          # label, weekday, time, "ngày"
    (?:{_DMY}|(?<=:\s)(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}}))  # ISO after a label
    (?!\d|(?P=sep))
    (?:[\s,\-–|]*(?P<time2>\d{{1,2}}:\d{{2}}(?::\d{{2}})?))?
    (?:\W*\w+){{0,6}}\W*$                                # a few words at most after it""",
    re.IGNORECASE | re.VERBOSE,
)
# Among a page's first lines, a date ending a short line: a category or a bare page date
# ("Tin Kinh tế - Đời sống 23/12/2021"); never the end of a period ("... đến 30/6/2024").
_LINE_END_DATE = re.compile(
    r"^(?!.*\b(?:đến|từ|ngày)\s+\d{1,2}/\d{1,2}/\d{4}\s*$)(?:\S+\s+){0,6}?"
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
_PAGE_DATE_LINE_MAX = 90
_PAGE_HEAD_LINES = 8
# Below a site's clock: its widgets ("x", "+", "aa") or its greeting.
_WIDGET_CHARS = 3
_SITE_GREETING = re.compile(r"(?i:chào\s+mừng)")

# The title: "BÁO CÁO" on its own line or followed by its subject.
_TITLE_START = re.compile(r"^[ \t*_#]*+(?P<head>BÁO\s+CÁO|Báo\s+cáo)\b[ \t:]*+(?P<rest>.*)$", re.MULTILINE)
_RULE_LINE = re.compile(r"^[\s\-_*=.~–—]+$")
_BODY_START = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Trong\s|Kính\s+gửi|Phần\s|[IVX]+\.|[A-Z]\.|\d+\.|-|\+|•)", re.IGNORECASE
)
_TITLE_MAX_LINE = 220

# ---------------------------------------------------------------------------------------------
# Signature block.
_AUTHORITY = re.compile(
    r"(?:^[ \t]*+|(?<=[ \t]{2})|(?<=\t))[*_]*+"
    r"(?P<auth>T\.?[ \t]*+/?[ \t]*+M|K\.?[ \t]*+/?[ \t]*+T|T\.?[ \t]*+/?[ \t]*+L|TUQ|Q\.)"
    rf"(?:[ \t]*+[./][ \t]*+|[ \t]++)(?P<rest>{_U}.*)$",
    re.MULTILINE,
)
_ROLE = _variants(
    r"(?:phó\s+)?(?:chủ\s+tịch|bí\s+thư|trưởng\s+ban|phó\s+ban|trưởng\s+phòng|chánh\s+văn\s+phòng"
    r"|giám\s+đốc|ủy\s+viên(?:\s+ban\s+thường\s+vụ)?)(?:\s+thường\s+trực)?"
)
_ROLE_CELL = re.compile(rf"^(?i:{_ROLE})$")
_SIGNER_ORGS = (
    ("HĐND", re.compile(r"(?i:thường\s+trực\s+)?(?i:hội\s+đồng\s+nhân\s+dân|hđnd)")),
    ("MTTQ", re.compile(r"(?i:ban\s+thường\s+trực\s+)?(?i:.*(?:mặt\s+trận|mttq))")),
    ("UBND", re.compile(_variants(r"(?i:ủy\s+ban\s+nhân\s+dân|ubnd)"))),
    (
        "Đảng ủy",
        re.compile(
            _variants(r"(?i:đảng\s+ủy|ban\s+thường\s+vụ|ban\s+chấp\s+hành|bch|(?:huyện|thị|thành|tỉnh)\s+ủy)")
        ),
    ),
)
_PERSON = re.compile(rf"^(?:{_U}{_L}+[ \t]+){{1,5}}{_U}{_L}*$|^(?:{_U}+[ \t]+){{1,5}}{_U}+$")
_SIGNED_MARK = re.compile(r"\((?i:[^)]*ký[^)]*)\)|\[(?i:daky|đã\s+ký)\]|(?i:đã\s+ký)")
_CELL_SPLIT = re.compile(r"[ \t]{2,}|\t")
_RECIPIENTS = re.compile(r"(?i:nơi\s+nhận)")
# "Người ký: Nguyễn Văn A", alone on its line or after another field of a document site's table
# ("Nơi ban hành: Tỉnh X Người ký: Nguyễn Văn A").
_SIGNER_LABEL = re.compile(
    rf"(?:^|(?<=[ \t]))[ \t*_]*(?i:người\s+ký)[ \t]*:[ \t]*(?P<name>{_U}{_L}+(?:[ \t]+{_U}{_L}+){{1,5}})[ \t]*$"
)

# ---------------------------------------------------------------------------------------------
# Reporting period.
_DATE_IN_TEXT = re.compile(
    r"(?i:ngày)\s+\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:\s+(?i:năm)\s+\d{4})?|\d{1,2}/\d{1,2}/\d{4}"
)
# A period a few words after a plan word is planned, not reported on (period_plan_words.csv).
_PLANNED = re.compile(
    r"\b(?:"
    + "|".join(sorted(map(re.escape, words("period_plan_words")), key=len, reverse=True))
    + r")\b(?:[\s,;:]+[^\s,;:]+){0,9}\s*$",
    re.IGNORECASE,
)
_PLAN_REACH = 60
# "UBND huyện họp phiên thường kỳ tháng 11": the month of a regular meeting is when it sat, not
# the period its report covers.
_MEETING_MONTH = re.compile(r"\b(?:thường\s+kỳ|thường\s+lệ|phiên\s+họp)\s*$", re.IGNORECASE)
_MEETING_REACH = 20
# "tăng 105 con so với 6 tháng đầu năm 2020": a period compared with is no period reported on,
# nor is the year that closes it.
_COMPARED_WITH = re.compile(
    r"""\bso(?:\s+với)?(?:\s+cùng\s+kỳ)?
        (?:\s+(?:\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?|quý\s+\w+|tháng\s+\d{1,2}))?  # the period, its year next
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_COMPARED_REACH = 40
# "vụ Xuân 2023": a crop season of a year (crop_seasons.csv) is a period of no kind of the warehouse's.
_PERIOD = re.compile(
    rf"(?i:(?P<season>vụ\s+(?:{CROP_SEASONS_PATTERN}))\s+(?:năm\s+)?(?P<sy>(?:19|20)\d{{2}})\b(?!\s*[-–]\s*\d))"
    r"|(?i:(?P<months>(?P<n>\d{1,2}|sáu|chín)\s+tháng(?:\s+(?P<edge>đầu|cuối))?)"
    r"|(?P<half>nửa\s+(?P<half_edge>đầu|cuối)\s+năm)"
    r"|(?P<quarter>quý\s+(?P<q>iv|i{1,3}|[1-4])\b)"
    r"|(?P<month>tháng\s+(?P<m>\d{1,2})\b)"
    r"|(?P<year>năm\s+(?P<y>(?:19|20)\d{2})\b(?!\s*[-–]\s*\d)))"
)
# A plan ("Số: 30/KH-UBND": KH is the plan's type code, BC a report's) reports on the period of
# its results section, a line that opens on its results ("A. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024").
_PLAN_NUMBER = re.compile(r"/KH\b")
_RESULTS_HEADING = re.compile(
    r"^[ \t*_#]*(?:[A-Z]|[IVX]+|\d+)?[.)]?[ \t]*(?i:đánh\s+giá\s+)?(?i:kết\s+quả|tình\s+hình)\s+(?i:thực\s+hiện)",
    re.MULTILINE,
)
_RESULTS_REACH = 120
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_REACH = 40
_CLOSING_DATE = re.compile(
    r"(?i:đến)\s+(?:(?i:hết|ngày)\s+)*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<year>(?:19|20)\d{2})\b"
)
_WORD_NUMBERS = {"sáu": 6, "chín": 9}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

# ---------------------------------------------------------------------------------------------
# The report's sentences about itself: "UBND huyện báo cáo ...", "Trên đây là báo cáo ... của UBND xã";
# the body's name may carry its abbreviation in brackets ("Ủy ban nhân dân (UBND) xã báo cáo").
_ABBREVIATION = r"(?:\s*\([^()\d]{1,12}\))?"
_SELF_REFERENCE = re.compile(
    rf"(?i:(?:{_ORG_ALTERNATIVES}){_ABBREVIATION}\s+(?P<level>{_LEVEL}))\s+(?i:kính\s+)?"
    r"(?i:báo\s+cáo|kiểm\s+điểm)\b"
    rf"|(?i:trên\s+đây\s+là)[^.]{{0,200}}?(?i:của\s+)(?i:(?:{_ORG_ALTERNATIVES.replace('?P<org', '?P<xorg')})"
    rf"{_ABBREVIATION}\s+(?P<xlevel>{_LEVEL}))"
)

_WS = re.compile(r"[ \t\u00a0]+")
_MARKUP = re.compile(r"\*\*|__|[\u200b\u200c\u200d\ufeff]")
_HEADER_LOOKBACK_LINES = 14
_OPENING_CHARS = 1000


def extract_metadata(text: str) -> dict:
    """The report's metadata, with exactly the keys of METADATA_SCHEMA; unstated fields are None."""
    text = _clean(text)
    flat = _WS.sub(" ", text)
    lines = text.split("\n")
    record = dict.fromkeys(METADATA_SCHEMA)

    date_line = _DATE_LINE.search(text)
    header = _header_region(text, date_line)
    title, title_end = _title(text, date_line)
    record["title"] = title

    number = _DOC_NUMBER.search(header)
    record["doc_number"] = _SEPARATOR_SPACES.sub(r"\1", number.group("number")) if number else None
    if date_line:
        record["issued_date"] = _date_from_line(date_line)
    else:
        record["issued_date"] = _page_date(text)

    signature = _signature(lines)
    unit = _reporting_unit(text, flat, lines, date_line, title, signature["unit"])
    record.update(
        issuer=unit["issuer"],
        admin_level=unit["level"],
        locality=unit["locality"],
        parent_locality=unit["parent"],
        parent_level=unit["parent_level"],
        signer=signature["signer"],
        signer_title=signature["signer_title"],
    )

    # The title names the period; failing that, the opening of the body restates it. A plan's
    # title names the period planned: it reports on the one its results section names.
    opening = text[title_end : title_end + _OPENING_CHARS] if title else text[:_OPENING_CHARS]
    is_plan = record["doc_number"] is not None and _PLAN_NUMBER.search(record["doc_number"])
    period = (is_plan and _results_period(text)) or _period(title or "") or _period(opening)
    period = _to_date_period(text, period)
    if period:
        kind, index, year, later_year, stem = period
        if year is None and kind != "year":  # "6 tháng đầu năm": the page's date says which year
            year = record["issued_date"].year if record["issued_date"] else _stamped_year(text)
        year = year or later_year or _closing_year(text)
        if year is not None:
            record.update(
                period_year=year, period_kind=kind, period_index=index, period_label=f"{stem} {year}"
            )
    return record


# ---------------------------------------------------------------------------------------------
# Text preparation.


def _clean(text: str) -> str:
    """NFC, Unix newlines, no bold markers or zero-width characters, no-break spaces as spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _MARKUP.sub("", text).replace("\u00a0", " ")


def _title_case(name: str) -> str:
    """ "HƯNG LỘC" → "Hưng Lộc"; names already in title case are kept as written."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def _level(raw: str) -> str:
    return admin_levels.canonical(raw) or " ".join(raw.lower().rstrip(".").split())


def _org_key(match: re.Match, prefix: str = "org") -> str | None:
    for i, key in enumerate(_ORG_KEYS):
        if match.group(f"{prefix}{i}"):
            return key
    return None


# ---------------------------------------------------------------------------------------------
# Number, dates, title.


def _header_region(text: str, date_line: re.Match | None) -> str:
    """Where the number and the issuer block lie: up to the date line, or the top of the text."""
    if date_line:
        return text[max(0, date_line.start() - 1500) : date_line.end()]
    return text[:3000]


def _date_from_line(match: re.Match) -> date | None:
    if match.group("blank") is not None:
        return None  # "ngày    tháng 7 năm 2023": the day was never filled in
    if match.group("day"):
        parts = match.group("year", "month", "day")
    else:
        parts = match.group("dyear", "dmonth", "dday")
    return _safe_date(*(int(p) for p in parts))


def _page_date(text: str) -> date | None:
    """The first full date the page stamps on the report, on a short line of its own: labelled,
    timed or with a weekday (`_STAMPED_DATE`), or, among the page's first lines, a date that
    ends a short line ("Tin Kinh tế 23/12/2021", "30/10/2025"). A date right above the site's
    banner or its widgets is the site's clock, not the report's."""
    lines = [line.strip(" \t*_•·") for line in text.split("\n")]
    filled = [i for i, line in enumerate(lines) if line]
    for rank, i in enumerate(filled):
        line = lines[i]
        if len(line) > _PAGE_DATE_LINE_MAX:
            continue
        stamp = _stamped_date(line)
        if stamp is None and rank < _PAGE_HEAD_LINES:
            stamp = _LINE_END_DATE.search(line)
        if stamp is None:
            continue
        following = next((lines[j] for j in filled[rank + 1 : rank + 2]), "")
        if len(following) <= _WIDGET_CHARS or _SITE_GREETING.match(following):
            continue  # the site's clock
        found = _stamp_date(stamp)
        if found:
            return found
    iso = next((m for m in _ISO_PAGE_DATE.finditer(text) if m.group("day")), None)
    if iso:
        return _safe_date(int(iso.group("year")), int(iso.group("month")), int(iso.group("day")))
    return None


def _stamped_date(line: str) -> re.Match | None:
    stamp = _STAMPED_DATE.search(line)
    if stamp is None or not any(stamp.group("label", "weekday", "time1", "time2")):
        return None  # no stamp: a bare "Ngày 24/6/2024, ..." opens a sentence
    return stamp


def _stamp_date(stamp: re.Match) -> date | None:
    """The date a stamp writes, day first or in ISO form."""
    if stamp.re is _STAMPED_DATE and stamp.group("iso_year"):
        return _safe_date(
            int(stamp.group("iso_year")), int(stamp.group("iso_month")), int(stamp.group("iso_day"))
        )
    return _safe_date(int(stamp.group("year")), int(stamp.group("month")), int(stamp.group("day")))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _title(text: str, date_line: re.Match | None) -> tuple[str | None, int]:
    """(title, where it ends): the formal title after the date line, else the page's first
    "BÁO CÁO ..." line."""
    start = date_line.end() if date_line else 0
    match = _TITLE_START.search(text, start)
    if match is None or (date_line and match.start() - date_line.end() > 800):
        match = _TITLE_START.search(text, 0, 4000)
    if match is None:
        return None, 0
    head, rest = match.group("head"), match.group("rest").strip()
    if len(rest) > _TITLE_MAX_LINE:
        return None, 0  # a sentence of the body that begins "Báo cáo ..."
    parts = [head] + ([rest] if rest else [])
    end = match.end()
    blank_run = 0
    for line_match in re.finditer(r"[^\n]*", text[end:]):
        line = line_match.group(0).strip(" \t*_#")
        if not line:
            blank_run += 1
            if blank_run > 6:
                break
            continue
        # The subject follows a bare "BÁO CÁO"; after that only a wrapped line (lower case, or
        # straight below without a blank) continues it.
        if len(parts) > 1 and not ((blank_run == 0 and len(parts) == 2 and not rest) or line[0].islower()):
            break
        if _RULE_LINE.match(line) or len(line) > _TITLE_MAX_LINE or _stamped_date(line):
            break
        if len(parts) > 1 and _BODY_START.match(line):
            break
        parts.append(line)
        end = match.end() + line_match.end()
        blank_run = 0
        if len(parts) > 4:
            break
    if len(parts) == 1:
        return None, 0
    return _WS.sub(" ", " ".join(parts)).strip().rstrip(".").strip(), end


# ---------------------------------------------------------------------------------------------
# Reporting unit.


def _empty_unit() -> dict:
    return {"issuer": None, "level": None, "locality": None, "parent": None, "parent_level": None}


def _reporting_unit(
    text: str, flat: str, lines: list[str], date_line: re.Match | None, title: str | None, signed: dict
) -> dict:
    """Issuer, level, name and parent of the reporting unit, each from the most authoritative
    place that states it: issuer block, signature, title, the report's sentences about itself,
    the subject of a news page's opening, then the places the body names most."""
    unit = _unit_from_issuer_block(lines, text, date_line)
    _fill_unit(unit, signed)
    if title:
        _fill_unit(unit, _unit_from_title(title))
    _fill_unit(unit, _unit_from_self_reference(flat))
    _fill_unit(unit, _unit_from_credit(flat))
    _fill_unit(unit, _unit_from_opening(flat[:_OPENING_SUBJECT_CHARS], flat))
    if not unit["level"]:
        _fill_unit(unit, _unit_from_subject_place(flat[:_OPENING_SUBJECT_CHARS]))
    if unit["issuer"] and not unit["level"]:
        unit["level"] = _most_mentioned_level(flat, unit["issuer"])
    if not unit["level"]:
        unit["level"] = _own_level(flat)
    if not unit["level"]:
        unit["level"], unit["locality"] = _most_named_place(flat)
    if unit["level"] and not unit["locality"]:
        place = date_line.group("place") if date_line else None
        unit["locality"] = _headline_place(flat[:_OPENING_SUBJECT_CHARS], flat) or (
            _most_mentioned_place(flat, (unit["level"],), tie_break=place)
        )
    if not unit["parent"]:
        unit["parent"], unit["parent_level"] = _parent_place(flat, unit["level"])
    return unit


def _parent_place(flat: str, level: str | None) -> tuple[str | None, str | None]:
    """The parent most named at the nearest tier that names one ("huyện X" before "tỉnh Y")."""
    by_tier: dict[str, list[str]] = {}
    for parent in admin_levels.parent_levels(level):
        by_tier.setdefault(admin_levels.tiers(parent)[0], []).append(parent)
    for levels in by_tier.values():
        name, parent_level = _most_mentioned_place_and_level(flat, tuple(levels))
        if name:
            return name, parent_level
    return None, None


def _fill_unit(unit: dict, found: dict) -> None:
    """Fills unit's empty fields from a less authoritative source that agrees with it."""
    if unit["issuer"] and found["issuer"] and found["issuer"] != unit["issuer"]:
        return
    if unit["level"] and found["level"] and found["level"] != unit["level"]:
        return
    for key, value in found.items():
        if unit[key] is None and value is not None:
            unit[key] = value


def _unit_from_issuer_block(lines: list[str], text: str, date_line: re.Match | None) -> dict:
    """The issuer block: consecutive organisation lines just above the date line (or the number)."""
    unit = _empty_unit()
    if date_line:
        end_line = text.count("\n", 0, date_line.end())
    else:
        number = _DOC_NUMBER.search(text, 0, 3000)
        if number is None:
            return unit
        end_line = text.count("\n", 0, number.end())
    mentions = []
    for line in _join_split_orgs(lines[max(0, end_line - _HEADER_LOOKBACK_LINES) : end_line + 1]):
        mentions.extend(_org_lines(line))
    if not mentions:
        return unit
    issuer_at = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i][0] != _PARTY_ORG), None)
    if issuer_at is None:  # only "ĐẢNG BỘ ..." lines: the lowest one is the committee that issues
        issuer_at = len(mentions) - 1
    org, level, name = mentions[issuer_at]
    unit.update(issuer="Đảng ủy" if org == _PARTY_ORG else org, level=level, locality=name)
    if issuer_at > 0 and mentions[issuer_at - 1][2]:
        unit["parent"], unit["parent_level"] = mentions[issuer_at - 1][2], mentions[issuer_at - 1][1]
    return unit


def _join_split_orgs(lines: list[str]) -> list[str]:
    """Header lines with "ỦY BAN NHÂN DÂN" / "HUYỆN X" written on two lines joined into one."""
    joined: list[str] = []
    pending = ""
    for line in lines:
        line = line.strip(" \t*_")
        if not line:
            continue
        if _BARE_ORG.match(line):
            pending = f"{pending} {line}".strip()
            continue
        joined.append(f"{pending} {line}".strip())
        pending = ""
    if pending:
        joined.append(pending)
    return joined


def _org_lines(line: str) -> list[tuple[str, str | None, str | None]]:
    """(org, level, name) for each organisation written back to back from the start of a line."""
    found = []
    pos = 0
    line = line.rstrip()
    while True:
        while pos < len(line) and line[pos] in " \t*_-–":
            pos += 1
        match = _ORG_MENTION.match(line, pos) or _FUSED_PARTY.match(line, pos)
        if match is None:
            break
        found.append(_mention_parts(match))
        pos = match.end()
    return found


def _mention_parts(match: re.Match) -> tuple[str, str | None, str | None]:
    name = match.group("name")
    name = _title_case(name) if name else None
    if "fused" in match.re.groupindex:
        return "Đảng ủy", _FUSED_LEVEL[match.group("fused").lower()], name
    org = _PARTY_ORG if match.group("party") else _org_key(match)
    return org, _level(match.group("level")), name


def _unit_from_title(title: str) -> dict:
    """ "... của UBND xã năm 2021", "Báo cáo của Đảng ủy phường X": the organisation that reports."""
    unit = _empty_unit()
    for match in list(_ORG_MENTION.finditer(title)) + list(_FUSED_PARTY.finditer(title)):
        org, level, name = _mention_parts(match)
        if org == _PARTY_ORG:
            continue
        unit.update(issuer=org, level=level, locality=name)
        break
    return unit


def _unit_from_self_reference(flat: str) -> dict:
    """ "UBND thị xã báo cáo ...", "Trên đây là báo cáo ... của Đảng ủy xã": the unit that reports."""
    unit = _empty_unit()
    votes = Counter()
    for match in _SELF_REFERENCE.finditer(flat):
        if match.group("level"):
            votes[(_org_key(match), _level(match.group("level")))] += 1
        else:
            votes[(_org_key(match, "xorg"), _level(match.group("xlevel")))] += 1
    if votes:
        (org, level), _ = votes.most_common(1)[0]
        unit.update(issuer=org, level=level)
    return unit


def _most_mentioned_level(flat: str, issuer: str) -> str | None:
    """The level the issuer's own organisation is written with most often ("UBND thị xã")."""
    counts = Counter()
    for match in _ORG_MENTION.finditer(flat):
        if not match.group("party") and _org_key(match) == issuer:
            counts[_level(match.group("level"))] += 1
    if issuer == "Đảng ủy":
        for match in _FUSED_PARTY.finditer(flat):
            counts[_FUSED_LEVEL[match.group("fused").lower()]] += 1
    return counts.most_common(1)[0][0] if counts else None


def _most_mentioned_place(flat: str, levels: tuple[str, ...], tie_break: str | None = None) -> str | None:
    """The name written most often after one of `levels` ("xã Tân Hòa"); None if none is."""
    return _most_mentioned_place_and_level(flat, levels, tie_break)[0]


def _most_mentioned_place_and_level(
    flat: str, levels: tuple[str, ...], tie_break: str | None = None
) -> tuple[str | None, str | None]:
    """(name, its level) written most often after one of `levels`; (None, None) if none is."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    level_of: dict[str, str] = {}
    for match in _PLACE_MENTION.finditer(flat):
        level = _level(match.group("level"))
        if level not in levels or _TITLE_OF_PERSON.search(flat, max(0, match.start() - 40), match.start()):
            continue
        name = _title_case(match.group("name"))
        counts[name] += 1
        first_seen.setdefault(name, match.start())
        level_of.setdefault(name, level)
    if not counts:
        return None, None
    tie = _title_case(tie_break) if tie_break else None
    best = max(counts, key=lambda n: (counts[n], n == tie, -first_seen[n]))
    return best, level_of[best]


# The opening of a news page: its headline and first paragraph name the body that reports.
_OPENING_SUBJECT_CHARS = 1200
# An organisation named as part of a person's title ("Phó Chủ tịch UBND xã", "Bí thư Huyện ủy") or
# by a web portal's banner is not the page's subject.
_CHAIRS = re.compile(r"(?i:chủ\s+trì)")
_CHAIR_REACH = 160
# The head of a body, right before its name ("Phó Chủ tịch thường trực UBND tỉnh").
_HEAD_ROLE_BEFORE = re.compile(r"(?i:(?:chủ\s+tịch|bí\s+thư)(?:\s+thường\s+trực)?)\s*$")
_ROLE_BEFORE = re.compile(
    _variants(
        r"(?i:(?:chủ\s+tịch|bí\s+thư)(?:\s+thường\s+trực)?|pcttt|pct|ct|thuộc|ủy\s+viên|uv|btv|bch|trưởng|phó|lãnh\s+đạo|đại\s+diện|đại\s+biểu|"
        r"thành\s+viên|cán\s+bộ|văn\s+phòng|cơ\s+quan|cổng\s+thông\s+tin(?:\s+điện\s+tử)?|và|"
        # a committee of the body ("Ban Pháp chế HĐND"), or the body that set a target
        # ("Nghị quyết số 26 của HĐND huyện", "kế hoạch UBND tỉnh giao")
        r"ban(?:\s+[^\s,;]+){1,3}|(?:nghị\s+quyết|dự\s+toán|kế\s+hoạch|chỉ\s+tiêu)(?:\s+số\s+\S+)?(?:\s+của)?)"
        r"[ \t,]*$"
    )
)
# "Phó Chủ tịch UBND tỉnh Nguyễn Văn A": the name after a person's title is the person's.
_TITLE_OF_PERSON = re.compile(
    _variants(r"(?i:chủ\s+tịch|bí\s+thư|giám\s+đốc|trưởng|chánh\s+văn\s+phòng)(?i:\s+thường\s+trực)?[ \t]+")
    + rf"(?i:{_ORG_ALTERNATIVES.replace('?P<org', '?P<porg')})[ \t]+$"
)
# "UBND các xã", "UBND xã, phường": several units, not one.
_PLURAL_AFTER = re.compile(rf"[ \t]+(?i:các|những)\b|[ \t]*,[ \t]*(?i:{_LEVEL})\b")
# "UBND ... trình bày báo cáo", "báo cáo của UBND": a session page whose figures the UBND presented.
_UBND_PRESENTS = re.compile(
    _variants(
        r"(?i:(?:ủy\s+ban\s+nhân\s+dân|ubnd)[^.;]{0,60}?(?:trình\s+bày|báo\s+cáo)"
        r"|báo\s+cáo[^.;]{0,60}?(?:ủy\s+ban\s+nhân\s+dân|ubnd))"
    )
)
# "Theo báo cáo của UBND xã X", "báo cáo của Ban Thường vụ Huyện ủy": the body the page credits.
_CREDITED = re.compile(_variants(r"(?i:báo\s+cáo\s+(?:đánh\s+giá\s+)?của)[ \t]+"))


def _unit_from_credit(flat: str) -> dict:
    """The organisation a page credits with the report it summarises ("Theo báo cáo của ...")."""
    unit = _empty_unit()
    for credit in _CREDITED.finditer(flat):
        match = _ORG_MENTION.match(flat, credit.end()) or _FUSED_PARTY.match(flat, credit.end())
        if match:
            org, level, name = _mention_parts(match)
            unit.update(issuer="Đảng ủy" if org == _PARTY_ORG else org, level=level, locality=name)
            return unit
    return unit


# "Huyện Tiền Phong, tỉnh X: ...", "Phường Y tổ chức hội nghị": a page that names its unit as the
# subject without an organisation.
_SUBJECT_PLACE = re.compile(
    rf"(?:^|(?<=[.:!?] )|(?<=\d )|(?<=\b(?i:của) ))[ \t]*(?P<level>(?i:{_LEVEL}))[ \t]+(?P<name>{_PLACE_NAME})",
    re.MULTILINE,
)


def _unit_from_subject_place(opening: str) -> dict:
    unit = _empty_unit()
    headline_end = opening.find("\n", len(opening) - len(opening.lstrip()))
    for match in _SUBJECT_PLACE.finditer(opening):
        in_headline = headline_end < 0 or match.start() < headline_end
        if (match.group("level")[0].isupper() or in_headline) and not _ROLE_BEFORE.search(
            opening, max(0, match.start() - 30), match.start()
        ):
            unit.update(level=_level(match.group("level")), locality=_title_case(match.group("name")))
            return unit
    return unit


_PASSIVE_BEFORE = re.compile(r"\b(?:được|bị)\s+$", re.IGNORECASE)


def _unit_from_opening(opening: str, flat: str) -> dict:
    """The first organisation the headline or first paragraph names as acting ("UBND xã X tổ
    chức hội nghị", "Ban Chấp hành Đảng bộ huyện Y họp"), not as a person's title."""
    unit = _empty_unit()
    mentions = sorted(
        [*_ORG_MENTION.finditer(opening), *_FUSED_PARTY.finditer(opening)], key=lambda m: m.start()
    )
    for match in mentions:
        if _ROLE_BEFORE.search(opening, max(0, match.start() - 30), match.start()):
            continue
        if _PASSIVE_BEFORE.search(opening, max(0, match.start() - 8), match.start()):
            continue  # "5 sản phẩm được UBND huyện quyết định 3 sao": it acts in a claim, not reports
        if match.group("name") is None and _PLURAL_AFTER.match(opening, match.end()):
            continue
        org, level, name = _mention_parts(match)
        issuer = "Đảng ủy" if org == _PARTY_ORG else org
        if issuer == "HĐND" and _UBND_PRESENTS.search(flat):
            issuer = "UBND"
        unit.update(issuer=issuer, level=level, locality=name or _later_name(opening, level, match.end()))
        return unit
    return _unit_of_chair(opening, mentions)


def _unit_of_chair(opening: str, mentions: list[re.Match]) -> dict:
    """ "Chủ tịch UBND tỉnh ... chủ trì phiên họp đánh giá ...", "dưới sự chủ trì của đồng chí
    ..., Phó Chủ tịch UBND tỉnh": a page that names no acting body credits the body the one who
    chairs the meeting heads (the name after it is the person's, not a place's)."""
    unit = _empty_unit()
    chair = _CHAIRS.search(opening)
    if chair is None:
        return unit
    headed = [
        m
        for m in mentions
        if abs(m.start() - chair.start()) <= _CHAIR_REACH
        and _HEAD_ROLE_BEFORE.search(opening, max(0, m.start() - 30), m.start())
    ]
    if headed:
        match = min(headed, key=lambda m: abs(m.start() - chair.start()))
        org, level, _person = _mention_parts(match)
        unit.update(issuer="Đảng ủy" if org == _PARTY_ORG else org, level=level)
    return unit


def _later_name(opening: str, level: str | None, start: int) -> str | None:
    """The name a later mention of the same level gives, when the subject was written without it."""
    for match in _ORG_MENTION.finditer(opening, start):
        if _ROLE_BEFORE.search(opening, max(0, match.start() - 30), match.start()):
            continue  # "Chánh Văn phòng UBND tỉnh Nguyễn Văn A": a person's name follows
        if match.group("name") and _level(match.group("level")) == level:
            return _title_case(match.group("name"))
    return None


# "trên địa bàn xã", "toàn huyện", "của thị xã": the unit speaks of itself by its level alone.
_OWN_LEVEL = re.compile(
    rf"(?i:(?:địa\s+bàn|toàn|của)[ \t]+(?P<level>{_LEVEL}))(?![ \t]*,)(?![ \t]+(?:{_U}|\d))"
)


def _most_named_place(flat: str) -> tuple[str | None, str | None]:
    """(level, name) of the place a page naming no body and no level of its own names most; of
    two named as often, the lower tier (a district page names its province: "tỉnh X nói chung
    và huyện Y nói riêng")."""
    counts: Counter[tuple[str, str]] = Counter()
    for match in _PLACE_MENTION.finditer(flat):
        if not _TITLE_OF_PERSON.search(flat, max(0, match.start() - 40), match.start()):
            counts[(_level(match.group("level")), _title_case(match.group("name")))] += 1
    if not counts:
        return None, None
    order = admin_levels.levels()
    return max(counts, key=lambda k: (counts[k], -order.index(k[0]) if k[0] in order else -99))


def _own_level(flat: str) -> str | None:
    """The level a page naming no organisation uses for its own unit, when one level dominates."""
    counts = Counter(_level(m.group("level")) for m in _OWN_LEVEL.finditer(flat))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


# A headline that opens with the unit's name: "Tân Phú: ...", "Tân Phú – ...".
_HEADLINE_NAME = re.compile(rf"(?:^|(?<=[ \t]{{2}}))(?P<name>{_PLACE_NAME})[ \t]*(?::|[–—-][ \t])")


def _headline_place(opening: str, flat: str) -> str | None:
    """The name a headline opens with, when the text also writes it after a level word."""
    for match in _HEADLINE_NAME.finditer(opening):
        name = _title_case(match.group("name"))
        if re.search(rf"(?i:{_LEVEL})[ \t]+{re.escape(name)}\b", flat):
            return name
    return None


# ---------------------------------------------------------------------------------------------
# Signature block.


def _signature(lines: list[str]) -> dict:
    """Signer, title and the signing organisation from the last signature block of the text."""
    result = {"signer": None, "signer_title": None, "unit": _empty_unit()}
    labelled = next((m for m in map(_SIGNER_LABEL.search, lines) if m), None)
    start = _signature_start(lines)
    if start is None:
        if labelled:
            result["signer"] = labelled.group("name")
        return result
    line_no, authority_rest = start
    if authority_rest:
        result["unit"] = _unit_from_authority(authority_rest)
        # "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH": the organisation is on the line above.
        for above in lines[max(0, line_no - 3) : line_no][::-1]:
            upper = _AUTHORITY.search(above)
            if upper and not result["unit"]["issuer"]:
                result["unit"] = _unit_from_authority(upper.group("rest").strip())
        role = _ROLE_CELL.match(authority_rest.strip())
        if role:
            result["signer_title"] = _role_case(role.group(0))
    seen_cells = 0
    for line in lines[line_no + 1 : line_no + 16]:
        for cell in _cells(line):
            if _RECIPIENTS.match(cell):
                continue
            if _ROLE_CELL.match(cell):
                result["signer_title"] = _role_case(cell)
            elif result["signer_title"] and _PERSON.match(cell):
                result["signer"] = _title_case(cell)
                return result
            seen_cells += 1
        if seen_cells > 12:
            break
    if labelled and result["signer"] is None:
        result["signer"] = labelled.group("name")
    return result


def _signature_start(lines: list[str]) -> tuple[int, str | None] | None:
    """(line number, text after "TM."/"KT."...) of the last signature block, or of its role line."""
    for line_no in range(len(lines) - 1, -1, -1):
        match = _AUTHORITY.search(lines[line_no])
        if match:
            return line_no, match.group("rest").strip()
    # No "TM." line: a bare role ("CHỦ TỊCH") in the last part of the text starts the block.
    for line_no in range(len(lines) - 1, len(lines) * 2 // 5, -1):
        cells = _cells(lines[line_no])
        if cells and _ROLE_CELL.match(cells[-1]) and cells[-1].isupper():
            return line_no - 1, None
    return None


def _cells(line: str) -> list[str]:
    """A line split where a flattened table put its columns side by side; signed marks removed."""
    cleaned = _SIGNED_MARK.sub(" ", line.strip(" \t*_"))
    return [c.strip(" .;,") for c in _CELL_SPLIT.split(cleaned) if c.strip(" .;,")]


def _unit_from_authority(rest: str) -> dict:
    """ "ỦY BAN NHÂN DÂN HUYỆN" → UBND, huyện; "BAN THƯỜNG VỤ" → Đảng ủy."""
    unit = _empty_unit()
    mention = _ORG_MENTION.match(rest) or _FUSED_PARTY.match(rest)
    if mention:
        org, level, name = _mention_parts(mention)
        unit.update(issuer="Đảng ủy" if org == _PARTY_ORG else org, level=level, locality=name)
        return unit
    for org, pattern in _SIGNER_ORGS:
        if pattern.match(rest):
            unit["issuer"] = org
            level = re.search(rf"(?i:{_LEVEL})\s*$", rest)
            unit["level"] = _level(level.group(0)) if level else None
            return unit
    return unit


_ROLE_WORDS_CAPITALISED = ("chủ", "bí", "thường", "trưởng", "ủy", "uỷ", "chánh", "giám", "phó")


def _role_case(role: str) -> str:
    """ "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực"."""
    words = role.lower().split()
    return " ".join(
        w[0].upper() + w[1:] if i == 0 or w in _ROLE_WORDS_CAPITALISED else w for i, w in enumerate(words)
    )


# ---------------------------------------------------------------------------------------------
# Reporting period.


def _period(text: str) -> tuple[str | None, int | None, int | None, int | None, str] | None:
    """(kind, index, year, a later year, label stem) of the first period the text names; the year
    may follow it closely, or further on (the later year, a last resort)."""
    text = _DATE_IN_TEXT.sub(" ", _WS.sub(" ", text))
    for match in _PERIOD.finditer(text):
        found = _kind_index(match)
        if found is None or _not_reported_on(text, match):
            continue
        kind, index, stem = found
        if match.group("year") or match.group("season"):
            return kind, index, int(match.group("y") or match.group("sy")), None, stem
        following = _YEAR.search(text, match.end())
        if following is None:
            return kind, index, None, None, stem
        year = int(following.group(0))
        # "6 tháng đầu năm 2023": a year close after the period is its own; one further on
        # ("... nhiệm kỳ 2020-2025") only when the page's date says none
        near = following.start() - match.end() <= _YEAR_REACH
        return kind, index, year if near else None, None if near else year, stem
    return None


def _not_reported_on(text: str, match: re.Match) -> bool:
    """Is the period named as one planned, the month of a meeting, or a base compared with?"""
    start = match.start()
    return bool(
        _PLANNED.search(text, max(0, start - _PLAN_REACH), start)
        or (match.group("month") and _MEETING_MONTH.search(text, max(0, start - _MEETING_REACH), start))
        or _COMPARED_WITH.search(text, max(0, start - _COMPARED_REACH), start)
    )


def _results_period(text: str) -> tuple[str | None, int | None, int | None, int | None, str] | None:
    """The period of the first results section ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024")."""
    heading = _RESULTS_HEADING.search(text)
    return _period(text[heading.end() : heading.end() + _RESULTS_REACH]) if heading else None


# The period to date that a quarter closes: the second quarter closes the first half, the third
# nine months, the fourth the year.
_CLOSED_BY_QUARTER = {2: ("half", 1), 3: ("months", 9), 4: ("year", None)}


def _to_date_period(text: str, period: tuple | None) -> tuple | None:
    """ "Báo cáo ... Quý II" whose results section reports "6 tháng đầu năm 2018": the figures run
    to date, so the report's period is the one the quarter closes."""
    if not period or period[0] != "quarter" or period[1] not in _CLOSED_BY_QUARTER:
        return period
    results = _results_period(text)
    if results is None or results[:2] != _CLOSED_BY_QUARTER[period[1]]:
        return period
    same_year = results[2] is None or period[2] is None or results[2] == period[2]
    return results if same_year else period


def _closing_year(text: str) -> int | None:
    """The year of a date the figures run to ("Tính đến ngày 31/5/2007 thu ..."): it closes the
    period a page names without its year."""
    closing = _CLOSING_DATE.search(text)
    return int(closing.group("year")) if closing else None


def _stamped_year(text: str) -> int | None:
    """The year of a page stamped with a month only ("date 2024-07")."""
    stamp = _ISO_PAGE_DATE.search(text)
    return int(stamp.group("year")) if stamp else None


def _kind_index(match: re.Match) -> tuple[str | None, int | None, str] | None:
    """(kind, index, label stem) for one period phrase; None for phrases that name no period."""
    if match.group("season"):
        return None, None, " ".join(match.group("season").split())
    if match.group("months"):
        raw = match.group("n").lower()
        count = _WORD_NUMBERS.get(raw) or int(raw)
        edge = (match.group("edge") or "").lower()
        if count == 6:
            return ("half", 2, "6 tháng cuối năm") if edge == "cuối" else ("half", 1, "6 tháng đầu năm")
        if count == 3 and edge != "cuối":  # the first three months are the first quarter
            return "quarter", 1, "3 tháng đầu năm"
        if edge == "cuối" or not 1 <= count <= 12:
            return None  # "3 tháng cuối năm" is a plan, "24 tháng" is no period of a year
        return ("year", None, "năm") if count == 12 else ("months", count, f"{count} tháng đầu năm")
    if match.group("half"):
        edge = match.group("half_edge").lower()
        return ("half", 2, "6 tháng cuối năm") if edge == "cuối" else ("half", 1, "6 tháng đầu năm")
    if match.group("quarter"):
        raw = match.group("q").lower()
        quarter = _ROMAN.get(raw) or int(raw)
        return "quarter", quarter, f"Quý {_ROMAN_OUT[quarter]} năm"
    if match.group("month"):
        month = int(match.group("m"))
        # A one-month report is filed as the months to date it closes (kind "months", index = the
        # month): the period kinds of the warehouse have no single month, and such reports give
        # their figures to date.
        return ("months", month, f"tháng {month} năm") if 1 <= month <= 12 else None
    return "year", None, "năm"
