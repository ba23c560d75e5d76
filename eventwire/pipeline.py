"""The whole job: ingest -> clean -> code -> where/when -> stories -> store.

``ingest_into(store, paths, settings, workers)`` reads every input, skips articles the store
already has, cleans and codes the rest in batches (in this process, or in a pool of ``workers``
processes), and hands each batch, in input order, to the story grouper and the store. Each batch
is one transaction, so a run killed at any moment leaves whole batches behind, and a rerun
(which skips what is stored) ends with the same database an uninterrupted run would have made.
Memory is bounded by the batches in flight, not by the size of the corpus.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from eventwire.config import Settings
from eventwire.records import Article, CleanArticle, Skipped
from eventwire.store import Processed, Store


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "events": self.events,
        }


def process(articles: list[Article], settings: Settings) -> list[Processed]:
    """Clean, code and fingerprint one batch of articles (pure: no store involved)."""
    return code_batch(clean_batch(articles, settings), settings)


def clean_batch(articles: list[Article], settings: Settings) -> list[CleanArticle]:
    from eventwire.clean import clean

    return [clean(a, settings) for a in articles]


def code_batch(cleaned: list[CleanArticle], settings: Settings) -> list[Processed]:
    """Code and fingerprint clean articles."""
    from eventwire.events import code
    from eventwire.stories import features

    out = []
    for coded in code(cleaned, settings):
        out.append(Processed(coded.article, coded.events, coded.warnings, features(story_doc(coded.article))))
    return out


def story_doc(article: CleanArticle) -> Any:
    from eventwire.stories import StoryDoc

    return StoryDoc(
        id=article.id,
        title=article.title,
        text=article.body,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
    )


_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    from eventwire import nlp

    nlp.load(settings.model)  # once per process, before the first batch arrives


def _code_in_worker(cleaned: list[CleanArticle]) -> list[Processed]:
    assert _WORKER_SETTINGS is not None
    return code_batch(cleaned, _WORKER_SETTINGS)


def _batches(
    items: Iterator[Article | Skipped], size: int, on_skip: Callable[[Skipped], None]
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Skipped):
            on_skip(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_into(
    store: Store,
    paths: list[str],
    settings: Settings,
    workers: int = 1,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> IngestReport:
    """Ingest ``paths`` into ``store``; see the module docstring."""
    from eventwire.ingest import read
    from eventwire.stories import StoryGrouper

    report = IngestReport()
    started = time.perf_counter()
    grouper = StoryGrouper()
    for row in store.grouper_state(grouper.max_docs):
        grouper.restore(*row)
    run_id = store.start_run(paths)
    issues: list[tuple[str, str]] = []

    def skipped(item: Skipped) -> None:
        report.skipped += 1
        issues.append((item.origin.where(), item.reason))
        if on_skip:
            on_skip(item)

    def fresh(batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Batches without the articles the store (or the batch itself) already has."""
        for batch in batches:
            report.read += len(batch)
            known = store.known(a.id for a in batch)
            seen: set[str] = set()
            keep = []
            for a in batch:
                if a.id in known or a.id in seen:
                    report.duplicates += 1
                else:
                    seen.add(a.id)
                    keep.append(a)
            if keep:
                yield keep
            elif on_progress:
                on_progress(report)

    def store_batch(processed: list[Processed]) -> None:
        written = store.write(processed, grouper)
        report.stored += written.stored
        report.duplicates += written.duplicates
        report.events += written.events
        report.seconds = time.perf_counter() - started
        if issues:
            store.log_issues(run_id, issues)
            issues.clear()
        if on_progress:
            on_progress(report)

    status, message = "failed", None
    try:
        batches = fresh(_batches(read(paths, settings), settings.batch_size, skipped))
        if workers <= 1:
            for batch in batches:
                store_batch(process(batch, settings))
        else:
            _run_pool(batches, settings, workers, store_batch)
        store.log_issues(run_id, issues)
        status = "done"
    except KeyboardInterrupt:
        status, message = "interrupted", "stopped by the user; rerun the same command to finish"
        raise
    except Exception as exc:
        message = str(exc)
        raise
    finally:
        report.seconds = time.perf_counter() - started
        store.finish_run(run_id, status, report.counts(), message)
    return report


def _run_pool(
    batches: Iterator[list[Article]],
    settings: Settings,
    workers: int,
    store_batch: Callable[[list[Processed]], None],
) -> None:
    """Code batches in ``workers`` processes; store them in input order, a few in flight.

    Cleaning stays in this process: the language detector's models (about 300 MB) are then loaded
    once, not once per worker, which keeps a two-worker run well under 1.5 GB.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        pending: deque[Future[list[Processed]]] = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_code_in_worker, clean_batch(batch, settings)))
                while len(pending) >= 2 * workers:
                    store_batch(pending.popleft().result())
            while pending:
                store_batch(pending.popleft().result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise
