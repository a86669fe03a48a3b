"""`make bench`: how fast the pipeline is, measured on a synthetic corpus.

    python -m bench.run --count 2000 [--out bench/out] [--seed 42]

1. generates COUNT reports with ground truth (bench.generate);
2. the floor: one regular-expression pass over the same bytes;
3. extraction alone (transforms.facts), on one core and on all cores;
4. the whole pipeline (`python -m orchestration.run`, as `make run`) into a new warehouse;
5. the checks across reports (warehouse.cross_report), rebuilt over the whole warehouse as
   every load does, timed alone on a copy of it;
6. incremental runs: one new report added to warehouses of 1,000 and COUNT reports;
7. accuracy of the whole pipeline against the generated ground truth (score.py);
and prints a table, also written as JSON to OUT/results.json. Peak memory is the
largest resident set of the pipeline run's processes (and, separately, of the
extraction measurement).
"""

import argparse
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import generate_corpus
from transforms.batch import map_documents, worker_count

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = PROJECT / "bench" / "out"
SCORE_PY = PROJECT.parent / "shared" / "eval" / "score.py"
FLOOR_PATTERN = re.compile(r"\d+(?:[.,]\d+)*")


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def _extract_count(text: str) -> int:
    from transforms.facts import extract_facts

    return len(extract_facts(text))


def measure_floor(texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        sum(1 for _ in FLOOR_PATTERN.finditer(text))
    return time.perf_counter() - start


def measure_extraction(texts: list[str], workers: int) -> tuple[float, int]:
    _extract_count(texts[0])  # load the catalogs first: they are not extraction time
    start = time.perf_counter()
    counts = map_documents(_extract_count, [(t,) for t in texts], workers)
    return time.perf_counter() - start, sum(counts)


def refresh_command(landing: Path, warehouse: Path, home: Path) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of `make run` for this folder and warehouse, with a
    DAGSTER_HOME of its own set up as make does."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    env = {
        **os.environ,
        # absolute: the run's working directory is the project, not the caller's
        "REPORTS_LANDING_DIR": str(landing.resolve()),
        "REPORTS_WAREHOUSE_PATH": str(warehouse.resolve()),
        "DAGSTER_HOME": str(home.resolve()),  # Dagster requires an absolute path
    }
    return [sys.executable, "-m", "orchestration.run"], env


class BenchError(RuntimeError):
    """A measured run failed: the message says why and where its whole log is."""


# The wrapper runs the pipeline with its output in a log file and prints two numbers:
# the exit code and the largest resident set (kB) among the run's processes.
_WRAPPER = (
    "import resource, subprocess, sys; log = open(sys.argv[1], 'w');"
    " r = subprocess.run(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT);"
    " print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_pipeline(landing: Path, warehouse: Path) -> tuple[float, float]:
    """The real job through Dagster's CLI, as `make run` does: (seconds, peak MB of the run).

    A separate process, so its memory is its own. Its whole output is kept in
    `<warehouse>.run.log`; when it fails, the error names the log and quotes its end."""
    command, env = refresh_command(landing, warehouse, warehouse.parent / "dagster_home")
    log = warehouse.with_name(warehouse.name + ".run.log")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(log), *command],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0 or len(done.stdout.split()) != 2:
        raise BenchError(f"could not start the pipeline run: {done.stderr.strip()[-2000:]}")
    rc, peak_kb = done.stdout.split()
    if rc != "0":
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise BenchError(f"pipeline run failed (exit {rc}); the end of its log {log}:\n" + "\n".join(tail))
    return seconds, int(peak_kb) / 1024


