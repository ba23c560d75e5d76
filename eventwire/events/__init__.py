"""events: code the events of clean articles (CAMEO, PLOVER, quad class, Goldstein, modality,
who claims it, which wire reported it).

What is coded: the title, then every body paragraph in English (paragraphs in other languages are
never coded). The clean text that spans point into is the title, a blank line, then the body
(``CleanArticle.body``); with no title it is the body alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.config import Settings
from eventwire.records import CleanArticle, Event, stable_id

# The parser's memory grows with the length of what it reads (about 1 GB per 100,000 characters);
# a longer paragraph is not coded and the record says so.
MAX_PARAGRAPH_CHARS = 100_000


@dataclass(slots=True)
class Coded:
    article: CleanArticle
    events: list[Event]
    warnings: list[str]


def clean_text(article: CleanArticle) -> tuple[str, list[tuple[str, int]]]:
    """The text spans point into, and the (paragraph text, offset) pieces of it that are coded."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    if article.title:
        pieces.append((article.title, 0))
        pos = len(article.title) + 2
    for p in article.body_paragraphs:
        pieces.append((p.text, pos))
        pos += len(p.text) + 2
    text = article.title + "\n\n" + article.body if article.title else article.body
    if article.language not in (None, "en"):  # only English is coded
        pieces = pieces[:1] if article.title and _english(article.title) else []
    return text, pieces


def _english(text: str) -> bool:
    return sum(c.isascii() for c in text) > 0.9 * max(1, len(text))


def code(articles: Iterable[CleanArticle], settings: Settings | None = None) -> Iterator[Coded]:
    """Events of each article, in input order. Articles are parsed together in batches."""
    from eventwire import nlp
    from eventwire.actors.dictionary import load as load_dictionary

    settings = settings or Settings()
    model = nlp.load(settings.model)
    dictionary = load_dictionary(settings.model or "default")
    batch: list[CleanArticle] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= settings.batch_size:
            yield from _code_batch(batch, model, dictionary)
            batch = []
    if batch:
        yield from _code_batch(batch, model, dictionary)


def _code_batch(batch: list[CleanArticle], model: Any, dictionary: Any) -> Iterator[Coded]:
    from eventwire.nlp import fix_lemmas
    from eventwire.nlp.datelines import find_dateline

    jobs: list[tuple[int, str, int]] = []  # (article index, text to parse, offset in clean text)
    warnings: list[list[str]] = [[] for _ in batch]
    datelines: list[list[Any]] = [[] for _ in batch]
    for n, article in enumerate(batch):
        _, pieces = clean_text(article)
        for text, offset in pieces:
            dateline = find_dateline(text)
            if dateline is not None:
                datelines[n].append(dateline)
                text, offset = text[dateline.end :], offset + dateline.end
            if len(text) > MAX_PARAGRAPH_CHARS:
                warnings[n].append(
                    f"a paragraph of {len(text):,} characters was not coded (longer than "
                    f"{MAX_PARAGRAPH_CHARS:,}); split it into sentences or paragraphs"
                )
                continue
            if text.strip():
                jobs.append((n, text, offset))
    docs = model.pipe((text for _, text, _ in jobs), batch_size=64)
    per_article: list[list[tuple[Any, int]]] = [[] for _ in batch]
    for (n, text, offset), doc in zip(jobs, docs, strict=True):
        doc.user_data["eventwire.text"] = text  # what doc.text would join again from every token
        fix_lemmas(doc)
        per_article[n].append((doc, offset))
    for n, article in enumerate(batch):
        events = _article_events(article, per_article[n], datelines[n], dictionary)
        yield Coded(article, events, warnings[n])


def _article_events(
    article: CleanArticle, docs: list[tuple[Any, int]], datelines: list[Any], dictionary: Any
) -> list[Event]:
    from eventwire.actors.resolve import Resolver
    from eventwire.events import extract
    from eventwire.events.codebook import lookup
    from eventwire.events.located import source_from_place
    from eventwire.events.provenance import wire_of
    from eventwire.nlp import doc_text
    from eventwire.when import find_dates

    wire = next((d.wire for d in datelines if d.wire), None) or wire_of(
        [article.title or "", *(p.text for p in article.body_paragraphs)]
    )
    resolver = Resolver(dictionary, article.published)
    by_sentence: list[list[Event]] = []
    places: dict[int, list[Any]] = {}  # found on demand: only paragraphs with events need them
    fallback: list[dict[str, Any] | None] = []
    for doc, offset in docs:
        for sentence in doc.sents:
            found = extract.find(sentence, resolver, offset)
            said = doc_text(doc)[sentence.start_char : sentence.end_char]  # sentence.text, without
            dates = find_dates(said, article.published) if found else []  # rebuilding it
            events = []
            for f in found:
                entry = lookup(f.code)
                start = offset + sentence.start_char
                clause_place = _event_place(f.trigger, f, _places_of(doc, places), offset)
                located = source_from_place(
                    f.code,
                    f.source,
                    f.target,
                    clause_place,
                    _places_of(doc, places),
                    offset,
                    dictionary.country_code,
                )
                if located is not None:
                    f.source = located
                events.append(
                    Event(
                        id=stable_id(
                            article.id,
                            str(start),
                            str(f.trigger.i),
                            f.code,
                            f.source.text if f.source else "",
                            f.target.text if f.target else "",
                        ),
                        article_id=article.id,
                        source=f.source,
                        target=f.target,
                        cameo=f.code,
                        plover=entry.plover,
                        plover_mode=entry.plover_mode,
                        quad_class=entry.quad,
                        goldstein=entry.goldstein,
                        negated=f.negated,
                        modality=f.modality,
                        attributed_to=f.attributed_to,
                        reported_by=wire,
                        sentence=said,
                        span=(start, offset + sentence.end_char),
                        trigger=f.trigger.text,
                        rule=f.rule,
                        date=_event_date(f.trigger, sentence, dates, article.published, start),
                        place=clause_place or _fallback(fallback, docs, places, datelines),
                    )
                )
            if events:
                by_sentence.append(events)
    if not by_sentence:
        return []
    # The main event of the first sentence first, whoever its actors; then, by position, every
    # other event that names an actor on at least one side.
    first = by_sentence[0][0]
    rest = [e for events in by_sentence for e in events if e is not first and _has_actor(e)]
    rest.sort(key=lambda e: (e.span[0], _trigger_pos(e)))
    return [first, *rest]


