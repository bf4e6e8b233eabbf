"""Russian event triggers and states of custody: the same EventType values and state keys as
the English finder (tests/extract/test_triggers.py). All people invented."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.vocab import EventType as E
from civicwatch.core.vocab import Freedom
from civicwatch.extract.ru.triggers import (
    compile_lexicon,
    find_states,
    find_triggers,
    fold,
    freedom_context,
)


def types(text: str) -> list[E]:
    return [trigger.type for trigger in find_triggers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Полицейские задержали Азамата Бекова у акимата.", E.DETENTION),
        ("Журналистка Алия Сериккызы была задержана в аэропорту.", E.DETENTION),
        ("Задержаны трое участников пикета.", E.DETENTION),
        ("Его доставили в отдел полиции.", E.DETENTION),
        ("Блогер Тимур Касенов арестован.", E.ARREST),
        ("Суд арестовал на 10 суток активиста.", E.ADMINISTRATIVE_DETENTION),
        ("Ему назначили административный арест.", E.ADMINISTRATIVE_DETENTION),
        ("Суд приговорил Марата Есенова к пяти годам.", E.SENTENCE),
        ("Он приговорен к двум годам ограничения свободы.", E.SENTENCE),
        ("Её осудили по статье 174.", E.CONVICTION),
        ("Суд признал Ерлана Сапарова виновным.", E.CONVICTION),
        ("Ночью в его квартире прошел обыск.", E.SEARCH),
        ("У журналиста изъяли телефон и ноутбук.", E.SEARCH),
        ("В отношении Даны Абеновой возбуждено уголовное дело.", E.CHARGE),
        ("Полиция возбудила административное дело против пикетчика.", E.CHARGE),
        ("Ему предъявлено обвинение по статье 274.", E.CHARGE),
        ("Её обвиняют в распространении ложной информации.", E.CHARGE),
        ("Активиста оштрафовали на 50 МРП.", E.ADMINISTRATIVE_FINE),
        ("Правозащитника избили неизвестные.", E.PHYSICAL_ATTACK),
        ("На журналиста напали у подъезда.", E.PHYSICAL_ATTACK),
        ("Партии отказано в регистрации.", E.REGISTRATION_DENIED),
        ("Сайт издания заблокирован.", E.WEBSITE_BLOCKED),
        ("Блогер объявлен в розыск.", E.EXTRADITION_REQUEST),
        ("Движение признано экстремистским.", E.ORGANISATION_BANNED),
        ("Апелляционная жалоба отклонена.", E.APPEAL_REJECTED),
        ("Суд оставил приговор без изменения.", E.APPEAL_REJECTED),
        ("Суд отменил приговор.", E.APPEAL_GRANTED),
        ("Защита подала апелляционную жалобу.", E.APPEAL_FILED),
        ("Активист освобожден.", E.RELEASE),
        ("Она вышла на свободу в марте.", E.RELEASE),
        ("Журналистка оправдана.", E.ACQUITTAL),
        ("Суд продлил срок содержания под стражей.", E.DETENTION_EXTENDED),
        ("Срок содержания под стражей неоднократно продлевался.", E.DETENTION_EXTENDED),
        ("Суд избрал меру пресечения в виде заключения под стражу.", E.PRETRIAL_DETENTION),
        ("Её поместили под домашний арест.", E.HOUSE_ARREST),
        ("Его отпустили под подписку о невыезде.", E.TRAVEL_RESTRICTION),
        ("Ему запрещено заниматься журналистской деятельностью.", E.ACTIVITY_BAN),
        ("Уголовное дело прекращено.", E.CASE_CLOSED),
        ("Обвинение переквалифицировано.", E.CHARGE_RECLASSIFIED),
        ("Его вызвали на допрос в департамент полиции.", E.SUMMONS),
        ("Политзаключенный объявил голодовку.", E.HUNGER_STRIKE),
        ("Он рассказал о пытках в изоляторе.", E.TORTURE_ALLEGATION),
        ("Он умер в колонии.", E.DEATH_IN_CUSTODY),
        ("Её внесли в реестр иностранных агентов.", E.LISTED_AS_FOREIGN_FUNDED),
        ("Митинг разогнали.", E.ASSEMBLY_DISPERSED),
        ("Акимат отказал в согласовании митинга.", E.ASSEMBLY_BANNED),
        ("Суд над ним проходил в закрытом режиме.", E.TRIAL_CLOSED_TO_PUBLIC),
        ("Ему угрожали расправой.", E.THREAT),
        ("Его освободили по амнистии.", E.AMNESTY),
        ("Суд рассмотрел ходатайство об условно-досрочном освобождении.", E.PAROLE),
        ("Журналистку лишили аккредитации.", E.ACCREDITATION_DENIED),
        ("Прошли парламентские выборы.", E.ELECTION),
    ],
)
def test_trigger_types(text: str, expected: E) -> None:
    assert expected in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Сторонники Демократического выбора Казахстана собрались в кафе.",
        "Адвокат пытался получить доступ к материалам дела.",
        "Чиновник освобожден от должности по собственному желанию.",
        "Ранее он работал редактором газеты.",
    ],
)
def test_not_these_events(text: str) -> None:
    found = set(types(text))
    assert not found & {E.ELECTION, E.TORTURE_ALLEGATION, E.RELEASE, E.DETENTION}


def test_specific_before_general_and_spans() -> None:
    text = "Апелляционная жалоба Нурлана Ахметова отклонена, приговор оставлен без изменения."
    found = find_triggers(text)
    assert [t.type for t in found] == [E.APPEAL_REJECTED, E.APPEAL_REJECTED]
    assert text[found[0].start : found[0].end] == "Апелляционная жалоба Нурлана Ахметова отклонена"
    # triggers never overlap, and "ё" is read as "е" without moving an offset
    text = "Его осудили, затем освобождён."
    found = find_triggers(text)
    assert [t.type for t in found] == [E.CONVICTION, E.RELEASE]
    assert text[found[1].start : found[1].end] == "освобождён"


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("Айдос Мукашев остается под стражей.", "held", "остается под стражей"),
        ("Она по-прежнему находится в заключении.", "held", "по-прежнему находится в заключении"),
        ("Он до сих пор за решеткой.", "held", "до сих пор за решеткой"),
        ("Он отбывает наказание в колонии.", "held", "отбывает наказание в колонии"),
        ("Политзаключенные:", "prisoners", "Политзаключенные"),
        ("Узники совести в Казахстане", "prisoners", "Узники совести"),
    ],
)
def test_states(text: str, kind: str, words: str) -> None:
    found = find_states(text)
    assert (found[0].kind, text[found[0].start : found[0].end]) == (kind, words)


def test_not_states() -> None:
    assert find_states("Суд рассмотрел жалобу адвоката.") == []
    assert [s.kind for s in find_states("Его освободили из-под стражи.")] != ["held"]


def test_freedoms_of_a_sentence() -> None:
    assert freedom_context("журналистку задержали на пикете") == (
        Freedom.PEACEFUL_ASSEMBLY,
        Freedom.EXPRESSION,
    )
    assert freedom_context("партии отказали в регистрации") == (Freedom.ASSOCIATION,)
    assert freedom_context("суд вынес приговор") == ()


def test_compile_lexicon_takes_cyrillic_and_rejects_a_pattern_without_a_literal() -> None:
    pattern, keys = compile_lexicon([("a", ("(?:за|от)держ\\w+",)), ("b", ("\\d+\\s+суток",))])
    found = [(keys[m.lastgroup or ""], m.group()) for m in pattern.finditer("задержан на 15 суток")]
    assert found == [("a", "задержан"), ("b", "15 суток")]
    with pytest.raises(ValueError):
        compile_lexicon([("c", ("\\w+ый",))])
    assert fold("освобождён") == "освобожден"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789 .,-\n", max_size=300))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for found in (find_triggers(text), find_states(text)):
        for mention in found:
            assert 0 <= mention.start < mention.end <= len(text)
