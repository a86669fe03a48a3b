"""One landing file → one document record and its facts, as plain Python records.

The two steps are separate functions because they are separate Dagster assets
(decoded documents, then facts), and module-level so a process pool can run them.
A file that cannot be read becomes a record with `status = "rejected"` and a reason;
it never raises, so one bad file cannot take the others down. A step that ran past its
time budget (transforms.batch kills its worker) gets its result from `document_rejected` /
`facts_rejected` instead.
"""

from pathlib import Path
from typing import NamedTuple

from transforms.admin_units import resolve_unit
from transforms.decode import DEFAULT_MAX_UNPACKED_BYTES, UnreadableDocument, decode_document
from transforms.facts import read_numbers
from transforms.metadata import extract_metadata
from transforms.schema import METADATA_SCHEMA, UNIT_CODE_SCHEMA
from transforms.skips import skipped_records


def read_document(
    path: Path, document_id: str, max_bytes: int, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
) -> dict:
    """Decode the file at `path` and read its metadata; never raises."""
    record = _empty_record(document_id)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                "too_large", f"{size / 1e6:.1f} MB is over the limit of {max_bytes / 1e6:.1f} MB"
            )
        decoded = decode_document(path.read_bytes(), path.name, max_bytes, max_unpacked_bytes)
    except UnreadableDocument as exc:
        return {**record, "status": "rejected", "error_reason": exc.reason, "error": str(exc)}
    except FileNotFoundError:
        return {**record, "status": "rejected", "error_reason": "vanished", "error": "deleted during the run"}
    except OSError as exc:
        return {**record, "status": "rejected", "error_reason": "unreadable", "error": str(exc)}
    except Exception as exc:  # a bug in a decoder must not stop the other files
        return {**record, "status": "rejected", "error_reason": "decoder_error", "error": repr(exc)}
    return _with_metadata(record, decoded)


def document_rejected(args: tuple, reason: str, message: str) -> dict:
    """The record of a file whose reading was stopped (`args`: read_document's arguments)."""
    record = _empty_record(args[1])
    return {**record, "status": "rejected", "error_reason": reason, "error": f"decoding: {message}"}


def _empty_record(document_id: str) -> dict:
    return {
        "document_id": document_id,
        "status": "ok",
        "error_reason": None,
        "error": None,
        "text": None,
        "char_count": None,
        "source_format": None,
        "source_encoding": None,
        **dict.fromkeys(METADATA_SCHEMA),
        **dict.fromkeys(UNIT_CODE_SCHEMA),
    }


def _with_metadata(record: dict, decoded) -> dict:
    record.update(
        text=decoded.text,
        char_count=len(decoded.text),
        source_format=decoded.source_format,
        source_encoding=decoded.encoding,
    )
    try:
        record.update(extract_metadata(decoded.text))
    except Exception as exc:  # metadata is best effort: the facts are still worth loading
        record["error"] = f"metadata: {exc!r}"
        return record
    try:
        record.update(resolve_unit(record, decoded.text))
    except Exception as exc:
        record["error"] = f"unit codes: {exc!r}"
    return record


class DocumentFacts(NamedTuple):
    document_id: str
    facts: list[dict]
    error: str | None  # extraction raised: the document keeps its earlier facts, retried next run
    skipped: list[dict]  # the numbers that are no fact, with their reasons (transforms.skips)
    rejection: tuple[str, str] | None = None  # (reason, message): the document is rejected


def read_facts(document_id: str, text: str) -> DocumentFacts:
    """The document's facts, an error message instead of raising, and the numbers that are no
    fact with their reasons."""
    try:
        facts, skipped = read_numbers(text)
        return DocumentFacts(document_id, facts, None, skipped_records(text, skipped))
    except Exception as exc:
        return DocumentFacts(document_id, [], repr(exc), [])


def facts_rejected(args: tuple, reason: str, message: str) -> DocumentFacts:
    """The result for a document whose extraction was stopped (`args`: read_facts' arguments)."""
    return DocumentFacts(args[0], [], None, [], (reason, f"fact extraction: {message}"))
