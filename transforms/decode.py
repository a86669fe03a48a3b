"""The bytes of a landing file → the report's text, or a clear rejection.

Formats are recognised by content first and file name second: PDF, Word .docx, HTML
and plain text. Text and HTML bytes may be UTF-8 (with or without BOM), UTF-16, the
Windows code pages 1258 and 1252, or the pre-Unicode Vietnamese font encodings TCVN3
and VNI (see legacy_vn.py); anything else goes to charset-normalizer.

The returned text is Unicode NFC with "\\n" newlines and is otherwise left as it is:
later stages keep character offsets into this exact string.

Plain UTF-8 is by far the common case, so it takes a fast path: no charset detection
and no heavy imports (trafilatura, python-docx, pypdf and charset-normalizer are
imported only by the functions that need them).
"""

import codecs
import contextlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from transforms.legacy_vn import (
    LEGACY_SIGNS,
    legacy_sign_ratio,
    score_vietnamese,
    tcvn3_to_unicode,
    vni_to_unicode,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # an Office package's parts, inflated


@dataclass(frozen=True)
class DecodedDocument:
    text: str
    source_format: str  # "text" | "html" | "docx" | "pdf"
    encoding: str | None  # the byte encoding of text and HTML; None for docx and pdf
    notes: tuple[str, ...] = field(default=())  # how it was read, e.g. "legacy:tcvn3"


class UnreadableDocument(Exception):
    """A file that is not a readable report. `reason` is a short code for tables and
    dashboards; str(exc) is a sentence for people."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason

    def __reduce__(self):  # crosses process-pool boundaries intact
        return type(self), (self.reason, str(self))


def decode_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedDocument:
    """Decode the file at `path`, refusing an over-size file before reading it."""
    _check_size(path.stat().st_size, max_bytes)
    return decode_document(path.read_bytes(), path.name, max_bytes=max_bytes)


def decode_document(
    data: bytes,
    filename: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> DecodedDocument:
    """Turn a landing file's bytes into its text; raises UnreadableDocument. A .docx whose
    parts inflate past `max_unpacked_bytes` is refused (`too_large_unpacked`)."""
    _check_size(len(data), max_bytes)
    if not data.strip():
        raise UnreadableDocument("empty", "the file is empty or holds only whitespace")
    suffix = Path(filename).suffix.lower()
    kind = _sniff(data, suffix)
    notes: list[str] = []
    encoding = None
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "docx":
        text = _docx_text(data, max_unpacked_bytes)
    else:
        text, encoding = _bytes_to_str(data, notes)
        if _looks_like_html(text, suffix):
            kind = "html"
            text = _html_text(text, notes)
    if encoding not in ("tcvn3", "vni"):  # those were chosen by the same scoring already
        text = _repair_legacy_in_unicode(text, notes)
    return DecodedDocument(_normalise(text), kind, encoding, tuple(notes))


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UnreadableDocument(
            "too_large", f"the file has {size:,} bytes, more than the limit of {max_bytes:,} bytes"
        )


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise UnreadableDocument("empty", "the document holds no text")
    if not _LETTER_RE.search(text):
        raise UnreadableDocument("no_letters", "the document's text has no letters")
    return text


_LETTER_RE = re.compile(r"[^\W\d_]")

# --- What kind of file is it? -------------------------------------------------------------

_BINARY_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"\x1f\x8b": "a gzip archive",
}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc / Excel .xls


def _sniff(data: bytes, suffix: str) -> str:
    """'pdf', 'docx' or 'text' (text covers HTML); raises for what this cannot read."""
    if data.startswith(b"%PDF-") or data.find(b"%PDF-", 0, 1024) != -1:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, suffix)
    if data.startswith(_OLE2_MAGIC):
        raise UnreadableDocument(
            "unsupported_format", "the file is an old binary Office document (.doc/.xls), not .docx"
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise UnreadableDocument("unsupported_format", "the file is an RTF document")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnreadableDocument("binary", f"the file is {what}, not a text document")
    if suffix == ".docx":
        raise UnreadableDocument("corrupt_docx", "the .docx file is not a ZIP package (damaged or misnamed)")
    return "text"


def _sniff_zip(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        # A cut-off download: a .docx (or what its first entries show to be one) is a damaged
        # Word file; any other ZIP is just not text.
        if suffix == ".docx" or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            raise UnreadableDocument("corrupt_docx", f"the .docx package cannot be opened: {exc}") from exc
        raise UnreadableDocument("binary", "the file is a damaged ZIP archive, not a document") from exc
    if "word/document.xml" in names:
        return "docx"
    if suffix == ".docx" or "[Content_Types].xml" in names:
        raise UnreadableDocument(
            "corrupt_docx" if suffix == ".docx" else "unsupported_format",
            "the Office package has no word/document.xml (not a Word document, or damaged)",
        )
    raise UnreadableDocument("binary", "the file is a ZIP archive, not a document")


_HTML_START_RE = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG_RE = re.compile(r"<(?:html|head|body|div|p|table|span|br|meta|title)\b", re.I)


def _looks_like_html(text: str, suffix: str) -> bool:
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return True
    # A named .html page that starts with a fragment still is one; a .txt that quotes a tag is not.
    return suffix in (".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php") and bool(
        _HTML_TAG_RE.search(head)
    )


# --- Text bytes → str ----------------------------------------------------------------------

_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that do not occur in text files (tab, newlines, form feed, ESC and the old
# DOS end-of-file mark ^Z do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b")
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _bytes_to_str(data: bytes, notes: list[str]) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            notes.append("bom")
            return _strict(data[len(bom) :], encoding), encoding
    utf16 = _bomless_utf16(data)
    if utf16:
        notes.append("utf-16 without BOM")
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise UnreadableDocument("binary", "the file has NUL bytes: it is binary data, not text")
    if len(data.translate(None, _NOT_CONTROL)) > max(2, len(data) // 100):
        raise UnreadableDocument("binary", "the file is full of control bytes: it is binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"  # the fast path
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(data, notes) or _eight_bit(data, notes)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument("undecodable", f"the bytes are not valid {encoding}: {exc.reason}") from exc
    if len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL)) > max(2, len(text) // 100):
        raise UnreadableDocument("binary", f"the {encoding} text is full of control characters: binary data")
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NULs in every other byte (the high byte of ASCII
    characters): the odd bytes for little-endian, the even ones for big-endian."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _cp1252(data: bytes) -> str:
    # The five bytes cp1252 leaves undefined keep their Latin-1 meaning, so every byte
    # decodes and the legacy tables (keyed by these characters) see all of them.
    return data.decode("cp1252", errors="_latin1_fallback")


def _latin1_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("_latin1_fallback", _latin1_fallback)


def _mostly_utf8(data: bytes, notes: list[str]) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes (a cp1252 quote pasted in, a file cut mid-letter):
    read the stray bytes as cp1252 rather than reading the whole file some 8-bit way."""
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(replaced) - len(replaced.encode("ascii", errors="ignore"))
    if stray > max(3, (non_ascii - stray) // 200):
        return None
    notes.append(f"utf-8 with {stray} invalid byte sequences (read as cp1252)")
    return data.decode("utf-8", errors="_cp1252_fallback"), "utf-8"


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    if exc.reason == "unexpected end of data":  # a letter cut off at the end of the file
        return "\ufffd", exc.end
    return _cp1252(exc.object[exc.start : exc.end]), exc.end


codecs.register_error("_cp1252_fallback", _cp1252_fallback)


def _eight_bit(data: bytes, notes: list[str]) -> tuple[str, str]:
    """Not UTF-8: try each 8-bit reading and keep the one that reads as Vietnamese."""
    as_cp1252 = _cp1252(data)
    candidates: dict[str, str] = {}
    declared = _META_CHARSET_RE.search(data[:4096])
    if declared:
        name = _codec_name(declared[1].decode("ascii"))
        if name and name not in ("utf-8", "cp1252", "latin-1"):
            with contextlib.suppress(UnicodeDecodeError):  # a wrong label is just not a candidate
                candidates[name] = data.decode(name)
    with contextlib.suppress(UnicodeDecodeError):  # cp1258 leaves a few bytes undefined
        candidates["cp1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    candidates["cp1252"] = as_cp1252
    candidates["tcvn3"] = tcvn3_to_unicode(as_cp1252)
    candidates["vni"] = vni_to_unicode(as_cp1252)
    scores = {name: score_vietnamese(text) for name, text in candidates.items()}
    # Ties keep the earlier candidate: declared charset, then the Windows code pages.
    ranked = sorted(scores, key=lambda name: -scores[name].value)
    best = ranked[0]
    top = scores[best]
    # A short text may have too few words to be sure; still take the only reading in which
    # every accented word is a syllable.
    alone = (
        top.words
        and top.valid == top.words
        and all(scores[n].value < top.value or candidates[n] == candidates[best] for n in ranked[1:])
    )
    if top.confident or alone:
        if best in ("tcvn3", "vni"):
            notes.append(f"legacy:{best}")
        if not top.confident:
            notes.append("low-confidence")
        return candidates[best], best
    if scores["cp1252"].words >= 3 and legacy_sign_ratio(as_cp1252, strong=True) >= 0.3:
        raise UnreadableDocument(
            "legacy_encoding_unrecognised",
            "the text looks like an old Vietnamese font encoding, but neither TCVN3 nor VNI reads it",
        )
    return _charset_normalizer(data, as_cp1252, notes)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _charset_normalizer(data: bytes, as_cp1252: str, notes: list[str]) -> tuple[str, str]:
    """Not Vietnamese in any encoding we know: ask charset-normalizer. Among the Latin
    code pages it guesses poorly on short texts (French read as cp1250: "trčs"), and a
    Windows office file in a Latin script is cp1252 far more often than not."""
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise UnreadableDocument("undecodable", "no text encoding reads these bytes")
    notes.append(f"charset-normalizer:{match.encoding}")
    text = str(match)
    latin = all(ch.isascii() or not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in set(text))
    if latin and _cp1252_is_strict(data):
        return as_cp1252, "cp1252"
    return text, match.encoding


def _cp1252_is_strict(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


_LEGACY_SIGN_RE = re.compile("[" + re.escape("".join(sorted(LEGACY_SIGNS))) + "]")


def _repair_legacy_in_unicode(text: str, notes: list[str]) -> str:
    """Old .VnTime/VNI text survives copy-and-paste and .doc→.docx conversion as the
    cp1252 characters of its bytes ("B¸o c¸o"); convert the lines that read better so."""
    if text.isascii():
        return text
    signs = _LEGACY_SIGN_RE.finditer(text)
    if next(signs, None) is None or next(signs, None) is None or next(signs, None) is None:
        return text  # fewer than three: the common case, decided at C speed
    if legacy_sign_ratio(text) < 0.1:
        return text
    lines = text.splitlines(keepends=True)
    suspects = [i for i, line in enumerate(lines) if not line.isascii() and _has_non_syllable(line)]
    sample = "".join(lines[i] for i in suspects)
    converters = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}
    scores = {name: score_vietnamese(convert(sample)) for name, convert in converters.items()}
    name = max(scores, key=lambda n: scores[n].value)
    if not scores[name].confident:
        if legacy_sign_ratio(text, strong=True) >= 0.3:
            raise UnreadableDocument(
                "legacy_encoding_unrecognised",
                "the text looks like an old Vietnamese font encoding, but neither TCVN3 nor VNI reads it",
            )
        return text
    changed = 0
    for i in suspects:
        converted = converters[name](lines[i])
        before, after = score_vietnamese(lines[i]), score_vietnamese(converted)
        # Converting real Unicode turns "các" into "cỏc": still a syllable, no longer a word.
        if after.valid > before.valid and after.common >= before.common:
            lines[i] = converted
            changed += 1
    if changed:
        notes.append(f"legacy:{name} in unicode ({changed} lines)")
    return "".join(lines)


def _has_non_syllable(line: str) -> bool:
    score = score_vietnamese(line)
    return score.valid < score.words


# --- HTML ---------------------------------------------------------------------------------


def _html_text(html: str, notes: list[str]) -> str:
    """The page's main text, without menus, footers, scripts and styles."""
    import trafilatura

    # XML rather than trafilatura's own text output: that flattens a table row into one
    # "| a | b |" line even when its cells hold several lines (the header of an official
    # document), while the XML keeps rows, cells and <br> line breaks for us to lay out.
    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    text = _render_trafilatura_xml(xml) if xml else ""
    if text.strip():
        notes.append("html:trafilatura")
        return text
    notes.append("html:beautifulsoup")
    return _html_text_bs4(html)


_XML_BLOCKS = {"p", "head", "list", "item", "table", "quote", "code", "div", "main"}


def _render_trafilatura_xml(xml: str) -> str:
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    lines: list[str] = []
    _xml_blocks(root.find("main") if root.find("main") is not None else root, lines)
    return "\n".join(lines)


def _xml_blocks(element, lines: list[str]) -> None:
    """One line per paragraph, heading, list item and <lb/>; tables as _lay_out_rows does."""
    if element.tag == "table":
        rows = []
        for row in element.iter("row"):
            rows.append([_xml_lines(cell) for cell in row if cell.tag == "cell"])
        _lay_out_rows(rows, lines)
    elif any(child.tag in _XML_BLOCKS for child in element):
        if element.text and element.text.strip():
            lines.append(element.text.strip())
        for child in element:
            _xml_blocks(child, lines)
            if child.tail and child.tail.strip():
                lines.append(child.tail.strip())
    else:
        lines.extend(_xml_lines_inline(element))


def _xml_lines(element) -> list[str]:
    lines: list[str] = []
    _xml_blocks(element, lines)
    return lines


def _xml_lines_inline(element) -> list[str]:
    parts: list[str] = []
    _xml_inline_parts(element, parts)
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


def _xml_inline_parts(element, parts: list[str]) -> None:
    parts.append("\n" if element.tag == "lb" else element.text or "")
    for child in element:
        _xml_inline_parts(child, parts)
        parts.append(child.tail or "")


def _lay_out_rows(rows: list[list[list[str]]], lines: list[str]) -> None:
    """A table row of one-line cells becomes one tab-separated line (indicator tables).
    A row with a cell of several lines is a layout table (the issuer | national motto
    header of official documents): each cell's lines are then read on their own."""
    for cells in rows:
        if any(len(cell) > 1 for cell in cells):
            for cell in cells:
                lines.extend(cell)
        elif any(cells):
            lines.append("\t".join(cell[0] if cell else "" for cell in cells))


_CHROME_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
]
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "dt", "dd", "title",
}  # fmt: skip


def _html_text_bs4(html: str) -> str:
    """Fallback: all visible text, one line per block element and table row."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    body = soup.body or soup
    text = "".join(_visible_strings(body))
    lines = (re.sub(r"[ \u00a0]+", " ", line).strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _visible_strings(root) -> Iterator[str]:
    """The strings get_text() gives (no comments, scripts, styles) without the page chrome, a
    newline before and at the end of each block element and a tab at the end of each cell.

    One pass with a stack of its own: inserting the breaks into the tree (bs4's insert walks
    the subtree each time) and recursion both fail on 100,000 nested divs."""
    from bs4 import CData, NavigableString, Tag

    stack: list = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if type(node) is str:  # a break pushed for the end of an element
            yield node
        elif type(node) in (NavigableString, CData):
            yield str(node)
        elif isinstance(node, Tag) and node.name not in _CHROME_TAGS:
            if node.name in _BLOCK_TAGS:
                yield "\n"
                stack.append("\n")
            elif node.name in ("td", "th"):
                stack.append("\t")
            stack.extend(reversed(node.contents))


# --- Word .docx ---------------------------------------------------------------------------


def _docx_text(data: bytes, max_unpacked_bytes: int) -> str:
    """Paragraphs and tables in document order (headers and footers are page chrome)."""
    import docx
    from lxml import etree

    _check_unpacked(data, max_unpacked_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:  # libxml2: nested over 256 deep
            raise UnreadableDocument("too_complex", f"the .docx's XML is nested too deep: {exc}") from exc
        raise UnreadableDocument("corrupt_docx", f"the .docx cannot be read: {exc!r}") from exc
    except Exception as exc:  # python-docx raises KeyError, BadZipFile, lxml errors, ...
        raise UnreadableDocument("corrupt_docx", f"the .docx cannot be read: {exc!r}") from exc
    lines: list[str] = []
    _docx_blocks(document, lines)
    return "\n".join(lines)


_INFLATE_CHUNK = 1024 * 1024


def _check_unpacked(data: bytes, limit: int) -> None:
    """Refuse a zip bomb before python-docx inflates it (python-docx reads every part whole):
    first the sizes the package declares, then the bytes its parts really inflate to, read a
    chunk at a time and stopped at the limit. A part that inflates past the size it declares
    fails zipfile's checks: a damaged package, or a bomb lying about its size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            declared = sum(member.file_size for member in package.infolist())
            if declared > limit:
                raise UnreadableDocument(
                    "too_large_unpacked",
                    f"the package's parts declare {declared:,} bytes unpacked, "
                    f"more than the limit of {limit:,} bytes (a zip bomb?)",
                )
            inflated = 0
            for member in package.infolist():
                with package.open(member) as part:
                    while chunk := part.read(_INFLATE_CHUNK):
                        inflated += len(chunk)
                        if inflated > limit:
                            raise UnreadableDocument(
                                "too_large_unpacked",
                                f"the package's parts inflate past the limit of {limit:,} bytes",
                            )
    except UnreadableDocument:
        raise
    except Exception as exc:  # BadZipFile (a bad CRC), zlib.error, NotImplementedError, EOFError ...
        raise UnreadableDocument(
            "corrupt_docx", f"a part of the .docx does not inflate to what it declares: {exc!r}"
        ) from exc


def _docx_blocks(container, lines: list[str]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            _docx_table(block, lines)
        else:
            lines.append(block.text)


def _docx_table(table, lines: list[str]) -> None:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a merged cell repeats once per grid column it spans
                seen.add(id(cell._tc))
                cells.append(cell)
        nested = any(cell.tables for cell in cells)
        multi = any(sum(1 for p in cell.paragraphs if p.text.strip()) > 1 for cell in cells)
        if nested or multi:
            # A layout table (the issuer | national motto header of official documents):
            # each cell's lines read on their own, cell after cell.
            for cell in cells:
                _docx_blocks(cell, lines)
        else:
            lines.append("\t".join(cell.text for cell in cells))


# --- PDF ----------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("encrypted_pdf", "the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise UnreadableDocument("corrupt_pdf", f"the PDF cannot be read: {exc!r}") from exc
    text = "\n".join(pages)
    if not _LETTER_RE.search(text):
        raise UnreadableDocument("no_text_layer", "the PDF has no text layer (a scan?); it would need OCR")
    return text
