"""Pure parsing and extraction: bytes → text → metadata and facts. No Dagster here."""

import hashlib
from pathlib import Path


def _source_digest() -> str:
    """A digest of this package's code: any change to how reports are read changes it."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Stored with every document; a document read by other code is parsed again on the next
# run, even if its file did not change — so a fix to extraction reaches the whole warehouse
# without anyone remembering to bump a number.
PARSER_VERSION = _source_digest()
