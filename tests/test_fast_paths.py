"""The fast paths of extraction find exactly what the plain patterns they replace find.

Each speed-up rewrites how a pattern is searched (a line-start pattern found by its newline, a
"$" search over the last characters only, a case-insensitive search done on lower-cased text);
these tests compare each with the plain search on generated text, hostile cases included.
"""

import random
import re

from transforms import indicator_phrase, indicators, relations, sections, sentences
from transforms.quantities import rank_mentions

_PIECES = [
    "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM",
    "1.2. Trồng trọt",
    "a) Chăn nuôi",
    "Phần thứ hai",
    "[3] Ghi chú cuối trang",
    "² chú thích",
    "Nơi nhận:",
    "  Nơi nhận :",
    "B. Đánh giá chung",
    "",
    "   ",
    "xã đạt 12 ha",
    "xếp thứ 3/9 huyện, đứng hạng nhì",
    "thứ năm",
    "Lượt xem: 12",
    "ĐIỆN THOẠI 0123",
    "Cập nhật 08:30",
    "đánh giá",
    "Đánh Giá Bài Viết",
    "SĐT",
    "HSĐT",
    "ſđt và Dıện thoại",
    "Hİ",
]


def _texts(count: int = 300) -> list[str]:
    rng = random.Random(7)
    return [
        rng.choice(["", "\n", " "]) + rng.choice(["\n", "\n\n", " ", "\r\n"]).join(rng.choices(_PIECES, k=12))
        for _ in range(count)
    ]


def test_line_patterns_find_what_multiline_finds():
    for pattern in (sections._HEADING, sections._CAPS_LINE, sections._CLOSING, sections._FOOTNOTE_BODY):
        plain = re.compile("^" + pattern._first.pattern, re.MULTILINE)
        for text in _texts():
            fast = [(start, m.end(), m.group()) for start, m in pattern.finditer(text)]
            slow = [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]
            assert [(s, e) for s, e, _ in fast] == [(s, e) for s, e, _ in slow]


def test_chrome_line_matches_the_case_insensitive_search():
    plain = re.compile(sentences._CHROME_WORDS + r"|\d{1,2}:\d{2}", re.IGNORECASE)
    lines = [line for text in _texts() for line in text.split("\n")] + _PIECES
    lines += ["08:3", "8:30", "lúc 123:45 giờ", ":30", "a:12", "9: 30", "12:3x", "Ngày 1:2:34"]
    checked = {line: sentences._is_chrome_line(line) for line in lines}
    assert checked == {line: plain.search(line) is not None for line in lines}
    assert checked["Đánh Giá Bài Viết"] and checked["ſđt và Dıện thoại"] and not checked["HSĐT"]


def test_bound_before_a_number_is_found_as_a_full_search_finds_it():
    full = re.compile(r"\b(?:" + "|".join(relations._BOUND_WORDS) + r")\s*$", re.IGNORECASE)
    rng = random.Random(3)
    words = ["đạt", "từ", "Ít nhất", "TỐI THIỂU", "dưới", "xtừ", " ", "  \t", "\n", "ha", "5,"]
    for _ in range(2000):
        before = "".join(rng.choices(words, k=rng.randint(0, 8)))
        assert relations._ends_on_bound(before) == (full.search(before) is not None), before


def test_ranks_come_in_text_order():
    text = "Huyện xếp hạng 2, đứng thứ 3/9 huyện và xếp thứ nhất; xếp hạng ba."
    assert [m.group("num") for m in rank_mentions(text)] == ["2", "3", "nhất", "ba"]


def test_verb_before_a_number_is_found_as_a_full_search_finds_it():
    rng = random.Random(5)
    words = ["đạt", "Tăng", "giảm", "còn", "xuống", "cao", "hơn", "gần", "GẦN ĐẠT", "=", ":", "5", "3,2"]
    spaces = [" ", "  ", "\t", "\n", "", "("]
    for _ in range(3000):
        near = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randint(0, 7)))
        fast, full = relations._verb_before(near), relations._VERB_BEFORE_RE.search(near)
        assert (fast and (fast.span(), fast.groupdict())) == (full and (full.span(), full.groupdict())), near


def test_sentence_ends_are_those_of_the_two_alternatives():
    plain = re.compile(r"[.!?…](?=\s|$)|\n")
    for text in _texts() + ["a.", "a.\n", "x…y… z?\n\n!", "3.5 ha. Đạt", "?!. \u2003…\n", ""]:
        assert sentences._sentence_ends(text) == [m.end() for m in plain.finditer(text)]


