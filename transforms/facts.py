"""Quantitative claims of a report ("facts"), read clause by clause from its text.

The spec is ../shared/gold/GUIDE.md. In short: a fact is a number with a unit or a counted
noun that measures the reporting unit's work; percentages and amounts that only describe
it (of plan, of the same period, a change) are its fields, not facts of their own.

How it reads, one step per module:
- transforms.quantities: every number, read with its unit (or dropped: dates, references, names);
- transforms.sentences: only sentences holding a number are looked at; page chrome and plans for
  the coming period are skipped;
- transforms.relations: each number of a sentence opens a new fact, describes the latest fact of
  the sentence, or is no fact at all;
- transforms.indicator_phrase: the words naming what each fact measures, its hedge and quote;
- here: the section, domain and footnote of each fact, and repeated claims dropped;
- transforms.indicators: the catalogued indicator (code) and the kind of measure of each fact.
"""

import bisect
import functools
import re

from transforms.indicators import assign_indicators
from transforms.numbers import decimals_printed
from transforms.quantities import number_tokens, rank_mentions, sentence_quantities
from transforms.relations import sentence_facts
from transforms.sections import Outline, Section, footnote_markers, section_outline
from transforms.sentences import (
    is_chrome,
    newline_starts,
    plan_marker_ends,
    sentences_with_numbers,
    stop_starts,
    with_short_lines,
    with_unwrapped_lines,
)
from transforms.skips import SkippedNumber
from transforms.units import unit_info
from transforms.vocabulary import NEGATIONS, WORD_RE


def extract_facts(text: str) -> list[dict]:
    """The report's facts in text order, as dicts with the keys of transforms.schema.FACT_SCHEMA."""
    return read_numbers(text)[0]


def read_numbers(text: str, placed: list | None = None) -> tuple[list[dict], list[SkippedNumber]]:
    """The report's facts, and every number that is no fact with the reason it was skipped.

    `placed`, when given, receives a PlacedNumber for every number that went into a fact.
    """
    # the same length, and the same string for most reports; cut long lines last, so that no
    # cut is joined again
    original, text = text, with_short_lines(with_unwrapped_lines(text))
    tokens = number_tokens(text)
    ranks = rank_mentions(text)
    skipped: list[SkippedNumber] = []
    if not tokens and not ranks:
        return [], skipped
    outline = section_outline(text)
    chrome: dict[int, bool] = {}  # line start -> page furniture? (sentences share lines)
    facts: list[dict] = []
    open_plan = None  # the plan figure the last sentence stated with no result
    latest_year = 0  # the latest year a sentence opened on ("Năm 2022, ...")
    for sent_start, sent_end, sent_tokens, sent_ranks in sentences_with_numbers(text, tokens, ranks):
        section = outline.at(sent_start)  # (once for the sentence: its facts are placed in it)
        reason = _sentence_skip_reason(text, outline, section, chrome, sent_start, sent_tokens, sent_ranks)
        year = _opening_year(text, sent_start)
        if reason is None and year and year < latest_year:
            reason = "an earlier year's figure"  # "Năm 2022, GRDP tăng 9%. Năm 2021, GRDP tăng 8,6%."
        latest_year = max(latest_year, year)
        if reason is not None:
            skipped.extend(SkippedNumber(m.start(), m.end(), reason) for m in sent_tokens)
            continue
        quantities = sentence_quantities(text, sent_start, sent_end, sent_tokens, sent_ranks, skipped)
        if not quantities:
            continue
        plan_markers = plan_marker_ends(text, sent_start, sent_end)
        carry = facts[-1] if facts and text.find("\n", facts[-1]["char_end"], sent_start) == -1 else None
        if open_plan is not None and text.find("\n", open_plan.end, sent_start) != -1:
            open_plan = None  # a plan's parts follow it in its paragraph
        sent_facts, open_plan = sentence_facts(
            text, sent_start, sent_end, quantities, plan_markers, skipped, carry, placed, open_plan
        )
        for fact in sent_facts:
            _place(text, fact, outline, section)
            facts.append(fact)
    kept = _finalize(facts, skipped, text)
    assign_indicators(text, kept)
    _close_claims(text, kept)
    if text is not original:  # quotes come from the text as it is, not its cut lines
        for fact in kept:
            fact["quote"] = original[fact["char_start"] : fact["char_end"]]
    return kept, skipped


