"""Name keys, similarity and identity across spellings (civicwatch.core.names)."""

from __future__ import annotations

import pytest

from civicwatch.core.names import (
    guess_gender,
    name_key,
    name_similarity,
    name_tokens,
    normalise_name,
    same_person,
    surname_of,
)
from civicwatch.core.vocab import Gender


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Айгерим Тлеубаева", "Aigerim Tleubayeva"),
        ("Aigerim Tleubaeva", "Aigerim Tleubayeva"),
        ("Tleubayeva Aigerim", "Aigerim Tleubayeva"),
        ("Zhanbolat Mamai", "Janbolat Mamay"),
        ("Жанболат Мамай", "Zhanbolat Mamay"),
        ("Baibolat Kunbolatuly", "Baibolat Kunbolatuli"),
        ("Kassym-Jomart Tokayev", "Kasym-Zhomart Tokaev"),
        ("Gulzhan Yergalieva", "Gulzhan Ergaliyeva"),
        ("Nurlan Khasenov", "Nurlan Hasenov"),
        ("Дмитрий Муратов", "Dmitriy Muratov"),
        ("Alexei Navalny", "Алексей Навальный"),
        ("Ilya Yashin", "Илья Яшин"),
        ("Xolmatov", "Kholmatov"),
        ("Azamat Sydykov uulu", "Azamat Sydykov"),
        ("Ivanov Ivan Ivanovich", "Ivan Ivanov"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert name_similarity(a, b) == 1.0
    assert same_person(a, b)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Mamai", "Zhanbolat Mamai"),
        ("Mamay", "Zhanbolat Mamai"),
        ("Aikorkem", "Aikorkem Meldekhan"),
        ("A. Ivanov", "Alexei Ivanov"),
        ("Seytkaliev", "Kairat Seitkaliyev"),
        ("Khadija Ismayilova", "Xədicə İsmayılova"),
    ],
)
def test_partial_names_match_the_full_name(short: str, full: str) -> None:
    assert same_person(short, full)
    assert same_person(full, short)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sultanbek", "Kenzhebek Sultanbekov"),  # a suffix makes another surname
        ("Mubarak", "Aydar Mubarakov"),
        ("Tleubaev", "Tleubaeva"),  # brother and sister, not spellings
        ("Dinara Mubarak", "Dinara Yegeubayeva"),
        ("Kairat Sultanbek", "Kenzhebek Sultanbekov"),
        ("A. B.", "Alexei Borisov"),
        ("", "Alexei Borisov"),
    ],
)
def test_different_people_do_not_match(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_similarity_is_order_insensitive_and_graded() -> None:
    assert name_similarity("Ivanov Petr", "Petr Ivanov") == 1.0
    close = name_similarity("Marat Zhylanbayev", "Marat Zhilanbaev")
    far = name_similarity("Marat Zhylanbayev", "Venera Zhanbayeva")
    assert 0.0 <= far < close <= 1.0
    assert name_similarity("", "Marat") == 0.0


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Aigerim Tleubayeva", Gender.FEMALE),
        ("Marat Zhylanbayev", Gender.MALE),
        ("Baibolat Kunbolatuly", Gender.MALE),
        ("Aizhan Kairatkyzy", Gender.FEMALE),
        ("Olga Petrovna Smirnova", Gender.FEMALE),
        ("Dinara Mubarak", Gender.UNKNOWN),
        ("Ilya Yashin", Gender.MALE),
        ("", Gender.UNKNOWN),
    ],
)
def test_gender_from_endings(name: str, gender: Gender) -> None:
    assert guess_gender(name) is gender


def test_normalise_name_tidies_display_forms() -> None:
    assert normalise_name("  **Zhanbolat   MAMAI’s** ") == "Zhanbolat Mamai"
    assert normalise_name("“Inga Imanbai”,") == "Inga Imanbai"
    assert normalise_name("") == ""


def test_surname_and_tokens() -> None:
    assert surname_of("Zhanbolat Mamai") == "Mamai"
    assert surname_of("MAMAI Zhanbolat") == "MAMAI"
    assert surname_of("Ivanov Ivan Ivanovich") == "Ivanov"
    assert name_tokens("Kassym-Jomart Tokayev") == ["kasim", "jomart", "tokaev"]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Abenov K.", "Kairat Abenov"),
        ("Abenov K.S.", "Kairat Abenov"),
        ("K.S. Abenov", "Kairat Serikovich Abenov"),
        ("Elvin Tahir oglu", "Elvin Tahir"),
        ("Leyla Ali gizi", "Leyla Ali"),
    ],
)
def test_initials_written_together_and_particles(short: str, full: str) -> None:
    assert same_person(short, full)


def test_glued_initials_still_keep_people_apart() -> None:
    assert not same_person("Abenov K.S.", "Bolat Abenov")
    assert not same_person("K.S.", "Kairat Serikov")
    assert name_tokens("K.S. Abenov") == ["k", "s", "abenov"]


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Maryia Kalesnikava", Gender.FEMALE), ("Daniil Ramanau", Gender.MALE)],
)
def test_belarusian_endings(name: str, gender: Gender) -> None:
    assert guess_gender(name) is gender


def test_initials_are_kept_and_never_the_surname() -> None:
    assert normalise_name("Abenov K.S.") == "Abenov K.S."
    assert normalise_name("Zhumagulov A.,") == "Zhumagulov A."
    assert normalise_name("Kairat Abenov.") == "Kairat Abenov"
    assert surname_of("Abenov K.S.") == "Abenov"
    assert surname_of("K. S. Abenov") == "Abenov"


@pytest.mark.parametrize(
    ("full", "initials"),
    [
        ("Юрий Анатольевич Ковшик", "Ковшик Ю.А."),
        ("Яна Сергеевна Ломако", "Ломако Я.С."),
        ("Shukhrat Yuldashev", "Юлдашев Ш."),
    ],
)
def test_a_cyrillic_initial_is_one_letter_whatever_its_romanisation(
    full: str, initials: str
) -> None:
    assert same_person(full, initials)
