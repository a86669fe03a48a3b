"""How the numbers of one sentence become facts, and how the describing ones attach to them.

Each number is judged by the words right before it (tăng, giảm, vượt, đạt, bằng, a hedge) and
right after it (kế hoạch, dự toán, cùng kỳ ...): it either opens a new fact, or describes the
latest fact of the sentence (a share of plan, of the same period, a change, a stated target, the
share of an a/b form), or is no fact at all.

Two rules of the language carry most of the weight:
- A describing clause (a share of plan, of last year, a change) that opens on its verb belongs
  to the sentence's latest fact, however many words and commas that fact's noun phrase has
  ("Tiếp nhận 51 đơn khiếu nại, tố cáo, kiến nghị, tăng 39% so với cùng kỳ"); a clause that
  names its own subject first is a claim of its own ("..., đàn vịt đạt 70% KH").
- A number whose clause opens on a plan word (KH, kế hoạch, dự toán, chỉ tiêu, nghị quyết) is a
  target, never a fact: "(KH: 66 đảng viên)" goes to the fact before it, "Dự toán ... là 25,6 tỷ
  đồng; ước thực hiện 21,3 tỷ đồng" to the fact after it, in the same kind of unit.
"""

import re

from transforms.indicator_phrase import fill_indicator_and_quote
from transforms.numbers import decimals_printed
from transforms.quantities import Quantity, is_name_or_date
from transforms.sentences import plan_before
from transforms.units import scoring_kind, unit_info
from transforms.vocabulary import WORD_RE

# ---------------------------------------------------------------------------------------------
# The words before a number

# The verb right before a number (after any hedge).
_VERB_BEFORE_RE = re.compile(
    r"\b(?P<verb>tăng|giảm|vượt|đạt|bằng|chiếm|còn)(?:\s+(?:thêm|được|là|lên|xuống|xuống còn|còn|khoảng))?"
    r"\s*(?:\b(?:gần đạt|gần|trên|hơn|khoảng|xấp xỉ)\s*)?[:]?\s*$",
    re.IGNORECASE,
)
_LEVEL_AFTER_CHANGE_RE = re.compile(r"\b(?:tăng lên|giảm xuống|giảm còn|xuống còn|tăng lên thành)\s*$", re.I)
# Thresholds inside an indicator: "đạt từ 50% kế hoạch trở lên", "đạt dưới 50%".
_THRESHOLD_BEFORE_RE = re.compile(r"\b(?:từ|dưới|tối thiểu|ít nhất)\s*$", re.IGNORECASE)
_THRESHOLD_AFTER_RE = re.compile(r"[^,;.()]{0,40}\btrở (?:lên|xuống)", re.IGNORECASE)
# Words before a number that make it a threshold or a lower bound, not a quantity.
_BOUND_BEFORE_RE = re.compile(r"\b(?:từ|ít nhất|tối thiểu|dưới)\s*$", re.IGNORECASE)
# A bare large number after words of money is an amount in đồng ("với kinh phí 58,340,000").
_MONEY_CONTEXT_RE = re.compile(r"\b(?:kinh phí|số tiền|tổng tiền|trị giá|giá trị|tiền)\b[^,;]{0,20}$", re.I)
# A target stated with its value: "(KH: 66 đảng viên)", "(chỉ tiêu huyện giao 197 trẻ)",
# "Dự toán thu ngân sách là 25,6 tỷ đồng; ước thực hiện ...", "theo chỉ tiêu giao là 16 thanh niên".
# The plan word opens the number's clause (or follows "theo"); a few words may name whose plan it
# is; a longer name needs "là" or ":" before the number. No verb of a result comes in between.
_TARGET_KIND = r"(?:KH|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết|NQ|mục\s+tiêu)"
_NOT_RESULT_WORD = r"(?!(?:đạt|được|thực|tăng|giảm|bằng|vượt|ước|còn|chiếm|có|đã|số|khóa|khoá|kỳ|lần|thứ)\b)"
_STATED_TARGET_RE = re.compile(
    rf"(?:^|\btheo\s+)(?P<kind>{_TARGET_KIND}(?:\s+{_NOT_RESULT_WORD}[^\W\d_]+){{0,5}})\s*(?:\blà\b|:)?\s*$",
    re.IGNORECASE,
)
# The long name may hold commas and dashes ("Dự toán thu thuế, phí năm là 8,4 tỷ đồng").
_LONG_STATED_TARGET_RE = re.compile(
    rf"^(?P<kind>{_TARGET_KIND})(?:,?\s+(?:[-–]|{_NOT_RESULT_WORD}[^\W\d_]+)){{0,16}}\s+(?:là|:)\s*$",
    re.IGNORECASE,
)

