"""One invented sentence per rule of the indicator text and code (transforms/indicator_phrase.py,
transforms/indicators.py): the text is the measured thing as a person would write it, the code the
catalogued indicator the whole clause names."""

import pytest

from transforms.facts import extract_facts


def _fact(text: str, index: int) -> tuple[str | None, str | None]:
    fact = extract_facts(text)[index]
    return fact["indicator_code"], fact["indicator_text"]


@pytest.mark.parametrize(
    ("text", "index", "code", "indicator"),
    [
        # A list of counted nouns after one verb: each takes the verb, not the nouns before it.
        (
            "UBND xã đã ban hành 40 công văn, 12 quyết định, 6 kế hoạch.",
            2,
            "DOCUMENTS_ISSUED_BY_TYPE",
            "ban hành kế hoạch",
        ),
        # A later figure of the same amount names no unit ("... tỷ đồng") as its subject; its
        # period tells it apart from the month's figure.
        (
            "Doanh thu vận tải tháng 9 ước đạt 45 tỷ đồng, ước 9 tháng đạt 410 tỷ đồng.",
            1,
            "TRANSPORT_REVENUE",
            "Doanh thu vận tải 9 tháng",
        ),
        # The period opening a clause is no part of it, however it is introduced.
        (
            "Tính đến hết tháng 9/2023 hoàn thành đưa vào sử dụng 12 công trình.",
            0,
            "PUBLIC_WORKS_COMPLETED",
            "hoàn thành đưa vào sử dụng công trình",
        ),
        # "tính đến nay", "tính đến 15/4": when the figure holds, no part of what it counts.
        (
            "Số người cách ly tại nhà tính đến nay có 42 người.",
            0,
            "COVID_QUARANTINE",
            "Số người cách ly tại nhà",
        ),
        (
            "Số ca mắc điều trị tại nhà tính đến 15/4 có 37 người.",
            0,
            None,
            "Số ca mắc điều trị tại nhà người",
        ),
        # A footnote's mark after the counted noun ends its words.
        ("Tổng số hộ được hỗ trợ là 25 hộ[3], còn lại chưa hỗ trợ.", 0, None, "Tổng số hộ được hỗ trợ"),
        # "số F1 ... và ...": a name's digit is no other claim's number, and the sum is of both.
        (
            "Số F1 cách ly tại nhà và tại trạm y tế có 23 người.",
            0,
            "COVID_QUARANTINE",
            "Số F1 cách ly tại nhà và tại trạm y tế người",
        ),
        # "đối với" names those given to, as "cho" does; a giver's name too long for the act is left out.
        (
            "Tặng quà tết của Chủ tịch Ủy ban nhân dân huyện đối với 45 gia đình chính sách.",
            0,
            None,
            "gia đình chính sách được tặng quà tết",
        ),
        (
            "Ban Thường vụ tiến hành giám sát đối với 7 chi bộ.",
            0,
            "PARTY_ORGS_SUPERVISED",
            "chi bộ được tiến hành giám sát",
        ),
        # The level word ending a body's name before the count is no verb done to what is counted.
        (
            "Trong năm có sự đầu tư của UBND tỉnh 3 công trình trường học.",
            0,
            "SCHOOLS",
            "công trình trường học",
        ),
        # "và" before an abbreviation joins two names of one noun phrase; before other words it
        # ends the counted thing's words.
        (
            "Có 95% học sinh cấp Tiểu học và THCS được khám sức khỏe.",
            0,
            None,
            "tỷ lệ học sinh cấp Tiểu học và THCS được khám sức khỏe",
        ),
        ("Xử lý 14 vụ vi phạm và 3 vụ khác.", 0, None, "vụ vi phạm xử lý"),
        # A percentage its words call a rate ("tỷ lệ ...") is no share of a plan: a count's
        # share-of-plan code is not its code.
        ("Tỷ lệ học sinh cấp Tiểu học đạt 97%.", 0, None, "Tỷ lệ học sinh cấp Tiểu học"),
        ("Số học sinh cấp Tiểu học đạt 97%.", 0, "STUDENTS_PCT_PLAN", "Số học sinh cấp Tiểu học"),
        # The counted noun is looked for among the clause's words, not inside them ("hộ" in
        # "Hội"), and a name of capitalised words keeps its capitals after the noun.
        ("Hội Nông dân giải ngân vốn vay cho 15 hộ.", 0, None, "hộ được Hội Nông dân giải ngân vốn vay"),
        # A part of a growth that names only its sector is that sector's growth.
        (
            "Tăng trưởng kinh tế đạt 8,2%, trong đó dịch vụ tăng 7,1%, thuế sản phẩm tăng 5%.",
            2,
            "PRODUCT_TAX_GROWTH",
            "tăng trưởng thuế sản phẩm",
        ),
        # ... and of a production value's growth, that sector's production value.
        (
            "Giá trị sản xuất tăng 8%, trong đó nông nghiệp tăng 3%.",
            1,
            "AGR_PRODUCTION_VALUE_GROWTH",
            "giá trị sản xuất nông nghiệp",
        ),
        # A figure of an indicator that is a growth by nature is named as one; one whose words
        # say so already keeps them.
        ("GRDP của tỉnh năm nay ước tăng 8,5%.", 0, "ECONOMIC_GROWTH", "tăng trưởng GRDP"),
        ("Chỉ số sản xuất công nghiệp tăng 9%.", 0, "IIP_GROWTH", "Chỉ số sản xuất công nghiệp"),
        # A clause that opens on its measure is one noun phrase from its first word: a longer one
        # is kept whole.
        (
            "Tỷ lệ hộ dân sử dụng nước sạch từ hệ thống cấp nước tập trung đạt 98,5%.",
            0,
            None,
            "Tỷ lệ hộ dân sử dụng nước sạch từ hệ thống cấp nước tập trung",
        ),
        # A section's title may name a figure's domain, never its words.
        (
            "2. Sản xuất công nghiệp:\n\nMột số sản phẩm chủ yếu tăng khá như: Sản phẩm gạch tăng 6%.",
            0,
            "INDUSTRY_VALUE_GROWTH",
            "Sản phẩm gạch",
        ),
        # "... có tổng ...": the sum is what is measured, not who has it.
        ("Vụ này có tổng diện tích xuống giống 520 ha.", 0, "CROP_AREA", "tổng diện tích xuống giống"),
        # "với mức tăng 14,8%": the level's noun after "với" is no part of what grows.
        (
            "Ngành công nghiệp tăng trưởng tích cực với mức tăng 14,8%.",
            0,
            None,
            "Ngành công nghiệp tăng trưởng tích cực",
        ),
        # A part of a value that names only its sector is that sector's value; the words the
        # measure and the part share are said once.
        (
            "Giá trị sản xuất đạt 950 tỷ đồng. Trong đó, khu vực dịch vụ đạt 300 tỷ đồng.",
            1,
            "SERVICES_VALUE",
            "giá trị sản xuất khu vực dịch vụ",
        ),
        (
            "Giá trị sản xuất đạt 95 tỷ đồng, trong đó sản xuất tiểu thủ công nghiệp đạt 30 tỷ đồng.",
            1,
            "INDUSTRY_VALUE",
            "giá trị sản xuất tiểu thủ công nghiệp",
        ),
        # A lead-in pointing at an example is no part of the indicator.
        ("Điển hình như thu ngân sách đạt 12 tỷ đồng.", 0, "BUDGET_REVENUE", "thu ngân sách"),
        # "trên địa bàn" says where the report's unit is ...
        (
            "Giá trị sản xuất công nghiệp trên địa bàn đạt 320 tỷ đồng.",
            0,
            "INDUSTRY_VALUE",
            "Giá trị sản xuất công nghiệp",
        ),
        # ... except in the name of revenue collected in the area.
        (
            "Tổng thu ngân sách trên địa bàn huyện đạt 41 tỷ đồng.",
            0,
            "BUDGET_REVENUE",
            "Tổng thu ngân sách trên địa bàn",
        ),
        # A measure named last ("... với năng suất") comes first, with the thing it measures.
        ("Diện tích lúa vụ Mùa với năng suất 5,1 tấn/ha.", 0, "RICE_YIELD", "năng suất lúa vụ Mùa"),
        # A sum of money right after a count is the money of the counted thing.
        (
            "Hội Nông dân đã trao tặng 120 suất quà, với số tiền 60 triệu đồng.",
            1,
            "GIFT_VALUE",
            "số tiền trao tặng suất quà",
        ),
        # A counted noun with words after it keeps the verb right before its number.
        (
            "Tiếp nhận, thụ lý 12 hồ sơ đề nghị trợ cấp.",
            0,
            "SOCIAL_ASSISTANCE_FILES",
            "hồ sơ đề nghị trợ cấp tiếp nhận, thụ lý",
        ),
        # A harvest in tonnes of a thing is that thing's output ...
        (
            "Năm nay xã thu hoạch 1.250 tấn lương thực có hạt, chăm sóc 75 ha cam.",
            0,
            "FOOD_OUTPUT",
            "sản lượng lương thực có hạt",
        ),
        # ... and hectares of a thing are its area, with what was done to it.
        (
            "Năm nay xã thu hoạch 1.250 tấn lương thực có hạt, chăm sóc 75 ha cam.",
            1,
            "MANDARIN_AREA",
            "diện tích cam chăm sóc",
        ),
        # A scale word and a bare classifier add nothing to the words before the number.
        ("Lượng khách du lịch ước đạt 1,2 triệu lượt.", 0, "TOURIST_ARRIVALS", "Lượng khách du lịch"),
        # The side of a period inside a clause that names a subject is the indicator.
        (
            "Báo cáo cho biết 6 tháng đầu năm giá trị sản xuất ngành nông nghiệp đạt 820 tỷ đồng.",
            0,
            "AGR_PRODUCTION_VALUE",
            "giá trị sản xuất ngành nông nghiệp",
        ),
        # The words right before a counted noun say what it counts, however long the clause.
        (
            "Toàn huyện thực hiện đạt trung bình 17,5 tiêu chí.",
            0,
            "NTM_CRITERIA_AVERAGE",
            None,
        ),
        # A rank that names nothing ranks the claim right before it.
        (
            "Tốc độ tăng trưởng kinh tế đạt 8,2%, đứng thứ 5/14 tỉnh.",
            1,
            "GROWTH_RANK",
            "xếp hạng Tốc độ tăng trưởng kinh tế",
        ),
        # Who did it ("Lãnh đạo UBND huyện đã ...") is no part of a counted indicator.
        ("Lãnh đạo UBND huyện đã chủ trì 35 cuộc họp.", 0, "MEETINGS", "chủ trì cuộc họp"),
        # A bracketed price base is part of the name, and keeps the list item whole.
        (
            "Giá trị sản xuất nông, lâm, thủy sản (giá so sánh 2010) ước tăng 3,1%.",
            0,
            "AGR_PRODUCTION_VALUE_GROWTH",
            "Giá trị sản xuất nông, lâm, thủy sản (giá so sánh 2010)",
        ),
        # "trở lên" is one word group, never cut.
        ("Tỷ lệ sinh con thứ 3 trở lên là 9,5%.", 0, "THIRD_CHILD_RATE", "Tỷ lệ sinh con thứ 3 trở lên"),
        # A new sentence counting another noun names its own thing, not the sentence before's;
        # "toàn thị" (the whole town) is where, no part of it.
        (
            "Giới thiệu 12 quần chúng dự lớp cảm tình đảng. Đến nay toàn thị có 870 đảng viên.",
            1,
            "PARTY_MEMBERS",
            "đảng viên",
        ),
        # "Tập trung chỉ đạo", "tham mưu": how the unit went about it, no part of what is measured.
        (
            "Tập trung chỉ đạo đẩy mạnh chuyển đổi cơ cấu cây trồng vụ Hè thu đạt 100% kế hoạch.",
            0,
            "CROP_CONVERSION_AREA_PCT_PLAN",
            "chuyển đổi cơ cấu cây trồng vụ Hè thu",
        ),
        # "em" only counts the pupils the words before it name.
        ("Số học sinh giỏi cấp huyện đạt 64 em.", 0, "EXCELLENT_STUDENTS", "Số học sinh giỏi cấp huyện"),
        # A common misspelling of a measure noun is read as the noun.
        ("Mô hình cánh đồng mẫu lớn 25 ha, năng xuất đạt 68 tạ/ha.", 1, "LARGE_FIELD_YIELD", None),
    ],
)
def test_indicator_rule(text, index, code, indicator):
    found_code, found_text = _fact(text, index)
    assert found_code == code
    if indicator is not None:
        assert found_text == indicator


