"""Connective prose: the sentences between the facts.

None of these sentences holds a digit. Sentences that do hold numbers which are not
facts (references, dates, terms, anniversaries, plans ...) live in nonfacts.py,
which also records them for the document's ``ignored`` list.

Placeholders: {lv} the unit's level word ("xã"), {cq} its government ("UBND xã"),
{pl} its parent's level word ("huyện").
"""

from __future__ import annotations

ACTORS = (
    "{cq}",
    "Các ngành chuyên môn",
    "Các bộ phận chuyên môn của {cq}",
    "Ủy ban Mặt trận Tổ quốc và các đoàn thể",
    "Các thôn, tổ dân phố",
    "Ban Chỉ đạo của {lv}",
    "Cấp ủy, chính quyền các cấp",
    "Lãnh đạo {cq}",
    "Đội ngũ cán bộ, công chức",
)
COMMON_ACTORS = {a for a in ACTORS if a.startswith(("Các", "Cấp", "Lãnh", "Đội"))}
ADVERBS = (
    "đã tập trung",
    "tiếp tục",
    "thường xuyên",
    "chủ động",
    "đã kịp thời",
    "quyết liệt",
    "tích cực",
    "đã phối hợp chặt chẽ để",
    "bám sát cơ sở để",
)
PURPOSES = (
    "góp phần ổn định đời sống nhân dân",
    "tạo chuyển biến rõ nét so với trước",
    "đáp ứng yêu cầu nhiệm vụ đề ra",
    "bảo đảm đúng tiến độ và quy định",
    "từng bước nâng cao hiệu quả quản lý nhà nước",
    "tạo sự đồng thuận cao trong nhân dân",
    "phù hợp với điều kiện thực tế của địa phương",
    "được nhân dân đồng tình hưởng ứng",
    "qua đó nâng cao nhận thức của người dân",
    "không để phát sinh điểm nóng",
)
CONNECTORS = ("Bên cạnh đó, ", "Ngoài ra, ", "Đồng thời, ", "Mặt khác, ", "Cùng với đó, ", "", "", "")
LEADS = (
    "Trong kỳ, ",
    "Tính đến thời điểm báo cáo, ",
    "Kết quả, ",
    "Nhìn chung, ",
    "Theo số liệu tổng hợp, ",
    "Qua triển khai, ",
)

