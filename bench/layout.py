"""One synthetic report: its metadata, body, official layout and optional web-page chrome.

``build_report`` returns the file text with its gold document record, facts and
errors. All randomness comes from the ``rng`` passed in, so a report depends only on
its own seed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench import clauses, nonfacts, prose
from bench.clauses import Chunk
from bench.vocab import BY_DOMAIN, LEVELS, PLAN_ONLY, ROMAN, person, place

ISSUERS = (("UBND", 60), ("Đảng ủy", 25), ("HĐND", 15))
LEVEL_WEIGHTS = (("xã", 40), ("phường", 12), ("thị trấn", 10), ("huyện", 24), ("thị xã", 7), ("thành phố", 7))
MONTHS_TO_DATE = (2, 4, 5, 7, 8, 9, 10, 11)

# Sections per issuer: (heading, [(subheading, domain), ...]).
KT = (
    "Kinh tế",
    (
        ("Sản xuất nông nghiệp", "nn"),
        ("Công nghiệp - tiểu thủ công nghiệp, thương mại - dịch vụ", "cn"),
        ("Tài chính - ngân sách", "tc"),
        ("Xây dựng cơ bản, tài nguyên - môi trường", "xd"),
    ),
)
VHXH = (
    "Văn hóa - xã hội",
    (
        ("Giáo dục và đào tạo", "gd"),
        ("Y tế, dân số", "yt"),
        ("Lao động, thương binh và xã hội", "ld"),
        ("Văn hóa, thông tin, thể thao", "vh"),
    ),
)
QPAN = (
    "Quốc phòng - an ninh",
    (("Quốc phòng, quân sự địa phương", "qp"), ("An ninh chính trị, trật tự an toàn xã hội", "an")),
)
CQ = ("Xây dựng chính quyền, cải cách hành chính", (("Cải cách hành chính, tiếp công dân", "cq"),))
DANG = (
    "Công tác xây dựng Đảng, hệ thống chính trị",
    (("Công tác chính trị, tư tưởng và tổ chức cán bộ", "dang"), ("Hoạt động của chính quyền", "cq")),
)
HDND = (
    "Hoạt động của Thường trực HĐND",
    (
        ("Công tác chuẩn bị kỳ họp, giám sát, tiếp xúc cử tri", "hdnd"),
        ("Tiếp công dân, giải quyết đơn thư", "cq"),
    ),
)


@dataclass
class Ctx:
    """What the clause generators need to know about the report being written."""

    rng: object
    year: int
    kind: str
    index: int | None
    lv: str
    pl: str
    cq: str
    big: bool
    rural: bool
    vs: tuple[str, ...]
    next_year: int
    facts: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    ignored: list[dict] = field(default_factory=list)
    seen_ignored: set = field(default_factory=set)
    used: set = field(default_factory=set)
    taken: set = field(default_factory=set)  # phrases a report should not use twice
    debt: float = 0.0
    checkable: int = 0

    def ignore(self, pairs) -> None:
        for text, why in pairs:
            if (text, why) not in self.seen_ignored:
                self.seen_ignored.add((text, why))
                self.ignored.append({"text": text, "why": why})


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.randrange(total)
    for item, w in pairs:
        r -= w
        if r < 0:
            return item
    return pairs[-1][0]


# unit -> (kind, factor): enough to tell whether two facts would be confused by the scorer
_SCALE = {
    "đồng": ("money", 1),
    "triệu đồng": ("money", 10**6),
    "tỷ đồng": ("money", 10**9),
    "tấn": ("mass", 1000),
    "ha": ("area", 10**4),
    "m": ("len", 1),
    "km": ("len", 1000),
    "%": ("pct", 1),
}


def _key(f: dict) -> tuple:
    kind, factor = _SCALE.get(f["unit"], ("count:" + f["unit"].split()[0], 1))
    if "/" in f["unit"]:
        kind = f["unit"]
    return kind, round(f["value"] * factor, 6)


def _period(rng, year: int) -> tuple[str, int | None, str, str]:
    """(kind, index, label, label of the next period)."""
    kind = _weighted(rng, (("year", 30), ("half", 25), ("quarter", 25), ("months", 20)))
    if kind == "year":
        return kind, None, f"năm {year}", f"năm {year + 1}"
    if kind == "half":
        return kind, 1, f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}"
    if kind == "quarter":
        i = rng.randint(1, 4)
        nxt = f"quý {ROMAN[i]} năm {year}" if i < 4 else f"quý I năm {year + 1}"
        return kind, i, f"quý {ROMAN[i - 1]} năm {year}", nxt
    n = rng.choice(MONTHS_TO_DATE)
    return kind, n, f"{n} tháng đầu năm {year}", f"những tháng cuối năm {year}"


def _issued(rng, year: int, kind: str, index: int | None) -> dt.date:
    if kind == "year":
        month = rng.choice((11, 12, 12))
    elif kind == "half":
        month = 6
    elif kind == "quarter":
        month = 3 * index
    else:
        month = index
    return dt.date(year, month, rng.randint(8, 28))


def _subtitle(rng, issuer: str, lv: str, label: str, nxt: str) -> str:
    if issuer == "UBND":
        return rng.choice(
            (
                f"Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội {label} và phương hướng, nhiệm vụ {nxt}",
                f"Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội, quốc phòng - an ninh {label}",
                f"Công tác chỉ đạo, điều hành của UBND {lv} {label}",
            )
        )
    if issuer == "Đảng ủy":
        return rng.choice(
            (
                f"Kết quả lãnh đạo thực hiện nhiệm vụ chính trị {label}, phương hướng nhiệm vụ {nxt}",
                f"Sơ kết công tác xây dựng Đảng và lãnh đạo thực hiện nhiệm vụ chính trị {label}",
            )
        )
    return f"Kết quả hoạt động của Thường trực HĐND {lv} {label} và chương trình công tác {nxt}"


# ---------------------------------------------------------------- the body


def _render(c: Ctx, ch: Chunk) -> str:
    rng = c.rng
    r = rng.random()
    lead = ""
    if r < 0.18:
        lead = rng.choice(prose.LEADS)
    elif r < 0.3:
        lead = rng.choice(prose.CONNECTORS)
    if lead:
        ch.lower_first()
    tail = f", {rng.choice(prose.PURPOSES)}" if rng.random() < 0.12 else ""
    return f"{lead}{ch.text}{tail}."


def _accept(c: Ctx, ch: Chunk) -> bool:
    """Keep a chunk only if none of its facts could be confused with another fact of the report."""
    keys = [_key(f) for f in ch.facts]
    if len(set(keys)) < len(keys) or any(k in c.used for k in keys):
        return False
    c.used.update(keys)
    return True


def _next_chunk(c: Ctx, dom: str, pool: list, specials: list, error_rate: float) -> Chunk | None:
    """The next fact clause of a section, or None when the section has run out of indicators.

    Errors are paid out of a running "debt": each cross-checkable fact adds ``error_rate``
    and, once a whole error is owed, the next checkable relation is generated inconsistent.
    So the errors are ``error_rate`` of the checkable facts, spread evenly over the corpus.
    """
    rng = c.rng
    for _ in range(4):
        r = rng.random()
        owed = c.debt + error_rate >= 1  # counting this chunk's own share keeps the debt below 1
        if specials and r < 0.22:
            fn, checkable = specials.pop(rng.randrange(len(specials)))
            bad = checkable and owed
            ch = fn(c, dom, bad=bad) if fn is clauses.s_parts else fn(c, bad=bad)
        elif dom in PLAN_ONLY and r < 0.3:
            ch = clauses.s_plan_only(c, dom)
            if ch is None:
                continue
        elif pool:
            ind = pool.pop()
            fam = rng.choice(ind.fams)
            ch = clauses.FAMILIES[fam](c, ind, bad=owed and fam in clauses.CHECKABLE)
        else:
            return None
        if ch is not None and _accept(c, ch):
            c.debt += error_rate * ch.checkable - len(ch.errors)
            return ch
    return None


def _section_paragraphs(
    c: Ctx, dom: str, quota: int, fill: dict, bullets: bool, error_rate: float
) -> list[str]:
    rng = c.rng
    pool = list(BY_DOMAIN.get(dom, ()))
    rng.shuffle(pool)
    specials = [
        s
        for s in clauses.SPECIALS.get(dom, ())
        if not (s[0] is clauses.s_criteria and c.lv in ("phường", "thị trấn", "thị xã", "thành phố"))
    ]
    sentences: list[str] = []
    got = 0
    while got < quota:
        ch = _next_chunk(c, dom, pool, specials, error_rate)
        if ch is None:
            break
        got += len(ch.facts)
        c.checkable += ch.checkable
        c.facts.extend(ch.facts)
        c.errors.extend(ch.errors)
        sentences.append(_render(c, ch))
    paras: list[str] = [" ".join(prose.filler(rng, dom, fill) for _ in range(rng.randint(1, 3)))]
    if bullets:
        paras += ["- " + s for s in sentences]
    else:
        i = 0
        while i < len(sentences):
            k = rng.randint(1, 3)
            group = sentences[i : i + k]
            i += k
            if rng.random() < 0.7:
                group.append(prose.filler(rng, dom, fill))
            if rng.random() < 0.3:
                group.insert(0, prose.filler(rng, dom, fill))
            paras.append(" ".join(group))
    if rng.random() < 0.45:
        s, pairs = nonfacts.any_nonfact(rng, c)
        c.ignore(pairs)
        paras.append(s + " " + prose.filler(rng, dom, fill))
    paras.append(" ".join(prose.filler(rng, dom, fill) for _ in range(rng.randint(1, 3))))
    return paras


def _heading(style: int, level: int, n: int, parent_n: int, text: str) -> str:
    if level == 1:
        return f"{ROMAN[n]}. {text.upper()}"
    if level == 2:
        return f"{n + 1}. {text}" + (":" if style == 1 else "")
    return (f"{'abcdefgh'[n]}) {text}", f"- {text}:", f"{parent_n + 1}.{n + 1}. {text}")[style]


def _body(
    c: Ctx, issuer: str, label: str, nxt: str, fill: dict, n_facts: int, error_rate: float
) -> list[str]:
    rng = c.rng
    style = rng.randrange(3)
    if issuer == "UBND":
        main = [(f"Kết quả thực hiện nhiệm vụ {label}", [KT, VHXH, QPAN, CQ])]
    elif issuer == "Đảng ủy":
        main = [
            ("Kết quả lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội", [KT, VHXH, QPAN]),
            ("Công tác xây dựng Đảng và hệ thống chính trị", [DANG]),
        ]
    else:
        main = [
            ("Hoạt động của Thường trực Hội đồng nhân dân", [HDND]),
            ("Kết quả thực hiện nghị quyết của HĐND về phát triển kinh tế - xã hội", [KT, VHXH, QPAN]),
        ]
    subs = [dom for _, groups in main for _, items in groups for _, dom in items]
    weights = {d: len(BY_DOMAIN.get(d, ())) + 2 for d in subs}
    total_w = sum(weights.values())
    out: list[str] = []
    sec = 0
    for title, groups in main:
        out.append(_heading(style, 1, sec, 0, title))
        if sec == 0 and rng.random() < 0.6:  # an overview before the details
            ch = clauses.s_threshold(c)
            if _accept(c, ch):
                c.facts.extend(ch.facts)
                overview = [prose.filler(rng, "cq", fill), _render(c, ch), prose.filler(rng, "cq", fill)]
                out.append(" ".join(overview))
        sec += 1
        for gi, (gtitle, items) in enumerate(groups):
            single = len(groups) == 1 and len(items) == 1
            if not single:
                out.append(_heading(style, 2, gi, 0, gtitle))
            for ii, (ititle, dom) in enumerate(items):
                if len(items) > 1:
                    out.append(_heading(style, 3, ii, gi, ititle))
                quota = max(1, round(n_facts * weights[dom] / total_w))
                out += _section_paragraphs(
                    c, dom, quota, fill, bullets=rng.random() < 0.2, error_rate=error_rate
                )
    # a claim restated word for word: still one fact
    if c.facts and rng.random() < 0.3:
        pick = rng.choice(c.facts)
        if pick["quote"][:1].isupper():
            out.append(f"Nổi bật trong kỳ: {pick['quote']}.")
    out.append(_heading(style, 1, sec, 0, "Đánh giá chung"))
    sec += 1
    out += prose.evaluation(rng, fill)
    out.append(_heading(style, 1, sec, 0, f"Phương hướng, nhiệm vụ {nxt}"))
    c.ignore([(nxt.upper(), "period")])
    plans = []
    for k in rng.sample(range(len(nonfacts.PLANS)), rng.randint(2, 4)):
        s, pairs = nonfacts.plan(rng, c, k)
        c.ignore(pairs)
        plans.append(s)
    out.append(" ".join(plans))
    out += ["- " + s for s in prose.solutions(rng, rng.randint(3, 5))]
    return out


# ---------------------------------------------------------------- the whole report


# Units report again and again, as in a real archive (one commune's reports over several
# years, from its People's Committee and its Party committee), so the checks across reports
# have figures to compare: a report's unit is one of UNITS_PER_LEVEL per level.
UNITS_PER_LEVEL = 60


def _unit(rng, lv: str) -> tuple[str, str]:
    """(locality, parent): the same pair every time a level's slot is drawn."""
    slot = random.Random(f"unit:{lv}:{rng.randrange(UNITS_PER_LEVEL)}")
    loc = place(slot)
    return loc, place(slot, {loc})


