"""The synthetic corpus generator: reproducible, self-consistent, in the gold format."""

import importlib.util
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest

from bench.generate import generate_corpus, main
from bench.numbers import Q, fmt, mixed_money, round_to
from tests.conftest import SHARED

# Whole synthetic corpora, generated and rescored: left out by `make test-fast`.
pytestmark = pytest.mark.slow

FACT_KEYS = [
    "doc",
    "quote",
    "indicator",
    "value",
    "unit",
    "approx",
    "target",
    "target_kind",
    "pct_target",
    "pct_same_period",
    "change",
    "extra_targets",
]
DOC_KEYS = {
    "doc",
    "title",
    "issuer",
    "admin_level",
    "locality",
    "parent_locality",
    "doc_number",
    "issued_date",
    "period",
    "signer",
    "signer_title",
    "ignored",
}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(120, out, seed=11, error_rate=0.05)
    return out


@pytest.fixture(scope="module")
def gold(corpus) -> dict:
    g = corpus / "gold"
    return {
        "facts": _read(g / "facts.jsonl"),
        "docs": _read(g / "documents.jsonl"),
        "errors": _read(g / "errors.jsonl"),
    }


def _texts(corpus: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}


# ---------------------------------------------------------------- reproducibility


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate_corpus(25, a, seed=3)
    generate_corpus(25, b, seed=3)
    assert _snapshot(a) == _snapshot(b)


def test_other_seed_differs_and_prefix_property(tmp_path):
    generate_corpus(10, tmp_path / "a", seed=3)
    generate_corpus(10, tmp_path / "b", seed=4)
    generate_corpus(4, tmp_path / "c", seed=3)
    a, b, c = (_snapshot(tmp_path / x) for x in "abc")
    assert a != b
    # report i depends only on (seed, i): a smaller corpus is a prefix of a larger one
    assert {k: v for k, v in c.items() if k.endswith(".txt")} == {k: a[k] for k in c if k.endswith(".txt")}


def test_regenerating_into_a_folder_drops_stale_reports(tmp_path):
    generate_corpus(8, tmp_path, seed=1)
    summary = generate_corpus(3, tmp_path, seed=1)
    assert len(list(tmp_path.glob("*.txt"))) == 3 == summary["files"]
    assert len(_read(tmp_path / "gold" / "documents.jsonl")) == 3


