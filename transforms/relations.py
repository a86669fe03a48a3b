"""How the numbers of one sentence become facts, and how the describing ones attach to them.

Each number is judged by the words right before it (tăng, giảm, vượt, đạt, bằng, a hedge) and
right after it (kế hoạch, dự toán, cùng kỳ ...): it either opens a new fact, or describes the
latest fact of the sentence (a share of plan, of the same period, a change, a stated target, the
share of an a/b form), or is no fact at all.

Two rules of the language carry most of the weight:
- A describing clause (a share of plan, of last year, a change) that opens on its verb belongs
  to the sentence's latest fact, however many words and commas that fact's noun phrase has
  ("Tiếp nhận 51 đơn khiếu nại, tố cáo, kiến nghị, tăng 39% so với cùng kỳ"); a clause that
  names its own subject first is a claim of its own ("..., đàn vịt đạt 70% KH").
- A number whose clause opens on a plan word (KH, kế hoạch, dự toán, chỉ tiêu, nghị quyết) is a
  target, never a fact: "(KH: 66 đảng viên)" goes to the fact before it, "Dự toán ... là 25,6 tỷ
  đồng; ước thực hiện 21,3 tỷ đồng" to the fact after it, in the same kind of unit.
"""

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from transforms.catalog import mapping, words
from transforms.indicator_phrase import fill_indicator_and_quote
from transforms.numbers import decimals_printed
from transforms.quantities import Quantity, name_or_date_reason
from transforms.schema import FACT_SCHEMA
from transforms.sentences import plan_before
from transforms.skips import SkippedNumber
from transforms.units import COMMON_COUNTED_NOUNS, scoring_kind, unit_info
from transforms.vocabulary import TARGET_WORDS_PATTERN, WORD_RE

# ---------------------------------------------------------------------------------------------
# The words before a number

# The verb right before a number (after any hedge), or "=" ("971/876 = 110,8%"), as "verb".
# (The pattern opens on one class of the characters every match starts with, and is not
# case-insensitive as a whole: sre then skips to those characters; the verbs follow, grouped by
# the letter matched, each a word of its own. As written plainly, with re.IGNORECASE and "\b"
# first, it tried every verb at every offset of the "$" search.)
_VERB_BEFORE_RE = re.compile(
    r"""(?P<verb>[=bBcCđĐgGhHtTvV]
      (?:(?<==)
        |(?<!\w.)(?i:(?<=b)ằng|(?<=c)(?:hiếm|òn|ao\s+hơn)|(?<=đ)ạt|(?<=g)iảm|(?<=h)oàn\s+thành
                  |(?<=t)(?:ăng|hấp\s+hơn|ương\s+đương)|(?<=v)ượt)))     # comparisons and shares
    (?i:(?:(?<!=)\s+(?:thêm|được|là|lên|xuống|xuống\s+còn|còn|khoảng))?  # a verb's particle
       \s*(?:\b(?:gần\s+đạt|gần|trên|hơn|khoảng|xấp\s+xỉ)\s*)?[:]?\s*$)""",
    re.VERBOSE,
)
_VERB_REACH = 34
# The words of the pattern above: a match holds only their letters (in any case), spaces, ":"
# and "=", so it lies within the run of such characters that ends the text; the "$" search starts
# there (the run is read on the text reversed, where it is a match at the start). Before its
# spaces and one ":", a match ends on "=" or on the last letter of a word that can end it
# (bằng, chiếm, còn, hơn, đạt, giảm, thành, tăng, đương, vượt, thêm, được, là, lên, xuống, khoảng,
# gần, trên, xỉ): without one, there is no match.
_VERB_WORDS = "bằng chiếm còn cao hơn đạt giảm hoàn thành tăng thấp tương đương vượt thêm được là lên xuống khoảng gần trên xấp xỉ"
_VERB_LAST_LETTERS = "=gmntchàỉ"
_VERB_CHARACTERS = r"[\s:=" + "".join(sorted(set(_VERB_WORDS) - {" "})) + "]"
_VERB_TAIL_RE = re.compile(rf"\s*:?\s*[{_VERB_LAST_LETTERS}]{_VERB_CHARACTERS}*", re.IGNORECASE)
# The verbs as the rules read them: a comparison is a change, a share verb reaches a level.
_VERB_MEANING = {"cao hơn": "tăng", "thấp hơn": "giảm", "hoàn thành": "đạt", "tương đương": "đạt", "=": "đạt"}
_LEVEL_WORDS = ("tăng lên", "giảm xuống", "giảm còn", "xuống còn", "tăng lên thành")
_LEVEL_AFTER_CHANGE_RE = re.compile(r"\b(?:" + "|".join(_LEVEL_WORDS) + r")\s*$", re.I)
_LEVEL_WORD_MAX = max(map(len, _LEVEL_WORDS))
# Words before a number that make it a threshold or a lower bound, not a quantity: "có ít nhất 02
# sản phẩm", "đạt từ 50% kế hoạch trở lên", "đạt dưới 50%".
_BOUND_WORDS = ("từ", "ít nhất", "tối thiểu", "dưới")
# The words as "\b(?:từ|ít nhất|tối thiểu|dưới)\s*$" with re.IGNORECASE finds them, written to open
# on the class of their first letters (every character that matches one of them under
# re.IGNORECASE) then fold case for the rest only: sre skips to those characters instead of
# trying each word, case folded, at every offset. "(?<!\w.)" after the first letter is the "\b".
_BOUND_BEFORE_RE = re.compile(
    r"""[tTíÍdD](?<!\w.)
    (?i:(?<=t)(?:ừ|ối\ thiểu)|(?<=í)t\ nhất|(?<=d)ưới)  # từ, tối thiểu, ít nhất, dưới
    \s*$""",
    re.VERBOSE,
)
_BOUND_WORD_MAX = max(map(len, _BOUND_WORDS))
# The last letters of the words, in every case re.IGNORECASE matches ("İ" and "ı" for "i").
_BOUND_LAST_LETTERS = frozenset("ừỪtTuUiIİı")
_THRESHOLD_AFTER_RE = re.compile(r"[^,;.()]{0,40}\btrở (?:lên|xuống)", re.IGNORECASE)
# "nâng tổng số đảng viên ... lên 1.250": the total's noun is written before the number.
_RAISED_TOTAL_RE = re.compile(
    r"\bnâng\s+tổng\s+số\s+(?P<noun>[^\W\d_]+(?:\s[^\W\d_]+)?)[^,;.\d]*\blên\s*$", re.IGNORECASE
)
# A yield in a unit of mass ("năng suất đạt 55,9 tạ") is per hectare.
_YIELD_CONTEXT_RE = re.compile(r"\bnăng\s+[sx]uất\b[^,;:.]{0,30}$", re.I)
_YIELD_MASS_UNITS = frozenset(("tạ", "tấn"))
# A bare large number after words of money is an amount in đồng ("với kinh phí 58,340,000").
_MONEY_WORDS = ("kinh phí", "số tiền", "tổng tiền", "trị giá", "giá trị", "tiền")
# (Opening on the class of the words' first letters, as _BOUND_BEFORE_RE does.)
_MONEY_CONTEXT_RE = re.compile(
    r"""[kK\u212asSſtTgG](?<!\w.)
    (?i:(?<=k)inh\ phí|(?<=s)ố\ tiền|(?<=t)(?:ổng\ tiền|rị\ giá|iền)|(?<=g)iá\ trị)  # _MONEY_WORDS
    \b[^,;]{0,20}$""",
    re.VERBOSE,
)
# A match is at most that long, and may end one character early (before a last "\n"): the "$"
# search needs no more characters.
_MONEY_REACH = max(map(len, _MONEY_WORDS)) + 20 + 1
# A target stated with its value: "(KH: 66 đảng viên)", "(chỉ tiêu huyện giao 197 trẻ)",
# "Dự toán thu ngân sách là 25,6 tỷ đồng; ước thực hiện ...", "theo chỉ tiêu giao là 16 thanh niên".
# The plan word opens the number's clause (or follows "theo"); a few words may name whose plan it
# is; a longer name needs "là" or ":" before the number. No verb of a result comes in between.
_TARGET_WORDS = mapping("target_words", "word", "spelled")  # an abbreviation -> its name
_TARGET_KIND = f"(?:{TARGET_WORDS_PATTERN})(?![^\\W\\d_])"
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

