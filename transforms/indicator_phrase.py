"""The words that name what a fact measures ("indicator_text"), its hedge and its quote.

The indicator is the clause before the number, stripped of bullets, connectives and trailing
verbs; for a counted noun it is the noun with the words right after it ("51 đơn khiếu nại").
"""

import functools
import re

from transforms.admin_levels import levels
from transforms.catalog import mapping, words
from transforms.indicators import content_words, lower_first, match_indicator, match_subject
from transforms.quantities import Quantity
from transforms.units import COUNT_SCALES, unit_info
from transforms.vocabulary import NAME_WORDS, NEGATIONS, WORD_RE, by_first_letter

# A hedge right before a number ("gần", "trên", "khoảng", "ước đạt"): the fact's "approx".
# (The pattern opens on one class of the characters every match starts with, "K" the Kelvin sign
# that re.IGNORECASE equates with "k", and is not case-insensitive as a whole: sre then skips to
# them. As written plainly, with re.IGNORECASE and "\b" first, it tried every hedge at every
# offset of the "$" search.)
_HEDGE_BEFORE_RE = re.compile(
    r"""(?P<hedge>[gGhHkK\u212atTưƯxX](?<!\w.)
      (?i:(?<=g)ần(?:\ đạt)?|(?<=h)ơn|(?<=k)hoảng|(?<=t)rên|(?<=ư)ớc|(?<=x)ấp\ xỉ))
    (?i:\s*(?:(?:đạt|là|được|có)\s*)?[:]?\s*$)""",
    re.VERBOSE,
)
# "ước" (estimated) as a word, in any case. (It opens on "ư" or "Ư", the only letters that
# re.IGNORECASE equates with "ư", and not case-insensitive as a whole: sre then skips to them.)
_UOC_RE = re.compile(r"[ưƯ](?<!\w[ưƯ])(?i:ớc)\b")
# A count right after "với" ("... được tăng cường với 74 lượt ra quân") is what the clause before
# has, not what it did: the words before are no part of the counted thing's indicator.
# (It opens on the class of its first letter and is not case-insensitive as a whole: sre then
# skips to that letter instead of trying the word at every offset of the clause.)
_WITH_COUNT_RE = re.compile(
    r"[vV](?i:(?<!\w.)(?<!đối\ v)ới\s+(?:(?:gần|trên|hơn|khoảng|tổng\ số|tổng\ cộng)\s+)?$)", re.VERBOSE
)
# Where the clause naming a number's indicator starts: ";", ":", "(", a line break, a comma,
# "trong đó" or "và" (in any case). A comma between digits ("tròn 70,75,80 tuổi") lists numbers
# or marks decimals: no boundary.
# (The pattern opens on one class of the characters every match starts with, and is not
# case-insensitive as a whole: sre then skips to those characters; the checks of each kind
# follow, looking back at the character matched. As written plainly, with re.IGNORECASE and
# "\b" first, it tried every offset.)
_CLAUSE_BOUNDARY_RE = re.compile(
    r"""[;:(\n,tTvV]
    (?:(?<=[;:(\n])
      |(?<=,)(?:(?<!\d,)|(?!\d))                      # a comma not between two digits
      |(?<=[tT])(?<!\w[tT])(?i:rong\s+đó)\b            # "trong đó", a word of its own
      |(?<=[vV])(?<!\w[vV])(?i:à)\b)                   # "và"
    """,
    re.VERBOSE,
)
# Indicator clean-up: leading bullets and connectives, trailing verbs and hedges.
_LEADING_JUNK_RE = re.compile(
    r"""^[\s\-–+•*.·)]*
    (?:(?:và|trong\ đó|đồng\ thời|kết\ quả|đến\ nay|hiện\ nay|tuy\ nhiên|trong\ năm|đã|có(?=\ tổng)|công\ tác|theo\ đó
         |toàn\ (?:huyện|tỉnh|xã|phường|thị\ trấn|thị\ xã|thị|thành\ phố|quận)|cả\ (?:năm|nước)
         # verbs of doing that lead the measured thing ("thực hiện tốt việc chi trả ...")
         |thực\ hiện(?:\ tốt|\ thành\ công)?(?:\ việc)?|tổ\ chức|triển\ khai|đẩy\ mạnh|duy\ trì|tiếp\ tục
         |tập\ trung(?:\ chỉ\ đạo)?|tham\ mưu
         |được\ sự\ quan\ tâm\ của|các\ loại
         # lead-ins that point at an example or a sum ("điển hình như thu ngân sách ...",
         # "cộng dồn ...", "nâng tổng số đảng viên ...")
         |điển\ hình(?:\ như)?|cụ\ thể(?:\ là|\ như)?|bao\ gồm|theo\ đó|cộng\ dồn|lũy\ kế|luỹ\ kế
         |riêng(?:\ đối\ với)?|đối\ với|với|hiện(?:\ đã)?|nâng(?=\ tổng))\b[\s:,]*)*""",
    re.IGNORECASE | re.VERBOSE,
)
# Trailing verbs, hedges and marks, from the first of them that runs to the end. A look-behind
# comes after its word's first letter: the words are grouped by that letter, which each branch
# tests first (sre tries an alternation branch by branch at every offset of the "$" search, and
# under re.IGNORECASE each branch costs a case fold). The whole match must reach the end, so the
# order of the words cannot change what is stripped.
_TRAILING_WORDS = [
    "ước",
    r"đ(?<!chưa\ đ)(?<!không\ đ)ạt",
    "được",
    "là",
    "có",
    r"thực\ hiện",
    "với",
    r"với\ mức",
    r"đối\ với",
    "cho",
    "còn",
    "xuống",
    r"l(?<!trở\ l)ên",
    r"tăng(?:\ mạnh|\ khá|\ nhẹ)?",
    r"giảm(?:\ mạnh|\ khá|\ nhẹ)?",
    "trên",
    "hơn",
    "gần",
    "khoảng",
    "tổng",
    r"số\ lượng",
    "bằng",
    "chiếm",
    "đã",
    "gồm",
    r"cụ\ thể",
    r"đến\ nay",
    r"hiện\ nay",
    r"tính\ đến",
    r"tính\ đến\ nay",
    "toàn",
    "chỉ",
    "cũng",
    "vẫn",
    "đang",
    r"còn\ lại",
    "cuối",
    "so",
    r"so\ với",
    r"duy\ trì",
    "nbsp",
    "trong",
    "của",
    "tại",
    r"ở(?<!nhà\ ở)",
    "từ",
    "hết",
    r"k(?<!có\ k)ết\ quả",
]
_TRAILING_JUNK_RE = re.compile(
    rf"(?:\s*\b(?:{by_first_letter(_TRAILING_WORDS)})\b|[\s:,\-–(…]|\.\.\.)+$", re.IGNORECASE | re.VERBOSE
)
# The last piece of any match of _TRAILING_JUNK_RE (a word, a mark or "...", ending at the end or
# before a final line break) matches on its own from where it starts, no further back than this.
_TRAILING_JUNK_SPAN = 16


