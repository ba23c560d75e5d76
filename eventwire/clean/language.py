"""Per-paragraph language (lingua), restricted to the configured languages so it loads fast."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from eventwire.errors import ConfigError

_LETTER = re.compile(r"[^\W\d_]")
_HANDLES = re.compile(r"@\w+|https?://\S+|www\.\S+")
# Below this many letters a paragraph's language is not guessed unless its script settles it.
MIN_LETTERS = 12
# A paragraph in the article's script is moved to another language only when the detector is
# at least this sure; short English lines are often misread as Dutch or Indonesian otherwise.
SWITCH_CONFIDENCE = 0.7


def script_of(text: str) -> str | None:
    """The dominant script of the letters in ``text``: latin, cyrillic, arabic, hebrew, cjk, greek."""
    counts = scripts(text)
    return counts.most_common(1)[0][0] if counts else None


# Anything outside Latin letters, ASCII and general punctuation: only then are letters looked at
# one by one.
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]")
# Letters in those ranges: word characters less digits, "_" and the numbers ² ³ ¹ ¼ ½ ¾.
_LATIN_LETTER = re.compile(r"[^\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be]")


def scripts(text: str) -> Counter[str]:
    """Letters of ``text`` counted by script."""
    counts: Counter[str] = Counter()
    if not _NOT_LATIN.search(text):
        n = len(_LATIN_LETTER.findall(text))
        if n:
            counts["latin"] = n
        return counts
    return _by_letter(text)


def _by_letter(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ch in text:
        o = ord(ch)
        if not ch.isalpha():
            continue
        if o < 0x250 or 0x1E00 <= o < 0x1F00:
            counts["latin"] += 1
        elif 0x400 <= o < 0x530:
            counts["cyrillic"] += 1
        elif 0x370 <= o < 0x400:
            counts["greek"] += 1
        elif 0x590 <= o < 0x600:
            counts["hebrew"] += 1
        elif 0x600 <= o < 0x700 or 0x750 <= o < 0x780 or 0xFB50 <= o < 0xFF00:
            counts["arabic"] += 1
        elif 0x3040 <= o < 0xA000 or 0xAC00 <= o < 0xD7B0:
            counts["cjk"] += 1
        else:
            counts["other"] += 1
    return counts


# Below this many characters a paragraph is read by the accurate detector from the start.
SHORT_TEXT = 120
# Characters of a paragraph the detector looks at; more costs time and changes no answer.
SAMPLE_CHARS = 400


@functools.lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...], fast: bool = False) -> Any:
    """A lingua detector for ``languages``; ``fast`` is lingua's low-accuracy mode (trigrams only,
    about twice as fast, reliable on sentences but not on a few words)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        try:
            chosen.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            raise ConfigError(
                f"setting languages: '{code}' is not an ISO 639-1 code lingua knows. "
                "Use codes like en, uk, ru."
            ) from None
    if len(chosen) < 2:
        raise ConfigError("setting languages: name at least two languages, e.g. en,uk")
    builder = LanguageDetectorBuilder.from_languages(*chosen)
    return (builder.with_low_accuracy_mode() if fast else builder).build()


def _code(language: Any) -> str:
    return str(language.iso_code_639_1.name.lower())


def detect(text: str, languages: Sequence[str]) -> tuple[str | None, float]:
    """The language of ``text`` (ISO 639-1) and the detector's confidence; (None, 0) when unsure."""
    if len(_LETTER.findall(text[:SAMPLE_CHARS])) < 3:
        return None, 0.0
    values = _detector(tuple(languages)).compute_language_confidence_values(text[:SAMPLE_CHARS])
    if not values:
        return None, 0.0
    return _code(values[0].language), float(values[0].value)


def _detect_fast(text: str, languages: Sequence[str]) -> str | None:
    if len(_LETTER.findall(text[:SAMPLE_CHARS])) < 3:
        return None
    found = _detector(tuple(languages), True).detect_language_of(text[:SAMPLE_CHARS])
    return _code(found) if found is not None else None


