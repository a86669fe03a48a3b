"""Pure parsing and extraction: bytes → text → metadata and facts. No Dagster here."""

from transforms.version import parser_version

# Stored with every document; a document read by other code or data is parsed again on the
# next run, even if its file did not change — so a fix to extraction reaches the whole
# warehouse without anyone remembering to bump a number.
PARSER_VERSION = parser_version()
