"""Who published a document, from the document itself.

In order of trust:

1. metadata that names a publisher: an HTML page's ``<meta name="publisher">``,
   ``og:site_name`` or ``DC.publisher``;
2. a line near the top or the bottom of the text that says so: "Issued 12 December 2023 by
   the Caucasus Media Freedom Network", "Published by …", "Prepared by X (Almaty) and Y",
   "It was written by X together with Y", "Подготовлено …", "Опубликовано …";
3. the author in the file's metadata (HTML ``<meta name="author">``, the PDF's /Author, the
   Word file's author), only when it reads as an organisation (a word such as Centre,
   Network, Committee, Watch): authors are usually people or "Microsoft Office User".

Where a statement names several organisations ("X and Y", "X; Y"), the first is taken.
Nothing here guesses from the body of the report: a name in a sentence about someone else
is not a publisher. No Django; pure functions over bytes and text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from html.parser import HTMLParser

HEADER_LINES = 15  # non-empty lines at the top that count as the header
FOOTER_LINES = 8  # and at the bottom
MAX_LINE_CHARS = 600
MAX_NAME_CHARS = 120

_STATEMENT = re.compile(
    r"(?:^|[\s(*_])"
    r"(?P<verb>issued|published|released|prepared|compiled|written|produced|posted)"
    r"(?:\s+[^\s.;:]+){0,6}?\s+by\s+(?:the\s+)?(?P<name>\S.*)",
    re.IGNORECASE,
)
_STATEMENT_RU = re.compile(
    r"(?:^|\s)(?P<verb>подготовлен[аоы]?|опубликован[аоы]?|издан[аоы]?)"
    r"(?:\s+[^\s.;:]+){0,6}?\s+(?P<name>(?-i:[«\"]?[А-ЯЁA-Z]).*)",
    re.IGNORECASE,
)
# "issued/published by", "опубликовано/издано": the verbs that name a publisher, whoever it is
_PUBLISHING_VERBS = ("issued", "published", "released", "опубликован", "издан")
# Words that may join the capitalised words of an organisation's name.
_JOINERS = frozenset(
    {"of", "for", "the", "on", "in", "&", "de", "du", "des", "and", "по", "за", "и", "в"}
)
_STOP_JOINERS = frozenset({"and", "и"})  # "X and Y": the first organisation
_ORGANISATION_WORDS = re.compile(
    r"\b(centre|center|network|committee|bureau|watch|monitor|monitoring|partnership|"
    r"initiative|group|foundation|union|association|organi[sz]ation|institute|rights|"
    r"council|coalition|project|fund|office|agency|news|media|press|service|society|"
    r"alliance|movement|commission|helsinki|amnesty|civicus|"
    r"центр|бюро|комитет|фонд|союз|ассоциация|организация|институт|права|правозащитн\w*|"
    r"движение|инициатива|группа|общество|коалиция|монитор\w*)\b",
    re.IGNORECASE,
)


def find_publisher(data: bytes, media_type: str, text: str) -> str | None:
    """The publisher a document names, or None."""
    metadata = _metadata(data, media_type)
    named = _clean(metadata.get("publisher"))
    if named:
        return named
    stated = publisher_in_text(text)
    if stated:
        return stated
    author = _clean(metadata.get("author"))
    if author and _ORGANISATION_WORDS.search(author):
        return author
    return None


def publisher_in_text(text: str) -> str | None:
    """The organisation a header or footer line says issued the document."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    candidates = lines[:HEADER_LINES] + lines[-FOOTER_LINES:]
    for line in candidates:
        if len(line) > MAX_LINE_CHARS:
            line = line[:MAX_LINE_CHARS]
        for pattern in (_STATEMENT, _STATEMENT_RU):
            for match in pattern.finditer(line):
                name = _name_at(match.group("name"))
                # "issued/published by" names a publisher; "written/compiled by" often a
                # person, so there the name must read as an organisation
                if name and (
                    match.group("verb").lower().startswith(_PUBLISHING_VERBS)
                    or _ORGANISATION_WORDS.search(name)
                ):
                    return name
    return None


def _name_at(text: str) -> str | None:
    """The organisation's name at the start of ``text``: capitalised words and the small
    words between them, up to a bracket, comma, full stop or the next clause."""
    text = text.strip().lstrip("«\"'“")
    quoted = re.match(rf"([^»\"”]{{3,{MAX_NAME_CHARS}}})[»\"”]", text)
    words: list[str] = []
    for token in re.split(r"\s+", text):
        bare = token.strip("«»\"“”'")
        end = bool(re.search(r"[,.;:()\[\]]$", bare)) or bare.startswith("(")
        bare = bare.rstrip(",.;:)]")
        if not bare or bare.startswith("("):
            break
        lowered = bare.lower()
        if bare[0].isupper() or (bare[0].isdigit() and words):
            words.append(bare)
        elif lowered in _JOINERS and words:
            if lowered in _STOP_JOINERS:
                break
            words.append(bare)
        else:
            break
        if end:
            break
    while words and words[-1].lower() in _JOINERS:
        words.pop()
    name = " ".join(words)
    if quoted and text.startswith(quoted.group(1)) and len(quoted.group(1)) > len(name):
        name = quoted.group(1)
    name = _clean(name) or ""
    # one capitalised word is too weak unless it reads as an organisation ("Amnesty")
    if not name or (" " not in name and not _ORGANISATION_WORDS.search(name)):
        return None
    return name


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    first = re.split(r"\s*[;|]\s*", value.strip())[0]
    first = re.sub(r"\s+", " ", first).strip(" ,.")
    if not first or len(first) > MAX_NAME_CHARS:
        return None
    return first


# ---- metadata -------------------------------------------------------------------------


def _metadata(data: bytes, media_type: str) -> dict[str, str]:
    try:
        if media_type == "text/html":
            return _html_metadata(data)
        if media_type == "application/pdf":
            return _pdf_metadata(data)
        if "wordprocessingml" in media_type:
            return _docx_metadata(data)
    except Exception:  # metadata is a bonus: a file the reader could read is never refused
        return {}
    return {}


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        values = {key.lower(): (value or "") for key, value in attrs}
        key = (values.get("name") or values.get("property") or "").lower()
        content = values.get("content", "").strip()
        if not content:
            return
        if key in {"publisher", "dc.publisher", "dcterms.publisher", "og:site_name"}:
            self.found.setdefault("publisher", content)
        elif key in {"author", "dc.creator", "dcterms.creator"}:
            self.found.setdefault("author", content)


def _html_metadata(data: bytes) -> dict[str, str]:
    head = data[:200_000].decode("utf-8", errors="replace")
    end = head.lower().find("</head>")
    parser = _MetaParser()
    parser.feed(head if end < 0 else head[:end])
    return parser.found


def _pdf_metadata(data: bytes) -> dict[str, str]:
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(data)).metadata
    author = str(info.author or "") if info else ""
    return {"author": author} if author else {}


def _docx_metadata(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core = archive.read("docProps/core.xml")[:100_000].decode("utf-8", errors="replace")
    match = re.search(r"<dc:creator>([^<]*)</dc:creator>", core)
    author = html.unescape(match.group(1)) if match else ""
    return {"author": author} if author else {}
