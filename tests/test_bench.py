"""The benchmark's code path on a handful of reports, so it does not rot."""

import json

import pytest

from bench.run import main

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`


def test_bench_runs_end_to_end_on_a_few_reports(tmp_path, capsys):
    assert main(["--count", "4", "--out", str(tmp_path), "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert results["reports"] == 4
    assert results["facts_extracted"] > 40  # synthetic reports carry ~30-60 facts each
    assert results["extraction_1core_mb_per_s"] > 0 and results["floor_regex_mb_per_s"] > 0
    assert set(results["incremental_add_one_seconds"]) == {"4"}
    assert "whole pipeline" in printed and "add 1 report to 4" in printed
    if results["accuracy_vs_synthetic_gold"] is not None:  # ../shared present
        assert results["accuracy_vs_synthetic_gold"]["f1"] > 0.8