def test_a_crop_figure_takes_the_season_of_its_heading_or_line():
    text = "b. Vụ Hè thu\n\n- Tổng diện tích gieo trồng 96 ha. Trong đó lúa 40 ha, ngô 31 ha.\n"
    assert [_fact(text, i) for i in range(3)] == [
        ("CROP_AREA", "Tổng diện tích gieo trồng vụ Hè thu"),
        ("RICE_AREA", "diện tích lúa vụ Hè thu"),
        ("MAIZE_AREA", "diện tích ngô vụ Hè thu"),
    ]
    # a perennial crop or a forest has no season
    assert "vụ" not in _fact("Vụ Xuân năm nay trồng mới 45 ha rừng tập trung.", 0)[1].lower()


def test_a_part_of_a_sum_of_money_and_a_criterion_not_met():
    text = "Tổng kinh phí 820 triệu đồng (trong đó: Nhà nước hỗ trợ 300 triệu đồng, nhân dân đóng góp 520 triệu đồng)."
    assert _fact(text, 1)[1] == "kinh phí Nhà nước hỗ trợ"
    assert _fact("Xã còn 04 tiêu chí chưa đạt.", 0)[1] == "tiêu chí chưa đạt"


def test_a_percentage_is_the_share_of_the_noun_or_measure_after_it():
    assert (
        _fact("Năm nay 100% hồ sơ được giải quyết đúng hạn.", 0)[1] == "tỷ lệ hồ sơ được giải quyết đúng hạn"
    )
    assert (
        _fact("Giống lúa chất lượng cao đạt 62% diện tích.", 0)[1]
        == "tỷ lệ diện tích Giống lúa chất lượng cao"
    )


