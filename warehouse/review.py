"""Review pages: each report's decoded text with every fact marked, for a person checking
what the pipeline read.

One static site per warehouse file (`settings.review_dir`): `index.html` lists the
reports with their unit, period, fact and failure counts; `<document_id>.html` shows a
report's text with each fact's value marked inside its clause (char_start/char_end),
its full reading (unit, target, percentages, change, indicator, admin unit, validation
status and reasons) on hover and in a table below, failing facts in red, and the numbers
the extraction skipped with their reason when the warehouse records them. Pages are
self-contained (inline CSS, no script, no network) and every text is escaped.

Written from a read-only connection after the load. A page is rewritten only when its
document, file name or this module changed, so a nightly run over 10,000 reports
rewrites the few that changed.
"""

import hashlib
import html
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import settings
from warehouse.snapshot import reading

MANIFEST = ".review-site.json"  # marks a folder as ours and remembers each page's fingerprint
CHUNK = 500  # documents fetched per query: bounded memory on a first build of a large archive
_MODULE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]

STYLE = """
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72em;padding:1em 2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
.meta{color:#555}.legend mark{padding:0 .3em}
.text{white-space:pre-wrap;line-height:1.7;border:1px solid #ddd;padding:1em 1.5em;background:#fcfcfa}
mark.fact{border-radius:3px;padding:0 1px;cursor:help}
mark.fact a{color:inherit;text-decoration:none}
mark.pass{background:#fde68a}
mark.fail{background:#fca5a5;outline:2px solid #b91c1c}
mark.not_checked{background:#e5e7eb}
mark.extra{font-size:.75em;vertical-align:super}
span.skip{text-decoration:underline dotted #6b7280 2px;cursor:help}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .5em;vertical-align:top}
th{background:#f3f4f6;text-align:left}tr.fail td{background:#fee2e2}tr:target td{outline:2px solid #2563eb}
td.num{text-align:right;white-space:nowrap}.reason{color:#991b1b}
"""


@dataclass(frozen=True)
class Mark:
    """A marked stretch of the text. start == end: a label inserted at that place (a fact
    whose value shares its printed place with an earlier fact)."""

    start: int
    end: int
    html_open: str
    html_close: str
    label: str = ""


def _e(value) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:,.10g}" if isinstance(value, float) else str(value)


