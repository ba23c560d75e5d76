"""Words that look like events and are not: read off the parse around a trigger.

- What someone wants has not happened: "Russia wants Syria and Turkey to overcome their problems",
  "Turkey's desire to include the rebels in any talks" (the desire may be an event; what is
  desired is not).
- What is supposed or asked is not reported as fact: "It is assumed that the Russians need ...",
  "It is not known whether the talks will be held".
- A verb of force used figuratively: "overcome their problems", "fight corruption" (the object is
  a problem or an idea, listed in data/abstract-nouns.tsv).
- A pointer to earlier reporting: "As previously reported, ..." is not a statement.
- Meeting a goal is no meeting: "met the deadline", "meeting a set of targets".
"""

from __future__ import annotations

import functools
from typing import Any

from eventwire.datafiles import rows
from eventwire.events.modality import DESIRE

# Nouns of desire whose infinitive says what is wanted: "Turkey's desire to include the rebels".
DESIRE_NOUNS = frozenset("desire wish hope aspiration".split())
# Verbs of supposition: their complement is a guess, not something reported to have happened.
SUPPOSE = frozenset("assume suppose presume speculate guess imagine surmise".split())
# CAMEO roots of force (coerce, assault, fight, mass violence): they need someone or something to strike.
FORCE_ROOTS = ("17", "18", "19", "20")


@functools.cache
def abstract_nouns() -> frozenset[str]:
    """Lemmas of data/abstract-nouns.tsv."""
    return frozenset(row["noun"].lower() for row in rows("eventwire.events", "abstract-nouns.tsv"))


def desired_by(token: Any) -> Any | None:
    """The verb or noun of desire whose complement holds ``token``, if any."""
    t = token
    while t.head.i != t.i:
        head = t.head
        lemma = head.lemma_.lower()
        if t.dep_ in ("ccomp", "xcomp") and lemma in DESIRE and head.pos_ in ("VERB", "AUX") and _open(t):
            return head
        if t.dep_ == "acl" and lemma in DESIRE_NOUNS and head.pos_ == "NOUN":
            return head
        t = head
    return None


def supposed(token: Any) -> bool:
    """Whether ``token`` is in a clause that is a supposition ("it is assumed that ...") or an open
    question ("it is not known whether ...")."""
    t = token
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SUPPOSE:
            return True
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "whether" for c in t.children):
            return True
        t = t.head
    return False


def figurative(code: str, trigger: Any) -> bool:
    """A force verb whose object is a problem or an idea, not someone or something to strike."""
    if code[:2] not in FORCE_ROOTS or trigger.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() in abstract_nouns() for o in objects)


# What one "meets" when it is not a person: "met the deadline", "meeting a set of targets".
MET_GOALS = frozenset(
    "deadline target goal requirement criterion criteria standard expectation need quota threshold "
    "benchmark obligation condition commitment cost challenge test specification".split()
)
# Nouns that only count what follows "of": "a set of targets", "a number of conditions".
_QUANTITY = frozenset("set number series list range host raft handful couple".split())


def met_goal(trigger: Any) -> bool:
    """ "meet the deadline", "meeting a set of targets": meeting a goal is no consultation."""
    if trigger.lemma_.lower() != "meet" or trigger.pos_ not in ("VERB", "AUX"):
        return False
    for obj in (c for c in trigger.children if c.dep_ in ("dobj", "obj")):
        noun = obj
        if noun.lemma_.lower() in _QUANTITY:
            noun = next(
                (g for p in noun.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), noun
            )
        if noun.lemma_.lower() in MET_GOALS:
            return True
    return False


def as_formula(verb: Any) -> bool:
    """ "As previously reported", "as noted": a pointer to earlier reporting, not a statement."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )


def _open(verb: Any) -> bool:
    """An infinitive or gerund clause ("to overcome", "forces plugging gaps"), not a finite one: in
    "a national wanted for fraud was extradited" the parser may put the second verb under the first."""
    return verb.tag_ in ("VB", "VBG") or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
