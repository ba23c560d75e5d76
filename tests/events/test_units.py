"""Pieces of the coder that need no parse: datelines, wires, the codebook, pattern matching."""

from __future__ import annotations

import pytest

from eventwire.events.codebook import lookup
from eventwire.events.extract import innermost
from eventwire.events.patterns import Pattern, best
from eventwire.events.provenance import wire_of
from eventwire.nlp.datelines import find_dateline
from eventwire.records import Actor


@pytest.mark.parametrize(
    ("text", "place", "wire"),
    [
        ("MINGORA, Pakistan (Reuters) - Pakistani troops attacked", "MINGORA, Pakistan", "Reuters"),
        ("KYIV, March 3 (Reuters) - Ukraine requested", "KYIV", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "AP"),
        ("NEW YORK — Stocks fell", "NEW YORK", None),
        ("(Reuters) - Talks resumed", None, "Reuters"),
    ],
)
def test_dateline(text: str, place: str | None, wire: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.wire) == (place, wire)


@pytest.mark.parametrize("text", ["The army said - nothing", "Russia - Ukraine talks", "UN - something"])
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("texts", "wire"),
    [
        (["Russia is pushing Syria and Turkey into negotiations – Reuters"], "Reuters"),
        (["This is a sign of it. Reuters sources reported."], "Reuters"),
        (["The minister told AFP on Monday that talks would resume."], "Agence France-Presse"),
        (["Reuters is a news company with offices worldwide."], None),
        (["The talks were held in the capital."], None),
    ],
)
def test_wire_of(texts: list[str], wire: str | None) -> None:
    assert wire_of(texts) == wire


@pytest.mark.parametrize(
    ("code", "quad", "plover"),
    [
        ("190", 4, "ASSAULT"),
        ("042", 1, "CONSULT"),
        ("020", 1, "REQUEST"),
        ("0874", 2, "RETREAT"),
        ("112", 3, "ACCUSE"),
    ],
)
def test_codebook(code: str, quad: int, plover: str) -> None:
    entry = lookup(code)
    assert (entry.quad, entry.plover) == (quad, plover)
    assert entry.goldstein is not None and -10 <= entry.goldstein <= 10


def test_unknown_code_falls_back_to_its_parent() -> None:
    assert lookup("1909").quad == 4


def test_longest_pattern_wins_and_words_must_be_in_order() -> None:
    patterns = [
        Pattern("0874", "pull", ("troop", "out"), (), ""),
        Pattern("0874", "pull", ("out",), (), ""),
        Pattern("171", "pull", (), (), ""),
    ]
    words = [("a", "a"), ("troop", "troops"), ("out", "out")]
    assert best(patterns, words, []) is patterns[0]
    assert best(patterns, [("out", "out"), ("troop", "troops")], []) is patterns[1]
    assert best(patterns, [], []) is patterns[2]


def test_multi_word_nouns_are_found_by_their_head() -> None:
    from eventwire.events.patterns import nouns

    heads = {(*p.before, p.word) for patterns in nouns().values() for p in patterns}
    assert ("car", "bomb") in heads or ("peace", "talk") in heads
    assert all(" " not in word for word in nouns())


def test_one_target_when_a_phrase_and_the_country_inside_it_both_resolve() -> None:
    phrase = Actor("some military resources from Syria", country="SYR", code="SYR", start=10, end=44)
    country = Actor("Syria", country="SYR", code="SYR", start=39, end=44)
    other = Actor("Turkey", country="TUR", code="TUR", start=50, end=56)
    assert innermost([phrase, country, other]) == [country, other]
    assert innermost([phrase]) == [phrase]
