"""Reporting units with official codes: the unit a report names, found in the official lists.

Reference data: the package `vietnamadminunits` (MIT) ships the pre-July-2025 three-level list
(province / district / commune, GSO codes), the post-2025 two-level list and the old → new
conversion. Its own parser is not used: given a bare ambiguous name it silently picks one, and
its conversion calls an online geocoder for street addresses. Its bundled files are read once
(SQLite and JSON, no network) into an in-memory index, and every lookup here is a dict access.

Resolution follows GUIDE.md: codes come from the document's own words — the unit, its parent,
its province, places it names — and the report's date decides which list applies. A name that
fits several units is resolved only by that evidence; otherwise it stays unresolved with its
candidates counted, never a guess.
"""

import csv
import fnmatch
import functools
import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl
from rapidfuzz.distance import Levenshtein

from transforms import admin_levels
from transforms.admin_levels import COMMUNE, DISTRICT, PROVINCE
from transforms.catalog import read_table

PRE, POST = "pre2025", "post2025"
REORGANISED = date(2025, 7, 1)  # the two-level list applies from this day
REFERENCE_SOURCE = "vietnamadminunits 1.0.4"

# The package writes types capitalised ("Thị trấn"); the levels table writes them in lower case.
_TIER_OF_TYPE = {
    "tỉnh": PROVINCE,
    "huyện": DISTRICT,
    "quận": DISTRICT,
    "thị xã": DISTRICT,
    "xã": COMMUNE,
    "phường": COMMUNE,
    "thị trấn": COMMUNE,
    "đặc khu": COMMUNE,
}


@dataclass(frozen=True)
class Unit:
    """One unit of one list. Codes were reused in 2025, so (era, code) is the key."""

    era: str
    code: str
    tier: str
    unit_type: str  # xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố, tỉnh
    name: str  # official: "Xã Xuân Phú"
    short_name: str  # "Xuân Phú"
    parent_code: str | None
    province_code: str

    @property
    def uid(self) -> str:
        return f"{self.era}:{self.code}"


@dataclass
class Reference:
    units: dict[tuple[str, str], Unit] = field(default_factory=dict)
    by_name: dict[tuple[str, str, str], list[Unit]] = field(default_factory=lambda: defaultdict(list))
    aliases: list[tuple[str, str, str, str]] = field(default_factory=list)  # era, code, alias, kind
    successors: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # old code → (new, main)
    province_successor: dict[str, str] = field(default_factory=dict)
    deletions: dict[tuple[str, str], dict[str, set[Unit]]] = field(
        default_factory=dict
    )  # built when first asked

    def add(self, unit: Unit) -> None:
        if (unit.era, unit.code) in self.units:
            return
        self.units[(unit.era, unit.code)] = unit
        self.by_name[(unit.era, unit.tier, name_key(unit.short_name))].append(unit)
        self.aliases.append((unit.era, unit.code, unit.short_name, "short name"))
        self.aliases.append((unit.era, unit.code, unit.name, "official name"))
        plain = ascii_key(unit.short_name)
        self.by_name[(unit.era, unit.tier, plain)].append(unit)
        self.aliases.append((unit.era, unit.code, plain, "without diacritics"))

    def near(self, era: str, tier: str, key: str) -> set[Unit]:
        """Units of a tier whose ascii key is `key` with at most one letter added, dropped or
        changed: both sides' one-letter deletions meet in an index built on first use."""
        index = self.deletions.get((era, tier))
        if index is None:
            index = self.deletions[(era, tier)] = defaultdict(set)
            for unit in self.units.values():
                if unit.era == era and unit.tier == tier:
                    for variant in _deletions(ascii_key(unit.short_name)):
                        index[variant].add(unit)
        return {u for variant in _deletions(key) for u in index.get(variant, ())}

    def unit(self, era: str, code: str | None) -> Unit | None:
        return self.units.get((era, code)) if code else None

    def named(self, era: str, tier: str, name: str) -> list[Unit]:
        """Units of one tier called `name`: written with diacritics, or without when none match."""
        found = self.by_name.get((era, tier, name_key(name)))
        return list(found) if found else list(self.by_name.get((era, tier, ascii_key(name)), ()))


