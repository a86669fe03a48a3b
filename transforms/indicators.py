"""Which catalogued indicator each fact measures: its code and its kind of measure.

The catalog is data (`transforms/data/indicators.csv`, phrasings in `indicator_phrasings.csv`,
abbreviations in `indicator_abbreviations.csv`). One code is one subject ("thu ngân sách nhà
nước") measured one way (amount, count, rate, % of plan, growth, index) in one kind of unit, so
an analyst can group by code without adding unlike figures. A fact's code is decided by three
things: the words of its clause (matched to a subject, with the clause's lead for a bare
"diện tích"), its unit's kind (`transforms.units`) and its relation (a bare "đạt 105% dự toán"
is the % of plan, "tăng 8%" the growth, "bằng 108% cùng kỳ" the index).
"""

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from transforms.catalog import CatalogError, mapping, read_table
from transforms.catalog import words as words_of
from transforms.units import COMMON_COUNTED_NOUNS, unit_info
from transforms.vocabulary import CROP_SEASONS_PATTERN, NEGATIONS

MEASURES = ("amount", "count", "rate", "pct_of_plan", "growth", "index", "rank")
# A measure every amount or count (or rate) subject also has, with its code's suffix.
_DERIVED_FROM_LEVEL = (("pct_of_plan", "_PCT_PLAN"), ("growth", "_GROWTH"), ("index", "_INDEX"))
_DERIVED_FROM_RATE = (("growth", "_CHANGE"), ("pct_of_plan", "_PCT_PLAN"))
_DERIVED_NAMES = {
    "_PCT_PLAN": "Tỷ lệ thực hiện kế hoạch: {}",
    "_GROWTH": "Tốc độ tăng so cùng kỳ: {}",
    "_INDEX": "Chỉ số so cùng kỳ: {}",
    "_CHANGE": "Mức tăng, giảm: {}",
}


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    subject: str  # the canonical phrase its phrasings point to
    measure: str  # one of MEASURES
    unit_kind: str  # transforms.units kind: money, mass, area, percent, count, rate, ...
    domain: str
    national_ref: str | None = None  # the national statistical indicator it corresponds to
    derived: bool = False  # made from another row (a % of plan, a growth, an index)


def _read_rows() -> list[Indicator]:
    rows = []
    for row in read_table("indicators", key="code"):
        if row["measure"] not in MEASURES:
            raise CatalogError(f"indicators.csv: {row['code']} has unknown measure {row['measure']!r}")
        rows.append(
            Indicator(
                row["code"],
                row["name"],
                row["subject"],
                row["measure"],
                row["unit_kind"],
                row["domain"],
                row["national_ref"] or None,
            )
        )
    return rows


def _derive(rows: list[Indicator]) -> list[Indicator]:
    """The written rows, then the derived ones (written rows first, then rate-derived, then
    level-derived; the first holder of a subject's (unit kind, measure) keeps it)."""
    taken = {(r.subject, r.unit_kind, r.measure) for r in rows}
    codes = {r.code for r in rows}
    derived = []
    plans: list[tuple[Indicator, tuple[tuple[str, str], ...]]]
    plans = [(r, _DERIVED_FROM_RATE) for r in rows if r.measure == "rate"]
    plans += [(r, _DERIVED_FROM_LEVEL) for r in rows if r.measure in ("amount", "count")]
    for base, variants in plans:
        for measure, suffix in variants:
            key, code = (base.subject, "percent", measure), base.code + suffix
            if key in taken or code in codes:
                continue
            taken.add(key)
            codes.add(code)
            name = _DERIVED_NAMES[suffix].format(base.name[0].lower() + base.name[1:])
            derived.append(Indicator(code, name, base.subject, measure, "percent", base.domain, None, True))
    return rows + derived


def _check_unique_keys(indicators: list[Indicator]) -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for ind in indicators:
        key = (ind.subject, ind.unit_kind, ind.measure)
        if key in seen:
            raise CatalogError(f"indicators.csv: {seen[key]} and {ind.code} are both {key}")
        seen[key] = ind.code


@functools.cache
def catalog() -> tuple[Indicator, ...]:
    """Every indicator code: the written rows and the derived ones."""
    indicators = _derive(_read_rows())
    _check_unique_keys(indicators)
    return tuple(indicators)


INDICATORS: tuple[Indicator, ...] = catalog()
INDICATOR_BY_CODE: dict[str, Indicator] = {ind.code: ind for ind in INDICATORS}
_BY_SUBJECT: dict[str, dict[tuple[str | None, str], Indicator]] = {}  # (unit kind, measure)
for _ind in INDICATORS:
    _BY_SUBJECT.setdefault(_ind.subject, {})[(_ind.unit_kind, _ind.measure)] = _ind

# ---------------------------------------------------------------------------------------------
# Phrases in the form they are compared in

_ABBREVIATIONS = mapping("indicator_abbreviations", "abbreviation", "expansion")
_ABBREVIATION = re.compile(r"\b(" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")\b")
_PUNCTUATION = re.compile(r"[,;:()\[\]\"'“”‘’.!?…–—\-+/&*]+")
# Old-style tone placement on open syllables ("hoà", "thuỷ", "khoẻ"): the mark moves to the
# first vowel, as in "hòa", "thủy", "khỏe". "quý" is left alone: its "u" belongs to "qu".
_OLD_TONE_CANDIDATE = re.compile(r"(?<!q)([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])\b")
# Words that lead a phrase without naming what is measured.
_LEAD_WORDS = (
    "tổng số",
    "số lượng",
    "tổng",
    "số",
    "tỷ lệ",
    "tỉ lệ",
    "kết quả",
    "ước",
    "trong đó",
    "chiếm",
    "các loại",
)


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, NFC, new-style tone marks, abbreviations spelled out, punctuation and
    whitespace folded: the form phrases are compared in."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _OLD_TONE_CANDIDATE.sub(_move_tone, text)
    text = text.replace("tỉ lệ", "tỷ lệ")
    text = _PUNCTUATION.sub(" ", text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    return " ".join(text.split())  # (str.split and "\s" know the same whitespace)


def _move_tone(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    return unicodedata.normalize("NFC", first + marks) + base


_FILLER_RE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, sorted(words_of("indicator_filler_words"), key=len, reverse=True)))
    + r")\b"
)


@functools.lru_cache(maxsize=65536)
def _core(phrase: str) -> str:
    """A normalised phrase without the words that lead it ("tổng số", "tỷ lệ"), unless that would
    leave a single word ("tỷ lệ sinh" stays whole), and without filler words ("ngành", "và")."""
    trimmed = " ".join(_FILLER_RE.sub(" ", phrase).split())
    if len(trimmed.split()) >= 2:
        phrase = trimmed
    changed = True
    while changed:
        changed = False
        for lead in _LEAD_WORDS:
            rest = phrase[len(lead) + 1 :]
            if phrase.startswith(lead + " ") and len(rest.split()) >= 2:
                phrase, changed = rest, True
    return phrase


