"""Sentences whose numbers are NOT facts (GUIDE.md, "Do NOT label").

Each generator returns the sentence and the (text, why) pairs for the document's
``ignored`` list; every such text is an exact substring of the sentence, so a test
can check that no digit of a report is left unaccounted for.
"""

from __future__ import annotations

from bench.vocab import ROMAN

NN = list[tuple[str, str]]


def _date(rng, year: int, month: int | None = None) -> str:
    m = month or rng.randint(1, 12)
    d = rng.randint(1, 28)
    return f"{d:02d}/{m:02d}/{year}" if rng.random() < 0.6 else f"{d}/{m}/{year}"


def reference(rng, c) -> tuple[str, NN]:
    """A legal or administrative reference with its date."""
    y = c.year - rng.randint(0, 2)
    n = rng.randint(1, 180)
    date = _date(rng, y)
    kind = rng.randrange(5)
    if kind == 0:
        ref = f"Nghị quyết số {n}/NQ-HĐND"
        s = f"Thực hiện {ref} ngày {date} của HĐND {c.lv} về nhiệm vụ phát triển kinh tế - xã hội năm {c.year}"
    elif kind == 1:
        ref = f"Kế hoạch số {n}/KH-UBND"
        s = f"Căn cứ {ref} ngày {date} của {c.cq} về triển khai nhiệm vụ trọng tâm năm {c.year}"
    elif kind == 2:
        ref = f"Chỉ thị số {rng.randint(1, 40):02d}-CT/TU"
        s = f"Quán triệt {ref} ngày {date} của Ban Thường vụ Tỉnh ủy"
    elif kind == 3:
        ref = f"Nghị định số {rng.randint(10, 160)}/{y}/NĐ-CP"
        s = f"Triển khai thực hiện {ref} của Chính phủ, các chế độ chính sách được áp dụng kịp thời"
    else:
        ref = f"Quyết định số {rng.randint(100, 4000)}/QĐ-UBND"
        s = f"Theo {ref} ngày {date} của UBND {c.pl}, địa phương được giao nhiệm vụ cụ thể"
    out = [(ref, "reference")]
    if date in s:
        out.append((f"ngày {date}", "date"))
    if f"năm {c.year}" in s:
        out.append((f"năm {c.year}", "date"))
    return s + ".", out


def term(rng, c) -> tuple[str, NN]:
    """Terms, sessions, congresses: ordinals and year ranges."""
    k = rng.randrange(4)
    if k == 0:
        t = "nhiệm kỳ 2021-2026" if rng.random() < 0.5 else "nhiệm kỳ 2021 - 2026"
        s = f"Thường trực HĐND {c.lv} {t} đã duy trì tốt chế độ làm việc theo quy chế"
        return s + ".", [(t, "term")]
    if k == 1:
        ses = f"kỳ họp thứ {rng.randint(2, 12)}"
        kh = f"khóa {rng.choice(ROMAN[8:14])}"
        s = f"Chuẩn bị nội dung trình {ses}, HĐND {c.lv} {kh} bảo đảm chất lượng"
        return s + ".", [(ses, "ordinal"), (kh, "term")]
    if k == 2:
        g = "giai đoạn 2021-2025" if rng.random() < 0.5 else "giai đoạn 2026-2030"
        s = f"Chương trình mục tiêu quốc gia {g} được triển khai đồng bộ"
        return s + ".", [(g, "term")]
    dh = f"lần thứ {rng.choice(ROMAN[9:15])}"
    s = f"Các chi bộ tiếp tục cụ thể hóa Nghị quyết Đại hội Đảng bộ {c.lv} {dh} bằng các chương trình hành động"
    return s + ".", [(dh, "ordinal")]


