"""The Russian pack: Russian finders for the one pipeline (:mod:`civicwatch.extract.packs`).

Names come lemmatised (pymorphy3): a full name in any case is named in the nominative, and
lone surnames are reported in that form, so that coreference clusters "Марата Жыланбаева",
"Жыланбаеву" and "Жыланбаев М." as one person. Organisations are those of the shared list
(it has Russian spellings); places add the oblique cases of the gazetteer's Cyrillic names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from civicwatch.extract.coref import RoleCues
from civicwatch.extract.dates import DateMention
from civicwatch.extract.jurisdiction import Jurisdictions
from civicwatch.extract.names import NameMention
from civicwatch.extract.organisations import find_organisations
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.packs import LanguagePack, Spans
from civicwatch.extract.provisions import ProvisionMention
from civicwatch.extract.ru import dates, followups, names, outcomes, provisions, roles, triggers
from civicwatch.extract.ru.anaphora import RUSSIAN_ANAPHORS
from civicwatch.extract.ru.places import find_places
from civicwatch.extract.ru.speakers import RUSSIAN_SPEAKERS

__all__ = ["PACK"]


def _names(text: str, exclude: Spans, low: str) -> tuple[list[NameMention], list[NameMention]]:
    found = _as_initials_of(text, _as_written_elsewhere(text, names.find_names(text, exclude, low)))
    return [m for m in found if m.full], [m for m in found if not m.full]


# "Мусабекову" (his dative, her accusative), "Мусабековым" is his only; "-ой" is hers only
_SHARED_FORM = re.compile(r"^\w+[оеи]ву\b|\b\w+[оеи]ву$")


def _as_initials_of(text: str, found: list[NameMention]) -> list[NameMention]:
    """An initials form a man's and a woman's name share ("приговорил Мусабекову Г.":
    a man's dative, a woman's accusative) is the woman's when the text names her in full
    ("Гульзира Мусабекова") and names no such man."""
    full = [m.name.split() for m in found if m.full and "." not in m.name]
    out = []
    for mention in found:
        parts = mention.name.split()
        written = text[mention.start : mention.end]
        if (
            mention.full
            and len(parts) == 2
            and parts[1].endswith(".")
            and _SHARED_FORM.search(written)
            and not any(parts[0] in words for words in full)
        ):
            woman = parts[0] + "а"
            if any(
                woman in words and any(w[:1] == parts[1][:1] for w in words if w != woman)
                for words in full
            ):
                mention = replace(mention, name=f"{woman} {parts[1]}")
        out.append(mention)
    return out


def _as_written_elsewhere(text: str, found: list[NameMention]) -> list[NameMention]:
    """A name written exactly as another mention's nominative is that nominative: "Гульзира
    Мусабекова" can be a man's name in the genitive, but not when the same text says
    "Гульзире Мусабековой" of a woman."""
    nominatives = {mention.name for mention in found if mention.full}
    out = []
    for mention in found:
        written = " ".join(text[mention.start : mention.end].split())
        if mention.full and written != mention.name and written in nominatives:
            mention = replace(mention, name=written)
        out.append(mention)
    return out


def _provisions(text: str, jurisdictions: Jurisdictions, low: str) -> list[ProvisionMention]:
    return provisions.find_provisions(text, jurisdiction=jurisdictions, named=False, low=low)


def _dates(text: str, published: date | None, low: str) -> list[DateMention]:
    return dates.find_dates(text, published=published, low=low)


def _outcomes(text: str, low: str, jurisdictions: Jurisdictions) -> list[OutcomeMention]:
    return [
        *outcomes.in_local_roubles(
            low, outcomes.find_outcomes(text, low), jurisdictions.of_shared_currency
        ),
        *outcomes.find_detentions(text, low),
    ]


PACK = LanguagePack(
    code="ru",
    places=find_places,
    organisations=find_organisations,
    names=_names,
    provisions=_provisions,
    dates=_dates,
    outcomes=_outcomes,
    triggers=lambda text, low: triggers.find_triggers(text, low),
    followups=lambda text, low: followups.find_followups(text, low),
    states=lambda text, low: triggers.find_states(text, low),
    cues=RoleCues(roles.role_cue, roles.reported_cues, roles.title_of),
    anaphors=RUSSIAN_ANAPHORS,
    speakers=RUSSIAN_SPEAKERS,
)
