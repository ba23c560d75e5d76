"""Resolve a noun phrase of the parse to an Actor: country, roles, canonical name, CAMEO code.

How, in order (the first that applies names ``resolved_by``):
- dictionary: the phrase's head is a known person (in office on the article date), organisation,
  country, capital or seat of power ("Ankara", "the Kremlin" act as the government);
- apposition: "Hakan Fidan, head of Turkey's National Intelligence Organization" takes the
  affiliation of the appositive;
- premodifier: "Syrian intelligence chief Ali Mamlouk", "Turkish troops", "Turkey's army", "the
  Ministry of Foreign Affairs of Ukraine": a country from an adjective, a possessive or an
  "of" phrase, roles from the agent noun;
- location: where they are ("rebels in Idlib"), or the region they belong to ("the government of
  Sindh province": a first-level region or a big city in one country only, from the gazetteer);
- affiliation: whose they are by a "from" or membership phrase ("doctors from two American aid
  groups", "workers affiliated with the Serbian union");
- context: a title before a name the dictionary does not know ("Planning Minister X", "Judge Y")
  gives the role; an office holder (GOV, JUD, MIL, LEG, COP, SPY) with no stated country takes the
  country the sentence names, when it names exactly one (by name, capital or demonym, outside the
  holder's own phrase): "President X imposed a curfew in Algiers". Two or more: no country;
- coreference: a later "Fidan" or "Mamlouk" takes the earlier full mention of the article;
- agent: a generic agent with roles and no country ("the official", "rebels").

"pro-" and "anti-" names say whom one backs, not whose one is: "the pro-Iranian Hezbollah" is
Lebanese.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.actors.dictionary import Dictionary, Entry, fold
from eventwire.nlp import doc_text
from eventwire.records import Actor

# Children that start another phrase, not part of this one.
_OUTSIDE = {"conj", "cc", "relcl", "acl", "advcl"}
# Children a noun does not govern in a well-formed phrase; when the parser attaches them anyway
# ("the ambassador of Türkiye the concern ..."), they are cut off the mention.
_ABOUT = frozenset("for on about after during over into under since amid despite as".split())
_MISATTACHED = {"npadvmod", "dobj", "nsubj", "ccomp", "xcomp"}
# Role order for building a code: the most specific role first.
_ROLE_ORDER = (
    "SPY",
    "MIL",
    "REB",
    "INS",
    "OPP",
    "JUD",
    "LEG",
    "COP",
    "MED",
    "BUS",
    "GOV",
    "IGO",
    "NGO",
    "CVL",
    "REF",
)


# Roles of office holders whose country, when unstated, is the one the sentence is about.
_OFFICE_ROLES = frozenset({"GOV", "JUD", "MIL", "LEG", "COP", "SPY"})
# Participles that make a person a member of what follows: "affiliated with", "belonging to".
_MEMBERSHIP = frozenset({"affiliate", "affiliated", "belong", "belonging"})
# A city this size is known well enough for "police in <city>" to say whose police they are.
_BIG_CITY = 500_000


@dataclass
class Memory:
    """What an article has said so far: full mentions by surname, for later short mentions."""

    people: dict[str, Actor] = field(default_factory=dict)
    last: Actor | None = None  # the last actor resolved with a country or code

    def remember(self, actor: Actor, tokens: list[str]) -> None:
        if actor.country or actor.roles:
            key = tokens[-1] if tokens else ""
            if key and key[:1].isalpha():
                self.people[key] = actor


def phrase_tokens(head: Any, clauses: bool = False) -> list[Any]:
    """Tokens of the noun phrase headed by ``head``, without coordinated phrases; clauses that
    describe it ("a diplomat based in the region") only when ``clauses``."""
    skip: set[int] = set()
    outside = (_OUTSIDE - {"relcl", "acl"} if clauses else _OUTSIDE) | _MISATTACHED
    for token in head.subtree:
        for child in token.children:
            if token.i == head.i and (child.dep_ in outside or (child.dep_ == "appos" and _run_on(child))):
                skip.update(t.i for t in child.subtree)
            elif child.dep_ == "acl" and not clauses and child.i > head.i:
                # A clause on a noun inside the phrase is not part of the name either; often it
                # is the sentence's own verb: "Doctors from two aid groups [donated ...]".
                skip.update(t.i for t in child.subtree)
            elif child.dep_ == "prep" and child.lower_ in _ABOUT and not clauses:
                # What a noun is about or for is not part of who it names: "the request [for
                # revocation ...]", "an army camp [in Kabul], [the seventh attack ...]".
                skip.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "preconj")):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (")",):
        tokens.pop()
    return tokens


def _run_on(appos: Any) -> bool:
    """An "apposition" with no comma before it that starts with an article is another phrase the
    parser ran on: "expressed to the ambassador of Türkiye [the concern of ...]"."""
    first = appos.left_edge
    return first.i > 0 and first.pos_ == "DET" and not appos.doc[first.i - 1].is_punct


def code_for(country: str | None, roles: Iterable[str], given: str | None = None) -> str | None:
    if given:
        return given
    ranked = sorted(set(roles), key=lambda r: _ROLE_ORDER.index(r) if r in _ROLE_ORDER else 99)
    if country:
        return country + (ranked[0] if ranked else "")
    return ranked[0] if ranked else None


def _pick(entries: list[Entry], day: dt.date | None) -> Entry:
    valid = [e for e in entries if e.valid_on(day)]
    pool = valid or entries
    # People: the office held on the day; when none is, the latest one.
    return max(pool, key=lambda e: (e.kind != "person", e.end or dt.date.max, e.start or dt.date.min))


class Resolver:
    def __init__(self, dictionary: Dictionary, day: dt.date | None = None) -> None:
        self.dictionary = dictionary
        self.day = day
        self.memory = Memory()

    def resolve(self, head: Any, offset: int = 0) -> Actor | None:
        """The actor of the noun phrase headed by ``head``; None when it names no actor at all."""
        tokens = phrase_tokens(head)
        if not tokens:
            return None
        doc = head.doc
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = doc_text(doc)[start:end]
        # Only the part before the head and the head itself, plus "of" phrases and appositions, name
        # the actor: "troops in Syria" are not Syrian.
        core = [t for t in tokens if t.i <= head.i or _in_of_phrase(t, head)]
        folded = [fold(t.text) for t in core]
        lemmas = [fold(t.lemma_) for t in core]

        matches = self._matches(folded, core)
        head_match = next((m for m in matches if m[0] <= head.i < m[0] + m[1]), None)
        _, agent_roles = self.dictionary.agent_roles(
            lemmas[: core.index(head) + 1] if head in core else lemmas
        )
        if not agent_roles:
            _, agent_roles = self.dictionary.agent_roles(
                folded[: core.index(head) + 1] if head in core else folded
            )
        titled = False
        if not agent_roles and head_match is None and head.pos_ == "PROPN" and head in core:
            agent_roles = self._title_roles(core, lemmas, head)
            titled = bool(agent_roles)

        country: str | None = None
        roles: set[str] = set(agent_roles)
        name: str | None = None
        given_code: str | None = None
        how: str | None = None

        if head_match is not None:
            entry = _pick(head_match[2], self.day)
            name, country, given_code = entry.name, entry.country, entry.code
            roles.update(entry.roles)
            how = {"capital": "metonym", "seat": "metonym", "adjective": "demonym"}.get(
                entry.kind, "dictionary"
            )
            if entry.kind == "adjective":  # "the Syrians", "Turks": the people of a country
                given_code = None
        # Modifiers: countries named by adjectives, possessives, "of" phrases, organisations.
        for pos, _, entries in matches:
            if head_match is not None and pos == head_match[0]:
                continue
            if _supporter(doc, pos):  # "the pro-Iranian Hezbollah": whom they back, not whose they are
                continue
            entry = _pick(entries, self.day)
            if entry.kind in ("country", "adjective", "capital") and country is None:
                country = entry.country
                how = how or "premodifier"
            elif entry.kind in ("organisation", "seat", "person"):
                if country is None:
                    country = entry.country
                roles.update(r for r in entry.roles if r != "GOV" or not roles)
                if entry.kind == "organisation" and not name and head.pos_ != "PROPN":
                    name = entry.name
                    if entry.country is None and given_code is None:
                        given_code = entry.code  # "NATO warplanes", "the APEC forum"
                how = how or "premodifier"
        # A surname alone ("King") must not outweigh what the phrase says: "British ... Tom King".
        if head_match is not None and head_match[1] == 1 and _pick(head_match[2], self.day).kind == "person":
            stated = next(
                (
                    _pick(e, self.day).country
                    for p, _, e in matches
                    if p != head_match[0] and _pick(e, self.day).kind in ("country", "adjective")
                ),
                None,
            )
            if stated and stated != country:
                country, name, given_code = stated, None, None
                roles = set(agent_roles)
                how = "premodifier"
        # Apposition: "X, head of Turkey's intelligence agency".
        for child in head.children:
            if child.dep_ == "appos":
                other = self.resolve(child)
                if other is not None and (other.country or other.roles):
                    country = country or other.country
                    roles.update(other.roles)
                    how = how or "apposition"
        # Where they are, when nothing else says whose they are: "rebels in the Ivory Coast",
        # "demonstrators in Baghdad".
        if country is None and not given_code:
            country = self._location_country(head)
            how = how or ("location" if country else None)
        # Whose they are, by a "from" phrase: "doctors from two American aid groups", "activists
        # from the Fatah party".
        if country is None and not given_code:
            country = self._from_country(head)
            how = how or ("affiliation" if country else None)
        # A title holder the dictionary does not know, with no country stated: the country the
        # sentence is about, when it names exactly one ("President X imposed a curfew in Algiers",
        # "Minister X said Vietnam is committed ...").
        if titled and country is None and not given_code and roles & _OFFICE_ROLES:
            country = self._context_country(head)
            how = how or ("context" if country else None)
        # Coreference: a surname alone, seen in full earlier in the article.
        if head.pos_ == "PROPN" and head_match is None and country is None:
            earlier = self.memory.people.get(fold(head.text))
            if earlier is not None:
                country, name = earlier.country, earlier.name
                roles.update(earlier.roles)
                given_code = earlier.code
                how = "coreference"
        if country is None and not roles and name is None:
            return None
        if how is None:
            how = "agent"
        if head.ent_type_ == "PERSON" and name is None:
            name = " ".join(t.text for t in core if t.ent_type_ == "PERSON") or head.text
        ranked = tuple(sorted(roles, key=lambda r: _ROLE_ORDER.index(r) if r in _ROLE_ORDER else 99))
        actor = Actor(
            text=text,
            name=name,
            country=country,
            roles=ranked,
            code=code_for(country, ranked, given_code)
            if how != "dictionary" or given_code
            else code_for(country, ranked),
            resolved_by=how,
            start=start + offset,
            end=end + offset,
        )
        if head.pos_ == "PROPN":
            self.memory.remember(actor, [fold(t.text) for t in core if t.pos_ == "PROPN"])
        if actor.country or actor.code:
            self.memory.last = actor
        return actor

    def resolve_pronoun(self, head: Any, offset: int = 0) -> Actor | None:
        """ "it", "they", "he", "she", "we": the subject of the reporting or governing verb ("Hungary
        said it will support ..."), else the last actor the article named."""
        if head.lower_ not in PRONOUNS:
            return None
        verb = head.head
        while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head.i != verb.i:
            governor = verb.head
            for child in governor.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                    found = self.resolve(child, offset)
                    if found is not None:
                        return _as_mention(found, head, offset)
            verb = governor
        return _as_mention(self.memory.last, head, offset) if self.memory.last else None

    def _title_roles(self, core: list[Any], lemmas: list[str], head: Any) -> tuple[str, ...]:
        """Roles of a title before a name the dictionary does not know: "Planning Minister Tran
        Xuan Gia", "Judge Alejandro Rivera", "former prime minister Andreas Papandreou". The title
        is the agent phrase that ends right before the run of proper names that ends the phrase."""
        end = core.index(head)
        while end > 0 and core[end - 1].pos_ == "PROPN" and self._title_at(lemmas, core, end - 1) == ():
            end -= 1
        if end == core.index(head):
            return ()
        return self._title_at(lemmas, core, end - 1)

    def _title_at(self, lemmas: list[str], core: list[Any], last: int) -> tuple[str, ...]:
        _, roles = self.dictionary.agent_roles(lemmas[: last + 1])
        if not roles:
            _, roles = self.dictionary.agent_roles([fold(t.text) for t in core[: last + 1]])
        return roles

    def _context_country(self, head: Any) -> str | None:
        """The one country the sentence of ``head`` names outside the holder's own phrase, by name,
        capital or demonym ("... a curfew in Algiers", "... said Vietnam is committed", "...
        investigations against 28 Chilean officials"); None when it names none or several."""
        own = {t.i for t in head.subtree}
        found: set[str] = set()
        run: list[Any] = []
        for token in [*head.sent, None]:
            if token is not None and token.i not in own:
                run.append(token)
                continue
            # Matched run by run, so that no name is made of words on both sides of the phrase.
            for _, _, entries in self._matches([fold(t.text) for t in run], run):
                entry = _pick(entries, self.day)
                if entry.kind in ("country", "capital", "adjective") and entry.country:
                    found.add(entry.country)
            run = []
        return found.pop() if len(found) == 1 else None

    def _from_country(self, head: Any) -> str | None:
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"]
        # "workers affiliated with the Serbian union", "fighters belonging to the X movement"
        for clause in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _MEMBERSHIP):
            preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("with", "to")]
        for child in preps:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                tokens = phrase_tokens(obj)
                for pos, _, entries in self._matches([fold(t.text) for t in tokens], tokens):
                    entry = _pick(entries, self.day)
                    if entry.country and not _supporter(head.doc, pos):
                        return entry.country
        return None

    def _location_country(self, head: Any) -> str | None:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "from", "of"):
                continue
            for place in (g for g in child.children if g.dep_ == "pobj"):
                tokens = phrase_tokens(place)
                if child.lower_ != "of":
                    for _, _, entries in self._matches([fold(t.text) for t in tokens], tokens):
                        entry = _pick(entries, self.day)
                        if entry.kind in ("country", "capital"):
                            return entry.country
                found = _region_country(tokens)
                if found:
                    return found
        return None

    def _matches(self, folded: list[str], core: list[Any]) -> list[tuple[int, int, list[Entry]]]:
        """Dictionary matches in the phrase: (token index in doc, length, entries), left to right."""
        out = []
        i = 0
        while i < len(folded):
            n, entries = self.dictionary.match(folded, i)
            if n == 1 and not core[i].text[:1].isupper():
                # One word in lower case is a common noun, not a name: "ban" is not Ban Ki-moon.
                entries = [e for e in entries if e.kind == "adjective"]
            if self.day is not None and any(e.kind == "person" for e in entries):
                # An office holder's office counts only on dates in office. Out of office, a full
                # name still gives the nationality; a surname alone gives nothing.
                valid = [e for e in entries if e.kind != "person" or e.valid_on(self.day)]
                if valid:
                    entries = valid
                elif n > 1:
                    latest = max(entries, key=lambda e: e.end or dt.date.max)
                    entries = [Entry("person", latest.name, latest.country)]
                else:
                    entries = []
            if n and entries:
                out.append((core[i].i, n, entries))
                i += n
            else:
                i += 1
        return out


