"""Which sentences of a report are read: those holding a number, neither page chrome nor plans.

Web-page furniture (counters, timestamps, contact lines) and sentences about the coming period
("phấn đấu năm 2025 kết nạp 12 đảng viên") hold numbers that are no facts.
"""

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

# A sentence ends at ". " / "! " / "? ", a line break, or an ellipsis. A ";" does not end it: reports
# chain a value and its shares of plan and of last year across semicolons.
# Each end is one character, so each is looked for alone (`newline_starts`, `stop_starts`): sre
# skips ahead to a single literal fast, while a class of characters it tries at every offset.
_NEWLINE_RE = re.compile(r"\n")
# A stop before whitespace, or (`at_text_end`) before the end of the text too.
_STOP_RES = {
    at_text_end: tuple(
        (stop, re.compile(re.escape(stop) + (r"(?=\s|$)" if at_text_end else r"(?=\s)"))) for stop in ".!?…"
    )
    for at_text_end in (False, True)
}
# Web-page furniture: counters, comment and rating widgets, contact lines (words, in lower
# case), and timestamps.
_CHROME_WORDS = (
    r"truy cập|lượt xem|bình luận|đánh giá bài viết|đánh giá(?<!\wđánh giá)\b\s*$|hôm nay|tháng hiện tại"
    r"|tất cả\s*:|sđt(?<!\wsđt)\b|điện thoại|hotline|fax|e-?mail"
)
_CHROME_WORDS_RE = re.compile(_CHROME_WORDS, re.IGNORECASE)
# A clock ("08:30"): searched from its colon, a literal sre skips ahead to (a search opening on
# a digit tries every figure of the line); only whether there is one is asked.
_CLOCK_RE = re.compile(r":(?<=\d:)\d{2}")
# The words are searched in the lower-cased line without re.IGNORECASE: sre then skips to the
# letters the words start with (with it, it tries every offset). That finds what re.IGNORECASE
# finds, except in a line holding a letter whose lower case is not what re.IGNORECASE equates:
# "İ" (two characters in lower case), "ı" and "ſ" (equated to "i" and "s"). Every alternative
# opens on a letter: the word boundaries before "đánh giá" and "sđt" are checked after them.
_CHROME_WORDS_LOWER_RE = re.compile(_CHROME_WORDS)
_CHROME_MAX_LINE = 160
# Sentences about the coming period ("phấn đấu năm 2025 kết nạp 12 đảng viên").
# Each alternative starts with a literal so that scanning a whole report stays fast (the letter
# before "sẽ" is checked after it); the words are distinctive enough without their first letter
# ("hấn đấu" only occurs in "phấn đấu").
_PLAN_SENTENCE_RE = re.compile(
    r"hấn đấu|năm tới|ự kiến|sẽ(?<![^\W\d_]sẽ)(?![^\W\d_])|kế hoạch năm sau|ục tiêu năm|tháng cuối năm"
)
# Words of a result: after them, a plan word earlier in the sentence no longer rules a number out.
# An estimate is one ("dự kiến năng suất lúa vụ mùa ước đạt 51 tạ/ha": the season now ending).
_PAST_MARKER_RE = re.compile(r"\b(?:đã|được|kết quả|đến nay|hiện nay|ước\s+đạt)\b", re.IGNORECASE)


# A line longer than this is no line of a report (the longest we have seen is under 1,600
# characters): a page pasted into one line, or text with no full stop at all. Each number's
# clause and line are read back to their start, so such a line would cost its length for every
# number on it; it is cut into pieces of at most _PIECE characters instead.
_LONG_LINE = 4000
_PIECE = 2000
# Where to cut, best first: after a sentence's end, after a comma or semicolon, at any space.
_CUTS = ((". ", "! ", "? ", "… "), (", ", "; "), (" ", "\t"))


def with_short_lines(text: str) -> str:
    """`text` with every line longer than _LONG_LINE cut into pieces of at most _PIECE characters
    by turning a space into a newline. The length stays the same, so every offset still points
    into `text`; a text without such a line (every real report) comes back as it is."""
    if max(map(len, text.split("\n"))) <= _LONG_LINE:  # (one pass in C: the common case)
        return text
    chars: list[str] | None = None
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start > _LONG_LINE:
            chars = chars if chars is not None else list(text)
            for cut in _line_cuts(text, start, end):
                chars[cut] = "\n"
        start = end + 1
    return text if chars is None else "".join(chars)


# A line break inside a sentence of hard-wrapped text ("sản lượng hải sản khai\nthác ước đạt 700
# tấn"): after a letter, a digit or a comma ending a line of three words or more, before a
# lower-case letter. A heading, a table cell or a list item is followed by a capital or a mark,
# or is a word or two. The pattern starts on its line break, which the engine finds fast: it
# runs over every report.
_LOWER = "a-z" + "".join(chr(c) for c in range(0xDF, 0x1EFA) if chr(c).islower())
_BREAK_BEFORE_LOWER_RE = re.compile(rf"\n(?=[{_LOWER}])")
_WRAPPED_WORDS_MIN = 3


