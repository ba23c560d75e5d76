"""Score date finding on the project's hand-made temporal expressions (tests/when/corpus/dates.jsonl):
found expressions (overlap), and of those found, the share resolved to exactly the right range.

Run ``python -m tests.when.golden [--show N]``; ``test_golden.py`` checks the figures against floors.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.spans import main, score_spans

CORPUS = Path(__file__).parent / "corpus" / "dates.jsonl"


def load() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def score(records: list[dict] | None = None) -> tuple[dict[str, float], list[str]]:
    from eventwire.when import find_dates

    records = records if records is not None else load()
    pairs = []
    for r in records:
        found = [d.to_dict() for d in find_dates(r["text"], dt.date.fromisoformat(r["date"]))]
        # Unresolved expressions are neither rewarded nor penalised, as in the dates benchmark.
        pairs.append((r["id"], [g for g in r["dates"] if g["from"]], [p for p in found if p["from"]]))
    f1, exact, misses = score_spans(
        pairs,
        lambda g, p: (p["from"], p["to"]) == (g["from"], g["to"]),
        lambda g, p: f"{p['from']}..{p['to']} want {g['from']}..{g['to']}",
    )
    return {"f1": f1, "exact": exact}, misses


if __name__ == "__main__":
    main(score)