# ---- reading the warehouse -------------------------------------------------------------


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?", [name]
        ).fetchone()[0]
    )


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _documents(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """One row per loaded document (the file that holds it, not its duplicates)."""
    skipped = (
        "(SELECT count(*) FROM skipped_number s WHERE s.document_id = v.document_id)"
        if _has_table(con, "skipped_number")
        else "NULL"
    )
    return _dicts(
        con,
        f"""
        SELECT v.*, d.loaded_at, d.parser_version, {skipped} AS skipped_count,
               (SELECT count(*) FROM fact_indicator_value f
                WHERE f.document_id = v.document_id AND f.validation_status = 'fail') AS failing_count
        FROM v_documents AS v JOIN dim_document AS d USING (document_id)
        WHERE v.duplicate_of IS NULL
        ORDER BY v.source_file, v.document_id""",
    )


def _by_document(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["document_id"]].append(row)
    return grouped


def _chunk_rows(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict]:
    """Texts, facts, failures and skipped numbers of these documents, by document."""
    texts = dict(
        con.execute(
            "SELECT document_id, text FROM document_text WHERE list_contains(?, document_id)", [ids]
        ).fetchall()
    )
    facts = _dicts(
        con,
        "SELECT * FROM v_facts WHERE list_contains(?, document_id) ORDER BY document_id, fact_index",
        [ids],
    )
    failures = _dicts(
        con,
        "SELECT * FROM validation_failure WHERE list_contains(?, document_id) ORDER BY document_id, fact_index, expectation",
        [ids],
    )
    skipped = []
    if _has_table(con, "skipped_number"):
        skipped = _dicts(con, "SELECT * FROM skipped_number WHERE list_contains(?, document_id)", [ids])
    facts_by, failures_by, skipped_by = _by_document(facts), _by_document(failures), _by_document(skipped)
    return {
        i: {
            "text": texts.get(i, ""),
            "facts": facts_by[i],
            "failures": failures_by[i],
            "skipped": skipped_by[i],
        }
        for i in ids
    }


# ---- one fact's reading, in words ------------------------------------------------------


def _reason(failure: dict) -> str:
    observed = f"observed {failure['observed']}" if failure.get("observed") not in (None, "") else ""
    expected = f"expected {failure['expected']}" if failure.get("expected") not in (None, "") else ""
    detail = ", ".join(p for p in (observed, expected) if p)
    return f"{failure['expectation']}{': ' + detail if detail else ''} [{failure.get('severity') or ''}]"


def _fact_lines(fact: dict, reasons: list[str]) -> list[tuple[str, str]]:
    """(label, text) pairs describing a fact; empty parts left out."""
    f = fact
    value = " ".join(
        p for p in (f.get("approx"), f.get("value_text") or _num(f.get("value")), f.get("unit")) if p
    )
    base = (
        f"{_num(f.get('value_base'))} {f.get('unit_base') or ''}".strip()
        if f.get("value_base") is not None
        else ""
    )
    target = (
        f"{_num(f['target_value'])} ({f.get('target_kind') or 'target'})"
        if f.get("target_value") is not None
        else ""
    )
    change = " ".join(
        p
        for p in (
            f.get("change_direction"),
            _num(f.get("change_amount")),
            f.get("change_unit"),
            f.get("change_vs"),
        )
        if p
    )
    unit = " ".join(p for p in (f.get("admin_level"), f.get("locality")) if p)
    code = f.get("admin_unit_code")
    lines = [
        (
            "indicator",
            f"{f.get('indicator_text') or ''}"
            + (f" [{f['indicator_code']}]" if f.get("indicator_code") else ""),
        ),
        ("value", value + (f" (= {base})" if base and base != value else "")),
        ("target", target),
        ("% of target", _num(f.get("pct_target"))),
        ("% of same period", _num(f.get("pct_same_period"))),
        ("change", change),
        ("admin unit", unit + (f" ({code})" if code else "")),
        ("period", f.get("period_label") or ""),
        ("section", f.get("section_path") or ""),
        ("status", f.get("validation_status") or ""),
        *[("reason", r) for r in reasons],
    ]
    return [(label, text) for label, text in lines if text]


def _fact_title(fact: dict, reasons: list[str]) -> str:
    lines = [f"fact #{fact['fact_index']}"] + [
        f"{label}: {text}" for label, text in _fact_lines(fact, reasons)
    ]
    return "\n".join(lines) + f"\nquote: {fact.get('quote') or ''}"


# ---- placing marks in the text ---------------------------------------------------------


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((s, e) for s, e in taken if start < e and s < end), None)


def _value_span(fact: dict, text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the fact's value is printed inside its clause: the first free occurrence of
    value_text that is not part of a longer number."""
    start, end, printed = fact.get("char_start"), fact.get("char_end"), fact.get("value_text")
    if start is None or end is None or not printed:
        return None
    at = text.find(printed, start, end)
    while at >= 0:
        stop = at + len(printed)
        whole = (at == 0 or not text[at - 1].isdigit()) and (stop >= len(text) or not text[stop].isdigit())
        if whole and not _overlaps(at, stop, taken):
            with_unit = _unit_end(text, stop, fact.get("unit"))
            return (at, with_unit) if not _overlaps(at, with_unit, taken) else (at, stop)
        at = text.find(printed, at + 1, end)
    return None


def _unit_end(text: str, stop: int, unit: str | None) -> int:
    """Where the unit printed right after the value ends ("5.210 tấn", "104%"), else stop."""
    if not unit:
        return stop
    at = stop + (len(text[stop : stop + 3]) - len(text[stop : stop + 3].lstrip(" ")))
    return at + len(unit) if text[at : at + len(unit)].lower() == unit else stop


def _fact_marks(facts: list[dict], reasons: dict[int, list[str]], text: str) -> list[Mark]:
    """One mark per fact: its printed value, or a small label where that place is taken."""
    marks, taken = [], []
    for fact in facts:
        n = fact["fact_index"]
        status = _e(fact.get("validation_status") or "not_checked")
        title = _e(_fact_title(fact, reasons.get(n, [])))
        span = _value_span(fact, text, taken)
        extra = "" if span else " extra"
        opening = f'<mark class="fact {status}{extra}" id="m{n}" title="{title}"><a href="#f{n}">'
        if span:
            taken.append(span)
            marks.append(Mark(span[0], span[1], opening, "</a></mark>"))
            continue
        clause = (fact.get("char_start") or 0, fact.get("char_end") or 0)
        place = (_overlaps(*clause, taken) or clause)[1] if clause[1] else len(text)
        marks.append(Mark(place, place, opening, "</a></mark>", label=f"[#{n}]"))
    return marks


def _skip_marks(skipped: list[dict], text: str, taken: list[tuple[int, int]]) -> list[Mark]:
    marks = []
    for row in skipped:
        start, end = row.get("char_start"), row.get("char_end")
        if start is None or end is None or end <= start or end > len(text) or _overlaps(start, end, taken):
            continue
        title = _e(f"skipped: {row.get('reason') or row.get('skip_reason') or ''}")
        marks.append(Mark(start, end, f'<span class="skip" title="{title}">', "</span>"))
    return marks


def _render_text(text: str, marks: list[Mark]) -> str:
    out, pos = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        start = max(mark.start, pos)
        out.append(_e(text[pos:start]))
        out.append(mark.html_open + _e(mark.label or text[start : mark.end]) + mark.html_close)
        pos = max(pos, mark.end)
    out.append(_e(text[pos:]))
    return "".join(out)


# ---- pages -----------------------------------------------------------------------------


def _page(title: str, body: list[str]) -> str:
    return (
        f'<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _table(headers: list[str], rows: list[tuple[str, list[str]]]) -> str:
    """rows: (tr attributes, already-escaped cells)."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        f"<tr{attrs}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>\n" for attrs, cells in rows
    )
    return f"<table><tr>{head}</tr>\n{body}</table>"


