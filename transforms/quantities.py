"""Numbers in a report's text, each read with its unit ("Quantity"), and the numbers that are no quantity.

A number is read with its a/b partner ("8/11 xã"), a measure unit ("12,5 tỷ đồng", "45%") or a
counted noun ("51 đơn"), or with neither. Dates ("19/5", "năm 2021"), references ("số 12/QĐ-UBND"),
ranges, headings and numbers that name something ("Nghị quyết 04", "thôn 3") are dropped here.
Ranks ("xếp thứ 3/9 huyện", "đứng thứ nhất") are read as quantities of their own kind.
"""

import functools
import re
from typing import NamedTuple

from transforms.numbers import NUMBER_PATTERN, SPELLED_ORDINALS, parse_number, unreadable_reason
from transforms.skips import SkippedNumber
from transforms.units import COUNT_SCALES, measure_spellings, normalize_unit, scoring_kind, unit_info
from transforms.vocabulary import (
    COMPOUND_NOUNS,
    LETTER,
    NAME_PHRASES,
    NAME_WORDS,
    NOT_NAME_PHRASES,
    NOT_NOUNS,
    NOT_PLACE_PHRASES,
    PAIRED_NOUNS,
    PLACE_NOUNS,
    PLACE_WORDS,
    TARGET_WORDS_PATTERN,
    TIME_WORDS,
    by_first_letter,
)

_NUM = NUMBER_PATTERN


class Quantity(NamedTuple):
    """A number read with its unit: where it is, its value, and the b of an a/b form."""

    start: int  # first digit
    num_end: int  # end of the number (or of the a/b form)
    end: int  # end of the unit
    value: float
    value_text: str
    unit: str | None
    target: float | None  # b of an a/b form
    is_rank: bool = False


def _bmp_chars(char_class: str, flags: int = 0) -> str:
    """The characters of the Basic Multilingual Plane that a one-character class matches."""
    return "".join(re.findall(char_class, "".join(map(chr, range(0x10000))), flags))


_TOKEN_RE = re.compile(_NUM)
# The same tokens, searched for faster: the search tests every character of a text for a first
# digit, and `\d` asks the Unicode database each time, while a class of the decimal digits of
# the Basic Multilingual Plane is a bitmap. It is for a text without characters beyond that
# plane (see number_tokens). (No possessive repeat of the group: Debian's CPython 3.11.2 matched
# "(?:[.,]\d+)*+" wrongly, "3," for the "3" of "3,-", where 3.11.7 did not.)
_BMP_DIGITS = _bmp_chars(r"\d")
_BMP_TOKEN_RE = re.compile(rf"[{_BMP_DIGITS}](?<![\w.,]\d)(?<!\w-\d)\d*(?:[.,]\d+)*")
# A number with its slashed or dashed partners ("15/10/2024", "2021-2025"): skipped whole.
_DATE_LIKE_RE = re.compile(rf"{_NUM}(?:\s*[/-]\s*{_NUM})*")
_SLASH_FORM_RE = re.compile(rf"\s*/\s*({_NUM})(\s*/\s*{_NUM})?")
_SIGNS_AFTER = frozenset("-–/:")
_UNIT_SLASH_RE = re.compile(rf"[ ]?/[ ]?({_NUM})")
_RANGE_AFTER_RE = re.compile(rf"\s*[-–]\s*{_NUM}")
_REFERENCE_AFTER_RE = re.compile(r"\s*[-/]\s*[A-ZĐ]{1,6}\b|:\d")
# "12 tỷ 350 triệu đồng": a mixed amount, read as one value in the larger unit.
_MIXED_MONEY_RE = re.compile(rf"\s*(tỷ|tỉ)\s+({_NUM})\s*triệu(\s*đồng)?", re.IGNORECASE)


def _spelling_pattern(spelling: str) -> str:
    """A unit's spelling as a pattern: spaces optional ("tỷđồng"), a dot may be followed by one."""
    return re.escape(spelling).replace(r"\ ", r"\s*").replace(r"\.", r"\.\s*")