# ---------------------------------------------------------------------------------------------
# Name keys. Vietnamese writes a tone on either vowel of "oa", "oe", "uy" ("Hòa"/"Hoà",
# "Thủy"/"Thuỷ"): the key keeps each syllable's letters and tone but not where the tone sits.

_TONES = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_SEPARATORS = re.compile(r"[\s\-–.,']+")


def name_key(name: str) -> str:
    """ "Thuỷ Phương" and "Thủy  phương" → the same key."""
    syllables = []
    for syllable in _SEPARATORS.split(unicodedata.normalize("NFD", name.lower())):
        tone = "".join(_TONES.get(c, "") for c in syllable)
        letters = "".join(c for c in syllable if c not in _TONES)
        if letters:
            syllables.append(unicodedata.normalize("NFC", letters) + tone)
    return " ".join(syllables)


def ascii_key(name: str) -> str:
    """ "Thọ Xuân" → "thoxuan": the package's keys, for text written without diacritics."""
    stripped = "".join(
        c
        for c in unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
        if not unicodedata.combining(c)
    )
    return re.sub(r"[^a-z0-9]", "", stripped)


# ---------------------------------------------------------------------------------------------
# Loading the package's bundled data (once per process).


def _package_file(name: str) -> Path:
    """A data file of the package, found without importing it: its `__init__` imports its
    parser, converter and pandas (seconds), none of which is used here."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package vietnamadminunits is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


def _split_type(official: str) -> str:
    """ "Thành phố Bắc Giang" → "thành phố"."""
    lowered = official.lower()
    return next((t for t in admin_levels.levels() if lowered.startswith(t + " ")), lowered.split()[0])


def _unit_tier(unit_type: str, parent_code: str | None) -> str:
    if unit_type == "thành phố":
        return PROVINCE if parent_code is None else DISTRICT
    return _TIER_OF_TYPE[unit_type]


def _make(era: str, code: str, official: str, short: str, parent: str | None, province: str) -> Unit:
    unit_type = _split_type(official)
    return Unit(era, code, _unit_tier(unit_type, parent), unit_type, official, short, parent, province)


@functools.cache
def reference() -> Reference:
    """The in-memory index of both lists, their aliases and the conversion (read once)."""
    ref = Reference()
    con = sqlite3.connect(f"file:{_package_file('dataset.db')}?mode=ro", uri=True)
    try:
        legacy = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
            " districtCode, districtKey, districtAlias, ward, wardShort, wardCode, wardKey"
            " FROM admin_units_legacy"
        ).fetchall()
        current = con.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardCode, wardKey"
            " FROM admin_units"
        ).fetchall()
    finally:
        con.close()
    old_keys = _add_legacy(ref, legacy)
    new_keys = _add_current(ref, current)
    _add_conversion(ref, old_keys, new_keys)
    _add_former_names(ref)
    return ref


def _add_legacy(ref: Reference, rows: list[tuple]) -> dict[str, str]:
    """Pre-2025 units; returns the package's "province_district_ward" keys → codes."""
    keys = {}
    for (
        prov,
        prov_short,
        prov_code,
        prov_key,
        dist,
        dist_short,
        dist_code,
        dist_key,
        dist_alias,
        *ward,
    ) in rows:
        if (PRE, prov_code) not in ref.units:
            ref.add(_make(PRE, prov_code, prov, prov_short, None, prov_code))
            keys[prov_key] = prov_code
        if (PRE, dist_code) not in ref.units:
            ref.add(_make(PRE, dist_code, dist, dist_short, prov_code, prov_code))
            for alias in json.loads(dist_alias or "[]"):
                ref.aliases.append((PRE, dist_code, alias, "former name (package key)"))
        ward_name, ward_short, ward_code, ward_key = ward
        if ward_code:
            ref.add(_make(PRE, ward_code, ward_name, ward_short, dist_code, prov_code))
        keys[f"{prov_key}_{dist_key}_{ward_key or ''}"] = ward_code or dist_code
    return keys