# A clause whose subject is a plan or an allocation, with a year or a longer name: "Tổng kế hoạch
# vốn năm 2024 do xã quản lý là 12 tỷ đồng", "b) Vốn sự nghiệp năm 2024 được giao 3 tỷ đồng". Its
# number is the target of the value of its unit that the sentence reports next (or last).
# The plan's figure may follow its long name, commas and all, with a hedge ("Tổng kế hoạch vốn
# từ nguồn ngân sách tỉnh, huyện hơn 185 tỷ đồng, ước giải ngân đạt 86% kế hoạch").
_SUBJECT_WORD = rf"(?:(?:năm\s+)?20\d\d|{_NOT_RESULT_WORD}[^\W\d_]+)"
_PLAN_HEDGE = "|".join(  # the hedges that announce no result ("ước", "gần đạt" do)
    h.replace(" ", r"\s+") for h in words("hedge_words") if h not in ("ước", "gần đạt")
)
_SUBJECT_TARGET_RE = re.compile(
    rf"^(?:[a-zđ]\)\s*)?(?:tổng\s+)?(?:(?P<kind>kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)(?:,?\s+{_SUBJECT_WORD}){{0,16}}"
    rf"(?:\s+được\s+(?:giao|phân\s+bổ|duyệt|thông\s+qua))?\s*(?:\blà\b|:|\b(?:{_PLAN_HEDGE})\b)|(?:nguồn\s+)?vốn(?:\s+{_SUBJECT_WORD}){{0,10}}\s+(?:được\s+)?(?:giao|phân\s+bổ|bố\s+trí)"
    r"(?:\s+là)?\s*:?)\s*$",
    re.IGNORECASE,
)
# Both patterns above end on ":" or on one of these words, a word of its own, then spaces: read on
# the clause reversed, a match at its start rules them in or out at once (their "$" searches
# and their alternations of plan words cost more).
_PLAN_CLAUSE_LAST_WORDS = ["là", "giao", "bổ", "trí"] + [
    h.split()[-1] for h in words("hedge_words") if h not in ("ước", "gần đạt")
]
_PLAN_CLAUSE_END_RE = re.compile(
    r"\s*(?::|(?:" + "|".join(w[::-1] for w in _PLAN_CLAUSE_LAST_WORDS) + r")(?!\w))", re.IGNORECASE
)

# ---------------------------------------------------------------------------------------------
# The words after a number

# After a percentage: what it is a percentage of.
_TARGET_AFTER_RE = re.compile(
    rf"\s*\)?\s*(?:so\s+với\s+|so\s+)?(?P<kind>{_TARGET_KIND}"
    r"(?:\s+(?!và\b|bằng\b|đạt\b|tăng\b|giảm\b|so\b|cùng\b|với\b)[^\W\d_]+){0,5})"
    r"(?:\s*\([^\W\d_]{1,4}\))?",  # "kế hoạch (KH)"
    re.IGNORECASE,
)
# "Tổng diện tích cây lâu năm 5.210 đạt 98% kế hoạch": a figure whose share of plan follows it
# measures something even when its unit went unwritten (GUIDE: a fact with unit null).
_SHARE_OF_PLAN_NEXT_RE = re.compile(
    rf"\s*,?\s*(?:đạt|bằng)\s+\d+(?:[.,]\d+)?\s*%\s*(?:so\s+với\s+)?{_TARGET_KIND}", re.IGNORECASE
)
# A percentage right before the verb of an amount, not of a percentage, belongs to the name of
# what the amount measures ("thu thụ hưởng 100% được 93,7 triệu đồng").
_AMOUNT_NEXT_RE = re.compile(
    r"\s+(?:được|đạt)\s+(?:(?:gần|trên|hơn|khoảng)\s+)?\d[\d.,]*\s*(?![\d.,%\s])", re.IGNORECASE
)
_SHARE_EQUALS_NEXT_RE = re.compile(r"\s*=\s*\d+(?:[.,]\d+)?\s*%")
_SAME_PERIOD_AFTER_RE = re.compile(
    r"\s*(?:so\s+với\s+|so\s+)?(?:(?:thực\s+hiện|TH)\s+)?(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?"
    r"|CK\b|năm\s+trước|năm\s+20\d\d|đầu\s+năm|cuối\s+năm\s+20\d\d)",
    re.IGNORECASE,
)
# What a change is measured against ("tăng 5% so với cùng kỳ").
# (As "\bso\s+với..." with re.IGNORECASE, opening on every case of "s" as _BOUND_BEFORE_RE does.)
_VS_RE = re.compile(
    r"[sSſ](?<!\w.)(?i:o\s+với\s+(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?|CK\b|năm\s+trước"
    r"|năm\s+20\d\d|đầu\s+năm|đầu\s+nhiệm\s+kỳ|(?:tháng|quý|tuần)\s+trước|[^,;.()\d]{1,25}?(?=[,;.()]|$)))"
)

# ---------------------------------------------------------------------------------------------
# Which fact a number belongs to