# One lookup for the two: the rules of a report's facts ask for a phrase's core several times
# (pure in a phrase's words, as both are).
@functools.lru_cache(maxsize=65536)
def _core_of(phrase: str) -> str:
    """`_core(normalize(phrase))`."""
    return _core(normalize(phrase))


def content_words(phrase: str) -> list[str]:
    """The words of a phrase that say what is measured (no lead or filler words)."""
    return _core_of(phrase).split()


# ---------------------------------------------------------------------------------------------
# Phrase → subject

# How closely (rapidfuzz ratio, 0-100) the stretch of the phrase that holds a phrasing's words
# must read like the phrasing. One short extra word inside passes ("giá trị sản xuất ngành công
# nghiệp" for "giá trị sản xuất công nghiệp" scores 90); a phrasing scattered over the phrase
# does not.
MATCH_THRESHOLD = 80.0
# At most this many extra words may sit between a phrasing's words.
_MAX_INSERTED_WORDS = 2
# Vietnamese noun phrases put the measured thing first ("học sinh con hộ nghèo" counts pupils,
# not poor households): a phrasing must start within this many words of the phrase's start.
_HEAD_SLACK = 1
# A phrasing of one or two words is only the indicator when it is most of the phrase
# ("đảng viên" is PARTY_MEMBERS; "đảng viên đề nghị tặng huy hiệu" is not).
_SHORT_PHRASING_WORDS = 2
_SHORT_PHRASING_SHARE = 0.5


@dataclass(frozen=True)
class _Phrasing:
    subject: str
    text: str
    words: tuple[str, ...]


def _phrasings() -> dict[str, tuple[_Phrasing, ...]]:
    """Every phrasing (and every subject as its own phrasing), indexed by its first word."""
    subjects = {ind.subject for ind in INDICATORS}
    pairs = [(s, s) for s in subjects]
    for row in read_table("indicator_phrasings", key="phrasing"):
        if row["subject"] not in subjects:
            raise CatalogError(f"indicator_phrasings.csv: {row['phrasing']!r} → unknown subject")
        pairs.append((row["phrasing"], row["subject"]))
    by_text: dict[str, str] = {}
    for phrasing, subject in pairs:
        text = _core(normalize(phrasing))
        if by_text.setdefault(text, subject) != subject:
            raise CatalogError(f"indicator phrasing {text!r} names two subjects")
    index: dict[str, list[_Phrasing]] = {}
    for text, subject in by_text.items():
        words = tuple(text.split())
        index.setdefault(words[0], []).append(_Phrasing(subject, text, words))
    return {first: tuple(group) for first, group in index.items()}


_BY_FIRST_WORD = _phrasings()
# Neighbouring words of the catalog's phrasings: a head cut between them would split a word of
# two syllables the catalog writes together ("kiểm | tra").
_PHRASING_BIGRAMS = frozenset(
    pair for group in _BY_FIRST_WORD.values() for p in group for pair in itertools.pairwise(p.words)
)


def _stretch(phrasing_words: tuple[str, ...], words: list[str], start: int) -> str | None:
    """The words of the phrase from `start` to the phrasing's last word, when the phrasing's
    words appear there in order with few words inserted, none a negation ("chỉ tiêu không đạt"
    is not "chỉ tiêu đạt"); else None."""
    pos, inserted = start, 0
    for word in phrasing_words[1:]:
        try:
            found = words.index(word, pos + 1, pos + 2 + _MAX_INSERTED_WORDS - inserted)
        except ValueError:
            return None
        if not NEGATIONS.isdisjoint(words[pos + 1 : found]):
            return None
        inserted += found - pos - 1
        pos = found
    return " ".join(words[start : pos + 1])


def _phrasing_score(phrasing: _Phrasing, words: list[str], start: int) -> float:
    """0-100: how well the phrase is this phrasing (0 when it does not fit at all)."""
    short = len(phrasing.words) <= _SHORT_PHRASING_WORDS
    if short and len(phrasing.words) / len(words) < _SHORT_PHRASING_SHARE:
        return 0.0
    stretch = _stretch(phrasing.words, words, start)
    if stretch is None:
        return 0.0
    return fuzz.ratio(phrasing.text, stretch, score_cutoff=MATCH_THRESHOLD)


@functools.lru_cache(maxsize=65536)
def match_subject(phrase: str) -> tuple[str, int] | None:
    """(subject, words of the phrasing that matched) for a phrase, or None. Among the phrasings
    that fit, the most specific (most words) wins, then the one that starts first (the measured
    thing leads its phrase), then the closest."""
    words = content_words(phrase)
    present = set(words)  # a phrasing with a word the phrase lacks cannot fit: skip it cheaply
    best: tuple[int, int, float] | None = None
    subject = ""
    for start in range(min(_HEAD_SLACK + 1, len(words))):
        for phrasing in _BY_FIRST_WORD.get(words[start], ()):
            if not present.issuperset(phrasing.words):
                continue
            score = _phrasing_score(phrasing, words, start)
            if score < MATCH_THRESHOLD:
                continue
            rank = (len(phrasing.words), -start, score)
            if best is None or rank > best:
                best, subject = rank, phrasing.subject
    return None if best is None else (subject, best[0])


# ---------------------------------------------------------------------------------------------
# Subject + unit kind + relation → code


# Its words in lower case open a rank's clause. Only the opening characters are lowered: their
# lower case is as long as they are (only "İ" lowers to two characters, and the words hold no "i").
_RANK_WORDS = "xếp hạng"


def fact_measure(fact: dict) -> str:
    """The kind of measure a fact's value is, from its unit and its relation fields."""
    kind = unit_info(fact.get("unit")).kind
    value = fact.get("value")
    is_change = bool(fact.get("change_direction")) and fact.get("change_amount") == value
    if (fact.get("indicator_text") or "")[: len(_RANK_WORDS)].lower() == _RANK_WORDS:
        return "rank"
    if kind == "percent":
        if is_change and fact.get("change_unit") == "%":
            return "growth"
        if fact.get("pct_target") == value and fact.get("target_value") is None:
            return "pct_of_plan"
        if fact.get("pct_same_period") == value:
            return "index"
        return "rate"
    if is_change:
        return "change"
    return "count" if kind == "count" else "amount"


