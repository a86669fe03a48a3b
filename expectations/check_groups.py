"""How the suites' expectations are reported as checks on the warehouse's tables.

Each group is one Dagster asset check: a few related expectations of one suite, reported
over every current fact (or document) of the warehouse, not only this run's. Failures the
source reports contain (a percentage that does not match, parts above their total) are
"warn"; a broken invariant of the pipeline itself is "error" and blocks the load.
"""

from dataclasses import dataclass

from expectations import documents_suite, facts_suite, warehouse_suite


@dataclass(frozen=True)
class CheckGroup:
    name: str
    table: str  # the warehouse table the check is about
    suite: str
    expectations: frozenset[str] | None  # None: every expectation of the suite no other group names
    severity: str  # warn | error
    description: str

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


GROUPS = [
    CheckGroup(
        "facts_agree_with_their_targets",
        "fact_indicator_value",
        facts_suite.SUITE,
        frozenset({"pct_target_matches_value_over_target", "extra_target_pct_matches_value_over_target"}),
        "warn",
        "Every current fact's 'đạt X%' agrees with value / target, within one unit of the last printed "
        "digit (for each of its targets).",
    ),
    CheckGroup(
        "parts_within_totals",
        "fact_indicator_value",
        facts_suite.SUITE,
        frozenset({"parts_do_not_exceed_total"}),
        "warn",
        "The parts listed after 'trong đó' do not add up to more than their total, in every current report.",
    ),
    CheckGroup(
        "facts_quoted_with_spans",
        "fact_indicator_value",
        facts_suite.SUITE,
        frozenset({"quote_present", "char_span_valid"}),
        "error",
        "Every current fact carries its quote and a character span inside its document's text "
        "(a pipeline invariant: a failure blocks the load).",
    ),
    CheckGroup(
        "fact_values_plausible",
        "fact_indicator_value",
        facts_suite.SUITE,
        None,
        "warn",
        "Percentages within bounds, no negative amounts, units the unit table knows: every current "
        "fact, and any other expectation of the facts suite.",
    ),
    CheckGroup(
        "documents_metadata_plausible",
        "dim_document",
        documents_suite.SUITE,
        None,
        "warn",
        "Every current report has a plausible period and year, an issued date not in the future, and an "
        "issuer and administrative level from the known vocabularies.",
    ),
    CheckGroup(
        "warehouse_integrity",
        "fact_indicator_value",
        warehouse_suite.SUITE,
        None,
        "error",
        "Every fact's document, period, unit and reporting unit exist in their dimensions and fact keys "
        "are unique (the warehouse suite, on the file about to be swapped in: a failure blocks the load).",
    ),
]


def members(group: CheckGroup, names: list[str]) -> list[str]:
    """The expectations among `names` (one suite's) that `group` reports."""
    if group.expectations is not None:
        return [n for n in names if n in group.expectations]
    named = set().union(*(g.expectations or () for g in GROUPS if g.suite == group.suite))
    return [n for n in names if n not in named]
