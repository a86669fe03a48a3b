"""Invented people, places and the catalogue of measurable indicators.

Place names are composed from common Vietnamese syllables; the seed reports'
localities and signers are excluded so that no synthetic report names a real
report's place or person.
"""

from __future__ import annotations

from dataclasses import dataclass

# Word lists read better as one string each (hence the SIM905 exemptions).
SYLLABLES = [
    "An",
    "Bình",
    "Châu",
    "Diên",
    "Đông",
    "Đức",
    "Giang",
    "Hà",
    "Hiệp",
    "Hòa",
    "Hưng",
    "Khánh",
    "Lạc",
    "Lâm",
    "Long",
    "Lộc",
    "Minh",
    "Mỹ",
    "Nam",
    "Nghĩa",
    "Ninh",
    "Phong",
    "Phú",
    "Phúc",
    "Phước",
    "Sơn",
    "Tân",
    "Tây",
    "Thạnh",
    "Thành",
    "Thịnh",
    "Thuận",
    "Tiến",
    "Trung",
    "Trường",
    "Vĩnh",
    "Yên",
    "Hải",
    "Kim",
    "Bảo",
    "Cát",
]  # noqa: SIM905
# Names are composed from common syllables and may coincide with real places by chance,
# as any invented Vietnamese place name can.
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Vũ Võ Đỗ Ngô Dương Lý Trịnh Đinh Mai Lương Tạ Hà Chu Lưu Tô".split()  # noqa: SIM905
MIDDLE_M = "Văn Đình Minh Hữu Quốc Công Đức Xuân Thanh Ngọc Trọng Quang".split()  # noqa: SIM905
MIDDLE_F = "Thị Thị Thu Ngọc Thanh Hồng Kim Bích Mỹ".split()  # noqa: SIM905
GIVEN_M = "Hùng Dũng Tuấn Sơn Long Khang Thắng Lợi Hải Nam Phong Tài Toàn Trung Quyết Cường Hiếu Tâm".split()  # noqa: SIM905
GIVEN_F = "Lan Hương Hạnh Hằng Nga Thủy Loan Huyền Dung Liên Yến Nhung Thảo Trang Vân".split()  # noqa: SIM905


def place(rng, avoid: set[str] = frozenset()) -> str:
    while True:
        a, b = rng.sample(SYLLABLES, 2)
        name = f"{a} {b}"
        if name not in avoid:
            return name


def person(rng) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


# Level of the reporting unit -> (level of its parent, whether the unit is "big": a district
# sized unit whose figures are roughly ten times a commune's).
LEVELS = {
    "xã": ("huyện", False),
    "phường": ("thành phố", False),
    "thị trấn": ("huyện", False),
    "huyện": ("tỉnh", True),
    "thị xã": ("tỉnh", True),
    "thành phố": ("tỉnh", True),
}


@dataclass(frozen=True)
class Ind:
    """A measurable indicator and how reports phrase it.

    kind "m" (a measure) is printed "<pre> <verb> <number> <unit>"; kind "c" (a counted noun)
    is printed "<pre> <number> <unit> <post>". ``fams`` lists the relations the indicator
    can take part in (see clauses.py); ``lo``/``hi`` are a commune's range, multiplied by
    ``big`` for a district-sized unit.
    """

    key: str
    dom: str
    kind: str
    pre: str
    unit: str
    lo: float
    hi: float
    decs: tuple[int, ...]
    fams: tuple[str, ...]
    ind: str
    big: float
    post: str
    subj: str  # how a change-only sentence names it ("Số vụ tai nạn giao thông")