# "Tổng ... , trong đó ...": the facts after it are parts of the total before it.
_PART_OF_RE = re.compile(r"\btrong\s+đó\b", re.IGNORECASE)
# The spaces and list marks a clause may open on ("- ", "+ ", "• ").
_LIST_MARKS = " \t\n-–+•*"
# A sentence without "đó" in any case has no "trong đó": a scan for it without re.IGNORECASE
# skips to its first letter, the case-insensitive search with word boundaries tries every offset.
_PART_OF_HINT_RE = re.compile(r"[đĐ][óÓ]")
# Words that may open a describing clause without making it a new subject: "..., và tăng 5%",
# "..., đồng thời bằng 98% cùng kỳ", "...; ước cả năm đạt 90% KH".
_ATTACH_GAP_WORDS = frozenset(
    [
        "và",
        "đồng",
        "thời",
        "trong",
        "đó",
        "so",
        "với",
        "ước",
        "tính",
        "cả",
        "năm",
        "riêng",
        "thực",
        "hiện",
        "chỉ",
    ]
) | frozenset(w for hedge in words("hedge_words") for w in hedge.split())
# "Hoàn thành 100% chỉ tiêu giao quân với 24/24 thanh niên": the share comes first, the value after.
_SHARE_THEN_VALUE_RE = re.compile(r"\s*(?:với|gồm|là|:)\s*$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Numbers that describe no result

# "cùng kỳ tăng 10,28%": last period's own change, quoted as the base of a comparison.
# (As "\b(?:cùng\s+kỳ|CK)..." with re.IGNORECASE, opening on every case of "c".)
_BASE_BEFORE_RE = re.compile(r"[cC](?<!\w.)(?i:(?:ùng\s+kỳ|k)(?:\s+năm\s+(?:trước|\d{4}))?\s*$)")
_COMPARED_WITH_RE = re.compile(r"\bso(?:\s+với)?\s*$", re.IGNORECASE)
# An open-ended amount inside a goal's name: "đất đạt 100 triệu đồng/ha trở lên".
_OPEN_END_AFTER_RE = re.compile(r"\s*trở\s+(?:lên|xuống)\b", re.IGNORECASE)
# A percentage compared with another base than the same period or a plan: "bằng 93,6% so với
# tháng trước" (a clause with two comparisons keeps the one against the same period).
_OTHER_BASE_AFTER_RE = re.compile(r"\s*so(?:\s+với)?\s+(?:tháng|quý|tuần|kỳ)\s+trước\b", re.IGNORECASE)
_MET_OR_EXCEEDED_RE = re.compile(r"\bđạt\s+và\s+vượt\s*$", re.IGNORECASE)
# A bare level ends its clause: "đạt 184 ha, bằng 99,9%." (not "bằng 80% tổng sản lượng").
_CLAUSE_END_AFTER_RE = re.compile(r"\s*(?:[,;.)\n]|và\b|$)", re.IGNORECASE)
# Last period's level in brackets after the comparison: "giảm 162 ha so với cùng kỳ (12.279 ha)".
_BASE_IN_BRACKETS_RE = re.compile(r"\b(?:cùng\s+kỳ|năm\s+trước)(?:\s+năm\s+\d{4})?\s*\(\s*$", re.IGNORECASE)
# The plan named before its share: "so dự toán địa phương giao đạt 23,7%".
# (As "\bso..." with re.IGNORECASE, opening on every case of "s" as _VS_RE does.)
_KIND_BEFORE_RE = re.compile(
    rf"[sSſ](?<!\w.)(?i:o(?:\s+với)?\s+(?P<kind>{_TARGET_KIND}(?:\s+(?!và\b)[^\W\d_]+){{0,4}}?)\s+(?:đạt|bằng)\s*$)"
)
# An excess whose plan is named before the number: "vượt kế hoạch 5%", "vượt mục tiêu 0,42%".
_EXCESS_OF_PLAN_RE = re.compile(rf"\bvượt\s+(?:so\s+với\s+)?(?P<kind>{_TARGET_KIND})\s*$", re.IGNORECASE)
# "..., tăng 0,4% so với kế hoạch và cùng kỳ": one figure against a plan and the same period.
_AND_SAME_PERIOD_RE = re.compile(r"\s*và\s+(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?)", re.IGNORECASE)
_SAME_PERIOD_VS_RE = re.compile(r"cùng\s+kỳ|CK\b|năm\s+trước|năm\s+\d{4}", re.IGNORECASE)
# A sentence that opens on a share or a change continues the claim the sentence before ended on:
# "... 115/116 ha. Đạt 99% so với kế hoạch".
_OPENS_ON_DESCRIPTION_RE = re.compile(r"[ \t]*(?:đạt|bằng|tăng|giảm|vượt)\s", re.IGNORECASE)
# Words of a result: after them a "trong đó" part is no longer part of the plan stated first.
_RESULT_WORD_RE = re.compile(r"\b(?:đạt|thực hiện|ước|được)\b", re.IGNORECASE)
_NONFACT_UNITS = mapping("nonfact_units", "unit", "reason")
_CROP_WORDS = words("crop_words")
_PLAN_ITEMS = words("plan_item_nouns")
# The plan's own items: "13 chỉ tiêu cụ thể", "9 nhiệm vụ, giải pháp trọng tâm".
_PLAN_ITEM_AFTER_RE = re.compile(r"(?:[\s,]+(?:nhiệm vụ|giải pháp))?\s+(?:cụ thể|trọng tâm)\b", re.IGNORECASE)
# A result: what was reached or done ("hoàn thành 14/18 chỉ tiêu chủ yếu").
_DONE_BEFORE_RE = re.compile(r"\b(?:đạt|hoàn thành|vượt|thực hiện được|đã thực hiện)\b", re.IGNORECASE)
_PLAN_SHARE_SUBJECTS = words("plan_share_subjects")

ROLES = ("fact", "target", "pct_target", "pct_same_period", "change", "share")


_DIGIT_RE = re.compile(r"\d")
# A level equal to last year's, with no figure: "bằng cùng kỳ", "(ổn định như vụ Xuân năm trước)".
_SAME_AS_LAST_YEAR_RE = re.compile(
    r"""[\s,(]*
    (?:bằng|ngang\s+bằng|ngang|(?:(?:giữ|duy\s+trì)\s+)?ổn\ định\s+(?:như|so\s+với))\s+(?:với\s+)?
    (?:(?:cùng\s+kỳ|CK)\b(?!\s*năm\s+\d)                       # the same period
      |(?:vụ\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s+)?(?:năm\s+)?(?:trước|\d{4})  # the season or year before
       (?!\s*(?:là|:)?\s*\d))                                   # with no figure of its own""",
    re.IGNORECASE | re.VERBOSE,
)
_PLAN_NAMED_RE = re.compile(rf"\s*(?:so(?:\s+với)?\s+)?{_TARGET_KIND}\b", re.IGNORECASE)
_SUBJECT_BREAK_RE = re.compile(r",|;|\bvà\b", re.IGNORECASE)
_LIST_ITEM_CHARS = 60
# A verb of its own makes the item a claim: "có ít nhất 02 sản phẩm đạt chuẩn, đã có 4 sản phẩm".
_ITEM_VERB_RE = re.compile(r"\b(?:đã|có|đạt|được|thực hiện|ước|là)\b", re.IGNORECASE)
_SHARE_SLACK = 1.0  # percentage points: a share printed rounded, or of a rounded amount
_PLAN_SHARE_SLACK = 0.1  # a plan found by arithmetic alone must agree to the printed decimal


class PlacedNumber(NamedTuple):
    """A number that went into a fact, with its role there (for `make explain`)."""

    start: int
    end: int
    role: str  # one of ROLES
    fact: dict | None  # the fact it went to (None: a target still waiting for its value)


class _Num(NamedTuple):
    """A number of the sentence with what the words around it say."""

    q: Quantity
    unit: str | None
    before: str  # up to 45 characters before the number, within the sentence
    verb: str | None  # the verb right before it, as the rules read it ("tăng", "đạt", ...)
    verb_start: int
    # The words after the number are read for a percentage or an excess only (the rules read
    # them for no other number): None / False for the others.
    target_m: re.Match | None  # a plan word right after a percentage ("% kế hoạch")
    same_m: re.Match | None  # the same period right after it ("% so với cùng kỳ")
    stated: str | None  # the plan's name when the number states a target
    host: dict | None  # the fact a describing number belongs to
    bracketed: bool  # alone in brackets: "(80%)"
    ends_clause: bool  # a percentage that ends its clause ("bằng 99%." but not "bằng 80% tổng ...")
    other_period: bool  # a percentage against an earlier month or quarter ("so với tháng trước")
    plan_before: str | None = None  # the plan an excess names before it ("vượt kế hoạch 5%")


class _Sentence:
    """The facts of one sentence so far, and which one a describing number attaches to."""

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        plan_markers: list[int],
        carry: dict | None,
        open_plan: Quantity | None = None,
    ) -> None:
        self.text, self.start, self.end, self.plan_markers = text, start, end, plan_markers
        self.facts: list[dict] = []
        self.current: dict | None = None
        self.current_end = 0  # where the current fact's last piece ends
        self.last_was_pct_target = False
        self.pending_target: tuple[Quantity, str | None] | None = None  # a target stated before its value
        part = _PART_OF_RE.search(text, start, end) if _PART_OF_HINT_RE.search(text, start, end) else None
        self.part_start = part.start() if part else None
        self.parent: dict | None = None  # the total of "Tổng ..., trong đó ..."
        # A sentence opening on "trong đó" lists the parts of the plan the sentence before left
        # open ("Kế hoạch vốn ... là 266 tỷ đồng. Trong đó, ngân sách tỉnh là 184 tỷ đồng"), else
        # of the claim it ended on ("Tổng giá trị sản xuất đạt 17 tỷ đồng. Trong đó, dịch vụ ...")
        opens_on_parts = part is not None and not text[start : part.start()].strip(_LIST_MARKS)
        self.open_plan = open_plan if opens_on_parts else None
        if opens_on_parts and carry is not None and open_plan is None:
            self.parent = carry
        self.prev_end = start
        self.bound_end: int | None = None  # where the last number skipped as a bound ends
        self.skipped: list[SkippedNumber] = []
        if carry is not None and _OPENS_ON_DESCRIPTION_RE.match(text, start, end):
            self.current, self.current_end = carry, start

    def skip(self, q: Quantity, reason: str, end: int | None = None) -> None:
        self.skipped.append(SkippedNumber(q.start, max(q.end, q.num_end), reason))
        if end is not None and self.current is not None:
            self.current_end = max(self.current_end, end)  # the comparison stays in the claim
            self.prev_end = max(self.prev_end, end)

    def attach(self, host: dict, end: int) -> None:
        """A describing number went to `host`; the claim now ends at `end`."""
        self.current, self.current_end = host, end
        self.prev_end = max(self.prev_end, end)
        _extend_claim(host, end)

    def add(self, fact: dict, q: Quantity, end: int) -> None:
        """A new fact; inside "Tổng ..., trong đó ..." it is the total or one of its parts."""
        self.facts.append(fact)
        if self.part_start is not None and q.start < self.part_start:
            self.parent = fact
        elif self.part_start is not None and self.parent is not None and fact is not self.parent:
            fact["_parent"] = self.parent
        self.current, self.current_end = fact, end
        self.last_was_pct_target = fact["pct_target"] is not None and fact.get("_share_only", False)
        self.prev_end = max(self.prev_end, end)