# Measure units (transforms/data/units.csv and unit_aliases.csv), longest first; a letter may not
# follow (so "m" is not the start of "mũi"), nor "chí" ("đồng chí" is a comrade, no money).
# Grouped by first letter: this match runs at every number, and most numbers have no unit.
# "45,6 tỷ đồng/KH 40 tỷ đồng": a plan's name after the slash states the plan, no rate's "per".
_NOT_PER = TARGET_WORDS_PATTERN
_MEASURE_UNIT_RE = re.compile(
    r"(?:[ \xa0]{1,2}|\s)?(?!đ/c\b)(?P<unit>(?:"  # "2 đ/c" counts comrades (đồng chí), no money
    + by_first_letter([_spelling_pattern(u) for u in measure_spellings() if u != "%"])
    + r")(?![^\W\d_²³])(?!\s+chí\b)|(?P<pct>%))"
    # a rate's "per" parts: "/ha", "/người/năm", and a span of time "/6 tháng"
    + rf"(?P<per>(?:\s?/\s?(?:\d{{1,2}}\s?(?=(?:tháng|năm|ngày|quý)\b))?(?!\d)(?!(?:{_NOT_PER})\b)[^\W\d_]+)*)",
    re.IGNORECASE,
)
# A scale word that may come before a counted noun instead of "đồng" ("3,6 triệu sản phẩm").
_SCALE_WORD_RE = re.compile(rf"\s?(?P<scale>{'|'.join(COUNT_SCALES)})[ ](?=[^\W\d_])", re.IGNORECASE)
# A counted noun: up to three words; a rate suffix such as "/ngày" may follow.
_NOUN_RE = re.compile(
    rf"(?P<space>\s?)(?P<words>{LETTER}[^\W_]*(?:[ ]{LETTER}+){{0,2}})(?P<per>(?:\s?/\s?(?!\d){LETTER}+)*)"
)
# The second noun of a pair counted together: "xã, phường".
_PAIRED_NOUN_RE = re.compile(r",[ ]([^\W\d_]+)(?:[ ][^\W\d_]+)?")
_TIME_WORDS_AFTER = ("năm", "tháng", "ngày", "giờ", "tuổi", "tuần", "quý")
_TIME_WORD_AFTER_RE = re.compile(rf"\s?(?:{'|'.join(_TIME_WORDS_AFTER)})(?![^\W\d_])", re.IGNORECASE)


def _first_letters(words) -> str:
    """The first characters of the words, escaped for a class."""
    return "".join(re.escape(c) for c in sorted({w[0] for w in words}))


# Where each pattern above read after a number can open, as a test of the two characters after the
# number (fewer at the end of the text: then it may open): a number followed by punctuation tries
# none of them, one followed by "%" only the measure. In the order of the flags of _may_open.
_OPENINGS = tuple(
    re.compile(pattern, flags)
    for pattern, flags in (
        (r"\s*(?:t|\Z)", re.IGNORECASE),  # _MIXED_MONEY_RE ("tỷ", "tỉ")
        (rf"\s?(?:[{_first_letters(COUNT_SCALES)}]|\Z)", re.IGNORECASE),  # _SCALE_WORD_RE
        (  # _MEASURE_UNIT_RE
            rf"(?:[ \xa0]{{1,2}}|\s)?(?:[{_first_letters(u for u in measure_spellings() if u != '%')}%]|\Z)",
            re.IGNORECASE,
        ),
        (rf"\s?(?:{LETTER}|\Z)", 0),  # _NOUN_RE
        (rf"\s?(?:[{_first_letters(_TIME_WORDS_AFTER)}]|\Z)", re.IGNORECASE),  # _TIME_WORD_AFTER_RE
    )
)


