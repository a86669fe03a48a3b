"""A catalog of the indicators local progress reports keep coming back to, and fuzzy matching of
an indicator phrase as written ("thu ngân sách nhà nước trên địa bàn xã") to its canonical code.

Each indicator has a stable code (the warehouse's dim_indicator key), a canonical Vietnamese
name, the report section it belongs to (domain), the ways reports usually phrase it, and the
kinds of unit it is measured in. The unit decides between a count and a rate of the same thing
("hộ nghèo" in hộ is POOR_HOUSEHOLDS, in % it is POOR_HOUSEHOLD_RATE).
"""

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

ECONOMY = "kinh tế"
SOCIETY = "văn hóa - xã hội"
DEFENCE = "quốc phòng - an ninh"
PARTY = "xây dựng Đảng và hệ thống chính trị"

# Unit kinds (see `unit_kind`).
PERCENT, MONEY, MASS, AREA, LENGTH, YIELD, PER_PERSON, COUNT = (
    "percent",
    "money",
    "mass",
    "area",
    "length",
    "yield",
    "per_person",
    "count",
)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    domain: str
    phrasings: tuple[str, ...]
    unit_kinds: frozenset[str] = frozenset()  # empty: any unit


def _ind(code: str, name: str, domain: str, phrasings: tuple[str, ...], *kinds: str) -> Indicator:
    return Indicator(code, name, domain, (name.lower(), *phrasings), frozenset(kinds))


