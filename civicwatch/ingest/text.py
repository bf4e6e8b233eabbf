"""Plain text and Markdown: decode the bytes, keep the text exactly as written.

Markdown markup is *not* stripped: reviewers see the file as written, and claims store
offsets into this text, so the stored text must be the file's text. Only the title is
taken from the markup (YAML front matter ``title:`` or the first ``# `` heading).

Encodings, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), then UTF-8, then cp1251
(the legacy Windows encoding of Russian and Kazakh documents) if the result reads as
Cyrillic text. Anything else is refused rather than stored as mojibake, because stored
text and its offsets cannot be repaired later without re-reading.
"""

from __future__ import annotations

import re

from civicwatch.errors import UnreadableFileError, UnsupportedFormatError
from civicwatch.ingest.base import Extracted, looks_binary, sniff_bom
from civicwatch.ingest.metadata import parse_date

READER = "text/1"
BINARY_MESSAGE = (
    "the file looks like binary data, not text (is it really a text file? "
    "it may be a different format renamed)"
)

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_ATX_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_FRONT_FIELD = re.compile(r"^(title|date)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def decode(data: bytes) -> str:
    """Decode text bytes or raise UnsupportedFormatError/UnreadableFileError."""
    bom = sniff_bom(data)
    if bom is not None:
        codec, skip = bom
        try:
            text = data[skip:].decode(codec)
        except UnicodeDecodeError:
            raise UnreadableFileError(
                f"the file says it is {codec.upper()} text but contains invalid bytes "
                "(it is damaged or truncated)"
            ) from None
    elif b"\x00" in data:
        raise UnsupportedFormatError(BINARY_MESSAGE)
    else:
        text = _decode_without_bom(data)
    if looks_binary(text):
        raise UnsupportedFormatError(BINARY_MESSAGE)
    return text


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 with a few damaged bytes (a bad copy, a cut multi-byte letter):
    # cp1251 would turn every letter into mojibake, so keep UTF-8 and mark the damage.
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    well_formed = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if well_formed >= 20 * damaged:
        return lenient
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise UnsupportedFormatError(BINARY_MESSAGE) from None
    if not _reads_as_cyrillic(text):
        raise UnsupportedFormatError(
            "the file is not UTF-8 text and does not read as Cyrillic (cp1251) text either; "
            "save it as UTF-8 text and try again"
        )
    return text


def _reads_as_cyrillic(text: str) -> bool:
    """cp1251 accepts almost any byte; real Russian text has whole Cyrillic words.

    Western (cp1252) text decoded as cp1251 turns "é" into "й" inside Latin words, so
    words mixing both scripts are the sign of a wrong guess.
    """
    words = [w for w in _WORD.findall(text) if _CYRILLIC.search(w)]
    if not words:
        return False
    mixed = sum(1 for w in words if _LATIN.search(w))
    return mixed <= 0.1 * len(words)


def read_text(data: bytes) -> Extracted:
    """A .txt file: its text; title and date come from the dispatcher's fallbacks."""
    return Extracted(text=decode(data), media_type="text/plain")


def read_markdown(data: bytes) -> Extracted:
    """A Markdown file as written, titled by front matter or its first level-1 heading."""
    text = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front = _front_matter(lines)
    return Extracted(
        text=text,
        media_type="text/markdown",
        title=front.get("title") or _first_h1(lines),
        published=parse_date(front["date"]) if front.get("date") else None,
    )


def _front_matter(lines: list[str]) -> dict[str, str]:
    """``title`` and ``date`` from a YAML front-matter block (Jekyll, Hugo), if present."""
    if not lines or lines[0].strip() != "---":
        return {}
    fields: dict[str, str] = {}
    for line in lines[1:60]:
        if line.strip() in ("---", "..."):
            return fields
        match = _FRONT_FIELD.match(line)
        if match and match[1].lower() not in fields:
            fields[match[1].lower()] = match[2].strip("'\"")
    return {}  # never closed: not front matter


def _first_h1(lines: list[str]) -> str | None:
    """The first ``# Heading`` (or ``Heading`` underlined with ``===``) outside code."""
    in_code = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        match = _ATX_H1.match(line)
        if match:
            return match[1].strip()
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and _SETEXT_H1.match(following):
            return line.strip()
    return None
