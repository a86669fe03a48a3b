"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI) and a Vietnamese-ness score.

Before Unicode, Vietnamese Word files and web pages were typed in 8-bit "font
encodings": the bytes are ordinary Windows-1252 as far as any decoder can tell, and
only the font (.VnTime, VNI-Times) drew them as Vietnamese letters. Decoded as cp1252
they come out as gibberish such as "B¸o c¸o" (TCVN3) or "Baùo caùo" (VNI), so they
are recognised here by converting a text every possible way and scoring which result
reads as real Vietnamese syllables and words.

All converters work on *text decoded as cp1252* (bytes 0xA0-0xFF are the same
characters in cp1252 and Latin-1), so the same code serves 8-bit files and legacy text
that was already carried into Unicode by someone's copy-and-paste.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

# --- TCVN3 (TCVN 5712:1993, VN3, the ".VnTime" fonts) -------------------------------
# One byte per letter. Only lower-case toned letters have codes; upper case was drawn by
# the ".VnTimeH" fonts from the same codes, so the bytes cannot tell "á" from "Á"
# (see _restore_tcvn3_capitals). 0xB0-0xB4 are stand-alone tone marks.
_TCVN3_LETTERS = {
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
    "¨": "ă", "©": "â", "ª": "ê", "«": "ô", "¬": "ơ", "\xad": "ư", "®": "đ",
    "°": "\u0300", "±": "\u0309", "²": "\u0303", "³": "\u0301", "´": "\u0323",
    "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
    "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
    "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
    "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
    "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
    "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
    "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
    "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
    "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
    "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
    "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
    "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
}  # fmt: skip
_TCVN3_DECODE = str.maketrans(_TCVN3_LETTERS)
_TCVN3_ENCODE = {v: k for k, v in _TCVN3_LETTERS.items() if len(v) == 1 and v.isalpha()}

