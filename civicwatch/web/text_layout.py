"""A document's text as readable paragraphs, with the extracted spans marked in it.

Pure functions, no Django: :func:`layout` takes the text exactly as stored (the offsets of
claims point into it) and a list of :class:`Span`, and returns :class:`Paragraph` blocks of
:class:`Segment` runs that a template renders as prose.

- Blank lines separate paragraphs.
- Inside a paragraph, a line break that only wrapped the text (a PDF's hard line breaks) is
  joined with a space. A break is kept (a new block) when the line before it is clearly
  shorter than the document's wrapped lines (a heading, the last line of a paragraph, a
  list item) or when the next line starts a list item.
- A word hyphenated at a line end ("deten-" + "tion") is joined without the hyphen when the
  next line goes on in lower case; a hyphen before a capital ("EU-" + "Kazakhstan") stays.
- Runs of spaces collapse to one.
- Spans may overlap or nest: each segment carries every span covering it, innermost first.

Every character of the output keeps the offset it came from, so a span is marked exactly
where its characters ended up, however the lines were joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Paragraph", "Segment", "Span", "layout"]

_LIST_ITEM = re.compile(r"^\s*(?:[-*•–·]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
#: A line at least this share of the document's wrapped width is taken as wrapped.
_FULL_SHARE = 0.7
#: Lines shorter than this never define the wrapped width (headings, list items).
_MIN_WRAP_WIDTH = 40


@dataclass(frozen=True)
class Span:
    """A marked range of the text: ``[start, end)`` with its kind and an identifier."""

    start: int
    end: int
    kind: str
    ref: int | None  # what a click opens (None: marked, opens nothing)
    priority: int = 0  # lower wins when spans of equal length cover the same characters

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Segment:
    """A run of output text covered by the same spans (none for plain text)."""

    text: str
    spans: tuple[Span, ...] = ()

    @property
    def primary(self) -> Span | None:
        """The innermost span here: the one a highlight shows and a click opens."""
        return self.spans[0] if self.spans else None

    @property
    def refs(self) -> list[int]:
        return list(dict.fromkeys(span.ref for span in self.spans if span.ref is not None))

    @property
    def target(self) -> int | None:
        """What a click on this segment opens: the innermost span that opens anything."""
        return next((span.ref for span in self.spans if span.ref is not None), None)

    @property
    def kinds(self) -> list[str]:
        return list(dict.fromkeys(span.kind for span in self.spans))


@dataclass
class Paragraph:
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, ``end`` before its newline."""
    found = []
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    return found


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    """The width the text was wrapped at: a high percentile of its longer lines."""
    lengths = sorted(
        end - start
        for start, end in (_stripped(text, s, e) for s, e in lines)
        if end - start >= _MIN_WRAP_WIDTH
    )
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _joins(text: str, previous: tuple[int, int], following: tuple[int, int], width: int) -> bool:
    """Whether the break between two non-blank lines only wrapped the text."""
    if _LIST_ITEM.match(text[following[0] : following[1]]):
        return False
    before = text[previous[0] : previous[1]]
    if len(before) >= 2 and before[-1] == "-" and before[-2].isalpha():
        return True  # a word or a compound cut at the line end
    full = bool(width) and len(before) >= _FULL_SHARE * width
    if full:
        return True
    # A short line that stops mid-sentence and goes on in lower case is wrapped too.
    first = text[following[0]] if following[0] < following[1] else ""
    return first.islower() and before[-1:] not in {".", ":", "!", "?", ";"}


def layout(text: str, spans: list[Span] | tuple[Span, ...] = ()) -> list[Paragraph]:
    """The text as paragraphs of segments, with ``spans`` marked (see the module doc)."""
    lines = _lines(text)
    width = _wrap_width(text, lines)
    # Each block is a list of (character, offset in ``text``).
    blocks: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    previous: tuple[int, int] | None = None
    previous_break = -1
    for raw_start, raw_end in lines:
        start, end = _stripped(text, raw_start, raw_end)
        if start == end:  # a blank line ends the paragraph
            if current:
                blocks.append(current)
            current, previous = [], None
            previous_break = raw_end
            continue
        if previous is not None:
            if _joins(text, previous, (start, end), width):
                last = current[-1][0] if current else ""
                nxt = text[start]
                hyphen_before = len(current) >= 2 and current[-2][0].isalpha()
                if last == "-" and hyphen_before and nxt.islower():
                    current.pop()  # "deten-" + "tion": the hyphen only split the word
                elif last in {"-", "/"}:
                    pass  # "EU-" + "Kazakhstan": the hyphen belongs to the words
                else:
                    current.append((" ", previous_break))
            else:
                blocks.append(current)
                current = []
        for offset in range(start, end):
            char = text[offset]
            if char.isspace():
                if current and current[-1][0] == " ":
                    continue
                char = " "
            current.append((char, offset))
        previous = (start, end)
        previous_break = raw_end
    if current:
        blocks.append(current)
    return _mark(blocks, spans)


def _order(span: Span) -> tuple[int, int, int, int]:
    return (span.length, span.priority, span.start, span.ref or 0)


def _mark(
    blocks: list[list[tuple[str, int]]], spans: list[Span] | tuple[Span, ...]
) -> list[Paragraph]:
    """Cut the blocks into segments: one sweep over the offsets, which only grow."""
    pending = sorted((span for span in spans if span.end > span.start), key=lambda s: s.start)
    next_span = 0
    active: list[Span] = []
    covering: tuple[Span, ...] = ()
    paragraphs = []
    for block in blocks:
        paragraph = Paragraph()
        run: list[str] = []
        run_spans: tuple[Span, ...] = ()
        for char, offset in block:
            changed = False
            while next_span < len(pending) and pending[next_span].start <= offset:
                active.append(pending[next_span])
                next_span += 1
                changed = True
            if any(span.end <= offset for span in active):
                active = [span for span in active if span.end > offset]
                changed = True
            if changed:
                covering = tuple(sorted(active, key=_order))
            if covering != run_spans and run:
                paragraph.segments.append(Segment("".join(run), run_spans))
                run = []
            run_spans = covering
            run.append(char)
        if run:
            paragraph.segments.append(Segment("".join(run), run_spans))
        paragraphs.append(paragraph)
    return paragraphs
