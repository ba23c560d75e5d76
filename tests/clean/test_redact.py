"""Tests of secret redaction: ``redact(text, regions)`` and the span helpers of eventwire.clean.redact."""

from __future__ import annotations

import itertools
import re

import pytest

from eventwire.clean.redact import (
    PLACEHOLDER,
    card_spans,
    email_spans,
    iban_spans,
    luhn_ok,
    phone_spans,
    redact,
)
from eventwire.config import Settings

# The regions clean() uses by default: UA, RU, TR, US, GB, DE, FR.
ALL_REGIONS = Settings().phone_regions


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def assert_spans_point_at_placeholders(out: str, spans: list[tuple[str, int, int]]) -> None:
    """Every span covers exactly its placeholder, spans are in order and do not overlap, and there
    is no placeholder in the output that has no span."""
    for kind, start, end in spans:
        assert out[start:end] == PLACEHOLDER[kind], (kind, start, end, out)
    starts = [s for _, s, _ in spans]
    assert starts == sorted(starts)
    for (_, _, end), (_, start, _) in itertools.pairwise(spans):
        assert end <= start
    marks = [m.span() for m in re.finditer(r"\[(?:CARD|IBAN|EMAIL|PHONE)\]", out)]
    assert marks == [(s, e) for _, s, e in spans]


# --------------------------------------------------------------------------------------------------
# luhn_ok


@pytest.mark.parametrize(
    "digits",
    [
        "4111111111111111",
        "4012888888881881",
        "4539148803436467",
        "5555555555554444",
        "5105105105105100",
        "2221000000000009",
        "378282246310005",
        "6011111111111117",
        "4222222222222",
        "4000012345678901233",
        "1991199219931994",  # the year list below is Luhn-valid: it must be excluded by other means
        "0",
    ],
)
def test_luhn_ok_accepts_valid_numbers(digits: str) -> None:
    assert luhn_ok(digits)


@pytest.mark.parametrize("digits", ["4111111111111112", "5555555555554445", "378282246310006", "1"])
def test_luhn_ok_rejects_invalid_numbers(digits: str) -> None:
    assert not luhn_ok(digits)


# --------------------------------------------------------------------------------------------------
# Cards

VALID_CARDS = [
    pytest.param("4111 1111 1111 1111", id="visa-spaces"),
    pytest.param("4111-1111-1111-1111", id="visa-dashes"),
    pytest.param("4111111111111111", id="visa-unbroken"),
    pytest.param("4012 8888 8888 1881", id="visa2-spaces"),
    pytest.param("4539-1488-0343-6467", id="visa3-dashes"),
    pytest.param("5555 5555 5555 4444", id="mc-spaces"),
    pytest.param("5105-1051-0510-5100", id="mc-dashes"),
    pytest.param("5555555555554444", id="mc-unbroken"),
    pytest.param("2221 0000 0000 0009", id="mc-2series-spaces"),
    pytest.param("6011 1111 1111 1117", id="discover-spaces"),
    pytest.param("3782 822463 10005", id="amex-4-6-5-spaces"),
    pytest.param("3714-496353-98431", id="amex-4-6-5-dashes"),
    pytest.param("378282246310005", id="amex-unbroken"),
    pytest.param("4222222222222", id="13-digit"),
    pytest.param("4222 2222 22222", id="13-digit-grouped"),
    pytest.param("4000012345678901233", id="19-digit"),
    pytest.param("4000 0123 4567 8901 233", id="19-digit-grouped"),
    pytest.param("4111\u00a01111\u00a01111\u00a01111", id="visa-nbsp"),
]


@pytest.mark.parametrize("card", VALID_CARDS)
def test_card_number_alone_becomes_card_placeholder(card: str) -> None:
    assert redact(card) == ("[CARD]", [("CARD", 0, 6)])


@pytest.mark.parametrize("card", VALID_CARDS)
def test_card_number_in_sentence_is_replaced_and_gone(card: str) -> None:
    text = f"Donations went to card {card}, the statement said."
    out, spans = redact(text, ALL_REGIONS)
    assert out == "Donations went to card [CARD], the statement said."
    assert spans == [("CARD", 23, 29)]
    assert card not in out
    assert digits_of(card) not in digits_of(out)


