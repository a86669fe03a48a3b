"""The administrative levels (xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố, tỉnh):
one table, `transforms/data/admin_levels.csv`, read here for every stage that names a level —
metadata, unit resolution, the documents suite, the dimensions and the fact vocabulary."""

import functools
import re

from transforms.catalog import read_table

COMMUNE, DISTRICT, PROVINCE = "commune", "district", "province"


@functools.cache
def _rows() -> dict[str, dict[str, str]]:
    return {row["level"]: row for row in read_table("admin_levels", key="level")}


def levels() -> tuple[str, ...]:
    """Every canonical level, in the table's order (lowest tier first)."""
    return tuple(_rows())


def tiers(level: str | None) -> tuple[str, ...]:
    """The tiers a level can be ("thành phố": a district-level city or a province)."""
    row = _rows().get(level or "")
    return tuple(row["tier"].split("|")) if row else ()


def parent_levels(level: str | None) -> tuple[str, ...]:
    """The levels a unit of `level` can belong to, nearest first."""
    row = _rows().get(level or "")
    return tuple(p for p in row["parents"].split("|") if p) if row else ()


def abbreviations() -> dict[str, str]:
    """ "tp" → "thành phố", "tx" → "thị xã", "tt" → "thị trấn"."""
    return {a: level for level, row in _rows().items() for a in row["abbreviations"].split("|") if a}


def party_prefixes() -> dict[str, str]:
    """ "huyện" → "huyện", "thị" → "thị xã": the level of a fused Party committee ("Thị ủy")."""
    return {row["party_prefix"]: level for level, row in _rows().items() if row["party_prefix"]}


def single_word_levels() -> frozenset[str]:
    """Levels written as one word (xã, phường, huyện, quận, tỉnh): counted like nouns ("8/11 xã")."""
    return frozenset(level for level in _rows() if " " not in level)


def canonical(raw: str) -> str | None:
    """The canonical level of a written one ("Thị  Xã", "TP.") or None."""
    word = " ".join(raw.lower().rstrip(".").split())
    return word if word in _rows() else abbreviations().get(word)


def _not_before(level: str) -> str:
    """A lookahead refusing the words that make `level` part of another noun ("xã hội")."""
    words = [w for w in _rows()[level]["not_before"].split("|") if w]
    return rf"(?!\s+(?i:{'|'.join(map(re.escape, words))})\b)" if words else ""


def level_pattern() -> str:
    """A regex alternative matching any level or abbreviation (case as written; longest first so
    "thị xã" wins over "xã"; abbreviations need a word boundary and may end in a dot)."""
    words = sorted(_rows(), key=len, reverse=True)
    spelled = [r"\s+".join(map(re.escape, w.split())) + _not_before(w) for w in words]
    short = [rf"{re.escape(a)}\b\.?" for a in sorted(abbreviations(), key=len, reverse=True)]
    return initials() + "(?:" + "|".join(spelled + short) + ")"


@functools.cache
def first_words() -> frozenset[str]:
    """The first word of every level and abbreviation, in lower case ("thị", "xã", "tp")."""
    return frozenset(w.split()[0] for w in [*_rows(), *abbreviations()])


def initials() -> str:
    """A lookahead on the letters a level word can start with: lets a regex skip other positions fast."""
    words = [*_rows(), *abbreviations()]
    return "(?=[" + "".join(sorted({w[0] for w in words} | {w[0].upper() for w in words})) + "])"
