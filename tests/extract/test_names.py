"""Person-name mentions and role cues (civicwatch.extract.names)."""

from __future__ import annotations

from civicwatch.core.vocab import PersonRole
from civicwatch.extract.names import find_names, find_tokens, role_cue
from civicwatch.extract.organisations import find_organisations
from civicwatch.extract.places import find_places


def full_names(text: str) -> list[str]:
    spans = sorted(
        [(p.start, p.end) for p in find_places(text)]
        + [(o.start, o.end) for o in find_organisations(text)]
    )
    return [m.name for m in find_names(text, spans) if m.full]


def test_central_asian_and_slavic_names_in_lists() -> None:
    text = (
        "Activists Nurzhan Abdulov, Saule Ospanova and Timur Akhmetov were detained in "
        "Shymkent, while blogger Kassym-Jomart Beisenov was questioned. Police later "
        "detained Ali bin Hasan and Aziz ogly Mammadov."
    )
    names = full_names(text)
    assert names[:4] == [
        "Nurzhan Abdulov",
        "Saule Ospanova",
        "Timur Akhmetov",
        "Kassym-Jomart Beisenov",
    ]
    assert "Ali bin Hasan" in names


def test_titles_organisations_places_and_months_are_not_people() -> None:
    text = (
        "President Serik Tulenov met the Criminal Code working group. Human Rights Watch "
        "and the Street Party protested on Republic Square in Almaty in January. The "
        "Kostanay Regional Court and Gandhi Park were mentioned, as was Bloody January. "
        "The Amanat party and International Women’s Day too."
    )
    names = full_names(text)
    assert names == ["Serik Tulenov"]
    found = find_names(text)
    tulenov = next(m for m in found if m.name == "Serik Tulenov")
    assert tulenov.title == "President"


def test_words_the_document_uses_in_lower_case_are_not_name_parts() -> None:
    text = "Protesters gathered. Yesterday Protesters Aibek Dosov was fined; the protesters left."
    assert full_names(text) == ["Aibek Dosov"]


def test_given_names_that_are_words_survive() -> None:
    text = "The court will mark the date. Military officer Mark Zhunusov was convicted."
    assert "Mark Zhunusov" in full_names(text)


def test_cyrillic_names_and_initials() -> None:
    text = "Суд приговорил Жанболата Мамая. Later A. Ivanov and Бахыт Сейткали appealed."
    names = full_names(text)
    assert "A. Ivanov" in names
    assert "Бахыт Сейткали" in names


def test_single_tokens_possessives_and_hyphen_compounds() -> None:
    text = "Four-year-old Aliya Seitova died. Aliya’s father and Seitova's lawyer spoke."
    found = find_names(text)
    full = [m for m in found if m.full]
    assert [m.name for m in full] == ["Aliya Seitova"]
    singles = [(m.name, m.possessive) for m in found if not m.full]
    assert ("Aliya", True) in singles
    assert ("Seitova", True) in singles


def test_find_tokens_whole_words_only() -> None:
    text = "Mamai and Mamai’s wife, not Mamaiev."
    assert [t for _, _, t in find_tokens(text, {"Mamai"})] == ["Mamai", "Mamai"]
    assert find_tokens(text, set()) == []


def role_of(text: str, name: str) -> tuple[PersonRole | None, bool]:
    start = text.index(name)
    cue = role_cue(text, start, start + len(name))
    return cue.role, cue.office


def test_role_cues_before_and_after_the_name() -> None:
    text = (
        "Journalist of Vlast.kz Daria Petrova and activists Bolat Nurov, Asel Kim and "
        "Erlan Tokhtarov were fined. Opposition politician Amir Saitov spoke. Zhanna Ermek, "
        "the leader of the unregistered Alga party, was charged. Marat Isayev's wife Gaukhar "
        "Isayeva was summoned. Police officer Nurlan Beisov testified. Timur Bek (a blogger) "
        "was searched. Former police officer Dastan Ali was sentenced."
    )
    assert role_of(text, "Daria Petrova") == (PersonRole.JOURNALIST, False)
    assert role_of(text, "Erlan Tokhtarov") == (PersonRole.ACTIVIST, False)
    assert role_of(text, "Amir Saitov") == (PersonRole.POLITICIAN, False)
    assert role_of(text, "Zhanna Ermek") == (PersonRole.POLITICIAN, False)
    assert role_of(text, "Gaukhar Isayeva") == (PersonRole.RELATIVE, False)
    assert role_of(text, "Nurlan Beisov") == (PersonRole.OFFICIAL, True)
    assert role_of(text, "Timur Bek") == (PersonRole.BLOGGER, False)
    assert role_of(text, "Dastan Ali")[0] is PersonRole.OFFICIAL


def test_role_cue_is_not_taken_across_a_clause() -> None:
    text = "The journalist said the court was closed. Later, Ruslan Omarov was detained."
    assert role_of(text, "Ruslan Omarov") == (None, False)