@pytest.mark.parametrize("card", VALID_CARDS)
def test_card_spans_cover_exactly_the_card(card: str) -> None:
    text = f"card: {card}."
    assert card_spans(text) == [(6, 6 + len(card))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 1111 1111 1111 2024", "[CARD] 2024"),
        ("4111-1111-1111-1111-2024", "[CARD]-2024"),
        ("5555 5555 5555 4444 12", "[CARD] 12"),
        ("6011 0009 9013 9424 123", "[CARD] 123"),
        ("3782 822463 10005 7", "[CARD] 7"),
    ],
)
def test_card_followed_directly_by_another_number_is_found(text: str, expected: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert out == expected
    assert spans == [("CARD", 0, 6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No4111111111111111", "No[CARD]"),
        ("card4111111111111111end", "card[CARD]end"),
        ("Nr.5555-5555-5555-4444x", "Nr.[CARD]x"),
        ("карта4111 1111 1111 1111", "карта[CARD]"),
    ],
)
def test_card_next_to_letters_is_found(text: str, expected: str) -> None:
    assert redact(text, ALL_REGIONS)[0] == expected


@pytest.mark.parametrize(
    "card",
    [
        pytest.param("Order 7 4539 1488 0343 6467", id="short-number-before"),
        pytest.param("Order 123456784 4539 1488 0343 6467", id="long-number-before"),
        pytest.param("Order 123456783 4539 1488 0343 6467", id="long-number-before-2"),
    ],
)
def test_card_preceded_by_another_number_is_redacted_whole(card: str) -> None:
    out, _ = redact(card, ALL_REGIONS)
    assert out.endswith("[CARD]")
    assert "6467" not in out


@pytest.mark.parametrize(
    "text",
    ["4111 1111 1111 1112", "4111111111111112", "5555-5555-5555-4445", "3782 822463 10006", "4222222222223"],
)
def test_luhn_invalid_number_is_left_alone(text: str) -> None:
    assert not luhn_ok(digits_of(text))
    assert redact(text, ALL_REGIONS) == (text, [])


@pytest.mark.parametrize(
    "years",
    ["1991 1992 1993 1994", "1989 1990 1991 1992", "1991-1992-1993-1994", "in 1991 1992 1993 1994 and"],
)
def test_luhn_valid_list_of_years_is_left_alone(years: str) -> None:
    assert luhn_ok(digits_of(years))
    assert card_spans(years) == []
    assert redact(years, ALL_REGIONS) == (years, [])


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("+44 20 7946 0958", id="uk-intl"),
        pytest.param("+380 44 123 4567", id="ua-intl"),
        pytest.param("+1 (202) 456-1111", id="us-intl"),
        pytest.param("+7 495 123-45-67", id="ru-intl"),
        pytest.param(
            "+49 1512 3456704",
            id="de-mobile-luhn-valid",
        ),
        pytest.param(
            "0044 20 7946 0956",
            id="uk-00-prefix-luhn-valid",
        ),
    ],
)
def test_phone_like_number_is_not_called_card(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert [kind for kind, _, _ in spans] == ["PHONE"]
    assert out == "[PHONE]"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ISBN 978-3-16-148410-0", id="isbn13-luhn-invalid"),
        pytest.param("ISBN 0-306-40615-2", id="isbn10"),
        pytest.param("ISBN 9783161484100", id="isbn13-unbroken-luhn-invalid"),
        pytest.param(
            "ISBN 978-3-16-148419-3",
            id="isbn13-luhn-valid",
        ),
    ],
)
def test_isbn_is_not_called_card(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert "CARD" not in [kind for kind, _, _ in spans]
    assert "[CARD]" not in out


# --------------------------------------------------------------------------------------------------
# IBANs

VALID_IBANS = [
    pytest.param("GB82 WEST 1234 5698 7654 32", id="GB-spaces"),
    pytest.param("GB82WEST12345698765432", id="GB-compact"),
    pytest.param("DE89 3704 0044 0532 0130 00", id="DE-spaces"),
    pytest.param("DE89370400440532013000", id="DE-compact"),
    pytest.param("UA21 3996 2200 0002 6007 2335 6600 1", id="UA-spaces"),
    pytest.param("UA213996220000026007233566001", id="UA-compact"),
    pytest.param("FR14 2004 1010 0505 0001 3M02 606", id="FR-spaces"),
    pytest.param("FR1420041010050500013M02606", id="FR-compact"),
]


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_iban_alone_becomes_iban_placeholder(iban: str) -> None:
    assert redact(iban, ALL_REGIONS) == ("[IBAN]", [("IBAN", 0, 6)])


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_iban_followed_by_capitalised_word_keeps_the_word(iban: str) -> None:
    text = f"Account {iban} BANK OF TESTING"
    out, spans = redact(text, ALL_REGIONS)
    assert out == "Account [IBAN] BANK OF TESTING"
    assert spans == [("IBAN", 8, 14)]
    assert iban_spans(text) == [(8, 8 + len(iban))]


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_iban_in_sentence_leaves_no_part_of_it(iban: str) -> None:
    text = f"Send money to {iban}."
    out, _ = redact(text, ALL_REGIONS)
    assert out == "Send money to [IBAN]."
    compact = iban.replace(" ", "")
    assert compact not in out.replace(" ", "")
    assert compact[4:] not in out


@pytest.mark.parametrize(
    "text",
    [
        "GB82 WEST 1234 5698 7654 33",
        "GB83WEST12345698765432",
        "DE88 3704 0044 0532 0130 00",
        "DE89370400440532013001",
        "UA21 3996 2200 0002 6007 2335 6600 2",
        "UA22 3996 2200 0002 6007 2335 6600 1",
        "FR14 2004 1010 0505 0001 3M02 607",
        "FR14 2004 1010 0505 0001 3M03 606",
    ],
)
def test_iban_with_bad_checksum_is_left_alone(text: str) -> None:
    assert iban_spans(text) == []
    assert redact(text, ALL_REGIONS) == (text, [])


def test_iban_whose_digits_pass_luhn_is_labelled_iban() -> None:
    iban = "DE62 3704 0044 0532 0130 01"
    assert card_spans(iban), "precondition: the IBAN's digits hold a Luhn-valid run"
    assert redact(iban, ALL_REGIONS) == ("[IBAN]", [("IBAN", 0, 6)])


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("NL91 ABNA 0417 1643 00 NL91 ABNA 0417 1643 00", id="NL-NL-spaces"),
        pytest.param("NO9386011117947 NO9386011117947", id="NO-NO-compact"),
        pytest.param("BE71 0961 2345 6769 NO93 8601 1117 947", id="BE-NO-spaces"),
        pytest.param("BE71096123456769 OR NO9386011117947", id="BE-OR-NO"),
    ],
)
def test_two_ibans_separated_by_a_space_are_both_redacted(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert [kind for kind, _, _ in spans] == ["IBAN", "IBAN"]
    assert not any(ch.isdigit() for ch in out)


def test_two_ibans_separated_by_a_comma_are_both_redacted() -> None:
    text = "NL91 ABNA 0417 1643 00, GB82 WEST 1234 5698 7654 32"
    assert redact(text, ALL_REGIONS) == ("[IBAN], [IBAN]", [("IBAN", 0, 6), ("IBAN", 8, 14)])


# --------------------------------------------------------------------------------------------------
# E-mail


@pytest.mark.parametrize(
    "address",
    [
        "john@example.com",
        "press@kmu.gov.ua",
        "john.smith@example.co.uk",
        "jane.doe+news@example.org",
        "first.middle.last+tag+x@mail.example-site.com",
        "A_B-c@EXAMPLE.COM",
        "user123@sub.domain.info",
    ],
)
def test_email_address_is_replaced(address: str) -> None:
    text = f"Write to {address}. Replies within a day."
    out, spans = redact(text, ALL_REGIONS)
    assert out == "Write to [EMAIL]. Replies within a day."
    assert spans == [("EMAIL", 9, 16)]
    assert address not in out
    assert address.split("@")[0] not in out


@pytest.mark.parametrize(
    "mark",
    [
        "[email protected]",
        "[email&#160;protected]",
        "[email&nbsp;protected]",
        "[email\u00a0protected]",
        "[Email Protected]",
    ],
)
def test_cloudflare_email_placeholder_is_replaced(mark: str) -> None:
    text = f"Contact: {mark} for details"
    out, spans = redact(text, ALL_REGIONS)
    assert out == "Contact: [EMAIL] for details"
    assert spans == [("EMAIL", 9, 16)]


@pytest.mark.parametrize(
    "text",
    ["the data is protected by law", "@president said", "a @ b", "price@ 5", "user@localhost"],
)
def test_non_address_with_at_sign_or_protected_is_left_alone(text: str) -> None:
    assert redact(text, ALL_REGIONS) == (text, [])


@pytest.mark.parametrize("address", ["info@пример.рф", "press@мвс.укр"])
def test_email_with_internationalised_domain_is_replaced(address: str) -> None:
    out, _ = redact(f"Пишіть на {address} щодня", ALL_REGIONS)
    assert out == "Пишіть на [EMAIL] щодня"


def test_email_spans_point_at_the_address() -> None:
    text = "a: x.y+z@example.com, b: [email protected]"
    spans = email_spans(text)
    assert [text[s:e] for s, e in spans] == ["x.y+z@example.com", "[email protected]"]


# --------------------------------------------------------------------------------------------------
# Phones


@pytest.mark.parametrize(
    "phone",
    [
        "+380 44 123 4567",
        "+380 67 123 45 67",
        "+380671234567",
        "+7 495 123-45-67",
        "+7 (495) 123-45-67",
        "+90 212 555 1234",
        "+1 202-456-1111",
        "+1 (202) 456-1111",
        "+44 20 7946 0958",
        "+44 7911 123456",
        "+49 30 1234567",
        "+49 30 12345678",
        "+33 1 42 68 53 00",
        "+33 6 12 34 56 78",
    ],
)
@pytest.mark.parametrize("regions", [("US",), ALL_REGIONS], ids=["US", "all"])
def test_international_phone_is_replaced(phone: str, regions: tuple[str, ...]) -> None:
    text = f"Hotline: {phone}, day and night."
    out, spans = redact(text, regions)
    assert out == "Hotline: [PHONE], day and night."
    assert spans == [("PHONE", 9, 16)]
    assert digits_of(phone) not in digits_of(out)


@pytest.mark.parametrize(
    ("phone", "region"),
    [
        ("(202) 456-1111", "US"),
        ("(202) 555-0143", "US"),
        ("202-456-1111", "US"),
        ("020 7946 0958", "GB"),
        ("07911 123456", "GB"),
        ("044 123 4567", "UA"),
        ("067 123 45 67", "UA"),
        ("8 (495) 123-45-67", "RU"),
        ("0212 555 12 34", "TR"),
        ("030 1234567", "DE"),
        ("01 42 68 53 00", "FR"),
    ],
)
def test_national_phone_is_replaced_in_its_region(phone: str, region: str) -> None:
    text = f"Call {phone} today"
    assert redact(text, (region,)) == ("Call [PHONE] today", [("PHONE", 5, 12)])
    assert redact(text, ALL_REGIONS)[0] == "Call [PHONE] today"
    assert phone_spans(text, (region,)) == [(5, 5 + len(phone))]


@pytest.mark.parametrize("phone", ["020 7946 0958", "044 123 4567", "01 42 68 53 00"])
def test_national_phone_of_another_region_is_left_alone(phone: str) -> None:
    text = f"Call {phone} today"
    assert redact(text) == (text, [])  # default regions: US only


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The summit took place on 2019-11-19 in Paris.", id="iso-date"),
        pytest.param("Signed on 24.08.2018 in Kyiv.", id="dotted-date"),
        pytest.param("On 19/11/2019 at 10:30 the shelling started.", id="slash-date"),
        pytest.param("2019-11-19 10:30", id="date-time"),
        pytest.param("Born 12.03.1985 in Lviv.", id="birth-date"),
        pytest.param("In 1991 Ukraine declared independence.", id="year"),
        pytest.param("From 1991 to 2014, and again in 2022.", id="years"),
        pytest.param("1991 1992 1993 1994", id="year-list"),
        pytest.param("The fine was $1,500,000 in total.", id="money-commas"),
        pytest.param("A budget of 1,900,000,000,000 dollars.", id="money-big-commas"),
        pytest.param("It cost €2.5 million.", id="money-million"),
        pytest.param("They paid 1 500 000 hryvnias.", id="money-spaces"),
        pytest.param("Population: 44 000 000 people.", id="population"),
        pytest.param(
            "A budget of 1 900 000 000 000 hryvnias.",
            id="money-trillion-spaces",
        ),
        pytest.param("The S-300 system was moved.", id="s-300"),
        pytest.param("S-300 and S-400 batteries, Su-27 jets, MH17.", id="weapons"),
        pytest.param("Support fell to 45% and then 12.5 %.", id="percent"),
        pytest.param("Resolution 2202 (2015) of the Security Council.", id="resolution"),
        pytest.param("Hello, world! No secrets here.", id="plain"),
    ],
)
def test_non_secret_numbers_are_not_redacted(text: str) -> None:
    assert redact(text, ALL_REGIONS) == (text, [])