def build_report(rng, error_rate: float) -> tuple[str, dict, list[dict], list[dict], int]:
    """(file text, document record, facts, errors, number of cross-checkable facts)."""
    # (the random draws keep their order: the same seed must give the same corpus)
    issuer = _weighted(rng, ISSUERS)
    lv = _weighted(rng, LEVEL_WEIGHTS)
    if issuer == "Đảng ủy" and lv == "thị trấn" and rng.random() < 0.5:
        lv = "xã"
    pl, big = LEVELS[lv]
    if lv == "phường" and rng.random() < 0.4:
        pl = "thị xã"
    loc, parent = _unit(rng, lv)
    parent = parent if rng.random() < 0.9 else None  # the parent is named, or not
    year = rng.randint(2019, 2025)
    kind, index, label, nxt = _period(rng, year)
    issued = _issued(rng, year, kind, index)
    c = _context(rng, year, kind, index, lv, pl, big)
    fill = {"lv": lv, "cq": c.cq, "pl": pl}
    c.ignore([(label, "period"), (label.upper(), "period")])

    subtitle = _subtitle(rng, issuer, lv, label, nxt)
    title = f"BÁO CÁO {subtitle}"
    c.ignore([(nxt, "period")])
    n_facts = rng.randint(32, 58)
    intro = _intro(c, issuer, lv, loc, pl, parent, label)
    body = [intro] + _body(c, issuer, label, nxt, fill, n_facts, error_rate)
    closing = _closing(rng, issuer, lv, pl)

    header, doc_number = _header(c, issuer, lv, loc, pl, parent)
    date_line = rng.random() < 0.95
    signer = person(rng) if rng.random() < 0.95 else None
    sig, signer_title = _signature(rng, issuer, lv, signer)
    recipients = _recipients(rng, issuer, lv, pl)
    official = _official_lines(c, header, loc, issued if date_line else None, subtitle, body, closing)
    official += recipients + [""] + sig if rng.random() < 0.6 else sig + [""] + recipients

    issued_date = issued if date_line else None
    lines = official
    if rng.random() < 0.3:  # a web page
        stripped = rng.random() < 0.35
        page_date = issued + dt.timedelta(days=rng.randint(0, 9))
        if stripped:  # a news page: title, page date, the report's body only
            inner = body + [closing]
            issued_date = page_date
            doc_number = signer = signer_title = None
        else:
            inner = official
            issued_date = issued if date_line else page_date
        lines = _web(c, loc, lv, parent, pl, title, page_date, inner, double=rng.random() < 0.3)
    text = "\n".join(_spaced(rng, lines)) + "\n"

    doc = {
        "title": title,
        "issuer": issuer,
        "admin_level": lv,
        "locality": loc,
        "parent_locality": parent,
        "doc_number": doc_number,
        "issued_date": issued_date.isoformat() if issued_date else None,
        "period": {"year": year, "kind": kind, "index": index, "label": label},
        "signer": signer,
        "signer_title": signer_title if signer else None,
        "ignored": c.ignored,
    }
    return text, doc, c.facts, c.errors, c.checkable