# Per domain: things the actors did (verb phrases) and how the result reads.
ACTS = {
    "nn": (
        "chỉ đạo gieo trồng đúng khung lịch thời vụ",
        "hướng dẫn nông dân sử dụng giống mới có năng suất, chất lượng cao",
        "kiểm tra, nạo vét kênh mương nội đồng phục vụ tưới tiêu",
        "theo dõi sát diễn biến sâu bệnh trên các trà lúa",
        "vận động người dân tích tụ ruộng đất, hình thành cánh đồng lớn",
        "giám sát chặt chẽ dịch bệnh trên đàn gia súc, gia cầm",
        "khuyến khích phát triển chăn nuôi theo hướng an toàn sinh học",
        "tăng cường quản lý, bảo vệ rừng và phòng cháy chữa cháy rừng",
    ),
    "cn": (
        "tạo điều kiện cho các cơ sở sản xuất mở rộng quy mô",
        "hỗ trợ hộ kinh doanh tiếp cận nguồn vốn vay ưu đãi",
        "kiểm tra việc niêm yết giá và chất lượng hàng hóa tại các chợ",
        "quảng bá sản phẩm đặc trưng của địa phương",
        "duy trì hoạt động các làng nghề truyền thống",
        "đẩy mạnh kết nối tiêu thụ nông sản cho người dân",
    ),
    "tc": (
        "chỉ đạo quyết liệt công tác thu ngân sách ngay từ đầu năm",
        "rà soát, khai thác các nguồn thu còn tiềm năng",
        "điều hành chi ngân sách chặt chẽ, tiết kiệm, đúng dự toán",
        "đôn đốc các khoản nợ đọng thuế",
        "công khai tình hình thu chi ngân sách theo quy định",
    ),
    "xd": (
        "đẩy nhanh tiến độ các công trình chuyển tiếp",
        "hoàn thiện hồ sơ thủ tục các dự án khởi công mới",
        "quản lý chặt chẽ trật tự xây dựng trên địa bàn",
        "giải quyết dứt điểm các vướng mắc trong bồi thường, giải phóng mặt bằng",
        "vận động nhân dân hiến đất làm đường giao thông",
        "thu gom, xử lý rác thải sinh hoạt tại các khu dân cư",
        "kiểm tra việc sử dụng đất công ích",
    ),
    "gd": (
        "duy trì nền nếp dạy và học ở các cấp học",
        "bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu",
        "đầu tư cơ sở vật chất, trang thiết bị dạy học",
        "phát huy vai trò của hội khuyến học",
        "chuẩn bị tốt các điều kiện cho năm học mới",
    ),
    "yt": (
        "duy trì hoạt động khám, chữa bệnh tại trạm y tế",
        "triển khai công tác phòng chống dịch bệnh mùa hè",
        "kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh",
        "tuyên truyền chính sách bảo hiểm y tế hộ gia đình",
        "chăm sóc sức khỏe bà mẹ và trẻ em",
    ),
    "ld": (
        "chi trả đầy đủ, kịp thời các chế độ cho đối tượng chính sách",
        "rà soát hộ nghèo, hộ cận nghèo theo chuẩn mới",
        "tổ chức thăm hỏi, tặng quà gia đình chính sách",
        "phối hợp mở các lớp đào tạo nghề ngắn hạn",
        "tư vấn việc làm cho người lao động",
        "huy động các nguồn lực xã hội hỗ trợ người có hoàn cảnh khó khăn",
    ),
    "vh": (
        "tuyên truyền các ngày lễ lớn và nhiệm vụ chính trị của địa phương",
        "duy trì phong trào toàn dân đoàn kết xây dựng đời sống văn hóa",
        "quản lý chặt chẽ các hoạt động lễ hội",
        "cập nhật thông tin trên hệ thống truyền thanh cơ sở",
        "tổ chức các hoạt động văn nghệ, thể dục thể thao quần chúng",
    ),
    "qp": (
        "duy trì nghiêm chế độ trực sẵn sàng chiến đấu",
        "hoàn thành công tác giao, nhận quân",
        "củng cố, kiện toàn lực lượng dân quân tự vệ",
        "thực hiện tốt chính sách hậu phương quân đội",
    ),
    "an": (
        "nắm chắc tình hình an ninh nông thôn",
        "tuần tra, kiểm soát bảo đảm trật tự an toàn giao thông",
        "đấu tranh phòng chống tội phạm và tệ nạn xã hội",
        "xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "giải quyết kịp thời các mâu thuẫn phát sinh từ cơ sở",
    ),
    "cq": (
        "duy trì hoạt động của bộ phận tiếp nhận và trả kết quả",
        "đẩy mạnh cải cách thủ tục hành chính",
        "chấn chỉnh kỷ luật, kỷ cương hành chính",
        "tiếp công dân định kỳ theo quy định",
        "ứng dụng công nghệ thông tin trong quản lý, điều hành",
    ),
    "dang": (
        "quán triệt các nghị quyết, chỉ thị của cấp trên",
        "nắm bắt tư tưởng của cán bộ, đảng viên và nhân dân",
        "kiện toàn tổ chức bộ máy các chi bộ",
        "tạo nguồn phát triển đảng viên trong đoàn viên thanh niên",
        "thực hiện chương trình kiểm tra, giám sát năm",
        "đổi mới nội dung sinh hoạt chi bộ",
    ),
    "hdnd": (
        "chuẩn bị chu đáo nội dung các kỳ họp",
        "giám sát việc giải quyết kiến nghị của cử tri",
        "duy trì chế độ giao ban với các Ban của Hội đồng nhân dân",
        "theo dõi việc thực hiện nghị quyết của Hội đồng nhân dân",
    ),
}
DIFFICULTIES = (
    "thời tiết diễn biến bất thường đã ảnh hưởng đến sản xuất",
    "nguồn lực đầu tư còn hạn chế, chưa đáp ứng nhu cầu",
    "một số chỉ tiêu đạt thấp so với yêu cầu",
    "giá cả vật tư đầu vào tăng cao gây khó khăn cho người dân",
    "công tác phối hợp giữa một số bộ phận có lúc chưa chặt chẽ",
    "ý thức chấp hành pháp luật của một bộ phận người dân chưa cao",
    "việc giải phóng mặt bằng một số công trình còn chậm",
    "trình độ, năng lực của một số cán bộ chưa ngang tầm nhiệm vụ",
)
STRENGTHS = (
    "sự lãnh đạo, chỉ đạo sát sao của cấp ủy",
    "sự vào cuộc của cả hệ thống chính trị",
    "sự đồng thuận của nhân dân",
    "sự hỗ trợ kịp thời của cấp trên",
    "tinh thần đoàn kết, chủ động của tập thể lãnh đạo",
)
SOLUTIONS = (
    "Tập trung chỉ đạo hoàn thành các chỉ tiêu còn đạt thấp",
    "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân",
    "Tăng cường công tác quản lý đất đai, trật tự xây dựng",
    "Chăm lo tốt hơn đời sống của người có công và hộ nghèo",
    "Giữ vững ổn định chính trị, bảo đảm trật tự an toàn xã hội",
    "Nâng cao chất lượng sinh hoạt chi bộ và công tác kiểm tra, giám sát",
    "Chủ động phòng chống thiên tai, dịch bệnh",
    "Huy động mọi nguồn lực cho xây dựng kết cấu hạ tầng",
)


