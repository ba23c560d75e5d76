"""The coder on whole sentences and articles (needs the spaCy model, loaded once)."""

from __future__ import annotations

import json

from eventwire.clean import clean
from eventwire.events import Coded, code
from eventwire.ingest.text import article_from_text
from eventwire.records import Origin


def coded(text: str) -> Coded:
    (result,) = code([clean(article_from_text(text, Origin("test", "text")))])
    return result


def test_attack_with_actors_and_reported_speech() -> None:
    text = "Turkish troops attacked Syrian rebels near Idlib on Monday, the army said."
    (event, *_) = coded(text).events
    assert event.cameo.startswith("19")
    assert (event.source.country, event.target.country) == ("TUR", "SYR")  # type: ignore[union-attr]
    assert "MIL" in event.source.roles and "REB" in event.target.roles  # type: ignore[union-attr]
    assert event.modality == "reported" and event.attributed_to == "the army"
    assert event.quad_class == 4 and event.plover == "ASSAULT"


def test_withdrawal_claimed_by_an_official() -> None:
    official = "The Turkish security official"
    (event, *_) = coded(
        f"{official} said Russia has gradually withdrawn some military resources from Syria."
    ).events
    assert event.cameo.startswith("08")
    assert event.source.country == "RUS" and event.target.country == "SYR"  # type: ignore[union-attr]
    assert event.attributed_to == "The Turkish security official"


def test_apposition_and_premodifier_people_meet_both_ways() -> None:
    events = coded(
        "Hakan Fidan, head of Turkey’s National Intelligence Organization (MIT), and Syrian "
        "intelligence chief Ali Mamlouk met as recently as this week in Damascus."
    ).events
    pairs = {(e.source.country, e.target.country) for e in events if e.source and e.target}  # type: ignore[union-attr]
    assert {("TUR", "SYR"), ("SYR", "TUR")} <= pairs
    assert all(e.cameo.startswith("04") for e in events)


def test_passive_voice_swaps_source_and_target() -> None:
    (event, *_) = coded("Syrian rebels were attacked by Russian aircraft near Aleppo.").events
    assert (event.source.country, event.target.country) == ("RUS", "SYR")  # type: ignore[union-attr]


def test_negation_is_marked() -> None:
    (event, *_) = coded("Turkey did not send troops to Syria.").events
    assert event.negated


def test_dateline_is_not_part_of_the_subject_and_names_the_wire() -> None:
    (event, *_) = coded(
        "MINGORA, Pakistan (Reuters) - Pakistani troops attacked Taliban positions on Monday."
    ).events
    assert event.source.text == "Pakistani troops"  # type: ignore[union-attr]
    assert event.reported_by == "Reuters"


def test_non_english_text_gives_no_events() -> None:
    assert (
        coded("Російські війська атакували позиції поблизу Харкова у понеділок, повідомили в штабі.").events
        == []
    )


def test_spans_point_at_the_sentence_in_the_clean_text() -> None:
    result = coded("Talks resume\n\nTurkish troops attacked Syrian rebels near Idlib on Monday.")
    text = result.article.title + "\n\n" + result.article.body  # type: ignore[operator]
    for event in result.events:
        assert text[event.span[0] : event.span[1]] == event.sentence