@pytest.mark.parametrize(
    "text",
    ["GB82WEST123456987654322024561111", "[email protected]2024561111"],
    ids=["iban-then-phone", "email-mark-then-phone"],
)
def test_phone_touching_another_secret_is_redacted(text: str) -> None:
    out, _ = redact(text, ALL_REGIONS)
    assert "2024561111" not in digits_of(out)
    assert "[PHONE]" in out


# --------------------------------------------------------------------------------------------------
# Unicode digits


@pytest.mark.parametrize(
    "card",
    ["٤٥٣٩ ١٤٨٨ ٠٣٤٣ ٦٤٦٧", "٥٥٥٥٥٥٥٥٥٥٥٥٤٤٤٤", "۴۵۳۹ ۱۴۸۸ ۰۳۴۳ ۶۴۶۷"],
    ids=["arabic-indic-grouped", "arabic-indic-unbroken", "persian"],
)
def test_card_in_non_ascii_digits_is_redacted(card: str) -> None:
    ascii_digits = card.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
    assert luhn_ok(digits_of(ascii_digits))
    assert redact(f"بطاقة {card}", ALL_REGIONS)[0] == "بطاقة [CARD]"


def test_luhn_invalid_number_in_non_ascii_digits_is_not_called_card() -> None:
    text = "۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶"  # 1234 5678 9012 3456, not Luhn-valid
    assert not luhn_ok("1234567890123456")
    assert redact(text, ALL_REGIONS) == (text, [])


