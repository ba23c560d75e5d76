"""The attribute rules give every token exactly what spaCy's attribute ruler gives it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from eventwire import nlp
from eventwire.nlp.attributes import NAME, AttributeRules, Unsupported, install

ROOT = Path(__file__).resolve().parents[2]
# Words the English ruler has rules for, in the forms people write them.
TRICKY = [
    "I ain't gonna do it, y'all, and you can't make me.",
    "Let's go, c'mon! We gotta leave; they're waiting.",
    "There is a dog. There's a cat, and there were two mice.",
    "He'd said it'd rain; I'd've gone. Nothin' doin', ol' man, 'em 'll do 'nuff.",
    "He gets it; she got it; did he? He had had it, and she has been being difficult.",
    "But the ministers, but not the generals, met. Which did they choose? That one.",
    "  \n  spaces \t here  ",
    "It",
]


def _texts() -> list[str]:
    sentences = ROOT / "tests" / "events" / "corpus" / "sentences.jsonl"
    texts = [json.loads(line)["text"] for line in sentences.read_text("utf-8").splitlines() if line.strip()]
    texts += [
        p
        for p in (ROOT / "eventwire" / "samples" / "armenia-azerbaijan-talks.txt")
        .read_text("utf-8")
        .split("\n\n")
    ]
    return TRICKY + texts


def _tokens(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_english_pipeline_tokens_identical() -> None:
    ours, theirs = nlp.load(None), nlp.stock(None)
    assert ours.pipe_names == theirs.pipe_names
    assert type(ours.get_pipe("attribute_ruler")).__name__ != "AttributeRuler"  # replaced
    texts = _texts()
    assert len(texts) > 200
    for a, b in zip(ours.pipe(texts), theirs.pipe(texts), strict=True):
        assert _tokens(a) == _tokens(b), a.text


# A small ruler of every supported form, on a blank pipeline whose tags and dependencies the test
# sets itself: equality, IN, NOT_IN, REGEX, whitespace, two-token patterns aiming at either token,
# alternatives, and later rules overriding earlier ones.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": {"IN": ["VB", "VBD"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "talks"}]], "attrs": {"POS": "VERB", "LEMMA": "talk"}},
    {"patterns": [[{"LOWER": {"REGEX": "^un"}, "DEP": {"NOT_IN": ["", "amod"]}}]], "attrs": {"POS": "ADJ"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {
        "patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]],
        "attrs": {"LEMMA": "get"},
    },
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "AUX"}},
]
WORDS = ["talks", "is", "was", "gon", "na", "gets", "got", "unclear", "Unite", "there", "the", "  ", "deal"]
TAGS = ["NN", "NNS", "VB", "VBD", "VBZ", "DT", "", "EX"]
DEPS = ["expl", "amod", "nsubj", "ROOT", "", "dobj"]


def _pipelines(rules: list[dict]) -> tuple[spacy.Language, spacy.Language]:
    made = []
    for _ in range(2):
        blank = spacy.blank("en")
        ruler = blank.add_pipe("attribute_ruler")
        ruler.add_patterns(rules)
        made.append(blank)
    return made[0], made[1]


def _doc(vocab, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    return Doc(vocab, words=words, tags=tags, deps=deps, spaces=[True] * len(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)), max_size=12))
def test_every_supported_form_matches_spacy(tokens: list[tuple[str, str, str]]) -> None:
    ours, theirs = _PIPES
    words = [w for w, _, _ in tokens]
    tags = [t for _, t, _ in tokens]
    deps = [d for _, _, d in tokens]
    a = ours.get_pipe("attribute_ruler")(_doc(ours.vocab, words, tags, deps))
    b = theirs.get_pipe("attribute_ruler")(_doc(theirs.vocab, words, tags, deps))
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == [
        (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b
    ]


def _make_pipes() -> tuple[spacy.Language, spacy.Language]:
    ours, theirs = _pipelines(RULES)
    assert install(ours)
    return ours, theirs


_PIPES = _make_pipes()


def test_installed_component_keeps_its_place() -> None:
    ours, theirs = _PIPES
    assert ours.pipe_names == theirs.pipe_names == ["attribute_ruler"]
    assert isinstance(theirs.get_pipe("attribute_ruler"), AttributeRuler)
    assert ours.get_pipe("attribute_ruler").rules is not None
    assert ours.get_pipe_meta("attribute_ruler").factory == NAME


@pytest.mark.parametrize(
    "rule",
    [
        {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}},  # an operator
        {"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "NOUN"}},  # another attribute
        {"patterns": [[{"LOWER": "x"}]], "attrs": {"NORM": "ex"}},  # sets a lexical attribute
    ],
)
def test_other_patterns_keep_spacys_ruler(rule: dict) -> None:
    blank, _ = _pipelines([rule])
    with pytest.raises(Unsupported):
        AttributeRules(blank.get_pipe("attribute_ruler"))
    assert not install(blank)
    assert isinstance(blank.get_pipe("attribute_ruler"), AttributeRuler)


def test_no_ruler_nothing_to_do() -> None:
    assert not install(spacy.blank("en"))
