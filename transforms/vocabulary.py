"""The words the fact extractor knows: what a counted noun can be, and which words before a number
make it a name, a date or a place rather than a quantity.

Only lexical lists live here; the small word sets of a single rule stay next to that rule.
"""

import re

from transforms import admin_levels

LETTER = r"[^\W\d_]"  # one letter (Vietnamese included)
WORD_RE = re.compile(rf"{LETTER}+")

# Multi-word counted nouns kept whole as the unit ("doanh nghiệp", not "doanh").
COMPOUND_NOUNS = frozenset(
    """
    doanh nghiệp|hợp tác xã|tiêu chí|hồ sơ|lượt người|lượt khách|lượt chi bộ|đảng viên|thanh niên|trẻ em
    |công trình|trường hợp|quần chúng|nhiệm vụ|văn bản|công văn|quyết định|báo cáo|kế hoạch|tờ trình
    |chỉ tiêu|học viên|học sinh|giáo viên|bệnh nhân|đối tượng|viên chức|công chức|cán bộ|cây xanh
    |suất quà|xuất quà|băng zôn|băng rôn|câu khẩu hiệu|khẩu hiệu|hội quán|phiên hội ý|cuộc họp|thông báo
    |dự án|giấy xác nhận|giấy chứng nhận|bộ hồ sơ|chi bộ|nghị quyết|chỉ thị|hướng dẫn|đồng chí|lao động
    |hộ gia đình|hội viên|đoàn viên|nhân khẩu|gia đình|cơ sở|trang trại|mô hình|sản phẩm|lớp học|hội nghị
    |lượt xe|phương tiện|tổ chức|cơ quan|đơn vị|thôn xóm|khu dân cư|tổ dân phố|bộ phận|giấy phép
    |cuộc kiểm tra|cuộc thanh tra|vụ việc|vụ án|đơn thư|lượt công dân|ngôi nhà|căn nhà|nhà ở|con giống
    |tuyến đường|km đường|trường học|phòng học|điểm trường|cây giống|lượt|chuyến|tin bài
    |ý kiến|công dân|chiến sĩ|thị trấn|thành phố|giấy chứng nhận|đêm văn nghệ|buổi tuyên truyền|kỳ họp
    """.replace("\n", "").split("|")
)
COMPOUND_NOUNS = frozenset(n.strip() for n in COMPOUND_NOUNS if n.strip())

# Two units of administration counted together, joined by a comma ("9/9 xã, phường"): one unit.
PAIRED_NOUNS = frozenset(["xã, phường", "xã, thị trấn", "phường, xã", "phường, thị trấn"])

# Place words that are no place when the word before them makes another noun ("biên bản 12").
NOT_PLACE_PHRASES = frozenset(["biên bản", "văn bản", "cơ bản"])

# Units of administration: counted ("8/11 xã đạt chuẩn"), unless a proper name follows.
PLACE_NOUNS = admin_levels.single_word_levels()  # xã, phường, huyện, quận, tỉnh

# Words that cannot be a counted noun: time and age units (their numbers are no facts),
# function words and verbs (the number has no unit), organisations (a number before them is
# a name or a date).
TIME_WORDS = frozenset(
    ["năm", "tháng", "ngày", "giờ", "phút", "giây", "tuổi", "tuần", "quý", "kỳ", "khóa", "khoá", "thế"]
)
NOT_NOUNS = frozenset(
    [
        "và",
        "với",
        "của",
        "là",
        "đạt",
        "được",
        "có",
        "cho",
        "tại",
        "trong",
        "trên",
        "dưới",
        "từ",
        "đến",
        "so",
        "tăng",
        "giảm",
        "bằng",
        "theo",
        "về",
        "ở",
        "thì",
        "mà",
        "các",
        "những",
        "này",
        "đã",
        "đang",
        "sẽ",
        "còn",
        "chiếm",
        "vượt",
        "gồm",
        "như",
        "hoặc",
        "hay",
        "lên",
        "xuống",
        "nay",
        "qua",
        "loại",
        "trở",
        "tới",
        "khi",
        "để",
        "do",
        "vì",
        "nhưng",
        "cùng",
        "sau",
        "trước",
        "ra",
        "vào",
        "tính",
        "đầu",
        "cuối",
        "giữa",
        "ngoài",
        "mới",
        "hết",
        "thêm",
        "lại",
        "nên",
        "hơn",
        "gần",
        "khoảng",
        "ước",
        "ubnd",
        "hđnd",
        "ubmttq",
        "mttq",
        "btv",
        "bch",
        "ban",
        "sở",
        "phòng",
        "thị",
        "thành",
        "quận",
    ]
)


# The last words before a number that make it a name, a date or a reference, not a quantity:
# "Nghị quyết 04", "lần thứ 3", "mũi 2", "giai đoạn 2", "Covid 19", "số 5" (but "tổng số 464 hồ sơ"
# is a count). They are looked up as the last one or two words, which is cheap.
NAME_WORDS = frozenset(
    [
        "số",
        "thứ",
        "lần",
        "kỳ",
        "khóa",
        "khoá",
        "đợt",
        "mũi",
        "covid",
        "chương",
        "điều",
        "khoản",
        "mục",
        "top",
        "hạng",
    ]
)
NAME_PHRASES = frozenset(
    [
        *("giai đoạn", "nhiệm kỳ", "phụ lục", "cấp độ", "lần thứ", "kỷ niệm", "đề án", "chương trình"),
        *("nghị quyết", "quyết định", "chỉ thị", "nghị định", "thông tư", "công văn", "kết luận"),
        *("quy chuẩn", "tiêu chuẩn"),
    ]
)
# Places and groups named by a number: "quốc lộ 47", "thôn 3", "tổ 5", "đội 2", "lớp 9". A number
# with a measure after such a word is an amount of the place ("ngân sách phường 11 tỷ đồng",
# "đường ngõ xóm 1.580 m"), so these words only rule out counts and bare numbers.
PLACE_WORDS = frozenset(
    [
        "lộ",
        "đường",
        "tổ",
        "đội",
        "thôn",
        "xóm",
        "ấp",
        "bản",
        "phố",
        "phường",
        "khu",
        "kiệt",
        "hẻm",
        "ngõ",
        "lô",
        "ô",
        "học",
        "lớp",
        "vùng",
        "tuyến",
        "km",
        "đủ",
        "nhóm",
        "loại",
        "khối",
        "trạm",
    ]
)
