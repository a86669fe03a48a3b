"""The fast paths of extraction find exactly what the plain patterns they replace find.

Each speed-up rewrites how a pattern is searched (a line-start pattern found by its newline, a
"$" search over the last characters only, a case-insensitive search done on lower-cased text);
these tests compare each with the plain search on generated text, hostile cases included.
"""

import random
import re

from transforms import indicator_phrase, indicators, relations, sections, sentences, vocabulary
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


# --- the per-number path (branch speed-num) ---

_JUNK_PIECES = [
    "đạt",
    "chưa đạt",
    "KHÔNG ĐẠT",
    "được",
    "là",
    "lên",
    "trở lên",
    "Trở Lên",
    "ở",
    "nhà ở",
    "NHÀ Ở",
    "kết quả",
    "có kết quả",
    "khoảng",
    "ước",
    "còn",
    "còn lại",
    "so",
    "so với",
    "SO VỚI",
    "ſo",
    "tăng mạnh",
    "giảm nhẹ",
    "tổng",
    "tính đến",
    "hiện nay",
    "nbsp",
    "cụ thể",
    "duy trì",
    "KHOẢNG",
    "diện tích",
    "lúa",
    "hộ nghèo",
    "Kết quả",
    "\u212aết quả",
    "đạtx",
    "xđạt",
    "...",
    "…",
    ",",
    ":",
    "-",
    "–",
    "(",
    " ",
    "  ",
    "\t",
    "\n",
    "2024",
    "ha",
    "cho",
    "gồm",
    "chiếm",
    "cuối",
    "của",
    "trong",
    "từ",
]


def _junk_texts(count: int = 3000) -> list[str]:
    rng = random.Random(11)
    return [rng.choice(["", " "]).join(rng.choices(_JUNK_PIECES, k=rng.randint(1, 7))) for _ in range(count)]


def test_trailing_junk_is_stripped_as_the_plain_alternation_strips_it():
    plain = re.compile(
        r"(?:\s*\b(?:ước|(?<!chưa )(?<!không )đạt|được|là|có|thực hiện|với|cho|còn|xuống|(?<!trở )lên"
        r"|tăng(?: mạnh| khá| nhẹ)?|giảm(?: mạnh| khá| nhẹ)?|trên|hơn|gần|khoảng|tổng"
        r"|số lượng|bằng|chiếm|đã|là|gồm|cụ thể|đến nay|hiện nay|tính đến|toàn|chỉ|cũng|vẫn|đang|còn lại"
        r"|cuối|so|so với|duy trì|nbsp|trong|của|tại|(?<!nhà )ở|từ|hết|(?<!có )kết quả)\b"
        r"|[\s:,\-–(…]|\.\.\.)+$",
        re.IGNORECASE,
    )
    fast = indicator_phrase._TRAILING_JUNK_RE
    for text in _junk_texts():
        assert fast.sub("", text) == plain.sub("", text), text
        for k in range(len(text) + 1):
            slow_m, fast_m = plain.match(text, k), fast.match(text, k)
            assert (slow_m and slow_m.span()) == (fast_m and fast_m.span()), (text, k)


_AFTER_NUMBER = [
    " tỷ đồng",
    "  Tỷ Đồng",
    "\xa0ha",
    "\xa0\xa0HA",
    "\tkm²",
    " m2/ha",
    " \u212ag",
    " KM",
    " km/h",
    " đ/c",
    " đồng chí",
    " ha/người/năm",
    " triệuđồng",
    " tr. đồng",
    " TR.ĐỒNG",
    " m^2",
    "%",
    " %",
    " phần trăm",
    " hộ",
    " mũi",
    " mét",
    " m³ nước",
    " tấn/ha",
    " tạ/ha/6 tháng",
    " ngàn USD",
    " héc-ta",
    " hecta",
    " tỉ",
    " tỷ",
    " triệu",
    " triệu lượt",
    " VNĐ",
    " vnd/kg",
    " ſ",
    " Đ",
    " đ.",
    "  \n ha",
    " tr đ",
    " trđ",
]


