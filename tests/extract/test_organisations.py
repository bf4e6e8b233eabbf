"""Organisations from the known list and from patterns (civicwatch.extract.organisations)."""

from __future__ import annotations

from civicwatch.core.vocab import OrganisationKind
from civicwatch.extract.organisations import find_organisations, known_organisations


def found(text: str) -> list[tuple[str, OrganisationKind]]:
    return [(o.name, o.kind) for o in find_organisations(text)]


def test_known_aliases_map_to_one_canonical_name() -> None:
    text = (
        "Supporters of Koshe Partiyasy and of the DVK were charged; the Street Party and "
        "Democratic Choice of Kazakhstan are banned. Alga, Kazakhstan! applied again."
    )
    names = [name for name, _ in found(text)]
    assert names == [
        "Street Party",
        "Democratic Choice of Kazakhstan",
        "Street Party",
        "Democratic Choice of Kazakhstan",
        "Alga Kazakhstan!",
    ]
    assert known_organisations()["DVK"].kind is OrganisationKind.MOVEMENT


def test_generic_patterns_with_kinds() -> None:
    text = (
        "The ruling Nur Zhol party and the green party Baytur met the Ministry of Justice "
        "and the ministry of interior. The independent Kapital news outlet and the NGO "
        "Erkindik Kanaty reported that the Bostandyk District Court and the Foreign "
        "Ministry ignored the Civil Society Support Foundation."
    )
    result = dict(found(text))
    assert result["Nur Zhol"] is OrganisationKind.PARTY
    assert result["Baytur"] is OrganisationKind.PARTY
    assert result["Ministry of Justice"] is OrganisationKind.STATE_BODY
    assert result["Ministry of Interior"] is OrganisationKind.STATE_BODY
    assert result["Kapital"] is OrganisationKind.MEDIA
    assert result["Erkindik Kanaty"] is OrganisationKind.NGO
    assert result["Bostandyk District Court"] is OrganisationKind.COURT
    assert result["Foreign Ministry"] is OrganisationKind.STATE_BODY
    assert result["Civil Society Support Foundation"] is OrganisationKind.NGO


def test_bracketed_acronyms_and_translations_become_aliases() -> None:
    text = "The Kyrgyz Journalists Union (KJU) and the party Ata Jurt (“Fatherland”) complained."
    mentions = find_organisations(text)
    aliases = {m.name: m.alias for m in mentions}
    assert aliases["Kyrgyz Journalists Union"] == "KJU"
    assert aliases["Ata Jurt"] == "Fatherland"


def test_sentence_openers_are_not_organisations() -> None:
    names = [name for name, _ in found("The outlet’s editor left. In a party meeting, nothing.")]
    assert names == []


def test_organisations_named_after_their_kind_word() -> None:
    text = (
        "On 4 May the Almaly District Court heard the case of the online outlet Dala "
        "Sozi. Two hundred workers of Temir Servis struck; the trade union Enbek Birligi backed "
        "them. The leader of the movement Sharif Karimzoda was sentenced."
    )
    found = {(m.name, m.kind.value) for m in find_organisations(text)}
    assert ("Almaly District Court", "court") in found  # not "May the Almaly ..."
    assert ("Dala Sozi", "media") in found  # the sentence's full stop ends the name
    assert ("Temir Servis", "other") in found
    assert ("Enbek Birligi", "ngo") in found
    assert not any("Karimzoda" in name for name, _ in found)  # a person's name