def _extend_claim(fact: dict, end: int) -> None:
    """The claim's words run to `end` (a share, change or target read after its value): its
    quote will (transforms.facts._close_claims)."""
    fact["_claim_end"] = max(fact.get("_claim_end", 0), end)


def sentence_facts(
    text: str,
    sent_start: int,
    sent_end: int,
    quantities: list[Quantity],
    plan_markers: list[int],
    skipped: list[SkippedNumber] | None = None,
    carry: dict | None = None,
    placed: list["PlacedNumber"] | None = None,
    open_plan: Quantity | None = None,
) -> tuple[list[dict], Quantity | None]:
    """The facts of one sentence, its quantities read in text order, and the plan figure it
    leaves open (stated with no result: the next sentence may list its parts).

    Each quantity gets one role — a new fact, a stated target, a share of plan, a share of the
    same period, a change, the share of an a/b form — or is skipped with a reason (appended to
    `skipped`). `plan_markers` are the ends of the sentence's plan words; `carry` is the last
    fact of the sentence before, which a sentence opening on "Đạt ..." continues; `open_plan` is
    the plan figure the sentence before left open.
    """
    s = _Sentence(text, sent_start, sent_end, plan_markers, carry, open_plan)
    for q in quantities:
        # (a written unit is the unit, unless a mass that may be a yield: no call for it)
        unit = q.unit if q.unit is not None and q.unit not in _YIELD_MASS_UNITS else _unit_of(s, q)
        before = text[max(sent_start, q.start - 45) : q.start]  # the words the rules read before it
        early = _early_skip_reason(s, q, unit, before)  # most skipped numbers, before the costly context
        if early is not None:
            s.skip(q, early)
            continue
        n = _context(s, q, unit, before)
        role, reason = classify(s, n)
        if reason is not None:  # the role is "skip"
            s.skip(q, reason)
            continue
        skips_before = len(s.skipped)
        _HANDLERS[role](s, n)
        if len(s.skipped) == skips_before and placed is not None:
            placed.append(PlacedNumber(q.start, max(q.end, q.num_end), role, s.current))
    left_open = s.pending_target[0] if s.pending_target is not None else None
    if left_open is not None:
        s.skip(left_open, "plan figure with no result")
    if skipped is not None:
        skipped.extend(s.skipped)
    _mark_level_with_last_year(s)
    if len(s.facts) > 1:  # the readings of a pair of claims
        _fold_pairs(s, placed, _fold_plan_stated_before, "target")
        _fold_pairs(s, placed, _fold_bracketed_amount, "pct_target")
    return s.facts, left_open


def _fold_pairs(
    s: _Sentence, placed: list["PlacedNumber"] | None, fold: Callable[[str, dict, dict], bool], role: str
) -> None:
    """Each pair of neighbouring claims that `fold` reads as one becomes the second, into which
    `fold` has put what the first said; the first's numbers play `role` in it."""
    facts = s.facts
    for i in range(len(facts) - 1, 0, -1):
        first, second = facts[i - 1], facts[i]
        if fold(s.text, first, second):
            del facts[i - 1]
            _replace_placed(placed, first, second, role)


def _fold_plan_stated_before(text: str, plan: dict, fact: dict) -> bool:
    """ "Vốn đầu tư công năm 2023 trên 212 tỷ đồng, đến nay đã giao hơn 202 tỷ đồng, đạt 95,3% kế
    hoạch": an amount of the sentence whose share of plan is exactly the share stated is its plan
    (202 / 212 = 95,3%), a target and no fact of its own."""
    if not _is_plan_of(plan, fact):
        return False
    fact["target_value"] = plan["value"]
    return True


def _is_plan_of(plan: dict, fact: dict) -> bool:
    if fact["pct_target"] is None or fact["target_value"] is not None or not plan["value"]:
        return False
    if fact.get("_parent") is plan:
        return False  # "đã giải quyết 1.320 hồ sơ, trong đó đúng hạn 1.318 hồ sơ (99,8%)": its total
    if plan["unit"] != fact["unit"] or fact["unit"] == "%" or not _describes_nothing(plan):
        return False
    return abs(100 * fact["value"] / plan["value"] - fact["pct_target"]) <= _PLAN_SHARE_SLACK


def _describes_nothing(fact: dict) -> bool:
    """A bare amount: no target, share, change or extra plan of its own."""
    return (
        fact["target_value"] is None
        and fact["pct_target"] is None
        and fact["pct_same_period"] is None
        and not fact["change_direction"]
        and not fact["extra_targets"]
    )


def _replace_placed(placed: list["PlacedNumber"] | None, old: dict, new: dict, role: str) -> None:
    """The numbers that went to `old` now describe `new` in that role (for `make explain`)."""
    if placed is not None:
        placed[:] = [p._replace(role=role, fact=new) if p.fact is old else p for p in placed]


def _mark_level_with_last_year(s: _Sentence) -> None:
    """ "Cây sắn 30 ha, bằng cùng kỳ": a level equal to last year's is 100% of the same period,
    with no number written."""
    sentence = s.text[s.start : s.end]
    if "ằng" not in sentence and "ngang" not in sentence and "ổn định" not in sentence:
        return  # (substring tests: most sentences have none of the words)
    for fact in s.facts:
        if fact["pct_same_period"] is None and _SAME_AS_LAST_YEAR_RE.match(s.text, fact["char_end"], s.end):
            fact["pct_same_period"] = 100.0


def _fold_bracketed_amount(text: str, share: dict, amount: dict) -> bool:
    """ "thu ngân sách đạt 100% (136,4 tỷ/136,3 tỷ đồng)": a share of plan whose amount and plan
    follow in brackets is that amount's share of plan, one fact (when the figures agree)."""
    if not _bracketed_amount_of(text, share, amount):
        return False
    amount.update(
        pct_target=share["pct_target"],
        pct_target_decimals=share.get("pct_target_decimals"),
        target_kind=amount["target_kind"] or share["target_kind"],
        char_start=min(share["char_start"], amount["char_start"]),
        indicator_text=share["indicator_text"] or amount["indicator_text"],
    )
    amount["quote"] = text[amount["char_start"] : amount["char_end"]]
    return True


def _bracketed_amount_of(text: str, share: dict, amount: dict) -> bool:
    if share["unit"] != "%" or share["pct_target"] != share["value"] or amount["pct_target"] is not None:
        return False
    if not amount["target_value"] or share["char_end"] > amount["char_start"]:
        return False
    first_digit = _DIGIT_RE.search(text, amount["char_start"])
    if first_digit is None or text[share["char_end"] : first_digit.start()].strip() != "(":
        return False
    return abs(100 * amount["value"] / amount["target_value"] - share["value"]) <= _SHARE_SLACK


def _raised_total_noun(before: str) -> str | None:
    """ "nâng tổng số đảng viên toàn Đảng bộ lên 1.250": the total's counted noun, written before
    the number instead of after it."""
    m = _RAISED_TOTAL_RE.search(before) if "nâng" in before else None
    if m is None:
        return None
    words = m.group("noun").lower().split()
    return next((" ".join(words[:k]) for k in (2, 1) if " ".join(words[:k]) in COMMON_COUNTED_NOUNS), None)


