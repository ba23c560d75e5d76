"""Tell what a file holds from its first bytes, not from its name."""

from __future__ import annotations

import json
import re

from eventwire.ingest.encoding import looks_utf16

_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "a binary file"),
)
_FEED = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)


def sniff_bytes(head: bytes) -> str:
    """``"gzip"``, ``"warc"``, ``"text"``, or a description of a binary kind (``"a PNG image"``)."""
    if head.startswith(b"WARC/"):
        return "warc"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    # UTF-16 text has NUL bytes by design; look for other control bytes in the rest
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    sample = head[:8192]
    if looks_utf16(sample):
        return "text"
    if sample.count(0) > len(sample) // 10 and sample.count(0) > 2:
        # Many NULs without a BOM: UTF-16 text has them on one side only; leave that to decoding.
        even, odd = sample[0::2], sample[1::2]
        if not (even.count(0) < 0.05 * len(even) or odd.count(0) < 0.05 * len(odd)):
            return "a binary file"
        return "text"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls > 0.05 * len(sample):
        return "a binary file"
    return "text"


def sniff_text(text: str) -> str:
    """``"feed"``, ``"html"``, ``"jsonl"``, ``"json"`` or ``"text"`` for decoded text."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if head.startswith("{"):
        first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"  # one object over several lines
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        if _FEED.search(head) and not re.search(r"<html[\s>]", head, re.I):
            return "feed"
        if _HTML.search(head):
            return "html"
    if head.startswith("<?xml") and _FEED.search(head):
        return "feed"
    return "text"
