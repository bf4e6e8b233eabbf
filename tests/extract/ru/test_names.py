"""Russian person names: full names in any case reduced to the nominative, lone surnames,
and what is not a name. All people here are invented."""

from __future__ import annotations

import re
import socket
import time
from itertools import pairwise
from pathlib import Path

import pymorphy3
import pymorphy3_dicts_ru
import pytest

from civicwatch.core.vocab import Gender
from civicwatch.extract.lexicon import lower
from civicwatch.extract.names import NameMention
from civicwatch.extract.ru.name_forms import cases_of, nominative
from civicwatch.extract.ru.names import find_names


def found(text: str, exclude: list[tuple[int, int]] | None = None) -> list[tuple[str, str, bool]]:
    """(as written, name, full) of every mention."""
    return [(text[m.start : m.end], m.name, m.full) for m in find_names(text, exclude or [])]


def named(text: str) -> dict[str, NameMention]:
    return {text[m.start : m.end]: m for m in find_names(text)}


# -- full names in any case -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Суд осудил Марата Жыланбаева на семь лет.", "Марата Жыланбаева", "Марат Жыланбаев"),
        ("Айгерим Нурлановой назначили штраф.", "Айгерим Нурлановой", "Айгерим Нурланова"),
        (
            "Петрова Сергея Ивановича задержали утром.",
            "Петрова Сергея Ивановича",
            "Петров Сергей Иванович",
        ),
        (
            "Суд над Ольгой Николаевной Смирновой продолжается.",
            "Ольгой Николаевной Смирновой",
            "Ольга Николаевна Смирнова",
        ),
        ("Приговор Гульнаре Ахметовой огласили.", "Гульнаре Ахметовой", "Гульнара Ахметова"),
        ("Штраф назначили Асель Нуркеновой.", "Асель Нуркеновой", "Асель Нуркенова"),
        ("Дело Дильнар Инсеновой закрыли.", "Дильнар Инсеновой", "Дильнар Инсенова"),
        ("Полиция задержала Нурлана Жаулибаева.", "Нурлана Жаулибаева", "Нурлан Жаулибаев"),
        ("Суд оправдал Жаната Казакбая.", "Жаната Казакбая", "Жанат Казакбай"),
        (
            "С Анастасией Тихановской встретились.",
            "Анастасией Тихановской",
            "Анастасия Тихановская",
        ),
        ("Письмо Виктора Бабарико опубликовали.", "Виктора Бабарико", "Виктор Бабарико"),
        ("Защиту Алию Сарсенову признали виновной.", "Алию Сарсенову", "Алия Сарсенова"),
        ("Задержаны Анна Баран и другие.", "Анна Баран", "Анна Баран"),
        ("Задержан Сергей Соловей.", "Сергей Соловей", "Сергей Соловей"),
    ],
)
def test_full_names_in_any_case_are_named_in_the_nominative(
    text: str, written: str, name: str
) -> None:
    mention = named(text)[written]
    assert mention.full
    assert mention.name == name
    assert text[mention.start : mention.end] == written


def test_hyphenated_names_decline_part_by_part() -> None:
    text = "Указ Кассым-Жомарта Токаева и книга Римского-Корсакова."
    mentions = named(text)
    assert mentions["Кассым-Жомарта Токаева"].name == "Кассым-Жомарт Токаев"
    assert mentions["Римского-Корсакова"].name == "Римский-Корсаков"


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Задержан Жыланбаев М. вчера.", "Жыланбаев М.", "Жыланбаев М."),
        ("Задержан М. Жыланбаев вчера.", "М. Жыланбаев", "Жыланбаев М."),
        ("Осужден Жыланбаев М.А. вчера.", "Жыланбаев М.А.", "Жыланбаев М.А."),
        ("Дело в отношении Жыланбаева М.А. закрыто.", "Жыланбаева М.А.", "Жыланбаев М.А."),
        ("Осужден М.А. Жыланбаев вчера.", "М.А. Жыланбаев", "Жыланбаев М.А."),
        ("Осужден М. А. Жыланбаев вчера.", "М. А. Жыланбаев", "Жыланбаев М.А."),
        ("Письмо Дж. Садыкова пришло.", "Дж. Садыкова", "Садыков Дж."),
    ],
)
def test_initials_forms_are_named_surname_first(text: str, written: str, name: str) -> None:
    mention = named(text)[written]
    assert (mention.name, mention.full) == (name, True)


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        ("Активист Нурлан Сабыр уулу задержан.", "Нурлан Сабыр уулу", "Нурлан Сабыр уулу"),
        ("Суд оштрафовал Нурлана Сабыр уулу.", "Нурлана Сабыр уулу", "Нурлан Сабыр уулу"),
        ("Задержана Асель Бекова кызы.", "Асель Бекова кызы", "Асель Бекова кызы"),
        ("Освобожден Жанболат Мамайулы.", "Жанболат Мамайулы", "Жанболат Мамайулы"),
        ("Задержан Нурлан Сабыр-уулу.", "Нурлан Сабыр-уулу", "Нурлан Сабыр-уулу"),
        ("Приговор Толгонай Бековой кызы.", "Толгонай Бековой кызы", "Толгонай Бековой кызы"),
    ],
)
def test_kazakh_and_kyrgyz_patronymic_forms(text: str, written: str, name: str) -> None:
    assert named(text)[written].name == name