def anniversary(rng, c) -> tuple[str, NN]:
    k = rng.randrange(4)
    if k == 0:
        n = c.year - 1930
        a = f"{n} năm Ngày thành lập Đảng Cộng sản Việt Nam"
        span = f"03/02/1930 - 03/02/{c.year}"
        return f"Tổ chức các hoạt động chào mừng kỷ niệm {a} ({span}).", [(a, "anniversary"), (span, "date")]
    if k == 1:
        n = c.year - 1945
        a = f"{n} năm Cách mạng tháng Tám thành công và Quốc khánh 2/9"
        return f"Trang trí cờ, khẩu hiệu chào mừng {a}.", [(a, "anniversary")]
    if k == 2:
        age = rng.choice((70, 75, 80, 85, 90, 100))
        t = f"tròn {age} tuổi" if age >= 90 else f"từ {age} tuổi trở lên"
        return f"Phối hợp Hội Người cao tuổi tổ chức mừng thọ các cụ {t}.", [(t, "age")]
    y = c.year - 1944
    a = f"{y} năm Ngày thành lập Quân đội nhân dân Việt Nam"
    return f"Tổ chức gặp mặt cựu chiến binh nhân dịp kỷ niệm {a}.", [(a, "anniversary")]


def named(rng, c) -> tuple[str, NN]:
    """Names that contain numbers: hamlets, teams, roads, a disease, vaccine doses."""
    k = rng.randrange(5)
    if k == 0:
        a, b = rng.sample(range(1, 15), 2)
        t1, t2 = (f"thôn {a}", f"thôn {b}") if c.rural else (f"tổ dân phố {a}", f"tổ dân phố {b}")
        s = f"Tuyến đường nối {t1} với {t2} đã được nâng cấp, đi lại thuận lợi hơn"
        return s + ".", [(t1, "name"), (t2, "name")]
    if k == 1:
        ql = f"quốc lộ {rng.randint(1, 60)}{rng.choice(('', 'A', 'B'))}"
        s = f"Lực lượng công an phối hợp tuần tra trên tuyến {ql} đoạn qua địa bàn"
        return s + ".", [(ql, "name")]
    if k == 2:
        s = "Tiếp tục theo dõi, phòng chống dịch Covid-19 và các dịch bệnh truyền nhiễm khác"
        return s + ".", [("Covid-19", "name")]
    if k == 3:
        d = f"mũi {rng.randint(2, 4)}"
        s = f"Vận động người dân trong độ tuổi tiêm {d} vắc xin theo hướng dẫn của ngành y tế"
        return s + ".", [(d, "name")]
    d = f"đội {rng.randint(1, 12)}"
    s = f"Mô hình cánh đồng lớn tại {d} tiếp tục phát huy hiệu quả"
    return s + ".", [(d, "name")]


def dated_event(rng, c) -> tuple[str, NN]:
    m = rng.randint(1, 12)
    d1 = rng.randint(1, 20)
    span = f"từ ngày {d1:02d}/{m:02d} đến ngày {d1 + rng.randint(2, 7):02d}/{m:02d}/{c.year}"
    s = f"Đợt cao điểm ra quân làm sạch môi trường diễn ra {span} với sự tham gia đông đảo của nhân dân"
    return s + ".", [(span, "date")]


GENERATORS = (reference, term, anniversary, named, dated_event)


def any_nonfact(rng, c) -> tuple[str, NN]:
    return rng.choice(GENERATORS)(rng, c)


PLANS = range(5)


def plan(rng, c, k: int) -> tuple[str, NN]:
    """Target ``k`` for the coming period: numbers that are plans, never facts."""
    y = c.next_year
    if k == 0:
        x = rng.randint(5, 60) * (10 if c.big else 1)
        t = f"{x} tỷ đồng"
        s = f"Phấn đấu tổng thu ngân sách năm {y} đạt {t} trở lên"
    elif k == 1:
        t = f"{rng.randint(4, 20)} đảng viên mới"
        s = f"Phấn đấu trong năm {y} kết nạp {t}"
    elif k == 2:
        t = f"{rng.randint(10, 90)} ha"
        s = f"Dự kiến trồng mới {t} rừng tập trung, chăm sóc tốt diện tích rừng hiện có"
    elif k == 3:
        x = rng.randint(1, 4)
        t = f"{x},{rng.randint(1, 9)}%"
        s = f"Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới {t} vào cuối năm {y}"
    else:
        t = f"{rng.randint(60, 99)}%"
        s = f"Chỉ tiêu phấn đấu: tỷ lệ hồ sơ giải quyết trực tuyến đạt trên {t}"
    out = [(t, "plan")]
    if f"năm {y}" in s:
        out.append((f"năm {y}", "date"))
    return s + ".", out
