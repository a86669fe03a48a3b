"""What a stated change is measured against: the same period of which year.

"tăng 8% so với cùng kỳ" and "bằng 104% cùng kỳ" compare with the same period one year
earlier; "giảm 9,3 tấn so với năm 2020" with the same period of 2020; "so với đầu năm" or
"so với kế hoạch" with no earlier report at all. The phrases are data
(`transforms/data/change_baselines.csv`); the warehouse's cross-report checks join on
the year this returns.
"""

import functools
import re

from transforms.catalog import mapping

_YEAR_AT_END_RE = re.compile(r"^(?P<phrase>.*?)\s*\b(?P<year>(?:19|20)\d\d)$")
_SPACES_RE = re.compile(r"\s+")


@functools.cache
def _phrases() -> dict[str, str]:
    return mapping("change_baselines", "phrase", "alone")


def baseline_year(change_vs: str | None, period_year: int | None) -> int | None:
    """The year whose same period `change_vs` ("cùng kỳ", "năm 2023") compares with, for a
    report of `period_year`; None when it is no same-period baseline."""
    if not change_vs or period_year is None:
        return None
    phrase = _SPACES_RE.sub(" ", change_vs).strip().lower()
    named = _YEAR_AT_END_RE.match(phrase)
    if named:
        if named.group("phrase") not in _phrases():
            return None
        year = int(named.group("year"))
        return year if year < period_year else None
    return period_year - 1 if _phrases().get(phrase) == "previous" else None
