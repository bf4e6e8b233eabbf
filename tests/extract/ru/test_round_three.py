"""Round three of the Russian pack through the whole pipeline (invented people and texts):
speakers, lists under a lead-in, numbered items, ages, amounts with "соответственно",
releases, names beside patronymics and initials, lawyers who write or speak, demands."""

from __future__ import annotations

from civicwatch.extract import extract_records


def persons(text: str) -> dict[str, list[tuple[str, str | None]]]:
    result = extract_records(text, "2026-05-01", language="ru")
    return {
        person.name: [(o.kind.value, o.amount) for o in person.outcomes]
        for person in result.persons
    }


def articles(text: str) -> dict[str, list[str]]:
    result = extract_records(text, "2026-05-01", language="ru")
    return {person.name: list(person.articles) for person in result.persons}


def test_a_lawyer_who_tells_the_verdict_gets_none_of_it() -> None:
    found = persons(
        "Как рассказал адвокат Нурлан Сейдахметов, суд назначил активисту Бауыржану "
        "Кенжебаеву 10 суток ареста. Адвокат Нурлан Сейдахметов заявил, что постановление "
        "будет обжаловано."
    )
    assert found == {"Бауыржан Кенжебаев": [("admin_detention", "10 days")]}


def test_a_penalty_for_each_reaches_the_names_listed_under_this_is() -> None:
    text = (
        "Суд признал пятерых участников пикета виновными по ч. 3 ст. 488 КоАП РК и назначил "
        "каждому из них по 15 суток административного ареста. Это:\n"
        "• Ерболат Сагындыков;\n"
        "• Мадина Жумагулова;\n"
        "• Асылхан Турсунбаев.\n"
    )
    found = persons(text)
    assert found == {
        "Ерболат Сагындыков": [("admin_detention", "15 days")],
        "Мадина Жумагулова": [("admin_detention", "15 days")],
        "Асылхан Турсунбаев": [("admin_detention", "15 days")],
    }
    assert all(labels == ["CAO 488"] for labels in articles(text).values())


def test_an_item_with_its_own_penalty_keeps_it() -> None:
    found = persons(
        "Суд оштрафовал сторонников партии по 50 МРП каждого:\n"
        "— Серик Абенов;\n"
        "— Жанат Оспанов — штраф 100 МРП, как повторно привлеченному.\n"
    )
    assert found["Серик Абенов"] == [("fine", "50 MCI")]
    assert found["Жанат Оспанов"] == [("fine", "100 MCI")]


def test_numbered_items_under_a_verdict_heading_take_the_article_before_it() -> None:
    text = (
        "Всех троих признали виновными по ч. 1 ст. 342 УК РБ.\n\n"
        "Приговоры распределились так:\n\n"
        "1. Андрей Павлович Сушкевич, 38 лет, электрик, — два года колонии.\n\n"
        "2–3. Ивану Рогачевичу, студенту, и пенсионерке Зинаиде Лапицкой суд назначил штрафы "
        "— 120 и 80 базовых величин соответственно.\n"
    )
    found = persons(text)
    assert found == {
        "Андрей Павлович Сушкевич": [("prison", "2 years")],
        "Иван Рогачевич": [("fine", "120 base units")],
        "Зинаида Лапицкая": [("fine", "80 base units")],
    }
    assert all(labels == ["CC 342"] for labels in articles(text).values())


def test_each_after_a_bulleted_list_is_its_people() -> None:
    found = persons(
        "Приговоры:\n"
        "- Крупенько А.В. — 3 года лишения свободы;\n"
        "- Седнев П. — 4 года колонии.\n\n"
        "Кроме того, каждому назначен штраф в размере 100 базовых величин.\n"
    )
    assert found == {
        "Крупенько А.В.": [("prison", "3 years"), ("fine", "100 base units")],
        "Седнев П.": [("prison", "4 years"), ("fine", "100 base units")],
    }


def test_an_age_is_no_prison_term() -> None:
    found = persons(
        "Студенту Арману Тлеубердину, которому 20 лет, суд назначил 7 суток ареста. "
        "Вадим Станиславович Мельник, 52 года, инженер, получил три года колонии."
    )
    assert found["Арман Тлеубердин"] == [("admin_detention", "7 days")]
    assert found["Вадим Станиславович Мельник"] == [("prison", "3 years")]


def test_fines_of_a_pensioner_are_fines() -> None:
    found = persons("Суд оштрафовал 70-летнюю пенсионерку Раушан Бектемирову на 30 МРП.")
    assert found == {"Раушан Бектемирова": [("fine", "30 MCI")]}


def test_a_release_from_a_colony_in_either_word_order() -> None:
    found = persons(
        "12 марта на свободу вышел активист Даулет Искаков. "
        "14 марта из колонии в Гомеле вышел блогер Степан Лозовский. "
        "Журналистка Алия Кенесбаева вышла из колонии в тот же день."
    )
    assert all(("released", None) in outcomes for outcomes in found.values())
    assert len(found) == 3


def test_names_beside_patronymics_and_initials_that_read_as_words() -> None:
    found = persons(
        "Суд приговорил Ивана Петровича Ковшика к трем годам колонии. "
        "В 2021 году Ковшик И.П. перевел деньги фонду."
    )
    assert list(found) == ["Иван Петрович Ковшик"]


def test_a_lawyer_who_signs_a_statement_is_not_a_person_of_the_case() -> None:
    found = persons(
        "Заявление адвоката К.Б. Ахметовой в связи с продлением ареста журналиста "
        "Жанибека Сарсенова\n\n"
        "Я, адвокат Ахметова Камила Бериковна, представляю интересы журналиста Жанибека "
        "Сарсенова. 20 апреля суд продлил моему подзащитному срок содержания под стражей на "
        "два месяца."
    )
    assert list(found) == ["Жанибек Сарсенов"]
    assert ("pretrial_detention", "2 months") in found["Жанибек Сарсенов"]


def test_a_demand_is_no_outcome() -> None:
    found = persons(
        "Коалиция призывает:\n"
        "1. Городской суд — отменить приговор Ерлану Сапарову и освободить его;\n"
        "2. до рассмотрения жалобы — изменить Ерлану Сапарову меру пресечения на домашний арест.\n"
    )
    assert all(not outcomes for outcomes in found.values())