def indicator_for(subject: str, unit_kind: str | None, measure: str) -> Indicator | None:
    """The subject's code for a value of this unit kind and measure, if the catalog has one."""
    rows = _BY_SUBJECT.get(subject, {})
    if measure in ("amount", "count"):
        for level in ("amount", "count"):
            if (unit_kind, level) in rows:
                return rows[(unit_kind, level)]
        return None
    found = rows.get((unit_kind, measure))
    if found is not None or measure != "rate" or unit_kind != "percent":
        return found
    # A percentage with no relation: a growth or index subject takes it as its own measure
    # ("tốc độ tăng trưởng kinh tế đạt 8%"); an amount's bare share is a share of its plan.
    written = [r for (k, _), r in rows.items() if k == "percent" and not r.derived]
    if len(written) == 1:
        return written[0]
    return rows.get(("percent", "pct_of_plan"))


_LEAD_TEXT_WORDS_MAX = 5
_TAIL_WORDS = 3
# The measure noun a unit implies when the words name only the thing measured.
_IMPLIED_MEASURE = mapping("indicator_implied_measures", "unit_kind", "measure_noun")


def _measure_kind(unit: str | None) -> str | None:
    """The unit's kind, with a yield (a mass per area: "tạ/ha") told apart from other rates."""
    info = unit_info(unit)
    if info.kind == "rate" and info.unit and info.unit.endswith("/ha"):
        return "yield"
    return info.kind


_GIVEN_RE = re.compile(r"(?P<counted>.+?)\s+được\s+(?P<act>.+)")


def _candidate_phrases(indicator_text: str | None, unit: str | None, leads: tuple[str, ...]) -> list[str]:
    """The phrase, without the counted noun that heads it ("con tổng đàn lợn"), each also
    followed by each lead."""
    text = " ".join((indicator_text or "").split())
    texts = [text]
    # "con tổng đàn lợn": a counted noun heads the thing it counts, but what was done to it and a name
    # after it are no subject ("sản phẩm được cấp giấy chứng nhận", "chỉ tiêu Nghị quyết")
    rest = text[len(unit or "") + 1 :]
    if (
        unit
        and text.lower().startswith(unit.lower() + " ")
        and not (rest[:1].isupper() or rest.startswith("được "))
    ):
        texts.append(text[len(unit) + 1 :])
    # "cụ tròn 100 tuổi được tặng quà": what was done for those counted names them as the act does
    # ("tặng quà cụ tròn 100 tuổi").
    starts_counted = unit and " được " in text and text.lower().startswith(unit.lower() + " ")
    given = _GIVEN_RE.match(text) if starts_counted else None
    if given:
        texts += [f"{given['counted']} {given['act']}", f"{given['act']} {given['counted']}"]
    # "ban hành 12 quyết định": a counted noun heads the thing it counts (quyết định ban hành).
    tails = []
    if unit and _measure_kind(unit) == "count" and text.lower().endswith(" " + unit.lower()):
        before = text[: -len(unit) - 1].split()
        texts.append(f"{unit} {' '.join(before)}")
        # "... toàn huyện đạt trung bình 18 tiêu chí": the words right before the count say what
        # it counts, however long the clause before them.
        tails = [f"{unit} {' '.join(before[-k:])}" for k in range(1, min(len(before), _TAIL_WORDS) + 1)]
    elif unit and _measure_kind(unit) == "count" and text.lower().startswith(unit.lower() + " "):
        # "đối tượng thương binh tặng quà": the verb that ends a counted noun's words says what it counts
        after = text.split()[len(unit.split()) :]
        tails = [" ".join(after[-k:]) for k in range(2, min(len(after), _TAIL_WORDS) + 1)]
        # a verb done by the report's unit, not a name or what others did to the thing ("được ...")
        tails = [] if "được" in after else [t for t in tails if t.islower()]
    # "lúa vụ mùa 320 ha": the unit names the measure the words leave out (diện tích lúa).
    kind = _measure_kind(unit)
    implied = _IMPLIED_MEASURE.get(kind) if kind else None
    if implied and text and not normalize(text).startswith(implied):
        texts += [f"{implied} {t}" for t in texts]
    # The lead is the subject ("Cây lúa: diện tích") or the measure ("Giá trị sản xuất: dịch vụ");
    # a clause of many words names its own subject.
    if len(text.split()) > _LEAD_TEXT_WORDS_MAX:
        leads = ()
    with_leads = [p for t in texts for lead in leads if lead for p in (f"{t} {lead}", f"{lead} {t}")]
    return [p.strip() for p in (*texts, *with_leads, *tails)]


_EVENT_NOUNS = words_of("indicator_event_nouns")


def _counts_other_events(subject: str, unit: str | None) -> bool:
    """Does one of the subject and the count count events ("cuộc kiểm tra", "4 hội nghị") and
    the other a thing ("kiểm tra 15 cơ sở", "văn bản ban hành")?"""
    noun = (unit or "").lower()
    counts_events = any(noun == event or noun.startswith(event + " ") for event in _EVENT_NOUNS)
    head = subject.split(" ", 1)[0]
    if head in _EVENT_NOUNS:
        return not counts_events
    two = " ".join(subject.split(" ", 2)[:2])
    return counts_events and (head in COMMON_COUNTED_NOUNS or two in COMMON_COUNTED_NOUNS)


# Pure in its strings (the catalog is fixed), and a report names its indicators again and again;
# the Indicator returned is frozen.
@functools.lru_cache(maxsize=16384)
def best_match(
    indicator_text: str | None, unit: str | None, measure: str, leads: tuple[str, ...] = ()
) -> tuple[Indicator, str] | None:
    """The catalogued indicator a fact's words name, and the phrase that named it.

    `leads` are words the clause puts before the phrase ("Cây lúa: diện tích 300 ha"): the phrase
    with a lead is tried too, and the more specific subject wins.
    """
    kind = unit_info(unit).kind
    best: tuple[int, Indicator, str] | None = None
    for phrase in _candidate_phrases(indicator_text, unit, leads):
        matched = match_subject(phrase) if phrase.strip() else None
        if matched is None or (kind == "count" and _counts_other_events(matched[0], unit)):
            continue
        found = indicator_for(matched[0], kind, measure)
        if (
            found is not None
            and found.measure == "pct_of_plan"
            and measure == "rate"
            and _names_a_rate(phrase)
        ):
            continue  # "tỷ lệ học sinh ... 95%" says it is a rate, not a share of a plan
        if found is not None and (best is None or matched[1] > best[0]):
            best = (matched[1], found, phrase)
    return None if best is None else (best[1], best[2])


def _names_a_rate(phrase: str) -> bool:
    return phrase[:6].lower().startswith(("tỷ lệ", "tỉ lệ"))


