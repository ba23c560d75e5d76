"""What looks like an event and is not (eventwire/events/filters.py and the coder's keep rules).

Sentences written for these tests; they need the spaCy model (loaded once per process)."""

from __future__ import annotations

import pytest

from eventwire.clean import clean
from eventwire.events import code
from eventwire.ingest.text import article_from_text
from eventwire.records import Event, Origin


def events(text: str) -> list[Event]:
    (result,) = code([clean(article_from_text(text, Origin("test", "text")))])
    return result.events


def triggers(text: str) -> set[str]:
    return {e.trigger for e in events(text)}


def test_what_is_wanted_is_not_an_event_but_the_wanting_is() -> None:
    found = events("France wants Mali and Niger to expel the foreign mercenaries.")
    assert "expel" not in {e.trigger for e in found}
    assert {e.trigger for e in found} == {"wants"}
    assert {e.target.country for e in found if e.target} == {"MLI", "NER"}


def test_a_desire_noun_is_the_event_and_what_it_wants_is_not() -> None:
    text = "The main obstacle is Japan's desire to include South Korea in any talks with China."
    (found,) = events(text)
    assert found.trigger == "desire" and found.cameo.startswith("03")
    assert (found.source.country, found.target.country) == ("JPN", "KOR")  # type: ignore[union-attr]


def test_not_wanting_is_rejecting() -> None:
    (found, *_) = events("Egypt does not want Ethiopian troops to cross the border.")
    assert found.cameo.startswith("12") and not found.negated
    assert (found.source.country, found.target.country) == ("EGY", "ETH")  # type: ignore[union-attr]


def test_wanting_to_see_others_act_targets_them() -> None:
    (found, *_) = events("Israel does not want to see Iranian forces filling the gaps.")
    assert found.target is not None and found.target.country == "IRN"


def test_a_wanted_man_is_not_a_desire() -> None:
    # The parser can hang the main verb under "wanted"; a finite clause there is no complement.
    found = events("A Dutch national wanted for fraud was extradited to the Netherlands by Spain.")
    assert any(e.cameo.startswith("06") for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "It is assumed that the Iranians supplied drones to the rebels.",
        "It is not known whether Chad will expel the French ambassador.",
    ],
)
def test_suppositions_and_open_questions_are_not_events(text: str) -> None:
    assert not {"supplied", "expel"} & triggers(text)


def test_force_verbs_with_an_abstract_object_are_figurative() -> None:
    assert not any(
        e.cameo[:2] in ("17", "18", "19", "20")
        for e in events("Kenya and Uganda overcame their differences.")
    )
    (attack, *_) = events("Kenyan troops attacked a militant camp in Somalia.")
    assert attack.cameo.startswith("19")


def test_as_previously_reported_is_not_a_statement() -> None:
    found = events("As previously reported, Greek coast guards detained the crew of a Turkish trawler.")
    assert all(e.trigger != "reported" for e in found)


def test_what_the_press_emphasises_is_provenance() -> None:
    text = "Turkish troops shelled Kurdish positions. The newspaper emphasizes that it went on all night."
    assert all(e.trigger != "emphasizes" for e in events(text))


def test_added_is_reporting_not_giving() -> None:
    found = events("Greece will not attend the summit, a Greek government spokesman added.")
    assert all(not (e.trigger == "added" and e.cameo.startswith("06")) for e in found)


def test_after_the_first_event_an_event_without_actors_is_dropped() -> None:
    text = (
        "Turkish troops attacked Kurdish fighters near Kobani on Monday.\n\n"
        "The convoy passed through the valley at night.\n\n"
        "The contacts seek to secure a foothold in Syria."
    )
    found = events(text)
    assert found[0].trigger == "attacked"
    assert not {"passed", "seek"} & {e.trigger for e in found}


def test_the_first_event_is_kept_whoever_did_it() -> None:
    (found, *_) = events("A car bomb killed six people in the market.")
    assert found.trigger == "killed" and found.source is not None and found.source.country is None


def test_an_event_in_a_relative_clause_is_background() -> None:
    found = events(
        "Russia pulled its troops out of the villages that were later occupied by Iranian-backed militias."
    )
    assert {e.trigger for e in found} == {"pulled"}


def test_an_event_noun_judged_by_a_copula_is_not_reported() -> None:
    assert "backing" not in triggers("Saudi backing has been decisive.")


def test_an_event_noun_object_takes_its_source_from_the_verb_when_its_modifiers_name_no_one() -> None:
    (found, *_) = events("NATO will tighten the naval blockade of Serbia.")
    assert found.trigger == "blockade"
    assert found.source is not None and (found.source.code or "").startswith("IGO")


def test_the_target_of_an_event_noun_object_is_what_it_is_against() -> None:
    (found, *_) = events("Government forces continued their attacks on the besieged town of Harasta.")
    assert found.target is not None and found.target.text.startswith("the besieged town")


def test_a_state_department_spokesman_is_american() -> None:
    (found, *_) = events("A State Department spokesman said Washington would send more aid to Kenya.")
    assert found.source is not None and found.source.country == "USA"
