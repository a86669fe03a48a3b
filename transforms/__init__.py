"""Pure parsing and extraction: bytes → text → metadata and facts. No Dagster here."""

import functools

from transforms.version import parser_version


@functools.cache
def _parser_version() -> str:
    return parser_version()


def __getattr__(name: str) -> str:
    # PARSER_VERSION is stored with every document; a document read by other code or data is
    # parsed again on the next run, even if its file did not change — so a fix to extraction
    # reaches the whole warehouse without anyone remembering to bump a number. It is computed on
    # first use (it parses every module): importing an extraction module alone (a worker, the
    # bench) does not pay for it.
    if name == "PARSER_VERSION":
        return _parser_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