def match_indicator(
    indicator_text: str | None,
    unit: str | None = None,
    measure: str | None = None,
    leads: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """(code, name) of the catalogued indicator a phrase names, or None. Without `measure`, a
    percentage is a rate and anything else its unit's amount or count."""
    if measure is None:
        kind = unit_info(unit).kind
        measure = "count" if kind == "count" else ("rate" if kind == "percent" else "amount")
    found = best_match(indicator_text, unit, measure, leads)
    return None if found is None else (found[0].code, found[0].name)


# ---------------------------------------------------------------------------------------------
# The facts of a report

_MEASURE_HEADS = tuple(sorted(words_of("indicator_measure_heads"), key=len, reverse=True))
_MEASURE_HEAD_PREFIXES = tuple(noun + " " for noun in _MEASURE_HEADS)  # one startswith tests them all
_MEASURE_HEAD_STARTS = _MEASURE_HEAD_PREFIXES + _MEASURE_HEADS  # a measure noun, alone or leading
_SENTENCE_BREAK_RE = re.compile(r"[.!?\n]\s")
_LEAD_STOP_RE = re.compile(r"[.;:!?\n()]")
_DIGITS_RE = re.compile(r"[\d.,%/]+")
_FIGURE_RE = re.compile(r"\d")
_NOT_WORD_RE = re.compile(r"[^\w\s]|\d|_")
_LOOKBACK = 300
_LEAD_WORDS_MAX = 5


_NEAR_LOOKBACK = 60


def _sentence_start(text: str, pos: int) -> int:
    start = max(0, pos - _LOOKBACK)
    # The last break is usually near: the last characters are searched first. A break found there
    # is the last of the whole look-back when no break can straddle where that search starts
    # (the character before it opens none).
    near = max(start, pos - _NEAR_LOOKBACK)
    if near > start and text[near - 1] not in ".!?\n":
        found = _last_break_end(text, near, pos)
        if found is not None:
            return found
    found = _last_break_end(text, start, pos)
    return start if found is None else found


def _last_break_end(text: str, start: int, end: int) -> int | None:
    last = None
    for m in _SENTENCE_BREAK_RE.finditer(text, start, end):
        last = m.end()
    return last


def _words_before_colon(text: str, start: int, pos: int) -> str | None:
    """The last few words before the clause's colon ("- Cây lúa: diện tích ..." → "Cây lúa")."""
    colon = text.rfind(":", start, pos)
    if colon < 0:
        return None
    stops = [m.end() for m in _LEAD_STOP_RE.finditer(text, start, colon)]
    lead = text[stops[-1] if stops else start : colon]
    if _FIGURE_RE.search(lead):
        return None  # "Tổng 27 chỉ tiêu, trong đó:": a claim of its own, no name of what follows
    words = _NOT_WORD_RE.sub(" ", lead).split()
    return " ".join(words[-_LEAD_WORDS_MAX:]) or None


def _first_clause_subject(text: str, start: int, pos: int) -> str | None:
    """The subject of a sentence that opens with a measure noun ("Diện tích lúa 300 ha, năng
    suất ..." → "lúa"), for the later clauses that name only their measure."""
    return _opening_subject(text[start:pos])


# Every fact of a sentence reads the same opening: a small cache of its own (the slices are
# long, and would crowd the phrases out of normalize's).
@functools.lru_cache(maxsize=1024)
def _opening_subject(opening: str) -> str | None:
    head = normalize.__wrapped__(opening)
    for noun in _MEASURE_HEADS:
        if head.startswith(noun + " "):
            # the subject ends at the opening's own figure ("diện tích lúa cả năm 1.250 ha, ...")
            rest = _FIGURE_RE.split(head[len(noun) + 1 :], maxsplit=1)[0].split()
            return " ".join(rest[:_LEAD_WORDS_MAX]) or None
    return None


_TITLE_WORDS_MAX = 8


@functools.lru_cache(maxsize=4096)  # a report has few sections and many facts in each
def _section_title(section_path: str | None) -> str | None:
    if not section_path:
        return None
    title = section_path.rsplit(" > ", 1)[-1]
    if len(title.split()) > _TITLE_WORDS_MAX:  # a page's headline, not the heading of a topic
        return None
    return _DIGITS_RE.sub(" ", title).strip(" -–.)") or None


def fact_leads(text: str, fact: dict) -> tuple[str, ...]:
    """Words before a fact's clause that may name its subject: the sentence's lead before a
    colon, the subject of its opening clause, and the section's title."""
    pos = fact.get("char_start") or 0
    words = _core_of(fact.get("indicator_text") or "")
    # the opening's subject is for a clause that names a measure ("năng suất"), not a thing ("bò")
    wants_opening = not words or _names_only_a_measure(words)
    # The sentence starts within the look-back: with no colon there and no opening wanted, where
    # it starts changes nothing (most facts), and it is not looked for.
    colon = text.rfind(":", max(0, pos - _LOOKBACK), pos) != -1
    start = _sentence_start(text, pos) if wants_opening or colon else pos
    opening = _first_clause_subject(text, start, pos) if wants_opening else None
    leads = [
        lead
        for lead in (_words_before_colon(text, start, pos), opening, _section_title(fact.get("section_path")))
        if lead
    ]
    return tuple(leads) if len(leads) < 2 else tuple(dict.fromkeys(leads))  # (most have one or none)


# A clause that only says "chiếm tỷ lệ 3,2%" measures what the claim right before it names.
_BARE_WORDS = words_of("indicator_bare_words")
_NEIGHBOUR_GAP = 40
# "Tỷ lệ hộ nghèo còn 7,4% (108 hộ)": the count borrows the subject, not the rate's words.
_RATE_LEAD_RE = re.compile(r"^\s*(?:tỷ lệ|tỉ lệ|tổng số|số)\s+", re.IGNORECASE)
_PARAGRAPH_GAP = 200


def _without_measure_head(phrase: str) -> str:
    for noun in _MEASURE_HEADS:
        if phrase.startswith(noun + " "):
            return phrase[len(noun) + 1 :]
    return phrase


# Pure in a clause's core words; each fact asks twice (for its own lead and for its neighbour's subject).
@functools.lru_cache(maxsize=16384)
def _names_only_a_measure(words: str) -> bool:
    """ "năng suất", "năng suất bình quân": a measure noun whose words name no subject."""
    return words in _MEASURE_HEADS or (
        words.startswith(_MEASURE_HEAD_PREFIXES) and match_subject(words) is None
    )


def _previous_subject(fact: dict, previous: dict | None, text: str) -> tuple[str | None, bool]:
    """The subject of the claim right before, for a clause that names none ("chiếm tỷ lệ 3%",
    "(108 hộ)") or names only its measure ("Năng suất 58 tạ/ha" after "Diện tích lúa 410 ha");
    and whether the clause names none at all. A clause naming none borrows only when it
    continues the claim before (`_continues`)."""
    if previous is None or not previous.get("indicator_text"):
        return None, False
    gap = (fact.get("char_start") or 0) - (previous.get("char_end") or 0)
    if gap > _PARAGRAPH_GAP:  # (too far to borrow from, either way: the clause's words are not read)
        return None, False
    words = _core_of(fact.get("indicator_text") or "")
    if gap <= _NEIGHBOUR_GAP and _names_none(words, fact, previous) and _continues(text, fact, previous):
        return _RATE_LEAD_RE.sub("", previous["indicator_text"]), True
    if _names_only_a_measure(words) and gap <= _PARAGRAPH_GAP:
        subject = _without_measure_head(_core_of(_SEASON_END_RE.sub("", previous["indicator_text"])))
        unit = normalize(previous.get("unit") or "")
        if unit and unit_info(previous.get("unit")).kind == "count":
            subject = _without_counted(subject, unit)
        return subject, False
    return None, False


def _names_none(words: str, fact: dict, previous: dict) -> bool:
    """Does a clause (`words`: its core) name no subject of its own?"""
    # "37 hộ nghèo, chiếm 1,9%": a clause holding only the last words of the claim before names none
    overlaps = (fact.get("char_start") or 0) < (previous.get("char_end") or 0)  # its words are the claim's
    tail_only = bool(words) and overlaps and _core_of(previous["indicator_text"]).endswith(" " + words)
    return not words or tail_only or words in _BARE_WORDS or words == normalize(fact.get("unit") or "")


def _without_counted(subject: str, unit: str) -> str:
    """What was done, without who it was done for: "chi trả tiền điều dưỡng" of "chi trả tiền
    điều dưỡng người" and of "người được chi trả tiền điều dưỡng" (cho 30 người)."""
    if subject.endswith(" " + unit):
        return subject[: -len(unit) - 1]
    given = _GIVEN_RE.match(subject) if subject.startswith(unit + " được ") else None
    return given["act"] if given else subject


def _subject_and_tails(subject: str) -> tuple[str, ...]:
    """The subject borrowed by a clause that names only its measure, and its last word
    ("gieo cấy lúa" → "lúa": "năng suất 62 tạ/ha" after "diện tích gieo cấy lúa" is the rice yield)."""
    words = subject.split()
    return (subject, words[-1]) if len(words) > 1 else (subject,)


def _borrowed_text(fact: dict, subject: str, previous: dict) -> str:
    """What a clause naming no subject measures, in words: "tỷ lệ hộ nghèo", "hộ nghèo"; an
    amount takes the subject alone ("Doanh thu ... đạt 45 tỷ đồng, 9 tháng đạt 410 tỷ đồng"), and
    the next counted noun of a list takes the verb before the list, not the nouns before it
    ("ban hành 19 công văn, 8 quyết định" → "ban hành quyết định")."""
    kind = unit_info(fact.get("unit")).kind
    if kind == "percent":  # a rate, unless the subject is one already ("chỉ số", "tốc độ")
        return subject if normalize(subject).startswith(_RATE_HEADS) else f"tỷ lệ {subject}"
    if kind != "count":
        return subject
    unit = (fact.get("unit") or "").lower()
    before = (previous.get("unit") or "").lower()
    if before and before != unit and unit_info(before).kind == "count":
        subject = _without_words(subject, before)
    return subject if unit in subject.lower() else f"{subject} {unit}".strip()


def _ranked_thing(fact: dict, previous: dict) -> str:
    """ "tăng trưởng kinh tế đạt 9,1%, đứng thứ 6/14 tỉnh": a rank that names nothing ranks what
    the claim right before it measures."""
    if (fact.get("char_start") or 0) - (previous.get("char_end") or 0) > _NEIGHBOUR_GAP:
        return fact["indicator_text"]
    return f"{fact['indicator_text']} {previous.get('indicator_text') or ''}".strip()


_RATE_HEADS = ("tỷ lệ", "chỉ số", "tốc độ", "tăng trưởng")


def _amount_of_previous(fact: dict, previous: dict) -> str | None:
    """ "trao tặng 120 suất quà, với số tiền 60 triệu đồng": a sum of money that names only its
    measure ("số tiền", "kinh phí") right after a count is the money of the counted thing
    ("số tiền trao tặng suất quà")."""
    # (the cheapest test first: most facts are no neighbour of the one before)
    if (fact.get("char_start") or 0) - (previous.get("char_end") or 0) > _NEIGHBOUR_GAP:
        return None
    if unit_info(fact.get("unit")).kind != "money" or unit_info(previous.get("unit")).kind != "count":
        return None
    if _core_of(fact.get("indicator_text") or "") not in _MONEY_NOUNS:
        return None
    thing = previous["indicator_text"]
    unit = (previous.get("unit") or "").lower()
    if unit in _UNIT_ONLY_COUNTS:  # "cho 15 hộ": the words before the count are what it is for
        given = thing.startswith(unit + " được ")  # "hộ được vay vốn"
        thing = _without_counted(thing, unit) if given else _without_words(thing, unit)
    return f"{fact['indicator_text']} {thing}".strip()


_MONEY_NOUNS = frozenset(_core(normalize(w)) for w in words_of("indicator_money_nouns"))
# Counted nouns that say who, not what: the money "cho 15 hộ" is for what the words before say.
_PASSIVE_WORDS = ("được", "bị")
_UNIT_ONLY_COUNTS = frozenset(("hộ", "người", "lượt", "đối tượng"))


_PART_NOUNS = {"money": tuple(_MONEY_NOUNS), **{kind: (noun,) for kind, noun in _IMPLIED_MEASURE.items()}}
# The total of a "trong đó" may also be a measure of value ("Giá trị sản xuất ..., trong đó
# khu vực dịch vụ ..."): its parts are of that measure.
_TOTAL_MONEY_NOUNS = tuple(sorted(_MONEY_NOUNS | set(_MEASURE_HEADS), key=len, reverse=True))


def lower_first(verb: str) -> str:
    """The sentence's first word moved after its noun is lower case ("Thành lập 3 HTX" → "HTX thành
    lập"); an abbreviation keeps its capitals, and so does a name of capitalised words ("Hội Nông
    dân giải ngân ...")."""
    second = verb.split(" ", 2)[1:2]
    if not verb[:1].isupper() or not verb[1:2].islower() or (second and second[0][:1].isupper()):
        return verb
    return verb[0].lower() + verb[1:]


def _joined(noun: str, own: str) -> str:
    """The measure noun before a part's words, the words they share said once ("giá trị sản
    xuất" and "sản xuất tiểu thủ công nghiệp" → "giá trị sản xuất tiểu thủ công nghiệp")."""
    words, own_words = noun.split(), own.split()
    lowered = [w.lower() for w in own_words]
    shared = next((k for k in range(len(words), 0, -1) if lowered[:k] == words[-k:]), 0)
    return " ".join(words + own_words[shared:])


def _part_of_sum(fact: dict, previous: dict, is_total: bool = False) -> str | None:
    """ "tổng kinh phí 700 triệu đồng (trong đó: Nhà nước hỗ trợ 250 triệu đồng, ...)": a part of a
    sum that names only who paid, which sector or which crop ("Diện tích cây ăn quả 560 ha, trong
    đó cam 210 ha, bưởi 150 ha"), is measured as the sum is ("kinh phí Nhà nước hỗ trợ", "diện
    tích bưởi"). `previous` is the claim right before, or (`is_total`) the total the part is of."""
    if not is_total and (fact.get("char_start") or 0) - (previous.get("char_end") or 0) > _NEIGHBOUR_GAP:
        return None  # (the cheapest test first)
    kind = _measure_kind(fact.get("unit"))
    if kind not in _PART_NOUNS or kind != _measure_kind(previous.get("unit")):
        return None
    before, own = _core_of(previous.get("indicator_text") or ""), fact.get("indicator_text") or ""
    nouns = _TOTAL_MONEY_NOUNS if is_total and kind == "money" else _PART_NOUNS[kind]
    noun = next((n for n in nouns if before == n or before.startswith(n + " ")), None)
    if noun is None or not own or _core_of(own).startswith(_MEASURE_HEAD_PREFIXES):
        return None
    noun = noun.removeprefix("tổng ").removeprefix("số ")
    if own.lower().startswith(noun):
        return None
    return _joined(noun, own)


_GROWTH_HEADS = tuple(normalize(w) for w in ("tăng trưởng", "tốc độ tăng", "chỉ số"))


def _as_growth(indicator: str | None) -> str | None:
    """ "GRDP ước tăng 9%": a figure of an indicator that is a growth by nature names it as one
    ("tăng trưởng GRDP")."""
    if not indicator or _core_of(indicator).startswith(_GROWTH_HEADS):
        return indicator
    return f"tăng trưởng {lower_first(indicator)}"


def _part_of_growth(fact: dict, total: dict) -> str | None:
    """ "tăng trưởng kinh tế đạt 8%, trong đó công nghiệp - xây dựng tăng 11%, dịch vụ tăng 7%": a
    part of a growth that names only its sector grows as the total does ("tăng trưởng dịch vụ";
    "giá trị sản xuất dịch vụ" when the total is a production value's growth)."""
    own = fact.get("indicator_text")
    if not own or total.get("measure") != "growth":
        return own
    if _core_of(own).startswith(_GROWTH_HEADS + _RATE_HEADS + _MEASURE_HEAD_STARTS):
        return own  # it names its measure
    before = _core_of(total.get("indicator_text") or "")
    levels = () if before.startswith(_GROWTH_HEADS) else _MEASURE_HEADS
    head = next((n for n in levels if before == n or before.startswith(n + " ")), "tăng trưởng")
    return f"{head} {lower_first(own)}"


_SEASON_RE = re.compile(rf"\bvụ\s+({CROP_SEASONS_PATTERN})\b", re.IGNORECASE)
_SEASONAL_KINDS = ("area", "mass", "yield")
_SEASON_END_RE = re.compile(_SEASON_RE.pattern + r"\s*$", re.IGNORECASE)
_HEADING_WORDS = 6
_SEASONAL_CODES = tuple(sorted(words_of("indicator_seasonal_codes", "code")))


def _with_season(text: str, fact: dict) -> str:
    """ "Vụ Hè thu: ... lúa 6.194 ha": a crop's area, output or yield in a paragraph about one
    season is that season's ("diện tích lúa vụ Hè thu")."""
    own = fact.get("indicator_text") or ""
    if _may_name_season(own) and (_SEASON_RE.search(own) or _SEASON_WORD_RE.search(own)):
        return own
    pos = fact.get("char_start") or 0
    line_start = text.rfind("\n", 0, pos) + 1
    seasons = (
        list(_SEASON_RE.finditer(text, line_start, pos)) if _may_name_season(text[line_start:pos]) else []
    )
    heading = _last_line_before(text, max(0, line_start - 1))
    if not seasons and len(heading.split()) <= _HEADING_WORDS and _may_name_season(heading):
        seasons = list(_SEASON_RE.finditer(heading))  # "b. Vụ hè thu" on the line above
    return f"{own} vụ {seasons[-1].group(1)}".strip() if seasons else own


_SEASON_WORD_RE = re.compile(r"\bvụ\b", re.IGNORECASE)


def _may_name_season(stretch: str) -> bool:
    """Every match of _SEASON_RE and _SEASON_WORD_RE holds "vụ" in some case: a stretch whose lower
    case holds none is not searched with them (case-insensitive, they try every offset)."""
    return "vụ" in stretch.lower()


def _last_line_before(text: str, end: int) -> str:
    """`text[:end].rstrip().rsplit("\n", 1)[-1]` without copying all the text before `end`: the
    trailing whitespace is stripped a window at a time."""
    while end > 0:
        low = max(0, end - _WINDOW)
        kept = text[low:end].rstrip()
        if kept:
            end = low + len(kept)
            break
        end = low
    return text[text.rfind("\n", 0, end) + 1 : end]


_WINDOW = 256


def _without_words(text: str, words: str) -> str:
    """`text` without the last whole-word occurrence of `words` (any case)."""
    found = list(re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE))
    if not found:
        return text
    cut = found[-1]
    return " ".join((text[: cut.start()] + " " + text[cut.end() :]).split())


