"""The fast paths of transforms/indicator_phrase.py find exactly what the plain patterns find.

Each one tries a cheap check first (a "$" search over the last characters only, a character
every match holds) and falls back to the plain pattern; these tests compare the two on generated
text, hostile cases included (capitals, "ſ", the Kelvin sign, "İ"/"ı", extra spaces, glued words).
"""

import random

from transforms import indicator_phrase as ip

# Invented pieces: trailing verbs and hedges, measure nouns, marks, hostile letters.
_PIECES = [
    "đạt",
    "ĐẠT",
    "chưa đạt",
    "được",
    "là",
    "có",
    "thực hiện",
    "với",
    "VỚI",
    "tăng mạnh",
    "giảm nhẹ",
    "khoảng",
    "\u212ahoảng",
    "kết quả",
    "có kết quả",
    "nhà ở",
    "ở",
    "so với",
    "ſo",
    "hİện nay",
    "hıện nay",
    "nbsp",
    "&nbsp;",
    "...",
    "…",
    ":",
    ",",
    " - ",
    "(",
    "[12]",
    "([3])",
    "²",
    "“",
    '"',
    "*",
    "số tiền",
    "Số Tiền",
    "diện tích",
    "DIỆN TÍCH",
    "năng suất",
    "sản lượng",
    "giá trị sản xuất",
    "tổng kinh phí",
    "tổng",
    "lúa",
    "cây trồng",
    "hộ",
    "xã Tân Phú",
    "2024",
    "12,5",
    "đạtđược",
    "sảnlượng",
    "  ",
    "\n",
    "\t",
]


def _texts(count: int = 4000) -> list[str]:
    rng = random.Random(11)
    texts = []
    for _ in range(count):
        pieces = rng.choices(_PIECES, k=rng.randint(0, 9))
        glue = rng.choice(["", " ", "  "])
        texts.append(rng.choice(["", " ", "\n"]) + glue.join(pieces) + rng.choice(["", " ", "\n"]))
    return texts


def test_trailing_junk_strip_is_the_plain_substitution():
    for text in _texts():
        assert ip._strip_trailing_junk(text) == ip._TRAILING_JUNK_RE.sub("", text), repr(text)


def test_measure_last_is_the_plain_match():
    for text in _texts():
        fast, plain = ip._measure_last(text), ip._MEASURE_LAST_RE.match(text)
        assert (fast and fast.span("noun")) == (plain and plain.span("noun")), repr(text)


def test_marks_are_looked_for_only_where_a_mark_may_be():
    for text in _texts():
        plain = ip._MARKS_RE.search(text) is not None
        assert not plain or ip._MAY_HOLD_MARK_RE.search(text) or "nbsp" in text, repr(text)


def test_short_clause_starts_at_its_first_word():
    for text in _texts():
        words = text.split(" ")
        counted = [i for i, w in enumerate(words) if ip.WORD_RE.search(w)]
        if len(counted) <= 3:
            assert ip._long_clause_start(words, 3) == 0
