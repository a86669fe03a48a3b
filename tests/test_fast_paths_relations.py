"""The fast paths of transforms.relations find exactly what the plain patterns they replace find.

Each rewritten pattern opens on a class of first letters, or is searched over the last characters
only, or is skipped when a cheap test rules it out; these tests compare each with the plain form
on generated text, hostile cases included (capitals, "ſ", the Kelvin sign, dotted and dotless
"i", extra spaces, letters glued to the words).
"""

import random
import re

from tests.case_folds import ALL_CHARACTERS
from transforms import relations

_HOSTILE = ["ſ", "\u212a", "İ", "ı", "  ", "\t", "\n", " \n", "_", "1", "(", "=", ":", ",", "x", "Đ"]


def _cases(words: list[str]) -> list[str]:
    """The words as written, in capitals, capitalized, with odd case inside."""
    out = []
    for word in words:
        out += [word, word.upper(), word.capitalize(), word.swapcase(), word[:1] + word[1:].upper()]
    return out


def _texts(words: list[str], seed: int, count: int = 4000, k: int = 8) -> list[str]:
    rng = random.Random(seed)
    pieces = _cases(words) + _HOSTILE + [" ", " ", "đạt", "ha", "5,2"]
    return ["".join(rng.choices(pieces, k=rng.randint(0, k))) for _ in range(count)]


def test_opening_classes_hold_every_case_of_their_letters():
    """A class of first letters stands for its words' first letters under re.IGNORECASE: it holds
    every character that folds to one of them (the Kelvin sign for "k", "ſ" for "s")."""
    for pattern, words in (
        (relations._BOUND_BEFORE_RE, relations._BOUND_WORDS),
        (relations._MONEY_CONTEXT_RE, relations._MONEY_WORDS),
    ):
        opening = re.compile(re.match(r"\[[^\]]+\]", pattern.pattern).group())
        firsts = "".join(sorted({word[0] for word in words}))
        assert opening.findall(ALL_CHARACTERS) == re.findall(f"(?i)[{firsts}]", ALL_CHARACTERS), pattern


def test_bound_before_a_number_is_the_plain_search():
    plain = re.compile(r"\b(?:" + "|".join(relations._BOUND_WORDS) + r")\s*$", re.IGNORECASE)
    words = [*relations._BOUND_WORDS, "ít  nhất", "tối", "thiểu", "nhất", "t", "í", "d", "xtừ", "_dưới"]
    rng = random.Random(1)
    for text in _texts(words, seed=2):
        for pos in (0, rng.randint(0, len(text))):
            fast, slow = relations._BOUND_BEFORE_RE.search(text, pos), plain.search(text, pos)
            assert (fast and fast.span()) == (slow and slow.span()), (text, pos)
        assert relations._ends_on_bound(text) == (plain.search(text) is not None), text