def test_the_father_s_name_with_the_particle_is_a_short_form() -> None:
    text = "Нурлан Сабыр уулу задержан. Позже Сабыр уулу объявил голодовку."
    short = named(text)["Сабыр уулу"]
    assert (short.name, short.full) == ("Сабыр", False)


def test_indeclinable_given_names_stay_as_written() -> None:
    assert named("Штраф Айгерим Нурлановой.")["Айгерим Нурлановой"].name == "Айгерим Нурланова"
    assert named("Иск Сауле Ермековой.")["Сауле Ермековой"].name == "Сауле Ермекова"


def test_all_caps_surname_beside_a_given_name() -> None:
    mention = named("В списке: ЖЫЛАНБАЕВ Марат Ахметович, 1980 г.р.")["ЖЫЛАНБАЕВ Марат Ахметович"]
    assert mention.name == "Жыланбаев Марат Ахметович"


def test_names_side_by_side_are_two_people() -> None:
    text = "Брат Марата Жыланбаева Ерлан Жыланбаев рассказал о задержании."
    assert found(text) == [
        ("Марата Жыланбаева", "Марат Жыланбаев", True),
        ("Ерлан Жыланбаев", "Ерлан Жыланбаев", True),
    ]
    text = "Адвокат Жыланбаева Айгерим Нурланова обжаловала приговор."
    assert [(w, n) for w, n, _ in found(text)] == [
        ("Жыланбаева", "Жыланбаев"),
        ("Айгерим Нурланова", "Айгерим Нурланова"),
    ]


def test_a_list_without_commas_is_cut_into_people() -> None:
    text = "Подсудимые\nМарат Жыланбаев Айгерим Нурланова\nПриговор"
    assert [n for _, n, _ in found(text)] == ["Марат Жыланбаев", "Айгерим Нурланова"]


def test_title_is_the_role_word_right_before_the_name() -> None:
    mentions = named("Судья Ахметова А. приговорила журналиста Марата Жыланбаева.")
    assert mentions["Марата Жыланбаева"].title == "журналист"
    assert mentions["Ахметова А."].title == "судья"
    assert named("Задержан Марат Жыланбаев.")["Марат Жыланбаев"].title is None


def test_possessive_is_never_set() -> None:
    assert not any(m.possessive for m in find_names("Дело Марата Жыланбаева и Жыланбаева."))


# -- lone surnames --------------------------------------------------------------------
def test_lone_surname_in_an_oblique_case() -> None:
    mention = named("Дело возбуждено в отношении Жыланбаева в марте.")["Жыланбаева"]
    assert (mention.name, mention.full) == ("Жыланбаев", False)


def test_lone_surnames_take_the_gender_of_the_full_name() -> None:
    text = (
        "Активистку Айгерим Нурланову задержали. Нурлановой назначили штраф. "
        "Нурланову отпустили, а Нурланова заявила о давлении."
    )
    lone = [(w, n) for w, n, full in found(text) if not full]
    assert lone == [
        ("Нурлановой", "Нурланова"),
        ("Нурланову", "Нурланова"),
        ("Нурланова", "Нурланова"),
    ]
    text = "Марата Жыланбаева задержали. Жыланбаеву предъявили обвинение, Жыланбаева арестовали."
    lone = [(w, n) for w, n, full in found(text) if not full]
    assert lone == [("Жыланбаеву", "Жыланбаев"), ("Жыланбаева", "Жыланбаев")]


def test_a_verb_after_a_lone_surname_gives_its_gender() -> None:
    assert named("Вчера Жыланбаева заявила о давлении.")["Жыланбаева"].name == "Жыланбаева"
    assert named("Вчера Жыланбаева допросили.")["Жыланбаева"].name == "Жыланбаев"


def test_lone_surnames_by_shape_and_dictionary() -> None:
    text = "Бяляцкого, Протасевича и Садырова этапировали. Лукашенко выступил. Иванова уволили."
    assert [n for _, n, full in found(text) if not full] == [
        "Бяляцкий",
        "Протасевич",
        "Садыров",
        "Лукашенко",
        "Иванов",
    ]


def test_a_surname_the_dictionary_knows_as_a_word_after_a_title_or_a_full_name() -> None:
    text = "Президент Токаев подписал закон. Токаев заявил."
    assert [(w, n) for w, n, _ in found(text)] == [("Токаев", "Токаев"), ("Токаев", "Токаев")]
    text = "Задержан Сергей Соловей. Соловья отпустили."
    assert found(text)[1] == ("Соловья", "Соловей", False)


def test_lone_given_names_are_not_reported() -> None:
    assert found("Айгерим рассказала о пытках. Марат молчал. Нурлана вызвали.") == []


