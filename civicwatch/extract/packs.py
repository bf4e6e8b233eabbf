"""Language packs: the finders of one language, for the one pipeline.

A pack reports the same mention types whatever the language (names, provisions, dates,
outcomes, triggers...), so that attachment, events and the contract's conventions
(:mod:`.assemble`, :mod:`.contract`) are shared. :func:`pack_for` gives the pack of a
document's language, or ``None`` when there is none: such a document is stored with a note
and no claims, never read as if it were English.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module

from civicwatch.extract.anaphora import ENGLISH_ANAPHORS, AnaphorWords
from civicwatch.extract.attach import ENGLISH_SPEAKERS, SpeakerCues
from civicwatch.extract.coref import ENGLISH_CUES, RoleCues
from civicwatch.extract.dates import DateMention
from civicwatch.extract.followups import FollowupMention
from civicwatch.extract.jurisdiction import Jurisdictions
from civicwatch.extract.names import NameMention
from civicwatch.extract.organisations import OrganisationMention
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.places import PlaceMention
from civicwatch.extract.provisions import ProvisionMention
from civicwatch.extract.triggers import StateMention, Trigger

__all__ = ["PACK_LANGUAGES", "LanguagePack", "pack_for"]

Spans = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class LanguagePack:
    """The finders of one language. Each takes the text and its lower-cased copy."""

    code: str
    places: Callable[[str], list[PlaceMention]]
    organisations: Callable[[str], list[OrganisationMention]]
    #: full names, and lone surnames in the form the full names have (``None``: found by
    #: their spelling, as English does)
    names: Callable[[str, Spans, str], tuple[list[NameMention], list[NameMention] | None]]
    provisions: Callable[[str, Jurisdictions, str], list[ProvisionMention]]
    dates: Callable[[str, date | None, str], list[DateMention]]
    outcomes: Callable[[str, str, Jurisdictions], list[OutcomeMention]]
    triggers: Callable[[str, str], list[Trigger]]
    followups: Callable[[str, str], list[FollowupMention]]
    states: Callable[[str, str], list[StateMention]]
    cues: RoleCues = ENGLISH_CUES
    anaphors: AnaphorWords = ENGLISH_ANAPHORS
    speakers: SpeakerCues = ENGLISH_SPEAKERS


#: Languages with a pack, and the module that builds it (imported on first use: the
#: Russian pack loads a morphological dictionary).
_PACK_MODULES = {
    "en": "civicwatch.extract.english",
    "ru": "civicwatch.extract.ru.pack",
}
PACK_LANGUAGES = tuple(_PACK_MODULES)


@cache
def pack_for(language: str) -> LanguagePack | None:
    """The pack for an ISO 639-1 code, or ``None`` when the language has none."""
    module = _PACK_MODULES.get(language.lower().strip())
    if module is None:
        return None
    pack: LanguagePack = import_module(module).PACK
    return pack
