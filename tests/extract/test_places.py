"""Places from the gazetteer and from patterns (civicwatch.extract.places)."""

from __future__ import annotations

from civicwatch.core.vocab import PlaceKind
from civicwatch.extract.places import find_places, gazetteer, lookup_place


def test_gazetteer_covers_the_region_with_coordinates() -> None:
    entries = {entry.name: entry for entry in gazetteer().values()}
    assert len(entries) >= 300
    for name, country in [
        ("Almaty", "KZ"),
        ("Bishkek", "KG"),
        ("Dushanbe", "TJ"),
        ("Tashkent", "UZ"),
        ("Baku", "AZ"),
        ("Yerevan", "AM"),
        ("Tbilisi", "GE"),
        ("Minsk", "BY"),
        ("Moscow", "RU"),
        ("Khorog", "TJ"),
        ("Zhanaozen", "KZ"),
    ]:
        entry = entries[name]
        assert entry.country == country
        assert entry.latitude is not None and entry.longitude is not None
        assert -90 <= entry.latitude <= 90 and -180 <= entry.longitude <= 180
    # coordinates roughly in the right place
    assert 42 < entries["Almaty"].latitude < 44 and 76 < entries["Almaty"].longitude < 78
    assert 53 < entries["Minsk"].latitude < 55 and 27 < entries["Minsk"].longitude < 28.5


def test_aliases_and_cyrillic_spellings() -> None:
    assert lookup_place("Nur-Sultan").name == "Astana"
    assert lookup_place("Алматы").name == "Almaty"
    assert lookup_place("khujand").name == "Khujand"
    assert lookup_place("Atlantis") is None


def names(text: str) -> list[tuple[str, PlaceKind]]:
    return [(p.name, p.kind) for p in find_places(text)]


def test_known_places_prefer_the_longest_spelling() -> None:
    found = names("Protests in Almaty region, then Almaty and Ust-Kamenogorsk; Минск too.")
    assert found == [
        ("Almaty region", PlaceKind.REGION),
        ("Almaty", PlaceKind.CITY),
        ("Oskemen", PlaceKind.CITY),
        ("Minsk", PlaceKind.CITY),
    ]


def test_generic_regions_cities_and_buildings() -> None:
    text = (
        "In the Zhambul region, a Kazybek-based blogger was held in SIZO No. 2 after the "
        "Saryarka District Court ruled; a picket near the embassy of Turkmenistan and the "
        "Chinese consulate, in the village of Kok-Tash, and in penal colony No. 3."
    )
    found = names(text)
    assert ("Zhambul region", PlaceKind.REGION) in found
    assert ("Kazybek", PlaceKind.CITY) in found
    assert ("SIZO No. 2", PlaceKind.BUILDING) in found
    assert ("Saryarka District Court", PlaceKind.BUILDING) in found
    assert ("embassy of Turkmenistan", PlaceKind.BUILDING) in found
    assert ("Chinese consulate", PlaceKind.BUILDING) in found
    assert ("Kok-Tash", PlaceKind.CITY) in found
    assert ("penal colony No. 3", PlaceKind.BUILDING) in found


def test_no_places_inside_words_or_after_sentence_openers() -> None:
    assert names("Kazakhstani officials and Moscowitz met.") == []
    found = names("In Zhetysu region and Sughd region.")
    assert [n for n, _ in found] == ["Zhetysu region", "Sughd region"]
