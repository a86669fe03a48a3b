"""Run the fact extractor over a folder of text reports and write predictions in gold format.

python -m bench.extract_jsonl SEEDS_DIR OUT.jsonl
python ../shared/eval/score.py --gold ../shared/gold --facts-jsonl OUT.jsonl --misses
"""

import argparse
import json
import sys
from pathlib import Path

from transforms.facts import extract_facts


def gold_record(doc: str, fact: dict) -> dict:
    """One extracted fact with the field names of gold/facts.jsonl."""
    change = None
    if fact["change_direction"]:
        change = {
            "direction": fact["change_direction"],
            "amount": fact["change_amount"],
            "unit": fact["change_unit"],
            "vs": fact["change_vs"],
        }
    return {
        "doc": doc,
        "quote": fact["quote"],
        "indicator": fact["indicator_text"],
        "value": fact["value"],
        "unit": fact["unit"],
        "approx": fact["approx"],
        "target": fact["target_value"],
        "target_kind": fact["target_kind"],
        "pct_target": fact["pct_target"],
        "pct_same_period": fact["pct_same_period"],
        "change": change,
        "extra_targets": [
            {"target": t["target_value"], "pct_target": t["pct_target"], "target_kind": t["target_kind"]}
            for t in fact["extra_targets"]
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds_dir", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    lines = []
    for path in sorted(args.seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines.extend(json.dumps(gold_record(path.name, f), ensure_ascii=False) for f in extract_facts(text))
    args.out.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    print(f"{len(lines)} facts written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
