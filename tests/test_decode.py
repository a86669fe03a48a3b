"""transforms.decode: every supported format and encoding of the same short report, and
each kind of rejection. Fixtures are built here from our own sentences."""

import io
import pickle
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT
from transforms.decode import DecodedDocument, UnreadableDocument, decode_document, decode_path
from transforms.legacy_vn import (
    is_vietnamese_syllable,
    score_vietnamese,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

SENTENCE = (
    "Tổng thu ngân sách trên địa bàn đạt 3,45 tỷ đồng, bằng 62,1% dự toán năm, tăng 8,2% so với cùng kỳ."
)
REPORT = (
    "ỦY BAN NHÂN DÂN XÃ AN THỊNH\r\n"
    "BÁO CÁO\r\n"
    "Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội sáu tháng đầu năm 2024\r\n"
    f"{SENTENCE}\r\n"
    "Diện tích lúa vụ đông xuân được gieo cấy 412 ha, năng suất ước đạt 6,1 tấn/ha.\r\n"
    "Công tác y tế, giáo dục được quan tâm; tỷ lệ hộ nghèo giảm còn 2,3%.\r\n"
)
EXPECTED = REPORT.replace("\r\n", "\n")


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            rest = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
            out += (rest + "".join(tones)).encode("cp1258")
    return bytes(out)


def _decode(data: bytes, name: str = "report.txt", **kw) -> DecodedDocument:
    return decode_document(data, name, **kw)


def _reason(data: bytes, name: str = "report.txt", **kw) -> str:
    with pytest.raises(UnreadableDocument) as info:
        decode_document(data, name, **kw)
    assert str(info.value)  # a sentence for people
    return info.value.reason


# --- Plain text encodings -------------------------------------------------------------------

ENCODINGS = {
    "utf-8": REPORT.encode("utf-8"),
    "utf-8-bom": REPORT.encode("utf-8-sig"),
    "utf-16-le-bom": b"\xff\xfe" + REPORT.encode("utf-16-le"),
    "utf-16-be-bom": b"\xfe\xff" + REPORT.encode("utf-16-be"),
    "utf-16-le-no-bom": REPORT.encode("utf-16-le"),
    "utf-16-be-no-bom": REPORT.encode("utf-16-be"),
    "utf-32-bom": REPORT.encode("utf-32"),
    "cp1258": _cp1258(REPORT),
    "vni": unicode_to_vni(REPORT).encode("cp1252"),
    "tcvn3": unicode_to_tcvn3(REPORT).encode("cp1252"),
    "utf-8-nfd": unicodedata.normalize("NFD", REPORT).encode("utf-8"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_same_report_in_every_encoding(name):
    doc = _decode(ENCODINGS[name])
    assert doc.source_format == "text"
    assert SENTENCE in doc.text
    assert doc.text == EXPECTED  # capitals too: TCVN3 headings come back upper-case


def test_encoding_names():
    assert _decode(ENCODINGS["utf-8"]).encoding == "utf-8"
    assert _decode(ENCODINGS["cp1258"]).encoding == "cp1258"
    assert _decode(ENCODINGS["tcvn3"]).encoding == "tcvn3"
    assert "legacy:tcvn3" in _decode(ENCODINGS["tcvn3"]).notes
    assert _decode(ENCODINGS["vni"]).encoding == "vni"
    assert _decode(ENCODINGS["utf-16-be-bom"]).encoding == "utf-16-be"


def test_cp1252_safe_vietnamese():
    # Only letters Windows-1252 has: read as cp1252, not as cp1258 (whose 0xE3 is "ă").
    text = "Xã Tân Phú báo cáo tình hình sáu tháng: các chính sách vì dân là có ích."
    doc = _decode(text.encode("cp1252"))
    assert doc.text == text
    assert doc.encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café du marché est très animé, même le dimanche après-midi à Besançon.\n", "cp1252"),
        ("Die Öffnungszeiten für März sind größer. Grüße aus Köln, schön wär's übermorgen.\n" * 2, "cp1252"),
        ("El niño pequeño comió año tras año en España, señor Muñoz.\n", "cp1252"),
        ("Отчёт о социально-экономическом развитии района за первое полугодие.\n" * 2, "cp1251"),
    ],
)
def test_other_8bit_text_goes_to_charset_normalizer(text, encoding):
    # Not Vietnamese, and not legacy Vietnamese either: read, not rejected.
    doc = _decode(text.encode(encoding))
    assert doc.text == text
    assert any(note.startswith("charset-normalizer") for note in doc.notes)


def test_newlines_and_nfc():
    doc = _decode(b"a\r\nb\rc\n" + unicodedata.normalize("NFD", "Hà Nội").encode())
    assert doc.text == "a\nb\nc\nHà Nội"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_text_is_kept_as_is():
    text = "  Dòng đầu có khoảng trắng  \n\n\tTab\u00a0và NBSP… “ngoặc kép” — gạch 25°C 12 m² § 3\n"
    assert _decode(text.encode()).text == text


def test_html_named_txt_is_still_html_but_a_quoted_tag_is_not():
    assert _decode(b"<!DOCTYPE html><html><body><p>Xin ch\xc3\xa0o</p></body></html>").source_format == "html"
    text = "Ghi chú: thẻ <p> và <div> chỉ là ví dụ trong văn bản.\n"
    assert _decode(text.encode()).text == text


# --- Legacy font encodings ------------------------------------------------------------------


def test_legacy_tables_round_trip_every_letter():
    lower = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    letters = lower + lower.upper()
    assert vni_to_unicode(unicode_to_vni(letters)) == letters
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower)) == lower
    # A word in capitals comes back in capitals (the .VnTimeH convention).
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower.upper())) == lower.upper()
    # Each TCVN3 letter is one byte, each VNI one or two.
    assert len(unicode_to_tcvn3(lower).encode("cp1252")) == len(lower)
    assert unicode_to_vni("ộ") == "oä" and unicode_to_vni("Ộ") == "OÄ" and unicode_to_vni("đ") == "ñ"
    assert unicode_to_tcvn3("ộ") == "é" and unicode_to_tcvn3("đ") == "®" and unicode_to_tcvn3("Đ") == "§"