def measure_cross_report(warehouse: Path) -> dict:
    """The load's cross-report step alone, over the finished warehouse (on a copy: the
    measurement must not change what the run wrote)."""
    import duckdb

    from warehouse.cross_report import rebuild_cross_report_checks

    copy = warehouse.with_name(warehouse.stem + "-cross-report.duckdb")
    shutil.copyfile(warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        summary = rebuild_cross_report_checks(con)
    finally:
        con.close()
        copy.unlink(missing_ok=True)
    return {
        "seconds": round(summary.seconds, 3),
        "checks": summary.checks,
        "by_verdict": summary.by_verdict,
    }


def _link_first(corpus: Path, landing: Path, n: int) -> list[Path]:
    """A landing folder holding the first n reports of the corpus (hard links: no copying)."""
    shutil.rmtree(landing, ignore_errors=True)
    landing.mkdir(parents=True)
    files = sorted(corpus.glob("*.txt"))[:n]
    for path in files:
        os.link(path, landing / path.name)
    return files


def measure_incremental(corpus: Path, spare: Path, work: Path, size: int) -> float:
    """Seconds to add one report to a warehouse already holding `size` reports."""
    landing = work / f"landing-{size}"
    warehouse = work / f"incremental-{size}.duckdb"
    warehouse.unlink(missing_ok=True)
    _link_first(corpus, landing, size)
    run_pipeline(landing, warehouse)
    os.link(spare, landing / spare.name)
    return run_pipeline(landing, warehouse)[0]


def score(gold: Path, warehouse: Path) -> dict | None:
    if not SCORE_PY.exists():
        return None
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold_facts = module.read_jsonl(gold / "facts.jsonl")
    gold_docs = module.read_jsonl(gold / "documents.jsonl")
    facts, docs = module.read_warehouse(str(warehouse))
    # score.py filters facts by document with a scan per document (quadratic at 10,000
    # reports): score each document alone and add the counts up.
    by_doc: dict[str, tuple[list, list]] = {}
    for fact in gold_facts:
        by_doc.setdefault(fact["doc"], ([], []))[0].append(fact)
    for fact in facts:
        if fact["doc"] in by_doc:
            by_doc[fact["doc"]][1].append(fact)
    totals = {"gold": 0, "pred": 0, "matched": 0}
    fields: dict[str, list[int]] = {}
    for gold_d, pred_d in by_doc.values():
        one = module.score_facts(gold_d, pred_d)
        for key in totals:
            totals[key] += one[key]
        for name, value in one["fields"].items():
            fields.setdefault(name, [0, 0])
            fields[name][0] += value["correct"]
            fields[name][1] += value["checked"]
    precision = totals["matched"] / totals["pred"] if totals["pred"] else 0.0
    recall = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        **{f"{k}_accuracy": round(c / n, 4) if n else 1.0 for k, (c, n) in fields.items()},
        "metadata_accuracy": round(module.score_docs(gold_docs, docs)["accuracy"], 4),
    }


def peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(count: int, out: Path, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    corpus, gold = out / f"corpus-{count}", out / f"gold-{count}"
    spare_dir = out / "spare"
    t0 = time.perf_counter()
    generated = generate_corpus(count, corpus, seed)
    shutil.rmtree(gold, ignore_errors=True)
    (corpus / "gold").rename(gold)  # the landing folder holds reports only
    generate_corpus(1, spare_dir, seed + 1)  # the report an incremental run adds
    spare = next(spare_dir.glob("*.txt"))
    spare = spare.rename(spare_dir / ("spare-" + spare.name))
    generate_seconds = time.perf_counter() - t0

    texts = _texts(corpus)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    floor = measure_floor(texts)
    one_core, facts = measure_extraction(texts, 1)
    cores = worker_count()
    all_cores, _ = measure_extraction(texts, cores)

    warehouse = out / f"bench-{count}.duckdb"
    warehouse.unlink(missing_ok=True)
    full, pipeline_peak = run_pipeline(corpus, warehouse)
    accuracy = score(gold, warehouse)
    cross_report = measure_cross_report(warehouse)

    incremental = {}
    for size in sorted({min(1000, count), count}):
        incremental[size] = measure_incremental(corpus, spare, out / "work", size)

    return {
        "python": _interpreter(),
        "reports": count,
        "megabytes": round(megabytes, 2),
        "facts_extracted": facts,
        "cores": cores,
        "generate_seconds": round(generate_seconds, 2),
        "floor_regex_seconds": round(floor, 3),
        "floor_regex_mb_per_s": round(megabytes / floor, 1),
        "extraction_1core_seconds": round(one_core, 2),
        "extraction_1core_mb_per_s": round(megabytes / one_core, 2),
        "extraction_1core_reports_per_s": round(count / one_core, 1),
        "extraction_all_cores_seconds": round(all_cores, 2),
        "extraction_all_cores_mb_per_s": round(megabytes / all_cores, 2),
        "extraction_vs_floor_ratio": round(one_core / floor, 1),
        "pipeline_seconds": round(full, 2),
        "pipeline_reports_per_s": round(count / full, 1),
        "cross_report": cross_report,
        "incremental_add_one_seconds": {str(k): round(v, 2) for k, v in incremental.items()},
        "pipeline_peak_memory_mb": round(pipeline_peak, 1),
        "extraction_peak_memory_mb": round(peak_memory_mb(), 1),
        "accuracy_vs_synthetic_gold": accuracy,
        "generated": generated,
    }


def _interpreter() -> str:
    """Which CPython ran the bench: builds differ in speed (README, Scale), so each figure says."""
    return (
        f"{platform.python_implementation()} {platform.python_version()} ({os.path.realpath(sys.executable)})"
    )


def _cross_report_line(c: dict) -> str:
    verdicts = {}
    for key, n in c["by_verdict"].items():
        verdicts[key.split("/")[1]] = verdicts.get(key.split("/")[1], 0) + n
    shown = ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items()))
    return f"{c['seconds']} s, {c['checks']} checks ({shown})"


def table(results: dict) -> str:
    r = results
    rows = [
        ("python", r["python"]),
        ("reports / MB", f"{r['reports']} / {r['megabytes']} MB ({r['facts_extracted']} facts)"),
        ("floor: one regex pass", f"{r['floor_regex_seconds']} s ({r['floor_regex_mb_per_s']} MB/s)"),
        (
            "extraction, 1 core",
            f"{r['extraction_1core_seconds']} s = {r['extraction_1core_mb_per_s']} MB/s, "
            f"{r['extraction_1core_reports_per_s']} reports/s",
        ),
        ("extraction / floor", f"{r['extraction_vs_floor_ratio']}×"),
        (
            f"extraction, {r['cores']} cores",
            f"{r['extraction_all_cores_seconds']} s = {r['extraction_all_cores_mb_per_s']} MB/s",
        ),
        (
            "whole pipeline (Dagster+GX+DuckDB)",
            f"{r['pipeline_seconds']} s = {r['pipeline_reports_per_s']} reports/s",
        ),
        ("checks across reports (in the load)", _cross_report_line(r["cross_report"])),
        *[(f"add 1 report to {k}", f"{v} s") for k, v in r["incremental_add_one_seconds"].items()],
        ("peak memory, whole pipeline", f"{r['pipeline_peak_memory_mb']} MB"),
        ("peak memory, extraction bench", f"{r['extraction_peak_memory_mb']} MB"),
    ]
    if r["accuracy_vs_synthetic_gold"]:
        a = r["accuracy_vs_synthetic_gold"]
        rows.append(
            (
                "accuracy vs synthetic gold",
                f"F1 {a['f1']}, target {a['target_accuracy']}, "
                f"pct_target {a['pct_target_accuracy']}, change {a['change_accuracy']}, "
                f"metadata {a['metadata_accuracy']}",
            )
        )
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    out = args.out.expanduser().resolve()  # relative to the caller's working directory
    try:
        results = run(args.count, out, args.seed)
        (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"bench failed: cannot use the output folder {out}: {exc}", file=sys.stderr)
        return 1
    print(table(results))
    print(f"\n(written to {out / 'results.json'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