def _sibling_leads(fact: dict, previous: dict | None) -> tuple[str, ...]:
    """ "Giá trị sản xuất ... đạt 8.010 tỷ đồng; trong đó nông, lâm, thủy sản 1.238 tỷ đồng; dịch
    vụ 1.405 tỷ đồng": a clause naming only a part takes the head of the claim before it (its
    first words, that name a subject of their own with the part's words but not without them)."""
    if previous is None or not previous.get("indicator_text") or not fact.get("indicator_text"):
        return ()
    if (fact.get("char_start") or 0) - (previous.get("char_end") or 0) > _PARAGRAPH_GAP:
        return ()
    return _sibling_head(previous["indicator_text"], fact["indicator_text"])


# Pure in the two claims' words, which a report's lists repeat from clause to clause.
@functools.lru_cache(maxsize=16384)
def _sibling_head(before: str, own: str) -> tuple[str, ...]:
    """The head of the claim before (`before`) that names a subject with `own`'s words, if any."""
    if match_subject(own) is not None:
        return ()
    core = _core_of(before)
    for noun in _MEASURE_HEADS:  # longest first: "giá trị sản xuất" before "giá trị"
        if (core + " ").startswith(noun + " ") and match_subject(f"{noun} {own}"):
            return (noun,)
    words = before.split()
    # a head names a thing, never what was done to it ("cụ | được tặng quà", "hộ | bị thiệt hại")
    words = words[: next((i for i, w in enumerate(words) if w.lower() in _PASSIVE_WORDS), len(words))]
    for size in range(len(words) - 1, 1, -1):
        if (words[size - 1].lower(), words[size].lower()) in _PHRASING_BIGRAMS:
            continue  # never a head that cuts a catalogued word in two ("tổ chức đảng kiểm | tra")
        head = " ".join(words[:size])
        joined = match_subject(f"{head} {own}")
        alone = match_subject(head)
        if joined is not None and (alone is None or joined[0] != alone[0]):
            return (head,)
    return ()