def test_code_cli_one_line_per_record_in_order(run_cli) -> None:
    stdin = "".join(
        json.dumps(r) + "\n"
        for r in [
            {"id": "b", "text": "Russia has withdrawn troops from Syria."},
            {"id": "a", "text": ""},
            {"id": "c", "text": "It rained in Kyiv."},
        ]
    )
    result = run_cli("code", "--skip-bad", input=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["b", "a", "c"]
    assert lines[0]["events"] and lines[1]["events"] == [] and lines[2]["events"] == []
    assert lines[0]["metadata"]["model"].startswith("en_core_web_sm")
    assert result.exit_code == 0


def test_very_long_paragraph_is_not_parsed_but_reported() -> None:
    result = coded("Troops attacked the town. " * 5000)
    assert result.warnings and "not coded" in result.warnings[0]


def test_event_date_from_its_clause_against_the_publication_date() -> None:
    (result,) = code(
        [
            clean(
                article_from_text(
                    "Russia withdrew troops from Syria last week, officials said.",
                    Origin("t", "text"),
                    published=__import__("datetime").date(2022, 9, 2),
                )
            )
        ]
    )
    date = result.events[0].date
    assert date is not None
    assert (date["from"], date["to"], date["basis"]) == ("2022-08-22", "2022-08-28", "clause")
    text = result.article.body
    assert text[date["start"] : date["end"]] == "last week"


def test_event_date_falls_back_to_publication_and_stays_empty_without_one() -> None:
    assert coded("Russia withdrew troops from Syria.").events[0].date is None


def test_event_place_from_its_clause() -> None:
    (event, *_) = coded("Turkish and Syrian intelligence chiefs met this week in Damascus.").events
    assert event.place is not None
    assert (event.place["name"], event.place["country"], event.place["basis"]) == (
        "Damascus",
        "SYR",
        "clause",
    )


def test_coordinated_subjects_act_on_each_other_only_for_mutual_acts() -> None:
    protested = coded(
        "Talks\n\nNeither the Hungarian foreign ministry nor the Slovak defence ministry commented."
    ).events
    sources = {e.source.country for e in protested if e.source}
    assert sources == {"HUN", "SVK"} and all(e.target is None for e in protested)
    met = coded("Talks\n\nArmenia and Azerbaijan met in Brussels on Monday.").events
    pairs = {(e.source.country, e.target.country) for e in met if e.source and e.target}
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= pairs


def test_labelling_as_occupiers_is_an_accusation_and_a_passive_conjunct_acts_on_the_first_subject() -> None:
    events = coded("Iran has advisers across the province, deemed occupiers by the Iraqi government.").events
    (event,) = [e for e in events if e.cameo.startswith("11")]
    assert event.cameo == "1123" and event.trigger == "deemed"
    assert (event.source.country, event.target.country) == ("IRQ", "IRN")  # type: ignore[union-attr]


def test_subject_after_as_read_as_a_preposition() -> None:
    events = coded("Oil prices rose as Tehran braced itself for a long war with its neighbours.").events
    (event,) = [e for e in events if e.trigger == "braced"]
    assert event.cameo == "154"
    assert event.source.country == "IRN" and "GOV" in event.source.roles  # type: ignore[union-attr]


def test_a_run_on_phrase_is_not_part_of_the_target() -> None:
    (event, *_) = coded(
        "The Foreign Ministry of Poland conveyed to the ambassador of Belarus the protest of the Polish side."
    ).events
    assert event.target.text == "the ambassador of Belarus"  # type: ignore[union-attr]


def test_a_second_wish_towards_no_one_is_not_an_event() -> None:
    events = coded(
        "Lithuania asked Latvia to share the radar data and Lithuania wants to receive the reports quickly."
    ).events
    assert [e.trigger for e in events] == ["asked"]


def test_an_object_that_names_the_act_is_not_the_target() -> None:
    (event, *_) = coded("Poland's intelligence agency held separate meetings this week.").events
    assert event.cameo.startswith("04") and event.target is None


def test_coordinated_nationalities_are_two_actors_who_meet_each_other() -> None:
    events = coded("Serbian and Croatian border officials held talks in Szeged on Monday.").events
    pairs = {(e.source.country, e.target.country) for e in events if e.source and e.target}  # type: ignore[union-attr]
    assert pairs == {("SRB", "HRV"), ("HRV", "SRB")}
    assert all(e.cameo.startswith("04") for e in events)


def test_where_talks_are_held_is_not_whom_they_are_with() -> None:
    (event, *_) = coded("Armenia's foreign minister held talks in Tbilisi on Friday.").events
    assert event.cameo.startswith("04")
    assert event.target is None or event.target.country != "GEO"


def test_where_strikes_fell_stands_for_whom_they_hit() -> None:
    (event, *_) = coded("Russia conducted missile strikes in eastern Ukraine on Monday.").events
    assert event.target is not None and event.target.country == "UKR"


def test_helping_to_broker_a_deal_is_mediating() -> None:
    (event, *_) = coded("Qatar helped broker a ceasefire between the two militias last week.").events
    assert event.cameo.startswith("04") and event.trigger == "broker"


def test_neither_is_not_part_of_the_actor() -> None:
    events = coded(
        "Neither the Greek foreign ministry nor the Turkish embassy commented on the report."
    ).events
    assert {e.source.text for e in events if e.source} == {  # type: ignore[union-attr]
        "the Greek foreign ministry",
        "the Turkish embassy",
    }


def test_declining_to_comment_is_011_and_nothing_else() -> None:
    events = coded("A spokesman for the Greek government declined to comment on the report.").events
    assert [e.cameo for e in events] == ["011"]


def test_what_was_refused_did_not_happen() -> None:
    events = coded("Hungary refused to send artillery shells to Ukraine.").events
    assert [e.cameo[:2] for e in events] == ["12"]
    assert events[0].cameo == "122" and events[0].target.country == "UKR"  # type: ignore[union-attr]


def test_claiming_responsibility_is_the_main_event() -> None:
    (event, *_) = coded(
        "The Baloch Liberation Army claimed responsibility for the bombing, which killed six police "
        "officers in Quetta."
    ).events
    assert event.cameo == "015"


def test_what_someone_hoped_for_has_not_happened() -> None:
    events = coded(
        "The two ministers said they hoped the plan could avert military action against Lebanon."
    ).events
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in events)


def test_meeting_a_goal_is_no_meeting() -> None:
    for text in (
        "Albania is meeting a set of targets for joining the European Union.",
        "The Serbian ministry said the plant would meet the deadline set by Brussels.",
    ):
        assert not [e for e in coded(text).events if e.trigger in ("meeting", "meet")]


def test_meeting_demands_is_yielding() -> None:
    (event, *_) = coded("The Peruvian government met the protesters' demands on Friday.").events
    assert event.cameo.startswith("08")