def test_measure_units_match_as_the_plain_alternation_matches():
    from transforms import quantities  # (imported here: the block above is another branch's)
    from transforms.units import measure_spellings

    spellings = [quantities._spelling_pattern(u) for u in measure_spellings() if u != "%"]
    fast = quantities._MEASURE_UNIT_RE
    plain = re.compile(
        fast.pattern.replace(vocabulary.by_first_letter(spellings), "|".join(spellings)), fast.flags
    )
    assert plain.pattern != fast.pattern
    rng = random.Random(13)
    texts = _AFTER_NUMBER + ["".join(rng.choices(_AFTER_NUMBER, k=3)) for _ in range(2000)]
    for text in texts:
        for k in range(len(text)):
            slow_m, fast_m = plain.match(text, k), fast.match(text, k)
            assert (slow_m and (slow_m.span(), slow_m.groupdict())) == (
                fast_m and (fast_m.span(), fast_m.groupdict())
            ), (text, k)


_AFTER_COUNT = [
    "hộ nghèo",
    "ĐẠT 5",
    "đạt gần 12",
    "làm 3",
    "LÀM",
    "đạt 4 sao",
    "bằng",
    "Bao  gồm",
    "bao\ngồm",
    "gồm",
    "ſo với",
    "SỐ TIỀN",
    "số tiền",
    "trị giá",
    "và vượt",
    "VÀ VƯỢT",
    "vượt",
    "và",
    "với",
    "đối với",
    "đã",
    "là",
    "chiếm",
    "còn",
    "trong",
    "tăng",
    "giảm",
    "xđạt 5",
    "đạtx",
    "cònlại",
    " - ",
    "-",
    ",",
    ";",
    "(",
    ")",
    "“",
    "”",
    '"',
    "\n",
    "–",
    "=",
    "12",
    "٣",
    "trên",
    "Ông",
    "Tăng",
    " ",
    "  ",
    "\t",
    "ƀằng",
    "lượt",
    "[5]",
    "THCS",
    "Đảng",
    "ĐẢNG",
]


def test_post_stop_is_found_as_the_case_insensitive_search_finds_it():
    plain = re.compile(
        r"[,;:.()\[\]\d\"“”\n–=]|\s-\s|\b(?:đạt|làm)\b(?=\s*(?:gần|trên|hơn|khoảng|xấp xỉ)?\s*\d)(?!\s*\d\s*sao\b)"
        r"|\b(?:bằng|tăng|giảm|so|đối với|với|và(?!\s+vượt)(?-i:(?!\s+[A-ZĐ]{2}))|trong|đã|là|chiếm|(?<!và )vượt|còn"
        r"|(?:bao\s+)?gồm"
        r"|trị giá|số tiền)\b",
        re.IGNORECASE,
    )
    fast = indicator_phrase._POST_STOP_RE
    rng = random.Random(17)
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choices(_AFTER_COUNT, k=rng.randint(1, 6)))
        for k in range(len(text) + 1):
            slow_m, fast_m = plain.search(text, k), fast.search(text, k)
            assert (slow_m and slow_m.span()) == (fast_m and fast_m.span()), (text, k)