_WORDS = re.compile(r"[^\W\d_]+")
# Words that make up 15% or more of running English text ("in", "was", "is" are Dutch too).
_ENGLISH = frozenset(
    "the of and to in a is that for on with as by was were said says at from it its his her their "
    "has have had will would be been are not but which who this they he she an or after".split()
)
# English function words that no other language written in Latin letters uses as a word.
_ONLY_ENGLISH = frozenset(
    "the and to said says with that which this their from would have has were its his they she "
    "been are not but who after".split()
)
MIN_ENGLISH_WORDS = 8


def plain_english(text: str) -> bool:
    """Running English text, told without the detector: at least 8 words in Latin letters (one in
    eight may have accents: "Türkiye"), and either two different words only English uses ("the",
    "to", "said", ...) with 15% or more of them English function words, or one with 25%. The
    detector is slow and never disagrees on such text; anything less clear goes to it."""
    words = _WORDS.findall(text[:SAMPLE_CHARS])
    if len(words) < MIN_ENGLISH_WORDS:
        return False
    foreign = [w for w in words if not w.isascii()]
    if len(foreign) * 8 > len(words) or any(ord(c) >= 0x250 for w in foreign for c in w):
        return False
    lowered = [w.lower() for w in words]
    only = len(_ONLY_ENGLISH.intersection(lowered))
    share = sum(w in _ENGLISH for w in lowered) / len(lowered)
    return (only >= 2 and share >= 0.15) or (only >= 1 and share >= 0.25)


def label_languages(
    texts: Sequence[str], languages: Sequence[str], voters: Sequence[bool] | None = None
) -> tuple[list[str | None], str | None]:
    """Languages of ``texts`` and the main language: the one with the most letters among the
    paragraphs marked in ``voters`` (all, when not given; boilerplate should not vote).

    A first pass uses the fast detector. A paragraph it puts in another language than the main one
    is looked at again with the accurate detector: in another script it takes that detector's
    answer; in the article's own script it keeps another language only when it is long enough and
    the detector is sure, so short lines and headings ("Interest of Russia") inherit the main
    language.
    """
    # The fast detector misreads short texts ("... intelligence chiefs met in Damascus" as French);
    # those get the accurate one, which costs little on a few words. Lines too short to leave the
    # article's language (see below) are not looked at unless nothing else can say what it is.
    english = "en" in languages
    letters = [len(_LETTER.findall(t)) for t in texts]
    deferred = [n < MIN_LETTERS * 3 for n in letters]
    fast: list[str | None] = [
        "en"
        if english and plain_english(t)
        else None
        if later
        else _detect_fast(t, languages)
        if len(t) >= SHORT_TEXT
        else detect(t, languages)[0]
        for t, later in zip(texts, deferred, strict=True)
    ]
    voting = list(voters) if voters is not None else [True] * len(texts)
    if not any(lang and vote for lang, vote in zip(fast, voting, strict=True)):
        fast = [
            detect(t, languages)[0] if later else lang
            for t, lang, later in zip(texts, fast, deferred, strict=True)
        ]
        deferred = [False] * len(texts)
    votes: Counter[str] = Counter()
    for lang, n, vote in zip(fast, letters, voting, strict=True):
        if lang and vote:
            votes[lang] += n
    main = votes.most_common(1)[0][0] if votes else None
    main_script = script_of(" ".join(t for t, lang in zip(texts, fast, strict=True) if lang == main)[:2000])
    out: list[str | None] = []
    for text, lang, n, later in zip(texts, fast, letters, deferred, strict=True):
        if main is None or lang == main:
            out.append(lang)
            continue
        # handles and links do not count: "Аккаунт: @name" is a Russian line
        same_script = script_of(_HANDLES.sub(" ", text)) == main_script
        if same_script and (lang is None or n < MIN_LETTERS * 3):
            out.append(main)
            continue
        sure, confidence = detect(text, languages)
        if later:
            out.append(sure)
        elif same_script and (sure != main and confidence < SWITCH_CONFIDENCE):
            out.append(main)
        else:
            out.append(sure or lang)
    return out, main