def test_syllable_check():
    for word in ["người", "quyết", "nghiêng", "khuya", "Đường", "TỈNH", "gì", "oẳn", "thuở"]:
        assert is_vietnamese_syllable(word), word
    for word in ["B¸o", "baùo", "xă", "cac", "tấḿ", "café", "tiê", "ñöôøng"]:
        assert not is_vietnamese_syllable(word), word


def test_unrecognised_legacy_is_rejected_not_garbled():
    junk = " ".join("k¸q ®øz ÷þx ñ§m ¬ØÞ" for _ in range(20)).encode("cp1252")
    assert _reason(junk) == "legacy_encoding_unrecognised"


def test_legacy_text_carried_in_unicode_is_converted():
    # Old .VnTime text pasted into a UTF-8 page or a converted .docx keeps its cp1252 letters.
    mixed = "Dòng này đã là Unicode.\n" + unicode_to_tcvn3(SENTENCE) + "\nCòn dòng này cũng vậy."
    doc = _decode(mixed.encode("utf-8"))
    assert doc.text == f"Dòng này đã là Unicode.\n{SENTENCE}\nCòn dòng này cũng vậy."
    assert any(note.startswith("legacy:tcvn3") for note in doc.notes)
    vni = _decode(unicode_to_vni(EXPECTED).encode("utf-8"))
    assert vni.text == EXPECTED


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>Cổng thông tin điện tử xã An Thịnh</title>
<style>.menu {{ color: red }} body {{ font-family: Arial }}</style>
<script>var luotTruyCap = 158881; function timKiem() {{ return "Tìm kiếm"; }}</script>
</head><body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div>
<form action="/tim-kiem"><input name="q" placeholder="Nhập từ khóa"><button>Tìm kiếm</button></form></header>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu chung</a></li>
<li><a href="/lien-he">Liên hệ góp ý</a></li></ul></nav>
<div class="content"><article>
<h1>Báo cáo tình hình kinh tế - xã hội sáu tháng đầu năm 2024</h1>
<table class="header"><tr><td><p>ỦY BAN NHÂN DÂN<br>XÃ AN THỊNH</p><p>Số: 45/BC-UBND</p></td>
<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></td></tr></table>
<p>Căn cứ kế hoạch năm, Ủy ban nhân dân xã báo cáo kết quả thực hiện như sau:</p>
<p>{sentence}</p>
<p>Diện tích lúa vụ đông xuân được gieo cấy 412 ha, năng suất ước đạt 6,1 tấn/ha; sản lượng
ước đạt 2.513 tấn, bằng 101,2% cùng kỳ năm trước.</p>
<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th></tr>
<tr><td>Thu ngân sách (tỷ đồng)</td><td>5,56</td><td>3,45</td></tr>
<tr><td>Hộ nghèo (hộ)</td><td>40</td><td>31</td></tr></table>
<p>Công tác y tế, giáo dục được quan tâm; tỷ lệ hộ nghèo giảm còn 2,3%.</p>
</article></div>
<aside><h3>Tin mới nhất</h3><ul><li>Lễ hội mùa xuân năm nay rất đông vui</li></ul></aside>
<footer><p>Bản quyền thuộc Ủy ban nhân dân xã An Thịnh. Địa chỉ: thôn Đông, điện thoại 0123.</p>
<p>Lượt truy cập: 158881</p></footer>
</body></html>
"""

CHROME = [
    "Trang chủ",
    "Giới thiệu chung",
    "Liên hệ góp ý",
    "Bản quyền",
    "luotTruyCap",
    "font-family",
    "158881",
]


def _page(charset: str = "utf-8") -> str:
    return PAGE.format(charset=charset, sentence=SENTENCE)


def _check_page(doc: DecodedDocument) -> None:
    assert doc.source_format == "html"
    assert SENTENCE in doc.text
    for chrome in CHROME:
        assert chrome not in doc.text, chrome
    lines = doc.text.split("\n")
    # Paragraphs and table rows keep their line breaks; cells of a row are tab-separated.
    assert SENTENCE in lines
    assert "Thu ngân sách (tỷ đồng)\t5,56\t3,45" in lines
    # The document header's cells hold several lines: they are read line by line.
    assert "Số: 45/BC-UBND" in lines and "Độc lập - Tự do - Hạnh phúc" in lines
    assert lines.index("Chỉ tiêu\tKế hoạch\tThực hiện") < lines.index("Hộ nghèo (hộ)\t40\t31")


def test_html_page_main_text_without_chrome():
    doc = _decode(_page().encode("utf-8"), "trang.html")
    _check_page(doc)
    assert doc.encoding == "utf-8"


@pytest.mark.parametrize(
    ("charset", "encode"),
    [
        ("windows-1258", _cp1258),
        ("utf-16", lambda s: s.encode("utf-16")),
        ("iso-8859-1", lambda s: unicode_to_tcvn3(s).encode("cp1252")),  # an old .VnTime page
    ],
)
def test_html_page_in_other_encodings(charset, encode):
    page = _page(charset)
    doc = _decode(encode(page), "trang.htm")
    assert SENTENCE in doc.text
    assert "Trang chủ" not in doc.text


def test_html_fallback_without_trafilatura_result(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    doc = _decode(_page().encode("utf-8"), "trang.html")
    assert "html:beautifulsoup" in doc.notes
    assert SENTENCE in doc.text.split("\n")
    for chrome in ["Trang chủ", "Bản quyền", "luotTruyCap", "font-family"]:
        assert chrome not in doc.text
    assert "Thu ngân sách (tỷ đồng)\t5,56\t3,45" in doc.text


# --- Word .docx -----------------------------------------------------------------------------


def _docx_bytes(paragraph_texts=None) -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("XÃ AN THỊNH")
    left.add_paragraph("Số: 45/BC-UBND")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    document.add_paragraph("BÁO CÁO")
    for text in paragraph_texts or [SENTENCE]:
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [("Chỉ tiêu", "Kế hoạch", "Thực hiện"), ("Thu ngân sách", "5,56", "3,45"), ("Hộ nghèo", "40", "31")],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.add_row().cells
    merged[0].merge(merged[2]).text = "Ghi chú: số liệu ước tính"
    document.add_paragraph("Công tác y tế, giáo dục được quan tâm.")
    document.sections[0].footer.paragraphs[0].text = "Trang chân trang"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    doc = _decode(_docx_bytes(), "bao-cao.docx")
    assert doc.source_format == "docx" and doc.encoding is None
    lines = doc.text.split("\n")
    assert lines[:5] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ AN THỊNH",
        "Số: 45/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    order = [
        "BÁO CÁO",
        SENTENCE,
        "Chỉ tiêu\tKế hoạch\tThực hiện",
        "Thu ngân sách\t5,56\t3,45",
        "Hộ nghèo\t40\t31",
        "Ghi chú: số liệu ước tính",  # a merged cell once, not once per column
        "Công tác y tế, giáo dục được quan tâm.",
    ]
    assert [line for line in lines if line in order] == order
    assert "Trang chân trang" not in doc.text


def test_docx_is_sniffed_by_content_not_name():
    assert _decode(_docx_bytes(), "bao-cao.bin").source_format == "docx"


def test_docx_with_tcvn3_text():
    # What Word makes of an old .VnTime document: Unicode characters of the cp1252 bytes.
    legacy = unicode_to_tcvn3(SENTENCE)
    doc = _decode(
        _docx_bytes([legacy, unicode_to_tcvn3("Diện tích lúa vụ đông xuân được gieo cấy 412 ha.")]), "cu.docx"
    )
    assert SENTENCE in doc.text.split("\n")


def test_truncated_docx():
    data = _docx_bytes()
    assert _reason(data[: len(data) // 2], "bao-cao.docx") == "corrupt_docx"
    assert _reason(data[:200], "bao-cao.docx") == "corrupt_docx"
    assert _reason(SENTENCE.encode(), "bao-cao.docx") == "corrupt_docx"  # a text file misnamed .docx


def test_docx_without_document_part():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    assert _reason(out.getvalue(), "bao-cao.docx") == "corrupt_docx"


# --- PDF ------------------------------------------------------------------------------------


def _pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines`: a simple font whose ToUnicode map
    gives each one-byte code its Vietnamese letter (what a text extractor reads)."""
    chars = sorted({ch for line in lines for ch in line})
    codes: dict[str, int] = {}
    spare = iter(range(0x80, 0x100))
    for ch in chars:
        codes[ch] = ord(ch) if 0x20 <= ord(ch) < 0x7F else next(spare)
    bfchar = [f"<{code:02X}> <{ord(ch):04X}>" for ch, code in codes.items()]
    blocks = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (bfchar[i : i + 100] for i in range(0, len(bfchar), 100))
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        f"1 begincodespacerange <00> <FF> endcodespacerange\n{blocks}"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    shown = "".join(f"<{bytes(codes[ch] for ch in line).hex()}> Tj T*\n" for line in lines)
    content = f"BT /F1 11 Tf 14 TL 40 800 Td\n{shown}ET\n"
    return _pdf_file(content, font=True, cmap=cmap)