INDICATORS: tuple[Indicator, ...] = (
    # --- kinh tế ------------------------------------------------------------------------------
    _ind(
        "ECONOMIC_GROWTH",
        "Tốc độ tăng trưởng kinh tế",
        ECONOMY,
        (
            "tăng trưởng kinh tế",
            "tốc độ tăng trưởng grdp",
            "tốc độ tăng giá trị sản xuất",
            "tăng trưởng grdp",
        ),
        PERCENT,
    ),
    _ind(
        "PRODUCTION_VALUE",
        "Tổng giá trị sản xuất",
        ECONOMY,
        ("giá trị sản xuất trên địa bàn", "tổng giá trị sản xuất các ngành", "tổng giá trị sản phẩm"),
        MONEY,
    ),
    _ind(
        "AGR_PRODUCTION_VALUE",
        "Giá trị sản xuất nông, lâm, thủy sản",
        ECONOMY,
        (
            "giá trị sản xuất nông nghiệp",
            "giá trị sản xuất ngành nông nghiệp",
            "giá trị sản xuất nông lâm ngư nghiệp",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "INDUSTRY_VALUE",
        "Giá trị sản xuất công nghiệp - xây dựng",
        ECONOMY,
        (
            "giá trị sản xuất công nghiệp",
            "giá trị sản xuất tiểu thủ công nghiệp",
            "giá trị sản xuất công nghiệp tiểu thủ công nghiệp xây dựng",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "RETAIL_SALES",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        ECONOMY,
        ("tổng mức bán lẻ hàng hóa", "tổng mức bán lẻ hàng hóa và dịch vụ", "doanh thu bán lẻ hàng hóa"),
        MONEY,
        PERCENT,
    ),
    _ind(
        "SERVICES_VALUE",
        "Giá trị sản xuất thương mại - dịch vụ",
        ECONOMY,
        (
            "giá trị sản xuất dịch vụ",
            "giá trị thương mại dịch vụ",
            "giá trị sản xuất ngành thương mại dịch vụ",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "AGR_FOOD_OUTPUT",
        "Tổng sản lượng lương thực",
        ECONOMY,
        ("sản lượng lương thực", "sản lượng lương thực có hạt", "tổng sản lượng lương thực cây có hạt"),
        MASS,
        PERCENT,
    ),
    _ind(
        "RICE_AREA",
        "Diện tích gieo trồng lúa",
        ECONOMY,
        (
            "diện tích lúa",
            "diện tích gieo cấy lúa",
            "gieo cấy lúa",
            "diện tích trồng lúa",
            "diện tích lúa cả năm",
        ),
        AREA,
    ),
    _ind("RICE_YIELD", "Năng suất lúa", ECONOMY, ("năng suất lúa bình quân", "năng suất lúa cả năm"), YIELD),
    _ind("RICE_OUTPUT", "Sản lượng lúa", ECONOMY, ("sản lượng lúa cả năm", "tổng sản lượng lúa"), MASS),
    _ind(
        "CROP_AREA",
        "Tổng diện tích gieo trồng",
        ECONOMY,
        ("diện tích gieo trồng", "tổng diện tích gieo trồng cây hàng năm", "diện tích gieo trồng cây màu"),
        AREA,
    ),
    _ind(
        "CROP_CONVERSION_AREA",
        "Diện tích chuyển đổi cơ cấu cây trồng",
        ECONOMY,
        ("chuyển đổi cơ cấu cây trồng", "chuyển đổi đất lúa", "diện tích chuyển đổi đất trồng lúa"),
        AREA,
        PERCENT,
    ),
    _ind("PIG_HERD", "Tổng đàn lợn", ECONOMY, ("đàn lợn", "tổng đàn heo", "đàn heo"), COUNT, PERCENT),
    _ind(
        "CATTLE_HERD",
        "Tổng đàn trâu, bò",
        ECONOMY,
        ("đàn trâu bò", "tổng đàn trâu", "tổng đàn bò", "đàn bò", "đàn trâu"),
        COUNT,
        PERCENT,
    ),
    _ind("POULTRY_HERD", "Tổng đàn gia cầm", ECONOMY, ("đàn gia cầm", "tổng đàn gà vịt"), COUNT, PERCENT),
    _ind(
        "LIVESTOCK_VACCINATION",
        "Tiêm phòng cho đàn vật nuôi",
        ECONOMY,
        (
            "tiêm phòng gia súc gia cầm",
            "tiêm phòng cho đàn gia súc",
            "tiêm phòng lở mồm long móng",
            "tiêm phòng dại",
        ),
    ),
    _ind(
        "AQUACULTURE_OUTPUT",
        "Sản lượng thủy sản",
        ECONOMY,
        ("sản lượng nuôi trồng thủy sản", "sản lượng khai thác thủy sản", "tổng sản lượng thủy sản"),
        MASS,
    ),
    _ind(
        "AQUACULTURE_AREA",
        "Diện tích nuôi trồng thủy sản",
        ECONOMY,
        ("diện tích nuôi trồng thủy sản", "diện tích nuôi thủy sản", "diện tích nuôi tôm"),
        AREA,
    ),
    _ind(
        "NEW_FOREST_AREA",
        "Diện tích trồng rừng mới",
        ECONOMY,
        ("trồng rừng", "trồng rừng tập trung", "diện tích rừng trồng mới", "trồng mới rừng"),
        AREA,
    ),
    _ind(
        "FOREST_COVER_RATE",
        "Tỷ lệ che phủ rừng",
        ECONOMY,
        ("độ che phủ rừng", "tỷ lệ độ che phủ rừng"),
        PERCENT,
    ),
    _ind(
        "NEW_RURAL_CRITERIA",
        "Số tiêu chí nông thôn mới đạt chuẩn",
        ECONOMY,
        (
            "tiêu chí nông thôn mới",
            "tiêu chí xây dựng nông thôn mới",
            "tiêu chí nông thôn mới nâng cao",
            "bộ tiêu chí quốc gia về nông thôn mới",
        ),
        COUNT,
    ),
    _ind(
        "NEW_RURAL_COMMUNES",
        "Số xã đạt chuẩn nông thôn mới",
        ECONOMY,
        ("xã đạt chuẩn nông thôn mới", "xã đạt chuẩn nông thôn mới nâng cao", "xã nông thôn mới kiểu mẫu"),
        COUNT,
    ),
    _ind(
        "OCOP_PRODUCTS",
        "Sản phẩm OCOP được công nhận",
        ECONOMY,
        ("sản phẩm ocop", "sản phẩm đạt chuẩn ocop", "sản phẩm đạt 3 sao ocop"),
        COUNT,
    ),
    _ind(
        "BUDGET_REVENUE",
        "Thu ngân sách nhà nước trên địa bàn",
        ECONOMY,
        (
            "thu ngân sách",
            "tổng thu ngân sách",
            "thu ngân sách nhà nước",
            "tổng thu ngân sách nhà nước",
            "thu ngân sách xã",
            "thu ngân sách huyện",
            "thu ngân sách trên địa bàn",
            "thu nội địa",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "BUDGET_EXPENDITURE",
        "Chi ngân sách địa phương",
        ECONOMY,
        (
            "chi ngân sách",
            "tổng chi ngân sách",
            "tổng chi ngân sách địa phương",
            "chi ngân sách xã",
            "chi thường xuyên",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "LAND_USE_REVENUE",
        "Thu tiền sử dụng đất",
        ECONOMY,
        ("thu tiền sử dụng đất", "thu từ đấu giá quyền sử dụng đất", "thu tiền cấp quyền sử dụng đất"),
        MONEY,
        PERCENT,
    ),
    _ind(
        "PUBLIC_INVESTMENT_DISBURSEMENT",
        "Giải ngân vốn đầu tư công",
        ECONOMY,
        (
            "giải ngân vốn đầu tư công",
            "giải ngân kế hoạch vốn đầu tư công",
            "giá trị giải ngân",
            "tỷ lệ giải ngân",
        ),
        MONEY,
        PERCENT,
    ),
    _ind(
        "TOTAL_INVESTMENT",
        "Tổng vốn đầu tư phát triển toàn xã hội",
        ECONOMY,
        ("vốn đầu tư toàn xã hội", "tổng vốn đầu tư toàn xã hội", "vốn đầu tư phát triển"),
        MONEY,
        PERCENT,
    ),
    _ind(
        "NEW_ENTERPRISES",
        "Doanh nghiệp thành lập mới",
        ECONOMY,
        ("thành lập mới doanh nghiệp", "số doanh nghiệp thành lập mới", "doanh nghiệp đăng ký thành lập mới"),
        COUNT,
    ),
    _ind(
        "LAND_CERTIFICATES",
        "Giấy chứng nhận quyền sử dụng đất được cấp",
        ECONOMY,
        (
            "cấp giấy chứng nhận quyền sử dụng đất",
            "cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "cấp gcnqsdđ",
        ),
        COUNT,
    ),
    _ind(
        "RURAL_ROAD_CONCRETE",
        "Đường giao thông nông thôn được bê tông hóa",
        ECONOMY,
        (
            "bê tông hóa đường giao thông nông thôn",
            "đường giao thông nông thôn",
            "bê tông hóa giao thông nông thôn",
        ),
        LENGTH,
        PERCENT,
    ),
    _ind(
        "INCOME_PER_CAPITA",
        "Thu nhập bình quân đầu người",
        ECONOMY,
        ("thu nhập bình quân", "thu nhập bình quân đầu người năm", "thu nhập bình quân đầu người/năm"),
        PER_PERSON,
        MONEY,
    ),
    # --- văn hóa - xã hội ----------------------------------------------------------------------
    _ind("POOR_HOUSEHOLDS", "Số hộ nghèo", SOCIETY, ("hộ nghèo", "số hộ nghèo còn", "hộ thoát nghèo"), COUNT),
    _ind(
        "POOR_HOUSEHOLD_RATE",
        "Tỷ lệ hộ nghèo",
        SOCIETY,
        ("hộ nghèo", "tỷ lệ hộ nghèo còn", "tỷ lệ hộ nghèo giảm", "tỷ lệ hộ nghèo đa chiều"),
        PERCENT,
    ),
    _ind("NEAR_POOR_HOUSEHOLDS", "Số hộ cận nghèo", SOCIETY, ("hộ cận nghèo", "số hộ cận nghèo còn"), COUNT),
    _ind("NEAR_POOR_HOUSEHOLD_RATE", "Tỷ lệ hộ cận nghèo", SOCIETY, ("hộ cận nghèo",), PERCENT),
    _ind(
        "HEALTH_INSURANCE_RATE",
        "Tỷ lệ dân số tham gia bảo hiểm y tế",
        SOCIETY,
        (
            "tham gia bảo hiểm y tế",
            "tỷ lệ người dân tham gia bảo hiểm y tế",
            "tỷ lệ bao phủ bảo hiểm y tế",
            "bảo hiểm y tế toàn dân",
        ),
        PERCENT,
    ),
    _ind(
        "SOCIAL_INSURANCE_PARTICIPANTS",
        "Người tham gia bảo hiểm xã hội",
        SOCIETY,
        ("tham gia bảo hiểm xã hội", "bảo hiểm xã hội tự nguyện", "tham gia bảo hiểm xã hội tự nguyện"),
    ),
    _ind(
        "JOBS_CREATED",
        "Lao động được giải quyết việc làm",
        SOCIETY,
        ("giải quyết việc làm", "giải quyết việc làm mới", "tạo việc làm mới", "lao động có việc làm mới"),
        COUNT,
    ),
    _ind(
        "TRAINED_LABOUR_RATE",
        "Tỷ lệ lao động qua đào tạo",
        SOCIETY,
        (
            "lao động qua đào tạo",
            "tỷ lệ lao động qua đào tạo nghề",
            "lao động được đào tạo nghề",
            "đào tạo nghề",
        ),
    ),
    _ind(
        "LABOUR_EXPORT",
        "Lao động đi làm việc ở nước ngoài",
        SOCIETY,
        ("xuất khẩu lao động", "lao động đi làm việc ở nước ngoài theo hợp đồng", "đi xuất khẩu lao động"),
        COUNT,
    ),
    _ind(
        "CULTURAL_FAMILY_RATE",
        "Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa",
        SOCIETY,
        ("gia đình văn hóa", "hộ gia đình văn hóa", "hộ đạt danh hiệu gia đình văn hóa"),
    ),
    _ind(
        "CULTURAL_VILLAGES",
        "Thôn, khu dân cư đạt danh hiệu văn hóa",
        SOCIETY,
        ("thôn văn hóa", "khu dân cư văn hóa", "thôn đạt danh hiệu văn hóa", "tổ dân phố văn hóa"),
    ),
    _ind(
        "SCHOOLS_NATIONAL_STANDARD",
        "Trường đạt chuẩn quốc gia",
        SOCIETY,
        ("trường đạt chuẩn quốc gia", "trường học đạt chuẩn quốc gia", "trường chuẩn quốc gia"),
    ),
    _ind(
        "GRADUATION_RATE",
        "Tỷ lệ học sinh tốt nghiệp",
        SOCIETY,
        (
            "học sinh tốt nghiệp",
            "tốt nghiệp trung học cơ sở",
            "tốt nghiệp trung học phổ thông",
            "tỷ lệ tốt nghiệp",
        ),
    ),
    _ind(
        "CHILD_MALNUTRITION_RATE",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
        SOCIETY,
        (
            "suy dinh dưỡng",
            "trẻ em suy dinh dưỡng",
            "suy dinh dưỡng thể thấp còi",
            "suy dinh dưỡng thể nhẹ cân",
        ),
        PERCENT,
    ),
    _ind(
        "CHILD_IMMUNIZATION_RATE",
        "Tỷ lệ trẻ em được tiêm chủng đầy đủ",
        SOCIETY,
        ("tiêm chủng đầy đủ", "tiêm chủng mở rộng", "trẻ em dưới 1 tuổi được tiêm chủng đầy đủ"),
    ),
    _ind(
        "COVID_VACCINATION",
        "Tiêm vắc xin phòng Covid-19",
        SOCIETY,
        (
            "tiêm vắc xin phòng covid",
            "tiêm vắc xin covid-19",
            "mũi tiêm vắc xin",
            "tiêm vaccine phòng covid-19",
        ),
    ),
    _ind(
        "MEDICAL_EXAMINATIONS",
        "Lượt khám chữa bệnh",
        SOCIETY,
        ("khám chữa bệnh", "khám và điều trị", "lượt khám bệnh", "khám, chữa bệnh cho"),
        COUNT,
    ),
    _ind(
        "POPULATION_GROWTH_RATE",
        "Tỷ lệ tăng dân số tự nhiên",
        SOCIETY,
        ("tăng dân số tự nhiên", "tỷ lệ sinh", "tỷ suất sinh"),
        PERCENT,
    ),
    _ind(
        "THIRD_CHILD_BIRTHS",
        "Số trẻ sinh là con thứ ba trở lên",
        SOCIETY,
        ("sinh con thứ 3 trở lên", "sinh con thứ ba trở lên", "tỷ lệ sinh con thứ 3"),
    ),
    _ind(
        "CLEAN_WATER_RATE",
        "Tỷ lệ hộ sử dụng nước sạch",
        SOCIETY,
        ("sử dụng nước sạch", "hộ dân sử dụng nước hợp vệ sinh", "sử dụng nước hợp vệ sinh", "nước sạch"),
        PERCENT,
    ),
    _ind(
        "WASTE_COLLECTION_RATE",
        "Tỷ lệ thu gom, xử lý rác thải",
        SOCIETY,
        ("thu gom rác thải", "thu gom xử lý rác thải sinh hoạt", "chất thải rắn được thu gom"),
        PERCENT,
        MASS,
    ),
    _ind(
        "POLICY_GIFTS",
        "Quà tặng đối tượng chính sách",
        SOCIETY,
        ("tặng quà", "quà cho đối tượng chính sách", "suất quà", "quà tết"),
    ),
    _ind(
        "POOR_FUND",
        "Quỹ Vì người nghèo",
        SOCIETY,
        ("quỹ vì người nghèo", "vận động quỹ vì người nghèo", "quỹ đền ơn đáp nghĩa"),
        MONEY,
    ),
    # --- quốc phòng - an ninh ------------------------------------------------------------------
    _ind(
        "MILITARY_RECRUITMENT",
        "Giao quân, tuyển quân",
        DEFENCE,
        (
            "giao quân",
            "tuyển quân",
            "thanh niên nhập ngũ",
            "công dân nhập ngũ",
            "tuyển chọn và gọi công dân nhập ngũ",
            "chỉ tiêu giao quân",
        ),
        COUNT,
        PERCENT,
    ),
    _ind(
        "MILITARY_REGISTRATION",
        "Đăng ký nghĩa vụ quân sự",
        DEFENCE,
        ("đăng ký nghĩa vụ quân sự", "thanh niên đăng ký nghĩa vụ quân sự", "đăng ký tuổi 17"),
        COUNT,
    ),
    _ind(
        "MILITIA_TRAINING",
        "Huấn luyện dân quân tự vệ",
        DEFENCE,
        ("huấn luyện dân quân", "dân quân tự vệ", "huấn luyện lực lượng dân quân"),
    ),
    _ind(
        "CRIMINAL_CASES",
        "Vụ phạm pháp hình sự",
        DEFENCE,
        ("phạm pháp hình sự", "vụ phạm pháp hình sự", "tội phạm hình sự", "vụ án hình sự"),
        COUNT,
    ),
    _ind(
        "DRUG_CASES",
        "Vụ vi phạm về ma túy",
        DEFENCE,
        ("ma túy", "vụ việc về ma túy", "tội phạm về ma túy", "người nghiện ma túy"),
        COUNT,
    ),
    _ind(
        "TRAFFIC_ACCIDENTS",
        "Tai nạn giao thông",
        DEFENCE,
        ("vụ tai nạn giao thông", "tai nạn giao thông đường bộ", "số vụ tai nạn giao thông"),
        COUNT,
    ),
    _ind(
        "TRAFFIC_VIOLATIONS",
        "Xử lý vi phạm trật tự an toàn giao thông",
        DEFENCE,
        ("vi phạm trật tự an toàn giao thông", "vi phạm an toàn giao thông", "xử phạt vi phạm giao thông"),
    ),
    _ind("FIRES", "Vụ cháy, nổ", DEFENCE, ("vụ cháy", "cháy nổ", "vụ cháy nổ"), COUNT),
    # --- xây dựng Đảng và hệ thống chính trị ---------------------------------------------------
    _ind(
        "NEW_PARTY_MEMBERS",
        "Kết nạp đảng viên mới",
        PARTY,
        (
            "kết nạp đảng viên",
            "kết nạp đảng",
            "phát triển đảng viên mới",
            "đảng viên mới",
            "kết nạp mới đảng viên",
        ),
        COUNT,
        PERCENT,
    ),
    _ind(
        "PARTY_MEMBERS",
        "Tổng số đảng viên",
        PARTY,
        ("đảng viên", "số đảng viên", "tổng số đảng viên của đảng bộ"),
        COUNT,
    ),
    _ind(
        "PARTY_BADGES",
        "Trao tặng Huy hiệu Đảng",
        PARTY,
        ("huy hiệu đảng", "huy hiệu 30 năm tuổi đảng", "huy hiệu 50 năm tuổi đảng", "trao huy hiệu đảng"),
        COUNT,
    ),
    _ind(
        "PARTY_ORG_RATING",
        "Tổ chức đảng hoàn thành tốt nhiệm vụ",
        PARTY,
        (
            "chi bộ hoàn thành tốt nhiệm vụ",
            "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
            "chi bộ hoàn thành xuất sắc nhiệm vụ",
            "chi bộ trong sạch vững mạnh",
        ),
    ),
    _ind(
        "PARTY_MEMBER_RATING",
        "Đảng viên hoàn thành tốt nhiệm vụ",
        PARTY,
        (
            "đảng viên hoàn thành tốt nhiệm vụ",
            "đảng viên hoàn thành xuất sắc nhiệm vụ",
            "đảng viên không hoàn thành nhiệm vụ",
        ),
    ),
    _ind(
        "PARTY_INSPECTIONS",
        "Cuộc kiểm tra, giám sát của cấp ủy",
        PARTY,
        ("cuộc kiểm tra", "cuộc giám sát", "kiểm tra giám sát", "kiểm tra, giám sát chuyên đề"),
        COUNT,
    ),
    _ind(
        "PARTY_DISCIPLINE",
        "Đảng viên bị thi hành kỷ luật",
        PARTY,
        ("thi hành kỷ luật", "kỷ luật đảng viên", "đảng viên bị kỷ luật"),
        COUNT,
    ),
    _ind(
        "NEW_MASS_ORG_MEMBERS",
        "Kết nạp đoàn viên, hội viên mới",
        PARTY,
        ("kết nạp hội viên", "kết nạp đoàn viên", "phát triển hội viên mới", "hội viên mới", "đoàn viên mới"),
        COUNT,
    ),
    _ind(
        "ADMIN_PROCEDURES",
        "Hồ sơ thủ tục hành chính được giải quyết",
        PARTY,
        (
            "hồ sơ thủ tục hành chính",
            "giải quyết hồ sơ thủ tục hành chính",
            "hồ sơ giải quyết đúng hạn",
            "tiếp nhận và giải quyết hồ sơ",
            "hồ sơ trực tuyến",
            "dịch vụ công trực tuyến",
        ),
    ),
    _ind(
        "COMPLAINTS",
        "Đơn thư khiếu nại, tố cáo",
        PARTY,
        (
            "đơn thư khiếu nại tố cáo",
            "đơn khiếu nại",
            "đơn thư",
            "giải quyết khiếu nại tố cáo",
            "đơn kiến nghị",
        ),
        COUNT,
        PERCENT,
    ),
    _ind(
        "CITIZEN_RECEPTIONS",
        "Lượt tiếp công dân",
        PARTY,
        ("tiếp công dân", "tiếp dân", "lượt công dân", "tiếp công dân định kỳ"),
        COUNT,
    ),
)

INDICATOR_BY_CODE: dict[str, Indicator] = {ind.code: ind for ind in INDICATORS}

# How closely (rapidfuzz ratio, 0-100) the stretch of the phrase that holds a phrasing's words
# must read like the phrasing. One short extra word inside passes ("giá trị sản xuất ngành công
# nghiệp" for "giá trị sản xuất công nghiệp" scores 90); a phrasing scattered over the phrase
# does not.
MATCH_THRESHOLD = 80.0
# At most this many extra words may sit between a phrasing's words.
_MAX_INSERTED_WORDS = 2
# Vietnamese noun phrases put the measured thing first ("học sinh con hộ nghèo" counts pupils,
# not poor households): a phrasing must start within this many words of the phrase's start.
_HEAD_SLACK = 1
# A phrasing of one or two words is only the indicator when it is most of the phrase
# ("đảng viên" is PARTY_MEMBERS; "đảng viên đề nghị tặng huy hiệu" is not).
_SHORT_PHRASING_WORDS = 2
_SHORT_PHRASING_SHARE = 0.5
# Words that lead a phrase without naming what is measured.
_LEAD_WORDS = ("tổng số", "số lượng", "tổng", "số", "tỷ lệ", "tỉ lệ", "kết quả", "ước")

# Abbreviations reports use for the things they measure, spelled out before matching.
_ABBREVIATIONS = {
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "ntm": "nông thôn mới",
    "nsnn": "ngân sách nhà nước",
    "ns": "ngân sách",
    "nvqs": "nghĩa vụ quân sự",
    "tthc": "thủ tục hành chính",
    "tngt": "tai nạn giao thông",
    "attgt": "an toàn giao thông",
    "atgt": "an toàn giao thông",
    "dqtv": "dân quân tự vệ",
    "gđvh": "gia đình văn hóa",
    "gdvh": "gia đình văn hóa",
    "đv": "đảng viên",
    "xkld": "xuất khẩu lao động",
    "xklđ": "xuất khẩu lao động",
    "gtnt": "giao thông nông thôn",
    "đtc": "đầu tư công",
    "ttxh": "toàn xã hội",
    "hhđ": "huy hiệu đảng",
    "xdntm": "xây dựng nông thôn mới",
    "ttcn": "tiểu thủ công nghiệp",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "gcnqsdđ": "giấy chứng nhận quyền sử dụng đất",
    "gcn": "giấy chứng nhận",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")\b")
_PUNCTUATION = re.compile(r"[,;:()\[\]\"'“”‘’.!?…–—-]+")
_WHITESPACE = re.compile(r"\s+")
# Old-style tone placement on open syllables ("hoà", "thuỷ", "khoẻ"): the mark moves to the
# first vowel, as in "hòa", "thủy", "khỏe". "quý" is left alone: its "u" belongs to "qu".
_OLD_TONE_CANDIDATE = re.compile(r"(?<!q)([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])\b")


def normalize(text: str) -> str:
    """Lower case, NFC, new-style tone marks, abbreviations spelled out, punctuation and
    whitespace folded: the form phrases are compared in."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _OLD_TONE_CANDIDATE.sub(_move_tone, text)
    text = _PUNCTUATION.sub(" ", text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    return _WHITESPACE.sub(" ", text).strip()


def _move_tone(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    base, *marks = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def unit_kind(unit: str | None) -> str | None:
    """The kind of a unit as written: percent, money, mass, area, length, yield, per_person, count."""
    if unit is None or not unit.strip():
        return None
    u = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", unit).lower().strip())
    if u in ("%", "phần trăm"):
        return PERCENT
    head, _, per = u.partition("/")
    head = head.strip()
    money = head in ("đồng", "đ", "vnđ", "nghìn đồng", "ngàn đồng", "triệu đồng", "triệu", "tr.đ", "trđ")
    money = money or head in ("tỷ đồng", "tỷ", "tỉ đồng", "tỉ", "usd", "triệu usd")
    if per:
        if money:
            return PER_PERSON if "người" in per or "khẩu" in per else MONEY
        if head in ("tạ", "tấn", "kg"):
            return YIELD
        return COUNT
    if money:
        return MONEY
    if head in ("tấn", "tạ", "kg", "nghìn tấn", "yến"):
        return MASS
    if head in ("ha", "héc ta", "hecta", "m2", "m²", "km2", "sào", "mẫu"):
        return AREA
    if head in ("km", "m", "mét"):
        return LENGTH
    return COUNT


def _core(phrase: str) -> str:
    """A normalised phrase without the words that lead it ("tổng số", "tỷ lệ"), unless that would
    leave a single word ("tỷ lệ sinh" stays whole)."""
    changed = True
    while changed:
        changed = False
        for lead in _LEAD_WORDS:
            rest = phrase[len(lead) + 1 :]
            if phrase.startswith(lead + " ") and len(rest.split()) >= 2:
                phrase, changed = rest, True
    return phrase


@dataclass(frozen=True)
class _Phrasing:
    indicator: Indicator
    text: str
    words: tuple[str, ...]


_PHRASINGS: tuple[_Phrasing, ...] = tuple(
    _Phrasing(ind, core, tuple(core.split()))
    for ind in INDICATORS
    for core in dict.fromkeys(_core(normalize(p)) for p in ind.phrasings)
)


def _stretch(phrasing_words: tuple[str, ...], words: list[str]) -> str | None:
    """The words of the phrase from the phrasing's first word to its last, when the phrasing's
    words appear there in order, starting the phrase, with few words inserted; else None."""
    for start in range(min(_HEAD_SLACK + 1, len(words))):
        if words[start] != phrasing_words[0]:
            continue
        pos, inserted = start, 0
        for word in phrasing_words[1:]:
            try:
                found = words.index(word, pos + 1, pos + 2 + _MAX_INSERTED_WORDS - inserted)
            except ValueError:
                break
            inserted += found - pos - 1
            pos = found
        else:
            return " ".join(words[start : pos + 1])
    return None


def _phrasing_score(phrasing: _Phrasing, words: list[str]) -> float:
    """0-100: how well the phrase is this phrasing (0 when it does not fit at all)."""
    short = len(phrasing.words) <= _SHORT_PHRASING_WORDS
    if short and len(phrasing.words) / len(words) < _SHORT_PHRASING_SHARE:
        return 0.0
    stretch = _stretch(phrasing.words, words)
    if stretch is None:
        return 0.0
    return fuzz.ratio(phrasing.text, stretch, score_cutoff=MATCH_THRESHOLD)


def match_indicator(indicator_text: str, unit: str | None = None) -> tuple[str, str] | None:
    """(code, canonical name) of the catalog indicator the phrase names, or None.

    Among the phrasings that fit, the most specific (most words) wins, then the closest. An
    indicator measured in other kinds of unit than `unit` is never chosen.
    """
    phrase = _core(normalize(indicator_text or ""))
    words = phrase.split()
    if not words:
        return None
    kind = unit_kind(unit)
    best: tuple[int, float] | None = None
    best_indicator: Indicator | None = None
    for phrasing in _PHRASINGS:
        indicator = phrasing.indicator
        if kind is not None and indicator.unit_kinds and kind not in indicator.unit_kinds:
            continue
        score = _phrasing_score(phrasing, words)
        if score < MATCH_THRESHOLD:
            continue
        rank = (len(phrasing.words), score)
        if best is None or rank > best:
            best, best_indicator = rank, indicator
    if best_indicator is None:
        return None
    return best_indicator.code, best_indicator.name