def _context(rng, year: int, kind: str, index: int | None, lv: str, pl: str, big: bool) -> Ctx:
    """The report's context: its period, its unit's level and its parent's, what a change is
    compared with."""
    vs = (
        ("năm trước", f"năm {year - 1}", "cùng kỳ")
        if kind == "year"
        else ("cùng kỳ", "cùng kỳ năm trước", f"cùng kỳ năm {year - 1}")
    )
    c = Ctx(
        rng=rng,
        year=year,
        kind=kind,
        index=index,
        lv=lv,
        pl=pl,
        cq=f"UBND {lv}",
        big=big,
        rural=lv in ("xã", "huyện"),
        vs=vs,
        next_year=year + 1 if kind == "year" else year,
    )
    c.debt = rng.random()  # a random phase, so errors land evenly across reports
    return c


def _official_lines(
    c: Ctx, header: list[str], loc: str, dated: dt.date | None, subtitle: str, body: list[str], closing: str
) -> list[str]:
    """The report as filed: header, date line (when `dated`), title, body and closing."""
    rng = c.rng
    official = header[:]
    if dated:
        day = f"{dated.day:02d}" if rng.random() < 0.5 else str(dated.day)
        dl = f"ngày {day} tháng {dated.month} năm {dated.year}"
        official += [f"{loc}, {dl}", ""]
        c.ignore([(dl, "date")])
    return official + ["BÁO CÁO", subtitle, ""] + body + [closing, ""]


