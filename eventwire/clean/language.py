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


def scripts(text: str) -> Counter[str]:
    """Letters of ``text`` counted by script."""
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


@functools.lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> Any:
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
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def detect(text: str, languages: Sequence[str]) -> tuple[str | None, float]:
    """The language of ``text`` (ISO 639-1) and the detector's confidence; (None, 0) when unsure."""
    if len(_LETTER.findall(text[:2000])) < 3:
        return None, 0.0
    detector = _detector(tuple(languages))
    values = detector.compute_language_confidence_values(text[:2000])
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def label_languages(
    texts: Sequence[str], languages: Sequence[str], voters: Sequence[bool] | None = None
) -> tuple[list[str | None], str | None]:
    """Languages of ``texts`` and the main language: the one with the most letters among the
    paragraphs marked in ``voters`` (all, when not given; boilerplate should not vote).

    A paragraph keeps a language other than the main one only when its script differs, or when it
    is long enough and the detector is sure; short lines in the article's own script inherit the
    main language. This keeps headings like "Interest of Russia" in an English body.
    """
    raw = [detect(t, languages) for t in texts]
    letters = [len(_LETTER.findall(t)) for t in texts]
    voting = list(voters) if voters is not None else [True] * len(texts)
    votes: Counter[str] = Counter()
    for (lang, _), n, vote in zip(raw, letters, voting, strict=True):
        if lang and vote:
            votes[lang] += n
    main = votes.most_common(1)[0][0] if votes else None
    main_script = script_of(" ".join(t for t, (lang, _) in zip(texts, raw, strict=True) if lang == main))
    out: list[str | None] = []
    for text, (lang, conf), n in zip(texts, raw, letters, strict=True):
        if main is None or lang == main:
            out.append(lang)
            continue
        # handles and links do not count: "Аккаунт: @name" is a Russian line
        same_script = script_of(_HANDLES.sub(" ", text)) == main_script
        if same_script and (lang is None or n < MIN_LETTERS * 3 or conf < SWITCH_CONFIDENCE):
            out.append(main)
        else:
            out.append(lang)
    return out, main