def test_a_measure_after_a_crop_borrows_the_crop_not_the_verb():
    text = "Vụ Mùa: diện tích gieo cấy lúa 980 ha, năng suất ước đạt 58 tạ/ha, sản lượng 5.684 tấn."
    assert [_fact(text, i) for i in range(3)] == [
        ("RICE_AREA", "diện tích gieo cấy lúa vụ Mùa"),
        ("RICE_YIELD", "năng suất lúa vụ Mùa"),
        ("RICE_OUTPUT", "sản lượng lúa vụ Mùa"),
    ]


def test_the_road_after_a_length_is_what_was_built():
    text = "Huyện đã bê tông hóa 8,4 km đường giao thông nông thôn."
    assert _fact(text, 0)[1] == "đường giao thông nông thôn bê tông hóa"


def test_a_part_is_measured_as_its_sum_and_an_age_names_a_group():
    text = "Diện tích cây ăn quả 430 ha, trong đó cam 120 ha, bưởi 95 ha."
    assert _fact(text, 2)[1] == "diện tích bưởi"
    assert _fact("Tiêm chủng đầy đủ cho 87 trẻ em dưới 1 tuổi.", 0) == (
        "IMMUNISED_CHILDREN",
        "trẻ em dưới 1 tuổi được tiêm chủng đầy đủ",
    )