def test_cli_prints_summary(tmp_path, capsys):
    assert main(["--count", "4", "--out", str(tmp_path), "--seed", "2", "--error-rate", "0.1"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["files"] == 4
    assert summary["facts"] == len(_read(tmp_path / "gold" / "facts.jsonl"))
    assert summary["bytes"] == sum(p.stat().st_size for p in tmp_path.glob("*.txt"))


# ---------------------------------------------------------------- gold format


def test_documents_one_record_per_file(corpus, gold):
    names = {p.name for p in corpus.glob("*.txt")}
    docs = [d["doc"] for d in gold["docs"]]
    assert len(docs) == len(set(docs)) == len(names) == 120
    assert set(docs) == names
    assert {f["doc"] for f in gold["facts"]} <= names
    for d in gold["docs"]:
        assert set(d) == DOC_KEYS
        assert d["issuer"] in {"UBND", "Đảng ủy", "HĐND"}
        assert d["period"]["kind"] in {"year", "half", "quarter", "months"}
        assert (d["period"]["index"] is None) == (d["period"]["kind"] == "year")


def test_metadata_is_stated_in_the_file(corpus, gold):
    texts = _texts(corpus)
    for d in gold["docs"]:
        t = texts[d["doc"]]
        assert d["locality"] in t
        if d["doc_number"]:
            assert d["doc_number"] in t
        if d["signer"]:
            assert d["signer"] in t
        if d["parent_locality"]:
            assert d["parent_locality"] in t or d["parent_locality"].upper() in t
        y, m, day = d["issued_date"].split("-") if d["issued_date"] else (None, None, None)
        if y:
            assert (f"tháng {int(m)} năm {y}" in t) or (f"{day}/{m}/{y}" in t)


def test_fact_records_have_gold_fields(gold):
    assert 30 * 120 <= len(gold["facts"]) <= 60 * 120
    for f in gold["facts"]:
        assert list(f) == FACT_KEYS
        assert isinstance(f["value"], int | float) and f["value"] > 0
        assert f["unit"] == f["unit"].lower() or "HĐND" in f["unit"]
        if f["pct_target"] is None and not f["extra_targets"]:
            assert f["target_kind"] is None or f["target"] is not None
        if f["change"]:
            assert f["change"]["direction"] in {"tăng", "giảm"}


def test_every_quote_is_in_its_file(corpus, gold):
    texts = _texts(corpus)
    for f in gold["facts"] + gold["errors"]:
        assert f["quote"] in texts[f["doc"]], f


_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def _readings(quote: str) -> set[Fraction]:
    """Every value a number in the quote can stand for, read independently of the generator."""
    out = set()
    for tok in _NUM.findall(quote):
        if tok.count(",") <= 1:
            out.add(Fraction(tok.replace(".", "").replace(",", ".")))  # Vietnamese
        if tok.count(",") >= 2 and "." not in tok:
            out.add(Fraction(tok.replace(",", "")))  # English grouping
        if re.fullmatch(r"\d+\.\d", tok):
            out.add(Fraction(tok))  # English decimal
    for a, b in re.findall(r"(\d+) tỷ (\d+) triệu", quote):
        out.add(Fraction(int(a)) + Fraction(int(b), 1000))
    return out


def test_every_value_is_printed_in_its_quote(gold):
    for f in gold["facts"]:
        assert Fraction(str(f["value"])) in _readings(f["quote"]), f


def test_no_unlabeled_number_in_the_text(corpus, gold):
    """Every digit is inside a fact's quote, an ignored text, or a heading number."""
    texts = _texts(corpus)
    cover: dict[str, list[str]] = {}
    for f in gold["facts"]:
        cover.setdefault(f["doc"], []).append(f["quote"])
    for d in gold["docs"]:
        cover.setdefault(d["doc"], []).extend(i["text"] for i in d["ignored"])
    for name, text in texts.items():
        for piece in sorted(cover.get(name, []), key=len, reverse=True):
            text = text.replace(piece, " ")
        text = re.sub(r"(?m)^(?:[IVX]+|\d+(?:\.\d+)*)[.)] ", "", text)
        left = re.findall(r".{0,30}\d.{0,30}", text)
        assert not left, (name, left[:5])


# ---------------------------------------------------------------- numbers agree unless deliberately wrong


def _decimals(x) -> int:
    s = repr(x)
    return len(s.split(".")[1]) if "." in s else 0


def _pct_ok(value, target, pct) -> bool:
    true = round_to(Fraction(str(value)) / Fraction(str(target)) * 100, _decimals(pct))
    return true.json() == pct


def test_percentages_agree_with_value_and_target(gold):
    wrong = {(e["doc"], e["quote"]) for e in gold["errors"]}
    checked = 0
    for f in gold["facts"]:
        pairs = [(f["target"], f["pct_target"])] + [
            (x["target"], x["pct_target"]) for x in f["extra_targets"]
        ]
        for target, pct in pairs:
            if target is None or pct is None:
                continue
            checked += 1
            ok = _pct_ok(f["value"], target, pct)
            if (f["doc"], f["quote"]) in wrong:
                continue  # the error check below covers it
            assert ok, f
    assert checked > 200


def test_recorded_errors_really_disagree(gold):
    by_quote = {(f["doc"], f["quote"]): f for f in gold["facts"]}
    kinds = set()
    for e in gold["errors"]:
        kinds.add(e["kind"])
        f = by_quote[(e["doc"], e["quote"])]
        if e["kind"] == "pct_target_mismatch":
            pairs = [(f["target"], f["pct_target"])] + [
                (x["target"], x["pct_target"]) for x in f["extra_targets"]
            ]
            assert any(t is not None and not _pct_ok(f["value"], t, p) for t, p in pairs), e
            assert abs(e["printed"] - e["expected"]) >= 3
        elif e["kind"] == "parts_exceed_total":
            assert f["value"] == e["printed"] < e["expected"]
        else:
            assert e["kind"] == "same_period_mismatch"
            assert f["pct_same_period"] == e["printed"] != e["expected"]
    assert kinds == {"pct_target_mismatch", "parts_exceed_total", "same_period_mismatch"}


@pytest.mark.parametrize("rate", [0.0, 0.05, 0.15])
def test_error_rate_is_respected(tmp_path, rate):
    s = generate_corpus(150, tmp_path, seed=5, error_rate=rate)
    errors = _read(tmp_path / "gold" / "errors.jsonl")
    assert s["errors"] == len(errors)
    # the rate is over the cross-checkable facts, about a fifth of all facts
    assert 0.1 * s["facts"] < s["checkable"] < 0.35 * s["facts"]
    assert abs(len(errors) / s["checkable"] - rate) <= max(0.01, rate * 0.15)


def test_number_printing_round_trips():
    assert fmt(Q(1230525, 2)) == "12.305,25"
    assert fmt(Q(21354, 1), "plain") == "2135,4"
    assert fmt(Q(45250000), "en_group") == "45,250,000"
    assert fmt(Q(35, 1), "en_dec") == "3.5"
    assert fmt(Q(5), "lead0") == "05"
    assert fmt(Q(52300, 3)) == "52,3"
    assert mixed_money(Q(1426, 2)) == "14 tỷ 260 triệu"
    assert round_to(Fraction(3250, 4000) * 100, 2) == Q(8125, 2)
    assert round_to(Fraction(412, 420) * 100, 1) == Q(981, 1)


# ---------------------------------------------------------------- the scorer agrees with itself


def _load_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_scored_against_itself_is_perfect(gold):
    score = _load_scorer()
    res = score.score_facts(gold["facts"], gold["facts"])
    assert res["f1"] == 1.0
    assert res["fully_correct_rate"] == 1.0
    assert score.score_docs(gold["docs"], gold["docs"])["accuracy"] == 1.0
