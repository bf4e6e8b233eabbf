"""Organisations and places from their claims.

An organisation is known by every name and alias its claims give ("Koshe Partiyasy",
"Street Party"); a claim joins the organisation that already has one of its names (in any
spelling or script, compared on folded keys), and adds its other names as aliases. Places
are the gazetteer's: one per name and country, with kind and coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from civicwatch.core.names import name_tokens, normalise_name
from civicwatch.core.vocab import ClaimKind, OrganisationKind, PlaceKind
from civicwatch.store.models import Claim, Document, Organisation, OrganisationAlias, Place

__all__ = ["organisation_key", "resolve_organisations", "resolve_places"]


def organisation_key(name: str) -> str:
    """ "The Street Party" and "street party" share a key; so do Cyrillic and Latin forms
    (the same folded tokens as person names, in written order)."""
    tokens = name_tokens(name)
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)[:300]


def _names(value: dict[str, Any]) -> list[str]:
    names = [str(value.get("name") or "")] + [str(v) for v in value.get("variants") or ()]
    return [name for name in dict.fromkeys(normalise_name(n) for n in names) if name]


def resolve_organisations(claims: Iterable[Claim]) -> int:
    """Attach organisation claims to organisations (creating them); returns how many new."""
    created = 0
    for claim in claims:
        names = _names(claim.value)
        if not names:
            continue
        keys = {organisation_key(name): name for name in names}
        alias = (
            OrganisationAlias.objects.filter(match_key__in=list(keys))
            .select_related("organisation")
            .first()
        )
        if alias is None:
            organisation = Organisation.objects.create(
                name=names[0][:300], kind=_kind(claim.value.get("kind"))
            )
            created += 1
        else:
            organisation = alias.organisation
        known = set(organisation.aliases.values_list("match_key", flat=True))
        OrganisationAlias.objects.bulk_create(
            [
                OrganisationAlias(organisation=organisation, name=name[:300], match_key=key)
                for key, name in keys.items()
                if key not in known
            ],
            ignore_conflicts=True,
        )
        organisation.claims.add(claim)
    return created


def _kind(value: Any) -> str:
    try:
        return OrganisationKind(value).value
    except ValueError:
        return OrganisationKind.OTHER.value


def resolve_places(claims: Iterable[Claim]) -> None:
    """Attach place claims to places, one per name and country."""
    for claim in claims:
        value = claim.value
        name = normalise_name(str(value.get("name") or ""))
        if not name:
            continue
        try:
            kind = PlaceKind(value.get("kind")).value
        except ValueError:
            kind = PlaceKind.OTHER.value
        coordinates = value.get("coordinates") or (None, None)
        place, _ = Place.objects.get_or_create(
            name=name[:300],
            country_code=(value.get("country") or "")[:2],
            defaults={"kind": kind, "latitude": coordinates[0], "longitude": coordinates[1]},
        )
        place.claims.add(claim)


def resolve_document_entities(document: Document) -> None:
    claims = Claim.objects.filter(document=document, superseded_at__isnull=True).exclude(
        organisations__isnull=False
    )
    resolve_organisations(claims.filter(kind=ClaimKind.ORGANISATION.value).order_by("pk"))
    places = Claim.objects.filter(
        document=document, superseded_at__isnull=True, kind=ClaimKind.PLACE.value
    ).exclude(places__isnull=False)
    resolve_places(places.order_by("pk"))
