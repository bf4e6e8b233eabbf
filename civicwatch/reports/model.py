"""A generated report as plain data: sections of paragraphs, tables and notes.

The update and briefing builders write this; the renderers (Markdown and HTML through
Jinja2 templates, PDF from the HTML, Word through python-docx) only lay it out, so every
format says the same thing.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date

from civicwatch.reports.compose import Source, date_words


@dataclass
class Segment:
    """A run of text followed by references to notes (numbers into ``Report.notes``)."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Paragraph:
    segments: list[Segment]
    kind: str = "text"  # text | incident | placeholder | entry

    @property
    def notes(self) -> list[int]:
        return [n for s in self.segments for n in s.notes]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Figure:
    """A chart: SVG for HTML and PDF, PNG for Word."""

    caption: str
    svg: str
    png: bytes

    @property
    def data_uri(self) -> str:
        """The SVG as a data: URL, so the HTML file and its PDF need nothing beside them."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass
class Section:
    title: str
    level: int  # 1: chapter, 2: theme within it, 3: a case entry
    blocks: list[Paragraph | Table | Figure] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "".join(c if c.isalnum() else "-" for c in self.title.lower()).strip("-")


@dataclass
class Note:
    number: int
    source: Source

    @property
    def text(self) -> str:
        """Title, publisher, date, URL: as much as the record holds."""
        parts = [self.source.title]
        if self.source.publisher:
            parts.append(self.source.publisher)
        if self.source.published:
            parts.append(date_words(self.source.published, "day"))
        if self.source.url:
            parts.append(self.source.url)
        return ", ".join(p for p in parts if p) + "."


@dataclass
class Report:
    kind: str  # update | briefing
    title: str
    subtitle: str
    country: str
    date_from: date
    date_to: date
    level: str
    sections: list[Section] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    _numbers: dict[int, int] = field(default_factory=dict)

    def cite(self, sources: list[Source]) -> list[int]:
        """Note numbers for ``sources`` (one note per document, numbered on first use)."""
        numbers = []
        for source in sources:
            if source.id not in self._numbers:
                number = len(self.notes) + 1
                self._numbers[source.id] = number
                self.notes.append(Note(number, source))
            if self._numbers[source.id] not in numbers:
                numbers.append(self._numbers[source.id])
        return sorted(numbers)

    def paragraphs(self) -> list[Paragraph]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Paragraph)]