def _unit_of(s: _Sentence, q: Quantity) -> str | None:
    """The number's unit, or the one its place implies."""
    unit = q.unit
    if unit is None and s.parent is not None and s.part_start is not None and q.start > s.part_start:
        unit = s.parent["unit"]  # a number without a unit inside "tổng ... trong đó": the total's
    if (
        unit is None
        and q.value >= 1000
        and _MONEY_CONTEXT_RE.search(s.text, max(s.start, q.start - _MONEY_REACH), q.start)
    ):
        unit = "đồng"  # "với kinh phí 58,340,000": money without its unit
    if unit is None:
        unit = _raised_total_noun(s.text[max(s.start, q.start - 80) : q.start])
    if unit in _YIELD_MASS_UNITS and _YIELD_CONTEXT_RE.search(s.text, max(s.start, q.start - 45), q.start):
        unit = f"{unit}/ha"  # "năng suất đạt 55,9 tạ": a yield is per hectare, written or not
    return unit


def _stated(s: _Sentence, q: Quantity, unit: str | None) -> str | None:
    """The plan's name when the number states a target (see _stated_target), else None."""
    if unit is None or q.is_rank:
        return None
    stated = _stated_target(s.text, s.start, q.start, s.last_was_pct_target)
    if unit == "%" and stated is not None and not (stated and _opens_bracket(s.text, s.start, q.start)):
        return None  # a rate's plan only in its own brackets: "đạt 9,8% (kế hoạch 9,5%)"
    return stated


def _early_skip_reason(s: _Sentence, q: Quantity, unit: str | None, before: str) -> str | None:
    """Reasons that need no reading of the words after the number: no unit (unless a change
    verb comes before it), a name or a date, a bound, a plan for a later period."""
    text = s.text
    if unit is None:
        tail = before[-25:].lower()
        if "tăng" in tail or "giảm" in tail:
            return None  # maybe a change whose unit went unwritten: the context decides
        return _unitless_reason(s, q)
    if not q.is_rank:
        reason = name_or_date_reason(text, s.start, q)
        if reason is not None and _stated(s, q, unit) is None:
            return reason
    if q.unit != "%" and (_ends_on_bound(before) or (s.bound_end is not None and _lists_on_a_bound(s, q))):
        s.bound_end = q.end
        return "bound"  # "có ít nhất 02 sản phẩm", "từ 03 xóm", "từ 01 thôn ..., 05 vườn mẫu"
    if s.plan_markers and plan_before(text, s.plan_markers, q.start):
        return "plan for a later period"
    return None


def _unitless_reason(s: _Sentence, q: Quantity) -> str | None:
    """Why a number without a unit is skipped: a name, a date, or no unit at all; None when its
    share of plan follows it, which makes it a measured figure whose unit went unwritten (but
    "có 12 đạt 100% kế hoạch" counts things whose noun went unwritten: the share is theirs)."""
    reason = name_or_date_reason(s.text, s.start, q)
    if reason is not None:
        return reason
    if q.target is not None and _SHARE_EQUALS_NEXT_RE.match(s.text, q.end, s.end):
        return None  # "971/876 = 110,8%": a result against its plan, and its share
    if not _SHARE_OF_PLAN_NEXT_RE.match(s.text, q.end, s.end):
        return "no unit"
    counted = s.text[max(s.start, q.start - 4) : q.start].split()[-1:] == ["có"]
    return "no unit" if counted else None


def _context(s: _Sentence, q: Quantity, unit: str | None, before: str) -> _Num:
    """What the words around the number say: the verb before it, what follows it, its host."""
    text = s.text
    is_pct = unit == "%"
    stated = _stated(s, q, unit)
    near = before[-_VERB_REACH:]  # a verb, its particle and a hedge fit in these characters
    verb_m = _verb_before(near)
    verb, verb_start = None, q.start
    if verb_m:
        raw = (verb_m.group("verb") or "=").lower()
        raw = raw if raw.isalpha() else " ".join(raw.split())  # "cao  hơn": one space
        verb, verb_start = _VERB_MEANING.get(raw, raw), q.start - (len(near) - verb_m.start())
    if verb in ("tăng", "giảm") and _ends_on(_LEVEL_AFTER_CHANGE_RE, before, _LEVEL_WORD_MAX):
        verb = "còn"
    if verb == "vượt" and (q.target is not None or _MET_OR_EXCEEDED_RE.search(before)):
        verb = "đạt"  # "đạt và vượt 17/19 chỉ tiêu": met, an a/b count, no excess
    plan_m = _EXCESS_OF_PLAN_RE.search(near) if verb is None and is_pct and "ợ" in near else None
    if plan_m:  # "vượt kế hoạch 5%": the excess, its plan named before it
        verb, verb_start = "vượt", q.start - (len(near) - plan_m.start())
    read_after = is_pct or verb == "vượt"
    target_m = _TARGET_AFTER_RE.match(text, q.end, s.end) if read_after else None
    same_m = _SAME_PERIOD_AFTER_RE.match(text, q.end, s.end) if read_after else None
    host = _host(text, s, s.start, verb_start) if s.current is not None else None
    bracketed = text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")"
    ends_clause = is_pct and _CLAUSE_END_AFTER_RE.match(text, q.end, s.end) is not None
    other_period = is_pct and _OTHER_BASE_AFTER_RE.match(text, q.end, s.end) is not None
    return _Num(
        q,
        unit,
        before,
        verb,
        verb_start,
        target_m,
        same_m,
        stated,
        host,
        bracketed,
        ends_clause,
        other_period,
        plan_m.group("kind") if plan_m else None,
    )


def _verb_before(near: str) -> re.Match | None:
    """The verb (or "=") that the characters before a number end on, with its particle and hedge.
    (The search starts where the last run of the verbs' characters starts: no match starts before
    it, and sre no longer tries the letters before it. Without that run, there is none.)"""
    tail = _VERB_TAIL_RE.match(near[::-1])
    return None if tail is None else _VERB_BEFORE_RE.search(near, len(near) - tail.end())


def classify(s: _Sentence, n: _Num) -> tuple[str, str | None]:
    """The number's role (one of ROLES, or "skip") and, for a skipped number, the reason."""
    reason = _skip_reason(s, n)
    if reason is not None:
        return "skip", reason
    if n.stated is not None:
        return "target", None
    return _describing_role(n), None


def _skip_reason(s: _Sentence, n: _Num) -> str | None:
    """Why the number is no fact and describes none, or None."""
    if n.unit is None:
        if n.verb in ("tăng", "giảm") and n.host is not None:
            return None  # "đạt 16.170 ha, tăng 9,5": a change whose unit went unwritten
        return _unitless_reason(s, n.q)
    if n.stated is not None:
        return None
    return _word_reason(s, n) or _threshold_reason(s, n)


def _in_a_name(s: _Sentence, n: _Num) -> bool:
    """Is a percentage right after a noun, and right before the verb of an amount, part of the
    name of what the amount measures (a rate named as such is none)?"""
    words = n.before.rstrip()
    return (
        words[-1:].isalpha()
        and _AMOUNT_NEXT_RE.match(s.text, n.q.end, s.end) is not None
        and "tỷ lệ" not in words.lower()
    )


def _word_reason(s: _Sentence, n: _Num) -> str | None:
    """Reasons read from the unit and the words next to it (GUIDE "Not facts")."""
    q, text = n.q, s.text
    if n.unit in _NONFACT_UNITS:
        return _NONFACT_UNITS[n.unit]
    if n.unit == "%" and n.verb is None and _in_a_name(s, n):
        return "share in a name"  # "thu thụ hưởng 100% được 93,7 triệu đồng": the amount is the claim
    if n.unit == "vụ" and n.before.split()[-1:] and n.before.split()[-1].lower() in _CROP_WORDS:
        return "count of crop seasons"  # "đất lúa 2 vụ"
    # (the patterns end at the number: a window of a few words before it is enough)
    base = None
    if n.verb in ("tăng", "giảm"):
        base = _BASE_BEFORE_RE.search(text, max(s.start, n.verb_start - 30), n.verb_start)
    if base and not _COMPARED_WITH_RE.search(text, max(s.start, base.start() - 10), base.start()):
        return "comparison base"  # "cùng kỳ tăng 10,28%" (but "so với cùng kỳ giảm 2 vụ" compares)
    if text[q.start - 3 : q.start].rstrip()[-1:] == "(" and _BASE_IN_BRACKETS_RE.search(
        text, max(s.start, q.start - 40), q.start
    ):
        return "comparison base"  # "so với cùng kỳ (12.279 ha)": last period's level
    signed = text[q.start - 2 : q.start] in ("(+", "(-", "(–")
    if signed and s.current is not None and s.current["change_direction"] is not None:
        return "change restated in another unit"  # "giảm 1,6% (-673 ha)"
    plan = s.pending_target[0] if s.pending_target is not None else s.open_plan
    if (
        plan is not None
        and s.part_start is not None
        and q.start > s.part_start
        and _same_measure(plan.unit, n.unit)
        and not _RESULT_WORD_RE.search(text, s.part_start, q.start)
    ):
        return "part of a plan"  # "Kế hoạch thu ... là 300 tỷ đồng, trong đó thu thuế 170 tỷ đồng"
    if n.unit in _PLAN_ITEMS and _is_plan_size(s, n):
        return "size of a plan"  # "ban hành Kế hoạch ... với 13 chỉ tiêu cụ thể"
    return None


