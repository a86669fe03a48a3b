"""One landing file → one document record and its facts, as plain Python records.

The two steps are separate functions because they are separate Dagster assets
(decoded documents, then facts), and module-level so a process pool can run them.
A file that cannot be read becomes a record with `status = "rejected"` and a reason;
it never raises, so one bad file cannot take the others down.
"""

from pathlib import Path

from transforms.decode import UnreadableDocument, decode_document
from transforms.facts import read_numbers
from transforms.metadata import extract_metadata
from transforms.schema import METADATA_SCHEMA
from transforms.skips import skipped_records


def read_document(path: Path, document_id: str, max_bytes: int) -> dict:
    """Decode the file at `path` and read its metadata; never raises."""
    record = {
        "document_id": document_id,
        "status": "ok",
        "error_reason": None,
        "error": None,
        "text": None,
        "char_count": None,
        "source_format": None,
        "source_encoding": None,
        **dict.fromkeys(METADATA_SCHEMA),
    }
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                "too_large", f"{size / 1e6:.1f} MB is over the limit of {max_bytes / 1e6:.1f} MB"
            )
        decoded = decode_document(path.read_bytes(), path.name, max_bytes=max_bytes)
    except UnreadableDocument as exc:
        return {**record, "status": "rejected", "error_reason": exc.reason, "error": str(exc)}
    except FileNotFoundError:
        return {**record, "status": "rejected", "error_reason": "vanished", "error": "deleted during the run"}
    except OSError as exc:
        return {**record, "status": "rejected", "error_reason": "unreadable", "error": str(exc)}
    except Exception as exc:  # a bug in a decoder must not stop the other files
        return {**record, "status": "rejected", "error_reason": "decoder_error", "error": repr(exc)}
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


def read_facts(document_id: str, text: str) -> tuple[str, list[dict], str | None, list[dict]]:
    """The document's facts, an error message instead of raising, and the numbers that are no
    fact with their reasons (transforms.skips)."""
    try:
        facts, skipped = read_numbers(text)
        return document_id, facts, None, skipped_records(text, skipped)
    except Exception as exc:
        return document_id, [], repr(exc), []
