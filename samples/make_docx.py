"""Build the .docx sample report (an invented UBND thị xã year report for 2023).

Run from the project root:  .venv/bin/python samples/make_docx.py
Writes samples/reports/ubnd-thi-xa-hung-phu-nam-2023.docx. The output is byte-for-byte
reproducible (fixed document properties and zip timestamps), so re-running it does not
change the document's content hash.
"""

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "reports" / "ubnd-thi-xa-hung-phu-nam-2023.docx"
FIXED = dt.datetime(2023, 12, 8, 8, 0, 0)

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "THỊ XÃ HƯNG PHÚ", "", "Số: 356/BC-UBND"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "",
    "Hưng Phú, ngày 8 tháng 12 năm 2023",
]
TITLE = [
    "BÁO CÁO",
    "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2023",
    "và kế hoạch phát triển kinh tế - xã hội năm 2024",
]

# (kind, text): "h" = bold heading, "p" = body paragraph, "table" = the indicator table.
BODY = [
    (
        "p",
        "Thực hiện Nghị quyết số 41/NQ-HĐND ngày 16/12/2022 của Hội đồng nhân dân thị xã "
        "về kế hoạch phát triển kinh tế - xã hội năm 2023; phục vụ kỳ họp thứ 14, Hội đồng "
        "nhân dân thị xã khóa VIII, nhiệm kỳ 2021-2026, Ủy ban nhân dân thị xã Hưng Phú báo "
        "cáo tình hình thực hiện kế hoạch năm 2023 và kế hoạch năm 2024 như sau:",
    ),
    ("h", "PHẦN I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2023"),
    ("h", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"),
    (
        "p",
        "Năm 2023, trong bối cảnh kinh tế phục hồi chậm sau đại dịch Covid-19, sức mua giảm và "
        "giá nguyên liệu đầu vào biến động, thị xã đã tập trung tháo gỡ khó khăn cho sản xuất, "
        "kinh doanh, đẩy mạnh giải ngân vốn đầu tư công. Kết quả có 13/15 chỉ tiêu chủ yếu đạt và "
        "vượt kế hoạch, 02 chỉ tiêu chưa đạt là kim ngạch xuất khẩu và số doanh nghiệp thành lập "
        "mới. Kết quả một số chỉ tiêu chủ yếu như sau:",
    ),
    ("table", None),
    ("h", "II. KẾT QUẢ TRÊN CÁC LĨNH VỰC"),
    ("h", "1. Phát triển kinh tế"),
    (
        "p",
        "a) Tốc độ tăng giá trị sản xuất ước đạt 9,8%, vượt kế hoạch đề ra (kế hoạch 9,5%). Cơ cấu "
        "kinh tế tiếp tục chuyển dịch đúng hướng: công nghiệp - xây dựng chiếm 46,2%, thương mại - "
        "dịch vụ 38,5%, nông - lâm - thủy sản 15,3%. Thu nhập bình quân đầu người đạt 74,5 triệu "
        "đồng/người/năm, tăng 6,1 triệu đồng so với năm 2022.",
    ),
    (
        "p",
        "b) Thu ngân sách nhà nước trên địa bàn ước đạt 563,4 tỷ đồng, đạt 108,3% dự toán tỉnh "
        "giao (520 tỷ đồng), bằng 97,2% so với thực hiện năm trước do thu tiền sử dụng đất giảm. "
        "Tổng chi ngân sách địa phương 642,8 tỷ đồng, trong đó chi đầu tư phát triển 231,6 tỷ "
        "đồng, chi thường xuyên 411,2 tỷ đồng.",
    ),
    (
        "p",
        "c) Giá trị sản xuất công nghiệp (giá so sánh 2010) ước đạt 4.286,7 tỷ đồng, tăng 11,2% so "
        "với năm 2022. Khu công nghiệp Bắc Hưng Phú thu hút thêm 3 dự án, tổng vốn đăng ký gần "
        "1.250 tỷ đồng. Kim ngạch xuất khẩu đạt 118,6 triệu USD, đạt 91,2% kế hoạch (kế hoạch 130 "
        "triệu USD), giảm 7,4% so với năm trước. Thành lập mới 64 doanh nghiệp, đạt 80% kế hoạch.",
    ),
    (
        "p",
        "d) Sản xuất nông nghiệp ổn định. Tổng diện tích gieo trồng cả năm 7.126 ha; sản lượng "
        "lương thực có hạt 39.214 tấn, đạt 101,9% kế hoạch, bằng 102,4% cùng kỳ. Trồng rừng tập "
        "trung 362 ha, vượt 12 ha so với kế hoạch. Tổng đàn gia súc 28.450 con, đàn gia cầm trên "
        "410.000 con. Duy trì 2 xã đạt chuẩn nông thôn mới nâng cao; xã Phú Thịnh đạt 18/19 tiêu "
        "chí nông thôn mới nâng cao.",
    ),
    (
        "p",
        "đ) Vốn đầu tư công năm 2023 được giao 386,4 tỷ đồng, đến ngày 30/11/2023 giải ngân được "
        "301,4 tỷ đồng, đạt 78% kế hoạch; ước đến hết ngày 31/01/2024 giải ngân đạt trên 95%KH. "
        "Hoàn thành đưa vào sử dụng 27 công trình; khởi công mới 14 công trình, trong đó có tuyến "
        "đường vành đai phía Tây dài 5,6 km.",
    ),
    ("h", "2. Văn hóa - xã hội"),
    (
        "p",
        "a) Giáo dục: Toàn thị xã có 42/54 trường đạt chuẩn quốc gia, đạt 77,8%; tỷ lệ học sinh "
        "tốt nghiệp trung học phổ thông đạt 99,4%. Học sinh đạt 57 giải học sinh giỏi cấp tỉnh.",
    ),
    (
        "p",
        "b) Y tế: Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,6%; có 11/11 xã, phường duy trì đạt "
        "Bộ tiêu chí quốc gia về y tế. Trung tâm Y tế thị xã khám, điều trị cho 142.560 lượt người, "
        "điều trị nội trú 9.875 lượt.",
    ),
    (
        "p",
        "c) Lao động, an sinh xã hội: Giải quyết việc làm cho 2.356 lao động, trong đó xuất khẩu "
        "lao động 318 người. Tỷ lệ hộ nghèo giảm còn 1,62%, hộ cận nghèo còn 2,95%. Chi trả trợ "
        "cấp cho 4.218 đối tượng bảo trợ xã hội và 2.764 người có công với cách mạng với tổng kinh "
        "phí 68,92 tỷ đồng. Hỗ trợ xây dựng 52 nhà ở cho hộ nghèo, kinh phí 2.600.000.000 đồng.",
    ),
    (
        "p",
        "d) Tài nguyên, môi trường: Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 96,2%; "
        "cấp 2.147 giấy chứng nhận quyền sử dụng đất. Tỷ lệ hộ dân đô thị sử dụng nước sạch đạt "
        "98,7%.",
    ),
    ("h", "3. Quốc phòng - an ninh"),
    (
        "p",
        "Hoàn thành 100% chỉ tiêu giao quân với 168/168 công dân nhập ngũ. Tình hình an ninh chính "
        "trị ổn định; tội phạm về trật tự xã hội giảm 8,5% so với năm 2022; tai nạn giao thông "
        "xảy ra 14 vụ, làm chết 9 người, giảm 2 người so với năm trước.",
    ),
    ("h", "PHẦN II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"),
    (
        "p",
        "1. Các chỉ tiêu chủ yếu: tốc độ tăng giá trị sản xuất từ 10% trở lên; thu nhập bình quân "
        "đầu người đạt 80 triệu đồng/người/năm; thu ngân sách trên địa bàn 580 tỷ đồng; sản "
        "lượng lương thực 39.000 tấn; giải quyết việc làm cho 2.300 lao động; tỷ lệ hộ nghèo "
        "giảm xuống dưới 1,4%; có thêm 1 xã đạt chuẩn nông thôn mới kiểu mẫu.",
    ),
    (
        "p",
        "2. Nhiệm vụ, giải pháp chủ yếu: tập trung thu hút đầu tư vào Khu công nghiệp Bắc Hưng "
        "Phú; đẩy nhanh giải ngân vốn đầu tư công ngay từ đầu năm; hoàn thành các tiêu chí đô thị "
        "loại III; chăm lo an sinh xã hội; tổ chức tốt các hoạt động kỷ niệm 70 năm Chiến thắng "
        "Điện Biên Phủ (7/5/1954 - 7/5/2024); giữ vững quốc phòng - an ninh.",
    ),
    (
        "p",
        "Trên đây là báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2023 và "
        "kế hoạch năm 2024 của Ủy ban nhân dân thị xã Hưng Phú./.",
    ),
]

# chỉ tiêu | kế hoạch | thực hiện | tỷ lệ % (thực hiện / kế hoạch · 100, one decimal)
TABLE_HEAD = ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ %"]
TABLE_ROWS = [
    ["Tốc độ tăng giá trị sản xuất (%)", "9,5", "9,8", "103,2"],
    ["Thu nhập bình quân đầu người (triệu đồng/người/năm)", "72", "74,5", "103,5"],
    ["Thu ngân sách nhà nước trên địa bàn (tỷ đồng)", "520", "563,4", "108,3"],
    ["Sản lượng lương thực có hạt (tấn)", "38.500", "39.214", "101,9"],
    ["Trồng rừng tập trung (ha)", "350", "362", "103,4"],
    ["Kim ngạch xuất khẩu (triệu USD)", "130", "118,6", "91,2"],
    ["Giải quyết việc làm (lao động)", "2.200", "2.356", "107,1"],
    ["Tỷ lệ dân số tham gia bảo hiểm y tế (%)", "93", "94,6", "101,7"],
    ["Tỷ lệ hộ nghèo (%)", "dưới 1,8", "1,62", "Đạt"],
    ["Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý (%)", "95", "96,2", "101,3"],
    ["Số doanh nghiệp thành lập mới (doanh nghiệp)", "80", "64", "80,0"],
]

RECIPIENTS = [
    "Nơi nhận:",
    "- UBND tỉnh (b/c);",
    "- TT Thị ủy, TT HĐND thị xã;",
    "- Các đại biểu HĐND thị xã;",
    "- Các phòng, ban, ngành thị xã;",
    "- UBND các xã, phường;",
    "- Lưu: VT.",
]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Võ Minh Tuấn"]


def centered(doc, lines, bold=False):
    for line in lines:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = bold


def build() -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    header = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(header.rows[0].cells, (HEADER_LEFT, HEADER_RIGHT), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_paragraph()
    centered(doc, TITLE[:1], bold=True)
    centered(doc, TITLE[1:], bold=True)

    for kind, text in BODY:
        if kind == "h":
            doc.add_paragraph().add_run(text).bold = True
        elif kind == "p":
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        else:
            table = doc.add_table(rows=1, cols=len(TABLE_HEAD))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text_ in zip(table.rows[0].cells, TABLE_HEAD, strict=True):
                cell.paragraphs[0].add_run(text_).bold = True
            for row in TABLE_ROWS:
                cells = table.add_row().cells
                for cell, text_ in zip(cells, row, strict=True):
                    cell.text = text_

    for line in RECIPIENTS:
        doc.add_paragraph(line)
    for line in SIGNATURE:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(line).bold = True

    props = doc.core_properties
    props.author = "UBND thị xã Hưng Phú"
    props.title = "Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2023"
    props.created = FIXED
    props.modified = FIXED
    props.last_modified_by = "UBND thị xã Hưng Phú"
    props.revision = 1

    raw = io.BytesIO()
    doc.save(raw)
    return reproducible(raw.getvalue())


def reproducible(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps and a fixed member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(build())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