def _unit_label(doc: dict) -> str:
    unit = " ".join(p for p in (doc.get("admin_level"), doc.get("locality")) if p)
    parent = f", {doc['parent_locality']}" if doc.get("parent_locality") else ""
    code = f" ({doc['admin_unit_code']})" if doc.get("admin_unit_code") else ""
    return unit + parent + code


def _facts_table(facts: list[dict], reasons: dict[int, list[str]]) -> str:
    rows = []
    for f in facts:
        n, status = f["fact_index"], f.get("validation_status") or "not_checked"
        lines = dict(_fact_lines(f, []))
        why = "<br>".join(f'<span class="reason">{_e(r)}</span>' for r in reasons.get(n, []))
        cells = [
            f'<a href="#m{n}">{n}</a>',
            _e(lines.get("indicator")),
            _e(lines.get("value")),
            _e(lines.get("target")),
            _e(lines.get("% of target")),
            _e(lines.get("% of same period")),
            _e(lines.get("change")),
            _e(status) + ("<br>" + why if why else ""),
            _e(f.get("quote")),
        ]
        rows.append((f' id="f{n}" class="{_e(status)}"', cells))
    headers = ["#", "indicator", "value", "target", "% target", "% same period", "change", "status", "quote"]
    return _table(headers, rows)


def _skipped_table(skipped: list[dict]) -> str:
    columns = [c for c in (skipped[0] if skipped else {}) if c != "document_id"]
    ordered = sorted(skipped, key=lambda r: (r.get("char_start") is None, r.get("char_start") or 0))
    return _table(columns, [("", [_e(_num(r.get(c))) for c in columns]) for r in ordered])


def _document_page(doc: dict, rows: dict) -> str:
    facts, text = rows["facts"], rows["text"]
    reasons: dict[int, list[str]] = defaultdict(list)
    document_reasons = []
    for failure in rows["failures"]:
        if failure.get("fact_index") is None:
            document_reasons.append(_reason(failure))
        else:
            reasons[failure["fact_index"]].append(_reason(failure))
    marks = _fact_marks(facts, reasons, text)
    marks += _skip_marks(rows["skipped"], text, [(m.start, m.end) for m in marks if m.end > m.start])
    failing = sum(1 for f in facts if f.get("validation_status") == "fail")
    meta = " · ".join(
        _e(p)
        for p in (doc.get("issuer"), _unit_label(doc), doc.get("period_label"), doc.get("issued_date"))
        if p
    )
    body = [
        '<p><a href="index.html">← all reports</a></p>',
        f"<h1>{_e(doc['source_file'])}</h1>",
        f'<p class="meta">{meta}<br>{_e(doc.get("title") or "")}</p>',
        f'<p class="meta">{len(facts)} facts, {failing} failing a check · document {_e(doc["document_id"])}</p>',
        '<p class="legend"><mark class="pass">passes its checks</mark> <mark class="fail">fails a check</mark> '
        '<mark class="not_checked">not checked</mark> <span class="skip">number skipped</span> '
        "— hover a mark for its reading, click it for its row below.</p>",
    ]
    if document_reasons:
        body.append(
            "<h2>Document checks failed</h2><ul>"
            + "".join(f"<li>{_e(r)}</li>" for r in document_reasons)
            + "</ul>"
        )
    body += [
        f'<div class="text">{_render_text(text, marks)}</div>',
        "<h2>Facts</h2>",
        _facts_table(facts, reasons),
    ]
    if rows["skipped"]:
        body += ["<h2>Numbers skipped, and why</h2>", _skipped_table(rows["skipped"])]
    return _page(doc["source_file"], body)


