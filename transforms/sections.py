"""The outline of a report: which section each position of the text lies in, and its footnotes.

Reports number their parts in a few ways, outermost first: "Phần thứ nhất" / "A." /
an all-capitals line, then roman numerals "I.", then "1.", "1.1.", then "a)". A heading's
title is its first sentence. Each section gets a domain from keywords in its heading path,
and a flag when it is about the coming period ("Phương hướng, nhiệm vụ năm 2024"), whose
numbers are plans, not results.

Footnotes come as "[1] ..." or "¹ ..." at a line start (at the end, or mid-text where a page
broke); their markers sit inside sentences ("8,75 tỷ đồng([1])", "diện tích ngô²").
"""

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple


class _LinePattern:
    """A pattern anchored at line starts ("^..." with re.MULTILINE), found fast.

    sre tries a "^" pattern at every position of the text; this one scans for the newline that
    opens each line (a literal, which sre skips to) and tries the text's first line apart. It
    finds the same matches, for a pattern that cannot match at the start of an empty line.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if not pattern.startswith("^"):
            raise ValueError("a line pattern starts with ^")
        body = pattern[1:]
        self._first = re.compile(body, flags | re.MULTILINE)
        self._rest = re.compile(rf"\n(?P<line_start>{body})", flags | re.MULTILINE)

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match]]:
        """(start of the match, match), in text order."""
        first = self._first.match(text)
        if first is not None:
            yield 0, first
        for m in self._rest.finditer(text, first.end() if first is not None else 0):
            yield m.start("line_start"), m


# Levels: 0 parts (Phần, A., all-capitals lines), 1 roman, 2 arabic, 3 sub-arabic, 4 letters.
_HEADING = _LinePattern(
    r"^[ \t*]*(?:"
    r"(?P<part>Phần\s+(?:thứ\s+)?[\wÀ-ỹ]+|PHẦN\s+[\wÀ-Ỹ]+)"
    r"|(?P<letter_upper>[A-E])\.\s"
    r"|(?P<roman>[IVX]{1,4})[.\-/]\s?"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=\.))\.?\s(?=\s*[\wÀ-ỹ])"
    r"|(?P<letter>[a-zđ])\)\s"
    r")(?P<title>[^\n]*)",
)
# A line in capitals (a part title such as "NHIỆM VỤ TRỌNG TÂM SÁU THÁNG CUỐI NĂM").
# (The range À-Ỹ holds lower-case letters too, so the line is checked for them after the match.)
_CAPS_LINE = _LinePattern(r"^[ \t*]*(?P<title>[A-ZĐÀ-Ỹ][^\na-z]{10,150})$")
# The recipients' list opens the closing block (recipients, signature): whatever comes after it
# is no longer inside the report's last part (its plans, say).
_CLOSING = _LinePattern(r"^[ \t\xa0]*Nơi nhận\s*:")
_VIET_CAPITAL_RE = re.compile(r"[À-ỹ]")  # any letter with a Vietnamese mark
_TITLE_END_RE = re.compile(r"[.:;](?:\s|$)")

# Headings about the coming period. Results headings ("kết quả", "tình hình thực hiện") win.
_PLAN_RE = re.compile(
    r"phương hướng|nhiệm vụ[^.]{0,40}(?:cuối năm|năm tới|tiếp theo|sắp tới|quý\s+(?:ii|iii|iv|2|3|4)\b|năm\s+20\d\d)"
    r"|chương trình công tác[^.]{0,30}(?:cuối năm|năm tới|tiếp theo)|giải pháp[^.]{0,30}(?:năm|quý|cuối)"
    r"|kế hoạch[^.]{0,20}năm tới|mục tiêu[^.]{0,20}(?:năm tới|năm 20\d\d)",
    re.IGNORECASE,
)
# A part named after the plan of a coming year ("PHẦN II. KẾ HOẠCH PHÁT TRIỂN ... NĂM 2024"); only
# at the outer levels, where a results report puts its plan part (a sub-heading "Kế hoạch vốn năm
# 2023" inside the results is about this year's money).
_PLAN_PART_RE = re.compile(r"^kế hoạch\b[^.]{0,80}\bnăm\s+20\d\d", re.IGNORECASE)
_RESULTS_RE = re.compile(r"kết quả|tình hình|đánh giá|đạt được|hạn chế", re.IGNORECASE)

# Domains by heading keywords; the innermost heading that names one decides.
_DOMAIN_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("quốc phòng - an ninh", re.compile(r"quốc phòng|an ninh|quân sự|trật tự", re.IGNORECASE)),
    (
        "xây dựng Đảng và hệ thống chính trị",
        re.compile(
            r"xây dựng đảng|chính trị|đảng viên|kiểm tra, giám sát|tổ chức, cán bộ|mặt trận|đoàn thể", re.I
        ),
    ),
    (
        "văn hóa - xã hội",
        re.compile(r"văn h[oó]a|xã hội|giáo dục|y tế|lao động|chính sách|an sinh|dịch bệnh|covid", re.I),
    ),
    (
        "kinh tế",
        re.compile(
            r"kinh tế|nông nghiệp|sản xuất|ngân sách|tài chính|đầu tư|xây dựng cơ bản|đất đai|thương mại",
            re.I,
        ),
    ),
    ("chính quyền", re.compile(r"chính quyền|cải cách hành chính|chỉ đạo|điều hành|tư pháp", re.I)),
)

# Footnote bodies at a line start and markers inside sentences.
_FOOTNOTE_BODY = _LinePattern(
    r"^[ \t\xa0]*(?:\[(?P<num>\d{1,2})\]|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))[ \t]*(?P<body>\S[^\n]*)"
)
_FOOTNOTE_MARK_RE = re.compile(r"\(?\[(?P<num>\d{1,2})\]\)?|(?<=\w)(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


class Section(NamedTuple):
    start: int  # offset where the heading starts
    path: str  # "I > 1 > Sản xuất nông nghiệp"
    domain: str | None
    is_plan: bool  # about the coming period


class Outline(NamedTuple):
    sections: list[Section]
    starts: list[int]
    footnotes: dict[str, str]  # marker number -> body
    footnote_spans: list[tuple[int, int]]  # where footnote bodies lie in the text

    def at(self, pos: int) -> Section | None:
        i = bisect_right(self.starts, pos) - 1
        return self.sections[i] if i >= 0 else None

    def in_footnote(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.footnote_spans)


def _short_title(title: str) -> str:
    title = title.strip(" \t*").lstrip(".:-– ")  # "PHẦN II. KẾ HOẠCH ...": the title after the label
    end = _TITLE_END_RE.search(title)
    if end:
        title = title[: end.start()]
    return title[:80].strip()


def _label(m: re.Match) -> tuple[int, str]:
    if m.group("part"):
        return 0, m.group("part").strip()
    if m.group("letter_upper"):
        return 0, m.group("letter_upper")
    if m.group("roman"):
        return 1, m.group("roman")
    if m.group("arabic"):
        label = m.group("arabic")
        return 2 + label.count("."), label
    return 5, m.group("letter") + ")"


# Pure in the title (and its level), and reports share their headings' wording.
@functools.lru_cache(maxsize=4096)
def _title_plan(title: str, outer: bool) -> tuple[bool, bool]:
    """Is a heading about the coming period by its own words; does it name results?"""
    results = _RESULTS_RE.search(title) is not None
    own_plan = bool(_PLAN_RE.search(title) or (outer and _PLAN_PART_RE.match(title)))
    return own_plan and not results, results


# Pure in the title; every section below a heading reads that heading's title again, and
# reports share their headings' wording.
@functools.lru_cache(maxsize=4096)
def _title_domain(title: str) -> str | None:
    for domain, pattern in _DOMAIN_RULES:
        if pattern.search(title):
            return domain
    return None


def section_outline(text: str) -> Outline:
    """The headings of the text in order, each with its path, domain and plan flag."""
    heads: list[tuple[int, int, str, str]] = []  # (start, level, label, title)
    for start, m in _HEADING.finditer(text):
        level, label = _label(m)
        heads.append((start, level, label, _short_title(m.group("title"))))
    taken = {h[0] for h in heads}
    for start, m in _CAPS_LINE.finditer(text):
        title = m.group("title")
        if start in taken or not any(c.isalpha() for c in title) or any(c.islower() for c in title):
            continue
        # A capitals line with Vietnamese capitals is a part title only when it says which part
        # (results or plans): letterheads ("CỘNG HÒA XÃ HỘI ...", "ĐẢNG BỘ HUYỆN ...") are not.
        if _VIET_CAPITAL_RE.search(title) and not (_PLAN_RE.search(title) or _RESULTS_RE.search(title)):
            continue
        heads.append((start, 0, "", _short_title(title)))
    for start, _ in _CLOSING.finditer(text):
        heads.append((start, 0, "", "Nơi nhận"))
    heads.sort()

    sections: list[Section] = []
    # Each heading's path and domain extend its parent's (the innermost heading that names a
    # domain decides): a section's are built from the one above, not from the whole stack.
    stack: list[tuple[int, Section]] = []  # (level, section)
    for start, level, label, title in heads:
        while stack and stack[-1][0] >= level:
            stack.pop()
        own_plan, results = _title_plan(title, level <= 1)
        parent = stack[-1][1] if stack else None
        part = f"{label} {title}" if label and title else label or title
        section = Section(
            start,
            f"{parent.path} > {part}" if parent else part,
            _title_domain(title) or (parent.domain if parent else None),
            own_plan or (parent is not None and parent.is_plan and not results),
        )
        stack.append((level, section))
        sections.append(section)

    footnotes: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    for start, m in _FOOTNOTE_BODY.finditer(text):
        key = m.group("num") or m.group("sup").translate(_SUPERSCRIPTS)
        footnotes.setdefault(key, m.group("body").strip())
        spans.append((start, m.end()))
    return Outline(sections, [s.start for s in sections], footnotes, spans)


def footnote_markers(quote: str) -> list[str]:
    """Footnote numbers marked inside a quote ("([1])", "[2]", "ngô²")."""
    keys = []
    for m in _FOOTNOTE_MARK_RE.finditer(quote):
        keys.append(m.group("num") or m.group("sup").translate(_SUPERSCRIPTS))
    return keys