def test_lone_surname_of_a_kazakh_full_name_without_surname_shape() -> None:
    text = "Жанболат Мамай осужден. Мамая этапировали."
    assert found(text)[1] == ("Мамая", "Мамай", False)


# -- what is not a name ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Верховный суд и Генеральная прокуратура не ответили.",
        "Вчера Суд отклонил жалобу. Кроме того, Ранее было иначе.",
        "Акции прошли в Алматы, Бишкеке, Минске и Казахстане.",
        "Алматы. Бишкек. Минск. Казахстан.",
        "По ст. 274 УК РК и ст. 20.3.3 КоАП РФ, а также УК РБ.",
        "ДЕЛО МАРАТА ЖЫЛАНБАЕВА: ПРИГОВОР",
        "В Марте и Мае, 12 Января и в Сентябре.",
        "Алмалинский районный суд и Ауэзовского района суд.",
        "Партия «Ак Жол», движение «Оян, Казахстан», Радио Азаттык.",
        "Human Rights Watch и Amnesty International призвали освободить всех.",
        "Депутаты Жогорку Кенеша провели обыск в Жанаозене.",
        "Снова Основа Готов. Часов через пять Один из них ушел.",
        "Пикет на ул. Жандосова, на проспекте Назарбаева и у школы имени Абая Кунанбаева.",
    ],
)
def test_not_names(text: str) -> None:
    assert found(text) == []


def test_names_inside_excluded_spans_are_not_found() -> None:
    text = "Фонд Марата Жыланбаева и Марат Жыланбаев."
    start = text.index("Фонд")
    end = text.index(" и ")
    mentions = find_names(text, [(start, end)])
    assert [(m.start, m.name) for m in mentions] == [(text.rindex("Марат"), "Марат Жыланбаев")]


def test_a_court_adjective_after_a_name_is_cut_off() -> None:
    text = "Журналиста Марата Жыланбаева Медеуский районный суд приговорил к штрафу."
    assert found(text) == [("Марата Жыланбаева", "Марат Жыланбаев", True)]


def test_a_name_in_quotes_is_a_title() -> None:
    assert found("Фильм «Марат Жыланбаев» вышел.") == []


def test_mentions_are_ordered_and_never_overlap() -> None:
    text = (
        "Судья Нуржан Ахметов приговорил Марата Жыланбаева и Айгерим Нурланову. "
        "Жыланбаев и Нурланова обжаловали приговор. Ахметова М.А. вызвали."
    )
    mentions = find_names(text)
    assert len(mentions) == 6
    for before, after in pairwise(mentions):
        assert before.end <= after.start


def test_offsets_with_the_pipeline_s_lower_cased_text() -> None:
    text = "Ёлкину Алёну задержали **активистку** Алёну Ёлкину.\u00a0Ёлкина молчит."
    assert find_names(text, low=lower(text)) == find_names(text)
    assert [m.name for m in find_names(text)] == ["Ёлкина Алёна", "Алёна Ёлкина", "Ёлкина"]


# -- the morphology -------------------------------------------------------------------
def test_nominative_of_one_word() -> None:
    assert nominative("Жыланбаева") == "Жыланбаев"
    assert nominative("Жыланбаева", Gender.FEMALE) == "Жыланбаева"
    assert nominative("Нурлановой") == "Нурланова"
    assert nominative("Марата") == "Марат"
    assert nominative("Xyz") == "Xyz"


def test_cases_of_a_written_name() -> None:
    assert cases_of("Марата Жыланбаева") == {"gent", "accs"}
    assert "nomn" in cases_of("Айгерим Нурланова")
    assert cases_of("Марату") == {"datv"}


def test_the_dictionary_loads_from_its_package_without_the_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = Path(pymorphy3_dicts_ru.get_path())
    assert (path / "words.dawg").is_file()
    analyser = pymorphy3.MorphAnalyzer(path=str(path), lang="ru")
    assert analyser.parse("Марата")[0].normal_form == "марат"


def test_speed_on_a_long_report() -> None:
    paragraph = (
        "12 марта суд приговорил гражданского активиста Бауыржана Сейтказина{n} к пяти годам "
        "лишения свободы по ч. 2 ст. 405 УК РК. Сейтказин{n} вину не признал. Его защитник "
        "Гульмира Оспанова{n} заявила, что обжалует приговор. Ранее, в феврале, Верховный суд "
        "оставил в силе штраф журналистке Айгерим Нурлановой{n} в размере 100 МРП.\n\n"
    )
    suffixes = ["", "ова", "ева", "ина"]
    text = "".join(paragraph.format(n=suffixes[i % 4]) for i in range(400))
    words = len(re.findall(r"\w+", text))
    find_names(text[:2000])  # the dictionary is loaded once per process
    started = time.perf_counter()
    find_names(text)
    elapsed = time.perf_counter() - started
    assert words / elapsed > 40_000, f"{words / elapsed:.0f} words/s"