def _is_plan_size(s: _Sentence, n: _Num) -> bool:
    if n.unit not in _PLAN_ITEMS or not _PLAN_ITEM_AFTER_RE.match(s.text, n.q.end, s.end):
        return False
    clause = s.text[max(s.start, n.q.start - 60) : n.q.start]
    return not _DONE_BEFORE_RE.search(clause)


def _threshold_reason(s: _Sentence, n: _Num) -> str | None:
    """A threshold inside the indicator's wording: "đạt từ 50% kế hoạch trở lên", "đạt dưới 50%"."""
    q, text = n.q, s.text
    if _OPEN_END_AFTER_RE.match(text, q.end, s.end):
        return "threshold"
    if n.unit != "%":
        return None
    if not _ends_on_bound(n.before):
        return None
    if n.target_m or _THRESHOLD_AFTER_RE.match(text, q.end) or n.verb is None:
        return "threshold"
    return None


def _lists_on_a_bound(s: _Sentence, q: Quantity) -> bool:
    """Is the number the next item of a list that a bound opened ("xây dựng từ 01 thôn kiểu
    mẫu, 05 vườn mẫu"): after a comma, with no verb of a result since the bound's number?"""
    if s.bound_end is None:
        return False
    between = s.text[s.bound_end : q.start]
    if "," not in between or len(between) > _LIST_ITEM_CHARS:
        return False
    return not _ITEM_VERB_RE.search(between.rsplit(",", 1)[1])  # the item's own words


def _ends_on_bound(before: str) -> bool:
    """Do the words before a number end on a word of a bound ("từ", "dưới", ...)?

    Only the last characters are searched: a "$" search tries every offset; and only when the
    words end on the last letter of a bound's word (most do not)."""
    stripped = before.rstrip()
    if stripped[-1:] not in _BOUND_LAST_LETTERS:
        return False
    return _BOUND_BEFORE_RE.search(before, max(0, len(stripped) - _BOUND_WORD_MAX)) is not None


def _ends_on(pattern: re.Pattern, before: str, longest: int) -> bool:
    """pattern.search(before) for a pattern of words at most `longest` characters long, then
    spaces to the end: the words end where the trailing spaces start, so only the last
    characters are searched (the search still sees the character before its start)."""
    return pattern.search(before, max(0, len(before.rstrip()) - longest)) is not None


def _describing_role(n: _Num) -> str:
    """Whether the number opens a fact or describes the sentence's latest one, and how."""
    is_pct, verb = n.unit == "%", n.verb
    if verb in ("tăng", "giảm") and is_pct and n.target_m:
        return "pct_target"  # "tăng 3% so với dự toán": exceeds the plan
    if verb in ("tăng", "giảm") or (verb == "vượt" and n.same_m and not n.target_m):
        return "change"
    if verb == "vượt" and (n.target_m or n.plan_before or (is_pct and n.host is not None)):
        return "pct_target"
    if is_pct and n.target_m:
        return "pct_target"
    if is_pct and n.same_m and verb not in ("chiếm", "còn"):
        return "pct_same_period"
    if is_pct and _KIND_BEFORE_RE.search(n.before):
        return "pct_target"  # "so dự toán địa phương giao đạt 23,7%"
    host = n.host
    if not is_pct or host is None or host["unit"] == "%" or host["pct_target"] is not None:
        return "fact"
    if host["target_value"] is not None and (n.bracketed or verb in ("đạt", "bằng")):
        return "share"  # "96/120 hộ (80%)", "45/60 hồ sơ, đạt 75%"
    if verb == "đạt" or (verb is None and n.bracketed):
        return "share"  # "thu 22 tỷ đồng, đạt 87%": a share of an unnamed plan
    if verb == "bằng" and (n.ends_clause or n.other_period):
        return "pct_same_period"  # "đạt 184 ha, bằng 99,9%": a level against last year's
    return "fact"


# ---------------------------------------------------------------------------------------------
# One handler per role


def _on_target(s: _Sentence, n: _Num) -> None:
    """A target, never a fact: it belongs to a fact of its unit, before it or after it."""
    q, text = n.q, s.text
    close = text.find(")", q.end, min(s.end, q.end + 3))
    stated_end = close + 1 if close != -1 else q.end
    current = s.current
    if n.stated == "" and current is not None and current.get("_share_only") and current["unit"] == "%":
        # "đạt 70,9% kế hoạch (36.982 tỷ đồng)": a share with no value yet; the amount is the value
        # (and an a/b form's plan the target: "100% chỉ tiêu (25/25 thanh niên)")
        current.update(value=q.value, value_text=q.value_text, unit=n.unit, _share_only=False)
        if q.target is not None:
            _set_target_value(current, q.target)
        s.attach(current, stated_end)
        return
    host = _target_host(s.facts, n.unit)
    if host is not None:
        _set_target_value(host, q.value)
        if host["target_kind"] is None:
            host["target_kind"] = n.stated or None
        if host is current:
            s.current_end = stated_end
        _extend_claim(host, stated_end)
    else:
        s.pending_target = (q._replace(unit=n.unit), n.stated or None)
    s.prev_end = max(s.prev_end, stated_end)


def _on_change(s: _Sentence, n: _Num) -> None:
    """A change against an earlier period: the host's, or a fact of its own."""
    q, text, unit = n.q, s.text, n.unit
    end = q.end
    vs_m = _VS_RE.search(text, q.end, s.end)
    vs = " ".join(vs_m.group("vs").split()) if vs_m else None
    if vs_m and vs_m.start() - q.end < 4:
        end = vs_m.end()
    direction = "tăng" if n.verb in ("tăng", "vượt") else "giảm"
    change = {"change_direction": direction, "change_amount": q.value, "change_unit": unit, "change_vs": vs}
    host = n.host
    if unit is not None and unit != "%" and (host is None or not _same_measure(host["unit"], unit)):
        host = _change_host(text, s, s.start, n.verb_start, q, unit) or host
    if host is not None and _takes_change(host, vs):
        host.update(change)
        s.attach(host, end)
        return
    if unit is None:
        s.skip(q, "no unit")
        return
    fact = _new_fact(q._replace(target=None))
    fact["unit"] = unit
    fact.update(change)
    fill_indicator_and_quote(text, fact, s.start, s.prev_end, q, n.verb_start, end)
    s.add(fact, q, end)


def _takes_change(host: dict, vs: str | None) -> bool:
    """Has the host no change yet, or only one against another base than the same period?"""
    if host["change_direction"] is None:
        return True
    old_vs = host["change_vs"]
    return (
        bool(old_vs)
        and not _SAME_PERIOD_VS_RE.search(old_vs)
        and (not vs or _SAME_PERIOD_VS_RE.search(vs) is not None)
    )


