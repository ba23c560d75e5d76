"""Find and code the events of one parsed sentence.

A trigger is a verb with a pattern in data/verbs.tsv or a noun with one in data/nouns.tsv. For
each trigger: the most specific pattern gives the CAMEO code; the subject (or the "by" phrase of a
passive) is the source and the object, or the object of a preposition, is the target, each resolved
to an actor; coordinated actors give one event each ("A and B met" gives A->B and B->A); a verb
without a subject takes it from the verb that governs it ("X asked Turkey to normalize": Turkey
normalizes). Reporting verbs (say, tell, ...) are coded as statements (010) only when nothing in
what was said is an event; otherwise that event is coded, attributed to the speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.actors.resolve import Resolver
from eventwire.events import filters, patterns
from eventwire.events.modality import DESIRE, OBLIGE_AUX, SAY, modality, negated, speaker
from eventwire.nlp import doc_text, token_values
from eventwire.records import Actor

# Verbs whose object is also the subject of their open complement: "asked Turkey to normalize".
OBJECT_CONTROL = frozenset("ask urge push press call force persuade encourage invite order tell allow "
                           "help enable pressure compel prompt lead request require instruct authorize "
                           "authorise warn advise appeal beg implore direct".split())  # fmt: skip
# Prepositions whose object can be the target ("attack on", "talks with", "withdraw from"); "in"
# usually gives the place ("met in Damascus") and is left to the where stage.
TARGET_PREPS = ("against", "on", "with", "to", "into", "at", "from", "toward", "towards", "for", "over",
                "upon", "between", "of", "about", "out", "off")  # fmt: skip
# Participles that after "be" describe the subject's stance, not something done to it.
STATIVE = frozenset("opposed committed engaged involved concerned worried determined prepared interested "
                    "dedicated devoted resigned convinced pleased satisfied disappointed alarmed angered "
                    "outraged opposed poised".split())  # fmt: skip
# Finite verb tags: a verb in one of them heads a clause, never a reduced relative ("the measures
# taken by Turkey" is VBN).
FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Verbs of refusing: what they govern is what was refused, not an event.
REFUSING = frozenset({"refuse", "decline"})
# Helping to do something is doing it: "helped broker the deal" is brokering.
HELP = frozenset({"help", "assist"})
# How a word that names a country was read: "Syrian", "Damascus", "Syria".
NATIONAL = frozenset({"demonym", "metonym", "dictionary"})
# Conjunctions the parser sometimes reads as prepositions ("as Moscow steels itself" -> as/pobj).
SUBORDINATORS = frozenset("as while after before since until because when".split())
STATEMENT = "010"
DEMAND = "100"
# An announced act is coded as the intent to do it (CAMEO 03x) or the threat of it (13x):
# "Germany will deliver air defence systems" is 033, "said it would retaliate" 138.
REFUSE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
          "14": "133", "15": "138", "16": "130", "17": "137",
          "18": "138", "19": "138", "20": "138"}  # fmt: skip


@dataclass(slots=True)
class Found:
    """An event found in a sentence, before it becomes an Event record."""

    trigger: Any  # token
    code: str
    rule: str
    source: Actor | None
    target: Actor | None
    negated: bool
    modality: str
    attributed_to: str | None
    depth: int  # distance of the trigger from the sentence root
    statement: bool  # a bare reporting verb


def _depth(token: Any) -> int:
    d = 0
    while token.head.i != token.i:
        token = token.head
        d += 1
    return d


def _clause_words(trigger: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(lemma, form) pairs after and before the trigger within its clause: nested clauses with a
    subject of their own are left out, open complements ("to negotiate") are kept."""
    skip: set[int] = set()
    for t in trigger.subtree:
        if (
            t.i != trigger.i
            and t.dep_ in ("ccomp", "advcl", "relcl", "parataxis")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            skip.update(x.i for x in t.subtree)
    words = [
        (t.lemma_.lower(), t.lower_, t.i) for t in trigger.subtree if t.i not in skip and t.i != trigger.i
    ]
    after = [(lemma, form) for lemma, form, i in words if i > trigger.i]
    before = [(lemma, form) for lemma, form, i in words if i < trigger.i]
    return after, before


def _subjects(verb: Any) -> tuple[list[Any], bool]:
    """Heads of the verb's subject(s) and whether the verb is passive. A verb without a subject
    borrows one from its governor (coordination, open complements, object control)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive and verb.lower_ in STATIVE and not any(c.dep_ == "agent" for c in verb.children):
        # "Israel is opposed to ...", "Serb forces were engaged in ...": a state of the subject
        return [c for c in verb.children if c.dep_ == "nsubjpass"], False
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs, True
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and not passive):
            return [child], passive
    if passive:
        return [], True
    if verb.dep_ == "advcl" and verb.tag_ in FINITE and verb.i > 0:
        # "... a policy shift as Moscow steels itself for war": a finite clause whose subject the
        # parser took for the object of "as" read as a preposition.
        noun = verb.doc[verb.i - 1]
        if (
            noun.dep_ == "pobj"
            and noun.pos_ in ("NOUN", "PROPN")
            and noun.head.lower_ in SUBORDINATORS
            and noun.head.i < noun.i
        ):
            return [noun], False
    if verb.dep_ == "acl":
        # A verb the parser hung on a noun that has no verb of its own ("Palestinian youths
        # resorted to ..., officials said", "Doctors from two aid groups donated ..."): the noun
        # phrase it follows is its subject. "The measures taken by Turkey were ..." is left alone.
        noun = verb.head
        while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
            noun = noun.head
        verbless = noun.dep_ == "ROOT" or (
            noun.dep_ in ("nsubj", "dep") and noun.head.lemma_.lower() in SAY and noun.head.i > verb.i
        )
        if noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i and (verbless or verb.tag_ in FINITE):
            return [noun], False
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and verb.head.i != verb.i:
        governor = verb.head
        # "resorted to throwing", "is willing to withdraw": up through prepositions and adjectives
        while governor.dep_ in ("prep", "acomp") and governor.head.i != governor.i:
            governor = governor.head
        if verb.dep_ == "xcomp" and governor.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return objs, False
        if governor.pos_ in ("VERB", "AUX"):
            borrowed, governor_passive = _subjects(governor)
            if not borrowed and governor_passive and verb.dep_ == "xcomp":
                # "he is prepared to lift the ban": the subject of a passive governor acts here
                borrowed = [c for c in governor.children if c.dep_ == "nsubjpass"]
            return borrowed, False
    return [], passive


def _coordinated(head: Any) -> list[Any]:
    """The head and every head coordinated with it: "Syria and Turkey" -> [Syria, Turkey]."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.extend(_coordinated(child))
    return out


def _target_candidates(trigger: Any, passive: bool) -> list[Any]:
    """Heads that may name the target, most likely first."""
    out: list[Any] = []
    if passive:
        out += [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if not out and trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
            # "Turkey has troops there, deemed occupying forces by Assad": a passive verb coordinated
            # with a clause acts on that clause's subject.
            out += _subjects(trigger.head)[0]
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "dative", "iobj", "attr")]
    out += objs
    preps = [c for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ in TARGET_PREPS]
    for particle in (
        c for c in trigger.children if c.dep_ in ("prt", "advmod", "prep")
    ):  # "pulled out of Syria"
        preps += [c for c in particle.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    for obj in objs:  # "withdrew resources from Syria"
        preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]
    for xcomp in (c for c in trigger.children if c.dep_ == "xcomp"):  # "agreed to meet Turkey"
        out += [c for c in xcomp.children if c.dep_ in ("dobj", "obj")]
    if trigger.lemma_.lower() in OBJECT_CONTROL | DESIRE:  # "wants Syria and Turkey to overcome ..."
        for clause in (c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")):
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if not subjects and clause.dep_ == "xcomp":  # "does not want to see Iran fill the gaps"
                inner = (c for c in clause.children if c.dep_ in ("ccomp", "xcomp"))
                subjects = [g for c in inner for g in c.children if g.dep_ == "nsubj"]
            out += subjects
    for prep in preps:
        out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def _resolve_all(resolver: Resolver, heads: list[Any], offset: int, venues: bool = True) -> list[Actor]:
    """Actors of ``heads`` and of heads coordinated with them; without ``venues``, a meeting
    placed somewhere ("talks in Tbilisi") is not taken for the people of that place."""
    actors = []
    for head in heads:
        for h in _coordinated(head):
            actor = resolver.resolve_pronoun(h, offset) if h.pos_ == "PRON" else resolver.resolve(h, offset)
            if actor is not None and not venues and actor.resolved_by == "location" and _names_an_act(h):
                continue
            if actor is not None:
                actors.extend(_each_nationality(resolver, h, actor, offset))
    return actors


def _each_nationality(resolver: Resolver, head: Any, actor: Actor, offset: int) -> list[Actor]:
    """ "Chinese and Indian commanders" are two actors, one of each country; any other actor is one."""
    from eventwire.actors.resolve import code_for

    if not actor.country or actor.code != code_for(actor.country, actor.roles):
        return [actor]  # no country, or a named organisation's own code
    # the adjectives (or place names) on the head, or on a noun before it ("Serbian and Croatian
    # border officials", "Belgrade and Pristina negotiators")
    modified = [head, *(c for c in head.children if c.dep_ == "compound" and c.i < head.i)]
    modifiers = [c for m in modified for c in m.children if c.dep_ in ("amod", "compound") and c.i < head.i]
    for modifier in modifiers:
        group = [modifier] + [c for c in modifier.children if c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN")]
        if len(group) < 2:
            continue
        countries = []
        for word in group:
            found = resolver.resolve(word, offset)
            if found is None or found.resolved_by not in NATIONAL or not found.country:
                return [actor]
            countries.append(found.country)
        if actor.country not in countries:
            return [actor]
        return [
            dataclasses.replace(actor, country=c, code=code_for(c, actor.roles))
            for c in dict.fromkeys(countries)
        ]
    return [actor]


def _unresolved(head: Any, offset: int) -> Actor:
    """A mention that names no known actor ("a car bomb"): kept as text for the reader."""
    from eventwire.actors.resolve import phrase_tokens

    tokens = phrase_tokens(head) or [head]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Actor(text=doc_text(head.doc)[start:end], start=start + offset, end=end + offset)


def _actors(resolver: Resolver, heads: list[Any], offset: int) -> list[Actor]:
    resolved = _resolve_all(resolver, heads, offset)
    if resolved:
        return resolved
    return [_unresolved(heads[0], offset)] if heads and heads[0].pos_ != "PRON" else []


def _by_part_of_speech(sentence: Any) -> tuple[list[Any], list[Any]]:
    """The sentence's verbs (and auxiliaries) and its nouns, in order."""
    from spacy.symbols import AUX, NOUN, VERB

    doc = sentence.doc
    tags = token_values(doc, "POS")
    verbs, nouns = [], []
    for i in range(sentence.start, sentence.end):
        if tags[i] == VERB or tags[i] == AUX:
            verbs.append(doc[i])
        elif tags[i] == NOUN:
            nouns.append(doc[i])
    return verbs, nouns


def find(sentence: Any, resolver: Resolver, offset: int) -> list[Found]:
    """Every event in ``sentence`` (a spaCy Span), main event first."""
    found: list[Found] = []
    verb_index, noun_index = patterns.verbs(), patterns.nouns()
    covered: set[int] = set()
    verbs, nouns = _by_part_of_speech(sentence)
    for token in verbs:
        lemma = token.lemma_.lower()
        # A participle describing a noun ("the measures taken by Turkey") is not an event.
        if lemma in verb_index or lemma in SAY:
            candidates = verb_index.get(lemma)
            if candidates is not None and candidates.need_words:
                pattern = patterns.best(candidates, *_clause_words(token))
            else:
                pattern = candidates[0] if candidates else None
            if pattern is None and lemma not in SAY:
                continue
            if lemma in SAY and filters.as_formula(token):
                continue
            code = pattern.code if pattern else STATEMENT
            rule = pattern.describe("verb") if pattern else f"verb [{lemma}] (reporting) -> {STATEMENT}"
            # A reporting verb with words of its own is an act, not a bare report: "claimed
            # responsibility for the attack" (015) is what the sentence says happened.
            statement = lemma in SAY and (pattern is None or not pattern.words)
            found.extend(_events(token, code, rule, resolver, offset, statement=statement))
            if lemma not in SAY:  # "announced a suspension of air links": the noun is the event
                covered.update(c.i for c in token.children if c.dep_ in ("dobj", "obj"))
    for token in nouns:
        if token.i in covered:
            continue
        candidates = noun_index.get(token.lemma_.lower())
        if not candidates:
            continue
        after = [(c.lower_, c.lower_) for c in token.children if c.dep_ == "prep"]
        before = [(c.lemma_.lower(), c.lower_) for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        pattern = patterns.best(candidates, after, before)
        if pattern is None:
            continue
        found.extend(_noun_events(token, pattern, resolver, offset))
    for f in found:
        if f.modality == "intended" and f.negated and f.code[:2] in REFUSE:
            # "said it will not accept more refugees": announcing that one will not is a refusal.
            f.rule += f"; announced as not to be done, so {REFUSE[f.code[:2]]}"
            f.code, f.negated, f.modality = REFUSE[f.code[:2]], False, "asserted"
        elif f.negated and f.code[:2] == "03" and f.trigger.lemma_.lower() in DESIRE:
            # "Ankara does not want Iranian forces to fill the gaps": not wanting is rejecting.
            f.rule += f"; not wanted, so {REFUSE['03']}"
            f.code, f.negated = REFUSE["03"], False
        elif f.modality == "intended" and f.code[:2] in INTENT:
            f.rule += f"; announced, so {INTENT[f.code[:2]]}"
            f.code = INTENT[f.code[:2]]
            f.modality = "asserted"  # the announcement is the event, and it was made
    # "Ankara helped broker the exchange": helping to do something is doing it (045, not 070).
    triggers = {f.trigger.i for f in found}
    found = [
        f
        for f in found
        if not (
            f.trigger.lemma_.lower() in HELP
            and any(c.dep_ in ("xcomp", "ccomp") and c.i in triggers for c in f.trigger.children)
        )
    ]
    # What is refused did not happen: "refused to lift sanctions" is one refusal (124, to yield),
    # "declined to comment" one 011, with no lifting or comment of its own.
    for f in [f for f in found if f.trigger.lemma_.lower() in REFUSING]:
        refused = [g for g in found if g.trigger.dep_ == "xcomp" and g.trigger.head.i == f.trigger.i]
        if not refused:
            continue
        inner = refused[0]
        if f.code == REFUSE["03"] and inner.code[:2] in REFUSE and not inner.statement:
            f.rule += f"; refused: {inner.code}, so {REFUSE[inner.code[:2]]}"
            f.code = REFUSE[inner.code[:2]]
        if inner.target is not None and _known(inner.target) and (f.target is None or not _named(f.target)):
            f.target = inner.target  # "refused to send missiles to Ukraine": Ukraine
        found = [g for g in found if g not in refused]
    # What one asks or wants of others is part of the appeal, not an event of its own: in "Ukraine
    # requested the Turkish side to provide information" the request is the event.
    triggers = {f.trigger.i for f in found}
    found = [
        f
        for f in found
        if not (
            f.trigger.dep_ == "xcomp"
            and f.trigger.head.i in triggers
            and f.trigger.head.lemma_.lower() in OBJECT_CONTROL | DESIRE
        )
    ]
    # Force verbs used figuratively: "overcome their problems", "fight corruption".
    found = [
        f for f in found if not filters.figurative(f.code, f.trigger) and not filters.met_goal(f.trigger)
    ]
    # What someone wants to happen has not happened ("Russia wants Syria and Turkey to overcome
    # their problems"); what is supposed or asked has not been reported ("it is assumed that").
    found = [f for f in found if filters.desired_by(f.trigger) is None and not filters.supposed(f.trigger)]
    # The press reporting ("Reuters sources reported", "the publication notes") is provenance, not
    # an event; and a statement by no one is nothing.
    found = [
        f
        for f in found
        if not (f.code == STATEMENT and (f.statement or _press(f.source)) and not _speaker_actor(f.source))
    ]
    # Statements yield to what was stated: keep a bare "said" only when nothing else was found.
    if any(not f.statement for f in found):
        found = [f for f in found if not f.statement or f.code != STATEMENT]
    found.sort(key=lambda f: (f.depth if not f.statement else 99, f.trigger.i))
    return _keep(found)


def _speaker_actor(actor: Actor | None) -> bool:
    """Whether a reporting verb's subject is someone whose statement is an event (not the press)."""
    return (
        actor is not None and bool(actor.country or actor.code or actor.roles) and set(actor.roles) != {"MED"}
    )


def _press(actor: Actor | None) -> bool:
    """The press itself ("the publication emphasizes"): what it says is provenance, not an event."""
    return actor is not None and bool(actor.roles) and set(actor.roles) <= {"MED"}


def _named(actor: Actor) -> bool:
    """A country or an international body, not a bare role."""
    return bool(actor.country or (actor.code or "").startswith(("IGO", "NGO")))


def _known(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.code)


def _keep(found: list[Found]) -> list[Found]:
    """What is worth returning: the main event of the sentence, whoever its actors (a sentence's
    main verb is its event even when "a car bomb" did it), and any other event whose source is a
    known actor other than its target; secondary verbs without one ("to include", "to see") are
    rarely events."""
    kept = []
    for n, f in enumerate(found):
        if n and not (_known(f.source) and (f.target is None or f.source.code != f.target.code)):  # type: ignore[union-attr]
            continue
        if n and f.trigger.dep_ in ("acl", "relcl"):  # describing a noun: "the measures taken by X"
            continue
        if n and not _known(f.target):
            f.target = None  # an unknown object is kept as words only for the sentence's main event
        if n and f.target is None and f.code[:2] == "03" and f.trigger.lemma_.lower() in DESIRE:
            continue  # "and Ukraine wants to receive information": a wish towards no one named
        kept.append(f)
    return kept


# Roots whose act two coordinated subjects do to each other ("A and B met", "... signed a deal",
# "... clashed"); "A and B said" or "... protested" are two acts on someone else.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "08", "16", "19"})


def _events(
    token: Any, code: str, rule: str, resolver: Resolver, offset: int, statement: bool
) -> Iterator[Found]:
    subject_heads, passive = _subjects(token)
    sources = _actors(resolver, subject_heads, offset)
    # Where talks are held is not whom they are with; where strikes or aid went is whom they hit.
    targets = _resolve_all(resolver, _target_candidates(token, passive), offset, venues=code[:2] != "04")
    # A country or organisation is the target before a bare role: in "pulled troops out of Syria"
    # the troops are what moved, Syria is who it concerns.
    targets.sort(key=lambda a: not _named(a))
    if targets and _named(targets[0]):  # "withdraw its troops from Lebanon": Lebanon, not the troops
        targets = [t for t in targets if _named(t)]
    targets = innermost(targets)
    if len(sources) > 1 and not targets and not passive and code[:2] in MUTUAL_ROOTS:
        # "A and B met": each side is the other's counterpart.
        pairs: list[tuple[Actor | None, Actor | None]] = [
            (a, b) for a in sources for b in sources if a is not b
        ]
    elif len(sources) > 1 and not targets and not passive:
        # "Neither A nor B commented", "A and B protested": each acted, on no one named.
        pairs = [(s, None) for s in sources]
    else:
        if not targets and not statement:
            # The object names no known actor ("killed another ethnic Chechen"): keep its words.
            objects = [
                c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ != "PRON"
            ]
            # An object that names the act itself is not whom it concerns: "launched air strikes
            # against the enclave" concerns the enclave; "held separate meetings in Moscow"
            # concerns no one named.
            objects = [_acted_on(o) for o in objects]
            objects = [o for o in objects if not _names_an_act(o)]
            targets = [_unresolved(objects[0], offset)] if objects else []
        pairs = [(s, t) for s in _or_none(sources) for t in _or_none(targets[:2])]
    who = speaker(token)
    attributed = doc_text(who.doc)[_span(who)[0] : _span(who)[1]] if who is not None else None
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if who is not None and aux & OBLIGE_AUX and not statement:
        # "X said Y must hand over the suspects": X demands it of Y.
        demander = resolver.resolve(who, offset)
        if demander is not None:
            for subject in _or_none(sources):
                yield Found(
                    token,
                    DEMAND,
                    f"{rule}; '{' '.join(sorted(aux & OBLIGE_AUX))}' in reported speech -> {DEMAND}",
                    demander,
                    subject,
                    negated(token),
                    "asserted",
                    None,
                    _depth(token),
                    False,
                )
            return
    for source, target in pairs:
        if source is not None and target is not None and source.country and source.country == target.country \
                and source.code == target.code and source.text == target.text:  # fmt: skip
            continue
        yield Found(
            trigger=token,
            code=code,
            rule=rule,
            source=source,
            target=target,
            negated=negated(token),
            modality=modality(token, attributed is not None),
            attributed_to=attributed,
            depth=_depth(token),
            statement=statement,
        )


def innermost(actors: list[Actor]) -> list[Actor]:
    """Without mentions that contain another of the same code: "withdrew resources from Syria"
    resolves both the phrase and "Syria" to Syria, and Syria is the one target."""

    def contains(outer: Actor, inner: Actor) -> bool:
        return (
            outer.start <= inner.start
            and inner.end <= outer.end
            and (outer.start, outer.end) != (inner.start, inner.end)
        )

    return [a for a in actors if not any(o.code == a.code and contains(a, o) for o in actors)]


def _noun_events(token: Any, pattern: patterns.Pattern, resolver: Resolver, offset: int) -> Iterator[Found]:
    """Nominal events: "talks between A and B", "an attack on C", "Turkish backing", "sanctions against D"."""
    source_heads: list[Any] = []
    target_heads: list[Any] = []
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.i < token.i):
            source_heads.append(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            source_heads += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "between":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            both = [h for o in objs for h in _coordinated(o)]
            source_heads, target_heads = both[:1], both[1:2]
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            target_heads += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            # "Turkey's desire to include Syrian rebels": whom the infinitive acts on
            target_heads += [g for g in child.children if g.dep_ in ("dobj", "obj")]
    sources = _resolve_all(resolver, source_heads, offset)
    if not sources and token.dep_ in ("dobj", "obj", "attr") and token.head.pos_ in ("VERB", "AUX"):
        # "Turkey and Syria held talks", "NATO will tighten the naval blockade" ("naval" is no one)
        sources = _resolve_all(resolver, _subjects(token.head)[0], offset)
    targets = _resolve_all(resolver, target_heads, offset)
    if not sources and not targets:
        return
    if not targets and token.dep_ == "nsubj" and token.head.lemma_.lower() == "be":
        return  # a judgement on the act, not a report of it: "Turkish backing has been vital"
    pairs: list[tuple[Actor | None, Actor | None]]
    if len(sources) > 1 and not targets:
        pairs = [(sources[0], sources[1])]
    else:
        pairs = [(s, t) for s in _or_none(sources) for t in _or_none(targets[:2])]
    who = speaker(token.head if token.head.i != token.i else token)
    attributed = doc_text(who.doc)[_span(who)[0] : _span(who)[1]] if who is not None else None
    for source, target in pairs:
        yield Found(
            trigger=token,
            code=pattern.code,
            rule=pattern.describe("noun"),
            source=source,
            target=target,
            negated=negated(token.head) if token.dep_ in ("dobj", "obj") else False,
            modality=modality(
                token.head if token.dep_ in ("dobj", "obj", "nsubj") else token, attributed is not None
            ),
            attributed_to=attributed,
            depth=_depth(token) + 1,
            statement=False,
        )


def _names_an_act(head: Any) -> bool:
    """An event noun ("talks", "meetings", "strikes"): the act, not someone it was done to."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in patterns.nouns()


def _acted_on(head: Any) -> Any:
    """For an event noun with a target phrase ("strikes against the enclave"), that phrase's head."""
    if not _names_an_act(head):
        return head
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            return obj
    return head


def _or_none(actors: list[Actor]) -> list[Actor | None]:
    return list(actors) if actors else [None]


def _span(head: Any) -> tuple[int, int]:
    from eventwire.actors.resolve import phrase_tokens

    tokens = phrase_tokens(head, clauses=True) or [head]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
