"""Format sniffing: what a file holds is told from its bytes, then from its decoded text."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest

from eventwire.ingest.sniff import sniff_bytes, sniff_text


def _zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("article.txt", "Talks resume\n\nThe ministers met on Monday.")
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
WARC = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 0\r\n\r\n"
TEXT_EN = "Talks resume in Geneva\n\nThe delegations met on Monday to discuss a ceasefire."
TEXT_UK = "Переговори відновилися в Женеві\n\nДелегації зустрілися в понеділок."


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        pytest.param(PNG, "a PNG image", id="png"),
        pytest.param(JPEG, "a JPEG image", id="jpeg"),
        pytest.param(_zip_bytes(), "a ZIP archive", id="zip"),
        pytest.param(PDF, "a PDF document", id="pdf"),
        pytest.param(gzip.compress(TEXT_EN.encode()), "gzip", id="gzip"),
        pytest.param(WARC, "warc", id="warc"),
        pytest.param(TEXT_UK.encode("utf-16"), "text", id="utf16-bom"),
        pytest.param(b"\xfe\xff" + TEXT_UK.encode("utf-16-be"), "text", id="utf16be-bom"),
        pytest.param(TEXT_EN.encode("utf-8"), "text", id="plain-utf8"),
        pytest.param(TEXT_UK.encode("cp1251"), "text", id="plain-cp1251"),
        pytest.param(TEXT_UK.encode("utf-8-sig"), "text", id="utf8-bom"),
        pytest.param(b"<!DOCTYPE html><html><head><title>x</title>", "text", id="html"),
        pytest.param(bytes(range(1, 9)) * 8, "a binary file", id="control-bytes"),
    ],
)
def test_sniff_bytes_tells_kind_from_first_bytes(head: bytes, kind: str) -> None:
    assert sniff_bytes(head[:64]) == kind


def test_sniff_bytes_ignores_the_extension_like_content_of_text() -> None:
    # Text that merely mentions a format is still text.
    assert sniff_bytes(b"The PNG and ZIP files were leaked, the minister said.") == "text"


RSS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>'
    "<item><title>A</title><description>&lt;p&gt;Text&lt;/p&gt;</description></item></channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    "<title>Monitor</title><entry><title>A</title></entry></feed>"
)
RDF = '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
HTML = '<!DOCTYPE html>\n<html lang="en"><head><title>Talks</title></head><body><p>Text</p></body></html>'
XHTML = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head></html>'
JSONL = json.dumps({"id": "1", "text": "One"}) + "\n" + json.dumps({"id": "2", "text": "Two"}) + "\n"
JSON_ARRAY = json.dumps([{"id": "1", "text": "One"}, {"id": "2", "text": "Two"}], indent=2)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        pytest.param(TEXT_EN, "text", id="plain"),
        pytest.param(TEXT_UK, "text", id="plain-uk"),
        pytest.param(HTML, "html", id="html"),
        pytest.param("<div class='story'><p>Talks resumed.</p></div>", "html", id="html-fragment"),
        pytest.param(XHTML, "html", id="xhtml"),
        pytest.param(RSS, "feed", id="rss"),
        pytest.param(ATOM, "feed", id="atom"),
        pytest.param(RDF, "feed", id="rss1-rdf"),
        pytest.param(JSONL, "jsonl", id="jsonl"),
        pytest.param("\ufeff\n  " + JSONL, "jsonl", id="jsonl-bom-blank-lines"),
        pytest.param(JSON_ARRAY, "json", id="json-array"),
        pytest.param("<3 this story, said the minister.", "text", id="text-starting-with-lt"),
    ],
)
def test_sniff_text_tells_format_from_decoded_text(text: str, fmt: str) -> None:
    assert sniff_text(text) == fmt