def test_a_list_item_after_a_claim_is_not_the_claims_own_words():
    """The words after "1.250 tấn" belong to that claim; the next clause starts after them."""
    facts = extract_facts("Xã thu hoạch 980 tấn thóc, chăm sóc 40 ha bưởi.")
    assert "thóc" not in (facts[1]["indicator_text"] or "")


def test_a_capitalised_verb_after_a_count_opens_a_new_sentence():
    """A full stop lost before "Phối hợp ..." leaves the next sentence after the counted noun."""
    text = "Trong tháng đã dựng 7 bảng tin Phối hợp tổ chức hội thi cắm hoa chào mừng ngày Phụ nữ."
    assert _fact(text, 0)[1] == "bảng tin dựng"


def test_the_reports_place_after_a_count_is_no_part_of_it():
    text = "Trao quà cho 12 hộ chính sách trên địa bàn xã nhân dịp lễ."
    assert _fact(text, 0)[1] == "hộ chính sách được trao quà"


def test_a_result_word_before_the_number_is_no_part_of_the_indicator():
    """ "... kết quả đạt 9 em": the words before "kết quả" name what is counted."""
    text = "Bồi dưỡng học sinh năng khiếu cấp huyện kết quả đạt 9 em."
    assert _fact(text, 0)[1] == "Bồi dưỡng học sinh năng khiếu cấp huyện"


