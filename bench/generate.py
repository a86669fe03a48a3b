"""A reproducible synthetic corpus of local-government reports with ground truth.

    python -m bench.generate --count 1000 --out bench/out/corpus --seed 7 [--error-rate 0.05]

writes the report files into OUT/ and, in the gold format of ../shared/gold,
OUT/gold/facts.jsonl, OUT/gold/documents.jsonl, plus OUT/gold/errors.jsonl: one line
per deliberately inconsistent fact (a percentage of plan that disagrees with value /
target, parts that add up to more than their total, a percent of last year that
disagrees with the stated change). ``error_rate`` is the share of the *cross-checkable*
facts (those with such a relation, about a fifth of all facts) that are made
inconsistent; their gold records hold what the text prints.

Report i depends only on (seed, i), so the same seed gives byte-identical output and
a corpus of N is a prefix of a corpus of N + k.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from bench.layout import build_report

FILE_GLOB = "syn*_*.txt"  # our files; stale ones are removed so the folder matches its gold


def report_name(i: int, rng: random.Random) -> str:
    return f"syn{i:05d}_{rng.getrandbits(48):012x}.txt"


def _dump(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False)


def generate_corpus(count: int, out_dir: Path, seed: int, error_rate: float = 0.05) -> dict:
    """Write ``count`` reports and their gold into ``out_dir``.

    Returns {files, facts, checkable, errors, bytes, seconds}: ``checkable`` counts the facts
    whose numbers can be cross-checked (value / target / percentage, a total and its parts,
    a change and a percent of last year); the errors are drawn from those.
    """
    if count < 0 or not 0 <= error_rate < 0.5:
        raise ValueError("count must be >= 0 and error_rate in [0, 0.5)")
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    gold = out_dir / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(FILE_GLOB):
        old.unlink()
    n_facts = n_errors = n_bytes = n_checkable = 0
    with (
        open(gold / "facts.jsonl", "w", encoding="utf-8") as ff,
        open(gold / "documents.jsonl", "w", encoding="utf-8") as fd,
        open(gold / "errors.jsonl", "w", encoding="utf-8") as fe,
    ):
        for i in range(count):
            rng = random.Random(f"{seed}:{i}")  # str seeds hash with SHA-512: stable across runs
            name = report_name(i, rng)
            text, doc, facts, errors, checkable = build_report(rng, error_rate)
            n_checkable += checkable
            data = text.encode("utf-8")
            (out_dir / name).write_bytes(data)
            n_bytes += len(data)
            fd.write(_dump({"doc": name, **doc}) + "\n")
            for f in facts:
                ff.write(_dump({"doc": name, **f}) + "\n")
            for e in errors:
                fe.write(_dump({"doc": name, **e}) + "\n")
            n_facts += len(facts)
            n_errors += len(errors)
    return {
        "files": count,
        "facts": n_facts,
        "checkable": n_checkable,
        "errors": n_errors,
        "bytes": n_bytes,
        "seconds": round(time.perf_counter() - t0, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of reports")
    ap.add_argument("--out", type=Path, required=True, help="output folder (gold/ goes inside)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--error-rate", type=float, default=0.05, help="share of the cross-checkable facts made inconsistent"
    )
    a = ap.parse_args(argv)
    summary = generate_corpus(a.count, a.out, a.seed, a.error_rate)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
