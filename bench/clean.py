"""Cleaning throughput on the golden corpus: articles/s for ingest alone and ingest + clean.

    python bench/clean.py [--repeat N]

Reads every case of tests/corpus (and the bundled samples) N times, after one warm-up pass that
loads the language models, and prints articles/s, paragraphs/s and MB/s of text. Run on demand;
numbers depend on the machine, so quote them with the machine they came from.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def inputs() -> list[str]:
    paths = []
    for case in sorted((ROOT / "tests" / "corpus" / "cases").iterdir()):
        expected = json.loads((case / "expected.json").read_text("utf-8"))
        if "input" in expected:
            paths.append(str(ROOT / expected["input"]))
        else:
            paths.extend(str(p) for p in sorted(case.iterdir()) if p.name.startswith("input"))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    from eventwire.clean import clean
    from eventwire.config import Settings
    from eventwire.ingest import read
    from eventwire.records import Article

    settings = Settings(skip_bad=True)
    paths = inputs()
    warm = [clean(a, settings) for a in read(paths, settings) if isinstance(a, Article)]

    t0 = time.perf_counter()
    articles = []
    for _ in range(args.repeat):
        articles.extend(a for a in read(paths, settings) if isinstance(a, Article))
    t_ingest = time.perf_counter() - t0

    t0 = time.perf_counter()
    paragraphs = chars = 0
    for article in articles:
        result = clean(article, settings)
        paragraphs += len(result.paragraphs)
        chars += len(article.text)
    t_clean = time.perf_counter() - t0

    n = len(articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"corpus: {len(paths)} files, {len(warm)} articles, read {args.repeat} times ({n} articles)")
    print(f"ingest only:      {n / t_ingest:8.1f} articles/s")
    print(
        f"clean only:       {n / t_clean:8.1f} articles/s  {paragraphs / t_clean:8.0f} paragraphs/s  "
        f"{chars / t_clean / 1e6:.2f} M chars/s"
    )
    print(f"ingest + clean:   {n / (t_ingest + t_clean):8.1f} articles/s")
    print(f"peak memory:      {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