def _strip_trailing_junk(text: str) -> str:
    """`_TRAILING_JUNK_RE.sub("", text)`, with no "$" search over every offset when no junk is
    at the end (most clauses)."""
    if _TRAILING_JUNK_RE.search(text, max(0, len(text) - _TRAILING_JUNK_SPAN)) is None:
        return text
    return _TRAILING_JUNK_RE.sub("", text)


# Capital letters: a place's or a body's name is capitalised.
_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_LEVEL = r"(?:xã|huyện|tỉnh|thị\ xã|thành\ phố|phường|thị\ trấn|quận)"
# Who did it, leading the clause ("Đảng bộ thị xã kết nạp ...", "xã Tân Lập đã trồng ..."): the
# reporting unit or one of its bodies, no part of what is measured.
_LEADING_AGENT_RE = re.compile(
    rf"""^(?:(?:[Đđ]ảng\ bộ|[Bb]an\ [Tt]hường\ vụ|[Bb]an\ [Cc]hấp\ hành|UBND|HĐND|[Ủủ]y\ ban\ nhân\ dân
             |[Hh]ội\ đồng\ nhân\ dân|[Đđ]ảng\ (?:ủy|uỷ))                      # a body
          (?:\s+(?:{_LEVEL}|(?:[Đđ]ảng|[Hh]uyện|[Tt]ỉnh|[Tt]hị|[Tt]hành)\ (?:ủy|uỷ)))?  # of which unit
          (?:\s+[{_UPPER}]\w*)*                                               # its name
        |(?i:{_LEVEL})(?:\s+[{_UPPER}]\w*)+)                                  # or a named place
       (?:\s+(?:đã|có|đạt|thực\ hiện))*\s+""",
    re.VERBOSE,
)
# When a claim holds ("6 tháng đầu năm", "đến 30/6/2023", "năm 2021"): the period is the report's,
# no part of what is measured. Stripped from both ends of an indicator.
_TIME = r"""
    (?:\b(?:thực\ hiện|ước|lũy\ kế|luỹ\ kế|trong|tính|đến|từ|hết|cả|của|tại)\s+)*  # leading words
    \b(?:\d{1,2}\s*tháng(?:\s*đầu(?:\s*năm)?)?(?:\s*/\s*\d{4})?                 # 6 tháng đầu năm
      |năm\s+\d{4}|quý\s+[ivx\d]+(?:\s*/\s*\d{4})?|tháng\s+\d{1,2}(?:\s*/\s*\d{4})?
      |ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}
      |đầu\s+năm|cuối\s+năm|hiện\s+nay|năm\s+nay|(?:tháng|quý|kỳ)\s+này
      |giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}                                         # a term
      |đến\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)                               # tính đến 23/3
    (?:\s*\(\d{4}\))?                                                             # (2021)
"""
# A digit, "năm", "tháng", "quý", "ngày" or "nay" in any case. (It opens on one class of the
# characters each starts with, and is not case-insensitive as a whole: sre then skips to them.)
_MAY_HOLD_TIME_RE = re.compile(
    r"[\dnNtTqQ](?:(?<=\d)|(?<=[nN])(?i:ăm|gày|ay)|(?<=[tT])(?i:háng)|(?<=[qQ])(?i:uý))"
)
# A place word ("của", "tại", "huyện", "thị trấn" ...) in any case. (It opens on one class of the
# letters each starts with, and is not case-insensitive as a whole, as _MAY_HOLD_TIME_RE.)
_MAY_HOLD_PLACE_RE = re.compile(
    r"""[cCtTđĐhHxXpPqQ](?<!\w.)
    (?i:(?<=c)ủa|(?<=t)(?:ại|oàn|ỉnh|hành\ phố|hị\ xã|hị\ trấn)|(?<=đ)ịa\ bàn|(?<=h)uyện|(?<=x)ã
       |(?<=p)hường|(?<=q)uận)\b""",
    re.VERBOSE,
)
_LEADING_TIME_RE = re.compile(r"^(?:" + _TIME + r"[\s,:]*)+", re.IGNORECASE | re.VERBOSE)
_TRAILING_TIME_RE = re.compile(r"(?:[\s,(]*" + _TIME + r"\)?)+$", re.IGNORECASE | re.VERBOSE)
# Where a claim holds ("... của Hải Dương", "trên địa bàn huyện"): the place is the report's.
_TRAILING_PLACE_RE = re.compile(
    rf"""\s+(?:(?:của|trên\ địa\ bàn|tại|ở|toàn)
    (?:\s+(?:tỉnh|huyện|xã|thành\ phố|thị\ xã|phường|thị\ trấn|quận)(?:\s+[{_UPPER}]\w*)*  # level, name
      |(?:\s+[{_UPPER}]\w*)+)                                                           # or the name
     |(?:tỉnh|huyện|xã|thành\ phố|thị\ xã|phường|thị\ trấn|quận)(?:\s+[{_UPPER}]\w*)+)    # or a named unit
    \s*$""",
    re.VERBOSE,
)
# "... trên địa bàn" with no place after it says where the report's unit is, no part of what is
# measured ("doanh nghiệp thành lập mới trên địa bàn"), except in the names of revenue and of
# the area's product ("thu ngân sách nhà nước trên địa bàn", "tổng sản phẩm trên địa bàn").
_BARE_AREA_RE = re.compile(r"(?:\s+thực hiện)?\s+trên địa bàn\s*$", re.IGNORECASE)
_AREA_NAMED_RE = re.compile(r"(?:^|\s)(?:tổng\ )?(?:thu|tổng sản phẩm)\s", re.IGNORECASE)
# The words after a counted noun stop at punctuation, a number or a verb.
# (The pattern opens on one class of the characters every match starts with, and is not
# case-insensitive as a whole: sre then skips to those characters; the words follow, grouped by
# the letter matched, each a word of its own. As written plainly, with re.IGNORECASE and "\b"
# first, it tried all the words at every word of the look-ahead.)
_POST_STOP_RE = re.compile(
    r"""[,;:.()\[\]\d"“”\n–=\sbBcCđĐgGlLsSſtTvV]
    (?:(?<=[,;:.()\[\]\d"“”\n–=])                          # a mark (a footnote's "[5]") or a digit
      |(?<=\s)-\s                                          # a dash between spaces
      |(?<=[bBcCđĐgGlLsSſtTvV])(?<!\w.)                    # a word of its own:
       (?:(?<=[đĐ])(?i:ạt)|(?<=[lL])(?i:àm))               # a verb before an amount,
       (?i:\b(?=\s*(?:gần|trên|hơn|khoảng|xấp\ xỉ)?\s*\d)(?!\s*\d\s*sao\b))
      |(?<=[bBcCđĐgGlLsSſtTvV])(?<!\w.)                    # or a stop word
       (?i:(?<=b)(?:ằng|ao\s+gồm)|(?<=c)(?:hiếm|òn)|(?<=đ)(?:ối\ với|ã)|(?<=g)(?:iảm|ồm)|(?<=l)à
          |(?<=s)(?:o|ố\ tiền)|(?<=t)(?:ăng|rong|rị\ giá)|(?<=v)(?:ới|à(?!\s+vượt)(?-i:(?!\s+[A-ZĐ]{2}))|(?<!và\ v)ượt))\b)
    """,
    re.VERBOSE,
)
_DIGITS_RE = re.compile(r"\d+(?:/\d+)*")  # a number inside a name ("Quyết định 12/2024")
_NEGATION_END_RE = re.compile(rf"\b(?:{'|'.join(NEGATIONS)})\s*$", re.IGNORECASE)
# Verbs that open a sentence of a report ("Tham gia ...", "Tổ chức ..."): capitalised after a
# counted noun, they start a new sentence whose full stop or bullet was lost.
_CLAUSE_VERBS = words("indicator_clause_verbs")
# Verbs that act on a counted thing ("thành lập 3 HTX", "tiếp nhận 16 hồ sơ"): written before the
# count, they follow the noun in the indicator ("HTX thành lập").
_COUNT_VERBS = words("indicator_count_verbs")
_MAX_INDICATOR_WORDS = 14
_MAX_POST_WORDS = 12
_DATE_NOUNS = frozenset(("năm", "tháng", "quý", "ngày", "nhiệm kỳ", "giai đoạn"))
# Words that stand alone, never inside a compound: a long clause is cut right after one.
_FUNCTION_WORDS = words("indicator_function_words")
# Footnote marks and quotation marks: no part of an indicator.
_MARKS_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\[\d{1,2}\]\)?|[*“”\"]|&?nbsp;?")  # "&nbsp;" left by a web page
# A character every match of _MARKS_RE but "nbsp" holds: a plain class, which sre skips to.
_MAY_HOLD_MARK_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰\[*“”\"]")
_TRAILING_SCAN = 60


