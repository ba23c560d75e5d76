"""Decoding: byte-order marks, declared charsets, detection, and a forced encoding."""

from __future__ import annotations

import pytest

from eventwire.errors import InputError
from eventwire.ingest.encoding import declared_charset, decode
from eventwire.records import Article, Skipped

UK = (
    "Міністри закордонних справ України та Польщі зустрілися у вівторок у Києві, щоб обговорити "
    "постачання зерна через кордон. Сторони домовилися створити спільну робочу групу, яка "
    "підготує нові правила перевезення вантажів до кінця місяця. Представник уряду заявив, що "
    "переговори були відвертими і корисними для обох країн."
)
RU = (
    "Министры иностранных дел Армении и Азербайджана встретились во вторник в Москве, чтобы "
    "обсудить проект мирного договора. Стороны договорились продолжить переговоры в следующем "
    "месяце и подготовить новые предложения по границе. Представитель министерства сообщил, что "
    "встреча прошла в конструктивной атмосфере."
)
FR = (
    "Les ministres des affaires étrangères se sont réunis mardi à Genève pour préparer une "
    "nouvelle série de négociations. Selon un communiqué publié après la réunion, les délégations "
    "ont évoqué la sécurité régionale, l'énergie et le déminage. « Nous avons fait des progrès "
    "réels », a déclaré le porte-parole, qui a précisé que la prochaine rencontre aurait lieu à Bruxelles."
)
EN = (
    "The foreign ministers met in Geneva on Tuesday to prepare a new round of negotiations. "
    "According to a statement released after the meeting, the delegations discussed regional "
    "security, energy and demining."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(UK, "cp1251", id="uk-windows-1251"),
        pytest.param(RU, "cp1251", id="ru-windows-1251"),
        pytest.param(RU, "koi8_r", id="ru-koi8-r"),
        pytest.param(UK, "utf-16", id="uk-utf16-bom"),
        pytest.param(RU, "utf-16", id="ru-utf16-bom"),
        pytest.param(UK, "utf-8-sig", id="uk-utf8-bom"),
        pytest.param(RU, "utf-8", id="ru-utf8"),
        pytest.param(FR, "latin-1", id="fr-latin-1"),
        pytest.param(FR, "cp1252", id="fr-windows-1252"),
    ],
)
def test_decode_detects_encoding(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "article.txt") == text


def test_decode_strips_utf16_bom_and_keeps_no_nul() -> None:
    out = decode(b"\xff\xfe" + UK.encode("utf-16-le"), "a.txt")
    assert out == UK
    assert "\x00" not in out and not out.startswith("\ufeff")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            EN,
            id="english",
        ),
        pytest.param(
            UK,
            id="ukrainian",
        ),
    ],
)
def test_decode_reads_utf16_without_bom(text: str) -> None:
    assert decode(text.encode("utf-16-le"), "a.txt") == text


def _page(text: str, charset: str) -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>Переговоры</title></head>'
        f"<body><article><p>{text}</p></article></body></html>"
    )


def test_declared_charset_reads_meta_and_xml_declaration() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1251">') == "cp1251"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">') == "koi8-r"
    )
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss>') == "iso8859-1"
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    assert declared_charset(b"<html><head><title>x</title>") is None


def test_decode_uses_a_correct_declared_charset() -> None:
    # Too little text for detection to be sure of; the page's declaration settles it.
    short = "Переговоры в Москве"
    data = _page(short, "koi8-r").encode("koi8_r")
    assert short in decode(data, "page.html", declared=declared_charset(data))


@pytest.mark.parametrize(
    "declared",
    [
        pytest.param("utf-8", id="utf-8"),
        pytest.param(
            "windows-1252",
            id="windows-1252",
        ),
        pytest.param(
            "koi8-r",
            id="koi8-r",
        ),
    ],
)
def test_decode_falls_back_when_declared_charset_is_wrong(declared: str) -> None:
    data = _page(RU, declared).encode("cp1251")
    assert declared_charset(data) is not None
    assert RU in decode(data, "page.html", declared=declared_charset(data))


def test_wrong_meta_charset_falls_back_when_reading_a_page(make_file, read_all) -> None:
    path = make_file("page.html", _page(RU, "utf-8").encode("cp1251"))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert "Министры иностранных дел" in article.text
    assert article.title == "Переговоры"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(UK, "cp1251", id="uk-cp1251"),
        pytest.param(RU, "koi8_r", id="ru-koi8-r"),
        pytest.param(FR, "latin-1", id="fr-latin-1"),
    ],
)
def test_read_text_file_in_legacy_encoding(make_file, read_all, text: str, encoding: str) -> None:
    title = text.split(" ", 3)[0] + " " + text.split(" ", 3)[1]
    path = make_file("article.txt", f"{title}\n\n{text}\n".encode(encoding))
    [article] = read_all(path)
    assert isinstance(article, Article)
    assert article.title == title
    assert article.text.strip() == text


def test_forced_encoding_wins_over_detection() -> None:
    data = RU.encode("koi8_r")
    # Forcing cp1251 on KOI8-R bytes gives what the user asked for, not the detected text.
    assert decode(data, "a.txt", forced="cp1251") == data.decode("cp1251")
    assert decode(data, "a.txt", forced="koi8_r") == RU


def test_forced_encoding_through_settings(make_file, read_all) -> None:
    path = make_file("article.txt", f"Заголовок\n\n{RU}\n".encode("koi8_r"))
    [article] = read_all(path, encoding="koi8-r")
    assert isinstance(article, Article)
    assert article.title == "Заголовок"
    assert article.text.strip() == RU


def test_unknown_forced_encoding_names_the_file() -> None:
    with pytest.raises(InputError) as info:
        decode(b"plain text", "news/article.txt", forced="klingon-8")
    assert info.value.where == "news/article.txt"
    assert "news/article.txt" in str(info.value)
    assert "klingon-8" in str(info.value)


def test_unknown_forced_encoding_skips_the_file_in_read(make_file, read_all) -> None:
    path = make_file("article.txt", "Title\n\nSome text about the talks.\n")
    [item] = read_all(path, encoding="klingon-8")
    assert isinstance(item, Skipped)
    assert item.origin.path == path
    assert "klingon-8" in item.message() and path in item.message()


def test_forced_encoding_that_does_not_fit_names_the_file() -> None:
    with pytest.raises(InputError) as info:
        decode(UK.encode("cp1251"), "uk.txt", forced="utf-8")
    assert info.value.where == "uk.txt"
    assert "utf-8" in info.value.problem


def test_undetectable_bytes_raise_input_error() -> None:
    with pytest.raises(InputError) as info:
        decode(bytes(range(128, 256)) * 4, "noise.txt")
    assert info.value.where == "noise.txt"
    assert "encoding" in info.value.reason()


def test_forced_utf8_drops_the_bom(make_file, read_all) -> None:
    path = make_file("article.txt", "Talks resume\n\nThe ministers met on Monday.\n".encode("utf-8-sig"))
    [article] = read_all(path, encoding="utf-8")
    assert isinstance(article, Article)
    assert article.title == "Talks resume"


def test_forced_encoding_applies_to_jsonl(make_file, read_all, jsonl) -> None:
    path = make_file("dump.jsonl", jsonl({"title": "Заголовок", "text": RU}).encode("cp1251"))
    [article] = read_all(path, encoding="cp1251")
    assert isinstance(article, Article)
    assert article.text == RU
