"""Russian role cues around a name: the role, the office flag, the cue and its number.
All people here are invented."""

from __future__ import annotations

import pytest

from civicwatch.core.vocab import PersonRole
from civicwatch.extract.lexicon import lower
from civicwatch.extract.roles import RoleCue
from civicwatch.extract.ru.names import find_names
from civicwatch.extract.ru.roles import (
    cue_forms,
    is_role_word,
    reported_cues,
    role_cue,
    role_words,
    title_before,
    title_of,
)


def cues(text: str) -> dict[str, RoleCue]:
    """The cue of every name mention, by the name (sentence = whole text)."""
    low = lower(text)
    return {
        m.name: role_cue(text, m.start, m.end, 0, len(text), low) for m in find_names(text, low=low)
    }


def cue_of(text: str, written: str) -> RoleCue:
    start = text.index(written)
    return role_cue(text, start, start + len(written))


@pytest.mark.parametrize(
    ("text", "written", "role", "cue"),
    [
        (
            "Суд оштрафовал активистку Айгерим Нурланову.",
            "Айгерим Нурланову",
            "activist",
            "активистка",
        ),
        (
            "Штраф назначили активистке Айгерим Нурлановой.",
            "Айгерим Нурлановой",
            "activist",
            "активистка",
        ),
        ("Задержали журналиста Марата Жыланбаева.", "Марата Жыланбаева", "journalist", "журналист"),
        (
            "Задержали журналиста издания «Власть» Марата Жыланбаева.",
            "Марата Жыланбаева",
            "journalist",
            "журналист",
        ),
        ("Блогер из Шымкента Ерлан Садыров задержан.", "Ерлан Садыров", "blogger", "блогер"),
        (
            "Правозащитница Жанна Абенова заявила.",
            "Жанна Абенова",
            "human_rights_defender",
            "правозащитница",
        ),
        (
            "Оппозиционного политика Марата Жыланбаева осудили.",
            "Марата Жыланбаева",
            "politician",
            "оппозиционный политик",
        ),
        (
            "Лидера партии «Алга» Марата Жыланбаева осудили.",
            "Марата Жыланбаева",
            "politician",
            "лидер партии",
        ),
        ("Депутат Ерлан Садыров выступил.", "Ерлан Садыров", "politician", "депутат"),
        ("Оппозиционер Марат Жыланбаев осужден.", "Марат Жыланбаев", "activist", "оппозиционер"),
        (
            "Супруга Марата Жыланбаева Гульнара Жыланбаева заявила.",
            "Гульнара Жыланбаева",
            "relative",
            "супруга",
        ),
        ("Ее брат Ерлан Садыров задержан.", "Ерлан Садыров", "relative", "брат"),
        ("Пенсионерку Жанну Абенову оштрафовали.", "Жанну Абенову", "other", "пенсионерка"),
    ],
)
def test_cue_before_the_name_in_any_case(text: str, written: str, role: str, cue: str) -> None:
    found = cue_of(text, written)
    assert found.role is PersonRole(role)
    assert found.cue == cue


@pytest.mark.parametrize(
    ("text", "written", "role"),
    [
        ("Марат Жыланбаев, активист движения «Оян», задержан.", "Марат Жыланбаев", "activist"),
        (
            "Марату Жыланбаеву (блогеру из Шымкента) назначили арест.",
            "Марату Жыланбаеву",
            "blogger",
        ),
        (
            "Айгерим Нурланова – правозащитница из Алматы.",
            "Айгерим Нурланова",
            "human_rights_defender",
        ),
        (
            "Марат Жыланбаев, который является журналистом, задержан.",
            "Марат Жыланбаев",
            "journalist",
        ),
    ],
)
def test_cue_in_an_apposition_after_the_name(text: str, written: str, role: str) -> None:
    assert cue_of(text, written).role is PersonRole(role)


def test_a_relative_clause_with_its_own_subject_is_no_apposition() -> None:
    text = "Марат Жыланбаев, которого прокурор назвал лидером, вину не признал."
    assert cue_of(text, "Марат Жыланбаев") == RoleCue(None, False)


def test_a_verb_between_cue_and_name_makes_the_name_its_object() -> None:
    text = "Судья приговорил Марата Жыланбаева к штрафу."
    assert cue_of(text, "Марата Жыланбаева").role is None
    text = "Судья Нуржан Ахметов приговорил Марата Жыланбаева к штрафу."
    found = cues(text)
    assert found["Марат Жыланбаев"].role is None
    assert found["Нуржан Ахметов"] == RoleCue(PersonRole.OFFICIAL, True, "судья", False)


def test_the_cue_must_agree_in_case_with_the_name() -> None:
    # "брат Марата": Marat's brother, not Marat
    text = "Брат Марата Жыланбаева Ерлан Жыланбаев рассказал о задержании."
    found = cues(text)
    assert found["Марат Жыланбаев"].role is None
    assert found["Ерлан Жыланбаев"].role is PersonRole.RELATIVE
    # "брата Марата": Marat may be the brother
    assert cue_of("Задержали брата Марата Жыланбаева.", "Марата Жыланбаева").role is (
        PersonRole.RELATIVE
    )