def test_verb_before_is_found_as_the_plain_alternation_finds_it():
    plain = re.compile(
        r"""(?:\b(?P<verb>tăng|giảm|vượt|đạt|bằng|chiếm|còn|cao\s+hơn|thấp\s+hơn|hoàn\s+thành|tương\s+đương)
             (?:\s+(?:thêm|được|là|lên|xuống|xuống\s+còn|còn|khoảng))?
           |(?P<equals>=))
           \s*(?:\b(?:gần\s+đạt|gần|trên|hơn|khoảng|xấp\s+xỉ)\s*)?[:]?\s*$""",
        re.IGNORECASE | re.VERBOSE,
    )
    words = [
        "đạt",
        "ĐẠT",
        "Tăng",
        "giảm",
        "VƯỢT",
        "bằng",
        "chiếm",
        "còn",
        "cao",
        "hơn",
        "thấp  hơn",
        "hoàn\nthành",
    ]
    words += ["Cao hơn", "THẤP HƠN", "Hoàn thành", "TƯƠNG ĐƯƠNG", "Bằng", "Còn", "Giảm", "Vượt"]
    words += [
        "tương đương",
        "xuống còn",
        "được",
        "gần",
        "GẦN ĐẠT",
        "xấp xỉ",
        "=",
        ":",
        "5",
        "xđạt",
        "đạtx",
        "ƀằng",
    ]
    rng = random.Random(29)
    for _ in range(4000):
        near = "".join(
            rng.choice(words) + rng.choice([" ", "  ", "\t", "", "("]) for _ in range(rng.randint(0, 6))
        )
        for k in range(len(near) + 1):
            slow_m, fast_m = plain.search(near, k), relations._VERB_BEFORE_RE.search(near, k)
            # "=" is the verb the caller reads when the plain pattern names none
            slow = slow_m and (slow_m.span(), slow_m.group("verb") or "=")
            assert slow == (fast_m and (fast_m.span(), fast_m.group("verb"))), (near, k)


def test_hedge_is_found_as_the_case_insensitive_search_finds_it():
    plain = re.compile(
        r"(?:\b(?P<hedge>gần đạt|gần|trên|hơn|khoảng|ước|xấp xỉ))\s*(?:(?:đạt|là|được|có)\s*)?[:]?\s*$",
        re.IGNORECASE,
    )
    words = ["gần", "GẦN ĐẠT", "Gần  đạt", "trên", "TRÊN", "hơn", "Hơn", "khoảng", "\u212ahoảng", "KHOẢNG"]
    words += ["ước", "ƯỚC", "xấp xỉ", "XẤP XỈ", "đạt", "là", "được", "có", ":", "5", "xgần", "gầnx", "ǵần"]
    rng = random.Random(31)
    for _ in range(4000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "  ", "\t", "", "("]) for _ in range(rng.randint(0, 6))
        )
        for k in range(len(text) + 1):
            slow_m = plain.search(text, k, len(text) - 1)
            fast_m = indicator_phrase._HEDGE_BEFORE_RE.search(text, k, len(text) - 1)
            assert (slow_m and (slow_m.span(), slow_m.group("hedge"))) == (
                fast_m and (fast_m.span(), fast_m.group("hedge"))
            ), (text, k)


def test_with_count_and_given_to_are_found_as_the_case_insensitive_searches_find_them():
    plain_with = re.compile(
        r"(?<!đối )\bvới\s+(?:(?:gần|trên|hơn|khoảng|tổng số|tổng cộng)\s+)?$", re.IGNORECASE
    )
    plain_given = re.compile(r"\b(?:cho|đối\s+với)\s+(?:(?:gần|trên|hơn|khoảng)\s+)?$", re.IGNORECASE)
    words = [
        "với",
        "VỚI",
        "Với",
        "đối với",
        "ĐỐI VỚI",
        "Đối  với",
        "xvới",
        "vớix",
        "cho",
        "CHO",
        "Cho",
        "xcho",
    ]
    words += [
        "gần",
        "TRÊN",
        "hơn",
        "Khoảng",
        "\u212ahoảng",
        "tổng số",
        "TỔNG CỘNG",
        "tổng",
        "hộ",
        "5",
        ",",
        "ƈho",
    ]
    rng = random.Random(37)
    for _ in range(4000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "  ", "\t", "\n", "", "("]) for _ in range(rng.randint(0, 6))
        )
        for k in range(len(text) + 1):
            for plain, fast in (
                (plain_with, indicator_phrase._WITH_COUNT_RE),
                (plain_given, indicator_phrase._GIVEN_TO_RE),
            ):
                slow_m, fast_m = plain.search(text, k), fast.search(text, k)
                assert (slow_m and slow_m.span()) == (fast_m and fast_m.span()), (text, k)