def fill_indicator_and_quote(
    text: str, fact: dict, sent_start: int, floor: int, q: Quantity, verb_start: int, end: int
) -> None:
    """Fill the fact's hedge, indicator and quote from the words around its number.

    The indicator's clause starts no earlier than `floor` (the end of the sentence's previous
    claim) and ends before the verb at `verb_start`; the quote runs to `end`.
    """
    if floor <= sent_start:  # the sentence's first claim: its clause may start on a wrapped line
        sent_start = floor = _unwrapped_start(text, sent_start)
    clause_start = _clause_start(text, sent_start, min(floor, q.start), q.start)
    pre_end = _clause_end(text, fact, clause_start, q, verb_start)
    pre = _clean_clause(text[clause_start:pre_end])
    # perhaps a list's last item, or the end of a longer name ("... hàng hóa và doanh thu dịch vụ")
    floor_start = max(sent_start, min(floor, q.start))
    if pre and _item_break(text, max(floor_start, clause_start - 8), clause_start):
        start = _enumeration_start(text, floor_start, clause_start, pre_end, pre, floor_start > sent_start)
        if start != clause_start:
            clause_start, pre = start, _clean_clause(text[start:pre_end])
    kind = unit_info(fact["unit"]).kind
    post_end = q.end
    if kind == "count" and not q.is_rank:
        # after another claim ("12 lớp tập huấn với 850 lượt người") the words before name its event
        after_claim = sent_start < floor and clause_start <= floor
        indicator, post_end = _count_indicator(text, fact, q, pre, clause_start, pre_end, after_claim)
    elif kind == "percent":
        indicator, post_end = _share_of(text, pre, q.end, _next_to_number(text, clause_start, q.start, pre))
    elif kind in ("area", "mass", "length"):
        adjacent = _next_to_number(text, clause_start, q.start, pre)
        indicator, post_end = _with_object(text, pre, q.end, kind, adjacent)
    else:
        indicator = pre or (fact["unit"] if q.is_rank else "")
    if q.is_rank:  # "Trường Mầm non xếp thứ 17": what is ranked, not the verb of ranking
        indicator = ("xếp hạng " + _RANK_VERB_RE.sub("", pre)).strip()
    fact["indicator_text"] = indicator or None
    start = clause_start
    while start < q.start and text[start] in " \t\r\n-–+•*.·,;:)":
        start += 1
    stop = max(end, post_end, q.end)
    fact["char_start"], fact["char_end"] = start, stop
    fact["quote"] = text[start:stop]


def _clause_end(text: str, fact: dict, clause_start: int, q: Quantity, verb_start: int) -> int:
    """Where the words naming the fact end: before its verb and its hedge (set as the fact's
    `approx`), but after a negation ("Chỉ tiêu chưa đạt 5/13 chỉ tiêu" keeps its verb)."""
    pre_end = min(verb_start, q.start)
    if pre_end < q.start and _NEGATION_END_RE.search(text, max(clause_start, pre_end - 8), pre_end):
        pre_end = q.start
    hedge_m = _HEDGE_BEFORE_RE.search(text, max(clause_start, q.start - 25), q.start)
    if hedge_m:
        fact["approx"] = hedge_m.group("hedge").lower()
        pre_end = min(pre_end, hedge_m.start())
    elif _UOC_RE.search(text, clause_start, q.start):
        fact["approx"] = "ước"
    return pre_end


def _count_indicator(
    text: str, fact: dict, q: Quantity, pre: str, clause_start: int, pre_end: int, after_claim: bool
) -> tuple[str, int]:
    """A count's indicator, from the words before it and the words after its counted noun, and
    where those words end."""
    post, post_end = "", q.end
    if not fact["change_direction"]:
        opens_clause = not pre or pre.lower() == "có"  # the count is its clause's subject
        post, post_end = _post_words(text, q.end, min(len(text), q.end + 120), opens_clause)
    classifier = fact["unit"].split("/")[0].lower() in _CLASSIFIERS  # "với 3 lần/ngày" counts the act
    with_count = not after_claim and _WITH_COUNT_RE.search(text, clause_start, q.start)
    if with_count and (post or not classifier):
        pre = ""  # "phát triển mạnh với hơn 1.000 doanh nghiệp": the count names its own thing
    verb = pre if _next_to_number(text, clause_start, q.start, pre) else ""
    done = _DONE_RE.search(text, pre_end, q.start)
    if done is None and (not pre or pre.lower() == fact["unit"]):  # "Đã đạt 13/19 tiêu chí"
        done = _REACHED_RE.search(text, pre_end, q.start)
    if done:  # "đã hoàn thành 10/19 tiêu chí": what was done to the counted thing
        next_to_done = _next_to_number(text, clause_start, done.start(), pre)
        word = done.group(0).lower()
        verb = f"{pre} {word}".strip() if next_to_done else word
        pre = verb
    given = _GIVEN_TO_RE.search(text, clause_start, q.start) is not None
    return _counted_indicator(fact["unit"], pre, _clean_indicator(post), verb, given), post_end


