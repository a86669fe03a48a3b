"""Hostile files beside good reports: each costs at most itself, never the warehouse.

The hostile inputs are built at test time by tests/hostile.py (a zip bomb, 100,000 nested
divs, 5 MB without a full stop, ...). The fast tests hold each defence to its promise on
its own; the slow ones run the real pipeline over our sample reports with every hostile
file beside them and check that each bad file is recorded with its reason, the hostile
texts that can be read are read, and every good fact is there, unchanged.
"""

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import hostile
from transforms.decode import UnreadableDocument, decode_document
from transforms.facts import _SENTENCE_BREAK_RE, _SameValue, _SentenceBreaks, read_numbers
from transforms.sentences import _LONG_LINE, _PIECE, with_short_lines
from warehouse.settings import SAMPLE_REPORTS_DIR

# --- Each defence alone ----------------------------------------------------------------------


def _reason(data: bytes, name: str, **limits) -> str:
    with pytest.raises(UnreadableDocument) as caught:
        decode_document(data, name, **limits)
    return caught.value.reason


def test_a_zip_bomb_is_refused_by_its_declared_size():
    bomb = hostile.zip_bomb_docx(unpacked_mb=48)
    assert len(bomb) < 200_000
    assert _reason(bomb, "bomb.docx", max_unpacked_bytes=16 * 1024 * 1024) == "too_large_unpacked"


def test_a_zip_bomb_lying_about_its_size_is_stopped_while_inflating():
    # Its headers declare 1 KB: the declared sizes pass, the part's real bytes do not.
    assert _reason(hostile.lying_zip_bomb_docx(unpacked_mb=32), "bomb.docx") == "corrupt_docx"


def test_a_docx_under_the_unpacked_limit_is_read():
    small = hostile.zip_bomb_docx(unpacked_mb=2)
    text = decode_document(small, "big.docx", max_unpacked_bytes=16 * 1024 * 1024).text
    assert text.count("a" * 1000) >= 2


def test_tables_nested_past_the_xml_parser_limit_are_too_complex():
    assert _reason(hostile.nested_tables_docx(depth=2000), "tables.docx") == "too_complex"


@pytest.mark.slow  # inflates 75 MB
def test_a_pdf_bomb_is_refused_by_the_pdf_reader_limit():
    assert _reason(hostile.pdf_bomb(unpacked_mb=80), "bomb.pdf") == "corrupt_pdf"


def test_binary_junk_named_txt_is_binary():
    assert _reason(hostile.binary_junk(), "notes.txt") == "binary"


@pytest.mark.slow  # parses 20,000 nested elements
def test_deeply_nested_html_is_read_to_its_text():
    decoded = decode_document(hostile.nested_divs_html(depth=20_000), "page.html")
    assert decoded.source_format == "html"
    assert "Toàn xã thu ngân sách được 1.250 triệu đồng." in decoded.text


# --- Extraction that grows with the text, not with its square -------------------------------


def test_short_lines_are_left_alone_and_long_ones_cut_in_place():
    report = "BÁO CÁO\nXã trồng mới 12 ha rừng. Thu ngân sách 1.250 triệu đồng.\n" * 50
    assert with_short_lines(report) is report
    text = hostile.no_terminator_text(megabytes=0.05).decode()
    cut = with_short_lines(text)
    assert len(cut) == len(text)
    assert max(len(line) for line in cut.split("\n")) <= _PIECE + 1 < _LONG_LINE
    # only spaces became newlines, and only after a comma here (the text has no full stop)
    changed = [i for i, (a, b) in enumerate(zip(text, cut, strict=True)) if a != b]
    assert changed and all(text[i] == " " and text[i - 1] == "," for i in changed)


def test_a_text_without_full_stops_gives_facts_whose_quotes_are_its_own_words():
    text = hostile.no_terminator_text(megabytes=0.2).decode()
    facts, _ = read_numbers(text)
    assert {(f["value"], f["unit"]) for f in facts} >= {(12.0, "ha"), (1250.0, "triệu đồng"), (3.0, "km")}
    for fact in facts:
        assert text[fact["char_start"] : fact["char_end"]] == fact["quote"]


_TEXTS = st.text(alphabet="ab .!?…\n\t,", max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 70), st.integers(0, 70))
def test_sentence_breaks_answer_as_the_regular_expression(text, lo, hi):
    expected = _SENTENCE_BREAK_RE.search(text, lo, hi) is not None
    assert _SentenceBreaks(text).within(lo, hi) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), min_size=1, max_size=8))
def test_facts_passed_over_share_no_sentence_break(text, spans):
    """_SameValue.candidates leaves out only facts with no break between them and the new one."""
    breaks = _SentenceBreaks(text)
    facts = [{"char_start": s, "char_end": s + n} for s, n in spans]
    kept = _SameValue()
    for fact in facts:
        offered = kept.candidates(fact, breaks)
        for earlier in kept.facts:
            lo = min(earlier["char_end"], fact["char_end"])
            hi = max(earlier["char_start"], fact["char_start"])
            if earlier not in offered:
                assert not _SENTENCE_BREAK_RE.search(text, lo, hi)
        kept.add(fact)