# Pure in the two characters, and a report has few different ones after its numbers.
@functools.lru_cache(maxsize=4096)
def _may_open(after: str) -> tuple[bool, bool, bool, bool, bool]:
    """Whether a mixed amount, a scale word, a measure unit, a counted noun and a time word may
    open at the two characters `after` a number."""
    mixed, scale, measure, noun, time = (opening.match(after) is not None for opening in _OPENINGS)
    return mixed, scale, measure, noun, time


# A spelled or numbered rank: "xếp thứ nhất", "đứng thứ 3/9 huyện", one pattern per word. Each
# is matched only where its word is written (see _matches_at_word). The verb before is checked after.
_RANK_RES = {
    word: re.compile(
        rf"{word}\s+(?P<num>{_NUM}|"
        + "|".join(sorted(SPELLED_ORDINALS, key=len, reverse=True))
        + r")(?![^\W\d_])",
    )
    for word in ("thứ", "hạng")
}
_RANK_VERB_BEFORE_RE = re.compile(r"\b(?:xếp|đứng|xếp hạng|xếp loại)\s+$", re.IGNORECASE)


def number_tokens(text: str) -> list[re.Match]:
    """Every number written with digits in the text."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):  # all in the BMP
        return list(_BMP_TOKEN_RE.finditer(text))
    return list(_TOKEN_RE.finditer(text))


def rank_mentions(text: str) -> list[re.Match]:
    """Every rank after a verb of ranking ("xếp thứ nhất", "đứng thứ 3/9 huyện")."""
    found = [
        m
        for word, rank_re in _RANK_RES.items()
        for m in _matches_at_word(text, word, rank_re)
        if _RANK_VERB_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
    ]
    return sorted(found, key=lambda m: m.start())


def _matches_at_word(text: str, word: str, pattern: re.Pattern) -> list[re.Match]:
    """What pattern.finditer(text) finds, for a pattern that opens on `word` (case as written):
    str.find skips to the word far faster than sre's search, which stops at each first letter."""
    found: list[re.Match] = []
    start = text.find(word)
    while start != -1:
        m = pattern.match(text, start)
        if m:
            found.append(m)
        start = text.find(word, m.end() if m else start + 1)
    return found


def sentence_quantities(
    text: str,
    sent_start: int,
    sent_end: int,
    tokens: list[re.Match],
    ranks: list[re.Match],
    skipped: list[SkippedNumber] | None = None,
) -> list[Quantity]:
    """The quantities of one sentence in text order, from its number tokens and its ranks.

    A token that is no quantity (a date, a reference, a range ...) goes to `skipped` with its reason.
    """
    found: list[Quantity] = []
    consumed = sent_start
    rank_starts = {}
    for r in ranks:
        rank_starts[r.start("num")] = r
    for m in tokens:
        start = m.start()
        if start < consumed:
            continue
        rank = rank_starts.pop(start, None) if rank_starts else None
        if rank is not None:
            value = parse_number(rank.group("num"))
            slash = _SLASH_FORM_RE.match(text, rank.end("num"), sent_end)
            of = parse_number(slash.group(1)) if slash and not slash.group(2) else None  # "thứ 6/14"
            end = slash.end() if slash and of is not None else rank.end("num")
            if value is not None:
                found.append(Quantity(start, end, end, value, m.group(), "thứ", of, True))
            consumed = end
            continue
        q = _read_quantity(text, start, sent_end, m.group())
        if isinstance(q, str):
            date_like = _DATE_LIKE_RE.match(text, start, sent_end)
            consumed = date_like.end() if date_like else m.end()
            if skipped is not None:
                skipped.append(SkippedNumber(start, consumed, q))
            continue
        found.append(q)
        consumed = q.num_end
    if not rank_starts:
        return found  # (read in text order: nothing to sort)
    for r in rank_starts.values():  # spelled ranks: "xếp thứ nhất"
        value = parse_number(r.group("num").lower())
        if value is not None:
            found.append(
                Quantity(r.start("num"), r.end("num"), r.end("num"), value, r.group("num"), "thứ", None, True)
            )
    found.sort(key=lambda q: q.start)
    return found