def test_a_counted_nouns_words_never_end_inside_bao_gom():
    text = "Năm nay có 02 chỉ tiêu chưa đạt bao gồm thu ngân sách và số hộ nghèo giảm."
    assert _fact(text, 0)[1] == "chỉ tiêu chưa đạt"


def test_a_comma_between_digits_is_no_clause_boundary():
    """ "tròn 60,65,70 tuổi" lists ages inside one clause."""
    text = "Tổ chức mừng thọ người cao tuổi tròn 60,65,70 tuổi cho 41 người."
    assert _fact(text, 0)[1] == "mừng thọ người cao tuổi tròn 60,65,70 tuổi"


def test_a_number_left_at_the_start_of_a_clause_is_dropped():
    text = "Mừng thọ cụ tròn 85 tuổi; 95 năm 2022 tặng 8 suất quà."
    assert _fact(text, 0)[1] == "suất quà tặng"


def test_an_unread_amount_after_its_verb_ends_the_indicator():
    """A garbled amount ("2,345,6 tấn") is no fact, nor part of the next figure's indicator."""
    text = "Sản lượng khoai lang vụ đông đạt 2,345,6 tấn /2,100,5 tấn đạt 111,7% kế hoạch."
    assert _fact(text, 0)[1] == "Sản lượng khoai lang vụ đông"


def test_a_line_wrapped_inside_a_word_is_read_as_one_line():
    text = "Năm nay đã thu hoạch xong. Sản\nlượng chè búp tươi ước đạt 1.200 tấn."
    assert _fact(text, 0)[1] == "Sản lượng chè búp tươi"


def test_a_long_thing_after_its_measure_keeps_its_head():
    text = (
        "Công trình nhà văn hóa thôn Đông từ nguồn vốn ngân sách tỉnh hỗ trợ cho nhân dân trong thôn"
        " xây dựng mới với tổng mức đầu tư 2,5 tỷ đồng."
    )
    assert _fact(text, 0)[1] == "tổng mức đầu tư Công trình nhà văn hóa thôn Đông"


def test_a_term_of_years_is_a_period_not_part_of_the_indicator():
    assert _fact("Số hộ được vay vốn giai đoạn 2021-2025 là 310 hộ.", 0)[1] == "Số hộ được vay vốn"


def test_a_verb_before_a_count_follows_the_counted_noun():
    """ "đã tiếp nhận 16 hồ sơ": a person writes the counted thing first ("hồ sơ tiếp nhận")."""
    assert _fact("Trong quý bộ phận một cửa đã tiếp nhận 16 hồ sơ.", 0)[1] == "hồ sơ tiếp nhận"