def with_unwrapped_lines(text: str) -> str:
    """`text` with the line breaks of hard-wrapped paragraphs turned into spaces, so that their
    sentences read whole. The length stays the same, as with `with_short_lines`."""
    pieces: list[str] = []
    last = 0
    for m in _BREAK_BEFORE_LOWER_RE.finditer(text):
        at = m.start()
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == ","):
            continue
        line = text[text.rfind("\n", 0, at) + 1 : at]
        if len(line.split(None, _WRAPPED_WORDS_MIN)) < _WRAPPED_WORDS_MIN:
            continue
        pieces += (text[last:at], " ")
        last = at + 1
    return "".join(pieces) + text[last:] if pieces else text


def _line_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Where to cut the line text[start:end]: one place in the second half of each piece (a
    stretch without a space is cut where the piece ends, splitting a word)."""
    while end - start > _PIECE:
        low, high = start + _PIECE // 2, start + _PIECE
        cut = -1
        for seps in _CUTS:
            cut = max(text.rfind(sep, low, high + len(sep)) + len(sep) - 1 for sep in seps)
            if cut >= low:
                break
        cut = cut if cut >= low else high
        yield cut
        start = cut + 1


def sentences_with_numbers(
    text: str, tokens: list[re.Match], ranks: list[re.Match]
) -> Iterator[tuple[int, int, list[re.Match], list[re.Match]]]:
    """The sentences that hold a number or a rank, in text order: (start, end, numbers, ranks)."""
    ends = _sentence_ends(text)
    by_sentence: dict[int, tuple[list, list]] = {}
    for kind, matches in ((0, tokens), (1, ranks)):
        for m in matches:
            i = bisect_right(ends, m.start())
            found = by_sentence.get(i)
            if found is None:  # (setdefault would build the lists for every number)
                found = by_sentence[i] = ([], [])
            found[kind].append(m)
    for i in sorted(by_sentence):
        sent_start = ends[i - 1] if i > 0 else 0
        sent_end = ends[i] if i < len(ends) else len(text)
        sent_tokens, sent_ranks = by_sentence[i]
        if len(sent_ranks) > 1:
            sent_ranks.sort(key=lambda m: m.start())
        yield sent_start, sent_end, sent_tokens, sent_ranks


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of the text ends (after its stop or line break), in text order."""
    ends = [start + 1 for start in newline_starts(text)] + [start + 1 for start in stop_starts(text, True)]
    ends.sort()  # (sorted runs, merged)
    return ends


def newline_starts(text: str) -> list[int]:
    """Where each line break of the text is."""
    return [m.start() for m in _NEWLINE_RE.finditer(text)]


def stop_starts(text: str, at_text_end: bool = False) -> list[int]:
    """Where each ".", "!", "?" or "…" that ends a sentence is (one before whitespace; with
    `at_text_end`, one that ends the text too), in text order."""
    # ("!", "?" and "…" are rare: most texts are not scanned for them)
    found = [
        m.start() for stop, pattern in _STOP_RES[at_text_end] if stop in text for m in pattern.finditer(text)
    ]
    found.sort()  # (sorted runs, merged)
    return found


def is_chrome(text: str, line_start: int) -> bool:
    """Is the line that starts at `line_start` a short line of page furniture (a counter, a
    timestamp, a rating widget)?"""
    # (its end is looked for only as far as a short line can reach: a paragraph is not read to its end)
    end = text.find("\n", line_start, line_start + _CHROME_MAX_LINE + 1)
    if end == -1:
        end = len(text)
    return end - line_start <= _CHROME_MAX_LINE and _is_chrome_line(text[line_start:end])


# Pure in the line, and page furniture repeats on every page of a report.
@functools.lru_cache(maxsize=4096)
def _is_chrome_line(line: str) -> bool:
    if _CLOCK_RE.search(line):
        return True
    if "İ" in line or "ı" in line or "ſ" in line:  # the letters re.IGNORECASE folds otherwise
        return _CHROME_WORDS_RE.search(line) is not None
    return _CHROME_WORDS_LOWER_RE.search(line.lower()) is not None


def plan_marker_ends(text: str, sent_start: int, sent_end: int) -> list[int]:
    """Where each plan word of the sentence ends ("phấn đấu", "dự kiến", "sẽ" ...)."""
    if _PLAN_SENTENCE_RE.search(text, sent_start, sent_end) is None:  # (most: one call, no list)
        return []
    return [m.end() for m in _PLAN_SENTENCE_RE.finditer(text, sent_start, sent_end)]


def plan_before(text: str, plan_markers: list[int], pos: int) -> bool:
    """Is the number at `pos` part of a plan ("phấn đấu năm 2025 kết nạp 12 đảng viên")?

    It is when a plan word comes before it in the sentence with no word of a result
    ("đã", "đạt", "được") in between.
    """
    last = None
    for marker_end in plan_markers:
        if marker_end > pos:
            break
        last = marker_end
    return last is not None and not _PAST_MARKER_RE.search(text, last, pos)