def _close_claims(text: str, facts: list[dict]) -> None:
    """Each quote runs to the end of what was read with its value (GUIDE: the clause holding the
    value and the target and percentages that belong to it). Done last: the rules before judge
    claims by where their values were written."""
    for fact in facts:
        end = fact.pop("_claim_end", 0)
        if end > fact["char_end"]:
            fact["char_end"] = end
            fact["quote"] = text[fact["char_start"] : end]


def _sentence_skip_reason(
    text: str,
    outline: Outline,
    section: Section | None,
    chrome: dict[int, bool],
    sent_start: int,
    tokens: list,
    ranks: list,
) -> str | None:
    """Why a whole sentence holds no fact: page furniture, or a section planning the next period."""
    first = tokens[0].start() if tokens else ranks[0].start()
    line = text.rfind("\n", 0, first) + 1
    if line not in chrome:
        chrome[line] = is_chrome(text, line)
    if chrome[line]:
        return "page furniture"
    if section is not None and section.is_plan and not outline.in_footnote(sent_start):
        return "plan section"
    return None


# Where one sentence ends and another begins (a claim said again in another sentence repeats it).
_SENTENCE_BREAK_RE = re.compile(r"[.!?…](?=\s)|\n")
# A sentence that opens on its year ("Năm 2021, GRDP tăng 8,6%").
_OPENING_YEAR_RE = re.compile(r"[ \t\-–+•*]*(?:Năm|NĂM)\s+((?:19|20)\d\d)\s*,")


def _opening_year(text: str, sent_start: int) -> int:
    """The year a sentence opens on, or 0."""
    m = _OPENING_YEAR_RE.match(text, sent_start)
    return int(m.group(1)) if m else 0