def _on_pct_target(s: _Sentence, n: _Num) -> None:
    """A share of plan ("đạt 95% KH"), or an excess over it ("vượt 12%", "tăng 3% so với dự toán")."""
    q, text = n.q, s.text
    pct, kind, end = _pct_of_plan(n)
    if n.verb == "vượt" and n.unit not in ("%", "lần"):
        s.skip(q, "excess over a plan", end)  # "vượt 5 ha so với kế hoạch": no target written
        return
    decimals = decimals_printed(q.value_text)
    host = n.host
    if host is not None and host["pct_target"] is not None and _names_a_new_subject(s, n):
        host = None  # "..., đạt 101% kế hoạch và giải ngân đạt 100% kế hoạch": another claim
    if (
        host is not None
        and n.verb == "vượt"
        and host["change_unit"] == "%"
        and host["change_amount"] == host["value"]
    ):
        # "tỷ lệ hộ nghèo giảm 3,92%, vượt mục tiêu 0,42%": a change beats its target by points,
        # which is no share of the plan
        host["target_kind"] = host["target_kind"] or kind
        s.attach(host, end)
        return
    if host is not None:
        _add_target(host, pct, decimals, kind)
        _also_same_period_change(s, n, host, end)
        s.attach(host, end)
        s.last_was_pct_target = True
        return
    fact = _pending_result(s, n, pct, decimals, end) or _new_fact(q)
    if fact["pct_target"] is None:
        fact.update(value=pct, unit="%", pct_target=pct, pct_target_decimals=decimals, target_kind=kind)
        fact["_share_only"] = True
        fill_indicator_and_quote(text, fact, s.start, s.prev_end, q, n.verb_start, end)
    s.add(fact, q, end)
    s.last_was_pct_target = True


def _names_a_new_subject(s: _Sentence, n: _Num) -> bool:
    """Do words of a subject come between the claim before and this share's verb, after the last
    "và" or comma ("... và thực hiện giải ngân đạt 100%")? A second plan of the same value comes
    with none ("đạt 100,3% dự toán tỉnh giao, đạt 80,6% dự toán huyện")."""
    if n.verb != "đạt" or n.verb_start <= s.current_end:
        return False
    parts = _SUBJECT_BREAK_RE.split(s.text[s.current_end : n.verb_start])
    last = parts[-1]
    # "và so dự toán huyện giao đạt 45%": the words name the plan, not a subject
    names_plan = _PLAN_NAMED_RE.match(last) is not None
    return len(parts) > 1 and bool(WORD_RE.search(last)) and not names_plan


def _pct_of_plan(n: _Num) -> tuple[float, str | None, int]:
    """The share of plan the number states, the plan's name and where the claim ends."""
    q, value = n.q, n.q.value
    if n.unit == "lần":
        pct = 100 * value  # "vượt 2,2 lần kế hoạch"
    elif n.verb in ("vượt", "tăng"):
        pct = value if value >= 100 else 100 + value
    elif n.verb == "giảm":
        pct = 100 - value
    else:
        pct = value
    if n.target_m:
        return pct, _kind_text(n.target_m.group("kind")), n.target_m.end()
    if n.plan_before:
        return pct, _kind_text(n.plan_before), q.end
    kind_m = _KIND_BEFORE_RE.search(n.before)
    return pct, _kind_text(kind_m.group("kind")) if kind_m else None, q.end


def _also_same_period_change(s: _Sentence, n: _Num, host: dict, end: int) -> None:
    """ "tăng 0,4% so với kế hoạch và cùng kỳ": the same figure is also the change."""
    both = _AND_SAME_PERIOD_RE.match(s.text, end, s.end)
    if both and n.verb in ("tăng", "giảm") and host["change_direction"] is None:
        host.update(
            change_direction=n.verb, change_amount=n.q.value, change_unit="%", change_vs=both.group("vs")
        )


def _pending_result(s: _Sentence, n: _Num, pct: float, decimals: int, end: int) -> dict | None:
    """ "theo chỉ tiêu giao là 16 thanh niên đạt 100% KH": the plan was met, its figure the result
    (unless the share's own clause names its subject: "kế hoạch vốn 120 tỷ đồng, ước giải ngân
    đạt 86% kế hoạch" is the disbursement's share)."""
    pending = s.pending_target
    if pending is None or n.verb == "vượt":
        return None
    target_q, stated_kind = pending
    boundary = _last_boundary(s.text, target_q.end, n.verb_start)
    if boundary != -1 and _names_own_subject(s.text, boundary, n.verb_start):
        return None
    s.pending_target = None
    fact = _new_fact(target_q._replace(target=target_q.value if n.q.value == 100 else None))
    fact.update(pct_target=pct, pct_target_decimals=decimals, target_kind=stated_kind)
    fill_indicator_and_quote(s.text, fact, s.start, s.prev_end, target_q, target_q.start, end)
    return fact


def _on_pct_same_period(s: _Sentence, n: _Num) -> None:
    """A level against the same period ("bằng 98% cùng kỳ"): the host's, or a fact of its own."""
    q = n.q
    end = n.same_m.end() if n.same_m else q.end
    if n.same_m is None and n.other_period:
        # "bằng 93,6% so với tháng trước": a clause with two comparisons keeps the same period's
        other = _OTHER_BASE_AFTER_RE.match(s.text, q.end, s.end)  # found: n.other_period
        s.skip(q, "comparison with another period", other.end() if other else None)
        return
    if n.host is not None:
        if n.host["pct_same_period"] is None:
            n.host["pct_same_period"] = q.value
        s.attach(n.host, end)
        return
    fact = _new_fact(q)
    fact["pct_same_period"] = q.value
    fill_indicator_and_quote(s.text, fact, s.start, s.prev_end, q, n.verb_start, end)
    s.add(fact, q, end)


def _on_share(s: _Sentence, n: _Num) -> None:
    """The share of the host's a/b form or of its unnamed plan ("45/60 hồ sơ, đạt 75%")."""
    q, host = n.q, n.host
    assert host is not None  # a share is read only for a host (_describing_role)
    _add_target(host, q.value, decimals_printed(q.value_text), None)
    share_end = q.end + 1 if n.bracketed else q.end
    s.attach(host, share_end)


def _on_fact(s: _Sentence, n: _Num) -> None:
    """A new fact: the number with its unit, the words naming it, any target stated before it."""
    q, text = n.q, s.text
    fact = _new_fact(q)
    fact["unit"] = n.unit
    _take_pending_target(s, fact)
    fill_indicator_and_quote(text, fact, s.start, s.prev_end, q, n.verb_start, q.end)
    _take_leading_share(text, s, fact)
    if n.unit == "%" and n.verb == "đạt" and _is_plan_share_subject(s, fact):
        fact.update(pct_target=q.value, pct_target_decimals=decimals_printed(q.value_text))
    s.add(fact, q, q.end)


def _is_plan_share_subject(s: _Sentence, fact: dict) -> bool:
    """Is the percentage a share of plan by its subject ("thu ngân sách đạt 71%"), or does it
    continue a list of such shares?"""
    words = (fact["indicator_text"] or "").lower().split()
    if any(" ".join(words[:n]) in _PLAN_SHARE_SUBJECTS for n in (1, 2)):
        return True
    last = s.facts[-1] if s.facts else None
    return last is not None and last["unit"] == "%" and last["pct_target"] == last["value"]


_HANDLERS = {
    "fact": _on_fact,
    "target": _on_target,
    "pct_target": _on_pct_target,
    "pct_same_period": _on_pct_same_period,
    "change": _on_change,
    "share": _on_share,
}


_EMPTY_FACT = {"_pos": None, **dict.fromkeys(FACT_SCHEMA)}


def _new_fact(q: Quantity) -> dict:
    """A fact record of the quantity, with every field of transforms.schema.FACT_SCHEMA."""
    fact = _EMPTY_FACT.copy()  # (a copy of a ready dict: cheaper than building one per fact)
    fact.update(
        _pos=q.start,
        value=q.value,
        value_text=q.value_text,
        unit=q.unit,
        target_value=q.target,
        extra_targets=[],
    )
    return fact


def _host(text: str, clause: _Sentence, sent_start: int, verb_start: int) -> dict | None:
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
    boundary = _last_boundary(text, end, verb_start)
    if boundary == -1:
        return fact if verb_start - end <= 80 else None
    return None if _names_own_subject(text, boundary, verb_start) else fact