# --- VNI (the "VNI-Times" fonts) ------------------------------------------------------
# A base letter followed by one byte carrying the diacritic and/or tone; a few letters
# (đ, ơ, ư and the toned i / ỵ) have single bytes. Upper-case marks are the lower-case
# byte minus 0x20.
_VNI_MARKS = {
    # tone alone
    "ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    # circumflex (â ê ô), alone and with each tone
    "â": "\u0302", "à": "\u0302\u0300", "á": "\u0302\u0301", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    # breve (ă), alone and with each tone
    "ê": "\u0306", "è": "\u0306\u0300", "é": "\u0306\u0301", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
_VNI_SINGLE = {
    "ñ": "đ", "ô": "ơ", "ö": "ư", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ñ": "Đ", "Ô": "Ơ", "Ö": "Ư", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}  # fmt: skip
# Which marks each base may carry: circumflex only on a/e/o, breve only on a.
_TONES = "øùûõï"
_VNI_BASE_MARKS = {
    "a": _TONES + "âàáåãä" + "êèéúüë",
    "e": _TONES + "âàáåãä",
    "o": _TONES + "âàáåãä",
    "u": _TONES,
    "y": _TONES,
    "ô": _TONES,  # ơ + tone
    "ö": _TONES,  # ư + tone
}


def _vni_pair_table() -> dict[str, str]:
    pairs = {}
    for base, marks in _VNI_BASE_MARKS.items():
        for mark in marks:
            for b, m in ((base, mark), (base.upper(), mark.upper())):
                letter = _VNI_SINGLE.get(b, b)
                # A mixed-case pair ("Aù") takes the base letter's case.
                pairs[b + m] = unicodedata.normalize("NFC", letter + _VNI_MARKS[mark])
                pairs[b + mark] = unicodedata.normalize("NFC", letter + _VNI_MARKS[mark])
    return pairs


_VNI_PAIRS = _vni_pair_table()
# Longest first so a base+mark pair wins over the base's own single-byte meaning (ô = ơ).
_VNI_RE = re.compile("|".join(sorted(map(re.escape, [*_VNI_PAIRS, *_VNI_SINGLE]), key=len, reverse=True)))
_VNI_ENCODE = {v: k for k, v in {**_VNI_SINGLE, **_VNI_PAIRS}.items() if k == k.lower() or k == k.upper()}


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 text (read as cp1252) → Unicode NFC."""
    return unicodedata.normalize("NFC", _restore_tcvn3_capitals(text.translate(_TCVN3_DECODE)))


def vni_to_unicode(text: str) -> str:
    """VNI text (read as cp1252) → Unicode NFC."""
    return unicodedata.normalize(
        "NFC", _VNI_RE.sub(lambda m: _VNI_PAIRS.get(m[0]) or _VNI_SINGLE[m[0]], text)
    )


def unicode_to_tcvn3(text: str) -> str:
    """The inverse, for tests and fixtures: upper-case toned letters become their lower-case
    codes, exactly as a .VnTimeH typist's file has them."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3_ENCODE.get(ch) or _TCVN3_ENCODE.get(ch.lower())
        out.append(code if code and ord(ch) > 0x7F else ch)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """The inverse, for tests and fixtures."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


# .VnTimeH drew the lower-case codes as capitals, so "B¸O C¸O" is "BÁO CÁO". The bytes do
# not say which font was used; a code is taken as a capital when its word's other letters
# are capitals (two at least: "§¸" may be "Đá"), or its line has no lower-case ASCII
# letter but several capitals (a heading such as "ñY BAN NH¢N D¢N").
_WORD_RE = re.compile(r"[^\W\d_]+")
_LINE_RE = re.compile(r"[^\n]+")
_TCVN3_UPPER = str.maketrans({v: v.upper() for v in _TCVN3_LETTERS.values() if v.islower()})
_ASCII_LOWER_RE = re.compile(r"[a-z]")
_ASCII_UPPER_RE = re.compile(r"[A-Z]")


def _restore_tcvn3_capitals(text: str) -> str:
    def fix_word(m: re.Match) -> str:
        word = m[0]
        if word.isupper() or word.islower() or _ASCII_LOWER_RE.search(word):
            return word
        return word.translate(_TCVN3_UPPER) if sum(ch.isupper() for ch in word) >= 2 else word

    def fix_line(m: re.Match) -> str:
        line = m[0]
        if not _ASCII_LOWER_RE.search(line) and len(_ASCII_UPPER_RE.findall(line)) >= 4:
            return line.translate(_TCVN3_UPPER)
        return _WORD_RE.sub(fix_word, line)

    return _LINE_RE.sub(fix_line, text)


# --- Is this Vietnamese? -----------------------------------------------------------------
# A syllable is onset + vowel nucleus + coda, with at most one tone mark. Checked on the
# toneless letters; the tone is checked separately (stop codas take only sắc or nặng).
_ONSETS = "ngh|ng|gh|gi|qu|ch|kh|nh|ph|th|tr|[bcdđghklmnprstvx]"
_NUCLEI_NEED_CODA = {"ă", "â", "oă", "uâ", "iê", "yê", "uyê", "uô", "ươ"}
_NUCLEI = {
    *"aeêioôơuưy", *_NUCLEI_NEED_CODA,
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "oo",
    "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi", "ưu",
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
}  # fmt: skip
_SYLLABLE_RE = re.compile(
    rf"(?:{_ONSETS})?({'|'.join(sorted(_NUCLEI, key=len, reverse=True))})(ch|ng|nh|[cmnpt])?"
)
_TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}


def _split_tone(ch: str) -> tuple[str, str | None]:
    """'ộ' → ('ô', nặng); letters without a tone come back as they are."""
    decomposed = unicodedata.normalize("NFD", ch)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if not tones:
        return ch, None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base, _TONE_MARKS[tones[0]]


_TONE_CACHE: dict[str, tuple[str, str | None]] = {}


def is_vietnamese_syllable(word: str) -> bool:
    """True for a lower- or upper-case word that is a possible Vietnamese syllable."""
    return _is_syllable(word.lower())


@functools.lru_cache(maxsize=1 << 16)  # a language of a few thousand syllables: mostly hits
def _is_syllable(word: str) -> bool:
    letters, tone = [], None
    for ch in word:
        split = _TONE_CACHE.get(ch)
        if split is None:
            split = _TONE_CACHE.setdefault(ch, _split_tone(ch))
        base, t = split
        if t:
            if tone:
                return False
            tone = t
        letters.append(base)
    m = _SYLLABLE_RE.fullmatch("".join(letters))
    if not m:
        return False
    nucleus, coda = m[1], m[2]
    if nucleus in _NUCLEI_NEED_CODA and not coda:
        return False
    return not (coda in ("c", "ch", "p", "t") and tone not in ("sắc", "nặng"))


# The most frequent syllables of administrative Vietnamese that carry a diacritic: a
# wrong decoding may still form possible syllables, but rarely these.
_COMMON_WORDS = """của và các có được là những với không đã năm này một để đến công tác thực hiện tình
    hình xã huyện tỉnh về trên tháng đồng tỷ đạt kế hoạch tăng cùng kỳ phát triển tế hội dân
    nhân ủy báo cáo số ngày quản lý chỉ đạo thị trấn phường nhiệm vụ tổ chức đầu tư xây dựng
    học trường giáo dục nông nghiệp sản xuất động việc làm đất hộ đình chính sách quốc phòng
    hành điều tiếp tục đảm bảo triển khai địa bàn người trong đó năng cấp kết quả tích cực
    đối hoàn thành tạo điện giảm mới cơ sở vốn ngân dự án đường giao thông thu chi cộng hòa
    độc lập tự do hạnh phúc chủ nghĩa việt trưởng phó văn hóa thể lượng tiêu bình quân so"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())

# Words are split at spaces, ASCII punctuation and markup, never at the symbols that
# legacy encodings use as letters (« is TCVN3 "ô", ¸ is "á"), so gibberish stays one word.
_TOKEN_RE = re.compile(r"[^\s\"'()\[\]{}<>=/\\.,;:!?…“”‘’|&#*+@%$^~`_–—-]+")


@dataclass(frozen=True)
class VietnameseScore:
    words: int  # tokens with a non-ASCII character
    valid: int  # ... that are possible syllables
    common: int  # ... that are among COMMON_WORDS

    @property
    def value(self) -> float:
        return (self.valid + 2 * self.common) / self.words if self.words else 0.0

    @property
    def confident(self) -> bool:
        """Reads as Vietnamese: almost every accented word is a syllable and some are frequent."""
        return self.words > 0 and self.valid >= 0.85 * self.words and self.common >= max(1, 0.1 * self.words)


def score_vietnamese(text: str, max_words: int = 1500) -> VietnameseScore:
    """Score the accented words of `text` (ASCII-only words look the same in every decoding)."""
    words = valid = common = 0
    for m in _TOKEN_RE.finditer(text):
        token = m[0]
        if token.isascii():
            continue
        words += 1
        if is_vietnamese_syllable(token):
            valid += 1
            if token.lower() in COMMON_WORDS:
                common += 1
        if words >= max_words:
            break
    return VietnameseScore(words, valid, common)


# Characters that a cp1252 reading of TCVN3 or VNI bytes is full of and real Vietnamese
# hardly ever has: the cheap test of whether Unicode text may carry legacy text inside.
# Several are ordinary letters elsewhere (German ö, Spanish ñ), so they only say "look".
LEGACY_SIGNS = frozenset("¸µ¶·¹»¾¼½ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞß¨©ª®¬\xadäåæçëîïñö÷øûüþ§")

# Stronger evidence, for rejecting a text as unreadable legacy: TCVN3 letters that are
# symbols in cp1252 ("b¸o"), and VNI's tone bytes right after a vowel ("baùo" has ù after
# a, which no Western language writes; "øûõïåä" likewise).
_LEGACY_EVIDENCE_RE = re.compile(r"[¸µ¶·¹»¾¼½¨©ª®¬\xad§¡¢£¤¥¦°±²³´]|[aeiouyAEIOUYôöÔÖ][øùûõïåäÙØÛÕÏÅÄ]")


def legacy_sign_ratio(text: str, strong: bool = False) -> float:
    """Share of accented words that contain a legacy sign (`strong`: legacy evidence)."""
    words = signs = 0
    for m in _TOKEN_RE.finditer(text):
        token = m[0]
        if token.isascii():
            continue
        words += 1
        if strong:
            signs += bool(_LEGACY_EVIDENCE_RE.search(token))
        else:
            signs += any(ch in LEGACY_SIGNS for ch in token)
        if words >= 4000:
            break
    return signs / words if words else 0.0
