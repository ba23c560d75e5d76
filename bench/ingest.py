"""Ingest throughput and memory on a generated corpus, with --workers 1 and --workers 2.

    python bench/ingest.py [--articles 5000] [--workers 1 2] [--keep DIR]

The corpus is made here from the golden corpus and the bundled samples (tests/corpus, eventwire/
samples): every English article, read and cleaned once, then written out again and again with
variations (another outlet and url, paragraphs in another order, days, numbers and place names
swapped among the article's own), so no two generated articles share an id and their text
differs. Each run ingests the JSONL dump into a fresh SQLite store through the real command
(``eventwire ingest``) and reports articles/s, events/s and the peak resident memory of the whole
process tree (sampled from /proc). Before the runs, the bare spaCy parse of what the pipeline
parses (titles and clean body paragraphs) of the first 360 generated articles is timed in this
process, by the spaCy pipeline as spaCy ships it, for the budget: the whole pipeline, store
included, at least 80% of the parse's throughput per core (docs/design.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["example-wire.com", "daily-herald.net", "world-desk.org", "news24.example", "post-courier.info"]


def base_articles() -> list[dict]:
    """English articles of the golden corpus and the samples, as clean JSON records."""
    from eventwire.clean import clean
    from eventwire.config import Settings
    from eventwire.ingest import read
    from eventwire.records import Article

    inputs = sorted(str(p) for p in (ROOT / "tests" / "corpus" / "cases").glob("*/input.*"))
    inputs.append(str(ROOT / "eventwire" / "samples"))
    out = []
    for item in read(inputs, Settings()):
        if not isinstance(item, Article):
            continue
        article = clean(item, Settings())
        if article.language == "en" and len(article.body) > 200:
            paragraphs = [p.text for p in article.body_paragraphs]
            out.append({"title": article.title, "paragraphs": paragraphs, "date": article.published})
    return out


def vary(base: dict, n: int, rng: random.Random) -> dict:
    """The n-th variation of an article: new outlet/url, shuffled paragraphs, swapped details."""
    paragraphs = list(base["paragraphs"])
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    text = "\n\n".join(head + rest)
    text = re.sub(r"\b(" + "|".join(DAYS) + r")\b", lambda _m: rng.choice(DAYS), text)
    text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    outlet = OUTLETS[n % len(OUTLETS)]
    day = base["date"]
    return {
        "id": f"bench-{n:06d}",
        "url": f"https://{outlet}/story/{n}",
        "outlet": outlet,
        "title": base["title"],
        "date": (day.isoformat() if day else "2022-09-02"),
        "text": text + f"\n\nUpdate {n}: the report was revised.",
    }


def make_corpus(path: Path, count: int) -> list[dict]:
    rng = random.Random(20221)
    bases = base_articles()
    with path.open("w", encoding="utf-8") as f:
        for n in range(count):
            f.write(json.dumps(vary(bases[n % len(bases)], n, rng), ensure_ascii=False) + "\n")
    return bases


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return total


def run_ingest(corpus: Path, db: Path, workers: int) -> dict:
    command = [str(Path(sys.executable).parent / "eventwire"), "ingest", str(corpus), "--db", str(db)]
    command += ["--workers", str(workers)]
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"ingest failed ({proc.returncode}): {stderr[-2000:]}")
    from eventwire.store import Store

    with Store.open(str(db), create=False) as store:
        counts = store.counts()
    return {"seconds": elapsed, "peak_mb": peak[0] / 1024, **counts}


def parse_rate(corpus: Path, sample: int = 360) -> float:
    """Articles/s of the bare spaCy parse of exactly what the pipeline parses (each article's
    title and clean body paragraphs) for the first ``sample`` generated articles, after a warm-up."""
    from eventwire import nlp
    from eventwire.clean import clean
    from eventwire.config import Settings
    from eventwire.events import clean_text
    from eventwire.ingest.jsonl import article_from_record
    from eventwire.records import Origin

    settings = Settings()
    with corpus.open(encoding="utf-8") as f:
        records = [json.loads(line) for _, line in zip(range(sample), f, strict=False)]
    articles = [clean(article_from_record(r, Origin("bench", "jsonl"), 10**6), settings) for r in records]
    texts = [text for a in articles for text, _ in clean_text(a)[1] if text.strip()]
    model = nlp.stock(None)  # as spaCy ships it (eventwire's copy runs its attribute ruler faster)
    list(model.pipe(texts[:20]))
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        for _doc in model.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - start)
    return len(articles) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", help="write the corpus and stores here and keep them")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    bases = make_corpus(corpus, args.articles)
    print(f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    print(f"corpus: {args.articles:,} articles generated from {len(bases)} golden/sample articles")
    parse = parse_rate(corpus)
    print(f"bare spaCy parse of the same articles: {parse:.1f} articles/s (one core)")
    for workers in args.workers:
        db = folder / f"workers{workers}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        r = run_ingest(corpus, db, workers)
        rate = r["articles"] / r["seconds"]
        print(
            f"--workers {workers}: {r['articles']:,} articles, {r['mentions']:,} events "
            f"({r['events']:,} after merging, {r['stories']:,} stories) in {r['seconds']:.0f} s: "
            f"{rate:.1f} articles/s, {r['mentions'] / r['seconds']:.1f} events/s, "
            f"{rate / workers / parse:.0%} of the parse per core; peak memory {r['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