def _with_lead(text: str, fact: dict) -> str | None:
    """ "Mô hình ruộng mẫu thôn Bắc: năng suất 68 tạ/ha": a clause that names only its measure
    measures what its lead names: the words before the sentence's colon, else the section's title,
    written as they are and whole (a lead too long to be a name is none)."""
    indicator = fact.get("indicator_text")
    if not indicator or not _core_of(indicator).startswith(_MEASURE_HEAD_STARTS):
        return indicator
    pos = fact.get("char_start") or 0
    start = _sentence_start(text, pos)
    purpose = _purpose(text, start, fact.get("char_end") or pos)
    if purpose and purpose.lower() not in indicator.lower():
        return f"{indicator} {purpose}"
    if _core_of(indicator) not in _MEASURE_HEADS:
        return indicator
    colon = text.rfind(":", start, pos)
    before = ""
    if colon >= 0:
        stops = [m.end() for m in _LEAD_STOP_RE.finditer(text, start, colon)]
        before = text[stops[-1] if stops else start : colon]
    lead = _LIST_MARK_RE.sub("", " ".join(before.strip(" -–+•*").split()))
    if (
        lead
        and len(lead.split()) <= _NAMED_LEAD_WORDS
        and not _NOT_LEAD_RE.search(lead)
        and lead.split()[0].lower() not in _PLACE_LEVELS  # "Huyện Tiền Hải: ...": the report's place
    ):
        return f"{indicator} {lead}"
    return indicator