def test_what_was_done_for_the_counted_after_cho_is_kept_whole_and_said_of_them():
    """ "tặng ... cho 7 hội viên": those counted received it ("hội viên ... được tặng ..."); the
    money for them is what was done, not who received it."""
    text = "Chi bộ đã xét đề nghị kết nạp đảng viên mới cho 4 quần chúng ưu tú."
    assert _fact(text, 0)[1] == "quần chúng ưu tú được xét đề nghị kết nạp đảng viên mới"
    text = "Hội Cựu chiến binh đã tặng sổ tiết kiệm cho 7 hội viên khó khăn."
    assert _fact(text, 0)[1] == "hội viên khó khăn được tặng sổ tiết kiệm"
    text = "Đã chi trả trợ cấp mai táng phí cho 14 người với kinh phí 60 triệu đồng."
    assert [_fact(text, i)[1] for i in range(2)] == [
        "người được chi trả trợ cấp mai táng phí",
        "kinh phí chi trả trợ cấp mai táng phí",
    ]


def test_a_bare_measure_takes_the_lead_before_its_colon():
    assert (
        _fact("Mô hình ruộng mẫu thôn Bắc: năng suất 68 tạ/ha.", 0)[1]
        == "năng suất Mô hình ruộng mẫu thôn Bắc"
    )


def test_a_sum_of_money_takes_the_purpose_its_sentence_states():
    text = "Nhân dân góp công, góp sức để nạo vét kênh mương nội đồng, tổng kinh phí 320 triệu đồng."
    assert _fact(text, 0)[1] == "tổng kinh phí nạo vét kênh mương nội đồng"


def test_a_count_after_voi_names_its_own_thing():
    text = "Công tác quản lý đô thị được tăng cường với 40 lượt ra quân."
    assert _fact(text, 0)[1] == "lượt ra quân"


def test_a_counted_nouns_long_description_is_not_cut_inside_a_word():
    text = "Năm nay có 6 chi bộ đạt tiêu chuẩn hoàn thành xuất sắc nhiệm vụ năm 2024."
    assert _fact(text, 0)[1] == "chi bộ đạt tiêu chuẩn hoàn thành xuất sắc nhiệm vụ"


def test_where_a_counted_thing_is_after_o_is_the_reports_place():
    text = "Hiện có 4 dự án nhà ở xã hội đang triển khai ở huyện Đông Sơn."
    assert _fact(text, 0)[1] == "dự án nhà ở xã hội đang triển khai"


def test_a_house_noun_ending_in_o_is_never_cut():
    assert _fact("Năm nay đã hỗ trợ sửa chữa nhà ở cho 12 hộ.", 0)[1] == "hộ được hỗ trợ sửa chữa nhà ở"


def test_two_figures_of_one_thing_for_two_periods_keep_their_periods():
    text = "Doanh thu bán lẻ hàng hóa tháng 8 ước đạt 120 tỷ đồng, lũy kế 8 tháng đạt 900 tỷ đồng."
    assert [_fact(text, i)[1] for i in range(2)] == [
        "Doanh thu bán lẻ hàng hóa tháng 8",
        "Doanh thu bán lẻ hàng hóa lũy kế 8 tháng",
    ]
    assert _fact("Doanh thu bán lẻ hàng hóa 8 tháng đạt 900 tỷ đồng.", 0)[1] == "Doanh thu bán lẻ hàng hóa"


def test_a_percentage_opening_a_clause_is_the_share_of_the_noun_after_it():
    """The topic before the comma is context; "100% trạm y tế" measures the stations."""
    text = "Trong lĩnh vực y tế, 100% trạm y tế đạt chuẩn quốc gia."
    assert _fact(text, 0)[1] == "tỷ lệ trạm y tế đạt chuẩn quốc gia"


def test_a_topic_or_a_numbered_heading_is_no_lead_of_a_bare_measure():
    assert _fact("II. Về sản xuất: năng suất đạt 52 tạ/ha.", 0)[1] == "năng suất"


