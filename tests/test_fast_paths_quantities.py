"""The fast paths of reading numbers find exactly what the plain patterns they replace find.

Each speed-up in transforms.quantities searches differently (a bitmap of digits instead of `\\d`,
a look at the next character before a pattern is tried); these tests compare each with the
plain search on generated text, hostile cases included: digits of other scripts, characters
beyond the Basic Multilingual Plane, capitals, 'ſ', the Kelvin sign, extra spaces, glued letters.
"""

import random
import re

from transforms import quantities
from transforms.numbers import NUMBER_PATTERN

_NUMBER_PIECES = [
    "12",
    "1.250,5",
    "97,680,000",
    "4.2.1",
    "3,",
    ",4",
    ".",
    "-",
    "/",
    "F0",
    "Covid-19",
    "B12",
    "x-7",
    "٣٤",  # Arabic-Indic digits
    "५",  # Devanagari
    "１２",  # fullwidth
    "²",  # a digit, but no decimal one
    "\U0001d7ce\U0001d7cf",  # mathematical digits, beyond the BMP
    "\U0001f600",  # an emoji, beyond the BMP
    "\ud800",  # a lone surrogate
    "_",
    "hộ",
    "\u212a",
    "ſ",
    " ",
    "  ",
    "\n",
    "\xa0",
]


def _number_texts(count: int = 3000) -> list[str]:
    rng = random.Random(41)
    texts = []
    for _ in range(count):
        pieces = rng.choices(_NUMBER_PIECES, k=rng.randint(0, 12))
        texts.append(rng.choice(["", " "]).join(pieces))
    return texts


def test_number_tokens_are_those_of_the_plain_pattern():
    plain = re.compile(NUMBER_PATTERN)
    texts = _number_texts()
    assert any(len(t.encode("utf-16-le", "surrogatepass")) > 2 * len(t) for t in texts)
    for text in texts:
        fast = [(m.span(), m.group()) for m in quantities.number_tokens(text)]
        assert fast == [(m.span(), m.group()) for m in plain.finditer(text)], text
        bmp = [(m.span(), m.group()) for m in quantities._BMP_TOKEN_RE.finditer(text)]
        if not re.search("[\U00010000-\U0010ffff]", text):
            assert bmp == fast, text


def test_the_digit_class_holds_every_decimal_digit_of_the_bmp():
    digits = set(quantities._BMP_DIGITS)
    assert {chr(c) for c in range(0x10000) if chr(c).isdecimal()} == digits
    assert {"0", "9", "٣", "１"} <= digits and "²" not in digits


_AFTER_PIECES = [
    "12",
    "1.250,5",
    "3/4",
    "19/5",
    " ",
    "  ",
    "\xa0",
    "\xa0\xa0",
    "\n",
    "\t",
    "tỷ",
    "TỶ",
    "Tỉ",
    "350 triệu",
    "triệu",
    "Triệu",
    " tỷ 350 triệu",
    "tỉ  1,5 TRIỆU đồng",
    "đồng",
    "Đồng",
    "nghìn con",
    "NGÀN",
    "vạn",
    "ha",
    "HA",
    "\u212ag",
    "\u212am",
    "ſ",
    "km²",
    "m2",
    "tấn/ha",
    "%",
    ",%",
    ".%",
    "(",
    ")",
    "hộ",
    "Hội",
    "năm",
    "Tháng",
    "NGÀY",
    "tuổi",
    "quý",
    "xã, phường",
    "đ/c",
    "đồng chí",
    "người",
    "sản phẩm",
    "/",
    "-",
    "–",
    ".",
    ",",
    ":",
    "²",
    "_",
    "x",
    "\U0001d7ce",
]


def _after_texts(count: int = 4000) -> list[str]:
    rng = random.Random(43)
    return ["".join(rng.choices(_AFTER_PIECES, k=rng.randint(1, 9))) for _ in range(count)]


def test_each_pattern_after_a_number_opens_where_its_opening_allows():
    patterns = [
        quantities._MIXED_MONEY_RE,
        quantities._SCALE_WORD_RE,
        quantities._MEASURE_UNIT_RE,
        quantities._NOUN_RE,
        quantities._TIME_WORD_AFTER_RE,
    ]
    seen = [0] * len(patterns)
    for text in _after_texts():
        for k in range(len(text) + 1):
            for end in {len(text), min(len(text), k + 1), min(len(text), k + 3)}:
                flags = quantities._may_open(text[k : k + 2])
                for i, pattern in enumerate(patterns):
                    if pattern.match(text, k, end):
                        seen[i] += 1
                        assert flags[i], (text, k, end, pattern.pattern[:30])
    assert min(seen) > 50  # every pattern was seen to match


def test_sentence_quantities_are_those_read_without_the_openings(monkeypatch):
    def read(text):
        tokens = quantities.number_tokens(text)
        skipped = []
        found = quantities.sentence_quantities(
            text, 0, len(text), tokens, quantities.rank_mentions(text), skipped
        )
        return found, skipped

    texts = ["đạt " + text for text in _after_texts()]
    fast = [read(text) for text in texts]
    monkeypatch.setattr(quantities, "_may_open", lambda after: (True,) * 5)
    assert fast == [read(text) for text in texts]


