"""Hostile landing files, built at test time (never stored: some inflate to gigabytes).

Each generator returns the file's bytes. The wording is our own; the numbers are
invented. `python -m tests.hostile OUT_DIR` writes every one of them to a folder, for
measuring by hand (see the README's failure behaviour).
"""

import io
import sys
import zipfile
from pathlib import Path

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_PARAGRAPH = "<w:p><w:r><w:t>Xã trồng mới 12 ha rừng.</w:t></w:r></w:p>"


def _docx(document_xml_parts, declared_size: int | None = None) -> bytes:
    """A minimal .docx whose word/document.xml is the concatenation of the parts (streamed
    through the compressor, never held whole). `declared_size` overwrites the sizes the
    zip's headers give for it (a bomb that lies about its size)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for part in document_xml_parts:
                member.write(part)
    data = buffer.getvalue()
    return data if declared_size is None else _lie_about_size(data, "word/document.xml", declared_size)


def _lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Overwrite the member's uncompressed size in its local header and its central
    directory entry (in the zip64 extra field where the 4-byte one says 0xFFFFFFFF)."""
    patched = bytearray(data)
    # signature, offset of the 4-byte size, of the name length, of the extra length, of the name
    for signature, size_at, name_len_at, extra_len_at, name_at in (
        (b"PK\x03\x04", 22, 26, 28, 30),
        (b"PK\x01\x02", 24, 28, 30, 46),
    ):
        start = patched.find(signature)
        while start != -1:
            name_len = _u16(patched, start + name_len_at)
            if patched[start + name_at : start + name_at + name_len] == name.encode():
                if _u32(patched, start + size_at) != 0xFFFFFFFF:
                    patched[start + size_at : start + size_at + 4] = min(size, 0xFFFFFFFE).to_bytes(
                        4, "little"
                    )
                extra = start + name_at + name_len
                _patch_zip64_size(patched, extra, _u16(patched, start + extra_len_at), size)
            start = patched.find(signature, start + 4)
    return bytes(patched)


def _u16(data: bytearray, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "little")


def _u32(data: bytearray, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little")


def _patch_zip64_size(patched: bytearray, extra: int, extra_len: int, size: int) -> None:
    at = extra
    while at + 4 <= extra + extra_len:
        tag, length = _u16(patched, at), _u16(patched, at + 2)
        if tag == 0x0001:  # zip64: the uncompressed size comes first
            patched[at + 4 : at + 12] = size.to_bytes(8, "little")
            return
        at += 4 + length


# One megabyte of document.xml: a paragraph of one long run of a letter, which deflate packs
# at its best ratio (about 1000:1).
_BOMB_MB = b"<w:p><w:r><w:t>" + b"a" * (1024 * 1024 - 32) + b"</w:t></w:r></w:p>"


def zip_bomb_docx(unpacked_mb: int = 1024) -> bytes:
    """A .docx of about unpacked_mb/1000 MB whose document.xml inflates to `unpacked_mb` MB
    (the default: 1 GB from 1 MB)."""
    return _docx(_bomb_parts(_BOMB_MB, unpacked_mb))


def lying_zip_bomb_docx(unpacked_mb: int = 256) -> bytes:
    """A bomb whose headers declare a document.xml of 1 KB."""
    return _docx(_bomb_parts(_BOMB_MB, unpacked_mb), declared_size=1024)


def _bomb_parts(chunk: bytes, megabytes: int):
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'.encode()
    for _ in range(megabytes):
        yield chunk
    yield b"</w:body></w:document>"


def nested_tables_docx(depth: int = 2000) -> bytes:
    """A .docx with a table in a cell of a table ... `depth` deep, a figure at the bottom."""
    open_ = "<w:tbl><w:tr><w:tc>" * depth
    close = "</w:tc></w:tr></w:tbl>" * depth
    body = f"{open_}{_PARAGRAPH}{close}<w:p/>"
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
    return _docx([(head + body + "</w:body></w:document>").encode()])


def nested_divs_html(depth: int = 100_000) -> bytes:
    """An HTML page of `depth` nested divs (about 2 MB at 100,000) around one sentence."""
    sentence = "<p>Toàn xã thu ngân sách được 1.250 triệu đồng.</p>"
    return (
        "<!DOCTYPE html><html><head><title>Báo cáo</title></head><body>"
        + '<div class="k">' * depth
        + sentence
        + "</div>" * depth
        + "</body></html>"
    ).encode()


def no_terminator_text(megabytes: float = 5.0) -> bytes:
    """One sentence of `megabytes` MB: clauses joined by commas, never a full stop or a newline."""
    clause = "xã trồng mới 12 ha rừng, thu ngân sách 1.250 triệu đồng, làm 3 km đường giao thông, "
    count = int(megabytes * 1024 * 1024) // len(clause.encode())
    return ("BÁO CÁO kết quả năm 2024: " + clause * count).encode()


def huge_single_line(megabytes: float = 5.0) -> bytes:
    """Sentences with full stops but no newline: a report pasted into one line."""
    sentence = "Xã trồng mới 12 ha rừng. Thu ngân sách đạt 1.250 triệu đồng. "
    count = int(megabytes * 1024 * 1024) // len(sentence.encode())
    return ("BÁO CÁO năm 2024. " + sentence * count).encode()


def binary_junk(size: int = 256 * 1024, seed: int = 15) -> bytes:
    """Random bytes (as a .txt)."""
    import random

    return random.Random(seed).randbytes(size)


def pdf_bomb(unpacked_mb: int = 512) -> bytes:
    """A one-page PDF whose content stream inflates to `unpacked_mb` MB of text operators."""
    import zlib

    compressor = zlib.compressobj(9)
    line = b"BT /F1 12 Tf 72 712 Td (Xa trong moi 12 ha rung.) Tj ET\n"
    block = line * (1024 * 1024 // len(line))
    stream = b"".join(compressor.compress(block) for _ in range(unpacked_mb)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


GENERATORS = {
    "zip-bomb.docx": zip_bomb_docx,
    "lying-zip-bomb.docx": lying_zip_bomb_docx,
    "nested-tables.docx": nested_tables_docx,
    "nested-divs.html": nested_divs_html,
    "no-terminator.txt": no_terminator_text,
    "one-line.txt": huge_single_line,
    "junk.txt": binary_junk,
    "pdf-bomb.pdf": pdf_bomb,
}


if __name__ == "__main__":
    out_dir = Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, make in GENERATORS.items():
        if len(sys.argv) < 3 or name in sys.argv[2:]:
            (out_dir / name).write_bytes(make())
            print(name, (out_dir / name).stat().st_size)
