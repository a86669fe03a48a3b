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

import re

from transforms.indicators import assign_indicators
from transforms.quantities import number_tokens, rank_mentions, sentence_quantities
from transforms.relations import sentence_facts
from transforms.sections import Outline, footnote_markers, section_outline
from transforms.sentences import is_chrome, plan_marker_ends, sentences_with_numbers
from transforms.vocabulary import WORD_RE


def extract_facts(text: str) -> list[dict]:
    """The report's facts in text order, as dicts with the keys of transforms.schema.FACT_SCHEMA."""
    tokens = number_tokens(text)
    ranks = rank_mentions(text)
    if not tokens and not ranks:
        return []
    outline = section_outline(text)
    facts: list[dict] = []
    for sent_start, sent_end, sent_tokens, sent_ranks in sentences_with_numbers(text, tokens, ranks):
        if is_chrome(text, sent_tokens[0].start() if sent_tokens else sent_ranks[0].start()):
            continue
        section = outline.at(sent_start)
        if section is not None and section.is_plan and not outline.in_footnote(sent_start):
            continue
        quantities = sentence_quantities(text, sent_start, sent_end, sent_tokens, sent_ranks)
        if not quantities:
            continue
        plan_markers = plan_marker_ends(text, sent_start, sent_end)
        for fact in sentence_facts(text, sent_start, sent_end, quantities, plan_markers):
            _place(text, fact, outline, section)
            facts.append(fact)
    kept = _finalize(facts)
    assign_indicators(text, kept)
    return kept


# A footnote marker right after a fact's quote: "[3]", "(3)" or a superscript.
_MARK_AFTER_RE = re.compile(r"\s?\(?\[\d{1,2}\]\)?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def _place(text: str, fact: dict, outline: Outline, section) -> None:
    """The fact's section, domain and footnote (a marker in its quote or right after it)."""
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


def _finalize(facts: list[dict]) -> list[dict]:
    """Drop repeated claims; number the rest and point each part of a total to its total's index."""
    kept: list[dict] = []
    kept_by_value: dict[tuple, list[dict]] = {}
    for fact in facts:
        same_value = kept_by_value.setdefault((fact["value"], fact["unit"]), [])
        if any(_same_claim(fact, k) for k in same_value) or _restates_pct(fact, kept):
            fact.pop("_parent", None)
            continue
        kept.append(fact)
        same_value.append(fact)
    index = {id(f): i for i, f in enumerate(kept)}
    for fact in facts:
        fact.pop("_pos", None)
    for i, fact in enumerate(kept):
        fact["fact_index"] = i
        parent = fact.pop("_parent", None)
        fact["part_of"] = index.get(id(parent)) if parent is not None else None
    return kept


def _words(s: str | None) -> set[str]:
    return set(WORD_RE.findall((s or "").lower()))


def _same_claim(a: dict, b: dict) -> bool:
    """The same value and unit, said of (nearly) the same words."""
    if a["value"] != b["value"] or a["unit"] != b["unit"]:
        return False
    wa, wb = _words(a["indicator_text"]), _words(b["indicator_text"])
    if wa == wb:
        return True
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


# Words of a rate, shared by every percentage's indicator: no evidence of the same claim.
_RATE_WORDS = frozenset(["tỷ", "lệ"])


def _restates_pct(fact: dict, kept: list[dict]) -> bool:
    """A bare percentage that repeats another fact's share of plan ("Thu ngân sách đạt 61,4%" restating "... 3 tỷ đồng, đạt 61,4% dự toán")."""
    if fact["unit"] != "%" or fact["pct_target"] is not None or fact["change_direction"]:
        return False
    words = _words(fact["indicator_text"]) - _RATE_WORDS
    return bool(words) and any(
        k["pct_target"] == fact["value"]
        and len(words & _words(k["indicator_text"])) >= max(2, 0.6 * len(words))
        for k in kept
    )