def _read_quantity(text: str, pos: int, end: int, token: str) -> Quantity | str:
    """The number starting at `pos` with its a/b partner and unit, or why it is no quantity."""
    q = _read_with_unit(text, pos, end, token)
    if isinstance(q, str) or q.unit is None or q.target is not None:
        return q
    # "59.835 ha/62.251 ha", "2,768 tỷ/6 tỷ": an a/b form with the unit written on both sides
    slash = _UNIT_SLASH_RE.match(text, q.end, end) if "/" in text[q.end : q.end + 2] else None
    if slash is None:
        return q
    of = _read_with_unit(text, slash.start(1), end, slash.group(1))
    if isinstance(of, str) or of.target is not None or scoring_kind(of.unit) != scoring_kind(q.unit):
        return q
    if of.unit is None:  # "12 tiêu chí/19": a count's noun written on its first side only
        of = of._replace(unit=q.unit)
    if of.unit.startswith(q.unit + " "):  # "136,4 tỷ/136,3 tỷ đồng": the partner's unit is whole
        q = q._replace(unit=of.unit)
    factor = unit_info(of.unit).factor / unit_info(q.unit).factor
    # the partner's number is read with this quantity (num_end), not again as a quantity of its own
    return q._replace(num_end=of.num_end, end=of.end, target=of.value * factor)


def _read_with_unit(text: str, pos: int, end: int, token: str) -> Quantity | str:
    """The quantity the number `token` at `pos` opens (with the b of an a/b form, and its unit),
    or why it is none."""
    num_end = pos + len(token)
    value = parse_number(token)
    if value is None:
        return unreadable_reason(token)
    target = None
    # The partner forms all open on a sign within the next few characters: look before matching.
    near = text[num_end : num_end + 3]
    slash = _SLASH_FORM_RE.match(text, num_end, end) if "/" in near else None
    value_text = token  # (the token is the text from pos to num_end)
    if slash:
        if slash.group(2):
            return "date or reference"  # d/m/y, or a reference with two slashes
        target = parse_number(slash.group(1))
        if target is None:
            return unreadable_reason(slash.group(1))
        if value == 1 and target >= 100:
            return "map scale"  # "tỷ lệ 1/500"
        num_end = slash.end()
        near = text[num_end : num_end + 3]
        value_text = text[pos:num_end]
    signed = not _SIGNS_AFTER.isdisjoint(near)
    if signed and _RANGE_AFTER_RE.match(text, num_end, end):
        return "range"
    if signed and _REFERENCE_AFTER_RE.match(text, num_end, end):
        return "reference"
    unit_pos = num_end
    if text.startswith(")", unit_pos) and text[pos - 1 : pos] == "(":
        unit_pos += 1  # "3,2%(57) hộ": the count in brackets, its noun after
    elif text.startswith((",%", ".%"), unit_pos):
        unit_pos += 1  # "bằng 95,%": a separator left where the decimals were never typed
    return _with_unit(text, pos, num_end, unit_pos, end, value, value_text, target)


