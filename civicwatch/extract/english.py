"""The English pack: the finders the pipeline was first written with."""

from __future__ import annotations

from datetime import date

from civicwatch.extract.dates import DateMention, find_dates
from civicwatch.extract.followups import find_followups
from civicwatch.extract.jurisdiction import Jurisdictions
from civicwatch.extract.names import NameMention, find_names, lower_words
from civicwatch.extract.organisations import find_organisations
from civicwatch.extract.outcomes import (
    OutcomeMention,
    find_detentions,
    find_outcomes,
    in_local_roubles,
)
from civicwatch.extract.packs import LanguagePack, Spans
from civicwatch.extract.places import find_places
from civicwatch.extract.provisions import ProvisionMention, find_provisions
from civicwatch.extract.triggers import find_states, find_triggers

__all__ = ["PACK"]


def _names(text: str, exclude: Spans, low: str) -> tuple[list[NameMention], None]:
    return find_names(text, exclude, lower_words(text)), None


def _provisions(text: str, jurisdictions: Jurisdictions, low: str) -> list[ProvisionMention]:
    # only provisions written with a number: the annotation convention links an offence
    # named without an article number to no article
    return find_provisions(text, jurisdiction=jurisdictions, named=False, low=low)


def _dates(text: str, published: date | None, low: str) -> list[DateMention]:
    return find_dates(text, published=published, low=low)


def _outcomes(text: str, low: str, jurisdictions: Jurisdictions) -> list[OutcomeMention]:
    return [
        *in_local_roubles(low, find_outcomes(text, low), jurisdictions.of_shared_currency),
        *find_detentions(text, low),
    ]


PACK = LanguagePack(
    code="en",
    places=find_places,
    organisations=find_organisations,
    names=_names,
    provisions=_provisions,
    dates=_dates,
    outcomes=_outcomes,
    triggers=find_triggers,
    followups=find_followups,
    states=find_states,
)