def _literals(pattern: re.Pattern) -> set[str]:
    """Every character the pattern matches as written (its words' letters, its classes' members)."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, re._parser.SubPattern):
            node = node.data
        if isinstance(node, tuple) and len(node) == 2 and node[0] is re._constants.LITERAL:
            found.add(chr(node[1]))
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    walk(re._parser.parse(pattern.pattern, pattern.flags))
    return found


def test_verb_tail_holds_every_character_of_a_verb_match():
    letters = _literals(relations._VERB_BEFORE_RE)
    assert {"đ", "ạ", "ỉ", "=", "ằ"} <= letters
    tail = re.compile(relations._VERB_CHARACTERS, re.IGNORECASE)
    for char in letters:
        assert tail.fullmatch(char) and tail.fullmatch(char.upper()), char
    for char in re.findall(r"(?i)[" + "".join(letters - {"="}) + r"]|\s", ALL_CHARACTERS):
        assert tail.fullmatch(char), hex(ord(char))


def test_verb_before_a_number_is_the_plain_search():
    words = relations._VERB_WORDS.split() + ["=", ":", "xuống còn", "gần đạt", "cao  hơn", "thấp\nhơn"]
    words += ["5", "3,2", "%", "chi", "ti", "hon", "đat", "tỷ", "ha"]
    rng = random.Random(4)
    verbs = _cases(["=", "bằng", "chiếm", "còn", "cao hơn", "đạt", "giảm", "hoàn thành", "tăng", "thấp hơn"])
    verbs += _cases(["tương đương", "vượt", "Tăng", "chıếm", "ſ", "xtăng", "(đạt", "1=", "_giảm"])
    particles = _cases(["", "", "thêm", "được", "là", "lên", "xuống", "xuống còn", "còn", "Khoảng"])
    hedges = _cases(["", "", "gần đạt", "gần", "trên", "hơn", "khoảng", "xấp xỉ", "xấp  xỉ", "=gần"])
    spaces = ["", " ", "  ", "\t", "\n", " :", ": ", "::"]
    built = [
        "".join(
            rng.choice(pieces) for pieces in (words, spaces, verbs, spaces, particles, spaces, hedges, spaces)
        )
        for _ in range(6000)
    ]
    for text in _texts(words, seed=3, count=6000, k=10) + built:
        fast, plain = relations._verb_before(text), relations._VERB_BEFORE_RE.search(text)
        assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict())), (
            text
        )


def test_level_after_a_change_is_the_plain_search():
    plain = relations._LEVEL_AFTER_CHANGE_RE
    words = [
        *relations._LEVEL_WORDS,
        "tăng  lên",
        "lên",
        "còn",
        "thành",
        "xuống",
        "tăng",
        "giảm",
        "xtăng lên",
    ]
    for text in _texts(words, seed=5):
        assert relations._ends_on(plain, text, relations._LEVEL_WORD_MAX) == (
            plain.search(text) is not None
        ), text


def test_money_before_a_number_is_the_plain_search_in_the_last_characters():
    slow = re.compile(r"\b(?:" + "|".join(relations._MONEY_WORDS) + r")\b[^,;]{0,20}$", re.IGNORECASE)
    words = [
        *relations._MONEY_WORDS,
        "kinh  phí",
        "tiềnx",
        "xtiền",
        ";",
        ",",
        "đồng",
        "với",
        "là",
        "abcdefghij",
        "\u212ainh phí",
        "ſố tiền",
        "(tiền",
        "_tiền",
        "1tiền",
    ]
    rng = random.Random(6)
    built = [  # a money word, then up to 21 characters, the last maybe a line break
        lead + word + filler * size + last
        for lead in ("", "x", "ab ", "(", "_")
        for word in _cases(list(relations._MONEY_WORDS))
        for filler in (" ", "\n", ",")
        for size in range(15, 22)
        for last in ("", "\n")
    ]
    for text in _texts(words, seed=7, k=12) + built:
        start, end = rng.randint(0, len(text)), len(text)
        plain = slow.search(text, max(start, end - 45), end)
        fast = relations._MONEY_CONTEXT_RE.search(text, max(start, end - relations._MONEY_REACH), end)
        assert (fast and fast.span()) == (plain and plain.span()), (text, start)


def test_plan_clause_is_what_the_two_plain_patterns_find():
    rng = random.Random(8)
    openings = ["", "a) ", "Đ) ", "Tổng ", "tổng  ", "x"]
    kinds = _cases(
        ["kế hoạch", "kh", "dự toán", "chỉ tiêu", "nghị quyết", "vốn", "nguồn vốn", "thu", "\u212aH"]
    )
    middle = _cases(["năm 2024", "thu", "thuế", "xã", "được", "đạt", "-", "huyện", "giao"]) + [",", " ", "  "]
    endings = [" là", ":", " :", " hơn", " được giao", " phân bổ", " bố  trí", " dự kiến", " xấp xỉ", " trên"]
    endings += [" giao là:", "", " là ", "xlà", " xỉ\n", " dưới", " Là", " LÀ", " gẦn", " kiến", "_là", " ıà"]
    for _ in range(12000):
        words = rng.choices(middle, k=rng.randint(0, 5))
        whole = rng.choice(openings) + rng.choice(kinds) + " " + " ".join(words) + rng.choice(endings)
        plain = relations._LONG_STATED_TARGET_RE.search(whole) or relations._SUBJECT_TARGET_RE.match(whole)
        fast = relations._plan_clause(whole)
        assert (fast and (fast.re, fast.span(), fast.groupdict())) == (
            plain and (plain.re, plain.span(), plain.groupdict())
        ), whole


def _plain_clause_target(clause: str) -> str | None:
    m = relations._STATED_TARGET_RE.search(clause) or relations._LONG_STATED_TARGET_RE.search(clause)
    if m is not None:
        return relations._kind_text(m.group("kind"))
    subject = relations._SUBJECT_TARGET_RE.match(clause)
    if subject is not None:
        return relations._kind_text(subject.group("kind")) if subject.group("kind") else ""
    return None


def test_clause_target_is_what_the_plain_searches_find():
    assert re.findall("(?i)[theo]", ALL_CHARACTERS) == list("EHOTehot")  # "theo" has no odd cases
    rng = random.Random(9)
    pieces = _cases(["theo", "kế hoạch", "KH", "chỉ tiêu", "dự toán", "giao", "là", "huyện", "năm 2024"])
    pieces += (
        _cases(["vốn", "được giao", "thẹo", "ttheo", "theox", ":", "a)", "đạt", "hơn", "Tổng"]) + _HOSTILE
    )
    for _ in range(12000):
        clause = " ".join(rng.choices(pieces, k=rng.randint(0, 7)))
        assert relations._clause_target.__wrapped__(clause) == _plain_clause_target(clause), clause


def test_spaces_are_folded_as_the_pattern_folds_them():
    spaces = re.findall(r"\s", ALL_CHARACTERS)
    rng = random.Random(10)
    for _ in range(3000):
        raw = "".join(rng.choices(["a", "KH", "ế"] + spaces, k=rng.randint(0, 8)))
        assert " ".join(raw.split()) == re.sub(r"\s+", " ", raw).strip(), repr(raw)


_PLAIN_VS = re.compile(
    r"\bso\s+với\s+(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?|CK\b|năm\s+trước|năm\s+20\d\d"
    r"|đầu\s+năm|đầu\s+nhiệm\s+kỳ|(?:tháng|quý|tuần)\s+trước|[^,;.()\d]{1,25}?(?=[,;.()]|$))",
    re.IGNORECASE,
)
_PLAIN_KIND_BEFORE = re.compile(
    rf"\bso(?:\s+với)?\s+(?P<kind>{relations._TARGET_KIND}(?:\s+(?!và\b)[^\W\d_]+){{0,4}}?)\s+(?:đạt|bằng)\s*$",
    re.IGNORECASE,
)
_PLAIN_BASE = re.compile(r"\b(?:cùng\s+kỳ|CK)(?:\s+năm\s+(?:trước|\d{4}))?\s*$", re.IGNORECASE)


def test_comparisons_opening_on_their_first_letter_are_the_plain_searches():
    assert re.findall("(?i)[sc]", ALL_CHARACTERS) == list("CScsſ")
    words = ["so với", "so  với", "ſo với", "xso với", "(so với", "SO VỚI", "cùng kỳ", "CK", "c\u212a", "ck"]
    words += ["cùng  kỳ", "năm trước", "năm 2023", "năm 20x", "đầu năm", "tháng trước", "Quý trước", "2024"]
    words += [",", ".", "(", ")", "xcùng kỳ", "_CK", "1ck", "s", "c", "o", "với", "giảm", "tăng 5%", "ha"]
    words += [
        "so dự toán huyện giao đạt",
        "so với KH bằng",
        "ſo kế hoạch xã đạt",
        "so \u212aH và đạt",
        "đạt",
        "bằng",
    ]
    rng = random.Random(11)
    pieces = _cases(words) + _HOSTILE
    texts = [
        "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", "", "\n"]) for _ in range(rng.randint(0, 9)))
        for _ in range(8000)
    ]
    for text in texts:
        start, end = rng.randint(0, len(text)), rng.choice([len(text), rng.randint(0, len(text))])
        for fast, plain in (
            (relations._VS_RE, _PLAIN_VS),
            (relations._BASE_BEFORE_RE, _PLAIN_BASE),
            (relations._KIND_BEFORE_RE, _PLAIN_KIND_BEFORE),
        ):
            a, b = fast.search(text, start, end), plain.search(text, start, end)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (text, start, end)


def test_bound_words_end_on_the_last_letters_listed():
    lasts = "".join(sorted({word[-1] for word in relations._BOUND_WORDS}))
    assert set(re.findall(f"(?i)[{lasts}]", ALL_CHARACTERS)) == relations._BOUND_LAST_LETTERS


def _plain_stated_target(text: str, sent_start: int, pos: int, after_pct_target: bool) -> str | None:
    cut = max(
        text.rfind(",", sent_start, pos), text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    )
    slash = text.rfind("/", max(sent_start, pos - 16), pos)
    if slash > cut and relations._STATED_TARGET_RE.search(text[slash + 1 : pos].strip()):
        cut = slash
    clause = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
    if not clause and after_pct_target and cut != -1 and text[cut] == "(":
        return ""
    if cut != -1 and text[cut] == "(" and clause[-1:].isalpha():  # "(kế hoạch tăng từ 10% ...)"
        clause = re.sub(r"\s+(?:tăng|giảm|đạt)(?:\s+từ)?$", "", clause, flags=re.IGNORECASE)
    named = _plain_clause_target(clause)
    if named is None and cut != -1 and text[cut] == ",":
        cut = max(text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos))
        whole = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
        m = relations._LONG_STATED_TARGET_RE.search(whole) or relations._SUBJECT_TARGET_RE.match(whole)
        return relations._kind_text(m.group("kind") or "") if m else None
    return named


def test_stated_target_is_what_the_plain_reading_finds():
    rng = random.Random(14)
    pieces = _cases(
        ["kế hoạch", "KH", "dự toán", "vốn", "năm 2024", "thu", "thuế", "là", "giao", "theo", "hơn"]
    )
    pieces += _cases(["được giao", "phân bổ", "gần", "đạt", "xã", "huyện", "tăng", "từ", "giảm"]) + [
        ",",
        ", ",
        ";",
        "(",
        "/",
        ":",
        " -",
        "  ",
    ]
    pieces += _HOSTILE
    for _ in range(12000):
        text = " ".join(rng.choices(pieces, k=rng.randint(0, 12))) + " 25 tỷ"
        pos, start, after = (
            len(text) - 6,
            rng.choice([0, 0, rng.randint(0, len(text) - 6)]),
            rng.random() < 0.5,
        )
        assert relations._stated_target(text, start, pos, after) == _plain_stated_target(
            text, start, pos, after
        ), (
            text,
            start,
        )
