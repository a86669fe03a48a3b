"""Report outline: section paths, domains, plan sections and footnotes."""

from transforms.sections import footnote_markers, section_outline

REPORT = """BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2024
A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024
I. Lĩnh vực kinh tế
1. Sản xuất nông nghiệp. Vụ mùa thắng lợi.
Tổng diện tích gieo trồng 700 ha¹.
2. Tài chính, ngân sách
Thu ngân sách đạt 9 tỷ đồng[1].
II. Văn hóa - xã hội
a) Giáo dục: duy trì sĩ số.
III. Quốc phòng - an ninh
Tuyển quân đạt chỉ tiêu.
B. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025
1. Trồng mới 30 ha rừng.
¹ Trong đó lúa 500 ha.
[1] Thu thuế 2 tỷ đồng.
"""


def _at(phrase: str):
    outline = section_outline(REPORT)
    return outline.at(REPORT.index(phrase))


def test_section_path_follows_the_headings() -> None:
    section = _at("Tổng diện tích")
    assert section.path.split(" > ") == [
        "A KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024",
        "I Lĩnh vực kinh tế",
        "1 Sản xuất nông nghiệp",
    ]


def test_a_sibling_heading_replaces_its_predecessor() -> None:
    assert _at("Thu ngân sách").path.endswith("I Lĩnh vực kinh tế > 2 Tài chính, ngân sách")
    assert _at("duy trì sĩ số").path.endswith("II Văn hóa - xã hội > a) Giáo dục")


def test_domains_from_heading_keywords() -> None:
    assert _at("Tổng diện tích").domain == "kinh tế"
    assert _at("duy trì sĩ số").domain == "văn hóa - xã hội"
    assert _at("Tuyển quân").domain == "quốc phòng - an ninh"


def test_plan_sections_are_flagged() -> None:
    assert _at("Trồng mới").is_plan
    assert not _at("Tổng diện tích").is_plan
    assert not _at("Tuyển quân").is_plan


def test_footnotes_both_styles() -> None:
    outline = section_outline(REPORT)
    assert outline.footnotes["1"] in ("Trong đó lúa 500 ha.", "Thu thuế 2 tỷ đồng.")
    assert outline.in_footnote(REPORT.index("Thu thuế 2 tỷ"))
    assert not outline.in_footnote(REPORT.index("Thu ngân sách"))


def test_footnote_markers_inside_a_quote() -> None:
    assert footnote_markers("ước đạt 16 tỷ đồng([3])") == ["3"]
    assert footnote_markers("diện tích cây lúa² và ngô") == ["2"]
    assert footnote_markers("không có dấu chú thích 2024") == []


def test_text_before_any_heading_has_no_section() -> None:
    outline = section_outline("Văn bản không có đề mục nào.\nChỉ có một đoạn.")
    assert outline.at(5) is None


def test_vietnamese_capitals_part_titles_and_the_closing_block() -> None:
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPhần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n"
        "1. Giữ vững ổn định.\nNơi nhận:\n- Lưu VT.\nGhi chú thêm.\n"
    )
    outline = section_outline(text)
    assert outline.at(text.index("1. Giữ")).is_plan
    assert not outline.at(text.index("Ghi chú")).is_plan
    assert outline.at(text.index("Phần thứ hai")).domain is None  # a letterhead is no section
