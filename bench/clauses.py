"""Fact clauses: one relation of GUIDE.md each, printed several ways, with their gold facts.

Every function returns a :class:`Chunk`: the clause text (no final period), the gold
facts read from it (each quote a substring of the text) and, when asked with
``bad=True`` and the relation can be cross-checked, one deliberate inconsistency
recorded in ``errors``. Numbers are exact (:class:`bench.numbers.Q`), so a consistent
percentage is always value / target * 100 rounded to its printed decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from bench.numbers import Q, fmt, mixed_money, norm, pick_fmt, round_to
from bench.vocab import PLAN_ONLY, Ind


@dataclass
class Chunk:
    text: str
    facts: list[dict]
    errors: list[dict] = field(default_factory=list)
    checkable: int = 0  # facts whose numbers can be cross-checked (value/target/%, parts/total, ...)

    def lower_first(self) -> None:
        """Lower-case the clause's first letter (it follows a lead-in) and the quotes that start there."""
        if len(self.text) > 1 and self.text[1].isupper():
            return  # an acronym
        head = self.text[:1]
        low = head.lower()
        for f in self.facts:
            if self.text.startswith(f["quote"]):
                f["quote"] = low + f["quote"][1:]
        for e in self.errors:
            if self.text.startswith(e["quote"]):
                e["quote"] = low + e["quote"][1:]
        self.text = low + self.text[1:]


def fact(
    quote,
    indicator,
    value: Q,
    unit,
    approx=None,
    target=None,
    kind=None,
    pct=None,
    same=None,
    change=None,
    extra=(),
):
    """A gold fact, fields in the order of /work/shared/gold/facts.jsonl (``doc`` is added on writing)."""
    return {
        "quote": quote,
        "indicator": indicator,
        "value": value.json(),
        "unit": unit,
        "approx": approx,
        "target": target.json() if target is not None else None,
        "target_kind": kind,
        "pct_target": pct.json() if pct is not None else None,
        "pct_same_period": same.json() if same is not None else None,
        "change": change,
        "extra_targets": list(extra),
    }


def error(quote, kind, indicator, printed: Q, expected) -> dict:
    exp = expected.json() if isinstance(expected, Q) else expected
    return {"quote": quote, "kind": kind, "indicator": indicator, "printed": printed.json(), "expected": exp}


# ---------------------------------------------------------------- numbers and words


