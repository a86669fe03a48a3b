"""Numbers of a report that are no fact, each kept with the reason it was skipped.

Every number token of a report ends either in a fact (as its value, its target or one of its
shares) or here: a date, a reference, a name, a plan for a later period, a comparison base ...
The records let anyone see why a figure was not read (`make explain`, `v_skipped_numbers`).
"""

from typing import NamedTuple


class SkippedNumber(NamedTuple):
    start: int  # first character of the number (or of its a/b or date form)
    end: int  # end of the number with whatever was read with it (its unit, its partner)
    reason: str  # "date", "reference", "name", "plan for a later period", ...


def skipped_records(text: str, skipped: list[SkippedNumber]) -> list[dict]:
    """The skipped numbers as records (char_start, char_end, text, reason), in text order."""
    return [
        {"char_start": s.start, "char_end": s.end, "text": text[s.start : s.end], "reason": s.reason}
        for s in sorted(set(skipped))
    ]
