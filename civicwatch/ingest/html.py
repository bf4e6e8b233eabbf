"""HTML pages: the visible text of the body, laid out in lines the way a reader sees them.

Uses the standard library's ``html.parser`` (tolerant, no C dependency, deterministic).
Block elements start new lines, paragraphs and headings are separated by a blank line,
list items are prefixed "• ", table cells in a row are separated by a tab. Scripts,
styles, ``<head>`` and other invisible parts are skipped.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from civicwatch.errors import UnreadableFileError, UnsupportedFormatError
from civicwatch.ingest.base import Extracted, sniff_bom
from civicwatch.ingest.metadata import parse_date

READER = "html/1"

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe"})
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
)
# Elements after which text continues on a new line, and after a blank line.
_LINE = frozenset(
    {"div", "li", "tr", "dt", "dd", "ul", "ol", "dl", "caption", "figcaption", "summary",
     "option", "label", "legend", "center"}
)  # fmt: skip
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "main",
     "aside", "nav", "blockquote", "pre", "table", "figure", "form", "fieldset", "address",
     "details", "hr", "body"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "base", "col", "source"})
_DATE_META = (
    "article:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "datepublished",
    "pubdate",
    "publish-date",
)
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# WHATWG: these labels mean windows-1252; a UTF-16 label on an ASCII-readable page is wrong.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}  # fmt: skip


def read_html(data: bytes) -> Extracted:
    """An HTML page: body text, with title, date and language from its markup."""
    text = _decode(data)
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is tolerant; this guards against its corner cases
        raise UnreadableFileError("not a readable HTML page (the markup is malformed)") from exc
    published = None
    for key in _DATE_META:
        if key in parser.meta:
            published = parse_date(parser.meta[key])
            if published is not None:
                break
    if published is None and parser.time_datetime:
        published = parse_date(parser.time_datetime)
    return Extracted(
        text=parser.text(),
        media_type="text/html",
        title=parser.meta.get("og:title") or parser.title or parser.h1,
        published=published,
        language=_language_code(parser.lang or parser.meta.get("content-language", "")),
    )


def _decode(data: bytes) -> str:
    """Byte-order mark, else a declared ``<meta charset>``, else UTF-8 (bad bytes replaced)."""
    bom = sniff_bom(data)
    if bom is not None:
        codec, skip = bom
        return data[skip:].decode(codec, errors="replace")
    if b"\x00" in data:
        raise UnsupportedFormatError(
            "the file looks like binary data, not text (it is not an HTML page)"
        )
    codec = "utf-8"
    match = _META_CHARSET.search(data[:4096])
    if match:
        label = match[1].decode("ascii").lower()
        label = _CHARSET_ALIASES.get(label, label)
        try:
            declared = codecs.lookup(label).name
        except LookupError:
            declared = "utf-8"
        if not declared.startswith(("utf-16", "utf-32")):
            codec = declared
    return data.decode(codec, errors="replace")


def _language_code(value: str) -> str | None:
    """ "en-GB" → "en"; a non-ISO "kz" (the country) → "kk"."""
    primary = re.split(r"[-_]", value.strip().lower())[0]
    if primary == "kz":
        return "kk"
    return primary if re.fullmatch(r"[a-z]{2}", primary) else None


class _PageParser(HTMLParser):
    """Collects body text with line breaks, plus the page's metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.title: str | None = None
        self.h1: str | None = None
        self.time_datetime = ""
        self._parts: list[str] = []
        self._skip: list[str] = []
        self._pending_break = 0
        self._prefix = ""
        self._separator = ""
        self._pre = 0
        self._title_parts: list[str] | None = None
        self._h1_parts: list[str] | None = None

    # -- output -------------------------------------------------------------------------
    def text(self) -> str:
        return "".join(self._parts)

    def _break(self, newlines: int) -> None:
        if self._parts:
            self._pending_break = max(self._pending_break, newlines)
        self._separator = ""

    def _at_line_start(self) -> bool:
        return self._pending_break > 0 or not self._parts or self._parts[-1].endswith("\n")

    def _emit(self, data: str) -> None:
        if not self._pre:
            data = _WHITESPACE.sub(" ", data)
            if (
                self._at_line_start()
                or self._prefix
                or self._separator
                or self._parts[-1].endswith((" ", "\t"))
            ):
                data = data.lstrip(" ")
        if not data:
            return
        if self._pending_break:
            self._parts.append("\n" * self._pending_break)
            self._pending_break = 0
        if self._prefix:
            self._parts.append(self._prefix)
        elif self._separator and not self._at_line_start():
            self._parts.append(self._separator)
        self._prefix = self._separator = ""
        self._parts.append(data)

    # -- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "html" and not self.lang:
            self.lang = attributes.get("lang", "")
        elif tag == "meta":
            self._meta(attributes)
        if self._skip == ["head"] and tag not in _HEAD_CONTENT:
            self._skip.clear()  # <body> or body content closes an unclosed <head>
        if tag == "title" and self.title is None and "svg" not in self._skip:
            self._title_parts = []
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if self._skip:
            return
        if tag == "time" and not self.time_datetime:
            self.time_datetime = attributes.get("datetime", "")
        if tag == "h1" and self.h1 is None:
            self._h1_parts = []
        if tag == "pre":
            self._pre += 1
        if tag == "br":
            if self._parts:
                self._pending_break = min(self._pending_break + 1, 2)
        elif tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        if tag == "li":
            self._prefix = "• "
        elif tag in _CELLS:
            self._separator = "\t"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self.title = " ".join("".join(self._title_parts).split()) or None
            self._title_parts = None
        if tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
            return
        if self._skip:
            return
        if tag == "h1" and self._h1_parts is not None:
            self.h1 = " ".join("".join(self._h1_parts).split()) or None
            self._h1_parts = None
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        if tag == "li":
            self._prefix = ""

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
        if self._skip:
            return
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        self._emit(data)

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property")
            or attributes.get("name")
            or attributes.get("itemprop")
            or attributes.get("http-equiv")
            or ""
        ).lower()
        content = attributes.get("content", "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content