# One indicator a line:
# key | domain | kind | phrase | unit | low | high | decimals | relations | indicator | big | after unit | subject
# Empty trailing columns take defaults: the indicator is the phrase in lower case, "big" is 10 for a
# measure and 8 for a count, the subject of a change-only sentence is the phrase itself (measures only).
_TABLE = """
gieo_trong | nn | m | Tổng diện tích gieo trồng | ha | 300 | 3000 | 0,1 | plain plan same chg chgonly
lua | nn | m | Diện tích gieo cấy lúa | ha | 200 | 1500 | 0,1 | plain plan chg chgonly
nang_suat | nn | m | Năng suất lúa bình quân | tạ/ha | 48 | 68 | 1 | plain chg same |  | 1
luong_thuc | nn | m | Sản lượng lương thực có hạt | tấn | 900 | 9000 | 0,1 | plain plan same chg
rau_mau | nn | m | Diện tích cây rau màu các loại | ha | 40 | 400 | 0,1 | plain plan chg chgonly
trau | nn | m | Tổng đàn trâu | con | 150 | 1500 | 0 | plain chg same chgonly
bo | nn | m | Tổng đàn bò | con | 300 | 3000 | 0 | plain chg same plan
lon | nn | m | Tổng đàn lợn | con | 2000 | 15000 | 0 | plain chg same plan
gia_cam | nn | m | Tổng đàn gia cầm | con | 20000 | 150000 | 0 | plain chg same
thuy_san | nn | m | Sản lượng nuôi trồng và khai thác thủy sản | tấn | 50 | 900 | 0,1,2 | plain chg same plan
rung | nn | m | Diện tích trồng rừng tập trung | ha | 10 | 150 | 0,1 | plain plan chg
cn | cn | m | Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp | tỷ đồng | 40 | 600 | 0,1,2 | plain plan same chg
ban_le | cn | m | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ | tỷ đồng | 60 | 900 | 0,1,2 | plain plan same chg
du_lich | cn | m | Doanh thu từ hoạt động du lịch | tỷ đồng | 3 | 60 | 1,2 | plain same chg chgonly
doanh_nghiep | cn | c | Thành lập mới | doanh nghiệp | 3 | 30 | 0 | plain plan chg | doanh nghiệp thành lập mới
htx | cn | c | Thành lập mới | hợp tác xã | 1 | 6 | 0 | plain | hợp tác xã thành lập mới | 2
ho_kd | cn | c | Cấp giấy chứng nhận đăng ký cho | hộ | 20 | 160 | 0 | plain chg | hộ kinh doanh được cấp đăng ký |  | kinh doanh cá thể
thu_ns | tc | m | Tổng thu ngân sách nhà nước trên địa bàn | tỷ đồng | 4 | 40 | 0,1,2,3 | plain plan two same chg
thu_ns_tr | tc | m | Thu ngân sách | triệu đồng | 3000 | 30000 | 0 | plain plan two same |  | 1
chi_ns | tc | m | Tổng chi ngân sách | tỷ đồng | 4 | 40 | 0,1,2 | plain plan same
thu_dat | tc | m | Thu tiền sử dụng đất | tỷ đồng | 1 | 30 | 0,1,2 | plain plan chg
thu_thue | tc | m | Thu thuế ngoài quốc doanh | triệu đồng | 500 | 9000 | 0 | plain plan same chg
phi_cho | tc | m | Thu phí chợ | đồng | 100000000 | 900000000 | 0 | plain plan |  | 3
giai_ngan | xd | m | Giải ngân vốn đầu tư công | tỷ đồng | 5 | 80 | 0,1,2,3 | plain plan
duong | xd | m | Bê tông hóa đường giao thông nông thôn | km | 1 | 12 | 1,2 | plain plan chg |  | 4
duong_m | xd | m | Nâng cấp, mở rộng đường ngõ xóm | m | 300 | 3000 | 0 | plain plan |  | 3
ntm_von | xd | m | Tổng vốn huy động xây dựng nông thôn mới | tỷ đồng | 3 | 60 | 0,1,2 | plain plan chg
gcn | xd | c | Cấp | giấy chứng nhận | 30 | 400 | 0 | plain plan chg | giấy chứng nhận quyền sử dụng đất |  | quyền sử dụng đất
vi_pham_dat | xd | c | Phát hiện, xử lý | trường hợp | 2 | 25 | 0 | plain chg | trường hợp vi phạm đất đai, xây dựng |  | vi phạm về đất đai, xây dựng
tn_thcs | gd | m | Tỷ lệ học sinh tốt nghiệp trung học cơ sở | % | 94 | 99.9 | 1,2 | plain chg |  | 1
truong_chuan | gd | c | Có | trường | 2 | 6 | 0 | plain ab | trường đạt chuẩn quốc gia | 6 | đạt chuẩn quốc gia
hoc_bong | gd | c | Trao | suất | 20 | 200 | 0 | plain chg | suất học bổng |  | học bổng cho học sinh nghèo vượt khó
kham_benh | yt | c | Khám, chữa bệnh cho | lượt người | 1500 | 12000 | 0 | plain chg same | khám, chữa bệnh
bhyt | yt | m | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 86 | 97 | 1,2 | plain chg |  | 1
suy_dd | yt | m | Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi | % | 6 | 15 | 1,2 | plain chg |  | 1
tiem_chung | yt | c | Tiêm chủng đầy đủ cho | trẻ | 80 | 400 | 0 | plain plan | trẻ được tiêm chủng đầy đủ |  | trong độ tuổi
viec_lam | ld | c | Giải quyết việc làm mới cho | lao động | 60 | 600 | 0 | plain plan chg ab | giải quyết việc làm mới
xkld | ld | c | Đưa | người | 5 | 60 | 0 | plain plan chg ab | người đi làm việc ở nước ngoài |  | đi làm việc ở nước ngoài theo hợp đồng
thu_nhap | ld | m | Thu nhập bình quân đầu người | triệu đồng/người/năm | 38 | 78 | 0,1 | plain ab chg same |  | 1
lao_dong_dt | ld | m | Tỷ lệ lao động qua đào tạo | % | 55 | 80 | 0,1,2 | plain chg |  | 1
tro_cap | ld | m | Chi trả trợ cấp hằng tháng cho đối tượng bảo trợ xã hội với tổng kinh phí | đồng | 150000000 | 950000000 | 0 | plain |  | 4
nha_dkd | ld | c | Hỗ trợ xây mới và sửa chữa | nhà | 3 | 25 | 0 | plain plan ab | nhà đại đoàn kết |  | đại đoàn kết
gdvh | vh | m | Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa | % | 82 | 96 | 1,2 | plain chg |  | 1
tuyen_truyen | vh | c | Tổ chức | buổi | 12 | 90 | 0 | plain chg | buổi tuyên truyền lưu động |  | tuyên truyền lưu động
van_nghe | vh | c | Tổ chức | đêm | 3 | 15 | 0 | plain | đêm văn nghệ phục vụ nhân dân |  | văn nghệ phục vụ nhân dân
tin_bai | vh | c | Đăng tải | tin | 40 | 300 | 0 | plain chg | tin, bài trên trang thông tin điện tử |  | , bài trên trang thông tin điện tử
tuyen_quan | qp | c | Giao | thanh niên | 8 | 30 | 0 | ab | thanh niên nhập ngũ | 6 | nhập ngũ
dan_quan | qp | c | Huấn luyện cho | chiến sĩ | 40 | 120 | 0 | plain plan | chiến sĩ dân quân được huấn luyện |  | dân quân
vu_tngt | an | c | Trên địa bàn xảy ra | vụ | 2 | 12 | 0 | plain chg chgonly | tai nạn giao thông |  | tai nạn giao thông | Số vụ tai nạn giao thông
vu_hinh_su | an | c | Điều tra, làm rõ | vụ | 2 | 15 | 0 | plain chg | vụ phạm pháp hình sự |  | phạm pháp hình sự
xu_phat | an | c | Lập biên bản xử phạt vi phạm hành chính | trường hợp | 10 | 90 | 0 | plain chg | trường hợp bị xử phạt vi phạm hành chính
hoso | cq | c | Tiếp nhận và giải quyết | hồ sơ | 400 | 4000 | 0 | plain chg same | hồ sơ thủ tục hành chính |  | thủ tục hành chính
tiep_dan | cq | c | Tiếp | lượt công dân | 10 | 120 | 0 | plain chg | lượt công dân đến kiến nghị |  | đến kiến nghị, phản ánh
don_thu | cq | c | Tiếp nhận | đơn | 5 | 60 | 0 | plain chg | đơn khiếu nại, tố cáo, kiến nghị |  | khiếu nại, tố cáo, kiến nghị
dang_vien | dang | c | Kết nạp | đảng viên | 4 | 20 | 0 | plain plan ab | đảng viên mới |  | mới
kiem_tra | dang | c | Kiểm tra | tổ chức đảng | 3 | 15 | 0 | plain | tổ chức đảng được kiểm tra | 4
hoc_tap | dang | c | Tổ chức | hội nghị | 2 | 12 | 0 | plain | hội nghị học tập, quán triệt nghị quyết | 3 | học tập, quán triệt nghị quyết
luot_hoc | dang | c | Thu hút | lượt cán bộ | 300 | 2000 | 0 | plain | lượt cán bộ, đảng viên tham gia học tập |  | , đảng viên tham gia học tập
co_so_dang | dang | m | Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ | % | 80 | 98 | 1,2 | plain |  | 1
tiep_xuc | hdnd | c | Phối hợp tổ chức | cuộc | 4 | 20 | 0 | plain | cuộc tiếp xúc cử tri | 3 | tiếp xúc cử tri
y_kien | hdnd | c | Tổng hợp | ý kiến | 20 | 150 | 0 | plain chg | ý kiến, kiến nghị của cử tri |  | , kiến nghị của cử tri
giam_sat | hdnd | c | Thực hiện | cuộc | 2 | 8 | 0 | plain | cuộc giám sát chuyên đề | 2 | giám sát chuyên đề
"""