def _names_own_subject(text: str, boundary: int, verb_start: int) -> bool:
    """Do the words between a boundary and a describing verb name a subject of their own?"""
    return not _ATTACH_GAP_WORDS.issuperset(map(str.lower, WORD_RE.findall(text, boundary + 1, verb_start)))


def _last_boundary(text: str, start: int, end: int) -> int:
    """Where the last describing boundary (a comma, semicolon, colon or opening bracket) of
    text[start:end] is, or -1."""
    return max(
        text.rfind(",", start, end),
        text.rfind(";", start, end),
        text.rfind(":", start, end),
        text.rfind("(", start, end),
    )


# Words of a change's own clause that name no subject: "; so với cùng kỳ giảm 3 vụ".
_CHANGE_GAP_WORDS = _ATTACH_GAP_WORDS | frozenset(["cùng", "kỳ", "trước", "đầu", "cuối", "nay"])
_WORD_AFTER_RE = re.compile(r"[ ]([^\W\d_]+)")


def _change_host(
    text: str, clause: _Sentence, sent_start: int, verb_start: int, q: Quantity, unit: str
) -> dict | None:
    """The fact a change in a unit belongs to when the sentence's latest fact has another unit.

    "37 doanh nghiệp ... với vốn đăng ký 412 tỷ đồng, tăng 5 doanh nghiệp": the change counts
    enterprises, so it is the enterprises' change; "xảy ra 9 vụ, làm chết 6 người, bị thương 5
    người; so với cùng kỳ giảm 3 vụ, giảm 2 người chết": each change goes to the fact of its unit,
    the one whose words share the word after the unit ("chết") when there are several. Only when
    the change's own clause names no subject of its own.
    """
    if not clause.facts:
        return None
    gap_start = max(sent_start, clause.current_end)
    own_start = max(gap_start, _last_boundary(text, gap_start, verb_start) + 1)
    if not _CHANGE_GAP_WORDS.issuperset(map(str.lower, WORD_RE.findall(text, own_start, verb_start))):
        return None
    candidates = [f for f in clause.facts if f["change_direction"] is None and _same_measure(f["unit"], unit)]
    if not candidates:
        return None
    after = _WORD_AFTER_RE.match(text, q.end)
    if after is not None and len(candidates) > 1:
        word = after.group(1).lower()
        for fact in reversed(candidates):
            if word in _words_of(fact["quote"]):
                return fact
    return candidates[-1]


def _words_of(s: str | None) -> set[str]:
    return set(map(str.lower, WORD_RE.findall(s or "")))


def _stated_target(text: str, sent_start: int, pos: int, after_pct_target: bool) -> str | None:
    """The plan's name when the number at `pos` states a target ("KH: 66 đảng viên"), else None.

    Right after a percentage of plan, a bare amount in brackets is that plan's figure:
    "đạt 95% dự toán huyện giao (8 tỷ đồng)" (its name is then the empty string).
    """
    semicolon, bracket = text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    cut = max(text.rfind(",", sent_start, pos), semicolon, bracket)
    slash = text.rfind("/", max(sent_start, pos - 16), pos)  # "45,6 tỷ đồng/KH 40 tỷ đồng"
    if slash > cut and _STATED_TARGET_RE.search(text[slash + 1 : pos].strip()):
        cut = slash
    clause = text[cut + 1 if cut != -1 else sent_start : pos].strip(_LIST_MARKS)
    in_bracket = cut != -1 and text[cut] == "("
    if not clause and after_pct_target and in_bracket:
        return ""
    if in_bracket and clause[-1:].isalpha():  # "(kế hoạch năm tăng từ 10% trở lên)": the plan's level
        clause = _BRACKETED_PLAN_VERB_RE.sub("", clause)
    named = _clause_target(clause)
    if named is None and cut != -1 and text[cut] == ",":
        if _PLAN_CLAUSE_END_RE.match(clause[::-1]) is None:
            return None  # (the clause from the last ";" or "(" ends as this one does: no plan's)
        cut = max(semicolon, bracket)
        m = _plan_clause(text[cut + 1 if cut != -1 else sent_start : pos].strip(_LIST_MARKS))
        return _kind_text(m.group("kind") or "") if m else None
    return named


# The verb of a plan stated in brackets after its value: "(kế hoạch tăng 10%)", "(KH đạt từ 60%)".
_BRACKETED_PLAN_VERB_RE = re.compile(r"\s+(?:tăng|giảm|đạt)(?:\s+từ)?$", re.IGNORECASE)


def _plan_clause(whole: str) -> re.Match | None:
    """A clause that states a plan with its long name ("Dự toán thu thuế, phí năm là"), or whose
    subject is a plan or an allocation ("Tổng kế hoạch vốn năm 2024 do xã quản lý là")."""
    if _PLAN_CLAUSE_END_RE.match(whole[::-1]) is None:
        return None  # (the end both need is not there)
    return _LONG_STATED_TARGET_RE.search(whole) or _SUBJECT_TARGET_RE.match(whole)


# Pure in the clause, and a sentence's numbers often share their clause's words: cached (the
# "$" searches try every offset of the clause).
@functools.lru_cache(maxsize=4096)
def _clause_target(clause: str) -> str | None:
    """The plan's name the clause before a number states ("" for a plan subject without one)."""
    # Without "theo" (in any case) the pattern can only match at the clause's start.
    stated = _STATED_TARGET_RE.search if "theo" in clause.lower() else _STATED_TARGET_RE.match
    m = stated(clause) or _plan_clause(clause)
    if m is None:
        return None
    kind = m.group("kind")  # (a plan subject may have none: "Vốn ... được giao")
    return _kind_text(kind) if kind else ""


def _opens_bracket(text: str, sent_start: int, pos: int) -> bool:
    """Does the clause of the number at `pos` open on a bracket ("(KH 9,5%)")?"""
    cut = max(
        text.rfind(",", sent_start, pos), text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    )
    return cut != -1 and text[cut] == "("


def _kind_text(raw: str) -> str:
    """The plan's name as written, its abbreviations spelled out ("KH huyện" -> "kế hoạch huyện")."""
    kind = " ".join(raw.split())  # (str.split's spaces are those of "\s")
    first, _, rest = kind.partition(" ")
    spelled = _TARGET_WORDS.get(first.lower())  # target_words.csv: "kh" is "kế hoạch"
    return f"{spelled} {rest}".strip() if spelled else kind


def _add_target(fact: dict, pct: float, decimals: int, kind: str | None) -> None:
    """Give the fact a share of plan; a second share (of another plan) goes to its extra targets."""
    if fact["pct_target"] is None:
        fact["pct_target"], fact["pct_target_decimals"] = pct, decimals
        fact["target_kind"] = fact["target_kind"] or kind
    else:
        fact["extra_targets"].append(
            {"target_value": None, "pct_target": pct, "pct_target_decimals": decimals, "target_kind": kind}
        )


def _set_target_value(fact: dict, value: float) -> None:
    """Give the fact (or its latest extra target) the plan's stated figure."""
    if fact["extra_targets"]:
        fact["extra_targets"][-1]["target_value"] = value
    elif fact["target_value"] is None:
        fact["target_value"] = value


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


def _take_pending_target(clause: _Sentence, fact: dict) -> None:
    """A target stated earlier in the sentence goes to the first fact of its unit kind."""
    pending = clause.pending_target
    if pending is None or fact["target_value"] is not None:
        return
    target_q, kind = pending
    if _same_measure(target_q.unit, fact["unit"]):
        fact["target_value"], fact["target_kind"] = target_q.value, kind
        clause.pending_target = None


def _take_leading_share(text: str, clause: _Sentence, fact: dict) -> None:
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
    if (fact["indicator_text"] or "").lower() == (fact["unit"] or "").lower():
        # "Giao quân đạt 100% chỉ tiêu với 25/25 thanh niên": the share's words name the claim
        fact["indicator_text"] = share["indicator_text"] or fact["indicator_text"]
    fact["char_start"] = share["char_start"]
    fact["quote"] = text[fact["char_start"] : fact["char_end"]]