def _spaced(rng, lines: list[str]) -> list[str]:
    """Paragraphs separated by a blank line, as scraped reports usually are."""
    out = []
    for ln in lines:
        out.append(ln)
        if ln and rng.random() < 0.85:
            out.append("")
    return out


def _intro(c: Ctx, issuer, lv, loc, pl, parent, label) -> str:
    rng = c.rng
    ref, pairs = nonfacts.reference(rng, c)
    c.ignore(pairs)
    who = {"UBND": f"UBND {lv}", "Đảng ủy": f"Ban Chấp hành Đảng bộ {lv}", "HĐND": f"Thường trực HĐND {lv}"}[
        issuer
    ]
    above = (
        f"sự chỉ đạo của {'UBND' if issuer != 'Đảng ủy' else 'Ban Thường vụ'} {pl} {parent}"
        if parent
        else "sự chỉ đạo của cấp trên"
    )
    s = f"{ref} Dưới {above}, {who} {loc} báo cáo kết quả thực hiện nhiệm vụ {label}, cụ thể như sau:"
    return s


def _committee(lv: str) -> str:
    """The Party committee of a unit: "Huyện ủy", "Thị ủy", "Thành ủy", else "Đảng ủy xã"."""
    return {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}.get(lv, f"Đảng ủy {lv}")