# "... hỗ trợ 187 tấn xi măng cho các thôn để bê tông hóa đường giao thông ...": what the money,
# the length or the material of the sentence is for.
_PURPOSE_RE = re.compile(r"\bđể\s+((?:[^\W\d_]+\s+){0,11}[^\W\d_]+)", re.IGNORECASE)
_PURPOSE_AFTER_CHARS = 60
_PURPOSE_WORDS_MIN, _PURPOSE_WORDS_MAX = 4, 8  # a work and its object ("nạo vét kênh mương")
_STOP_WORDS = words_of("indicator_function_words") | {"kèm"}
_PLACE_LEVELS = frozenset(("xã", "phường", "thị trấn", "huyện", "quận", "tỉnh", "thôn", "xóm", "bản", "ấp"))


def _purpose(text: str, start: int, end: int) -> str | None:
    """The purpose ("để ...") the sentence around [start, end) states, the last before the figure
    at `end` else the first after it, its words up to a function word or a name; None when it
    states none."""
    stop = _SENTENCE_BREAK_RE.search(text, end)
    stop_at = stop.start() if stop else len(text)
    # Every purpose opens on "để" (in any case). Most sentences hold none: they are told by a
    # substring test, not by the case-insensitive pattern, which tries every offset.
    if "để" not in text[start:stop_at].lower():
        return None
    found = list(_PURPOSE_RE.finditer(text, start, stop_at))
    before = [m for m in found if m.start() < end and ";" not in text[m.end() : end]]  # its own clause
    after = [
        m for m in found if end <= m.start() <= end + _PURPOSE_AFTER_CHARS
    ]  # "1.043 m cho các thôn để ..."
    m = before[-1] if before else (after[0] if after else None)
    if m is None:
        return None
    words = m.group(1).split()
    cut = next(
        (i for i, w in enumerate(words) if i and (w.lower() in _STOP_WORDS or w[:1].isupper())), len(words)
    )
    if cut < len(words) and words[cut][:1].isupper() and words[cut - 1].lower() in _PLACE_LEVELS:
        cut -= 1  # "... nông thôn xã Tân Lập": the place is the report's
    return " ".join(words[:cut]) if _PURPOSE_WORDS_MIN <= cut <= _PURPOSE_WORDS_MAX else None


# A lead holding a number, a bracket or a list mark ("a) Trồng trọt") is no name of a thing.
# A topic ("Về phát triển kinh tế", "Đối với ...") or a numbered heading ("I. ...") is none either.
_NOT_LEAD_RE = re.compile(r"[\d()]|^(?:về|đối với|công tác)\s", re.IGNORECASE)
_LIST_MARK_RE = re.compile(r"^(?:[IVX]+\.?|\d+[.)]|[a-zđ][.)])\s+")  # "I.", "2)", "a)"
_NAMED_LEAD_WORDS = 8