def _identified(actor: Any) -> bool:
    """An actor resolved to anything: a country, an organisation or at least a role ("police")."""
    return actor is not None and bool(actor.country or actor.code or actor.roles)


def _has_actor(event: Event) -> bool:
    """Whether an event past the record's first is worth returning: some side is an actor, and a
    verbal act (quad class 1 or 3: saying, asking, agreeing, rejecting) is not done by a mention
    that names no one ("the negotiations", "the contacts")."""
    if event.source is not None and not _identified(event.source) and event.quad_class in (1, 3):
        return False  # only an actor speaks, asks or agrees: "the contacts seek ..." is no one
    return _identified(event.source) or _identified(event.target)


PLACE_PREPS = frozenset(["in", "at", "near", "inside", "outside", "across", "through", "around"])
# Nouns that name a kind of place: "the town of Samarra", "the Iraqi city of Basra".
PLACE_NOUNS = frozenset("city town village province region district capital area outskirts suburb port "
                        "enclave county state border".split())  # fmt: skip


def _event_place(trigger: Any, found: Any, mentions: list[Any], offset: int) -> dict[str, Any] | None:
    """Where the event happened, from its own clause: the place in a phrase of the trigger ("met
    ... in Damascus"), not one inside an actor's mention ("Ankara said")."""
    actors = [(a.start - offset, a.end - offset) for a in (found.source, found.target) if a is not None]
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        # "outside of Basra", "near the town of Samarra": the place is in the "of" phrase (not in
        # "in defiance of the Chinese authorities").
        objs += [
            g
            for c in [prep, *(o for o in objs if o.lemma_.lower() in PLACE_NOUNS)]
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        for obj in objs:
            inside = []
            if obj.lemma_.lower() in PLACE_NOUNS:  # "the Iraqi city of Basra": the city, else the country
                lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                inside = sorted(
                    (m for m in mentions if lo <= m.start < hi), key=lambda m: m.place.kind == "country"
                )
            for m in [m for m in mentions if m.start <= obj.idx < m.end] + inside:
                if not any(s <= m.start < e for s, e in actors):
                    return {
                        **m.to_dict(),
                        "start": m.start + offset,
                        "end": m.end + offset,
                        "basis": "clause",
                    }
    return None


def _places_of(doc: Any, places: dict[int, list[Any]]) -> list[Any]:
    from eventwire.geo import find_places

    if id(doc) not in places:
        places[id(doc)] = find_places(doc)
    return places[id(doc)]


def _fallback(
    cache: list[dict[str, Any] | None],
    docs: list[tuple[Any, int]],
    places: dict[int, list[Any]],
    datelines: list[Any],
) -> dict[str, Any] | None:
    """The article's place, worked out once, the first time an event needs it."""
    if not cache:
        for doc, _ in docs:
            _places_of(doc, places)
        cache.append(_article_place(places, datelines))
    return cache[0]


def _article_place(places: dict[int, list[Any]], datelines: list[Any]) -> dict[str, Any] | None:
    """The place of an event whose clause names none: the dateline's city, else the place the
    article names most often (basis "dateline" or "article")."""
    from collections import Counter

    from eventwire.geo.gazetteer import load

    for dateline in datelines:
        if dateline.place:
            found = load().lookup(dateline.place.split(",")[0].title())
            if found:
                best = max(found, key=lambda p: p.population)
                return {"text": dateline.place, **best.to_dict(), "basis": "dateline"}
    counts = Counter(
        (m.place.name, m.place.country) for ms in places.values() for m in ms if m.place.kind != "country"
    )
    if not counts:
        return None
    (name, country), _ = counts.most_common(1)[0]
    first = next(
        m for ms in places.values() for m in ms if (m.place.name, m.place.country) == (name, country)
    )
    return {"text": first.text, **first.place.to_dict(), "basis": "article"}


def _event_date(
    trigger: Any, sentence: Any, dates: list[Any], published: Any, base: int
) -> dict[str, Any] | None:
    """When the event happened: the date expression in the trigger's clause (basis "clause"), else
    the nearest one in its sentence ("sentence"), else the publication date ("publication"). The
    expression's span is in the clean text (``base`` is where the sentence starts)."""
    resolved = [d for d in dates if d.start_date is not None]
    if resolved:
        clause = {t.idx - sentence.start_char for t in trigger.subtree}
        in_clause = [d for d in resolved if d.start in clause]
        pos = trigger.idx - sentence.start_char
        best = (in_clause or sorted(resolved, key=lambda d: abs(d.start - pos)))[0]
        found = best.to_dict()
        found.update(
            start=best.start + base, end=best.end + base, basis="clause" if in_clause else "sentence"
        )
        return found
    if published is not None:
        day = published.isoformat()
        return {"text": None, "from": day, "to": day, "precision": "day", "basis": "publication"}
    return None


def _trigger_pos(event: Event) -> int:
    return event.sentence.find(event.trigger)
