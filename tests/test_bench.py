"""The benchmark's code path on a few dozen reports, as a new user runs it, so it does not rot."""

import json
import os
import subprocess
import sys

import pytest

from bench.run import PROJECT, main

pytestmark = pytest.mark.slow  # end to end: left out by `make test-fast`


def test_bench_runs_end_to_end_from_another_folder_with_a_relative_out(tmp_path):
    # As `make bench` on a fresh clone, but started elsewhere with a relative --out: every
    # path must be taken from the caller's folder, and Dagster gets an absolute home.
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("DAGSTER_HOME", None)
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--count", "24", "--out", "rel/out", "--seed", "3"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = tmp_path / "rel" / "out"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["reports"] == 24
    assert os.path.realpath(sys.executable) in results["python"]  # the figures name their interpreter
    assert results["facts_extracted"] > 24 * 20  # synthetic reports carry ~30-60 facts each
    assert results["extraction_1core_mb_per_s"] > 0 and results["floor_regex_mb_per_s"] > 0
    assert set(results["incremental_add_one_seconds"]) == {"24"}
    assert "whole pipeline" in done.stdout and "add 1 report to 24" in done.stdout
    assert (out / "bench-24.duckdb").exists() and (out / "bench-24.duckdb.run.log").exists()
    if results["accuracy_vs_synthetic_gold"] is not None:  # ../shared present
        assert results["accuracy_vs_synthetic_gold"]["f1"] > 0.8


def test_an_unusable_output_folder_is_named_with_the_reason(tmp_path, capsys):
    taken = tmp_path / "a-file"
    taken.write_text("not a folder")
    assert main(["--count", "2", "--out", str(taken)]) == 1
    said = capsys.readouterr().err
    assert f"cannot use the output folder {taken}" in said and "File exists" in said


def test_a_failing_pipeline_run_prints_the_end_of_its_log(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REPORTS_MAX_FILE_MB", "not-a-size")  # the run cannot read this setting
    assert main(["--count", "2", "--out", str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert "pipeline run failed (exit 1)" in said
    assert str(tmp_path / "bench-2.duckdb.run.log") in said
    assert "not-a-size" in said  # the run's own error, quoted from its log
