"""Pure parsing and extraction: bytes → text → metadata and facts. No Dagster here."""

# Bump when extraction changes meaningfully: documents parsed by an older version are
# parsed again on the next run, even if their files did not change.
PARSER_VERSION = "1"
