"""Why each number of a report was or was not read: `python -m transforms.explain PATH`.

Prints the report's text with every number marked by its decision — the fact it belongs to and
its role there (value, target, share of plan, share of the same period, change), or the reason it
was skipped (date, reference, name, plan, comparison base ...) — then a count of the reasons.
`make explain FILE=path` runs it.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from transforms.decode import decode_document
from transforms.facts import read_numbers
from transforms.quantities import number_tokens
from transforms.relations import PlacedNumber


class Decision(NamedTuple):
    start: int
    end: int
    text: str
    decision: str  # "fact 3: value", "skip: date", or "unaccounted"


def number_decisions(text: str) -> list[Decision]:
    """One decision per number token of the text, in text order."""
    placed: list[PlacedNumber] = []
    facts, skipped = read_numbers(text, placed)
    return [
        Decision(m.start(), m.end(), m.group(), _decide(m.start(), placed, skipped))
        for m in number_tokens(text)
    ]


def _decide(pos: int, placed: list[PlacedNumber], skipped: list) -> str:
    """The first decision covering the token: a skip (repeated claims included) wins."""
    for s in skipped:
        if s.start <= pos < s.end:
            return f"skip: {s.reason}"
    for p in placed:
        if p.start <= pos < p.end:
            if p.fact is None:
                return f"{p.role} of a later fact"
            if p.fact["fact_index"] is None:
                return "skip: repeated claim"  # a share of a claim said again
            return f"fact {p.fact['fact_index']}: {p.role}"
    return "unaccounted"


def explain(text: str) -> str:
    """The text with every number marked ⟦number → decision⟧, then a count of the skip reasons."""
    facts, _ = read_numbers(text)
    by_index = {f["fact_index"]: f for f in facts}
    out, last = [], 0
    reasons: Counter[str] = Counter()
    for d in number_decisions(text):
        label = d.decision
        if label.startswith("fact "):
            fact = by_index[int(label.split()[1].rstrip(":"))]
            label = f"{label} ({fact['unit']}: {fact['indicator_text']})"
        else:
            reasons[label] += 1
        out.append(text[last : d.start])
        out.append(f"⟦{d.text} → {label}⟧")
        last = d.end
    out.append(text[last:])
    summary = [f"\n--- {len(facts)} facts; numbers not read:"]
    summary += [f"  {n:4d}  {reason}" for reason, n in reasons.most_common()]
    return "".join(out) + "\n".join(summary) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    data = args.path.read_bytes()
    text = decode_document(data, args.path.name, max_bytes=max(len(data), 1)).text
    sys.stdout.write(explain(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