def test_a_catalogued_measure_takes_its_sentences_purpose_too():
    text = "Xã hỗ trợ xi măng để bê tông hóa đường giao thông nông thôn, kinh phí Nhà nước hỗ trợ 300 triệu đồng."
    assert _fact(text, 0)[1] == "kinh phí Nhà nước hỗ trợ bê tông hóa đường giao thông nông thôn"


def test_the_purpose_nearest_before_the_figure_in_its_clause_is_taken():
    text = (
        "Xã trích kinh phí để hỗ trợ xi măng cho các thôn theo kế hoạch và khối lượng xi măng để"
        " nâng cấp đường giao thông nội đồng với tổng chiều dài: 980 m."
    )
    assert _fact(text, 0)[1] == "tổng chiều dài nâng cấp đường giao thông nội đồng"


def test_a_count_after_voi_right_after_another_claim_keeps_that_claims_event():
    text = "Tổ chức 12 lớp tập huấn với 850 lượt người tham gia."
    assert _fact(text, 1)[1] == "lượt người tham gia tập huấn"


def test_an_openings_subject_ends_at_its_own_figure():
    """No word of a later clause ("ha", "năng") joins the subject a measure borrows."""
    text = "Diện tích ngô cả năm 640 ha, năng suất bình quân 52 tạ/ha, sản lượng 3.328 tấn."
    assert _fact(text, 2)[1] == "sản lượng ngô cả năm"


def test_a_sentences_first_verb_moved_after_its_object_is_lower_case():
    assert _fact("Nâng cấp 2,4 km kênh mương nội đồng.", 0)[1] == "kênh mương nội đồng nâng cấp"


def test_a_known_verb_opening_a_sentence_is_no_name():
    assert _fact("Tặng 40 suất quà.", 0)[1] == "suất quà tặng"


def test_a_count_that_is_its_clauses_subject_keeps_its_predicate():
    """ "9/11 chi bộ đã tổ chức đại hội": what "đã" opens says what is counted, up to a term's
    dates; a number after "đã" is a claim of its own."""
    text = "Xã kết nạp 12 đảng viên; 9/11 chi bộ đã tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027."
    assert _fact(text, 1)[1] == "chi bộ đại hội chi bộ"
    facts = extract_facts("Có 120 hồ sơ đã giải quyết 100 hồ sơ.")
    assert facts[0]["indicator_text"] == "hồ sơ"


def test_a_verdict_on_the_level_is_no_part_of_the_indicator():
    """ "đạt mức cao nhất từ trước đến nay với ...": how high the level is said to be is no part
    of what was measured."""
    text = "Kim ngạch xuất khẩu đạt mức cao nhất từ trước đến nay với trên 2,4 tỷ USD."
    assert _fact(text, 0)[1] == "Kim ngạch xuất khẩu"


def test_after_a_semicolon_a_figure_of_another_kind_names_its_own_thing():
    """A count after a rate's clause and a semicolon does not borrow the rate's words; the
    counts of a list after one verb do."""
    text = "Tỷ lệ tham gia BHYT đạt 92% chỉ tiêu giao; có 36 cá nhân, tập thể được khen thưởng."
    assert "BHYT" not in _fact(text, 1)[1]
    assert _fact("UBND xã ban hành 01 nghị quyết; 02 chỉ thị.", 1)[1] == "ban hành chỉ thị"


@pytest.mark.parametrize(
    ("text", "indicator", "code"),
    [
        # a negation keeps the verb it negates, before the count or after it
        ("- Chỉ tiêu chưa đạt 4/15 chỉ tiêu.", "Chỉ tiêu chưa đạt", "TARGETS_NOT_MET"),
        ("Có 4 chỉ tiêu chưa đạt 100% kế hoạch.", "chỉ tiêu chưa đạt", "TARGETS_NOT_MET"),
        # "đạt và vượt" is one verb: the "và" inside it ends nothing
        ("Có 11/15 chỉ tiêu đạt và vượt kế hoạch.", "chỉ tiêu đạt và vượt kế hoạch", "TARGETS_MET"),
    ],
)
def test_a_negation_and_a_joined_verb_stay_whole(text, indicator, code):
    assert _fact(text, 0) == (code, indicator)