def _pdf_file(content: str, font: bool, cmap: str = "") -> bytes:
    resources = "/Resources << /Font << /F1 5 0 R >> >>" if font else ""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R {resources} >>",
        _stream(content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(text: str) -> str:
    return f"<< /Length {len(text.encode('latin-1'))} >>\nstream\n{text}\nendstream"


def test_pdf_with_text_layer():
    doc = _decode(_pdf_bytes(["BÁO CÁO", SENTENCE, "Hộ nghèo giảm còn 31 hộ."]), "bao-cao.pdf")
    assert doc.source_format == "pdf" and doc.encoding is None
    assert SENTENCE in doc.text
    assert "Hộ nghèo giảm còn 31 hộ." in doc.text


def test_pdf_without_text_layer():
    scan = _pdf_file("0 0 m 300 300 l S\n", font=False)
    assert _reason(scan, "scan.pdf") == "no_text_layer"


def test_corrupt_pdf():
    assert _reason(b"%PDF-1.4\n1 0 obj <<\n" + b"\x93garbage" * 50, "hong.pdf") == "corrupt_pdf"


# --- Rejections -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "a.txt", "empty"),
        (b"  \r\n\t \n", "a.txt", "empty"),
        ("   \n ".encode("utf-16"), "a.txt", "empty"),
        (b"\x00\x01\x02\x03" * 300, "a.txt", "binary"),
        (bytes(range(256)) * 8, "a.txt", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x10IHDR" * 20, "anh.txt", "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "cu.doc", "unsupported_format"),
        (b"1.234.567 - 89,5 %\n(2024) 12/06\n", "so.txt", "no_letters"),
        (b"<html><body><script>var a = 1;</script></body></html>", "a.html", "empty"),
    ],
)
def test_rejections(data, name, reason):
    assert _reason(data, name) == reason


