"""Paragraph and sentence segmentation with character offsets into the original text.

Monitoring reports arrive as plain text made from web pages, Word files and PDFs: bullet
lists, bold markers (``**``/``__``), footnote references (``[1]``, ``¹``), all-caps
headings, abbreviations ("Mr.", "No.", "art.", "e.g.") and initials ("A. Ivanov").
Every later step works per sentence and reports evidence as offsets, so segments are
``(start, end)`` pairs into the text that was passed in; nothing is copied or rewritten.

The splitter is regex-driven: one ``finditer`` over the text proposes candidate ends
(``.``, ``!``, ``?`` plus closing quotes/brackets/footnotes) and a few cheap checks veto
the ones that follow an abbreviation or an initial. The per-candidate work happens once per
sentence, not per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicwatch.extract.lexicon import months

__all__ = ["ITEM_START", "Segment", "split_paragraphs", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A half-open character span ``[start, end)`` of a source text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


# A paragraph ends at a blank line, before a bullet line, or after a line that looks like a
# heading or a finished sentence when the next line starts a new block. Single newlines
# inside hard-wrapped PDF text do not end a paragraph.
_BULLET = r"(?:[•·▪◦●‣∙*\-–—]|\d{1,3}(?:[–-]\d{1,3})?[.)]|[a-zA-Z][.)](?=\s))"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_BULLET_LINE = re.compile(r"[ \t]*" + _BULLET + r"[ \t]")
#: The start of a bulleted or numbered item ("- A: 3 years", "2. B", "3–4. C and D"), as
#: assembly and anaphora read list items (letter items, "a)", only split paragraphs here).
ITEM_START = re.compile(r"[ \t]*(?:[•·▪◦●‣∙*\-–—]|\d{1,3}(?:[–-]\d{1,3})?[.)])[ \t]")
_LINE_END_FINISHED = re.compile(r"[.!?:;\"”’»)\]*_]\s*$")

# Words that end with a period without ending the sentence. Compared lower-cased and
# without the final period; multi-period forms ("e.g.", "i.e.") are matched separately.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "mt",
        "no",
        "nos",
        "nr",
        "art",
        "arts",
        "para",
        "paras",
        "p",
        "pp",
        "cf",
        "vs",
        "etc",
        "al",
        "ed",
        "eds",
        "vol",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpt",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "hon",
        "rev",
        "jr",
        "sr",
        "esp",
        "approx",
        "ca",
        "fig",
        "figs",
        "inc",
        "ltd",
        "corp",
        "co",
        "dept",
        "univ",
        "sec",
        "ch",
        "pt",
        "tel",
        "str",
        "ul",
        "pr",
        "obl",
        "reg",
        "g",
        "gg",
        "ok",
        "sq",
        "km",
        "kg",
        "ave",
        "blvd",
        "г",
        "гг",
        "ст",
        "ч",
        "п",
        "пп",
        "ул",
        "пр",
        "им",
        "т",
        "тыс",
        "млн",
    ]
)
_MULTI_PERIOD = re.compile(r"(?:\b[A-Za-z]\.){2,}$")  # e.g. i.e. U.S. a.m.

# Candidate sentence end: terminal punctuation, optional closers (quotes, brackets,
# bold markers, footnote refs), then whitespace and something that can open a sentence.
_CLOSERS = r"(?:[\"'”’»)\]]|\*\*|__|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*"
_OPENERS = r"(?=[\"'“‘«(\[*_•\-–—]*[\dA-ZÀ-ÞА-ЯЁЄІЇЎӘҒҚҢӨҰҮҺ])"
_CANDIDATE = re.compile(r"[.!?…]+" + _CLOSERS + r"(?:\s+" + _OPENERS + r"|\s*$)")
# A period glued to the next sentence ("engagement.In late 2022"), common in text copied
# from web pages: lower-case word, period, capitalised word.
_GLUED = re.compile(r"(?:(?<=[a-zа-я]{3})|(?<=\d{4}))\.(?=[A-ZА-Я][a-zа-я])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@cache
def _month_abbreviations() -> frozenset[str]:
    """ "Sept.", "Dec.": month abbreviations from the month table do not end sentences."""
    return frozenset(a.lower() for month in months() for a in month.abbreviations)


def _is_abbreviation(text: str, dot: int, lower: int) -> bool:
    """True if the period at ``dot`` belongs to an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(lower, dot - 20), dot)
    if not match:
        return False
    word = match.group(1)
    if _MULTI_PERIOD.search(word + "."):
        return True
    bare = word.rsplit(".", 1)[-1]
    if not bare:
        return False
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return True  # initial: "A. Ivanov"
    folded = bare.lower()
    return folded in _ABBREVIATIONS or folded in _month_abbreviations()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[Segment]:
    """Split ``text`` into paragraphs (blank lines, bullets, headings), trimmed of blanks."""
    segments: list[Segment] = []
    position = 0
    for block in _BLANK_LINE.finditer(text):
        _split_block(text, position, block.start(), segments)
        position = block.end()
    _split_block(text, position, len(text), segments)
    return segments


