"""Negation, modality and who claims an event, read off the parse around its trigger."""

from __future__ import annotations

from typing import Any

# Verbs that report what someone said; an event in their complement is "reported" and attributed
# to their subject.
SAY = frozenset(
    "say tell add state claim report note write explain insist stress reiterate confirm acknowledge argue "
    "allege assert reveal announce told quote cite estimate believe think".split()
)
DENY = frozenset("deny dismiss refute".split())
INTEND = frozenset(
    "plan intend aim prepare seek decide promise pledge vow threaten offer agree expect propose schedule "
    "try attempt willing ready prepared determined eager set".split()
)
OBLIGE_AUX = frozenset(["must", "should"])
DESIRE = frozenset("want wish hope desire like prefer".split())
HYPOTHETICAL_AUX = frozenset("would could might may should".split())
FUTURE_AUX = frozenset(["will", "shall", "'ll"])


def negated(token: Any) -> bool:
    """A "not"/"never" on the trigger, or on the auxiliary chain of a phrasal trigger."""
    return any(c.dep_ == "neg" or (c.lower_ in ("never", "not", "n't") and c.dep_ in ("advmod", "neg"))
               for c in token.children)  # fmt: skip


def modality(token: Any, attributed: bool) -> str:
    """asserted, reported, intended, desired, hypothetical or denied, from the trigger's context."""
    t = token
    aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if "would" in aux and t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY:
        return "intended"  # "said it would ...": the future of reported speech, not a condition
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
        return "hypothetical"
    # Walk up through open complements: "plans to withdraw", "wants Syria to negotiate".
    while t.dep_ in ("xcomp", "ccomp", "conj") and t.head.i != t.i:
        governor = t.head
        lemma = governor.lemma_.lower()
        if lemma in DENY and t.dep_ == "ccomp":
            return "denied"
        if lemma in DESIRE and t.dep_ == "xcomp":
            return "desired"
        if lemma in INTEND and t.dep_ == "xcomp":  # also "is willing to", through the adjective
            return "intended"
        if t.dep_ == "ccomp":
            break
        t = governor
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if aux & FUTURE_AUX:
        return "intended"
    return "reported" if attributed else "asserted"


def speaker(token: Any) -> Any | None:
    """The head of whoever is said to claim the event at ``token``: the subject of a reporting verb
    whose complement holds it ("X said Russia withdrew"), or the object of "according to"."""
    t = token
    while t.head.i != t.i:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for grand in child.subtree:
                    if grand.dep_ == "pobj":
                        return grand
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SAY:
            for child in t.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
            return None
        t = t.head
    for child in t.children:  # the root itself: "according to ..." on the main verb
        if child.dep_ == "prep" and child.lower_ == "according":
            for grand in child.subtree:
                if grand.dep_ == "pobj":
                    return grand
    return None