# (Its two kinds are found apart, by transforms.sentences: newline_starts and stop_starts.)
# A footnote marker right after a fact's quote: "[3]", "(3)" or a superscript.
_MARK_AFTER_RE = re.compile(r"\s?\(?\[\d{1,2}\]\)?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _place(text: str, fact: dict, outline: Outline, section) -> None:
    """The meaning of the fact's unit (base value, base unit, kind), its section, domain and
    footnote (a marker in its quote or right after it)."""
    info = unit_info(fact["unit"])
    if info.kind is not None:
        fact.update(value_base=fact["value"] * info.factor, unit_base=info.base_unit, unit_kind=info.kind)
    if section is not None:
        fact["section_path"], fact["domain"] = section.path, section.domain
    if not outline.footnotes:
        return
    keys = footnote_markers(fact["quote"])
    mark_after = _MARK_AFTER_RE.match(text, fact["char_end"])
    if mark_after:
        keys += footnote_markers(mark_after.group())
    for key in keys:
        if key in outline.footnotes:
            fact["footnote"] = outline.footnotes[key]
            break


# ---------------------------------------------------------------------------------------------
# Repeated claims: the same figure said twice is one fact


# (an a/b form alone is no more said: "03/27 chỉ tiêu" may only count the whole list; a target
# counts when the text names its plan, "(kế hoạch năm tăng từ 10% trở lên)")
_RELATION_FIELDS = ("pct_target", "pct_same_period", "change_direction", "target_kind")


def _relations(fact: dict) -> int:
    """How many relations the claim states: share of plan, share of last year, change, plan."""
    return sum(fact[field] is not None for field in _RELATION_FIELDS)


def _start(fact: dict) -> int:
    return fact["char_start"]


def _drop_repeated(fact: dict, skipped: list[SkippedNumber]) -> None:
    fact.pop("_parent", None)
    fact["_repeated"] = True
    skipped.append(SkippedNumber(fact["_pos"], fact["_pos"] + len(fact["value_text"]), "repeated claim"))


def _finalize(facts: list[dict], skipped: list[SkippedNumber], text: str) -> list[dict]:
    """Drop repeated claims (into `skipped`); number the rest and point each part of a total to
    its total's index."""
    kept: list[dict] = []
    said_by: dict[int, dict] = {}  # a repeated claim -> the kept fact that says it
    kept_by_value: dict[tuple, _SameValue] = {}
    breaks = _SentenceBreaks(text)
    by_share, by_change = _by_field(facts, "pct_target"), _by_field(facts, "change_amount")
    for fact in facts:
        same_value = kept_by_value.get((fact["value"], fact["unit"]))
        if same_value is None:  # (built only for a new value: setdefault would build one per fact)
            same_value = kept_by_value[(fact["value"], fact["unit"])] = _SameValue()
        candidates = same_value.candidates(fact, breaks)
        said = next((k for k in candidates if _same_claim(fact, k, breaks)), None) if candidates else None
        if said is not None and _relations(fact) > _relations(said):
            # a lead's figure said again in the body with its plan or change: the body's is kept
            kept.remove(said)
            kept.insert(bisect.bisect(kept, fact["char_start"], key=_start), fact)  # text order
            same_value.replace(said, fact)
            _drop_repeated(said, skipped)
            said_by[id(said)] = fact
            continue
        if (
            said is not None
            # (a fact with no other of its value as a share, or of its change, restates none)
            or (fact["value"] in by_share and _restates_pct(fact, by_share[fact["value"]]))
            or (
                fact["change_amount"] in by_change
                and _restates_change(fact, by_change[fact["change_amount"]])
            )
        ):
            _drop_repeated(fact, skipped)
            if said is not None:
                said_by[id(fact)] = said
            continue
        kept.append(fact)
        same_value.add(fact)
    index = {id(f): i for i, f in enumerate(kept)}
    for fact in facts:
        for key in ("_pos", "_share_only", "_repeated", "_words"):
            fact.pop(key, None)
    for i, fact in enumerate(kept):
        fact["fact_index"] = i
        parent = fact.pop("_parent", None)
        parent = said_by.get(id(parent), parent)  # a total said again: its parts are the kept one's
        fact["part_of"] = index.get(id(parent)) if parent is not None else None
    return kept


def _by_field(facts: list[dict], field: str) -> dict[float, list[dict]]:
    """The facts with each value of `field` (None left out), in text order: the only ones that
    _restates_pct and _restates_change compare a fact with (they ask for that value), so each
    fact is compared with a few, not with the whole report."""
    index: dict[float, list[dict]] = {}
    for fact in facts:
        if fact[field] is not None:
            index.setdefault(fact[field], []).append(fact)
    return index


# Pure in the indicator's words, and a report names the same few indicators again and again.
@functools.lru_cache(maxsize=16384)
def _words(s: str | None) -> frozenset[str]:
    return frozenset(WORD_RE.findall((s or "").lower()))


def _words_of(fact: dict) -> frozenset[str]:
    """The words of a fact's indicator, found on first use: most facts are compared with none."""
    words = fact.get("_words")
    if words is None:
        words = fact["_words"] = _words(fact["indicator_text"])
    return words


class _SentenceBreaks:
    """Where _SENTENCE_BREAK_RE matches in the text, found once: whether a stretch of it holds
    a break is then a binary search, not a scan (a report without full stops made the scan
    over the stretch between every pair of equal values quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text

    # Found on first use: a report that says no value and unit twice never asks. (Match starts; a
    # stop needs whitespace after it.)
    @functools.cached_property
    def newlines(self) -> list[int]:
        return newline_starts(self.text)

    @functools.cached_property
    def stops(self) -> list[int]:
        return stop_starts(self.text)

    def within(self, lo: int, hi: int) -> bool:
        """As _SENTENCE_BREAK_RE.search(text, lo, hi): a newline in [lo, hi), or a stop whose
        following whitespace also lies before hi."""
        at = bisect.bisect_left(self.newlines, lo)
        if at < len(self.newlines) and self.newlines[at] < hi:
            return True
        at = bisect.bisect_left(self.stops, lo)
        return at < len(self.stops) and self.stops[at] < hi - 1

    def last_before(self, hi: int) -> int:
        """The last position p with a break in [p, hi) (-1 if none): any stretch [lo, hi)
        with lo > p holds none."""
        at = bisect.bisect_left(self.newlines, hi)
        newline = self.newlines[at - 1] if at else -1
        at = bisect.bisect_left(self.stops, hi - 1)
        return max(newline, self.stops[at - 1] if at else -1)


class _SameValue:
    """The kept facts of one value and unit, in the order kept. A fact can repeat only one
    said in another sentence: the facts kept since the last break before it (its own
    sentence's, which a run-on text makes the whole list) are passed over without a look."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.ends: list[int] = []
        self.in_order = True  # char_start and char_end never decrease along the list

    def add(self, fact: dict) -> None:
        if self.facts and (
            fact["char_end"] < self.ends[-1] or fact["char_start"] < self.facts[-1]["char_start"]
        ):
            self.in_order = False
        self.facts.append(fact)
        self.ends.append(fact["char_end"])

    def replace(self, old: dict, new: dict) -> None:
        """`new` says again what `old` said, and better: it takes its place."""
        at = self.facts.index(old)
        self.facts[at] = new
        self.ends[at] = new["char_end"]
        self.in_order = False  # (the place is no longer in text order)

    def candidates(self, fact: dict, breaks: _SentenceBreaks) -> list[dict]:
        """Those of the facts that _same_claim might find to repeat `fact`: the others share no
        break with it (they start no later and end after the last break before its start)."""
        if not self.in_order or not self.facts or self.facts[-1]["char_start"] > fact["char_start"]:
            return self.facts
        last = breaks.last_before(fact["char_start"])
        return self.facts[: bisect.bisect_right(self.ends, last)]


def _same_claim(a: dict, b: dict, breaks: _SentenceBreaks) -> bool:
    """The same value and unit, said of (nearly) the same words, in another sentence (one
    sentence listing "4 đồng chí ..., 4 đồng chí ..." states two claims). A specific value (a
    decimal, 100 or more, or a/b with the same b) needs fewer shared words: headline, lead and
    body word it apart."""
    if a["value"] != b["value"] or a["unit"] != b["unit"]:
        return False
    if not breaks.within(min(a["char_end"], b["char_end"]), max(a["char_start"], b["char_start"])):
        return False
    wa, wb = _words_of(a), _words_of(b)
    if wa == wb:
        return True
    if not (wa and wb) or (wa ^ wb) & NEGATIONS:  # "đạt 5/13" and "chưa đạt 5/13" are two claims
        return False
    # an a/b form with the same plan too ("20/21 chỉ tiêu") is as specific as a decimal
    same_plan = a["target_value"] is not None and a["target_value"] == b["target_value"]
    specific = decimals_printed(a["value_text"]) > 0 or a["value"] >= 100 or same_plan
    shared = len(wa & wb)
    if shared / len(wa | wb) >= 0.6 or (specific and shared / min(len(wa), len(wb)) >= 0.5):
        return True
    # a lead and the body may name the thing apart but say the same clause around the figure
    return specific and _holds_the_other(_words(a["quote"]), _words(b["quote"]))


def _holds_the_other(qa: frozenset[str], qb: frozenset[str]) -> bool:
    """Do two quotes share nearly all the words of the shorter one?"""
    return bool(qa and qb) and len(qa & qb) >= _QUOTE_HELD * min(len(qa), len(qb))


_QUOTE_HELD = 0.8
# Words of a rate, shared by every percentage's indicator: no evidence of the same claim.
_RATE_WORDS = frozenset(["tỷ", "lệ"])


def _restates_pct(fact: dict, kept: list[dict] | tuple) -> bool:
    # `kept`: the report's facts whose share of plan is the fact's value (a headline restates a
    # figure the body gives later)
    """A bare percentage that repeats another fact's share of plan ("Thu ngân sách đạt 61,4%" restating "... 3 tỷ đồng, đạt 61,4% dự toán")."""
    share_only = fact["pct_target"] is not None and fact["pct_target"] == fact["value"]
    if fact["unit"] != "%" or (fact["pct_target"] is not None and not share_only) or fact["change_direction"]:
        return False
    words = _words_of(fact) - _RATE_WORDS
    return bool(words) and any(
        k is not fact
        and k["pct_target"] == fact["value"]
        and k["value"] != fact["value"]
        and len(words & _words_of(k)) >= max(2, 0.6 * len(words))
        for k in kept
        if not k.get("_repeated")
    )


def _restates_change(fact: dict, facts: list[dict] | tuple) -> bool:
    """A change stated alone ("Tăng trưởng ... tăng 7,4%", a headline) that another fact of the
    report carries as its change: a decimal change amount is too specific to be a coincidence.
    `facts`: the report's facts with the fact's change amount."""
    alone = fact["change_direction"] and fact["value"] == fact["change_amount"] and fact["unit"] == "%"
    if not alone or decimals_printed(fact["value_text"]) == 0:
        return False
    return any(
        k is not fact
        and k["value"] != k["change_amount"]
        and k["change_amount"] == fact["change_amount"]
        and k["change_unit"] == "%"
        for k in facts
    )