def test_rejection_survives_a_process_pool():
    error = pickle.loads(pickle.dumps(UnreadableDocument("binary", "không phải văn bản")))
    assert (error.reason, str(error)) == ("binary", "không phải văn bản")


def test_zip_that_is_not_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("ghi-chu.txt", SENTENCE)
    assert _reason(out.getvalue(), "tai-lieu.zip") == "binary"


def test_too_large(tmp_path, monkeypatch):
    data = REPORT.encode()
    assert _reason(data, max_bytes=100) == "too_large"
    assert _decode(data, max_bytes=len(data)).text == EXPECTED
    path = tmp_path / "lon.txt"
    path.write_bytes(data)

    def no_reading(self):
        raise AssertionError("read the file before checking its size")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(UnreadableDocument) as info:
        decode_path(path, max_bytes=100)
    assert info.value.reason == "too_large"


def test_decode_path(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(ENCODINGS["vni"])
    assert decode_path(path).text == EXPECTED


# --- The seeds and the fast path --------------------------------------------------------------


def test_seeds_round_trip(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    assert paths
    for path in paths:
        expected = unicodedata.normalize("NFC", path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        doc = decode_path(path)
        assert doc.text == expected, path.name
        assert (doc.source_format, doc.encoding, doc.notes) == ("text", "utf-8", ())


@pytest.mark.slow  # five whole reports in three encodings: left out by `make test-fast`
@pytest.mark.parametrize("encoding", ["cp1258", "vni", "tcvn3"])
def test_seeds_in_legacy_encodings(seeds_dir, encoding):
    """Real report text re-encoded in memory: the detector must pick the right table."""
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if encoding == "cp1258":
            text = "".join(ch for ch in text if _encodable(ch, _cp1258))
            data = _cp1258(text)
        elif encoding == "vni":
            text = "".join(ch for ch in text if _round_trips(ch, unicode_to_vni, vni_to_unicode))
            data = unicode_to_vni(text).encode("cp1252")
        else:
            text = "".join(ch for ch in text if _round_trips(ch, unicode_to_tcvn3, tcvn3_to_unicode))
            data = unicode_to_tcvn3(text).encode("cp1252")
        doc = decode_document(data, path.name)
        assert doc.encoding == encoding, path.name
        if encoding == "tcvn3":  # TCVN3 cannot tell "Á" from "á" outside capitalised words
            assert doc.text.lower() == text.lower(), path.name
        else:
            assert doc.text == text, path.name


def _round_trips(ch: str, encode, decode) -> bool:
    """Characters the legacy encoding has (a superscript ¹ is TCVN3's "ạ", so not)."""
    try:
        return decode(encode(ch).encode("cp1252").decode("cp1252")).lower() == ch.lower()
    except UnicodeEncodeError:
        return False


def _encodable(ch: str, encode) -> bool:
    try:
        encode(ch)
    except UnicodeEncodeError:
        return False
    return True


def test_scores_separate_right_from_wrong_readings():
    right = score_vietnamese(EXPECTED)
    assert right.confident
    cp1258_as_cp1252 = _cp1258(EXPECTED).decode("cp1252")
    for wrong in (unicode_to_tcvn3(EXPECTED), unicode_to_vni(EXPECTED), cp1258_as_cp1252):
        assert not score_vietnamese(wrong).confident


def test_utf8_fast_path_imports_nothing_heavy(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(ENCODINGS["utf-8"])
    code = (
        "import sys; from pathlib import Path; from transforms.decode import decode_path;"
        f"decode_path(Path({str(path)!r}));"
        "heavy = [m for m in ('charset_normalizer', 'trafilatura', 'docx', 'pypdf', 'bs4', 'lxml') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("encoding", ["cp1258", "vni", "tcvn3"])
def test_short_legacy_text(encoding):
    text = "Hà Nội mưa rét"
    data = {
        "cp1258": lambda: _cp1258(text),
        "vni": lambda: unicode_to_vni(text).encode("cp1252"),
        "tcvn3": lambda: unicode_to_tcvn3(text).encode("cp1252"),
    }[encoding]()
    doc = _decode(data)
    assert doc.text == text
    assert doc.encoding == encoding


def test_utf8_with_a_few_stray_bytes():
    # A cp1252 quote pasted into UTF-8 text, and the file cut in the middle of a letter.
    data = REPORT.encode().replace("BÁO CÁO".encode(), b"\x93" + "BÁO CÁO".encode() + b"\x94")
    data += "ộ".encode()[:2]
    doc = _decode(data)
    assert doc.encoding == "utf-8"
    assert "“BÁO CÁO”" in doc.text
    assert SENTENCE in doc.text
    assert doc.text.endswith("\ufffd")
    assert "utf-8 with 3 invalid byte sequences (read as cp1252)" in doc.notes
    # Many invalid bytes: not UTF-8 at all, the 8-bit readings decide.
    assert _decode(ENCODINGS["cp1258"]).encoding == "cp1258"


def test_html_page_with_tcvn3_text_in_entities():
    # An old .VnTime page re-saved as UTF-8: the legacy bytes became numeric entities.
    legacy = "".join(ch if ch.isascii() else f"&#{ord(ch)};" for ch in unicode_to_tcvn3(SENTENCE))
    page = PAGE.format(charset="utf-8", sentence=legacy)
    doc = _decode(page.encode("utf-8"), "cu.html")
    assert SENTENCE in doc.text.split("\n")
    assert "Căn cứ kế hoạch năm, Ủy ban nhân dân xã báo cáo kết quả thực hiện như sau:" in doc.text