def filler(rng, dom: str, fill: dict) -> str:
    """One sentence of report prose about ``dom`` with no number in it."""
    acts = ACTS.get(dom) or ACTS["cq"]
    r = rng.random()
    if r < 0.35:
        conn, actor = rng.choice(CONNECTORS), rng.choice(ACTORS)
        if conn and actor in COMMON_ACTORS:  # "Bên cạnh đó, các ngành ..." (proper names keep capitals)
            actor = actor[0].lower() + actor[1:]
        s = f"{conn}{actor} {rng.choice(ADVERBS)} {rng.choice(acts)}, {rng.choice(PURPOSES)}."
    elif r < 0.6:
        a, b = rng.sample(acts, 2)
        s = f"{rng.choice(ACTORS)} {rng.choice(ADVERBS)} {a}; đồng thời {b}."
    elif r < 0.75:
        s = f"Việc {rng.choice(acts)} được quan tâm thực hiện, {rng.choice(PURPOSES)}."
    elif r < 0.88:
        s = f"Tuy nhiên, {rng.choice(DIFFICULTIES)}, cần có giải pháp khắc phục trong thời gian tới."
    else:
        a, b = rng.sample(STRENGTHS, 2)
        s = f"Có được kết quả trên là nhờ {a} và {b}."
    s = s.format(**fill)
    return s[0].upper() + s[1:]


def evaluation(rng, fill: dict) -> list[str]:
    """The paragraphs of a "đánh giá chung" section: strengths then shortcomings."""
    good = rng.sample(STRENGTHS, 3)
    bad = rng.sample(DIFFICULTIES, 3)
    out = [
        (
            f"Nhìn chung, tình hình kinh tế - xã hội của {fill['lv']} tiếp tục ổn định và có bước phát triển; "
            f"đạt được kết quả đó là nhờ {good[0]}, {good[1]} và {good[2]}."
        ),
        f"Bên cạnh kết quả đạt được vẫn còn một số tồn tại, hạn chế: {bad[0]}; {bad[1]}; {bad[2]}.",
        (
            "Nguyên nhân chủ yếu là do điều kiện khách quan còn nhiều khó khăn, "
            "trong khi một số ngành, bộ phận chưa thật sự chủ động trong tham mưu, đề xuất."
        ),
    ]
    return [s.format(**fill) for s in out]


def solutions(rng, k: int) -> list[str]:
    return [s + "." for s in rng.sample(SOLUTIONS, k)]
