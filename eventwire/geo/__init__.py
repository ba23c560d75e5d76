"""geo: place names in the text, put on the map.

``find_places(doc)`` takes a parsed spaCy Doc and returns every place mention with the place it
was resolved to. Candidates are spaCy's GPE, LOC and NORP entities ("Turkish" locates Turkey) found
in the gazetteer; among places of one name, the one in a country the article is about wins, then
countries, regions and big cities before small ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from eventwire.geo.gazetteer import KIND_RANK, Place, load
from eventwire.nlp import doc_text, token_values

ENTITY_LABELS = ("GPE", "LOC", "NORP", "FAC")
# A city name outside the recogniser's place entities counts only for a city at least this big.
MIN_UNLABELLED_CITY = 100_000
# How much a candidate gains when its country is one the article is about.
CONTEXT_BONUS = 1.5
# ... and when it lies near another place the article names without ambiguity ("Paris" near Texas).
NEAR_KM = {"city": 300.0}  # by the kind of the unambiguous place; regions are wide
NEAR_KM_REGION = 800.0
NEAR_BONUS = 3.0


@dataclass(slots=True, frozen=True)
class PlaceMention:
    text: str
    start: int
    end: int
    place: Place

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, **self.place.to_dict()}


def _prior(place: Place) -> float:
    if place.kind == "city":
        return 2.0 + math.log10(place.population + 1)
    return 10.0 - KIND_RANK.get(place.kind, 6)


def _candidates(text: str) -> list[Place]:
    gazetteer = load()
    found = gazetteer.lookup(text)
    if not found and text.endswith(("'s", "’s")):
        found = gazetteer.lookup(text[:-2])
    return found


def _unlabelled(doc: Any, taken: set[int]) -> list[tuple[Any, list[Place]]]:
    """Proper names the entity recogniser passed over that the gazetteer knows as a country, a
    region or a sizeable city (small towns share their names with too many people and things)."""
    from spacy.symbols import PROPN

    free = [tag == PROPN and i not in taken for i, tag in enumerate(token_values(doc, "POS"))]
    out = []
    i = 0
    while i < len(free):
        if not free[i]:
            i += 1
            continue
        for n in (3, 2, 1):
            if i + n > len(free) or not all(free[i : i + n]):
                continue
            span = doc[i : i + n]
            candidates = [
                c for c in _candidates(span.text) if c.kind != "city" or c.population >= MIN_UNLABELLED_CITY
            ]
            if candidates:
                out.append((span, candidates))
                i += n
                break
        else:
            i += 1
    return out


# Words that follow a subdivision's name in news: "the Kherson region", "Hatay province".
TYPE_WORDS = {"region", "province", "oblast", "governorate", "state", "county", "prefecture", "district",
              "department", "emirate", "territory", "krai", "voivodeship", "canton", "division"}  # fmt: skip


def _with_type_word(doc: Any) -> list[tuple[Any, list[Place]]]:
    """Capitalised names followed by a type word that the gazetteer knows together as a region
    ("the Kherson region", "Idlib Governorate"): the recogniser tags the name alone, or calls it a
    person, and the name alone is often the city."""
    out: list[tuple[Any, list[Place]]] = []
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in TYPE_WORDS}
    for i, lower in enumerate(token_values(doc, "LOWER")):
        if lower not in wanted or i == 0:
            continue
        word = doc[i]
        for n in (3, 2, 1):
            if word.i - n < 0 or any(out and t.i < out[-1][0].end for t in doc[word.i - n : word.i]):
                continue
            name = doc[word.i - n : word.i]
            if not all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ") for t in name):
                continue
            found = [p for p in load().lookup(doc[word.i - n : word.i + 1].text) if p.kind != "city"]
            if found:
                out.append((doc[word.i - n : word.i + 1], found))
                break
    return out


def _dateline(doc: Any, taken: set[int]) -> list[tuple[Any, list[Place]]]:
    """The place of a dateline ("BEIRUT (Reuters) -", "PARIS, Texas —"), which the recogniser
    rarely tags in capitals."""
    from eventwire.nlp.datelines import find_dateline

    found = find_dateline(doc_text(doc))
    if found is None or not found.place:
        return []
    city = found.place.split(",")[0].strip()
    span = doc.char_span(0, len(city), alignment_mode="expand")
    if span is None or any(t.i in taken for t in span):
        return []
    candidates = _candidates(city.title())
    return [(span, candidates)] if candidates else []


def find_places(doc: Any, context: set[str] | None = None) -> list[PlaceMention]:
    """Place mentions of ``doc``; ``context`` adds countries known to matter (the dateline's)."""
    mentions = _with_type_word(doc)
    taken = {i for span, _ in mentions for i in range(span.start, span.end)}
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        taken.update(range(ent.start, ent.end))
        if ent.label_ == "ORG" and len(ent) == 1:
            # The recogniser often calls a city an organisation ("Edmonton" in sports and police
            # news); a single word that is a country, a region or a big city is taken as the place.
            known = [
                c for c in _candidates(ent.text) if c.kind != "city" or c.population >= MIN_UNLABELLED_CITY
            ]
            if known:
                mentions.append((ent, known))
            continue
        if ent.label_ in ("PERSON", "ORG") and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
            # "the Bosphorus" tagged as a person: people do not take "the", features do.
            features = [c for c in _candidates(ent.text) if c.kind != "city"]
            if features:
                mentions.append((ent, features))
            continue
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = ent
        if span[0].lower_ == "the":
            span = span[1:]
        # People, not places: "Americans", "Turks" (the adjective "Turkish" does locate Turkey).
        if not len(span) or (ent.label_ == "NORP" and span.text.endswith("s")):
            continue
        candidates = _candidates(span.text)
        if candidates:
            mentions.append((span, candidates))
    mentions += _unlabelled(doc, taken)
    mentions += _dateline(doc, taken)
    mentions.sort(key=lambda m: m[0].start)
    countries = set(context or ())
    anchors: list[Place] = []
    for _, candidates in mentions:  # unambiguous mentions say what the article is about
        if len(candidates) == 1 or any(c.kind == "country" for c in candidates):
            best = max(candidates, key=_prior)
            if best.country:
                countries.add(best.country)
            if best.kind != "country":
                anchors.append(best)

    def score(place: Place) -> float:
        near = any(a is not place and _km(a, place) < NEAR_KM.get(a.kind, NEAR_KM_REGION) for a in anchors)
        return (
            _prior(place)
            + (CONTEXT_BONUS if place.country in countries else 0.0)
            + (NEAR_BONUS if near else 0.0)
        )

    return [_part_of(doc, PlaceMention(span.text, span.start_char, span.end_char, max(candidates, key=score)))
            for span, candidates in mentions]  # fmt: skip


_DIRECTIONS = {
    "north": "northern", "northern": "northern", "south": "southern", "southern": "southern",
    "east": "eastern", "eastern": "eastern", "west": "western", "western": "western",
    "northeast": "northeast", "northeastern": "northeast",
    "northwest": "northwest", "northwestern": "northwest",
    "southeast": "southeast", "southeastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest",
}  # fmt: skip


def _part_of(doc: Any, mention: PlaceMention) -> PlaceMention:
    """A part of a country the gazetteer knows: "northern Syria", "Syria's south"."""
    if mention.place.kind != "country":
        return mention
    before = doc_text(doc)[: mention.start].split()[-1:] or [""]
    after = re.match(r"['’]s\s+(\w+)", doc_text(doc)[mention.end :])
    for word, start, end in (
        (before[0].lower(), doc_text(doc).rfind(before[0], 0, mention.start), mention.end),
        (
            (after.group(1).lower() if after else ""),
            mention.start,
            mention.end + (after.end() if after else 0),
        ),
    ):
        direction = _DIRECTIONS.get(word)
        if not direction:
            continue
        found = [
            p
            for p in load().lookup(f"{direction} {mention.place.name}")
            if p.country == mention.place.country
        ]
        if found:
            return PlaceMention(doc_text(doc)[start:end], start, end, found[0])
    return mention


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))