def _with_unit(
    text: str,
    pos: int,
    num_end: int,
    unit_pos: int,
    end: int,
    value: float,
    value_text: str,
    target: float | None,
) -> Quantity | str:
    """The number read with the unit at `unit_pos` (a mixed amount, a scaled count, a measure or a
    counted noun), or why it is no quantity."""
    may_mix, may_scale, may_measure, may_noun, may_time = _may_open(text[unit_pos : unit_pos + 2])
    # (a mixed amount opens right after the number, on a space or "t": not on the skipped sign)
    mixed = (
        _MIXED_MONEY_RE.match(text, num_end, end)
        if may_mix and target is None and unit_pos == num_end
        else None
    )
    if mixed:
        millions = parse_number(mixed.group(2))
        if millions is not None:
            unit_end = mixed.end()
            return Quantity(
                pos, unit_end, unit_end, value + millions / 1000, text[pos:unit_end].strip(), "tỷ đồng", None
            )
    scaled = _SCALE_WORD_RE.match(text, unit_pos, end) if may_scale else None
    if scaled:
        # "28,5 triệu viên", "1,2 nghìn con": a scale word before a counted noun is a count.
        noun, noun_end = _counted_noun(text, scaled.end(), end)
        if noun is not None and not _MEASURE_UNIT_RE.match(text, scaled.end(), end):
            unit = normalize_unit(f"{scaled.group('scale')} {noun}")
            return Quantity(pos, num_end, noun_end, value, value_text, unit, target)
    measure = _MEASURE_UNIT_RE.match(text, unit_pos, end) if may_measure else None
    if measure:
        unit = normalize_unit("".join(measure.group("unit", "per")))
        return Quantity(pos, num_end, measure.end(), value, value_text, unit, target)
    noun, noun_end = _counted_noun(text, unit_pos, end) if may_noun else (None, unit_pos)
    day_month = noun is not None and target is not None and value <= 31 and target <= 12
    if day_month and not text[unit_pos:noun_end].strip()[:1].islower():
        return "date"  # "19/5 Hội ...": a day and month before a name
    if noun is None:
        if may_time and _TIME_WORD_AFTER_RE.match(text, unit_pos, end):
            return "time span or age"
        return Quantity(pos, num_end, num_end, value, value_text, None, target)
    return Quantity(pos, num_end, noun_end, value, value_text, noun, target)


def _counted_noun(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """The counted noun right after a number (unit, end offset), or (None, pos)."""
    m = _NOUN_RE.match(text, pos, end)
    if not m:
        return None, pos
    space, words, per = m.groups()
    found = _noun_of(words, bool(space))
    if found is None:
        return None, pos
    noun, noun_count, word_count = found
    noun_end = pos + len(space) + len(noun)
    if noun_count == 1 and text.startswith(",", noun_end):  # (the pattern's opening)
        paired = _PAIRED_NOUN_RE.match(text, noun_end, end)
        if paired:
            first = noun.lower()
            for second, second_end in ((paired.group(1), paired.end(1)), (paired.group(0)[2:], paired.end())):
                if f"{first}, {second.lower()}" in PAIRED_NOUNS:
                    return normalize_unit(f"{noun}, {second}"), second_end
    if noun_count == word_count and per:
        noun_end = m.end("per")
    else:
        per = ""
    return normalize_unit(noun + per), noun_end


# Pure in its arguments, and a report counts the same few nouns again and again.
@functools.lru_cache(maxsize=16384)
def _noun_of(words_text: str, spaced: bool) -> tuple[str, int, int] | None:
    """The counted noun the words after a number (`spaced`: after a space) open with, how many
    words it has and how many the words are; None when they open with no noun."""
    words = words_text.split(" ")
    first = words[0].lower()
    if first in NOT_NOUNS or (first in TIME_WORDS and " ".join(words[:2]).lower() not in COMPOUND_NOUNS):
        return None  # ("01 kỳ họp" is a count: a compound noun opening on a time word)
    if (not spaced and not words[0].islower()) or (len(words[0]) == 1 and words[0].isascii()):
        return None  # "7B", "4C", "khu 3d": a name glued to its number ("ý kiến" is a noun)
    if first in PLACE_NOUNS and len(words) > 1 and words[1][:1].isupper():
        return None  # "5 xã Hòa An": a number before a place's name
    noun_words = [words[0]]
    acronym = words[0].isupper() and len(words[0]) > 1 and not any(c.isdigit() for c in words[0])
    if not acronym:  # an acronym such as "HTX" stands alone
        for n in (3, 2):
            if len(words) >= n and " ".join(words[:n]).lower() in COMPOUND_NOUNS:
                noun_words = words[:n]
                break
    return " ".join(noun_words), len(noun_words), len(words)


# ---------------------------------------------------------------------------------------------
# Numbers that name or date something

# "năm 2021", "tháng 6", "ngày 15", "quý 2": a date part when the number fits one.
_DATE_PART_RANGE = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4)}
_QUANTITY_WORD_BEFORE_RE = re.compile(
    r"\b(?:cho|được|đạt|có|là|gồm|khoảng|trên|gần|hơn|ước|tổng số|tăng|giảm|vượt|còn)\s*:?\s*$", re.IGNORECASE
)
_BLANK = r"[\s\-–+•*]"  # before a heading number on its line
_BLANK_PREFIX_RE = re.compile(_BLANK + "*")
_BLANK_CHARS = frozenset(_bmp_chars(_BLANK))  # (no character beyond the BMP is one)
_YEAR_LOW, _YEAR_HIGH = 1950, 2100
# A heading number at a line start ("3.4 Công tác ...", "2. Kết quả").
_HEADING_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s")