def test_the_item_before_and_belongs_to_a_longer_catalogued_name():
    """The words before "và" are no other item when, with them, the clause names a longer
    catalogued indicator than its last words alone."""
    text = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 2.140 tỷ đồng."
    assert _fact(text, 0) == ("RETAIL_SALES", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng")
    assert _fact("Tổng đàn gia súc, gia cầm đạt 52.000 con.", 0)[0] == "LIVESTOCK_POULTRY_HERD"


def test_an_equals_sign_after_a_count_ends_its_words():
    """ "971/876 con = 110,8%": the sign and the share after it are no words of the thing counted;
    the clause before the colon names it."""
    text = "Tiêm phòng cho đàn trâu, bò là: 640/600 con = 106,7%."
    assert _fact(text, 0) == ("LIVESTOCK_VACCINATION", "Tiêm phòng cho đàn trâu, bò")


@pytest.mark.parametrize(
    ("text", "index", "code"),
    [
        # a count of things is no count of events, and the other way round
        ("Kiểm tra 15 cơ sở kinh doanh.", 0, None),
        ("Tổ chức 4 hội nghị học tập nghị quyết.", 0, None),
        ("Tổ chức 4 cuộc kiểm tra.", 0, "PARTY_INSPECTIONS"),
        ("Kiểm tra 6 tổ chức đảng.", 0, "PARTY_ORGS_INSPECTED"),
        # a claim's head taken by the next clause never cuts a word the catalog knows in two
        (
            "Kiểm tra 3 tổ chức đảng. Kế hoạch kiểm tra, giám sát của cấp ủy hoàn thành 81,5% kế hoạch.",
            1,
            None,
        ),
    ],
)
def test_events_and_things_are_counted_apart(text, index, code):
    assert _fact(text, index)[0] == code


@pytest.mark.parametrize(
    ("text", "index", "indicator", "code"),
    [
        # a star rating after a count names its class, whether "đạt" comes before it or not
        ("Có 6 sản phẩm đạt 3 sao, 2 sản phẩm đạt 4 sao.", 1, "sản phẩm đạt 4 sao", "OCOP_4STAR"),
        ("Xã có 3 sản phẩm OCOP (2 sản phẩm 3 sao và 1 sản phẩm 4 sao).", 2, "sản phẩm 4 sao", "OCOP_4STAR"),
        # "đơn thư giải quyết" are the petitions resolved, not those received
        ("Giải quyết 8/8 đơn thư, đạt 100%.", 0, "đơn thư giải quyết", "PETITIONS_RESOLVED"),
    ],
)
def test_ratings_and_resolved_petitions(text, index, indicator, code):
    assert _fact(text, index) == (code, indicator)


def test_a_delegate_and_a_roads_number():
    """ "đại biểu" is one counted noun; "Đường tỉnh 295 dài 12 km" names a road and its length."""
    assert [f["unit"] for f in extract_facts("Đại hội có 150 đại biểu tham dự.")] == ["đại biểu"]
    assert [f["value"] for f in extract_facts("Đường tỉnh 295 dài 12 km được nâng cấp.")] == [12]


def test_a_claim_before_a_colon_is_no_lead_of_what_follows():
    """ "Tổng 27 chỉ tiêu, trong đó: ..." holds a figure: a claim of its own, not the name of the
    parts that follow it."""
    text = "Tổng 20 chỉ tiêu, trong đó: có 12 chỉ tiêu đạt trên 50% kế hoạch, 02 chỉ tiêu đạt dưới 50%."
    assert _fact(text, 2) == ("TARGETS_NOT_MET", "chỉ tiêu đạt dưới")