def _closing(rng, issuer, lv, pl) -> str:
    to = rng.choice((f"UBND {pl}", f"Thường trực HĐND {lv}", f"Ban Thường vụ {pl} ủy"))
    who = {"UBND": f"UBND {lv}", "Đảng ủy": _committee(lv), "HĐND": f"Thường trực HĐND {lv}"}[issuer]
    return f"Trên đây là báo cáo của {who}, kính gửi {to} theo dõi, chỉ đạo./."


def _header(c: Ctx, issuer, lv, loc, pl, parent) -> tuple[list[str], str | None]:
    rng = c.rng
    n = rng.randint(1, 320)
    num = f"{n:02d}" if n < 10 and rng.random() < 0.5 else str(n)
    lines = []
    if issuer == "UBND":
        if parent:
            lines.append(f"UBND {pl.upper()} {parent.upper()}")
        lines.append(f"{rng.choice(('ỦY BAN NHÂN DÂN', 'UBND'))} {lv.upper()} {loc.upper()}")
        number = f"{num}/BC-UBND"
    elif issuer == "HĐND":
        lines += [f"HỘI ĐỒNG NHÂN DÂN {lv.upper()} {loc.upper()}", "THƯỜNG TRỰC"]
        number = f"{num}/BC-HĐND"
    else:
        if parent:
            lines.append(f"ĐẢNG BỘ {pl.upper()} {parent.upper()}")
        lines += [f"{_committee(lv).upper()} {loc.upper()}", "*"]
        suffix = {"huyện": "HU", "thị xã": "TXU", "thành phố": "TU"}.get(lv, "ĐU")
        number = f"{num}-BC/{suffix}"
    if rng.random() < 0.05:  # a draft whose number was never filled in
        printed, number = f"Số:      /{number.split('/', 1)[1] if '/BC' in number else 'BC'}", None
    else:
        printed = f"Số: {number}" if issuer != "Đảng ủy" else f"Số {number}"
        c.ignore([(printed, "reference")])
    lines += [printed, ""]
    if issuer == "Đảng ủy":
        lines += ["ĐẢNG CỘNG SẢN VIỆT NAM", ""]
    else:
        motto = rng.choice(("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"))
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto, ""]
    return lines, number