# Pure in the clause, which is cleaned again for each number it precedes.
@functools.lru_cache(maxsize=65536)
def _clean_clause(clause: str) -> str:
    """The indicator a clause's words make, without "ước" (the fact's hedge)."""
    return _clean_indicator(_UOC_RE.sub(" ", clause))


def _unwrapped_start(text: str, start: int) -> int:
    """Where a sentence starting at a line break really starts: a line that ends on a letter before
    one that starts lower case was wrapped inside a phrase ("với tổng mức đầu\ntư 4,5 tỷ đồng"),
    so the sentence starts after the last full stop or line break before."""
    while start >= 2 and text[start - 1] == "\n" and _wraps_line(text, start - 1):
        line = text.rfind("\n", 0, start - 1) + 1
        stop = text.rfind(". ", line, start - 1)
        if stop >= 0:
            return stop + 2
        start = line
    return start


# Nouns that name how a thing is measured ("năng suất", "diện tích", "số tiền"), longest first.
_MEASURE_NOUNS = tuple(sorted(words("indicator_measure_heads"), key=len, reverse=True))
_MEASURE_PREFIXES = tuple(noun + " " for noun in _MEASURE_NOUNS) + _MEASURE_NOUNS
_MEASURE_NOUN_SET = frozenset(_MEASURE_NOUNS)
_RATE_PREFIXES = ("tỷ lệ ", "tỉ lệ ") + _MEASURE_PREFIXES
_MEASURED_EXTRA_WORDS = 4
_MEASURE_LAST_RE = re.compile(
    r"^(?P<thing>.*?\w)\s+(?:với\s+)?(?P<noun>" + "|".join(map(re.escape, _MEASURE_NOUNS)) + r")$",
    re.IGNORECASE,
)
# A measure noun at the end, as _MEASURE_LAST_RE needs: tried first over the last few offsets only
# (the lazy "thing" of _MEASURE_LAST_RE tries every noun at every offset).
_MEASURE_END_RE = re.compile(rf"(?:{by_first_letter(list(map(re.escape, _MEASURE_NOUNS)))})$", re.IGNORECASE)
_MEASURE_END_SPAN = max(map(len, _MEASURE_NOUNS)) + 1  # a final line break comes after "$"


def _measure_last(text: str) -> re.Match | None:
    """`_MEASURE_LAST_RE.match(text)`, None at once when no measure noun ends the text."""
    if _MEASURE_END_RE.search(text, max(0, len(text) - _MEASURE_END_SPAN)) is None:
        return None
    return _MEASURE_LAST_RE.match(text)


_SUM_WORD_RE = re.compile(r"(?:^|\s)(?:tổng|tổng số|số|bình quân|với|quy mô)$", re.IGNORECASE)


def _measure_first(pre: str) -> str:
    """ "lúa năng suất", "diện tích lúa vụ Xuân với năng suất", "cho 15 hộ với số tiền": a clause
    that names its measure last names it first in the indicator ("năng suất lúa", "năng suất lúa
    vụ Xuân"); the thing keeps no measure noun of its own."""
    m = _measure_last(pre)
    if m is None or _SUM_WORD_RE.search(m.group("thing")):
        return pre
    thing = m.group("thing")
    for noun in _MEASURE_NOUNS:
        if thing.lower().startswith(noun + " "):
            thing = thing[len(noun) + 1 :]
            break
    return f"{m.group('noun')} {_head_of(thing, _MAX_INDICATOR_WORDS - len(m.group('noun').split()))}"


def _head_of(thing: str, most: int) -> str:
    """A thing too long to follow its measure keeps its head, the words up to the first function
    word ("Công trình nâng cấp chợ thôn | từ nguồn vốn ..."): what follows only qualifies it."""
    words = thing.split(" ")
    if len(words) <= most:
        return thing
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _FUNCTION_WORDS), len(words))
    return " ".join(words[: min(cut, most)])


def _clause_start(text: str, sent_start: int, floor: int, pos: int) -> int:
    """Where the clause holding the number at `pos` starts: the last boundary before it."""
    start = max(sent_start, floor)
    window = text[start:pos]
    cut = start
    for m in _CLAUSE_BOUNDARY_RE.finditer(window):
        # a bracket closed before the number is part of the clause ("thu (đến 15/10) thực hiện")
        if (m.group(0) == "(" and ")" in window[m.end() :]) or (
            m.group(0) == "\n" and _wraps_line(text, start + m.start())
        ):
            continue
        cut = start + m.end()
    # An empty clause ("với tổng kinh phí:512.300.000") borrows the words before its boundary.
    if cut > start and _holds_only_junk(text[cut:pos]) and not _CLAIM_ENDS_RE.search(text[start : cut - 1]):
        prev = text[start : cut - 1]
        prev_cut = start
        for m in _CLAUSE_BOUNDARY_RE.finditer(prev):
            if m.group(0) == "(" and ")" in prev[m.end() :]:
                continue
            prev_cut = start + m.end()
        cut = prev_cut
    return cut


# An amount after its verb ("... đạt 281,3, còn 21,7 ha", "... vụ xuân đạt 1,187,93 tấn /..."):
# the words from there on are another claim's, one the reader could not take as a fact.
_CLAIMED_RE = re.compile(r"\s(?:đạt|là|được)\s+\d+[.,]\d")
_CLAIM_ENDS_RE = re.compile(r"\b(?:đạt|là|được)\s+[\d.,]+\s*$")
# "kim ngạch xuất khẩu đạt mức cao nhất từ trước đến nay với 2,4 tỷ USD": how high the level is
# said to be is a verdict on the thing measured, no part of it.
_LEVEL_VERDICT_RE = re.compile(r"\s(?:đạt|ở)\s+(?:mức|con\s+số)\b", re.IGNORECASE)


def _wraps_line(text: str, at: int) -> bool:
    """Is the line break at `at` a wrapped line inside a phrase ("với tổng mức đầu\ntư 4,5 tỷ
    đồng"): a word of letters only before it ("đồng/ha" or "500đ" ends a figure) and a lower-case
    letter after it?"""
    word = text[max(0, at - 12) : at].rsplit(None, 1)[-1:] or [""]
    return word[0].isalpha() and text[at + 1 : at + 2].islower()