def test_ranks_are_matched_where_the_search_finds_them():
    rng = random.Random(47)
    words = ["thứ", "THỨ", "Thứ", "hạng", "HẠNG", "thứthứ", "hạnghạng", "xếp", "đứng", "xếp hạng"]
    words += ["3", "3/9", "12,5", "nhất", "nhì", "hai", "ba", "tư", "năm", "haiz", " ", "  ", "\n", ",", "x"]
    for _ in range(3000):
        text = "".join(rng.choices(words, k=rng.randint(0, 12)))
        for word, pattern in quantities._RANK_RES.items():
            fast = quantities._matches_at_word(text, word, pattern)
            assert [m.span() for m in fast] == [m.span() for m in pattern.finditer(text)], text


def test_no_character_beyond_the_bmp_is_blank_or_a_decimal_digit():
    beyond = "".join(map(chr, range(0x10000, 0x110000)))
    assert not re.search(quantities._BLANK, beyond)
    assert re.search(r"\d", beyond)  # (hence number_tokens' look at the plane of the text)


def test_heading_numbers_are_found_as_the_plain_prefix_finds_them(monkeypatch):
    rng = random.Random(53)
    pieces = [
        "\n",
        " ",
        "\t",
        "\xa0",
        "\u2003",
        "-",
        "–",
        "+",
        "•",
        "*",
        "1.",
        "2.3 ",
        "12 ",
        "Kết quả ",
        "a",
    ]
    texts = ["".join(rng.choices(pieces, k=rng.randint(1, 8))) + "3.4 Công tác" for _ in range(1500)]
    read = [[quantities.name_or_date_reason(text, 0, q) for q in _quantities_of(text)] for text in texts]
    monkeypatch.setattr(quantities, "_BLANK_CHARS", _AllChars())
    assert read == [
        [quantities.name_or_date_reason(text, 0, q) for q in _quantities_of(text)] for text in texts
    ]


class _AllChars:
    def __contains__(self, char: str) -> bool:
        return True


def _quantities_of(text: str) -> list:
    tokens = quantities.number_tokens(text)
    return quantities.sentence_quantities(text, 0, len(text), tokens, [], [])


def test_a_token_with_one_separator_splits_as_the_plain_decimal_pattern_splits_it():
    from transforms import numbers

    plain = re.compile(r"\d+[.,]\d+")
    rng = random.Random(59)
    pieces = ["1", "23", "٣", "１", "²", "a", " ", ".", ","]
    for _ in range(5000):
        token = "".join(rng.choices(pieces, k=rng.randint(0, 5)))
        if token.isdigit() or ("." in token and "," in token) or token.count(".") > 1 or token.count(",") > 1:
            continue  # (read by the branches before)
        sep = "." if "." in token else ","
        expected = tuple(token.split(sep)) if plain.fullmatch(token) else None
        if expected and sep == "." and len(expected[1]) == 3 and len(expected[0]) <= 3:
            expected = (expected[0] + expected[1], "")
        assert numbers._split(token) == expected, token


def test_words_before_reads_the_last_two_words_as_the_list_of_them_did():
    def plain(before, count_or_bare):
        tail = before.rstrip(" \t\xa0:.")
        if tail.endswith(("-", "–")):
            return True, None
        words = [w.strip("([“\"'") for w in tail.lower().rsplit(None, 2)[-2:]]
        last, pair = (words[-1] if words else ""), " ".join(words)
        if last in quantities.NAME_WORDS and pair not in quantities.NOT_NAME_PHRASES:
            return True, None
        if pair in quantities.NAME_PHRASES:
            return True, None
        if last in quantities.PLACE_WORDS and count_or_bare and pair not in quantities.NOT_PLACE_PHRASES:
            return True, None
        if last in quantities._DATE_PART_RANGE and not before.rstrip().endswith((":", ".")):
            return False, last
        return False, None

    rng = random.Random(61)
    words = [
        *sorted(quantities.NAME_WORDS)[:20],
        *sorted(quantities.PLACE_WORDS)[:20],
        *quantities._DATE_PART_RANGE,
    ]
    words += [
        *sorted(quantities.NAME_PHRASES)[:10],
        *sorted(quantities.NOT_NAME_PHRASES)[:10],
        "Tổng số",
        "đạt",
    ]
    words += ["(", "“", '"', "'", " ", "  ", "\t", "\xa0", "\n", ":", ".", "-", "–", "x", "THÔN", "Năm"]
    for _ in range(5000):
        before = "".join(rng.choices(words, k=rng.randint(0, 6)))[-25:]
        for count_or_bare in (False, True):
            assert quantities._words_before.__wrapped__(before, count_or_bare) == plain(
                before, count_or_bare
            ), before
