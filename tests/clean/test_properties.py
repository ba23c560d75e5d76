"""Property tests (hypothesis) of cleaning and secret redaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.clean import clean
from eventwire.clean.redact import PLACEHOLDER, redact
from eventwire.config import Settings
from eventwire.records import Article, CleanArticle, Origin

# derandomize: the same examples on every run, so CI is stable; no example database is written.
PROPERTY = settings(
    deadline=None,
    max_examples=200,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ORIGIN = Origin("test", "text")
ALL_REGIONS = Settings().phone_regions


# --------------------------------------------------------------------------------------------------
# Luhn and card-number helpers, written independently of the code under test


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_check_digit(body: str) -> str:
    return next(d for d in "0123456789" if luhn_valid(body + d))


def has_card_prefix(digits: str) -> bool:
    return (
        digits.startswith(("4", "34", "37", "6011"))
        or 51 <= int(digits[:2]) <= 55
        or 2221 <= int(digits[:4]) <= 2720
    )


_RUN = re.compile(r"[0-9]+(?:[ \-][0-9]+)*")


def card_like_numbers(text: str) -> list[str]:
    """Every contiguous sub-run of whole digit groups, inside a maximal run of ASCII digit groups
    separated by single spaces or dashes, that totals 13-19 digits, passes Luhn and starts with a
    card prefix."""
    found = []
    for run in _RUN.finditer(text):
        groups = run.group().replace("-", " ").split(" ")
        for i in range(len(groups)):
            digits = ""
            for group in groups[i:]:
                digits += group
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn_valid(digits) and has_card_prefix(digits):
                    found.append(digits)
    return found


def test_card_like_numbers_finds_a_card_inside_a_run() -> None:
    # The scan of the properties below must itself be able to fail.
    assert card_like_numbers("x 12 4111 1111 1111 1111 2024 y") == ["4111111111111111"]
    assert card_like_numbers("4111-1111-1111-1111") == ["4111111111111111"]
    assert card_like_numbers("4111 1111 1111 1112 and 1991 1992 1993 1994") == []


GROUPING = {13: (4, 4, 5), 15: (4, 6, 5), 16: (4, 4, 4, 4), 19: (4, 4, 4, 4, 3)}


@st.composite
def cards(draw: st.DrawFn) -> tuple[str, str]:
    """A Luhn-valid card number with a real issuer prefix: (digits, as written in the text)."""
    prefix, length = draw(
        st.one_of(
            st.tuples(st.just("4"), st.sampled_from([13, 16, 19])),  # Visa
            st.tuples(st.integers(51, 55).map(str), st.just(16)),  # Mastercard
            st.tuples(st.integers(2221, 2720).map(str), st.just(16)),  # Mastercard 2-series
            st.tuples(st.sampled_from(["34", "37"]), st.just(15)),  # Amex
            st.tuples(st.just("6011"), st.just(16)),  # Discover
        )
    )
    size = length - 1 - len(prefix)
    body = prefix + draw(st.text("0123456789", min_size=size, max_size=size))
    digits = body + luhn_check_digit(body)
    sep = draw(st.sampled_from(["", " ", "-"]))
    if not sep:
        return digits, digits
    parts, pos = [], 0
    for n in GROUPING[length]:
        parts.append(digits[pos : pos + n])
        pos += n
    return digits, sep.join(parts)


# Text around a card: letters, punctuation and whitespace, never digits.
surroundings = st.text(
    alphabet=st.one_of(
        st.characters(categories=("L", "P", "Zs")),
        st.sampled_from(" \n\t\r"),
    ),
    max_size=40,
)

# Arbitrary text: any code point except surrogates, newlines and control characters included.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)

IBANS = [
    "GB82 WEST 1234 5698 7654 32",
    "GB82WEST12345698765432",
    "DE89 3704 0044 0532 0130 00",
    "DE89370400440532013000",
    "UA21 3996 2200 0002 6007 2335 6600 1",
    "UA213996220000026007233566001",
    "FR14 2004 1010 0505 0001 3M02 606",
    "FR1420041010050500013M02606",
]
PHONES = [
    "+380 44 123 4567",
    "+7 495 123-45-67",
    "+90 212 555 1234",
    "+1 202-456-1111",
    "(202) 456-1111",
    "+44 20 7946 0958",
    "020 7946 0958",
    "+49 30 1234567",
    "+33 1 42 68 53 00",
]
emails = st.one_of(
    st.emails(),
    st.sampled_from(["[email protected]", "[email&#160;protected]", "jane.doe+news@example.org"]),
)
words = st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=12)
numbers = st.one_of(
    st.integers(0, 10**9).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.sampled_from(["$1,500,000", "S-300", "45%", "1991", "1991 1992 1993 1994"]),
)


def secrets_text(joiners: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text made of secrets, numbers and words, joined by the given separators."""
    fragment = st.one_of(
        cards().map(lambda c: c[1]),
        st.sampled_from(IBANS),
        emails,
        st.sampled_from(PHONES),
        numbers,
        words,
        st.text(max_size=20),
    )
    return st.lists(st.tuples(fragment, joiners), min_size=1, max_size=8).map(
        lambda parts: "".join(f + j for f, j in parts)
    )


# Secrets kept apart by a word, punctuation or a line break.
apart = st.sampled_from([" and ", ", ", ". ", "\n", "\n\n", " (tel.) ", "; see "])
mixed_text = st.one_of(any_text, secrets_text(apart))
# Secrets that touch: nothing or a single space between them.
touching_text = secrets_text(st.sampled_from(["", " "]))
titles = st.one_of(st.none(), any_text, secrets_text(apart), touching_text)


def article(text: str, title: str | None = None, **kw: object) -> Article:
    return Article(id="test-article", text=text, origin=ORIGIN, title=title, **kw)  # type: ignore[arg-type]