# Pure in the clause, and a report's clauses repeat their short tails ("với số tiền:").
@functools.lru_cache(maxsize=16384)
def _holds_only_junk(clause: str) -> bool:
    """Is no word left once the trailing verbs and marks are stripped (`_TRAILING_JUNK_RE`)?

    The strip removes everything from the leftmost place where junk runs to the end, so words are
    left unless that place is at or before the first word: only those few places are tried (a
    "$" search over the whole clause tries every offset)."""
    first = WORD_RE.search(clause)
    if first is None:
        return True
    return any(_TRAILING_JUNK_RE.match(clause, k) for k in range(first.start() + 1))


# Counted nouns that only count ("con", "lượt"): the thing counted is in the words around them.
_CLASSIFIERS = words("indicator_classifiers")
# An enumeration inside a noun phrase ("giá trị sản xuất nông, lâm, thủy sản"): a clause this
# short after a comma or "và" may be its last item.
_ITEM_WORDS_MAX = 4
_ENUMERATION_WORDS_MAX = 12
_NOUN_ITEM_WORDS = 3
_SUM_HEADS = ("tổng ", "tổng số ")
_ITEM_BREAK_RE = re.compile(r"(?:,|\bvà)\s*$", re.IGNORECASE)


def _item_break(text: str, start: int, end: int) -> re.Match | None:
    """The comma or "và" that text[start:end] ends on (spaces aside), or None. Only its last
    characters are searched: a "$" search tries every offset (and sees the character before
    "và", for the word boundary)."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return _ITEM_BREAK_RE.search(text, max(start, stop - 4), end)


# Pure in its strings (match_indicator reads only the fixed catalog): a report counts the same
# nouns after the same words again and again.
@functools.lru_cache(maxsize=16384)
def _counted_indicator(unit: str, pre: str, post: str, verb_clause: str = "", given: bool = False) -> str:
    """ "51 đơn khiếu nại" → "đơn khiếu nại"; "kết nạp 12 đảng viên" → "kết nạp đảng viên";
    "Tổng đàn lợn 2.850 con" → "Tổng đàn lợn" (a classifier adds nothing to the words before it);
    a scale word is no part of what is counted ("đón 3 triệu lượt khách" → "đón lượt khách");
    what was done for those counted after "cho" is said of them ("tặng quà cho 3 cụ" → "cụ được
    tặng quà")."""
    counted = [w for w in unit.split() if w.lower() not in COUNT_SCALES]
    noun = " ".join(counted) or unit
    lowered = [w.lower() for w in counted]
    lowered[:1] = [lowered[0].split("/")[0]] if lowered else []  # "3 lần/ngày" counts "lần"
    only_counts = bool(lowered[:1]) and lowered[0] in _CLASSIFIERS and lowered[1:] in ([], ["người"])
    # "mừng thọ người cao tuổi ... cho 41 người": a clause naming those counted says it all
    named = f" {noun.lower()} " in f" {pre.lower()} "  # as words: "hộ" is not in "Hội phụ nữ"
    if given and not only_counts and not (not post and named):
        act = _given_act(verb_clause) if post else _AGENT_DONE_RE.sub("", pre)
        if act:
            return " ".join(f"{noun} {post} được {lower_first(act)}".split())
    if post:
        return f"{noun} {post} {lower_first(_verb_before(verb_clause))}".strip()
    pre = _AGENT_DONE_RE.sub("", pre)  # "Lãnh đạo UBND đã chủ trì 40 phiên họp": who did it is no part
    if not pre:
        return noun
    if only_counts or named:
        return pre
    verb = _verb_before(pre) if verb_clause else ""  # right before the count
    first = f"{noun} {lower_first(verb)}"
    written = f"{pre} {noun}"
    if verb == pre and verb.split()[0].lower() in _COUNT_VERBS and _same_code(first, written, unit):
        return first  # "đã tiếp nhận 16 trường hợp": the noun first, as a person writes it
    return written


def _given_act(clause: str) -> str:
    """What was given to those counted after "cho": the words before the count, or, when they
    run too long with the giver's name ("tặng quà mừng thọ của Chủ tịch Ủy ban nhân dân tỉnh"),
    the act without its giver."""
    act = _verb_before(clause, _GIVEN_WORDS_MAX, True)
    giver = clause.rfind(" của ")
    if not act and giver > 0:
        act = _verb_before(clause[:giver], _GIVEN_WORDS_MAX, True)
    return act


def _same_code(a: str, b: str, unit: str) -> bool:
    """Do two orders of the same words name the same catalogued indicator (or none)?"""
    return match_indicator(a, unit) == match_indicator(b, unit)


_TARGET_WORD_RE = re.compile(r"(?:kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|cùng kỳ|ck|so)\b", re.IGNORECASE)
_DONE_RE = re.compile(r"\bhoàn thành\b", re.IGNORECASE)
_REACHED_RE = re.compile(r"\b(?:đạt|vượt)\b", re.IGNORECASE)
_RANK_VERB_RE = re.compile(r"(?:\s*\b(?:xếp hạng|xếp|đứng|vươn lên|thứ|hạng|ở vị trí))+\s*$", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\([^()]*\)")
_AGENT_DONE_RE = re.compile(r"^[^,;:]*\s(?:đã|đã được)\s+(?=\S)", re.IGNORECASE)
_VERB_WORDS_MAX = 4
# "tặng quà mừng thọ của Chủ tịch nước cho 03 cụ": what was given to the counted, a longer act
# whose words may hold a giver's name.
# (Opens on the class of its first letter, as _WITH_COUNT_RE does.)
_GIVEN_TO_RE = re.compile(
    r"[cCđĐ](?i:(?<!\w.)(?:(?<=c)ho|(?<=đ)ối\s+với)\s+(?:(?:gần|trên|hơn|khoảng)\s+)?$)"
)
_GIVEN_WORDS_MAX = 8
_LEVELS = frozenset(levels())
_OBJECT_WORDS_MAX = 6  # "bê tông hóa 12,5 km đường giao thông nông thôn"
# The measure noun a unit's kind implies ("ha" → "diện tích"), as in transforms/indicators.py.
_IMPLIED_MEASURE = mapping("indicator_implied_measures", "unit_kind", "measure_noun")
_OUTPUT_VERBS = words("indicator_output_verbs")
_NOT_IN_VERB_RE = re.compile(r"[\d()%\[\]/]")
_GAP_BREAK_RE = re.compile(r"[,;:()\[\]]")


def _next_to_number(text: str, clause_start: int, pos: int, pre: str) -> bool:
    """Do the words `pre` end right before the number (only a hedge between), not before a comma
    that an empty clause borrowed them across?"""
    last = pre.split()[-1] if pre else ""
    at = text.rfind(last, clause_start, pos) if last else -1
    return at >= 0 and not _GAP_BREAK_RE.search(text, at + len(last), pos)


# Pure in its arguments, which are a clause's last words: they repeat from claim to claim.
@functools.lru_cache(maxsize=16384)
def _verb_before(pre: str, most: int = _VERB_WORDS_MAX, given: bool = False) -> str:
    """ "Tiếp nhận, thụ lý 08 hồ sơ thờ cúng", "đã chủ trì 40 phiên họp": what was done to the
    counted thing, the last words before the count after any function word (who did it, "đã")
    ("hồ sơ thờ cúng tiếp nhận, thụ lý"); nothing when those words are long or name a subject of
    their own."""
    words = pre.split()
    # after a function word, or after a name ("Quỹ ... thuộc Tập đoàn Hòa Bình tặng quà cho ...")
    cut = max(
        (
            i + 1
            for i, w in enumerate(words)
            if (w.lower() in _FUNCTION_WORDS and not (given and w.lower() == "của"))
            or (i and w[:1].isupper() and not given)
        ),
        default=0,
    )
    verb = _LEADING_TIME_RE.sub("", " ".join(words[cut:])).split()  # "năm nay trồng mới" → "trồng mới"
    if not verb or len(verb) > most or _NOT_IN_VERB_RE.search(" ".join(verb)):
        return ""
    if (any(w[:1].isupper() for w in verb[1:]) and not given) or (
        len(verb) == 1 and verb[0][:1].isupper() and verb[0].lower() not in _COUNT_VERBS
    ):
        return ""  # a name ("xã Tân Phú"), not a verb
    if " ".join(verb).lower() in _LEVELS:
        return ""  # the end of a body's name ("của Chủ tịch UBND tỉnh"), not a verb
    if not _LEADING_JUNK_RE.sub("", " ".join(verb)):
        return ""  # "kết quả", "trong năm": a lead-in, not a verb
    return " ".join(verb)


def _is_short_verb(pre: str) -> bool:
    """A word or two that name no subject: a verb acting on what follows ("chỉ đạo", "hoàn thành")."""
    return len(pre.split()) <= 2 and not match_subject(pre)


def _share_of(text: str, pre: str, pos: int, adjacent: bool = True) -> tuple[str, int]:
    """ "100% hồ sơ được xử lý": a percentage before a noun is the share of it ("tỷ lệ hồ sơ được xử
    lý"); "nhóm lúa thuần đạt 45% diện tích": before a measure, the share of that measure ("tỷ lệ
    diện tích nhóm lúa thuần"); else the words before it."""
    post, post_end = _post_words(text, pos, min(len(text), pos + 120))
    post = _clean_indicator(post)
    named = len(post) > 1 and not _TARGET_WORD_RE.match(post)  # no plan, no cut word ("t")
    # "Chỉ đạo 100% trường học tổ chức thi"; "Trong công tác cải cách hành chính, 100% hồ sơ ...":
    # words borrowed across a comma are the topic, the noun after the percentage its subject
    if not pre or (named and (_is_short_verb(pre) or not adjacent)):
        return (f"tỷ lệ {post}" if named else post), post_end
    noun = post.lower() if post.lower() in _MEASURE_NOUN_SET else None
    return (f"tỷ lệ {noun} {pre}", post_end) if noun else (pre, pos)


def _with_object(text: str, pre: str, pos: int, kind: str, adjacent: bool) -> tuple[str, int]:
    """ "trồng mới 300 ha rừng", "thu hoạch 1.600 tấn lương thực có hạt": the noun after a measure
    names what the verb before it measures. It joins the indicator when the two together name a
    catalogued subject; else, when the words before name no subject, the indicator is the noun
    with the measure its unit implies and the verb ("diện tích rừng trồng mới", "sản lượng lương
    thực có hạt": a harvest is the output)."""
    post, post_end = _post_words(text, pos, min(len(text), pos + 60))
    post = _clean_indicator(post)
    if not post or len(post.split()) > _OBJECT_WORDS_MAX or (pre and match_subject(pre)):
        return pre, pos
    if pre.lower().startswith(_MEASURE_PREFIXES):  # "thu hoạch ... trên diện tích": named already
        return pre, pos
    joined = f"{pre} {post}".strip()
    if match_subject(joined):
        return joined, post_end
    measure = _IMPLIED_MEASURE.get(kind, "")
    named = bool(measure) and post.lower().startswith(measure)  # "51 ha diện tích đất ruộng"
    if (
        post[:1].isupper()
        or _NOT_IN_VERB_RE.search(post)
        or (not named and post.lower().startswith(_MEASURE_PREFIXES))
    ):
        return pre, pos
    verb = _verb_before(pre) if adjacent else ""
    if kind == "mass":  # a harvest is the output; "hỗ trợ 180 tấn xi măng" is the cement given
        harvest = any(f" {verb.lower()}".endswith(f" {v}") for v in _OUTPUT_VERBS)
        verb, measure = ("", measure) if harvest else (verb, "")
    measure = "" if named else measure
    return " ".join(f"{measure} {post} {lower_first(verb)}".split()), post_end


def _enumeration_start(text: str, floor: int, cut: int, pre_end: int, short: str, after_fact: bool) -> int:
    """Where the clause starts when the words after its comma are the last items of an
    enumeration: one that names a catalogued subject the last item alone does not ("Giá trị sản
    xuất nông, lâm, thủy sản"), or a list of nouns of a word or two ("nông, lâm, thủy sản");
    else `cut`. (The caller has found the comma or "và" before the clause.)"""
    named = match_subject(short)
    if named:
        return _wider_name(text, floor, cut, pre_end, named[1], after_fact)
    if len(_BRACKETED_RE.sub(" ", short).split()) > _ITEM_WORDS_MAX:
        return cut  # too long to be a list's item
    start, items = cut, [short]
    for _ in range(3):
        item_break = _item_break(text, floor, start)
        if item_break is None:
            break
        prev = _clause_start(text, floor, floor, item_break.start())
        segment = _clean_indicator(text[prev : item_break.start()])
        if prev <= floor and after_fact:  # the words right after the claim before: its own, no item
            break
        # (another claim's number ends the list; a name's digit, "F0", does not)
        if not segment or _NUMBER_RE.search(segment) or len(segment.split()) > _ENUMERATION_WORDS_MAX:
            break
        start = prev
        items.append(segment)
        if match_subject(_clean_indicator(text[start:pre_end])) or segment.lower().startswith(_SUM_HEADS):
            return start  # "Tổng nguồn vốn của các tổ chức tín dụng và các ngân hàng": one sum
    if len(items) >= 2 and all(len(content_words(item)) <= _NOUN_ITEM_WORDS for item in items):
        return start
    return cut


_NUMBER_RE = re.compile(r"(?<!\w)\d")


def _wider_name(text: str, floor: int, cut: int, pre_end: int, named_words: int, after_fact: bool) -> int:
    """Where the clause starts when the item before its "và" or comma belongs to a longer name
    of the catalog than the last item alone names ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ
    tiêu dùng" is the retail sales, not the consumer services' revenue); else `cut`."""
    item_break = _item_break(text, floor, cut)
    if item_break is None:
        return cut
    prev = _clause_start(text, floor, floor, item_break.start())
    if prev <= floor and after_fact:  # the words right after the claim before are its own
        return cut
    item = _clean_indicator(text[prev : item_break.start()])
    if item_break.group(0).startswith(",") and len(content_words(item)) > _NOUN_ITEM_WORDS:
        return cut  # a clause of its own before the comma, not a name's first item
    wider = match_subject(_clean_indicator(text[prev:pre_end]))
    return prev if wider is not None and wider[1] > named_words else cut


# Where a clause's context ends and a named thing may start: a period ("... 9 tháng năm 2023 giá
# trị sản xuất ngành nông nghiệp") or a lead-in ("... không đạt, bao gồm doanh thu bán lẻ").
_CONTEXT_BREAK_RE = re.compile(
    r"""(?:\b\d{1,2}\s*tháng(?:\s*đầu)?(?:\s*năm)?(?:\s*\d{4})?|\bnăm\s+\d{4}
        |\bquý\s+[IVX\d]+(?:\s*/\s*\d{4})?
        |\b(?:bao\ gồm|theo\ đó|điển\ hình\ như|cụ\ thể\ là|cụ\ thể\ như))(?=[\s:,]+\w)[\s:,]*""",
    re.IGNORECASE | re.VERBOSE,
)


def _without_trailing_time(tail: str) -> str:
    """The tail without its period, unless the period is inside a bracket ("(giá cố định năm
    2010)" names the prices, not when the claim holds)."""
    m = _TRAILING_TIME_RE.search(tail)
    if m is None or tail.count("(", 0, m.start()) > tail.count(")", 0, m.start()):
        return tail
    return tail[: m.start()]


def _named_part(raw: str) -> str:
    """The side of a period or a lead-in inside a clause that names a catalogued subject: the
    words after it ("báo cáo ... 9 tháng năm 2023 giá trị sản xuất ngành nông nghiệp"), else the
    words before it ("Chỉ số sản xuất công nghiệp 6 tháng đầu năm tăng khá cao")."""
    if not _MAY_HOLD_TIME_RE.search(raw) and not _LEAD_IN_HINT_RE.search(raw):
        return raw
    for m in reversed(list(_CONTEXT_BREAK_RE.finditer(raw))):
        before, after = raw[: m.start()], raw[m.end() :]
        if before.count("(") > before.count(")"):  # "(giá cố định năm 2010)" is part of the name
            continue
        before = _strip_trailing_junk(before)
        if before and len(after.split()) >= 2 and match_subject(after):
            return after
        if after and len(before.split()) >= 2 and match_subject(before):
            return before
    return raw


# "Tiêm phòng tại trạm y tế xã với tổng số mũi tiêm: 3.100 mũi": the sum after "với" is measured.
_WITH_SUM_RE = re.compile(r"^.*?\s+với\s+(?=(?:tổng\s+số|tổng|số)\s+(?!lượng\b)\w)", re.IGNORECASE)
_HAS_SUM_RE = re.compile(r"^.*?\s+có\s+(?=tổng\s+\w)", re.IGNORECASE)
# "Kết quả 6 tháng đầu năm như sau: ..." announces a list: what comes before is no indicator.
_AS_FOLLOWS_RE = re.compile(r"^.*\bnhư sau\b[\s:,.\-–]*(?=\w)", re.IGNORECASE)
_LEAD_IN_HINT_RE = re.compile(r"bao gồm|theo đó|điển hình|cụ thể", re.IGNORECASE)


# Pure in its argument, and the same clause is cleaned again for each number it precedes.
@functools.lru_cache(maxsize=65536)
def _clean_indicator(raw: str, reorder: bool = True) -> str:
    """The clause's words without marks, leading connectives and trailing verbs (its last words).
    (`reorder`: a clause that names its measure last may be read measure first, once.)"""
    if _MAY_HOLD_MARK_RE.search(raw) or "nbsp" in raw:
        raw = _MARKS_RE.sub("", raw)
    raw = " ".join(raw.split())
    if raw[:1].isdigit():  # every \d is a digit to str.isdigit
        raw = _LEADING_NUMBER_RE.sub("", raw)
    if _MAY_HOLD_TIME_RE.search(raw, 0, 40):
        raw = _LEADING_TIME_RE.sub("", raw)
    raw = _LEADING_JUNK_RE.sub("", raw)
    if raw[:1].isupper() or raw.startswith(("đảng", "ban", "xã", "huyện")):
        raw = _LEADING_JUNK_RE.sub("", _LEADING_AGENT_RE.sub("", raw))
    # (each pattern below needs its "ớ" or "ư ", in either case: only then is it searched)
    if ("ớ" in raw or "Ớ" in raw) and not _measure_last(raw):  # "... với tổng kinh phí": measure first
        raw = _WITH_SUM_RE.sub("", raw)
    if "ó t" in raw or "Ó T" in raw:  # "Vụ này có tổng diện tích ...": the sum is what is measured
        raw = _HAS_SUM_RE.sub("", raw)
    if "ư " in raw or "Ư " in raw:
        raw = _AS_FOLLOWS_RE.sub("", raw)
    if "đạt" in raw or "là" in raw or "được" in raw:  # (_CLAIMED_RE is case-sensitive)
        raw = _CLAIMED_RE.split(raw, maxsplit=1)[0]  # "... vụ xuân đạt 1,187,93 tấn": an unread claim
    if "ứ" in raw or "Ứ" in raw or "ố" in raw or "Ố" in raw:  # "mức" or "con số", in either case
        raw = _LEVEL_VERDICT_RE.split(raw, maxsplit=1)[0]
    raw = _named_part(raw)
    # Trailing junk is a few words at most: only the end is scanned (a "$" search tries every offset).
    cut = max(0, len(raw) - _TRAILING_SCAN)
    cut = raw.find(" ", cut) + 1 if cut else 0
    tail = _strip_trailing_junk(raw[cut:])
    if reorder and _measure_last(tail):  # "chi trả trợ cấp quý I với số tiền": measured first, then clean
        first = _measure_first(raw[:cut] + tail)
        if first != raw[:cut] + tail:  # (not again: a clause of stacked measures would turn forever)
            return _clean_indicator(first, False)
    if _MAY_HOLD_TIME_RE.search(tail):  # the time and place expressions are rare: test cheaply first
        tail = _strip_trailing_junk(_without_trailing_time(tail))
    if _MAY_HOLD_PLACE_RE.search(tail):
        area_named = _AREA_NAMED_RE.search(raw[:cut] + tail)
        place = _TRAILING_PLACE_RE.search(tail)
        if place is not None:
            kept = " trên địa bàn" if area_named and "trên địa bàn" in place.group(0) else ""
            tail = tail[: place.start()] + kept
        tail = _without_trailing_time(tail)
        if not area_named:
            tail = _strip_trailing_junk(_BARE_AREA_RE.sub("", tail))
    raw = raw[:cut] + tail
    if raw.count("(") > raw.count(")"):  # a bracket the clean-up left open: "(giá"
        raw = raw[: raw.rfind("(")]
    words = raw.split(" ")
    return " ".join(words[_long_clause_start(words) :]).strip(" ,;:-–")


# A number left at the start of a clause ("95 năm 2021 ..." once the period is stripped) is another
# claim's or a list's, never part of what is measured.
# "6 tháng đầu năm" and "02 tháng/2023" are periods, stripped as such; "95 năm 2021" is a number
# before a year.
_LEADING_NUMBER_RE = re.compile(r"^(?:\d[\d.,/]*(?:\s+|$)(?!(?:tháng|quý|ngày|sao)\b|năm\b(?!\s+\d{4})))+")


def _long_clause_start(words: list[str], most: int = _MAX_INDICATOR_WORDS) -> int:
    """Where a long clause's indicator starts: its last words (the measured thing sits right
    before the number), from just after a function word so that no compound is cut in two
    ("bê tông hóa" never becomes "tông hóa"); 0 for a clause short enough to keep whole."""
    if len(words) <= most:  # no more words counted than there are
        return 0
    counted = [i for i, w in enumerate(words) if WORD_RE.search(w)]  # marks are no words
    if len(counted) <= most:
        return 0
    # "Tỷ lệ hộ dân sử dụng nước sạch từ hệ thống cấp nước tập trung": a clause that opens on its
    # measure is one noun phrase from its first word, a little longer than the usual clause
    if len(counted) <= most + _MEASURED_EXTRA_WORDS and " ".join(words[:3]).lower().startswith(
        _RATE_PREFIXES
    ):
        return 0
    limit = counted[-most]
    after_function_word = [i + 1 for i, w in enumerate(words[:-1]) if w.lower() in _FUNCTION_WORDS]
    later = [i for i in after_function_word if i >= limit]
    if later:
        return later[0]
    earlier = [i for i in after_function_word if i < limit]
    return earlier[-1] if earlier else 0


# "... trên địa bàn (xã)": where the counted thing is, the report's own place, no part of it.
_POST_PLACE_RE = re.compile(r"^trên\s+địa(?:\s|$)", re.IGNORECASE)


def _before_new_clause(words: list[str]) -> list[str]:
    """The words after a counted noun up to where another clause starts: a capitalised verb that
    opens a sentence whose bullet or full stop was lost ("5 pano Tham gia giao lưu ...": a title
    such as "Huy hiệu Đảng" or "Gia đình văn hóa" is no verb), or the report's place ("03 cụ tròn
    100 tuổi trên địa bàn")."""
    for i, word in enumerate(words):
        pair = " ".join(words[i : i + 2])
        opens = word[:1].isupper() and pair.lower() in _CLAUSE_VERBS
        if opens or _POST_PLACE_RE.match(pair):
            return words[:i]
    return words


# Pure in the chunk, and the words after a count repeat from claim to claim ("hộ gia đình").
# (A tuple: a caller that adds a word makes its own list, and the cached words stay as they are.)
@functools.lru_cache(maxsize=16384)
def _words_of_chunk(chunk: str) -> tuple[str, ...]:
    return tuple(_before_new_clause(chunk.split()))


_RATING_RE = re.compile(r"\d\s*sao\b", re.IGNORECASE)
_AGE_RE = re.compile(r"\d+(?:\s*[-–]\s*\d+)?\s*tuổi\b", re.IGNORECASE)


def _in_name(text: str, pos: int, at: int) -> bool:
    """Is the number at `at` part of a name ("F1", "Huy hiệu 60 năm tuổi Đảng", "hạng 1")?"""
    if text[at - 1].isalpha() or _AGE_RE.match(text, at):  # "trẻ em dưới 1 tuổi": an age names a group
        return True
    if _RATING_RE.match(text, at):  # "sản phẩm đạt 4 sao": a rating names a class
        return True
    before = text[pos:at].split()
    named = any(w[:1].isupper() for w in before[-2:])  # "Ô 773", "Huy hiệu 60 năm tuổi Đảng"
    return bool(before) and (before[-1].lower() in NAME_WORDS or named)


def _post_stop(text: str, pos: int, start: int, end: int) -> re.Match | None:
    """Where the words after a counted noun at `pos` stop, looking from `start`: a stop word,
    punctuation or a number (not one inside a name: "Quyết định 12/2024")."""
    stop = _POST_STOP_RE.search(text, start, end)
    while stop and stop.group(0).isdigit() and stop.start() > pos and _in_name(text, pos, stop.start()):
        digits = _DIGITS_RE.match(text, stop.start())
        stop = _POST_STOP_RE.search(text, digits.end() if digits else stop.end(), end)
    return stop


def _post_words(text: str, pos: int, end: int, subject: bool = False) -> tuple[str, int]:
    """Words right after a counted noun, up to a stop word or punctuation (max a few words).

    A count that is its clause's subject keeps the predicate its "đã" opens ("9/11 chi bộ đã tổ
    chức đại hội"), unless a number follows in it: "120 hồ sơ, đã giải quyết 100" is a new claim."""
    stop = _post_stop(text, pos, pos, end)
    if subject and stop and stop.group(0).lower() == "đã":
        after = _post_stop(text, pos, stop.end(), end)
        if after is None or not after.group(0).isdigit():  # no quantity follows: a predicate
            stop = _POST_STOP_RE.search(text, stop.end(), end)  # up to a date or name's number
    stop_at = stop.start() if stop else end
    words = list(_words_of_chunk(text[pos:stop_at]))
    if words and words[-1].lower() in NEGATIONS and stop and stop.group(0).lower() == "đạt":
        words.append(stop.group(0))  # "5 chỉ tiêu chưa đạt 100% ...": a negation keeps its verb
    if stop and stop.group(0).isdigit():  # "... nhiệm vụ năm 2024": a date starts there
        for size in (2, 1):
            if len(words) >= size and " ".join(words[-size:]).lower() in _DATE_NOUNS:
                words = words[:-size]
                break
    if len(words) > _MAX_POST_WORDS:  # cut back to a function word, never inside a word group
        words = words[:_MAX_POST_WORDS]
        last = max((i for i, w in enumerate(words) if w.lower() in _FUNCTION_WORDS), default=0)
        words = words[:last] if last >= 2 else words
    post = " ".join(words)
    if not post:
        return "", pos
    return post, text.index(words[-1], pos) + len(words[-1])
