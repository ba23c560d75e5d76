"""spaCy's attribute ruler, with the same output in a fraction of the time.

The English pipelines' ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology and fixes a few words (pronouns, auxiliaries, "n't"), through about 180 Matcher
patterns run over every token: a seventh of the whole parse's time. Its patterns test one or two
tokens' lower-case form, tag, dependency label or whitespace, so what they say of a token depends
on a handful of values that repeat from token to token. ``AttributeRules`` reads the component's
own patterns, evaluates them once per distinct combination of those values (cached), and sets
the attributes with spaCy's own ``set_token_attrs``, in the component's order (a later pattern
overrides an earlier one). ``install`` swaps it in only when every pattern is of a form it
evaluates exactly (attribute equality, ``IN``, ``NOT_IN``, ``REGEX``; no operators; attributes
set among POS, TAG, DEP, LEMMA, MORPH); any other pipeline keeps spaCy's component. Tests compare
both on the golden corpus, token by token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

NAME = "eventwire_attribute_rules"
# Token attributes a pattern may test, with the ids to read them by.
_READ = {
    "LOWER": LOWER,
    "TAG": TAG,
    "DEP": DEP,
    "IS_SPACE": IS_SPACE,
    "ORTH": ORTH,
    "TEXT": ORTH,
    "NORM": NORM,
}
# Attributes a rule may set: token-only fields, so setting them has no effect on the vocabulary.
_SET = {POS, TAG, DEP, LEMMA, MORPH}
# Distinct value combinations kept before the cache starts again (a few thousand in practice).
_CACHE_SIZE = 200_000

Test = Callable[[Any], bool]


class Unsupported(ValueError):
    """A pattern this module cannot evaluate exactly; keep spaCy's component."""


def _test(value: Any) -> Test:
    if isinstance(value, bool):
        return lambda v: v == value
    if isinstance(value, str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (kind, arg), *_ = value.items()
        if kind == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if kind == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            refused = frozenset(arg)
            return lambda v: v not in refused
        if kind == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda v: isinstance(v, str) and search(v) is not None
    raise Unsupported(f"pattern value {value!r}")


class _Element:
    """One token of a pattern: every named attribute passes its test."""

    __slots__ = ("tests",)

    def __init__(self, spec: dict[str, Any], columns: dict[str, int]) -> None:
        if not isinstance(spec, dict) or not spec:
            raise Unsupported(f"pattern token {spec!r}")
        tests = []
        for attr, value in spec.items():
            if attr not in _READ:
                raise Unsupported(f"pattern attribute {attr}")
            tests.append((columns.setdefault(attr, len(columns)), _test(value)))
        self.tests = tuple(tests)

    def matches(self, values: Sequence[Any]) -> bool:
        return all(test(values[column]) for column, test in self.tests)


class AttributeRules:
    """The rules of a spaCy ``AttributeRuler``, applied with the same result.

    Raises:
        Unsupported: the ruler has a pattern or an attribute this class does not evaluate.
    """

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self._columns: dict[str, int] = {}
        self._single: list[tuple[int, _Element]] = []  # (rule, element) of one-token patterns
        self._multi: list[tuple[int, tuple[_Element, ...], int]] = []  # (rule, elements, target)
        self._attrs: list[dict[int, Any]] = []
        for rule, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            if not set(attrs) <= _SET:
                raise Unsupported(f"rule {rule} sets {sorted(attrs)}")
            self._attrs.append(dict(attrs))
            found = ruler.matcher.get(str(rule))
            if found is None:
                raise Unsupported(f"rule {rule} has no patterns")
            for pattern in found[1]:
                if not isinstance(pattern, list) or not pattern:
                    raise Unsupported(f"pattern {pattern!r}")
                elements = tuple(_Element(spec, self._columns) for spec in pattern)
                target = index if index >= 0 else len(elements) + index
                if not 0 <= target < len(elements):
                    raise Unsupported(f"rule {rule}: index {index} outside its pattern")
                if len(elements) == 1:
                    self._single.append((rule, elements[0]))
                else:
                    self._multi.append((rule, elements, target))
        self._ids = [_READ[name] for name in sorted(self._columns, key=self._columns.__getitem__)]
        self._text_columns = [n for n, a in enumerate(self._ids) if a != IS_SPACE]
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(self._ids).tolist()]
        if len(self._cache) > _CACHE_SIZE:
            self._cache.clear()
            self._merged.clear()
        looked = [self._look(row) for row in rows]
        extra: dict[int, list[int]] = {}
        if self._multi:
            for start, (_, firsts) in enumerate(looked):
                for m in firsts:
                    rule, elements, target = self._multi[m]
                    end = start + len(elements)
                    if end <= len(rows) and all(
                        elements[k].matches(self._values(rows[start + k])) for k in range(1, len(elements))
                    ):
                        extra.setdefault(start + target, []).append(rule)
        for i, (rules, _) in enumerate(looked):
            if i in extra:
                attrs = self._merge(tuple(sorted({*rules, *extra[i]})))
            elif rules:
                attrs = self._merged.get(rules) or self._merge(rules)
            else:
                continue
            set_token_attrs(doc[i], attrs)
        return doc

    def _values(self, row: tuple[int, ...]) -> list[Any]:
        strings = self.vocab.strings
        values: list[Any] = [bool(v) for v in row]
        for n in self._text_columns:
            values[n] = strings[row[n]] if row[n] else ""
        return values

    def _look(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self._cache.get(row)
        if found is None:
            values = self._values(row)
            rules = tuple(sorted({rule for rule, element in self._single if element.matches(values)}))
            firsts = tuple(m for m, (_, elements, _) in enumerate(self._multi) if elements[0].matches(values))
            found = self._cache[row] = (rules, firsts)
        return found

    def _merge(self, rules: tuple[int, ...]) -> dict[int, Any]:
        merged: dict[int, Any] = {}
        for rule in rules:  # in the ruler's order: a later rule overrides
            merged.update(self._attrs[rule])
        self._merged[rules] = merged
        return merged


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> _Slot:
    return _Slot()


class _Slot:
    """The pipeline component: holds the compiled rules ``install`` puts in it."""

    rules: AttributeRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise RuntimeError(f"{NAME} was added without rules; use eventwire.nlp.attributes.install")
        return self.rules(doc)


def install(nlp: Language) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by ``AttributeRules`` when its patterns allow.

    Returns:
        Whether it was replaced (False: no such component, or a pattern of another form).
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        rules = AttributeRules(ruler)
    except Unsupported:
        return False
    slot = nlp.replace_pipe("attribute_ruler", NAME)
    assert isinstance(slot, _Slot)
    slot.rules = rules
    return True
