#!/usr/bin/env python3
"""Score `eventwire cluster` on the clusters benchmark as a whole and on the pages that report
their story, using the project's audit of the benchmark's pages (docs/benchmarks/clusters-audit.tsv).

Run by hand from the repository root, with eventwire installed and ../shared present:

    python tools/clusters_audit.py [--gold ../shared/benchmarks/clusters/dev.jsonl]

It prints pair precision, recall and F1 (the benchmark's own measure, as score.py computes it)
for: every page; the pages the audit calls reports (plus every page of a one-page story); reports,
primary documents and pages that mention the story; and the wrongly joined pairs among reports,
by the two gold stories they come from. Why: the gold stories are "the pages one Wikinews article
cites", and many cited pages are error pages, background or other stories (see docs/design.md).
"""

from __future__ import annotations

import argparse
import collections
import csv
import itertools
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "docs" / "benchmarks" / "clusters-audit.tsv"


def read_audit(path: Path) -> dict[str, str]:
    """Category of each audited page, by id."""
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return {row["id"]: row["category"] for row in csv.DictReader(lines, delimiter="\t")}


def pair_scores(ids: list[str], gold: dict[str, object], pred: dict[str, str]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp, fp, fn


def line(name: str, counts: tuple[int, int, int]) -> str:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<28} pairs: tp {tp:4} fp {fp:4} fn {fn:4}  P {p:.3f} R {r:.3f} F1 {f1:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "benchmarks" / "clusters" / "dev.jsonl"))
    ap.add_argument("--cmd", default="eventwire cluster")
    args = ap.parse_args()
    if not Path(args.gold).exists():
        print(f"error: {args.gold} not found; give the benchmark file with --gold", file=sys.stderr)
        return 2
    rows = [json.loads(x) for x in Path(args.gold).read_text(encoding="utf-8").splitlines() if x.strip()]
    stdin = "".join(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n" for r in rows)
    done = subprocess.run(args.cmd.split(), input=stdin, capture_output=True, text=True, check=True)
    pred = {o["id"]: o["story"] for o in map(json.loads, done.stdout.splitlines())}
    gold = {r["id"]: r["story"] for r in rows}
    category = read_audit(AUDIT)
    ids = [r["id"] for r in rows]

    def kept(*kinds: str) -> list[str]:  # pages of one-page stories were not audited: they count
        return [i for i in ids if category.get(i, "report") in kinds]

    print(line("all pages", pair_scores(ids, gold, pred)))
    print(line("reports", pair_scores(kept("report"), gold, pred)))
    print(line("reports, primary, mentions", pair_scores(kept("report", "primary", "mentions"), gold, pred)))
    wrong: collections.Counter[tuple[object, object]] = collections.Counter()
    for a, b in itertools.combinations(kept("report"), 2):
        if pred[a] == pred[b] and gold[a] != gold[b]:
            wrong[(gold[a], gold[b])] += 1
    pairs = ", ".join(f"{a}+{b}: {n}" for (a, b), n in wrong.most_common())
    print("wrongly joined report pairs by gold stories:", pairs)
    print("pages by category:", dict(collections.Counter(category[i] for i in ids if i in category)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