def _signature(rng, issuer, lv, signer) -> tuple[list[str], str]:
    if issuer == "UBND":
        top, title = ("CHỦ TỊCH", "Chủ tịch") if rng.random() < 0.6 else ("PHÓ CHỦ TỊCH", "Phó Chủ tịch")
        block = (
            ["TM. ỦY BAN NHÂN DÂN", top]
            if top == "CHỦ TỊCH"
            else ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", top]
        )
    elif issuer == "HĐND":
        top, title = ("CHỦ TỊCH", "Chủ tịch") if rng.random() < 0.6 else ("PHÓ CHỦ TỊCH", "Phó Chủ tịch")
        block = ["TM. THƯỜNG TRỰC HĐND", top]
    else:
        top, title = ("BÍ THƯ", "Bí thư") if rng.random() < 0.5 else ("PHÓ BÍ THƯ", "Phó Bí thư")
        block = [rng.choice(("T/M BAN CHẤP HÀNH", "T/M BAN THƯỜNG VỤ")), top]
    if signer:
        block += ["", "(Đã ký)", signer] if rng.random() < 0.3 else ["", signer]
    return block, title


def _recipients(rng, issuer, lv, pl) -> list[str]:
    pool = [
        f"Thường trực {pl} ủy",
        f"UBND {pl}",
        f"Thường trực Đảng ủy {lv}",
        f"Thường trực HĐND {lv}",
        f"Ủy ban MTTQ {lv}",
        "Các ban, ngành, đoàn thể",
        "Các đại biểu HĐND",
        "Các thôn, tổ dân phố",
    ]
    picks = rng.sample(pool, rng.randint(3, 6))
    return ["Nơi nhận:"] + [f"- {p};" for p in picks] + ["- Lưu: VT."]


MENUS = (
    "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản chỉ đạo điều hành | Thủ tục hành chính | Liên hệ",
    "Trang chủ  Giới thiệu  Hệ thống chính trị  Tin tức  Công khai ngân sách  Hỏi đáp",
)


def _web(c: Ctx, loc, lv, parent, pl, title, page_date, inner, double) -> list[str]:
    rng = c.rng
    views = rng.randint(30, 25000)
    online = rng.randint(3, 90)
    total = rng.randint(20_000, 3_000_000)
    views_s = f"{views:,}".replace(",", ".")
    total_s = f"{total:,}".replace(",", ".")
    pd = page_date.strftime("%d/%m/%Y")
    house = rng.randint(1, 150)
    phone = f"0{rng.randint(200, 299)}.{rng.randint(3_000_000, 3_999_999)}"
    where = f"{lv} {loc}" + (f", {pl} {parent}" if parent else "")
    addr = f"Địa chỉ: số {house}, đường trung tâm, {where}"
    c.ignore(
        [
            (f"Ngày cập nhật {pd}", "page"),
            (f"Lượt xem: {views_s}", "page"),
            (f"Đang truy cập: {online}", "page"),
            (f"Tổng lượt truy cập: {total_s}", "page"),
            (f"số {house}", "address"),
            (phone, "phone"),
        ]
    )
    site = f"CỔNG THÔNG TIN ĐIỆN TỬ {lv.upper()} {loc.upper()}"
    lines = [
        site,
        rng.choice(MENUS),
        rng.choice(("Tìm kiếm", "Nhập từ khóa tìm kiếm...", "Tìm kiếm tin tức")),
        "Trang chủ > Tin tức > Báo cáo",
        title,
        f"Ngày cập nhật {pd}",
        f"Lượt xem: {views_s}",
        "",
    ]
    lines += inner
    if double:  # some portals print the article twice (the page and its print view)
        lines += ["", "In bài viết | Gửi email", ""] + inner
    lines += [
        "",
        "Tin liên quan",
        "- Hội nghị tổng kết công tác thi đua, khen thưởng",
        "- Triển khai nhiệm vụ trọng tâm của địa phương",
        "",
        "Thống kê truy cập",
        f"Đang truy cập: {online}",
        f"Tổng lượt truy cập: {total_s}",
        "",
        f"Bản quyền thuộc UBND {lv} {loc}",
        addr,
        f"Điện thoại: {phone}",
    ]
    return lines
