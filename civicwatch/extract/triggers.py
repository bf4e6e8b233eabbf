"""Event triggers: the words by which reports say that something happened ("detained",
"charges were reclassified", "appeal was rejected", "website blocked", ...).

``find_triggers(text)`` returns :class:`Trigger` s, one per phrase, typed with
:class:`~civicwatch.core.vocab.EventType`. It is lexical: "called for his release" is not
a release, but "should be released" is left to the event assembler, which sees the
sentence and the participants. ``FREEDOMS`` and :func:`freedoms_for` say which freedoms an
event touches (association, peaceful assembly, expression).

The words are data: ``data/triggers.tsv`` (event type and pattern, specific patterns
before general ones) and ``data/freedom_words.tsv``, compiled by
:func:`~civicwatch.extract.lexicon.compile_lexicon` (about 1 MB of text in 0.1 s).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from civicwatch.core.vocab import EventType, Freedom
from civicwatch.extract.lexicon import compile_lexicon, lexicon, lower

# compile_lexicon and lower are re-exported: other finders import them from here.
__all__ = [
    "FREEDOMS",
    "StateMention",
    "Trigger",
    "compile_lexicon",
    "find_states",
    "find_triggers",
    "freedom_context",
    "freedoms_for",
    "lower",
]


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    type: EventType


def find_triggers(text: str, low: str | None = None) -> list[Trigger]:
    """Event trigger phrases in ``text``, in order of position (never overlapping).

    ``low`` is the document's lower-cased text when the caller has it already."""
    low = lower(text) if low is None else low
    pattern, keys = lexicon("triggers.tsv")
    return [
        Trigger(match.start(), match.end(), EventType(keys[match.lastgroup or ""]))
        for match in pattern.finditer(low)
    ]


@dataclass(frozen=True, slots=True)
class StateMention:
    """A state of repression named without an event (``data/states.tsv``): ``held`` ("X
    remains in prison") or ``prisoners`` (words for people held, "political prisoners")."""

    start: int
    end: int
    kind: str


def find_states(text: str, low: str | None = None) -> list[StateMention]:
    """States of repression in ``text``, in order of position."""
    low = lower(text) if low is None else low
    pattern, keys = lexicon("states.tsv")
    return [
        StateMention(match.start(), match.end(), keys[match.lastgroup or ""])
        for match in pattern.finditer(low)
    ]


# -- freedoms ----------------------------------------------------------------------------

_A, _P, _E = Freedom.ASSOCIATION, Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION
FREEDOMS: Mapping[EventType, tuple[Freedom, ...]] = MappingProxyType(
    {
        EventType.ASSEMBLY_BANNED: (_P,),
        EventType.ASSEMBLY_DISPERSED: (_P,),
        EventType.PREVENTIVE_DETENTION: (_P,),
        EventType.REGISTRATION_DENIED: (_A,),
        EventType.ORGANISATION_BANNED: (_A,),
        EventType.LISTED_AS_FOREIGN_FUNDED: (_A,),
        EventType.ACCREDITATION_DENIED: (_E,),
        EventType.WEBSITE_BLOCKED: (_E,),
        EventType.MEDIA_LAW: (_E,),
        EventType.CYBERATTACK: (_E,),
        EventType.DOXXING: (_E,),
    }
)
_ORDER = (_A, _P, _E)


def freedoms_for(event_type: EventType, text: str) -> tuple[Freedom, ...]:
    """The freedoms an event of ``event_type`` touches, given the sentence ``text``: the
    type's own (``FREEDOMS``), else those the words of the sentence point to (a protest ->
    peaceful assembly; a journalist, a post, the media -> expression; a party, an NGO,
    registration -> association)."""
    return FREEDOMS.get(event_type) or freedom_context(lower(text))


def freedom_context(low: str) -> tuple[Freedom, ...]:
    """The freedoms the words of a lower-cased sentence point to, in a fixed order."""
    pattern, keys = lexicon("freedom_words.tsv")
    found = {Freedom(keys[m.lastgroup or ""]) for m in pattern.finditer(low)}
    return tuple(freedom for freedom in _ORDER if freedom in found)
