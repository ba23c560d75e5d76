"""Split article text into paragraphs."""

from __future__ import annotations

import re

_BLANK = re.compile(r"\n[ \t\u00a0\u3000]*\n")
_LIST_ITEM = re.compile(r"^\s*([•·▪●◦‣∙*–—-]|\d{1,2}[.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'”»)\]…]\s*$")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _lines_of_block(block: str) -> list[str]:
    """Lines of one blank-line-separated block: each line a paragraph, except that a line that
    was wrapped (it does not end a sentence and the next one starts in lower case) joins the next."""
    out: list[str] = []
    for line in block.split("\n"):
        if not line.strip():
            continue
        if (
            out
            and not _ENDS_SENTENCE.search(out[-1])
            and not _LIST_ITEM.match(line)
            and line.strip()[:1].islower()
        ):
            out[-1] = out[-1] + " " + line.strip()
        else:
            out.append(line)
    return [_collapse(line) for line in out if _collapse(line)]


def split_paragraphs(text: str, layout: str = "blocks") -> list[str]:
    """Paragraphs of ``text``, whitespace inside each collapsed.

    ``layout="lines"`` (text extracted from HTML): every line is a paragraph. ``"blocks"`` (plain
    text): blank lines separate blocks, and inside a block each line is a paragraph unless it was
    wrapped mid-sentence.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if layout == "lines":
        return [p for p in (_collapse(line) for line in text.split("\n")) if p]
    paragraphs: list[str] = []
    for block in _BLANK.split(text):
        paragraphs.extend(_lines_of_block(block))
    return paragraphs