def _lc(s: str) -> str:
    """Lower-case the first letter unless the word is an acronym ("UBND" stays)."""
    if len(s) > 1 and s[1].isupper():
        return s
    return s[:1].lower() + s[1:]


def _parse(line: str) -> Ind:
    cols = [c.strip() for c in line.split("|")] + [""] * 13
    key, dom, kind, pre, unit, lo, hi, decs, fams, ind, big, post, subj = cols[:13]
    if post and not post.startswith(","):
        post = " " + post
    return Ind(
        key=key,
        dom=dom,
        kind=kind,
        pre=pre,
        unit=unit,
        lo=float(lo),
        hi=float(hi),
        decs=tuple(int(d) for d in decs.split(",")),
        fams=tuple(fams.split()),
        ind=ind or _lc(pre),
        big=float(big or (10 if kind == "m" else 8)),
        post=post,
        subj=subj or (pre if kind == "m" else ""),
    )


INDICATORS: tuple[Ind, ...] = tuple(_parse(ln) for ln in _TABLE.strip().splitlines())

# Whole-task percentages ("đạt 100% KH" with no achieved amount): the percentage is the value.
PLAN_ONLY = {
    "nn": (
        "Tiêm phòng vắc xin cho đàn trâu, bò",
        "Tiêm phòng dại cho đàn chó",
        "Chuyển đổi cơ cấu cây trồng trên đất lúa",
        "Phun thuốc khử trùng chuồng trại",
    ),
    "tc": ("Thu thuế sử dụng đất phi nông nghiệp", "Thu các khoản phí, lệ phí"),
    "qp": ("Công tác huấn luyện lực lượng dân quân", "Công tác đăng ký nghĩa vụ quân sự"),
    "dang": ("Công tác thu nộp đảng phí", "Kế hoạch kiểm tra, giám sát của cấp ủy"),
    "cq": ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",),
    "vh": ("Kế hoạch tổ chức các hoạt động văn hóa, thể thao",),
}

BY_DOMAIN: dict[str, list[Ind]] = {}
for _ind in INDICATORS:
    BY_DOMAIN.setdefault(_ind.dom, []).append(_ind)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
