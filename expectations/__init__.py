"""Great Expectations suites over the pipeline's frames and the warehouse.

* facts_suite.validate_facts       — a report's numbers against themselves (warn)
* documents_suite.validate_documents — a report's metadata (warn)
* warehouse_suite.validate_warehouse — the star schema's own invariants (error)
* data_docs.build_data_docs        — one static Data Docs site with every suite's latest result
* run.validate_batch               — the validate step: both source suites, statuses, Data Docs

Importing this package is cheap: Great Expectations itself (~3.5 s) is imported only when
a suite first runs.
"""

from expectations.report import FAILURE_SCHEMA, ValidationReport

__all__ = ["FAILURE_SCHEMA", "ValidationReport"]
