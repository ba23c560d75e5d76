"""Whose country the source is when the dictionaries do not name the actor: titles before unknown
names, "from" and membership phrases, regions, "pro-" adjectives, and agentless violence placed by
where it happened (needs the spaCy model)."""

from __future__ import annotations

import pytest

from eventwire.clean import clean
from eventwire.events import code
from eventwire.ingest.text import article_from_text
from eventwire.records import Event, Origin


def events(text: str) -> list[Event]:
    (result,) = code([clean(article_from_text(text, Origin("test", "text")))])
    return result.events


def first(text: str) -> Event:
    found = events(text)
    assert found, f"no event in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "country", "role"),
    [
        # a title gives the role; the one country the sentence names gives the country
        ("Transport Minister Kalle Virtanen imposed a curfew in Helsinki on Monday.", "FIN", "GOV"),
        ("Fisheries Minister Per Brenntvik said Norway must lift the fishing ban.", "NOR", "GOV"),
        ("Judge Maria Okonkwo opened an investigation into 12 Ghanaian customs officers.", "GHA", "JUD"),
        # two countries named: the title gives the role only
        ("President Tomas Ruud criticised Kenyan and Ugandan officials on Monday.", None, "GOV"),
    ],
)
def test_title_before_an_unknown_name(text: str, country: str | None, role: str) -> None:
    source = first(text).source
    assert source is not None
    assert source.country == country and role in source.roles
    assert source.resolved_by == ("context" if country else "agent")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Nurses from a Canadian charity donated medicine to the hospital.", "CAN"),
        ("Dockers affiliated with the Greek seamen's union blocked the port on Tuesday.", "GRC"),
        ("The pro-Syrian Hezbollah movement fired rockets at the border town.", "LBN"),
        ("The government of Balochistan province ordered patrols by police.", "PAK"),
    ],
)
def test_whose_actor_by_affiliation_and_region(text: str, country: str) -> None:
    source = first(text).source
    assert source is not None and source.country == country


def test_a_region_in_two_countries_gives_none() -> None:
    source = first("The government of Punjab province ordered patrols by police.").source
    assert source is not None and source.country is None


def test_verb_the_parser_hung_on_its_subject() -> None:
    event = first("Bolivian miners resorted to throwing stones during the strike, officials said.")
    assert event.cameo.startswith("18")
    assert event.source is not None and event.source.country == "BOL"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A landmine near the town of Kandahar killed two farmers on Sunday.", "AFG"),
        ("A journalist was arrested in Belarus on Monday.", "BLR"),
        ("Thousands of people blocked roads in Nairobi to protest against fuel prices.", "KEN"),
    ],
)
def test_agentless_violence_takes_the_place_country(text: str, country: str) -> None:
    event = first(text)
    assert event.quad_class == 4
    assert event.source is not None
    assert (event.source.country, event.source.resolved_by) == (country, "location")


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a journalist in Belarus on Monday.",  # an actor is named: not replaced
        "A journalist was praised in Belarus on Monday.",  # not material conflict
    ],
)
def test_place_does_not_replace_a_named_or_verbal_source(text: str) -> None:
    for event in events(text):
        assert event.source is None or event.source.resolved_by != "location"


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The army has been holding villagers as human shields near the front.", "181"),
        ("The Supreme Court cancelled restrictions on public assembly.", "081"),
        ("Chile and Peru upgraded their diplomatic ties on Friday.", "050"),
        ("Norway halted its mediation between the government and the rebels.", "165"),
        ("Canada announced a suspension of flights to Libya.", "160"),
        ("The president reneged on his promise of early elections.", "160"),
    ],
)
def test_verb_and_noun_patterns(text: str, root: str) -> None:
    assert any(e.cameo == root for e in events(text))
