"""Per-paragraph language and the article's main language."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eventwire.clean.language import detect, label_languages, script_of
from eventwire.config import Settings
from eventwire.errors import ConfigError

LANGS = Settings().languages
EN = "The Turkish security official said Russia has gradually withdrawn some military resources from Syria."
UK = "Міністр оборони Туреччини і голова розвідки перед зустріччю у Кремлі, 24 серпня 2018 року."
RU = "Российские наёмники в Сирии продолжают охранять нефтяные месторождения на востоке страны."


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (UK, "uk"), (RU, "ru")])
def test_detect(text: str, lang: str) -> None:
    assert detect(text, LANGS)[0] == lang


def test_main_language_is_the_one_with_most_text() -> None:
    langs, main = label_languages([EN, EN, UK, "Interest of Russia", EN], LANGS)
    assert main == "en"
    assert langs == ["en", "en", "uk", "en", "en"]


def test_short_lines_in_the_main_script_inherit_the_main_language() -> None:
    langs, _ = label_languages([RU, RU, "Аккаунт: @evgenialevi", RU], LANGS)
    assert langs[2] == "ru"


def test_boilerplate_does_not_vote() -> None:
    _, main = label_languages([EN, UK, UK, UK], LANGS, voters=[True, False, False, False])
    assert main == "en"


@pytest.mark.parametrize(
    ("text", "script"), [(EN, "latin"), (UK, "cyrillic"), ("مرحبا بالعالم", "arabic"), ("123", None)]
)
def test_script_of(text: str, script: str | None) -> None:
    assert script_of(text) == script


def test_unknown_language_code_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="xx"):
        detect(EN, ("en", "xx"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkish and Syrian intelligence chiefs met in Damascus this week, the officials said.", True),
        ("The minister said the talks with Azerbaijan would resume on Monday in Brussels.", True),
        ("De minister was in Brussel en had een ontmoeting met zijn collega over de situatie.", False),
        ("Le ministre a rencontré son homologue à Bruxelles pour parler de la situation.", False),
        ("The Kremlin declined to comment.", False),  # too short: the detector decides
        ("Die Regierung hat the Plan in Berlin am Montag vorgestellt und diskutiert heute.", False),
        ("The café owner said the Ministry of the Interior had closed the road.", True),  # one accent
        ("Pakistan apologised to Iran after a Pakistani guard opened fire on Iranian smugglers.", True),
        ("Der Außenminister sagte to Reportern, die Gespräche würden fortgesetzt über Grenzfragen.", False),
        ("Рятувальники the said ліквідують наслідки обстрілу будинку в Херсоні and with.", False),
    ],
)
def test_plain_english_is_told_without_the_detector(text: str, expected: bool) -> None:
    from eventwire.clean.language import plain_english

    assert plain_english(text) is expected


def test_short_lines_take_the_article_language_without_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.clean import language

    calls: list[str] = []
    real = language.detect

    def counting(text: str, languages: Sequence[str]) -> tuple[str | None, float]:
        calls.append(text)
        return real(text, languages)

    monkeypatch.setattr(language, "detect", counting)
    langs, main = label_languages([EN, "Interest of Russia", "Photo: Reuters", EN, "Привіт, світе"], LANGS)
    assert main == "en" and langs[:4] == ["en", "en", "en", "en"]
    assert langs[4] == "uk" and calls == ["Привіт, світе"]  # another script: the detector decides


def test_an_article_of_short_lines_only_still_gets_a_language() -> None:
    langs, main = label_languages(["Привіт, світе", "Дякую за увагу", "До зустрічі"], LANGS)
    assert main == "uk" and langs == ["uk", "uk", "uk"]