_NAME_OPENING_MARKS = "([“\"'"


# Pure in its arguments, and the same few words come before a report's numbers again and again.
@functools.lru_cache(maxsize=16384)
def _words_before(before: str, count_or_bare: bool) -> tuple[bool, str | None]:
    """Whether the words right before a number (`count_or_bare`: one with a counted noun or no
    unit) make it part of a name, and the date part ("năm", "tháng" ...) they end on, if any."""
    tail = before.rstrip(" \t\xa0:.")
    if tail.endswith(("-", "–")):
        return True, None  # "Covid-19", "1-2"
    words = tail.lower().rsplit(None, 2)  # the last two, stripped of the marks that open a name
    last = words[-1].strip(_NAME_OPENING_MARKS) if words else ""
    pair = words[-2].strip(_NAME_OPENING_MARKS) + " " + last if len(words) > 1 else last
    if last in NAME_WORDS and pair not in NOT_NAME_PHRASES:
        return True, None
    if pair in NAME_PHRASES:
        return True, None
    if last in PLACE_WORDS and count_or_bare and pair not in NOT_PLACE_PHRASES:
        return True, None
    if last in _DATE_PART_RANGE and not before.rstrip().endswith((":", ".")):
        return False, last
    return False, None


def name_or_date_reason(text: str, sent_start: int, q: Quantity) -> str | None:
    """Why the quantity is a name, a date part, a heading number or a year rather than an
    amount ("name", "date", "section number", "year"), or None when it is an amount."""
    start, value = q.start, q.value
    before = text[sent_start if sent_start > start - 25 else start - 25 : start]
    kind = unit_info(q.unit).kind
    named, date_word = _words_before(before, kind in (None, "count"))
    if named:
        return "name"
    if date_word is not None:  # "năm 2021", "tháng 6"
        low, high = _DATE_PART_RANGE[date_word]
        if low <= value <= high and value == int(value):
            return "date"
    line_start = text.rfind("\n", 0, start) + 1
    blank_start = line_start == start or text[line_start] in _BLANK_CHARS  # (looked at first)
    if (
        blank_start
        and _BLANK_PREFIX_RE.fullmatch(text, line_start, start)
        and _HEADING_NUMBER_RE.match(text, start)
    ):
        return "section number" if "." in text[start : q.num_end + 1] else None
    # A bare four-digit year ("mùa xuân 2031 an toàn"): Vietnamese writes a count of thousands
    # with a separator ("2.031 hộ"), so an unseparated number in the years' range is a year,
    # unless a word of quantity leads to it and a counted noun follows ("cho 2031 hộ").
    if not (_YEAR_LOW <= value <= _YEAR_HIGH and q.value_text.isdigit()):
        return None
    if kind == "count" and _QUANTITY_WORD_BEFORE_RE.search(before):
        return None
    return "year" if kind in (None, "count") else None
