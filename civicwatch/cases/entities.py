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
    pending = [(claim, {organisation_key(n): n for n in _names(claim.value)}) for claim in claims]
    pending = [(claim, keys) for claim, keys in pending if keys]
    if not pending:
        return 0
    by_key: dict[str, Organisation] = {}
    known_keys: dict[int, set[str]] = {}
    for alias in OrganisationAlias.objects.filter(
        match_key__in={key for _, keys in pending for key in keys}
    ).select_related("organisation"):
        by_key.setdefault(alias.match_key, alias.organisation)
    for organisation_id, key in OrganisationAlias.objects.filter(
        organisation__in={organisation.pk for organisation in by_key.values()}
    ).values_list("organisation_id", "match_key"):
        known_keys.setdefault(organisation_id, set()).add(key)
    created = 0
    aliases: list[OrganisationAlias] = []
    links = []
    for claim, keys in pending:
        organisation = next((by_key[key] for key in keys if key in by_key), None)
        if organisation is None:
            organisation = Organisation.objects.create(
                name=next(iter(keys.values()))[:300], kind=_kind(claim.value.get("kind"))
            )
            created += 1
        known_keys.setdefault(organisation.pk, set())
        for key, name in keys.items():
            by_key.setdefault(key, organisation)
            if key not in known_keys[organisation.pk]:
                known_keys[organisation.pk].add(key)
                aliases.append(
                    OrganisationAlias(organisation=organisation, name=name[:300], match_key=key)
                )
        links.append(
            Organisation.claims.through(organisation_id=organisation.pk, claim_id=claim.pk)
        )
    OrganisationAlias.objects.bulk_create(aliases, ignore_conflicts=True)
    Organisation.claims.through.objects.bulk_create(links, ignore_conflicts=True)
    return created


def _kind(value: Any) -> str:
    try:
        return OrganisationKind(value).value
    except ValueError:
        return OrganisationKind.OTHER.value


def resolve_places(claims: Iterable[Claim]) -> None:
    """Attach place claims to places, one per name and country."""
    wanted: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        name = normalise_name(str(claim.value.get("name") or ""))[:300]
        if name:
            wanted.setdefault((name, (claim.value.get("country") or "")[:2]), []).append(claim)
    if not wanted:
        return
    found = {
        (place.name, place.country_code): place
        for place in Place.objects.filter(name__in={name for name, _ in wanted})
    }
    for (name, country), claims_here in wanted.items():
        if (name, country) in found:
            continue
        value = claims_here[0].value
        try:
            kind = PlaceKind(value.get("kind")).value
        except ValueError:
            kind = PlaceKind.OTHER.value
        latitude, longitude = value.get("coordinates") or (None, None)
        found[(name, country)] = Place.objects.create(
            name=name, country_code=country, kind=kind, latitude=latitude, longitude=longitude
        )
    Place.claims.through.objects.bulk_create(
        [
            Place.claims.through(place_id=found[key].pk, claim_id=claim.pk)
            for key, claims_here in wanted.items()
            for claim in claims_here
        ],
        ignore_conflicts=True,
    )


def resolve_document_entities(documents: Iterable[Document]) -> None:
    """Organisations and places of the documents' live claims not yet attached."""
    live = Claim.objects.filter(document__in=list(documents), superseded_at__isnull=True)
    resolve_organisations(
        live.filter(kind=ClaimKind.ORGANISATION.value, organisations__isnull=True).order_by("pk")
    )
    resolve_places(live.filter(kind=ClaimKind.PLACE.value, places__isnull=True).order_by("pk"))