# --- The pipeline, hostile files beside good reports ----------------------------------------

# file name → how it is built, and the reason it is rejected (None: it is read and loaded)
HOSTILE = {
    "zip-bomb.docx": (hostile.zip_bomb_docx, "too_large_unpacked"),
    "lying-zip-bomb.docx": (hostile.lying_zip_bomb_docx, "corrupt_docx"),
    "nested-tables.docx": (hostile.nested_tables_docx, "too_complex"),
    "pdf-bomb.pdf": (hostile.pdf_bomb, "corrupt_pdf"),
    "junk.txt": (hostile.binary_junk, "binary"),
    "nested-divs.html": (hostile.nested_divs_html, None),
    "no-terminator.txt": (hostile.no_terminator_text, None),
    "one-line.txt": (hostile.huge_single_line, None),
}
PER_DOCUMENT = """
    SELECT source_file, count(*), sum(hash(indicator_text, value, unit, target_value, pct_target,
           pct_same_period, change_amount, quote, char_start, char_end, validation_status))
    FROM v_facts WHERE source_file IN (SELECT source_file FROM v_documents) GROUP BY 1 ORDER BY 1"""


@pytest.fixture(scope="module")
def good_facts(tmp_path_factory) -> list[tuple]:
    """Every sample report's facts, from a run over the samples alone."""
    from tests.pipeline_helpers import query, run_pipeline

    root = tmp_path_factory.mktemp("good")
    shutil.copytree(SAMPLE_REPORTS_DIR, root / "landing")
    assert run_pipeline(root / "landing", root / "wh.duckdb").success
    return query(root / "wh.duckdb", PER_DOCUMENT)


def _landing_with(tmp_path, names) -> tuple:
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_REPORTS_DIR, landing)
    for name in names:
        (landing / name).write_bytes(HOSTILE[name][0]())
    return landing, tmp_path / "wh.duckdb"


def _run(landing, warehouse, **budgets) -> bool:
    """The real definitions over the folder, two workers, with the budgets given."""
    from tests.pipeline_helpers import run_pipeline

    return run_pipeline(landing, warehouse, workers=2, **budgets).success


@pytest.mark.slow
def test_hostile_files_cost_only_themselves(tmp_path, good_facts):
    from tests.pipeline_helpers import bad_spans, query

    landing, warehouse = _landing_with(tmp_path, HOSTILE)
    # Budgets far above what the readable hostile texts need (seconds), so that a busy
    # machine does not stop them: each must finish within its budget, not be stopped.
    assert _run(landing, warehouse, decode_budget_s=240, extract_budget_s=240)

    rejected = dict(query(warehouse, "SELECT source_file, error_reason FROM v_rejected_files"))
    assert rejected == {name: reason for name, (_, reason) in HOSTILE.items() if reason}
    assert query(warehouse, "SELECT count(*) FROM v_rejected_files WHERE coalesce(error, '') = ''") == [(0,)]
    # The hostile texts that can be read are read, to their facts.
    loaded = {name for name, (_, reason) in HOSTILE.items() if reason is None}
    statuses = dict(query(warehouse, "SELECT path, status FROM landing_file"))
    assert {name: statuses[name] for name in loaded} == dict.fromkeys(loaded, "loaded")
    counts = dict(query(warehouse, "SELECT source_file, fact_count FROM v_documents"))
    assert all(counts[name] > 0 for name in loaded)
    assert bad_spans(warehouse) == []
    # Every good fact is there, identical to the run over the good reports alone.
    good_files = {row[0] for row in good_facts}
    assert [row for row in query(warehouse, PER_DOCUMENT) if row[0] in good_files] == good_facts


@pytest.mark.slow
def test_a_document_past_its_time_budget_is_rejected_and_the_rest_load(tmp_path, good_facts):
    """An extraction budget of 2 s: the 5 MB text without a full stop (some 10 s of work) is
    stopped and recorded `too_complex` with the budget it ran past; the reports load."""
    from tests.pipeline_helpers import query

    landing, warehouse = _landing_with(tmp_path, ["no-terminator.txt"])
    assert _run(landing, warehouse, extract_budget_s=2.0)
    rows = query(warehouse, "SELECT source_file, error_reason, error FROM v_rejected_files")
    assert [(name, reason) for name, reason, _ in rows] == [("no-terminator.txt", "too_complex")]
    assert re.search(r"fact extraction: .*time budget of 2 s", rows[0][2])
    stored = "SELECT count(*) FROM document_text JOIN landing_file USING (document_id) WHERE path = ?"
    assert query(warehouse, stored, ["no-terminator.txt"]) == [(0,)]
    assert query(warehouse, PER_DOCUMENT) == good_facts
