"""Places found in text and put on the map."""

from __future__ import annotations

import json
import math

import pytest

from eventwire import nlp
from eventwire.geo import find_places
from eventwire.geo.gazetteer import load


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return nlp.load(None)


@pytest.mark.parametrize(
    ("name", "country", "point"),
    [("Damascus", "SYR", (33.51, 36.29)), ("Київ", "UKR", (50.45, 30.52)), ("Киев", "UKR", (50.45, 30.52)),
     ("Turkish", "TUR", (39.0, 35.0)), ("Syria", "SYR", (35.0, 38.0))],
)  # fmt: skip
def test_gazetteer_lookup(name: str, country: str, point: tuple[float, float]) -> None:
    best = load().lookup(name)[0]
    assert best.country == country
    assert km((best.lat, best.lon), point) < 161


def test_places_in_a_sentence(model) -> None:  # type: ignore[no-untyped-def]
    text = "Hakan Fidan and Ali Mamlouk met this week in Damascus, the Turkish official said."
    found = {p.text: p for p in find_places(model(text))}
    assert found["Damascus"].place.country == "SYR"
    assert text[found["Damascus"].start : found["Damascus"].end] == "Damascus"
    assert found["Turkish"].place.kind == "country"


def test_places_cli(run_cli) -> None:  # type: ignore[no-untyped-def]
    stdin = json.dumps({"id": "1", "text": "Protesters gathered in Ankara and Istanbul."}) + "\n"
    result = run_cli("places", input=stdin)
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert {p["text"] for p in record["places"]} >= {"Ankara", "Istanbul"}
    assert all(p["lat"] is not None for p in record["places"])


def test_context_chooses_among_places_of_one_name(model) -> None:  # type: ignore[no-untyped-def]
    text = "Tornadoes hit Texas on Sunday. In Paris, a town of 25,000 in the state, homes burned."
    paris = next(p for p in find_places(model(text)) if p.text == "Paris")
    assert paris.place.country == "USA"


def test_seed_shaped_places(model) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hakan Fidan and Ali Mamlouk met this week in Damascus. The Russians moved S-300 systems from Syria "
        "across the Black Sea, and the ship passed through the Bosphorus."
    )
    found = {p.text: p.place for p in find_places(model(text))}
    for name, point in (("Damascus", (33.51, 36.29)), ("Syria", (35.0, 38.0)), ("Black Sea", (43.4, 34.0)),
                        ("Bosphorus", (41.1, 29.05))):  # fmt: skip
        assert name in found, name
        assert km((found[name].lat, found[name].lon), point) < 161, name


def test_gazetteer_regions_and_cyrillic_names() -> None:
    assert load().lookup("Donbass")[0].country == "UKR"
    assert load().lookup("Крим")[0].kind in ("contested", "admin1")


@pytest.mark.parametrize(
    ("text", "mention"),
    [("Russia pulled troops out of Syria’s south this summer.", "Syria’s south"),
     ("Turkey backs rebels in northern Syria.", "northern Syria")],
)  # fmt: skip
def test_part_of_a_country_is_its_region(model, text: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    found = {p.text: p for p in find_places(model(text))}
    assert mention in found
    assert found[mention].place.kind == "region" and found[mention].place.country == "SYR"
    assert text[found[mention].start : found[mention].end] == mention