# A month's or a cumulative period in a claim ("tháng 8", "trong tháng", "8 tháng", "lũy kế 9
# tháng", "02 tháng/2023"): the period tells two figures of one thing apart.
_PERIOD_RE = re.compile(
    r"""(?:lũy\ kế\ |luỹ\ kế\ )?\b\d{1,2}\s+tháng(?:\s*/\s*\d{4}|\s+đầu\s+năm)?(?!\s*/\s*\d{1,2}\b)
        |\btháng\s+\d{1,2}(?:\s*/\s*\d{4})?(?!\s*/\s*\d{1,2}\b)|\btrong\ tháng\b|\bcả\ năm\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Every match of _PERIOD_RE holds "tháng" or "cả năm" (in any case): a substring test rules out
# most sentences faster than the pattern, which has no literal start to skip to.
_PERIOD_WORDS = ("tháng", "cả năm")


def _may_hold_period(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold a period word (in any case)?"""
    lowered = text[start:end].lower()
    return any(word in lowered for word in _PERIOD_WORDS)


def _stated_period(text: str, fact: dict) -> str | None:
    """The period a claim states in its sentence up to its figure (the last one there), when its
    own words state none."""
    own = fact["indicator_text"]
    pos, end = fact.get("char_start") or 0, fact.get("char_end") or 0
    # cheap checks first: the sentence lies within the look-back before the claim
    if not _may_hold_period(text, max(0, pos - _LOOKBACK), end):
        return None
    start = _sentence_start(text, pos)
    if not _may_hold_period(text, start, end) or _PERIOD_RE.search(own):
        return None
    periods = list(_PERIOD_RE.finditer(text, start, end))
    return " ".join(periods[-1].group(0).lower().split()) if periods else None


def _with_distinct_periods(text: str, facts: list[dict]) -> None:
    """ "Doanh thu vận tải tháng 8 đạt 145 tỷ đồng, 8 tháng đạt 1.670 tỷ đồng": when one indicator
    holds figures of different periods in a report, each keeps its period ("Doanh thu vận tải
    tháng 8", "Doanh thu vận tải 8 tháng"); the report's own period is otherwise no part of it."""
    # Periods tell apart only the figures of one indicator: the sentence of a fact whose
    # indicator no other fact shares (most facts) is not looked at. (The words were normalised
    # already, when their code was looked for; the unit's kind is asked only of facts that share them.)
    by_words: dict[str, list[dict]] = {}
    for fact in facts:
        if fact.get("indicator_text"):
            words = normalize(fact["indicator_text"])
            same = by_words.get(words)
            if same is None:
                by_words[words] = [fact]
            else:
                same.append(fact)
    for same_words in by_words.values():
        if len(same_words) < 2:
            continue
        by_kind: dict[str | None, list[dict]] = {}
        for fact in same_words:
            by_kind.setdefault(unit_info(fact.get("unit")).kind, []).append(fact)
        for same in by_kind.values():
            if len(same) > 1:
                _keep_periods(text, same)


def _keep_periods(text: str, same: list[dict]) -> None:
    """Each of the facts of one indicator keeps the period its sentence states, when they state
    two or more periods."""
    stated = [(fact, period) for fact in same if (period := _stated_period(text, fact)) is not None]
    if len({normalize(period) for _, period in stated}) < 2:
        return
    for fact, period in stated:
        fact["indicator_text"] = f"{fact['indicator_text']} {period}"


def assign_indicators(text: str, facts: list[dict]) -> None:
    """Set each fact's `measure` and `indicator_code` (None when the catalog has no code)."""
    _assign_codes(text, facts)
    _with_distinct_periods(text, facts)


def _continues(text: str, fact: dict, previous: dict | None) -> bool:
    """Does a clause go on with the claim right before: in its sentence (not after a semicolon
    in another kind of unit), or after a full stop in the same unit ("Diện tích ngô 72 ha. Trong
    đó 50 ha ...")? A new sentence counting another noun names its own thing: "Giới thiệu 15
    quần chúng học lớp đối tượng đảng. Đến nay có 980 đảng viên" counts party members."""
    if previous is None:
        return False
    same_unit = normalize(fact.get("unit") or "") == normalize(previous.get("unit") or "")
    between = text[previous.get("char_end") or 0 : fact.get("char_start") or 0]
    if not _SENTENCE_BREAK_RE.search(between):
        # "tỷ lệ tham gia BHYT đạt 92%; có 36 cá nhân được khen thưởng": after a semicolon, a
        # figure of another kind of unit starts a claim of its own (the counts of a list share
        # its verb: "ban hành 01 nghị quyết; 02 chỉ thị")
        return (
            same_unit
            or ";" not in between
            or _measure_kind(fact.get("unit")) == _measure_kind(previous.get("unit"))
        )
    return same_unit


def _measured_as_another(fact: dict, previous: dict | None, facts: list[dict]) -> str | None:
    """The indicator a fact takes from another claim: the money of the count right before it, or
    the measure of the total it is a part of (else of the claim right before it)."""
    if previous is not None and (amount := _amount_of_previous(fact, previous)):
        return amount
    if fact.get("part_of") is not None:
        return _part_of_sum(fact, facts[fact["part_of"]], is_total=True)
    return _part_of_sum(fact, previous) if previous is not None else None


def _assign_codes(text: str, facts: list[dict]) -> None:
    previous: dict | None = None
    for fact in facts:
        measure = fact_measure(fact)
        if measure == "growth" and fact.get("part_of") is not None:
            fact["indicator_text"] = _part_of_growth(fact, facts[fact["part_of"]])
        same_line = (
            previous is not None
            and "\n" not in text[previous.get("char_end") or 0 : fact.get("char_start") or 0]
        )
        subject, bare = _previous_subject(fact, previous if same_line else None, text)
        if bare and subject is not None and previous is not None:  # bare: both are set
            fact["indicator_text"] = _borrowed_text(fact, subject, previous)
        elif (
            measure == "rank"
            and previous is not None
            and same_line
            and _core_of(fact["indicator_text"]) == "xếp hạng"
        ):
            fact["indicator_text"] = _ranked_thing(fact, previous)
        money_of = _measured_as_another(fact, previous, facts)
        leads = (_subject_and_tails(subject) if subject and not bare else ()) + fact_leads(text, fact)
        leads += _sibling_leads(fact, previous)
        previous = fact
        found = best_match(fact.get("indicator_text"), fact.get("unit"), measure, leads)
        fact["indicator_text"] = money_of or fact["indicator_text"]
        if found is None:
            fact["measure"], fact["indicator_code"] = measure, None
            fact["indicator_text"] = _with_lead(text, fact)
            continue
        indicator, phrase = found
        # A coded fact's measure is its code's: "tốc độ tăng trưởng đạt 8%" is a growth.
        fact["measure"], fact["indicator_code"] = indicator.measure, indicator.code
        title = _section_title(fact.get("section_path"))
        if len(phrase) > len(fact.get("indicator_text") or "") and not (title and title in phrase):
            # the clause's words and its lead: the whole thing measured (a section's title names
            # the domain, not the thing: "2. Sản xuất CN - Xây dựng: ... bia tăng 10,5%")
            fact["indicator_text"] = phrase
        if indicator.measure == "growth" and not indicator.derived:
            fact["indicator_text"] = _as_growth(fact["indicator_text"])
        if indicator.code.startswith(_SEASONAL_CODES) and _measure_kind(fact.get("unit")) in _SEASONAL_KINDS:
            fact["indicator_text"] = _with_season(text, fact)
        else:
            fact["indicator_text"] = _with_lead(text, fact)