def _add_current(ref: Reference, rows: list[tuple]) -> dict[str, str]:
    """Post-2025 units; returns "province/ward" keys → codes."""
    keys = {}
    for prov, prov_short, prov_code, prov_key, ward_name, ward_short, ward_code, ward_key in rows:
        if (POST, prov_code) not in ref.units:
            ref.add(_make(POST, prov_code, prov, prov_short, None, prov_code))
            keys[prov_key] = prov_code
        ref.add(_make(POST, ward_code, ward_name, ward_short, prov_code, prov_code))
        keys[f"{prov_key}/{ward_key}"] = ward_code
    return keys


def _add_conversion(ref: Reference, old_keys: dict[str, str], new_keys: dict[str, str]) -> None:
    """The crosswalk: each old commune's successor(s), the main one flagged; old → new provinces."""
    with _package_file("converter_2025.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    for new_prov, old_provs in data["DICT_PROVINCE"].items():
        for old_prov in old_provs:
            ref.province_successor[old_keys[old_prov]] = new_keys[new_prov]
    for new_prov, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            for old in olds:
                ref.successors[old_keys[old]] = [(new_keys[f"{new_prov}/{new_ward}"], True)]
    for new_prov, olds in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in olds.items():
            ref.successors[old_keys[old]] = [
                (new_keys[f"{new_prov}/{n['newWardKey']}"], bool(n["isDefaultNewWard"])) for n in news
            ]


def _add_former_names(ref: Reference) -> None:
    """Official former names the package does not carry (transforms/data/admin_former_names.csv)."""
    for row in read_table("admin_former_names", key=("era", "code", "former_name")):
        unit = ref.unit(row["era"], row["code"])
        if unit is None:
            continue
        ref.by_name[(unit.era, unit.tier, name_key(row["former_name"]))].append(unit)
        ref.aliases.append((unit.era, unit.code, row["former_name"], "former name"))


# ---------------------------------------------------------------------------------------------
# Places the text names: a level word and a capitalised name ("huyện Thọ Xuân", "TỈNH THANH HÓA").

_UPPER = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"
_NAME_WORD = rf"(?:[{_UPPER}][^\W\d_]*|\d{{1,2}}\b)"
# Later syllables may be in lower case ("xã Thanh phước"): the longest leading part that names a
# unit is taken, so words running on after the name cost nothing; another level word ends it.
_NAME = rf"{_NAME_WORD}(?:[ \t]*-?[ \t]*(?:{_NAME_WORD}|(?!(?i:{admin_levels.level_pattern()})\b)[^\W\d_]+)){{0,4}}"
_MENTION = re.compile(
    rf"{admin_levels.initials()}(?<![^\W\d_])(?P<level>(?i:{admin_levels.level_pattern()}))(?:[ \t]+|(?<=\.))(?P<name>{_NAME})"
    # "xã Tân Mỹ (Trà Ôn)": the parent's bare name in brackets
    rf"(?:[ \t]*\((?P<parent>{_NAME})\))?"
)
_MAX_MENTIONS = 400  # the first mentions are enough evidence; a long report must not cost more
_SCAN_CHARS = 8_000  # the header, the opening and the first sections name the unit and its parents


def _matches_at_level_words(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """pattern's matches in the text's opening, tried only where a level word starts: finding the
    words with str.find is many times faster than letting the regex engine try every position."""
    opening = text[:_SCAN_CHARS]
    lowered = opening.lower()
    if len(lowered) != len(opening):  # a letter whose lower case is longer: positions would shift
        yield from pattern.finditer(opening)
        return
    starts = sorted({pos for word in admin_levels.first_words() for pos in _find_all(lowered, word)})
    end = 0
    for pos in starts:
        if pos < end:
            continue
        match = pattern.match(opening, pos)
        if match:
            end = match.end()
            yield match


def _find_all(text: str, word: str) -> Iterator[int]:
    pos = text.find(word)
    while pos >= 0:
        yield pos
        pos = text.find(word, pos + 1)


def place_mentions(text: str) -> list[tuple[str, str]]:
    """(level, name as written) for each place the text names with its level word."""
    found = []
    for match in _matches_at_level_words(_MENTION, text):
        level = admin_levels.canonical(match.group("level"))
        if level:
            found.append((level, match.group("name")))
            if match.group("parent"):
                found.extend((parent, match.group("parent")) for parent in admin_levels.parent_levels(level))
        if len(found) >= _MAX_MENTIONS:
            break
    return found


# A level word standing for the unit above ("theo chỉ đạo của Thành phố", "UBND huyện giao").
_BARE_LEVEL = re.compile(
    rf"{admin_levels.initials()}(?<![^\W\d_])(?P<level>(?i:{admin_levels.level_pattern()}))"
    rf"(?![ \t]*(?:[{_UPPER}]|\d|\.[{_UPPER}]))"
)


def bare_levels(text: str) -> set[str]:
    """District-tier levels the text writes without a name."""
    found = set()
    for match in _matches_at_level_words(_BARE_LEVEL, text):
        level = admin_levels.canonical(match.group("level"))
        if level and DISTRICT in admin_levels.tiers(level):
            found.add(level)
    return found


def _mentioned_units(ref: Reference, era: str, mentions: list[tuple[str, str]]) -> Counter:
    """How often the text names each unit of the era (uid → count). A name written with more
    words than the unit's ("huyện Thọ Xuân Thanh Hóa" in a flattened header) counts for the
    longest leading part that is a unit of that level."""
    counts: Counter = Counter()
    for level, name in mentions:
        counts.update(u.uid for tier in admin_levels.tiers(level) for u in _units_named(ref, era, tier, name))
    return counts


def _units_named(ref: Reference, era: str, tier: str, name: str) -> list[Unit]:
    """Units of a tier called by the longest leading part of `name` that is a unit's name."""
    words = name.split()
    for size in range(len(words), 0, -1):
        units = ref.named(era, tier, " ".join(words[:size]))
        if units:
            return units
    return []


# ---------------------------------------------------------------------------------------------
# Resolution.

PARENT_WEIGHT = 3  # the parent the report's header names outweighs places named in passing

RESOLUTION_FIELDS = (
    "admin_unit_code",
    "province_code",
    "admin_unit_code_2025",
    "province_code_2025",
    "province_name_2025",
    "admin_unit_era",
    "admin_resolution",
    "admin_candidates",
    "admin_resolution_note",
)


@dataclass(frozen=True)
class Resolution:
    era: str | None
    unit: Unit | None = None
    province: Unit | None = None
    method: str = "unresolved"  # header | text | unique name | province only | hint | unresolved
    candidates: int = 0
    note: str | None = None
    respelled: str | None = None  # the unit's name, when the one written was a typo of it

    def record(self, ref: Reference) -> dict:
        """The fields of RESOLUTION_FIELDS: codes on the report's date and their 2025 successors;
        and the locality spelled as the unit is, when the text misspelled it ("Hòoà Thành")."""
        code_2025, province_2025, partial = successors(ref, self.unit, self.province)
        new_province = ref.unit(POST, province_2025)
        note = self.note
        if partial:
            note = (note + "; " if note else "") + "split in 2025: the main successor is given"
        respelled = {"locality": self.respelled} if self.respelled and self.unit else {}
        return respelled | {
            "admin_unit_code": self.unit.code if self.unit else None,
            "province_code": self.province.code if self.province else None,
            "admin_unit_code_2025": code_2025,
            "province_code_2025": province_2025,
            "province_name_2025": new_province.name if new_province else None,
            "admin_unit_era": self.era if (self.unit or self.province) else None,
            "admin_resolution": self.method,
            "admin_candidates": self.candidates,
            "admin_resolution_note": note,
        }


def successors(
    ref: Reference, unit: Unit | None, province: Unit | None
) -> tuple[str | None, str | None, bool]:
    """(unit code, province code, split?) in the post-2025 list. A district has no successor; a
    commune split between several new ones maps to the one the conversion marks as main."""
    if province is None:
        return None, None, False
    if province.era == POST:
        return (unit.code if unit else None), province.code, False
    province_2025 = ref.province_successor.get(province.code)
    if unit is None or unit.tier == DISTRICT:
        return None, province_2025, False
    if unit.tier == PROVINCE:
        return province_2025, province_2025, False
    following = ref.successors.get(unit.code, [])
    main = next((code for code, is_main in following if is_main), None)
    return main, province_2025, len(following) > 1


def report_era(issued: date | None, period_year: int | None) -> str | None:
    """Which list applies on the report's date: its date, else its period's year."""
    if issued is not None:
        return PRE if issued < REORGANISED else POST
    if period_year is not None and period_year < REORGANISED.year:
        return PRE
    return None


def resolve_unit(meta: dict, text: str) -> dict:
    """The reporting unit's official codes (RESOLUTION_FIELDS) from the metadata record and the
    text's own words. Never touches the network; unresolved fields are None."""
    ref = reference()
    era = report_era(meta.get("issued_date"), meta.get("period_year"))
    words = _TextEvidence(text)
    tried = [
        _resolve_in(ref, candidate_era, meta, words) for candidate_era in ([era] if era else [PRE, POST])
    ]
    best = next((r for r in tried if r.unit), None) or next((r for r in tried if r.province), tried[0])
    return best.record(ref)


class _TextEvidence:
    """The places a text names, read only when a decision needs them (most units are settled by
    their name and header alone, and scanning a long text costs more than the rest)."""

    def __init__(self, text: str):
        self.text = text

    @functools.cached_property
    def mentions(self) -> list[tuple[str, str]]:
        return place_mentions(self.text)

    @functools.cached_property
    def bare_levels(self) -> set[str]:
        return bare_levels(self.text)


def _resolve_in(ref: Reference, era: str, meta: dict, words: _TextEvidence) -> Resolution:
    level, locality = meta.get("admin_level"), meta.get("locality")
    parents = _parent_units(ref, era, level, meta.get("parent_locality"), meta.get("parent_level"))
    evidence = Counter({uid: PARENT_WEIGHT for uid in parents})
    if not locality or not admin_levels.tiers(level):
        evidence.update(_mentioned_units(ref, era, words.mentions))
        return _unit_of_named_places(ref, era, level, words.mentions) or _province_only(
            ref, era, evidence, "the text names no reporting unit"
        )
    candidates, spelling = _candidates(ref, era, level, locality), None
    if not candidates:
        candidates = _near_candidates(ref, era, level, locality)
        spelling = f"read as {candidates[0].short_name} (written {locality})" if candidates else None
    if len(candidates) != 1 or not parents:
        evidence.update(_mentioned_units(ref, era, words.mentions))
    if not candidates:
        return _province_only(ref, era, evidence, f"no {level} {locality} in the {era} list")
    return _choose(ref, era, candidates, evidence, parents, words, spelling, f"{level} {locality}")


def _choose(
    ref: Reference,
    era: str,
    candidates: list[Unit],
    evidence: Counter,
    parents: set[str],
    words: _TextEvidence,
    spelling: str | None,
    named: str,
) -> Resolution:
    """The candidate the evidence singles out, else the province all the best ones share."""
    scores = {c.uid: sum(evidence[a.uid] for a in _ancestors(ref, c)) for c in candidates}
    best = max(scores.values())
    winners = [c for c in candidates if scores[c.uid] == best]
    if len(winners) > 1:
        # A parent referred to by its level alone ("chỉ đạo của Thành phố") only breaks ties.
        for unit in winners:
            if any(a.unit_type in words.bare_levels for a in _ancestors(ref, unit) if a.tier == DISTRICT):
                scores[unit.uid] += 0.5
        best = max(scores.values())
        winners = [c for c in candidates if scores[c.uid] == best]
    if len(winners) == 1 and (best > 0 or len(candidates) == 1):
        unit = winners[0]
        if best == 0 and parents:
            return _province_only(
                ref, era, evidence, "the parent named does not contain the only unit so named"
            )
        by_parent = any(a.uid in parents for a in _ancestors(ref, unit))
        method = "header" if by_parent else ("text" if best >= 1 else "unique name")
        respelled = unit.short_name if spelling and _misspelt(named) else None
        return Resolution(era, unit, _province_of(ref, unit), method, len(candidates), spelling, respelled)
    shared = {c.province_code for c in (winners if best > 0 else candidates)}
    province = ref.unit(era, shared.pop()) if len(shared) == 1 else None
    note = f"{len(candidates)} candidates named {named}; the text does not tell them apart"
    return Resolution(
        era, None, province, "province only" if province else "unresolved", len(candidates), note
    )


_MIN_FUZZY_KEY = 6  # letters; shorter names are too close to each other to forgive a typo
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng


def _misspelt(name: str) -> bool:
    """Does the name hold a syllable no word of Vietnamese has: two tone marks ("Hòoà")? (One
    letter off a unit may be a typo of it or another name: only such a typo is corrected.)"""
    return any(
        sum(c in _TONE_MARKS for c in unicodedata.normalize("NFD", syllable)) > 1 for syllable in name.split()
    )


def _near_candidates(ref: Reference, era: str, level: str, locality: str) -> list[Unit]:
    """The one unit of the level whose name is the written one with a single letter more, less or
    different ("Hòoà Thành"), when exactly one is; else none."""
    key = ascii_key(locality)
    if len(key) < _MIN_FUZZY_KEY:
        return []
    near = {
        u
        for tier in admin_levels.tiers(level)
        for u in ref.near(era, tier, key)
        if u.unit_type == level and Levenshtein.distance(key, ascii_key(u.short_name), score_cutoff=1) <= 1
    }
    return list(near) if len(near) == 1 else []


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def _unit_of_named_places(
    ref: Reference, era: str, level: str | None, mentions: list[tuple[str, str]]
) -> Resolution | None:
    """A page that gives its level but not its name ("huyện", "tỉnh"): the one unit of that level
    containing every lower place it names whose name is unique in the list."""
    tiers = admin_levels.tiers(level)
    if not tiers or COMMUNE in tiers:
        return None
    containers = set()
    for mention_level, name in mentions:
        for tier in admin_levels.tiers(mention_level):
            if tier == COMMUNE or (tier == DISTRICT and PROVINCE in tiers):
                units = _units_named(ref, era, tier, name)
                if len(units) == 1:
                    containers |= {
                        a.uid for a in _ancestors(ref, units[0]) if a.tier in tiers and a.unit_type == level
                    }
    if len(containers) != 1:
        return None
    unit = ref.units[tuple(containers.pop().split(":"))]
    return Resolution(
        era, unit, _province_of(ref, unit), "text", 1, "the unit containing the places the text names"
    )


def _candidates(ref: Reference, era: str, level: str, locality: str) -> list[Unit]:
    """Units called `locality` at `level`'s tier(s); of the same type when any is (a xã may have
    become a phường since the report, so another type is accepted only when none matches)."""
    found = [u for tier in admin_levels.tiers(level) for u in ref.named(era, tier, locality)]
    same_type = [u for u in found if u.unit_type == level]
    return list(dict.fromkeys(same_type or found))


def _parent_units(
    ref: Reference, era: str, level: str | None, parent: str | None, parent_level: str | None
) -> set[str]:
    if not parent:
        return set()
    levels = (parent_level,) if parent_level else admin_levels.parent_levels(level)
    tiers = {tier for lv in levels for tier in admin_levels.tiers(lv)}
    return {u.uid for tier in tiers for u in ref.named(era, tier, parent)}


def _ancestors(ref: Reference, unit: Unit) -> list[Unit]:
    found = []
    current = ref.unit(unit.era, unit.parent_code)
    while current is not None:
        found.append(current)
        current = ref.unit(current.era, current.parent_code)
    return found


def _province_of(ref: Reference, unit: Unit) -> Unit | None:
    return ref.unit(unit.era, unit.province_code)


def _province_only(ref: Reference, era: str, evidence: Counter, reason: str) -> Resolution:
    """The province alone, when the places the text names point to exactly one."""
    votes: Counter = Counter()
    for uid, count in evidence.items():
        unit = ref.units[tuple(uid.split(":"))]
        if unit.tier == PROVINCE:
            votes[unit.code] += count
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return Resolution(era, note=reason)
    return Resolution(era, None, ref.unit(era, ranked[0][0]), "province only", note=reason)


# ---------------------------------------------------------------------------------------------
# The operator's hint file: where the text leaves a unit unresolved, a CSV in the landing folder
# may say where files come from ("pattern,code,era": a sub-folder or file glob → a province or
# unit code). A hint never overrides what the text resolved, and is recorded as a hint.

HINTS_FILE = "_admin_hints.csv"


@dataclass(frozen=True)
class Hint:
    pattern: str  # "hue/" (a sub-folder) or a glob on the path in the landing folder ("*quang-dien*")
    code: str
    era: str | None

    def matches(self, path: str) -> bool:
        if self.pattern.endswith("/"):
            return path.startswith(self.pattern)
        return fnmatch.fnmatchcase(path, self.pattern)


def read_hints(folder: Path) -> list[Hint]:
    """The hints of `folder`/_admin_hints.csv, in file order (the first match wins); [] if none."""
    path = Path(folder) / HINTS_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        rows = list(csv.DictReader(lines))
    return [
        Hint(row["pattern"].strip(), row["code"].strip(), (row.get("era") or "").strip() or None)
        for row in rows
        if (row.get("pattern") or "").strip() and (row.get("code") or "").strip()
    ]


def hinted(record: dict, path: str, hints: list[Hint]) -> dict | None:
    """New resolution fields for a document the text left unresolved, from the first hint that
    matches its path and agrees with what the text did resolve; None when no hint applies."""
    if record.get("admin_unit_code") or not hints:
        return None
    hint = next((h for h in hints if h.matches(path)), None)
    if hint is None:
        return None
    ref = reference()
    era = (
        hint.era
        or record.get("admin_unit_era")
        or report_era(record.get("issued_date"), record.get("period_year"))
        or PRE
    )
    unit = ref.unit(era, hint.code)
    if unit is None:
        return None
    province = _province_of(ref, unit)
    if record.get("province_code") and province and province.code != record["province_code"]:
        return None  # the text names another province: the hint does not fit this file
    note = f"{HINTS_FILE}: {hint.pattern}"
    if unit.tier == PROVINCE:
        if record.get("province_code"):
            return None
        return Resolution(era, None, unit, "hint", record.get("admin_candidates") or 0, note).record(ref)
    return Resolution(era, unit, province, "hint", record.get("admin_candidates") or 0, note).record(ref)


def apply_hints(documents: pl.DataFrame, folder: Path) -> pl.DataFrame:
    """`documents` (with "path" and the RESOLUTION_FIELDS) with the hint file's codes filled in
    where the text left them unresolved."""
    hints = read_hints(folder)
    if not hints or documents.is_empty():
        return documents
    rows = documents.select("path", "status", *RESOLUTION_FIELDS, "issued_date", "period_year").to_dicts()
    updated = [
        (row["status"] == "ok" and hinted(row, row["path"], hints)) or {f: row[f] for f in RESOLUTION_FIELDS}
        for row in rows
    ]
    frame = pl.DataFrame(updated, schema={f: documents.schema[f] for f in RESOLUTION_FIELDS})
    return documents.with_columns(frame.get_columns())


def unresolved_count(documents: pl.DataFrame) -> int:
    """Readable documents that name a unit no list resolved (for the run's metadata)."""
    readable = documents.filter(pl.col("status") == "ok")
    return readable.filter(pl.col("locality").is_not_null() & pl.col("admin_unit_code").is_null()).height


def codes_consistent(
    era: str | None, code: str | None, province: str | None, code_2025: str | None, province_2025: str | None
) -> bool:
    """Whether a document's codes hold together: each exists in its era's list, the unit lies in
    the province given, and the 2025 codes are its successors (True when nothing is resolved)."""
    if not (code or province):
        return code_2025 is None and province_2025 is None
    ref = reference()
    unit, prov = ref.unit(era or "", code), ref.unit(era or "", province)
    if (code and unit is None) or prov is None or prov.tier != PROVINCE:
        return False
    if unit is not None and unit.province_code != prov.code:
        return False
    expected_2025 = successors(ref, unit, prov)
    return (code_2025, province_2025) == expected_2025[:2]