# --------------------------------------------------------------------------------------------------
# Returned spans, several secrets

MIXED = (
    "Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32 (BANK), mail jane.doe+x@example.org, "
    "tel. +44 20 7946 0958; again 5555-5555-5555-4444 and [email protected]. Call (202) 456-1111 now."
)
MIXED_SECRETS = [
    "4111 1111 1111 1111",
    "GB82 WEST 1234 5698 7654 32",
    "jane.doe+x@example.org",
    "+44 20 7946 0958",
    "5555-5555-5555-4444",
    "[email protected]",
    "(202) 456-1111",
]


def test_several_secrets_are_replaced_in_order() -> None:
    out, spans = redact(MIXED, ALL_REGIONS)
    assert out == (
        "Card [CARD], IBAN [IBAN] (BANK), mail [EMAIL], tel. [PHONE]; again [CARD] and [EMAIL]. "
        "Call [PHONE] now."
    )
    assert [kind for kind, _, _ in spans] == ["CARD", "IBAN", "EMAIL", "PHONE", "CARD", "EMAIL", "PHONE"]


def test_spans_point_exactly_at_placeholders() -> None:
    out, spans = redact(MIXED, ALL_REGIONS)
    assert len(spans) == 7
    assert_spans_point_at_placeholders(out, spans)