def sample(c, ind: Ind, d: int | None = None) -> Q:
    rng = c.rng
    scale = ind.big if c.big else 1.0
    lo, hi = ind.lo * scale, ind.hi * scale
    if ind.unit == "%":
        hi = min(hi, 99.9)
    d = rng.choice(ind.decs) if d is None else d
    m = int(rng.uniform(lo, hi) * 10**d)
    if ind.unit == "đồng":  # whole hundred-thousands, as budgets are written
        m = max(1, m // 100_000) * 100_000
    return norm(Q(max(m, 1), d))


def pct(rng, lo: float, hi: float, decs=(0, 0, 1, 1, 2)) -> Q:
    d = rng.choice(decs)
    return norm(Q(int(rng.uniform(lo, hi) * 10**d), d))


def pct_text(rng, p: Q) -> str:
    return pick_fmt(rng, p, vn_weight=20) + "%"


def amount(c, ind: Ind, q: Q, glue_ok: bool = True, post: bool = True) -> str:
    """The number with its unit as the report prints it ("46ha", "312.500.000đ", "14 tỷ 260 triệu đồng").

    ``post`` adds the words that follow a counted noun ("nhà *đại đoàn kết*"); a target in
    parentheses leaves them out.
    """
    rng, u = c.rng, ind.unit
    if u == "đồng":
        return pick_fmt(rng, q, vn_weight=3) + ("đ" if rng.random() < 0.4 else " đồng")
    if u == "tỷ đồng" and glue_ok and rng.random() < 0.2:
        mixed = mixed_money(q)
        if mixed:
            return mixed + " đồng"
    n = pick_fmt(rng, q)
    if u == "%":
        return n + "%"
    if u in ("ha", "m", "km") and glue_ok and rng.random() < 0.3:
        return n + u
    return f"{n} {u}{ind.post if post else ''}"


def ratio_amount(c, ind: Ind, a: Q, b: Q) -> str:
    """The a/b form: "3.250/4.000 triệu đồng", "12/10 đảng viên mới"."""
    return f"{fmt(a)}/{fmt(b)} {ind.unit}{ind.post}"


HEDGES = (("gần ", "gần"), ("trên ", "trên"), ("hơn ", "hơn"), ("khoảng ", "khoảng"))


def head(c, ind: Ind, q: Q, hedge_ok: bool = True, glue_ok: bool = True) -> tuple[str, str | None]:
    """The clause that states the value: "Sản lượng lúa ước đạt 5.210 tấn"; returns (text, approx)."""
    rng = c.rng
    approx, hedge = None, ""
    if hedge_ok and rng.random() < 0.14:
        hedge, approx = rng.choice(HEDGES)
    if ind.kind == "c":
        return f"{ind.pre} {hedge}{amount(c, ind, q, glue_ok)}", approx
    r = rng.random()
    if hedge_ok and approx is None and r < 0.2:
        verb, approx = rng.choice((("ước đạt ", "ước"), ("ước ", "ước"), ("ước thực hiện ", "ước")))
    elif r < 0.55:
        verb = "đạt "
    elif r < 0.7:
        verb = "là "
    elif r < 0.8 and ind.unit != "%":
        verb = "được "
    else:
        verb = ""
    return f"{ind.pre} {verb}{hedge}{amount(c, ind, q, glue_ok)}", approx


def progress(c) -> float:
    """How far along its plan a figure plausibly is at the end of the report's period."""
    rng, k, i = c.rng, c.kind, c.index
    if k == "year":
        return rng.uniform(0.86, 1.35)
    if k == "half":
        return rng.uniform(0.42, 0.75)
    if k == "quarter":
        return rng.uniform(0.2 * i, min(0.3 * i + 0.05, 1.2))
    return rng.uniform(max(0.1, i / 12 - 0.15), i / 12 + 0.2)


PLAN_KINDS = (
    ("kế hoạch", "kế hoạch"),
    ("KH", "kế hoạch"),
    ("kế hoạch năm", "kế hoạch năm"),
    ("chỉ tiêu", "chỉ tiêu"),
    ("Nghị quyết", "nghị quyết"),
    ("chỉ tiêu Nghị quyết", "chỉ tiêu nghị quyết"),
)
MONEY_KINDS = (
    ("dự toán", "dự toán"),
    ("dự toán năm", "dự toán năm"),
    ("KH", "kế hoạch"),
    ("kế hoạch", "kế hoạch"),
)


def plan_kind(c, ind: Ind) -> tuple[str, str]:
    rng = c.rng
    if "đồng" in ind.unit and "/" not in ind.unit:
        if rng.random() < 0.2:
            k = f"dự toán {c.pl} giao"
            return k, k
        return rng.choice(MONEY_KINDS)
    if rng.random() < 0.15:
        k = f"chỉ tiêu {c.pl} giao"
        return k, k
    return rng.choice(PLAN_KINDS)


def plan_phrase(c, p: Q, printed_kind: str) -> str:
    """ "đạt 104% KH", "bằng 46,5% dự toán năm", "đạt 95%KH", "vượt 15% kế hoạch", "vượt 215% dự toán"."""
    rng = c.rng
    r = rng.random()
    if p.exact > 100 and r < 0.2:
        over = norm(Q(p.m - 100 * 10**p.d, p.d)) if p.exact < 200 else p
        return f"vượt {pct_text(rng, over)} {printed_kind}"
    if printed_kind == "KH" and r < 0.45:
        return f"đạt {pct_text(rng, p)}KH"
    if r < 0.3:
        return f"bằng {pct_text(rng, p)} {printed_kind}"
    if r < 0.38 and printed_kind != "KH":
        return f"đạt {pct_text(rng, p)} so với {printed_kind}"
    return f"đạt {pct_text(rng, p)} {printed_kind}"


def bad_pct(rng, true: Q) -> Q:
    """A percentage that disagrees with the true one by well over any rounding (3 to 20 points)."""
    step = rng.randint(3, 20) * 10**true.d + rng.randrange(10**true.d)
    m = true.m + step if (rng.random() < 0.5 or true.m - step <= 10**true.d) else true.m - step
    return norm(Q(m, true.d))


def vs_phrase(c) -> str:
    return c.rng.choice(c.vs)


SAME_FORMS = (
    "bằng {p} cùng kỳ",
    "bằng {p} CK",
    "bằng {p} so với cùng kỳ",
    "đạt {p} so với cùng kỳ",
    "bằng {p} so với cùng kỳ năm trước",
)


def same_phrase(c, p: Q) -> str:
    forms = SAME_FORMS + (("bằng {p} so với thực hiện năm trước",) if c.kind == "year" else ())
    return c.rng.choice(forms).format(p=pct_text(c.rng, p))


def change_clause(c, ind: Ind, q: Q) -> tuple[str, dict, Q]:
    """ "tăng 9,4% so với cùng kỳ" or "giảm 45 tấn so với năm 2022", the change record and its amount."""
    rng = c.rng
    up = rng.random() < 0.65
    direction = "tăng" if up else "giảm"
    vs = vs_phrase(c)
    if ind.unit == "%" or rng.random() < 0.5:
        a = pct(rng, 0.3, 9.9, (1, 1, 2)) if ind.unit == "%" else pct(rng, 1, 40, (0, 1, 1))
        text, unit = f"{direction} {pct_text(rng, a)} so với {vs}", "%"
    else:
        prev = (
            q.exact / Fraction(rng.uniform(1.02, 1.4)) if up else q.exact * Fraction(rng.uniform(1.02, 1.3))
        )
        a = norm(round_to(abs(q.exact - prev), q.d))
        if a.m <= 0:
            a = Q(1, q.d)
        unit = ind.unit
        if up and vs.startswith("cùng kỳ") and rng.random() < 0.3:
            text = f"vượt {pick_fmt(rng, a)} {unit} so với cùng kỳ"
            vs = "cùng kỳ"
        else:
            text = f"{direction} {pick_fmt(rng, a)} {unit} so với {vs}"
    return text, {"direction": direction, "amount": a.json(), "unit": unit, "vs": vs}, a


# ---------------------------------------------------------------- relations on one indicator


def f_plain(c, ind: Ind, bad=False) -> Chunk:
    q = sample(c, ind)
    text, approx = head(c, ind, q)
    return Chunk(text, [fact(text, ind.ind, q, ind.unit, approx)])


def f_chg(c, ind: Ind, bad=False) -> Chunk:
    q = sample(c, ind)
    text, approx = head(c, ind, q)
    ctext, change, _ = change_clause(c, ind, q)
    text = f"{text} ({ctext})" if c.rng.random() < 0.2 else f"{text}, {ctext}"
    return Chunk(text, [fact(text, ind.ind, q, ind.unit, approx, change=change)])


def f_chgonly(c, ind: Ind, bad=False) -> Chunk:
    """ "Diện tích lúa giảm 18 ha so với năm trước": the change amount is the value."""
    q = sample(c, ind)
    ctext, change, a = change_clause(c, ind, q)
    text = f"{ind.subj} {ctext}"
    return Chunk(text, [fact(text, ind.ind, a, change["unit"], change=change)])


def f_same(c, ind: Ind, bad=False) -> Chunk:
    rng = c.rng
    if bad or rng.random() < 0.45:
        return _same_with_change(c, ind, bad)
    if rng.random() < 0.25 and ind.kind == "m":
        p = pct(rng, 82, 135)
        text = f"{ind.subj} {rng.choice(('đạt', 'bằng'))} {pct_text(rng, p)} so với cùng kỳ năm trước"
        return Chunk(text, [fact(text, ind.ind, p, "%", same=p)])
    q = sample(c, ind)
    text, approx = head(c, ind, q)
    p = pct(rng, 82, 135)
    text = f"{text}, {same_phrase(c, p)}"
    return Chunk(text, [fact(text, ind.ind, q, ind.unit, approx, same=p)])


def _same_with_change(c, ind: Ind, bad: bool) -> Chunk:
    """Value, change in units and percent of last year: the three must agree (checkable)."""
    rng = c.rng
    q = sample(c, ind)
    up = rng.random() < 0.6
    a = norm(round_to(q.exact * Fraction(rng.uniform(0.03, 0.25)), q.d))
    if a.m <= 0 or a.exact >= q.exact:
        a = Q(1, q.d)
    prev = q.exact - a.exact if up else q.exact + a.exact
    true = norm(round_to(q.exact / prev * 100, rng.choice((0, 1, 1, 2))))
    p = bad_pct(rng, true) if bad else true
    direction = "tăng" if up else "giảm"
    text, approx = head(c, ind, q, hedge_ok=False, glue_ok=False)
    unit = ind.unit
    text = f"{text}, {direction} {fmt(a)} {unit} so với cùng kỳ, bằng {pct_text(rng, p)} cùng kỳ"
    change = {"direction": direction, "amount": a.json(), "unit": unit, "vs": "cùng kỳ"}
    f = fact(text, ind.ind, q, ind.unit, approx, same=p, change=change)
    errs = [error(text, "same_period_mismatch", ind.ind, p, true)] if bad else []
    return Chunk(text, [f], errs, checkable=1)


def _target_pair(c, ind: Ind) -> tuple[Q, Q]:
    """A target and an achieved value drawn around the period's progress."""
    t = sample(c, ind)
    q = norm(round_to(t.exact * Fraction(progress(c)), t.d))
    if q.m <= 0:
        q = Q(1, t.d)
    return q, t


def f_plan(c, ind: Ind, bad=False) -> Chunk:
    rng = c.rng
    printed, kind = plan_kind(c, ind)
    mode = rng.random()
    if not bad and mode < 0.3:  # no target written: not checkable
        q = sample(c, ind)
        text, approx = head(c, ind, q)
        p = norm(Q(int(progress(c) * 100 * 10 ** (d := rng.choice((0, 1, 1, 2)))), d))
        text = f"{text}, {plan_phrase(c, p, printed)}"
        same = change = None
        extra = rng.random()
        if extra < 0.2 and "same" in ind.fams:
            same = pct(rng, 85, 130)
            text = f"{text}, {same_phrase(c, same)}"
        elif extra < 0.35 and "chg" in ind.fams:
            ctext, change, _ = change_clause(c, ind, q)
            text = f"{text}, {ctext}"
        return Chunk(
            text, [fact(text, ind.ind, q, ind.unit, approx, kind=kind, pct=p, same=same, change=change)]
        )
    q, t = _target_pair(c, ind)
    true = norm(round_to(q.exact / t.exact * 100, rng.choice((0, 1, 1, 2))))
    p = bad_pct(rng, true) if bad else true
    money = ind.unit in ("tỷ đồng", "triệu đồng")
    if money and mode > 0.9:  # the target first: "Dự toán ... là 269 tỷ đồng; ước thực hiện 215 tỷ đồng, ..."
        opening = "Kế hoạch" if printed == "KH" else printed[0].upper() + printed[1:]
        verb, approx = rng.choice((("ước thực hiện ", "ước"), ("thực hiện ", None), ("ước đạt ", "ước")))
        text = (
            f"{opening} {ind.ind} là {amount(c, ind, t, glue_ok=False, post=False)}; {verb}{amount(c, ind, q)}, "
            f"{plan_phrase(c, p, printed)}"
        )
    elif mode < 0.8:
        text, approx = head(c, ind, q, hedge_ok=False)
        tword = "KH" if printed == "KH" else printed
        sep = rng.choice((" là ", ": ", " "))
        text = f"{text}, {plan_phrase(c, p, printed)} ({tword}{sep}{amount(c, ind, t, glue_ok=False, post=False)})"
    else:
        verb = "đạt " if ind.kind == "m" else ""
        text = f"{ind.pre} {verb}{ratio_amount(c, ind, q, t)}, {plan_phrase(c, p, printed)}"
        approx = None
    errs = [error(text, "pct_target_mismatch", ind.ind, p, true)] if bad else []
    return Chunk(
        text, [fact(text, ind.ind, q, ind.unit, approx, target=t, kind=kind, pct=p)], errs, checkable=1
    )


def f_ab(c, ind: Ind, bad=False) -> Chunk:
    """ "87/90 thanh niên", optionally ", đạt 96,67% kế hoạch" (then checkable)."""
    rng = c.rng
    q, t = _target_pair(c, ind)
    if ind.key == "tuyen_quan":  # conscription quotas are met exactly
        q = t
    verb = "đạt " if ind.kind == "m" else ""
    base = f"{ind.pre} {verb}{ratio_amount(c, ind, q, t)}"
    if not bad and rng.random() < 0.35:
        return Chunk(base, [fact(base, ind.ind, q, ind.unit, target=t)])
    printed, kind = plan_kind(c, ind)
    if ind.key == "tuyen_quan":
        printed = kind = f"chỉ tiêu {c.pl} giao"
    true = norm(round_to(q.exact / t.exact * 100, rng.choice((0, 1, 2))))
    p = bad_pct(rng, true) if bad else true
    text = f"{base}, {plan_phrase(c, p, printed)}"
    errs = [error(text, "pct_target_mismatch", ind.ind, p, true)] if bad else []
    return Chunk(text, [fact(text, ind.ind, q, ind.unit, target=t, kind=kind, pct=p)], errs, checkable=1)


def f_two(c, ind: Ind, bad=False) -> Chunk:
    """Two targets for one amount: the second goes to extra_targets."""
    rng = c.rng
    upper = "tỉnh" if c.big else "huyện"
    k1, k2 = rng.choice(
        (
            (f"dự toán {upper} giao", f"dự toán HĐND {c.lv} giao"),
            (f"dự toán {upper} giao", f"dự toán HĐND {c.lv} thông qua"),
            ("dự toán cấp trên giao", "Nghị quyết HĐND"),
        )
    )
    kind2 = "nghị quyết HĐND" if k2 == "Nghị quyết HĐND" else k2
    q, t1 = _target_pair(c, ind)
    t2 = norm(round_to(t1.exact * Fraction(rng.uniform(1.03, 1.25)), t1.d))
    d = rng.choice((0, 1, 2))
    p1 = norm(round_to(q.exact / t1.exact * 100, d))
    true2 = norm(round_to(q.exact / t2.exact * 100, d))
    p2 = bad_pct(rng, true2) if bad else true2
    text, approx = head(c, ind, q, hedge_ok=False, glue_ok=False)
    if bad or rng.random() < 0.6:
        text = (
            f"{text}, đạt {pct_text(rng, p1)} {k1} ({amount(c, ind, t1, False, False)}), "
            f"đạt {pct_text(rng, p2)} {k2} ({amount(c, ind, t2, False, False)})"
        )
        extra = [{"target": t2.json(), "pct_target": p2.json(), "target_kind": kind2}]
        f = fact(text, ind.ind, q, ind.unit, approx, target=t1, kind=k1, pct=p1, extra=extra)
    else:
        text = f"{text}, đạt {pct_text(rng, p1)} {k1}, bằng {pct_text(rng, p2)} {k2}"
        extra = [{"target": None, "pct_target": p2.json(), "target_kind": kind2}]
        f = fact(text, ind.ind, q, ind.unit, approx, kind=k1, pct=p1, extra=extra)
    errs = [error(text, "pct_target_mismatch", ind.ind, p2, true2)] if bad else []
    return Chunk(text, [f], errs, checkable=int(f["extra_targets"][0]["target"] is not None))


FAMILIES = {
    "plain": f_plain,
    "plan": f_plan,
    "ab": f_ab,
    "two": f_two,
    "same": f_same,
    "chg": f_chg,
    "chgonly": f_chgonly,
}
CHECKABLE = {"plan", "ab", "two", "same"}


# ---------------------------------------------------------------- sentences of their own


def s_poverty(c, bad=False) -> Chunk:
    rng = c.rng
    rate = pct(rng, 0.8, 6.5, (1, 2, 2))
    k = rng.randrange(3)
    if k == 0:
        drop = pct(rng, 0.2, 1.5, (1, 2))
        vs = rng.choice(("đầu năm", f"cuối năm {c.year - 1}"))
        text = f"Tỷ lệ hộ nghèo còn {pct_text(rng, rate)}, giảm {pct_text(rng, drop)} so với {vs}"
        change = {"direction": "giảm", "amount": drop.json(), "unit": "%", "vs": vs}
        return Chunk(text, [fact(text, "tỷ lệ hộ nghèo", rate, "%", change=change)])
    n = Q(rng.randint(15, 120) * (8 if c.big else 1))
    if k == 1:
        text = f"Toàn {c.lv} còn {fmt(n)} hộ nghèo, chiếm {pct_text(rng, rate)} tổng số hộ"
        return Chunk(text, [fact(text, "hộ nghèo", n, "hộ"), fact(text, "tỷ lệ hộ nghèo", rate, "%")])
    text = f"Hộ cận nghèo còn {pct_text(rng, rate)} ({fmt(n)} hộ)"
    return Chunk(text, [fact(text, "tỷ lệ hộ cận nghèo", rate, "%"), fact(text, "hộ cận nghèo", n, "hộ")])


DOC_KINDS = ("nghị quyết", "kế hoạch", "công văn", "quyết định", "thông báo", "chỉ thị")


def s_documents(c, bad=False) -> Chunk | None:
    """ "Ban hành 12 nghị quyết, 35 kế hoạch và 140 công văn": one fact per counted noun."""
    rng = c.rng
    if "documents" in c.taken:  # one such list per report; a second reads like a copy
        return None
    c.taken.add("documents")
    kinds = rng.sample(DOC_KINDS, rng.choice((2, 3, 3)))
    counts = rng.sample(range(2, 40 * (2 if c.big else 1)), len(kinds))
    parts = [f"{pick_fmt(rng, Q(n))} {k}" for n, k in zip(counts, kinds, strict=True)]
    text = f"Ban hành {', '.join(parts[:-1])} và {parts[-1]}"
    facts = [fact(text, f"{k} được ban hành", Q(n), k) for n, k in zip(counts, kinds, strict=True)]
    return Chunk(text, facts)


PARTS = {
    # domain: (unit, indicator, lead template, names of the parts, base range of the total)
    "cq": (
        "hồ sơ",
        "hồ sơ tiếp nhận qua bộ phận một cửa",
        "Bộ phận một cửa tiếp nhận tổng số {t} hồ sơ",
        ("giải quyết đúng hạn", "giải quyết quá hạn", "đang trong thời hạn giải quyết"),
        (300, 3000),
    ),
    "xd": (
        "tỷ đồng",
        "tổng vốn đầu tư xây dựng cơ bản",
        "Tổng vốn đầu tư xây dựng cơ bản trong kỳ là {t} tỷ đồng",
        ("ngân sách cấp trên", "ngân sách {lv}", "nhân dân đóng góp"),
        (5, 60),
    ),
    "tc": (
        "tỷ đồng",
        "dư nợ cho vay ưu đãi",
        "Tổng dư nợ cho vay ưu đãi qua Ngân hàng Chính sách xã hội đạt {t} tỷ đồng",
        ("cho vay hộ nghèo", "cho vay hộ cận nghèo", "cho vay giải quyết việc làm"),
        (4, 40),
    ),
}


def s_parts(c, dom: str, bad=False) -> Chunk:
    """A total with its parts ("tổng ... trong đó ..."); parts never exceed the total unless bad."""
    rng = c.rng
    unit, ind, lead_t, names, (lo, hi) = PARTS[dom]
    d = 0 if unit == "hồ sơ" else rng.choice((0, 1, 2))
    total = norm(Q(int(rng.uniform(lo, hi) * (6 if c.big else 1) * 10**d), d))
    lead = lead_t.format(t=fmt(total))
    k = rng.choice((2, 3))
    names = [n.format(pl=c.pl, lv=c.lv) for n in names[:k]]
    # the first part is the largest, as in real breakdowns ("đúng hạn" dwarfs "quá hạn")
    share = [rng.randint(550, 800)]
    share += [rng.randint(1, 1000 - sum(share) - (k - len(share) - 1)) for _ in range(k - 2)]
    share.append(1000 - sum(share))
    whole = total.exact if rng.random() < 0.6 else total.exact * Fraction(rng.uniform(0.75, 0.97))
    parts = [norm(round_to(whole * s / 1000, total.d)) for s in share]
    excess = sum(p.exact for p in parts) - total.exact
    if excess > 0:  # rounding pushed the sum over the total: trim the first part
        parts[0] = norm(round_to(parts[0].exact - excess, total.d))
    if bad:  # inflate the first part so the parts add up to more than the total
        extra = total.exact * Fraction(rng.uniform(0.08, 0.3))
        parts[0] = norm(
            round_to(parts[0].exact + (total.exact - sum(p.exact for p in parts)) + extra, total.d)
        )
    if any(p.m <= 0 for p in parts) or len({p.exact for p in parts} | {total.exact}) < k + 1:
        return s_parts(c, dom, bad)  # degenerate draw (a zero or two equal figures): draw again
    clauses = [f"{n} {fmt(p)} {unit}" for n, p in zip(names, parts, strict=True)]
    sep = "; " if rng.random() < 0.5 else ", "
    text = f"{lead}, trong đó{':' if sep == '; ' else ''} {sep.join(clauses)}"
    facts = [fact(lead, ind, total, unit)]
    facts += [fact(cl, f"{ind} ({n})", p, unit) for cl, n, p in zip(clauses, names, parts, strict=True)]
    errs = []
    if bad:  # "printed" is the total as written, "expected" the least total the parts allow
        least = norm(round_to(sum(p.exact for p in parts), total.d))
        errs = [error(lead, "parts_exceed_total", ind, total, least)]
    return Chunk(text, facts, errs, checkable=1)


def s_rank(c, bad=False) -> Chunk:
    rng = c.rng
    n = Q(rng.randint(1, 12))
    what = rng.choice(
        (
            "Chỉ số cải cách hành chính của {lv}",
            "Kết quả thi đua của {lv}",
            "Chỉ số hài lòng của người dân đối với {cq}",
        )
    )
    text = f"{what.format(lv=c.lv, cq=c.cq)} xếp thứ {fmt(n)} toàn {c.pl}"
    return Chunk(text, [fact(text, what.format(lv=c.lv, cq=c.cq).lower(), n, "thứ")])


def s_threshold(c, bad=False) -> Chunk:
    rng = c.rng
    total = rng.randint(18, 30)
    if rng.random() < 0.5:
        n = Q(rng.randint(10, total))
        th = rng.choice((50, 70, 80, 90))
        text = f"Có {fmt(n)} chỉ tiêu đạt từ {th}% kế hoạch trở lên"
        return Chunk(text, [fact(text, "chỉ tiêu đạt từ " + f"{th}% kế hoạch trở lên", n, "chỉ tiêu")])
    n = Q(rng.randint(total // 2, total))
    text = f"Có {fmt(n)}/{total} chỉ tiêu chủ yếu hoàn thành"
    return Chunk(text, [fact(text, "chỉ tiêu chủ yếu hoàn thành", n, "chỉ tiêu", target=Q(total))])


def s_gifts(c, bad=False) -> Chunk:
    rng = c.rng
    n = Q(rng.randint(40, 600) * (4 if c.big else 1))
    each = rng.choice((300, 400, 500, 1000))
    money = Q(n.m * each // 1000) if n.m * each % 1000 == 0 else Q(n.m * each // 100, 1)
    money = norm(money)
    q1 = f"Trao {fmt(n)} suất quà cho gia đình chính sách, hộ nghèo"
    q2 = f"tổng trị giá {fmt(money)} triệu đồng"
    text = f"{q1}, {q2}"
    return Chunk(
        text,
        [
            fact(q1, "suất quà trao cho gia đình chính sách, hộ nghèo", n, "suất quà"),
            fact(q2, "trị giá quà tặng", money, "triệu đồng"),
        ],
    )


def s_criteria(c, bad=False) -> Chunk:
    rng = c.rng
    if c.big:
        t = rng.randint(8, 22)
        q = rng.randint(t // 3, t)
        text = f"Toàn {c.lv} có {q}/{t} xã đạt chuẩn nông thôn mới"
        return Chunk(text, [fact(text, "xã đạt chuẩn nông thôn mới", Q(q), "xã", target=Q(t))])
    q = rng.randint(11, 19)
    text = f"Đến nay, {c.lv} đạt {q}/19 tiêu chí nông thôn mới"
    quote = f"{c.lv} đạt {q}/19 tiêu chí nông thôn mới"
    return Chunk(text, [fact(quote, "tiêu chí nông thôn mới", Q(q), "tiêu chí", target=Q(19))])


def s_plan_only(c, dom: str, bad=False) -> Chunk | None:
    """ "Tiêm phòng dại cho đàn chó đạt 100% KH": the percentage is the value."""
    rng = c.rng
    left = [s for s in PLAN_ONLY[dom] if s not in c.taken]
    if not left:
        return None
    subj = rng.choice(left)
    c.taken.add(subj)
    p = Q(100) if rng.random() < 0.6 else pct(rng, 60, 99)
    printed, kind = rng.choice(
        (("KH", "kế hoạch"), ("kế hoạch", "kế hoạch"), ("kế hoạch năm", "kế hoạch năm"))
    )
    if printed == "KH" and rng.random() < 0.4:
        text = f"{subj} đạt {pct_text(rng, p)}KH"
    else:
        text = f"{subj} {rng.choice(('đạt', 'hoàn thành'))} {pct_text(rng, p)} {printed}"
    return Chunk(text, [fact(text, subj[0].lower() + subj[1:], p, "%", kind=kind, pct=p)])


# special sentences by the domain they belong to; the flag says whether they are checkable
SPECIALS = {
    "ld": ((s_poverty, False), (s_gifts, False)),
    "cq": ((s_documents, False), (s_parts, True), (s_rank, False)),
    "xd": ((s_parts, True), (s_criteria, False)),
    "dang": ((s_documents, False),),
    "hdnd": ((s_documents, False),),
    "tc": ((s_parts, True),),
}
"""Sentences of their own by domain, each with whether it can carry a deliberate error."""