def dumped(c: CleanArticle) -> str:
    return json.dumps(c.to_dict(), ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# clean() never raises


@PROPERTY
@given(text=any_text, title=st.one_of(st.none(), any_text), layout=st.sampled_from(["blocks", "lines"]))
def test_clean_never_raises_on_arbitrary_text(text: str, title: str | None, layout: str) -> None:
    c = clean(article(text, title, layout=layout))
    assert isinstance(c, CleanArticle)
    assert c.id == "test-article"
    assert all(p.text.strip() for p in c.paragraphs)


@PROPERTY
@given(text=st.one_of(mixed_text, touching_text), title=titles)
def test_clean_never_raises_on_text_full_of_numbers_and_secrets(text: str, title: str | None) -> None:
    c = clean(article(text, title))
    for r in c.redactions:
        where = c.title if r.paragraph == -1 else c.paragraphs[r.paragraph].text
        assert where is not None
        assert where[r.start : r.end] == PLACEHOLDER[r.kind]


# --------------------------------------------------------------------------------------------------
# clean() never emits a card number


@PROPERTY
@given(card=cards(), before=surroundings, after=surroundings, in_title=st.booleans())
def test_clean_never_emits_a_luhn_valid_card(
    card: tuple[str, str], before: str, after: str, in_title: bool
) -> None:
    digits, written = card
    text = before + written + after
    out = dumped(clean(article(text, text if in_title else None)))
    assert written not in out
    assert digits not in out
    assert card_like_numbers(out) == []


@PROPERTY
@given(card=cards(), before=st.sampled_from(IBANS))
def test_clean_never_emits_a_card_written_right_after_an_iban(card: tuple[str, str], before: str) -> None:
    digits, written = card
    out = dumped(clean(article(f"Pay to {before} {written} today.")))
    assert written not in out
    assert digits not in out


@PROPERTY
@given(card=cards(), number=st.integers(0, 10**9))
def test_card_after_another_number_is_redacted_whole(card: tuple[str, str], number: int) -> None:
    _, written = card
    out, _ = redact(f"Order {number} {written}", ALL_REGIONS)
    assert out.endswith("[CARD]")


# --------------------------------------------------------------------------------------------------
# redact()


@PROPERTY
@given(text=mixed_text)
def test_redact_is_idempotent(text: str) -> None:
    once, _ = redact(text, ALL_REGIONS)
    assert redact(once, ALL_REGIONS)[0] == once


@PROPERTY
@given(text=touching_text)
def test_redact_is_idempotent_when_secrets_touch(text: str) -> None:
    once, _ = redact(text, ALL_REGIONS)
    assert redact(once, ALL_REGIONS)[0] == once


@PROPERTY
@given(text=st.one_of(mixed_text, touching_text))
def test_redact_spans_point_at_their_placeholders(text: str) -> None:
    out, spans = redact(text, ALL_REGIONS)
    assert [out[s:e] for _, s, e in spans] == [PLACEHOLDER[k] for k, _, _ in spans]
    assert [s for _, s, _ in spans] == sorted(s for _, s, _ in spans)
    assert all(e1 <= s2 for (_, _, e1), (_, s2, _) in itertools.pairwise(spans))


@PROPERTY
@given(
    text=st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Nd"), exclude_characters="@"), max_size=300
    ).filter(lambda t: "protected" not in t.lower())
)
def test_redact_leaves_text_without_digits_or_at_unchanged(text: str) -> None:
    assert redact(text, ALL_REGIONS) == (text, [])


@PROPERTY
@given(secret=st.one_of(cards().map(lambda c: c[1]), st.sampled_from(IBANS + PHONES)), pre=words, post=words)
def test_redact_removes_a_secret_between_words(secret: str, pre: str, post: str) -> None:
    out, spans = redact(f"{pre} {secret} {post}", ALL_REGIONS)
    assert out == f"{pre} {PLACEHOLDER[spans[0][0]]} {post}"
    assert len(spans) == 1


# --------------------------------------------------------------------------------------------------
# CleanArticle round-trips through to_dict / from_dict


@PROPERTY
@given(
    text=st.one_of(mixed_text, touching_text),
    title=titles,
    url=st.one_of(st.none(), st.just("https://example.org/a?id=1")),
    outlet=st.one_of(st.none(), words),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1))),
    language=st.one_of(st.none(), st.sampled_from(["en", "uk", "ru"])),
    tags=st.lists(words, max_size=3).map(tuple),
    layout=st.sampled_from(["blocks", "lines"]),
)
def test_clean_article_round_trips_through_dict(
    text: str,
    title: str | None,
    url: str | None,
    outlet: str | None,
    published: dt.date | None,
    language: str | None,
    tags: tuple[str, ...],
    layout: str,
) -> None:
    a = article(text, title, url=url, outlet=outlet, published=published, language=language, tags=tags)
    c = clean(dataclasses.replace(a, layout=layout))
    d = c.to_dict()
    assert CleanArticle.from_dict(d) == c
    assert CleanArticle.from_dict(json.loads(json.dumps(d))) == c


_LATIN_AND_PUNCTUATION = (
    st.characters(codec="utf-8", categories=None, max_codepoint=0x024F)
    | st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF)
    | st.characters(min_codepoint=0x2000, max_codepoint=0x206F)
    | st.characters(min_codepoint=0x20A0, max_codepoint=0x20CF)
)


@given(st.text(alphabet=_LATIN_AND_PUNCTUATION, max_size=80))
def test_scripts_fast_path_counts_letters_like_the_slow_one(text: str) -> None:
    from eventwire.clean.language import _by_letter, scripts

    assert scripts(text) == _by_letter(text)