def test_sentence_start_is_the_end_of_the_last_break_of_the_look_back():
    rng = random.Random(13)
    pieces = ["Thu ngân sách", ". ", ".\n", "\n\n", "\n\n\n ", "! ", "?", " đạt 5 tỷ đồng", ", ", "x" * 40]
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 30)))
        pos = rng.randint(0, len(text))
        start = max(0, pos - indicators._LOOKBACK)
        ends = [m.end() for m in indicators._SENTENCE_BREAK_RE.finditer(text, start, pos)]
        assert indicators._sentence_start(text, pos) == (ends[-1] if ends else start), (text, pos)


def test_clause_boundaries_are_those_of_the_case_insensitive_alternatives():
    plain = re.compile(r"[;:(\n]|(?<!\d),|,(?!\d)|\btrong\s+đó\b|\bvà\b", re.IGNORECASE)
    rng = random.Random(17)
    words = ["TRONG ĐÓ", "trong  đó", "Trong\nđó", "trong đói", "xtrong đó", "và", "VÀ", "vÀ", "tvà", "vàng"]
    words += ["1,2", "a,b", "3,", ",4", "(", ";", ":", " ", "\n", "ha", "đạt 5", "t", "v"]
    for _ in range(3000):
        window = "".join(rng.choices(words, k=rng.randint(0, 12)))
        assert [m.span() for m in indicator_phrase._CLAUSE_BOUNDARY_RE.finditer(window)] == [
            m.span() for m in plain.finditer(window)
        ], window


def test_uoc_is_found_as_the_case_insensitive_word():
    plain = re.compile(r"\bước\b", re.IGNORECASE)
    rng = random.Random(19)
    words = ["ước", "Ước", "ƯỚC", "ưỚc", "ước tính", "xước", "ướcx", "1ước", " ", ",", "\n", "đạt", "ư", "ớc"]
    for _ in range(3000):
        text = "".join(rng.choices(words, k=rng.randint(0, 10)))
        assert [m.span() for m in indicator_phrase._UOC_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
        assert indicator_phrase._UOC_RE.sub(" ", text) == plain.sub(" ", text)


def test_time_words_are_found_as_the_case_insensitive_search_finds_them():
    plain = re.compile(r"\d|năm|tháng|quý|ngày|nay", re.IGNORECASE)
    rng = random.Random(23)
    words = ["NĂM", "năm", "Tháng", "tHÁNG", "quý", "QUÝ", "ngày", "Ngày", "nay", "NAY", "nam", "thang"]
    words += ["quy", "n", "t", "q", "5", "٣", " ", "ha", "đạt", "nă", "th"]
    for _ in range(3000):
        text = "".join(rng.choices(words, k=rng.randint(0, 8)))
        assert [m.span() for m in indicator_phrase._MAY_HOLD_TIME_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_every_purpose_holds_its_word_in_lower_case():
    """_purpose rules out a sentence without "để" in lower case before its case-insensitive pattern."""
    rng = random.Random(29)
    words = [
        "để",
        "Để",
        "ĐỂ",
        "đỂ",
        "ĐE",
        "de",
        "nạo",
        "vét",
        "kênh",
        "mương",
        "xã",
        "Tân",
        " ",
        "\n",
        ",",
        "5",
    ]
    for _ in range(3000):
        text = " ".join(rng.choices(words, k=rng.randint(0, 10)))
        if indicators._PURPOSE_RE.search(text):
            assert "để" in text.lower(), text


def test_last_line_before_is_that_of_the_stripped_text():
    rng = random.Random(31)
    pieces = ["b. Vụ hè thu", "\n", "\n\n", "  ", "\t", " " * 300, "\n" * 270, "lúa 5 ha", "x" * 300]
    for _ in range(2000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 8)))
        end = rng.randint(0, len(text))
        assert indicators._last_line_before(text, end) == text[:end].rstrip().rsplit("\n", 1)[-1]


def test_every_season_holds_its_word_in_lower_case():
    rng = random.Random(37)
    words = ["vụ", "Vụ", "VỤ", "vỤ", "VU", "mùa", "Hè thu", "ĐÔNG XUÂN", "chiêm", "lúa", " ", "\n", ",", "5"]
    for _ in range(3000):
        text = " ".join(rng.choices(words, k=rng.randint(0, 8)))
        if indicators._SEASON_RE.search(text) or indicators._SEASON_WORD_RE.search(text):
            assert indicators._may_name_season(text), text
