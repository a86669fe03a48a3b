"""The fast paths of transforms/indicator_phrase.py find exactly what the plain patterns find.

Each one tries a cheap check first (a "$" search over the last characters only, a character
every match holds) and falls back to the plain pattern; these tests compare the two on generated
text, hostile cases included (capitals, "ſ", the Kelvin sign, "İ"/"ı", extra spaces, glued words).
"""

import random

from tests.case_folds import folds_to
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


def test_letters_checked_in_both_cases_have_no_other_case_forms():
    for letter in "ớư":
        assert folds_to(letter) == {letter, letter.upper()}
    for letter in "ctđhxpq":  # the opening class of _MAY_HOLD_PLACE_RE
        assert folds_to(letter) == {letter, letter.upper()}


def test_place_word_is_found_as_the_plain_search_finds_it():
    plain = ip.re.compile(
        r"\b(?:của|tại|toàn|địa bàn|tỉnh|huyện|xã|thành phố|thị xã|phường|thị trấn|quận)\b", ip.re.IGNORECASE
    )
    rng = random.Random(5)
    pieces = [
        "của",
        "CỦA",
        "Tại",
        "toàn",
        "ĐỊA BÀN",
        "địa  bàn",
        "tỉnh",
        "Huyện",
        "xã",
        "XÃ",
        "thành phố",
        "thị xã",
        "Phường",
        "thị trấn",
        "QUẬN",
        "hộ",
        "x",
        "t",
        "thuế",
        "ctại",
        "quậnx",
        "2",
        " ",
        "  ",
        "\n",
    ]
    for _ in range(4000):
        text = rng.choice(["", " "]).join(rng.choices(pieces, k=rng.randint(0, 6)))
        assert (ip._MAY_HOLD_PLACE_RE.search(text) is None) == (plain.search(text) is None), repr(text)


def test_clean_clause_is_the_plain_clean_up():
    for text in _texts(1500):
        clause = text.replace("đạt", "ước đạt")
        assert ip._clean_clause(clause) == ip._clean_indicator(ip._UOC_RE.sub(" ", clause))


def test_item_break_is_found_as_the_plain_search_finds_it():
    assert folds_to("à") == {"à", "À"}
    rng = random.Random(9)
    pieces = ["và", "VÀ", "Và", "xvà", "va", ",", " ,", "lúa", "ngô", " ", "  ", "\n", "\t", "à", "ſ", "İ"]
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 7)))
        start, end = rng.randint(0, len(text)), rng.randint(0, len(text))
        fast = ip._item_break(text, start, end)
        plain = ip._ITEM_BREAK_RE.search(text, start, end)
        assert (fast and fast.span()) == (plain and plain.span()), (text, start, end)


def _plain_clause_start(text: str, sent_start: int, floor: int, pos: int) -> int:
    """`_clause_start` written plainly: every boundary of the window, from its start."""
    start = max(sent_start, floor)
    window = text[start:pos]
    cut = start
    for m in ip._CLAUSE_BOUNDARY_RE.finditer(window):
        if (m.group(0) == "(" and ")" in window[m.end() :]) or (
            m.group(0) == "\n" and ip._wraps_line(text, start + m.start())
        ):
            continue
        cut = start + m.end()
    if (
        cut > start
        and ip._holds_only_junk(text[cut:pos])
        and not ip._CLAIM_ENDS_RE.search(text[start : cut - 1])
    ):
        prev = text[start : cut - 1]
        prev_cut = start
        for m in ip._CLAUSE_BOUNDARY_RE.finditer(prev):
            if m.group(0) == "(" and ")" in prev[m.end() :]:
                continue
            prev_cut = start + m.end()
        cut = prev_cut
    return cut


def test_clause_start_is_the_plain_scan():
    rng = random.Random(13)
    pieces = [
        "trong đó",
        "TRONG\nđó",
        "trong \n\n đó",
        "Trong  đó",
        "trongđó",
        "và",
        "VÀ",
        "xvà",
        "vàx",
        "tổng số",
        "giá trị sản xuất",
        "với",
        "đạt",
        "(",
        ")",
        "(đến 15/10)",
        ";",
        ":",
        ",",
        "7,5",
        "\n",
        "lúa\nngô",
        "ha\nLúa",
        " ",
        "  ",
        "ſ",
        "İ",
        "\u212a",
        "trong",
    ]
    for _ in range(6000):
        text = rng.choice(["", " "]).join(rng.choices(pieces, k=rng.randint(0, 30)))
        pos = rng.randint(0, len(text))
        sent_start, floor = sorted(rng.randint(0, pos) for _ in range(2))
        assert ip._clause_start(text, sent_start, floor, pos) == _plain_clause_start(
            text, sent_start, floor, pos
        ), (
            text,
            sent_start,
            floor,
            pos,
        )


def test_clean_up_patterns_are_split_only_where_their_letters_are():
    assert folds_to("ứ") == {"ứ", "Ứ"} and folds_to("ố") == {"ố", "Ố"}
    assert all(chr(c).isdigit() for c in range(0x110000) if ip.re.fullmatch(r"\d", chr(c)))
    rng = random.Random(23)
    pieces = [
        "ĐẠT",
        "đạt",
        "Đạt",
        "ở",
        "Ở",
        "mức",
        "MỨC",
        "con số",
        "CON  SỐ",
        "là",
        "được",
        "12,5",
        "7.1",
        "lúa",
        " ",
        "  ",
        "\n",
        "ſ",
        "İ",
    ]
    for _ in range(4000):
        text = rng.choice(["", " "]).join(rng.choices(pieces, k=rng.randint(0, 8)))
        if len(ip._CLAIMED_RE.split(text, maxsplit=1)) > 1:
            assert "đạt" in text or "là" in text or "được" in text, text
        if len(ip._LEVEL_VERDICT_RE.split(text, maxsplit=1)) > 1:
            assert "ứ" in text or "Ứ" in text or "ố" in text or "Ố" in text, text