def _index_page(documents: list[dict], rejected: list[dict]) -> str:
    rows = []
    for d in documents:
        cells = [
            f'<a href="{_e(d["document_id"])}.html">{_e(d["source_file"])}</a>',
            _e(d.get("issuer")),
            _e(_unit_label(d)),
            _e(d.get("period_label")),
            _e(d.get("issued_date")),
            _e(d.get("fact_count")),
            _e(d.get("failing_count")),
            _e(d.get("skipped_count")),
            _e(d.get("validation_status")),
        ]
        rows.append((' class="fail"' if d.get("failing_count") else "", cells))
    headers = [
        "report",
        "issuer",
        "unit",
        "period",
        "issued",
        "facts",
        "failing",
        "skipped numbers",
        "document check",
    ]
    body = [
        "<h1>Reports in this warehouse</h1>",
        f'<p class="meta">{len(documents)} reports, {sum(d["fact_count"] or 0 for d in documents)} facts, '
        f"{sum(d['failing_count'] or 0 for d in documents)} failing a check.</p>",
        _table(headers, rows),
    ]
    if rejected:
        body += [
            "<h2>Files that could not be read</h2>",
            _table(
                ["file", "reason", "detail"],
                [("", [_e(r["path"]), _e(r["error_reason"]), _e(r["error"])]) for r in rejected],
            ),
        ]
    return _page("Reports in this warehouse", body)


# ---- the site --------------------------------------------------------------------------


def _fingerprint(doc: dict) -> str:
    parts = [
        _MODULE_DIGEST,
        doc["source_file"],
        str(doc.get("loaded_at")),
        str(doc.get("parser_version")),
        str(doc.get("skipped_count")),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _open_site(out_dir: Path) -> dict[str, str]:
    """The folder's manifest; refuses a non-empty folder that is not a review site of ours
    (a mistyped setting must not make us delete someone's files)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / MANIFEST
    if manifest.exists():
        return json.loads(manifest.read_text(encoding="utf-8"))
    if any(out_dir.iterdir()):
        raise ValueError(f"{out_dir} is not empty and holds no review site; refusing to write into it")
    return {}


def _write(path: Path, content: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(content, encoding="utf-8")
    os.replace(temp, path)


def write_review_site(con: duckdb.DuckDBPyConnection, out_dir: Path) -> Path:
    """Write (or bring up to date) the review site of the warehouse open on `con`; returns
    its index.html. Pages of documents no longer in the warehouse are removed."""
    out_dir = Path(out_dir)
    previous = _open_site(out_dir)
    documents = _documents(con)
    current = {d["document_id"]: _fingerprint(d) for d in documents}
    todo = [d for d in documents if previous.get(d["document_id"]) != current[d["document_id"]]]
    for offset in range(0, len(todo), CHUNK):
        chunk = todo[offset : offset + CHUNK]
        rows = _chunk_rows(con, [d["document_id"] for d in chunk])
        for doc in chunk:
            _write(out_dir / f"{doc['document_id']}.html", _document_page(doc, rows[doc["document_id"]]))
    for gone in set(previous) - set(current):
        (out_dir / f"{gone}.html").unlink(missing_ok=True)
    rejected = _dicts(con, "SELECT path, error_reason, error FROM v_rejected_files ORDER BY path")
    _write(out_dir / "index.html", _index_page(documents, rejected))
    _write(out_dir / MANIFEST, json.dumps(current, indent=0, sort_keys=True))
    return out_dir / "index.html"


def write_review_pages(warehouse: Path) -> Path:
    """The review site of the warehouse file at `warehouse`, beside it
    (`settings.review_dir`), brought up to date from a read-only connection."""
    with reading(Path(warehouse)) as con:
        if con is None:
            raise FileNotFoundError(f"no warehouse at {warehouse}")
        return write_review_site(con, settings.review_dir(Path(warehouse)))