@pytest.mark.parametrize(
    ("text", "written", "cue"),
    [
        ("Судья Нуржан Ахметов огласил приговор.", "Нуржан Ахметов", "судья"),
        ("Прокурор Ерлан Садыров запросил семь лет.", "Ерлан Садыров", "прокурор"),
        ("Следователь Ерлан Садыров вызвал его.", "Ерлан Садыров", "следователь"),
        ("Президент Касым-Жомарт Токаев подписал закон.", "Касым-Жомарт Токаев", "президент"),
        ("Министр Ерлан Садыров заявил.", "Ерлан Садыров", "министр"),
        ("Аким Ерлан Садыров отказал.", "Ерлан Садыров", "аким"),
        (
            "Сотрудник полиции Ерлан Садыров составил протокол.",
            "Ерлан Садыров",
            "сотрудник полиции",
        ),
    ],
)
def test_office_holders(text: str, written: str, cue: str) -> None:
    assert cue_of(text, written) == RoleCue(PersonRole.OFFICIAL, True, cue, False)


def test_a_lawyer_acting_for_someone_holds_an_office() -> None:
    assert cue_of("Его адвокат Айгерим Нурланова заявила.", "Айгерим Нурланова").office
    assert cue_of("Адвокат Айгерим Нурланова заявила.", "Айгерим Нурланова") == RoleCue(
        PersonRole.LAWYER, False, "адвокат", False
    )
    text = "Адвокат Жыланбаева Айгерим Нурланова обжаловала приговор."
    found = cues(text)
    assert found["Айгерим Нурланова"] == RoleCue(PersonRole.LAWYER, True, "адвокат", False)
    assert found["Жыланбаев"].role is None  # the client, not the lawyer


def test_plural_cue_covers_a_list_of_names() -> None:
    text = "Суд оштрафовал активистов Марата Жыланбаева и Айгерим Нурланову."
    found = cues(text)
    expected = RoleCue(PersonRole.ACTIVIST, False, "активист", True)
    assert found["Марат Жыланбаев"] == expected
    assert found["Айгерим Нурланова"] == expected


def test_reported_cues() -> None:
    assert {"политзаключенный", "политзаключенная", "задержанный", "осужденный"} <= (
        reported_cues()
    )
    assert "журналист" not in reported_cues()
    text = "Политзаключенного Марата Жыланбаева перевели в колонию."
    assert cue_of(text, "Марата Жыланбаева").cue in reported_cues()
    text = "Осужденной Айгерим Нурлановой отказали в свидании."
    assert cue_of(text, "Айгерим Нурлановой").cue == "осужденная"


def test_the_sentence_bounds_the_cue() -> None:
    text = "Он журналист. Марат Жыланбаев задержан."
    start = text.index("Марат")
    assert role_cue(text, start, start + 15, start, len(text)).role is None
    assert role_cue(text, start, start + 15, 0, len(text)).role is None  # a full stop between


def test_no_cue() -> None:
    assert cue_of("Марат Жыланбаев задержан в Алматы.", "Марат Жыланбаев") == RoleCue(None, False)


def test_title_before_and_title_of() -> None:
    text = "журналиста Марата Жыланбаева и сотрудника полиции Ерлана Садырова"
    assert title_before(text, text.index("Марата")) == "журналист"
    assert title_before(text, text.index("Ерлана")) == "сотрудник полиции"
    assert title_before(text, text.index("и ")) is None
    judge = title_of("судьи")
    assert judge is not None and judge.role is PersonRole.OFFICIAL and judge.office
    journalist = title_of("Журналистке")
    assert journalist is not None and journalist.role is PersonRole.JOURNALIST
    assert not journalist.office
    assert title_of("Марат") is None


def test_every_cue_has_its_case_forms() -> None:
    forms = cue_forms()
    for phrase in role_words():
        made = {form for form, found in forms.items() if any(f.cue == phrase for f in found)}
        assert len(made) >= 4, (phrase, made)
    assert is_role_word("активистке") and is_role_word("Правозащитников")
    assert not is_role_word("Марата")


def test_a_representative_is_an_official_only_for_a_state_body() -> None:
    text = "Представитель МВД Ерлан Садыров заявил, что нарушений не было."
    assert cue_of(text, "Ерлан Садыров") == RoleCue(
        PersonRole.OFFICIAL, True, "представитель", False
    )
    text = "Представитель движения «Оян, Казахстан» Марат Жыланбаев задержан."
    assert cue_of(text, "Марат Жыланбаев") == RoleCue(
        PersonRole.OTHER, False, "представитель", False
    )
    text = "Ерлан Садыров, пресс-секретарь Медеуского районного суда, сообщил."
    assert cue_of(text, "Ерлан Садыров").office
