"""Russian reports through the whole pipeline: names in their cases clustered into one
person, lists, respectively, custody after a detention (invented people)."""

from __future__ import annotations

from civicwatch.core.names import same_person
from civicwatch.extract import extract_records


def persons(text: str) -> dict[str, list[tuple[str, str | None]]]:
    result = extract_records(text, "2025-06-01", language="ru")
    assert result.document.language == "ru"
    return {
        person.name: [(o.kind.value, o.amount) for o in person.outcomes]
        for person in result.persons
    }


def test_a_kazakh_patronymic_does_not_cut_the_name_in_two() -> None:
    found = persons(
        "Суд приговорил Тимура Ержановича Сапарбекова к 6 годам лишения свободы по ст. 405 УК РК."
    )
    assert found == {"Тимур Ержанович Сапарбеков": [("prison", "6 years")]}


def test_an_unknown_surname_after_a_patronymic_stays_in_the_name() -> None:
    found = persons("Павел Игоревич Мацкевя осужден к 3 годам колонии по ст. 342 УК.")
    assert list(found) == ["Павел Игоревич Мацкевя"]


def test_women_with_undeclined_given_names_keep_the_feminine_surname() -> None:
    found = persons(
        "Суд арестовал Айдай Токтосунову на два месяца. "
        "Гульнур Рахимбаева задержана; ей назначен штраф 20 МРП."
    )
    assert "Айдай Токтосунова" in found
    assert "Гульнур Рахимбаева" in found


def test_a_name_with_kyzy_and_an_unknown_given_name() -> None:
    found = persons("Суд признал Нурсулу Абдыкадыр кызы виновной и назначил ей штраф 50 000 сомов.")
    assert list(found) == ["Нурсулу Абдыкадыр кызы"]


def test_two_people_joined_by_i_share_a_respectively() -> None:
    found = persons(
        "Кенжебаевой А. и Муратову Б. суд назначил два и три года ограничения свободы "
        "соответственно."
    )
    assert found == {
        "Кенжебаева А.": [("restricted_freedom", "2 years")],
        "Муратов Б.": [("restricted_freedom", "3 years")],
    }


def test_a_detention_followed_by_custody_is_pre_trial_detention() -> None:
    found = persons(
        "Журналистка Айна Сейтова была задержана 14 апреля и с тех пор содержится в СИЗО."
    )
    assert found == {"Айна Сейтова": [("pretrial_detention", None)]}


def test_initials_with_a_patronymic_and_a_surname_in_vich() -> None:
    assert same_person("Михаил Юрьевич Лашкевич", "Лашкевич М.Ю.")
    assert same_person("Лашкевич Михаил Юрьевич", "Михаил Лашкевич")
    assert not same_person("Михаил Юрьевич Лашкевич", "Лашкевич А.Ю.")