# A clause whose subject is a plan or an allocation, with a year or a longer name: "Tổng kế hoạch
# vốn năm 2024 do xã quản lý là 12 tỷ đồng", "b) Vốn sự nghiệp năm 2024 được giao 3 tỷ đồng". Its
# number is the target of the value of its unit that the sentence reports next (or last).
_SUBJECT_WORD = rf"(?:(?:năm\s+)?20\d\d|{_NOT_RESULT_WORD}[^\W\d_]+)"
_SUBJECT_TARGET_RE = re.compile(
    rf"^(?:[a-zđ]\)\s*)?(?:tổng\s+)?(?:(?P<kind>kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)(?:\s+{_SUBJECT_WORD}){{0,16}}"
    rf"\s*(?:\blà\b|:)|(?:nguồn\s+)?vốn(?:\s+{_SUBJECT_WORD}){{0,10}}\s+(?:được\s+)?(?:giao|phân\s+bổ|bố\s+trí)"
    r"(?:\s+là)?\s*:?)\s*$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# The words after a number

# After a percentage: what it is a percentage of.
_TARGET_AFTER_RE = re.compile(
    r"\s*(?:so\s+với\s+|so\s+)?(?P<kind>(?:KH|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|nghị\s+quyết|NQ|mục\s+tiêu)"
    r"(?:\s+(?!và\b|bằng\b|đạt\b|tăng\b|giảm\b|so\b|cùng\b|với\b)[^\W\d_]+){0,5})",
    re.IGNORECASE,
)
_SAME_PERIOD_AFTER_RE = re.compile(
    r"\s*(?:so\s+với\s+|so\s+)?(?:(?:thực\s+hiện|TH)\s+)?(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?"
    r"|CK\b|năm\s+trước|năm\s+20\d\d|đầu\s+năm|cuối\s+năm\s+20\d\d)",
    re.IGNORECASE,
)
# What a change is measured against ("tăng 5% so với cùng kỳ").
_VS_RE = re.compile(
    r"\bso\s+với\s+(?P<vs>cùng\s+kỳ(?:\s+năm\s+(?:trước|20\d\d)|\s+20\d\d)?|CK\b|năm\s+trước|năm\s+20\d\d"
    r"|đầu\s+năm|đầu\s+nhiệm\s+kỳ|[^,;.()\d]{1,25}?(?=[,;.()]|$))",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Which fact a number belongs to

# "Tổng ... , trong đó ...": the facts after it are parts of the total before it.
_PART_OF_RE = re.compile(r"\btrong\s+đó\b", re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")
# Words that may open a describing clause without making it a new subject: "..., và tăng 5%",
# "..., đồng thời bằng 98% cùng kỳ", "...; ước cả năm đạt 90% KH".
_ATTACH_GAP_WORDS = frozenset(
    ["và", "đồng", "thời", "trong", "đó", "so", "với", "ước", "tính", "cả", "năm", "riêng", "thực", "hiện"]
)
# Where a describing clause starts: after a comma, semicolon, colon or an opening bracket.
_DESCRIBING_BOUNDARY_RE = re.compile(r"[,;:(]")
# "Hoàn thành 100% chỉ tiêu giao quân với 24/24 thanh niên": the share comes first, the value after.
_SHARE_THEN_VALUE_RE = re.compile(r"\s*(?:với|gồm|là|:)\s*$", re.IGNORECASE)


def sentence_facts(
    text: str, sent_start: int, sent_end: int, quantities: list[Quantity], plan_markers: list[int]
) -> list[dict]:
    """The facts of one sentence, its quantities read in text order.

    Each quantity is dropped (no unit, a name or date, a bound, part of a plan), taken as a
    stated target, attached to the fact it describes (a change, a share of plan or of the same
    period), or opens a new fact. `plan_markers` are the ends of the sentence's plan words.
    """
    clause = _Clause()
    part_marker = _PART_OF_RE.search(text, sent_start, sent_end)
    part_start = part_marker.start() if part_marker else None
    parent: dict | None = None
    prev_end = sent_start
    for q in quantities:
        before = text[max(sent_start, q.start - 45) : q.start]
        # The unit first: most numbers without one (dates, codes) are dropped here, cheaply.
        unit = q.unit
        # A number without a unit inside "tổng ... trong đó" takes the total's unit.
        if unit is None and parent is not None and part_start is not None and q.start > part_start:
            unit = parent["unit"]
        if unit is None and q.value >= 1000 and _MONEY_CONTEXT_RE.search(before):
            unit = "đồng"  # "với kinh phí 58,340,000": money without its unit
        if unit is None:
            continue
        is_pct = unit == "%"
        after_pct_target = clause.last_was_pct_target
        stated = None if q.is_rank else _stated_target(text, sent_start, q.start, after_pct_target)
        if is_pct and stated is not None and not (stated and _opens_bracket(text, sent_start, q.start)):
            stated = None  # a rate's plan only in its own brackets: "đạt 9,8% (kế hoạch 9,5%)"
        if stated is None and not q.is_rank and is_name_or_date(text, sent_start, q):
            continue
        if q.unit != "%" and _BOUND_BEFORE_RE.search(before):
            continue  # "có ít nhất 02 sản phẩm", "từ 03 xóm": a bound, not a result
        if plan_markers and plan_before(text, plan_markers, q.start):
            continue
        if stated is not None:
            # A target, never a fact: it belongs to a fact of its unit, before it or after it.
            host = _target_host(clause.facts, unit)
            if host is not None:
                _set_target_value(host, q.value)
                if host["target_kind"] is None:
                    host["target_kind"] = stated or None
            else:
                clause.pending_target = (q._replace(unit=unit), stated or None)
            close = text.find(")", q.end, min(sent_end, q.end + 3))
            stated_end = close + 1 if close != -1 else q.end
            if host is not None and host is clause.current:
                clause.current_end = stated_end
            prev_end = max(prev_end, stated_end)
            continue
        verb_m = _VERB_BEFORE_RE.search(before)
        verb = verb_m.group("verb").lower() if verb_m else None
        verb_start = q.start - (len(before) - verb_m.start()) if verb_m else q.start
        if verb in ("tăng", "giảm") and _LEVEL_AFTER_CHANGE_RE.search(before):
            verb = "còn"
        target_m = _TARGET_AFTER_RE.match(text, q.end, sent_end) if is_pct or verb == "vượt" else None
        same_m = _SAME_PERIOD_AFTER_RE.match(text, q.end, sent_end)
        if (
            is_pct
            and _THRESHOLD_BEFORE_RE.search(before.rstrip())
            and (target_m or _THRESHOLD_AFTER_RE.match(text, q.end))
        ):
            continue  # a threshold inside the indicator's wording
        if is_pct and _THRESHOLD_BEFORE_RE.search(before) and verb is None:
            continue
        host = _host(text, clause, sent_start, verb_start)
        fact_index_before = len(clause.facts)
        end = q.end

        if verb in ("tăng", "giảm") or (verb == "vượt" and same_m and not target_m):
            direction = "tăng" if verb in ("tăng", "vượt") else "giảm"
            vs_m = _VS_RE.search(text, q.end, sent_end)
            vs = _SPACES_RE.sub(" ", vs_m.group("vs")).strip() if vs_m else None
            if vs_m and vs_m.start() - q.end < 4:
                end = vs_m.end()
            change = {
                "change_direction": direction,
                "change_amount": q.value,
                "change_unit": unit,
                "change_vs": vs,
            }
            if unit != "%" and (host is None or not _same_measure(host["unit"], unit)):
                host = _change_host(text, clause, sent_start, verb_start, q, unit) or host
            if host is not None and host["change_direction"] is None:
                host.update(change)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                continue
            fact = _new_fact(q._replace(target=None))
            fact["unit"] = unit
            fact.update(change)
            fill_indicator_and_quote(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif verb == "vượt" and target_m:
            if not is_pct:
                prev_end = max(prev_end, q.end)
                continue  # "vượt 5 ha so với kế hoạch": an excess, not a target
            pct = q.value if q.value >= 100 else 100 + q.value
            kind = _kind_text(target_m.group("kind"))
            end = target_m.end()
            if host is not None:
                _add_target(host, pct, decimals_printed(q.value_text), kind)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                clause.last_was_pct_target = True
                continue
            fact = _new_fact(q)
            fact.update(
                unit="%", pct_target=pct, pct_target_decimals=decimals_printed(q.value_text), target_kind=kind
            )
            fill_indicator_and_quote(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif is_pct and target_m:
            kind = _kind_text(target_m.group("kind"))
            end = target_m.end()
            decimals = decimals_printed(q.value_text)
            if host is not None:
                _add_target(host, q.value, decimals, kind)
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                clause.last_was_pct_target = True
                continue
            pending = clause.pending_target
            if pending is not None:
                # "theo chỉ tiêu giao là 16 thanh niên đạt 100% KH": the plan was met, its
                # figure is the result.
                target_q, stated_kind = pending
                clause.pending_target = None
                fact = _new_fact(target_q._replace(target=target_q.value if q.value == 100 else None))
                fact.update(pct_target=q.value, pct_target_decimals=decimals, target_kind=stated_kind)
                fill_indicator_and_quote(text, fact, sent_start, prev_end, target_q, target_q.start, end)
                q = target_q
            else:
                fact = _new_fact(q)
                fact.update(pct_target=q.value, pct_target_decimals=decimals, target_kind=kind)
                fill_indicator_and_quote(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
            clause.last_was_pct_target = True
            clause.current, clause.current_end = fact, end
            prev_end = end
            continue
        elif is_pct and same_m and verb not in ("chiếm", "còn"):
            end = same_m.end()
            if host is not None:
                if host["pct_same_period"] is None:
                    host["pct_same_period"] = q.value
                clause.current, clause.current_end = host, end
                prev_end = max(prev_end, end)
                continue
            fact = _new_fact(q)
            fact["pct_same_period"] = q.value
            fill_indicator_and_quote(text, fact, sent_start, prev_end, q, verb_start, end)
            clause.facts.append(fact)
        elif (
            is_pct
            and host is not None
            and host["target_value"] is not None
            and (_bracketed(text, q) or (verb == "đạt" and _is_share_of(host, q)))
        ):
            # "96/120 hộ (80%)", "45/60 hồ sơ, đạt 75%": the share of the a/b form's target
            _add_target(host, q.value, decimals_printed(q.value_text), None)
            share_end = q.end + 1 if _bracketed(text, q) else q.end
            clause.current, clause.current_end = host, share_end
            prev_end = max(prev_end, share_end)
            continue
        else:
            fact = _new_fact(q)
            fact["unit"] = unit
            _take_pending_target(clause, fact)
            fill_indicator_and_quote(text, fact, sent_start, prev_end, q, verb_start, end)
            _take_leading_share(text, clause, fact)
            clause.facts.append(fact)

        if len(clause.facts) > fact_index_before:
            fact = clause.facts[-1]
            if part_start is not None and q.start < part_start:
                parent = fact
            elif part_start is not None and parent is not None and fact is not parent:
                fact["_parent"] = parent
            clause.current, clause.current_end = fact, end
            clause.last_was_pct_target = False
        prev_end = max(prev_end, end)
    return clause.facts


class _Clause:
    """The facts of one sentence, and which one a describing number attaches to."""

    def __init__(self) -> None:
        self.facts: list[dict] = []
        self.current: dict | None = None
        self.current_end = 0  # where the current fact's last piece ends
        self.last_was_pct_target = False
        self.pending_target: tuple[Quantity, str] | None = None  # a target stated before its value


def _new_fact(q: Quantity) -> dict:
    """A fact record of the quantity, with every field of transforms.schema.FACT_SCHEMA."""
    return {
        "_pos": q.start,
        "fact_index": None,
        "indicator_text": None,
        "value": q.value,
        "value_text": q.value_text,
        "unit": q.unit,
        "approx": None,
        "target_value": q.target,
        "target_kind": None,
        "pct_target": None,
        "pct_target_decimals": None,
        "pct_same_period": None,
        "change_direction": None,
        "change_amount": None,
        "change_unit": None,
        "change_vs": None,
        "quote": None,
        "char_start": None,
        "char_end": None,
        "section_path": None,
        "domain": None,
        "footnote": None,
        "part_of": None,
        "extra_targets": [],
    }


def _bracketed(text: str, q: Quantity) -> bool:
    """Is the quantity alone in brackets ("(80%)")?"""
    return text[q.start - 1 : q.start] == "(" and text[q.end : q.end + 1] == ")"


def _is_share_of(fact: dict, q: Quantity) -> bool:
    """Is the percentage a/b of the fact's a/b form, as printed ("21/28 ..., đạt 75%")?

    A percentage after "đạt" with no plan word after it, right after an a/b count, describes
    that count when it is its ratio, rounded to the printed digits.
    """
    if fact["unit"] == "%" or fact["pct_target"] is not None or not fact["target_value"]:
        return False
    ratio = 100 * fact["value"] / fact["target_value"]
    tolerance = 0.5 * 10 ** -decimals_printed(q.value_text) + 0.051
    return abs(ratio - q.value) <= tolerance


def _host(text: str, clause: _Clause, sent_start: int, verb_start: int) -> dict | None:
    """The fact a describing number at `verb_start` belongs to, or None when it stands alone.

    A percentage of plan, of the same period or a change describes the sentence's latest fact
    when its own clause names no new subject: "Tiếp nhận 51 đơn khiếu nại, tố cáo, kiến nghị,
    tăng 39% so với cùng kỳ" (the clause ", tăng 39% ..." opens on its verb). A clause that
    names something first is a claim of its own: "đàn gà đạt 90% KH, đàn vịt đạt 70% KH".
    When the latest fact sat inside brackets that have closed, the share is the outer fact's
    ("03 hợp tác xã (02 HTX nông nghiệp và 01 HTX dịch vụ) đạt 75% chỉ tiêu").
    """
    fact, end = clause.current, clause.current_end
    if fact is None:
        return None
    close = text.find(")", end, verb_start)
    if close != -1:
        opened = text.rfind("(", sent_start, fact["_pos"])
        if opened != -1 and text.find(")", opened, fact["_pos"]) == -1:
            outer = [f for f in clause.facts if f["_pos"] < opened]
            if outer:
                fact, end = outer[-1], close + 1
    gap = text[end:verb_start]
    boundaries = list(_DESCRIBING_BOUNDARY_RE.finditer(gap))
    if not boundaries:
        return fact if len(gap) <= 80 else None
    own_clause = gap[boundaries[-1].end() :]
    words = [w.lower() for w in WORD_RE.findall(own_clause)]
    return fact if all(w in _ATTACH_GAP_WORDS for w in words) else None


# Words of a change's own clause that name no subject: "; so với cùng kỳ giảm 3 vụ".
_CHANGE_GAP_WORDS = _ATTACH_GAP_WORDS | frozenset(["cùng", "kỳ", "trước", "đầu", "cuối", "nay"])
_WORD_AFTER_RE = re.compile(r"[ ]([^\W\d_]+)")


def _change_host(
    text: str, clause: _Clause, sent_start: int, verb_start: int, q: Quantity, unit: str
) -> dict | None:
    """The fact a change in a unit belongs to when the sentence's latest fact has another unit.

    "37 doanh nghiệp ... với vốn đăng ký 412 tỷ đồng, tăng 5 doanh nghiệp": the change counts
    enterprises, so it is the enterprises' change; "xảy ra 9 vụ, làm chết 6 người, bị thương 5
    người; so với cùng kỳ giảm 3 vụ, giảm 2 người chết": each change goes to the fact of its unit,
    the one whose words share the word after the unit ("chết") when there are several. Only when
    the change's own clause names no subject of its own.
    """
    if not clause.facts:
        return None
    gap = text[max(sent_start, clause.current_end) : verb_start]
    boundaries = list(_DESCRIBING_BOUNDARY_RE.finditer(gap))
    own = gap[boundaries[-1].end() :] if boundaries else gap
    if any(w.lower() not in _CHANGE_GAP_WORDS for w in WORD_RE.findall(own)):
        return None
    candidates = [f for f in clause.facts if f["change_direction"] is None and _same_measure(f["unit"], unit)]
    if not candidates:
        return None
    after = _WORD_AFTER_RE.match(text, q.end)
    if after is not None and len(candidates) > 1:
        word = after.group(1).lower()
        for fact in reversed(candidates):
            if word in _words_of(fact["quote"]):
                return fact
    return candidates[-1]


def _words_of(s: str | None) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(s or "")}


def _stated_target(text: str, sent_start: int, pos: int, after_pct_target: bool) -> str | None:
    """The plan's name when the number at `pos` states a target ("KH: 66 đảng viên"), else None.

    Right after a percentage of plan, a bare amount in brackets is that plan's figure:
    "đạt 95% dự toán huyện giao (8 tỷ đồng)" (its name is then the empty string).
    """
    cut = max(
        text.rfind(",", sent_start, pos), text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    )
    clause = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
    if not clause and after_pct_target and cut != -1 and text[cut] == "(":
        return ""
    m = _STATED_TARGET_RE.search(clause) or _LONG_STATED_TARGET_RE.search(clause)
    if m is None:
        subject = _SUBJECT_TARGET_RE.match(clause)
        if subject is not None:
            return _kind_text(subject.group("kind")) if subject.group("kind") else ""
    if m is None and cut != -1 and text[cut] == ",":
        cut = max(text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos))
        whole = text[cut + 1 if cut != -1 else sent_start : pos].strip(" \t\n-–+•*")
        m = _LONG_STATED_TARGET_RE.search(whole)
    return _kind_text(m.group("kind")) if m else None


def _opens_bracket(text: str, sent_start: int, pos: int) -> bool:
    """Does the clause of the number at `pos` open on a bracket ("(KH 9,5%)")?"""
    cut = max(
        text.rfind(",", sent_start, pos), text.rfind(";", sent_start, pos), text.rfind("(", sent_start, pos)
    )
    return cut != -1 and text[cut] == "("


def _kind_text(raw: str) -> str:
    """The plan's name as written, its abbreviations spelled out ("KH huyện" -> "kế hoạch huyện")."""
    kind = _SPACES_RE.sub(" ", raw).strip()
    if kind.upper().startswith("KH"):
        kind = "kế hoạch" + kind[2:]
    if kind.upper() == "NQ":
        kind = "nghị quyết"
    return kind


def _add_target(fact: dict, pct: float, decimals: int, kind: str | None) -> None:
    """Give the fact a share of plan; a second share (of another plan) goes to its extra targets."""
    if fact["pct_target"] is None:
        fact["pct_target"], fact["pct_target_decimals"] = pct, decimals
        fact["target_kind"] = fact["target_kind"] or kind
    else:
        fact["extra_targets"].append(
            {"target_value": None, "pct_target": pct, "pct_target_decimals": decimals, "target_kind": kind}
        )


def _set_target_value(fact: dict, value: float) -> None:
    """Give the fact (or its latest extra target) the plan's stated figure."""
    if fact["extra_targets"]:
        fact["extra_targets"][-1]["target_value"] = value
    elif fact["target_value"] is None:
        fact["target_value"] = value


def _same_measure(a: str | None, b: str | None) -> bool:
    """Units of one kind; counted nouns must be the same noun ("nhà" and "nhà")."""
    if scoring_kind(a) != scoring_kind(b):
        return False
    return unit_info(a).kind != "count" or (a or "").split(" ")[0] == (b or "").split(" ")[0]


def _target_host(facts: list[dict], unit: str | None) -> dict | None:
    """The latest fact of the sentence in the same unit kind: the one a stated target is for."""
    for fact in reversed(facts):
        if _same_measure(fact["unit"], unit):
            return fact
    return None


def _take_pending_target(clause: _Clause, fact: dict) -> None:
    """A target stated earlier in the sentence goes to the first fact of its unit kind."""
    pending = clause.pending_target
    if pending is None or fact["target_value"] is not None:
        return
    target_q, kind = pending
    if _same_measure(target_q.unit, fact["unit"]):
        fact["target_value"], fact["target_kind"] = target_q.value, kind
        clause.pending_target = None


def _take_leading_share(text: str, clause: _Clause, fact: dict) -> None:
    """A bare percentage of plan right before the value it is the share of becomes that value's."""
    share = clause.current
    if (
        share is None
        or share["unit"] != "%"
        or share["pct_target"] is None
        or share["value"] != share["pct_target"]
        or fact["pct_target"] is not None
        or not _SHARE_THEN_VALUE_RE.fullmatch(text, clause.current_end, fact["_pos"])
    ):
        return
    clause.facts.remove(share)
    for key in ("pct_target", "pct_target_decimals", "target_kind", "approx"):
        fact[key] = fact[key] if fact[key] is not None else share[key]
    fact["char_start"] = share["char_start"]
    fact["quote"] = text[fact["char_start"] : fact["char_end"]]
