"""Event coding throughput against the bare spaCy parse of the same text, in the same run.

    python bench/code.py [--repeat N]

Texts: the project's hand-coded sentences (tests/events/corpus) and the English articles of the
golden corpus (tests/corpus). Timings, after a warm-up, in rounds: the bare parse (``nlp.pipe`` of
the exact paragraphs the coder parses, by the spaCy pipeline as spaCy ships it), the same parse
by eventwire's copy of the pipeline (its attribute ruler replaced by ``nlp.attributes``, same
output), the coder alone on articles already cleaned, the coder without places and dates, and
clean + code (the whole `eventwire code` path without the JSON I/O). The budget
(docs/design.md): the pipeline at least 80% of the bare parse's throughput.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_articles() -> list:
    from eventwire.ingest import read
    from eventwire.ingest.jsonl import article_from_record
    from eventwire.records import Article, Origin

    sentences = (ROOT / "tests" / "events" / "corpus" / "sentences.jsonl").read_text("utf-8").splitlines()
    articles = [
        article_from_record(json.loads(line), Origin("bench", "jsonl"), 10**6) for line in sentences if line
    ]
    sys.path.insert(0, str(ROOT / "bench"))
    from clean import inputs  # the golden corpus files

    articles += [a for a in read(inputs()) if isinstance(a, Article)]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from eventwire import nlp
    from eventwire.clean import clean
    from eventwire.config import Settings
    from eventwire.events import clean_text, code

    settings = Settings()
    model = nlp.load(None)
    shipped = nlp.stock(None)
    articles = load_articles()
    cleaned = [clean(a, settings) for a in articles]
    texts = [text for c in cleaned for text, _ in clean_text(c)[1]]
    n_sentences = sum(len(list(doc.sents)) for doc in model.pipe(texts))
    list(code(cleaned, settings))  # warm-up: dictionaries, patterns and language models load
    list(shipped.pipe(texts))

    import eventwire.events as events_module
    import eventwire.geo as geo_module
    import eventwire.when as when_module

    saved = (geo_module.find_places, when_module.find_dates, events_module._article_place)

    def without_where_when() -> None:  # what the where/when stage costs
        geo_module.find_places = lambda *a, **k: []  # type: ignore[assignment]
        when_module.find_dates = lambda *a, **k: []  # type: ignore[assignment]
        events_module._article_place = lambda *a, **k: None  # type: ignore[assignment]
        try:
            list(code(cleaned, settings))
        finally:
            geo_module.find_places, when_module.find_dates, events_module._article_place = saved

    steps = {
        "parse": lambda: list(shipped.pipe(texts, batch_size=64)),
        "ours": lambda: list(model.pipe(texts, batch_size=64)),
        "code": lambda: list(code(cleaned, settings)),
        "bare": without_where_when,
        "all": lambda: list(code((clean(a, settings) for a in articles), settings)),
    }
    # Rounds of the five timings back to back, so that a slow spell of this shared machine
    # touches all of them; each ratio is taken within a round, then the median of the rounds.
    rounds: list[dict[str, float]] = []
    for _ in range(args.repeat):
        times = {}
        for name, fn in steps.items():
            t0 = time.perf_counter()
            fn()
            times[name] = time.perf_counter() - t0
        rounds.append(times)
        print({k: round(v, 3) for k, v in times.items()})

    def ratio(a: str, b: str) -> float:
        return statistics.median(r[a] / r[b] for r in rounds)

    t_parse = min(r["parse"] for r in rounds)
    t_code = min(r["code"] for r in rounds)
    t_all = min(r["all"] for r in rounds)
    print(f"machine: {platform.machine()} python {platform.python_version()}, model {nlp.describe(model)}")
    print(
        f"texts: {len(articles)} articles, {len(texts)} paragraphs, {n_sentences} sentences; "
        f"{args.repeat} rounds"
    )
    print(f"bare spaCy parse:  {n_sentences / t_parse:8.1f} sentences/s")
    t_ours = min(r["ours"] for r in rounds)
    ours_share = ratio("parse", "ours")
    print(f"eventwire's parse: {n_sentences / t_ours:8.1f} sentences/s  ({ours_share:.0%} of the parse)")
    for label, seconds, name in (("code (no clean):", t_code, "code"), ("clean + code:", t_all, "all")):
        share = ratio("parse", name)
        print(f"{label:18} {n_sentences / seconds:8.1f} sentences/s  ({share:.0%} of the parse)")
    print(f"places and dates add {ratio('code', 'bare') - 1:.0%} to the time of code")
    print("(sentences/s: the best round; percentages: the median of the rounds' ratios)")


if __name__ == "__main__":
    main()