def _split_block(text: str, start: int, end: int, out: list[Segment]) -> None:
    """Split one blank-line-separated block further at bullet lines and heading lines."""
    piece_start = start
    for newline in _LINE_BREAK.finditer(text, start, end):
        cut = newline.start()
        nxt = newline.end()
        previous_line = text[max(piece_start, text.rfind("\n", piece_start, cut) + 1) : cut]
        if (
            _BULLET_LINE.match(text, nxt)
            or _LINE_END_FINISHED.search(previous_line)
            or _looks_like_heading(previous_line)
        ):
            _append(text, piece_start, cut, out)
            piece_start = nxt
    _append(text, piece_start, end, out)


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return False
    letters = [c for c in stripped if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _append(text: str, start: int, end: int, out: list[Segment]) -> None:
    start, end = _trim(text, start, end)
    if end > start:
        out.append(Segment(start, end))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Split ``text[start:end]`` into sentences; spans are offsets into ``text``.

    Sentences never cross a paragraph boundary, so the range is first cut into
    paragraphs; callers that already have a paragraph pass its span.
    """
    stop = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    sentences: list[Segment] = []
    if stop <= start:
        return sentences
    if start == 0 and stop == len(text):
        paragraphs = split_paragraphs(text)
    else:
        paragraphs = [
            Segment(start + p.start, start + p.end) for p in split_paragraphs(text[start:stop])
        ]
    for paragraph in paragraphs:
        _split_paragraph(text, paragraph.start, paragraph.end, sentences)
    return sentences


def _split_paragraph(text: str, start: int, end: int, out: list[Segment]) -> None:
    piece_start = start
    cuts: list[int] = []
    bullet = _BULLET_LINE.match(text, start)
    for match in _CANDIDATE.finditer(text, start, end):
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text, dot, piece_start):
            continue
        if bullet is not None and dot < bullet.end():
            continue  # "1. Yuri Kovshik, ...": the number opens the item's sentence
        closers_end = match.end()
        # keep closers with the sentence, leave the whitespace outside
        while closers_end > dot and text[closers_end - 1].isspace():
            closers_end -= 1
        cuts.append(closers_end)
    for match in _GLUED.finditer(text, start, end):
        if not _in_url(text, match.start(), start) and not _is_abbreviation(
            text, match.start(), start
        ):
            cuts.append(match.end())
    for cut in sorted(set(cuts)):
        if cut <= piece_start:
            continue
        _append(text, piece_start, cut, out)
        piece_start = cut
    _append(text, piece_start, end, out)


def _in_url(text: str, position: int, lower: int) -> bool:
    left = max(lower, text.rfind(" ", lower, position) + 1)
    token = text[left:position]
    return "/" in token or "@" in token or token.lower().startswith("www")
