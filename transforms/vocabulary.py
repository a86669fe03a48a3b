"""The words the fact extractor knows: what a counted noun can be, and which words before a number
make it a name, a date or a place rather than a quantity.

Only lexical lists live here; the small word sets of a single rule stay next to that rule.
"""

import re

from transforms import admin_levels
from transforms.catalog import words

LETTER = r"[^\W\d_]"  # one letter (Vietnamese included)
WORD_RE = re.compile(rf"{LETTER}+")

# Multi-word counted nouns kept whole as the unit ("doanh nghiệp", not "doanh").
COMPOUND_NOUNS = words("compound_nouns")


def words_pattern(name: str, column: str = "word", between: str = r"\s+") -> str:
    """A regex alternation of a word list's words, longest first, `between` their words."""
    listed = sorted(words(name, column), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", between) for w in listed)


def by_first_letter(patterns: list[str]) -> str:
    """An alternation of patterns that each open on a letter, grouped by that letter in their
    order (for a pattern compiled with re.IGNORECASE; a look-behind goes after the first letter):
    "nghìn\\s*đồng|ngàn\\s*đồng|tấn" → "n(?:ghìn\\s*đồng|gàn\\s*đồng)|tấn". Two patterns
    opening on different letters never match at the same place, so the first that matches is the
    same; but sre no longer tries every pattern at each place (under re.IGNORECASE it folds the
    case of the character for each)."""
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        assert pattern[:1].isalpha(), pattern  # an escaped or a class opening is no letter
        groups.setdefault(pattern[0].lower(), []).append(pattern[1:])
    return "|".join(
        f"{first}{rests[0]}" if len(rests) == 1 else f"{first}(?:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


# Words that name a plan ("kế hoạch", "KH", "dự toán") and crop seasons ("Đông Xuân", "Đông-Xuân"),
# as alternations for the patterns that look for them.
TARGET_WORDS_PATTERN = words_pattern("target_words")
CROP_SEASONS_PATTERN = words_pattern("crop_seasons", "season", r"[\s\-]*")

# Words that negate what follows: "chưa đạt 5/13" is another claim, and another indicator,
# than "đạt 5/13".
NEGATIONS = frozenset(("chưa", "không"))

# Two units of administration counted together, joined by a comma ("9/9 xã, phường"): one unit.
PAIRED_NOUNS = frozenset(["xã, phường", "xã, thị trấn", "phường, xã", "phường, thị trấn"])

# Place words that are no place when the word before them makes another noun ("biên bản 12").
NOT_PLACE_PHRASES = frozenset(["biên bản", "văn bản", "cơ bản"])

# Units of administration: counted ("8/11 xã đạt chuẩn"), unless a proper name follows.
PLACE_NOUNS = admin_levels.single_word_levels()  # xã, phường, huyện, quận, tỉnh

# Words that cannot be a counted noun: time and age units (their numbers are no facts),
# function words and verbs (the number has no unit), organisations (a number before them is
# a name or a date).
TIME_WORDS = words("time_words")
NOT_NOUNS = words("not_nouns")


# The last words before a number that make it a name, a date or a reference, not a quantity:
# "Nghị quyết 04", "lần thứ 3", "mũi 2", "giai đoạn 2", "Covid 19", "số 5" (but "tổng số 464 hồ sơ"
# is a count). They are looked up as the last one or two words, which is cheap.
NAME_WORDS = words("name_words")
NAME_PHRASES = words("name_phrases")
NOT_NAME_PHRASES = words("not_name_phrases")  # "tổng số 464 hồ sơ", "phân hạng 11 sản phẩm"
# Places and groups named by a number: "quốc lộ 47", "thôn 3", "tổ 5", "đội 2", "lớp 9". A number
# with a measure after such a word is an amount of the place ("ngân sách phường 11 tỷ đồng",
# "đường ngõ xóm 1.580 m"), so these words only rule out counts and bare numbers.
PLACE_WORDS = words("place_words")