PRONOUNS = frozenset(["it", "they", "he", "she", "we"])


def _as_mention(actor: Actor, head: Any, offset: int) -> Actor:
    from dataclasses import replace

    return replace(
        actor,
        text=head.text,
        resolved_by="coreference",
        start=head.idx + offset,
        end=head.idx + len(head.text) + offset,
    )


def _region_country(tokens: list[Any]) -> str | None:
    """The country of a first-level region or a big city the phrase names ("the government of
    Sindh province", "police in Kilifi county"), from the gazetteer; None when the name is not
    one or is one in several countries."""
    from eventwire.geo.gazetteer import load

    names = [t for t in tokens if t.pos_ == "PROPN"]
    if not names or names[-1].i - names[0].i + 1 != len(names):
        return None
    places = load().lookup(" ".join(t.text for t in names))
    places = [p for p in places if p.kind == "admin1" or (p.kind == "city" and p.population >= _BIG_CITY)]
    countries = {p.country for p in places}
    return countries.pop() if len(countries) == 1 else None


def _supporter(doc: Any, i: int) -> bool:
    """Whether the name at token ``i`` follows "pro-" or "anti-": "pro-Iranian" says whom one backs."""
    return i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in ("pro", "anti")


def _in_of_phrase(token: Any, head: Any) -> bool:
    """Whether ``token`` is inside an "of" phrase or an apposition that hangs off ``head``."""
    t = token
    while t.head.i != t.i and t.i != head.i:
        if t.head.i == head.i:
            return (t.dep_ == "prep" and t.lower_ == "of") or t.dep_ == "appos"
        t = t.head
    return False