@pytest.mark.parametrize("secret", MIXED_SECRETS)
def test_original_secret_never_appears_in_output(secret: str) -> None:
    out, _ = redact(MIXED, ALL_REGIONS)
    assert secret not in out
    if digits_of(secret):
        assert digits_of(secret) not in digits_of(out)


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111111",
        "x 4111111111111111 y 4111111111111111 z",
        "[email protected][email protected]",
        "a@example.com b@example.com",
        "Привіт 4111 1111 1111 1111 — тел. +380 44 123 4567, 📞 +1 202-456-1111",
        "GB82WEST12345698765432 DE89370400440532013000",
    ],
)
def test_spans_are_consistent_with_output(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert spans
    assert_spans_point_at_placeholders(out, spans)


def test_spans_are_offsets_in_the_new_text_not_the_old() -> None:
    text = "4111 1111 1111 1111 and 5555 5555 5555 4444"
    out, spans = redact(text)
    assert out == "[CARD] and [CARD]"
    assert spans == [("CARD", 0, 6), ("CARD", 11, 17)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello, world!",
        "No digits here, nor at-signs: only words.\nAnd a second line.",
        "Київ, Україна — новини дня",
        "Москва. Ankara'da toplantı. Straße. Élysée.",
        "🙂 emoji and\ttabs\x00 and control\x1f chars",
    ],
)
def test_text_without_digits_or_at_is_returned_unchanged(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert out == text
    assert spans == []


def test_default_regions_is_us() -> None:
    assert redact("Call (202) 456-1111") == ("Call [PHONE]", [("PHONE", 5, 12)])
    assert redact("Call 020 7946 0958")[1] == []


def test_overlapping_finds_become_one_placeholder() -> None:
    # found by hypothesis: two phone readings sharing digits gave overlapping spans
    out, spans = redact("01000000 02/01000", ("UA", "RU", "TR", "US", "GB", "DE", "FR"))
    assert out == "[PHONE]"
    assert spans == [("PHONE", 0, 7)]
