"""GX Data Docs: one static HTML site holding the latest result of every suite.

The suites run at different moments (facts and documents before the load, the
warehouse suite after it), possibly in different processes, so the site cannot be built
from one call's results alone. A file-backed GX context kept inside the site folder
(`<data_docs_dir>/.gx/`) remembers the latest result per suite; each build replaces the
given suites' results, wipes the old HTML and renders the whole site again from that
store. Keeping the context inside the folder means one path to ignore, clean or publish.

The results stored are the slimmed ones the runner leaves (partial failure lists only),
so the site stays small however many rows fail. GX's pages load CSS/JS from public CDNs,
and its index.html lists results only through that JS; `offline_docs` rewrites every page
so it needs no network. The build also writes `summary.html`, a plain page of every
suite's latest result, linking each suite's GX page.
"""

import copy
import fcntl
import html
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from expectations.offline_docs import make_site_offline
from expectations.report import ValidationReport
from expectations.runner import load_gx, new_context

SITE_NAME = "local_site"
CONTEXT_DIR = ".gx"  # inside data_docs_dir; never deleted by a rebuild
LOCK_FILE = ".gx.lock"


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One builder at a time per folder (parallel Dagster steps may both publish)."""
    with open(folder / LOCK_FILE, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune_empty_dirs(root: Path) -> None:
    """The results store removes files, not their run folders: drop those left empty."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _clear_site(folder: Path) -> None:
    for child in folder.iterdir():
        if child.name in (CONTEXT_DIR, LOCK_FILE):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def build_data_docs(reports: list[ValidationReport], data_docs_dir: Path) -> Path:
    """Store these reports as their suites' latest results and rebuild the site.

    Returns the site's index.html. Suites not among `reports` keep their previous latest
    result, so the site always shows every suite run so far.
    """
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    g = load_gx()
    folder = Path(data_docs_dir).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    # The rebuild empties the folder: never do that to one this module did not make
    # (a mistyped setting pointing at warehouse/ must not delete the warehouse).
    if not (folder / CONTEXT_DIR).is_dir() and any(folder.iterdir()):
        raise ValueError(f"{folder} is not empty and holds no Data Docs site of ours; refusing to clear it")
    with _locked(folder):
        ctx = new_context(mode="file", project_root_dir=str(folder / CONTEXT_DIR))
        # Re-set every time: the folder may have moved since the context was created.
        ctx.variables.data_docs_sites = {
            SITE_NAME: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(folder)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        }
        ctx.variables.save()

        store = ctx.validation_results_store
        replaced = {r.suite for r in reports if r.gx_result is not None}
        for key in store.list_keys():
            if key.expectation_suite_identifier.name in replaced:
                store.remove_key(key)
        _prune_empty_dirs(folder / CONTEXT_DIR / "gx" / "uncommitted" / "validations")
        for report in reports:
            if report.gx_result is None:
                continue
            # A suite object belongs to the context that validated it: store copies.
            suite = g.gx.ExpectationSuite(
                name=report.suite, expectations=[copy.copy(e) for e in report.gx_suite.expectations]
            )
            ctx.suites.add_or_update(suite)
            key = ValidationResultIdentifier(
                expectation_suite_identifier=ExpectationSuiteIdentifier(name=report.suite),
                run_id=report.gx_result.meta["run_id"],
                batch_identifier=f"{report.suite}_batch",
            )
            store.set(key, report.gx_result)

        _clear_site(folder)
        ctx.build_data_docs(site_names=[SITE_NAME])
        make_site_offline(folder)
        _write_summary(folder, [(key, store.get(key)) for key in store.list_keys()])
    return folder / "index.html"


def _write_summary(folder: Path, results: list[tuple]) -> None:
    """summary.html: every suite's latest result as plain tables, readable offline."""
    parts = [
        "<!doctype html><meta charset='utf-8'><title>Validation summary</title>",
        "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:.2em .6em}"
        "table{border-collapse:collapse}.fail{color:#b00}</style>",
        "<h1>Validation summary</h1><p>The latest result of each suite. Full pages: "
        "<a href='index.html'>Great Expectations Data Docs</a>.</p>",
    ]
    for key, result in sorted(results, key=lambda kr: kr[1].suite_name):
        suite = result.suite_name
        page = next(iter(sorted((folder / "validations" / suite).rglob("*.html"))), None)
        link = f" — <a href='{page.relative_to(folder).as_posix()}'>details</a>" if page else ""
        status = "passed" if result.success else "<span class='fail'>failed</span>"
        run_time = key.run_id.run_time.isoformat(timespec="seconds")
        parts.append(f"<h2>{html.escape(suite)}: {status}</h2><p>run {run_time}{link}</p>")
        parts.append(
            "<table><tr><th>expectation</th><th>column</th><th>severity</th><th>rows checked</th>"
            "<th>rows failed</th><th>result</th></tr>"
        )
        for r in result.results:
            meta = r.expectation_config.meta or {}
            info = r.result or {}
            checked = int(info.get("element_count", 0)) - int(info.get("missing_count") or 0)
            ok = "pass" if r.success else "<span class='fail'>fail</span>"
            column = r.expectation_config.kwargs.get("column") or ",".join(
                r.expectation_config.kwargs.get("column_list", [])
            )
            cells = [meta.get("name", r.expectation_config.type), column, meta.get("severity", "")]
            parts.append(
                "<tr>"
                + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
                + f"<td>{checked}</td><td>{int(info.get('unexpected_count') or 0)}</td><td>{ok}</td></tr>"
            )
        parts.append("</table>")
    (folder / "summary.html").write_text("\n".join(parts), encoding="utf-8")
