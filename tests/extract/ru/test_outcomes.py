"""Russian outcome finder: kinds and amounts of penalties and measures as the contract
writes them (the same conventions as tests/extract/test_outcomes.py). All people invented."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.vocab import PenaltyKind as K
from civicwatch.extract.ru.outcomes import find_detentions, find_outcomes, in_local_roubles


def outcomes(text: str) -> list[tuple[str, str | None]]:
    return [(m.kind.value, m.amount) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # prison, in every way the reports put it
        ("Суд приговорил блогера Ержана Тулегенова к 7 годам лишения свободы.",
         [("prison", "7 years")]),
        ("Ему назначено лишение свободы на 7 лет.", [("prison", "7 years")]),
        ("Активист получил 7 лет колонии.", [("prison", "7 years")]),
        ("Суд приговорил Данияра Омарова к семи годам заключения.", [("prison", "7 years")]),
        ("Её осудили к 11 годам лишения свободы в колонии усиленного режима.",
         [("prison", "11 years")]),
        ("Журналисту дали восемь лет тюрьмы.", [("prison", "8 years")]),
        ("Его приговорили к 6 годам и 6 месяцам лишения свободы.", [("prison", "6.5 years")]),
        ("Её приговорили к двум годам и четырём месяцам колонии.", [("prison", "28 months")]),
        ("Его приговорили к году и шести месяцам колонии.", [("prison", "1.5 years")]),
        ("Он приговорен к двум с половиной годам колонии.", [("prison", "2.5 years")]),
        ("Её осудили на 2,5 года по ст. 363 УК.", [("prison", "2.5 years")]),
        ("Суд приговорил Аскара к пятнадцати годам лишения свободы.", [("prison", "15 years")]),
        ("Суд приговорил его к двадцати пяти годам колонии.", [("prison", "25 years")]),
        ("Его приговорили к 2-х годам колонии-поселения.", [("prison", "2 years")]),
        ("Его заочно приговорили к 9 годам лишения свободы.", [("prison", "9 years")]),
        ("Его приговорили к пожизненному лишению свободы.", [("prison", "life")]),
        # restricted freedom, suspended terms
        ("Суд назначил ей ограничение свободы на 3 года.", [("restricted_freedom", "3 years")]),
        ("Ей дали полтора года ограничения свободы.", [("restricted_freedom", "1.5 years")]),
        ("Ей назначили год ограничения свободы.", [("restricted_freedom", "1 year")]),
        ("Суд назначил им от года до двух лет ограничения свободы.",
         [("restricted_freedom", "1-2 years")]),
        ("Ей дали «домашнюю химию» на 2 года.", [("restricted_freedom", "2 years")]),
        ("Он приговорен к трем годам условно.", [("suspended", "3 years")]),
        ("Суд назначил ей условный срок 2 года.", [("suspended", "2 years")]),
        ("Ей назначили 2 года пробации.", [("suspended", "2 years")]),
        # fines in the currencies and units of the region
        ("Суд назначил штраф в размере 100 МРП.", [("fine", "100 MCI")]),
        ("Его оштрафовали на 50 месячных расчетных показателей.", [("fine", "50 MCI")]),
        ("Его оштрафовали на 50 000 тенге.", [("fine", "50000 KZT")]),
        ("Активистку оштрафовали на 20 000 сомов.", [("fine", "20000 KGS")]),
        ("Суд оштрафовал его на 20 базовых величин.", [("fine", "20 base units")]),
        ("Его оштрафовали на 15 тыс. рублей.", [("fine", "15000 RUB")]),
        ("Его оштрафовали на 30 000 белорусских рублей.", [("fine", "30000 BYN")]),
        ("Его оштрафовали на 2 млн сумов.", [("fine", "2000000 UZS")]),
        ("Его оштрафовали на $500.", [("fine", "500 USD")]),
        ("Им назначили штрафы от 10 до 20 МРП.", [("fine", "10-20 MCI")]),
        ("Его оштрафовали на 3000 сомов (около 32 евро).", [("fine", "3000 KGS")]),
        # administrative detention
        ("Ему назначен административный арест на 15 суток.", [("admin_detention", "15 days")]),
        ("Журналист арестован на 15 суток.", [("admin_detention", "15 days")]),
        ("Он получил 15 суток ареста.", [("admin_detention", "15 days")]),
        ("Пятнадцать суток получил активист Мирлан.", [("admin_detention", "15 days")]),
        ("Суд арестовал на пять суток пикетчика Олжаса.", [("admin_detention", "5 days")]),
        ("Суд арестовал его на 10-ти суток.", [("admin_detention", "10 days")]),
        ("Его арестовали на неделю.", [("admin_detention", "1 week")]),
        # house arrest, pre-trial detention
        ("Суд отправил его под домашний арест на два месяца.", [("house_arrest", "2 months")]),
        ("Суд арестовал его на два месяца.", [("pretrial_detention", "2 months")]),
        ("Суд арестовал его на срок до двух месяцев.", [("pretrial_detention", "2 months")]),
        ("Суд избрал меру пресечения в виде ареста сроком на два месяца, до 19 мая.",
         [("pretrial_detention", "2 months")]),
        ("Пятерых арестовали на два месяца.", [("pretrial_detention", "2 months")]),
        ("Срок содержания под стражей продлен на три месяца.",
         [("pretrial_detention", "3 months")]),
        # bans, public labour, a postponed sentence
        ("Ему назначили обязательные работы 200 часов.", [("public_labour", "200 hours")]),
        ("Ей назначено 100 часов общественных работ.", [("public_labour", "100 hours")]),
        ("Суд отсрочил исполнение приговора на 2 года.",
         [("other", "sentence postponed 2 years")]),
    ],
)  # fmt: skip
def test_outcomes_with_amounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Суд избрал меру пресечения в виде содержания под стражей.",
         [("pretrial_detention", None)]),
        ("Активист заключен под стражу.", [("pretrial_detention", None)]),
        ("Его поместили в СИЗО.", [("pretrial_detention", None)]),
        ("Суд продлил срок содержания под стражей до 15 марта.", [("pretrial_detention", None)]),
        ("Суд изменил меру пресечения на домашний арест.", [("house_arrest", None)]),
        ("Суд продлил домашний арест до 20 декабря.", [("house_arrest", None)]),
        ("Журналистка оправдана.", [("acquitted", None)]),
        ("Суд вынес оправдательный приговор.", [("acquitted", None)]),
        ("Суд признал его невиновным.", [("acquitted", None)]),
        ("Он освобожден из колонии.", [("released", None)]),
        ("Активист вышел на свободу.", [("released", None)]),
        ("Журналист освобожден в зале суда.", [("released", None)]),
        ("Его условно-досрочно освободили в мае.", [("released", None)]),
        ("Ее помиловали.", [("released", None)]),
        ("Пикетчика оштрафовали.", [("fine", None)]),
        ("Суд назначил ей административный штраф.", [("fine", None)]),
        ("Ей назначили условный срок.", [("suspended", None)]),
        ("Суд отпустил его под пробацию.", [("suspended", None)]),
        ("Он получил реальный срок.", [("prison", None)]),
        ("Троим назначили ограничение свободы.", [("restricted_freedom", None)]),
        ("Его поместили в психиатрическую больницу.", [("compulsory_treatment",
                                                        "compulsory treatment")]),
        ("Следователь прекратил уголовное дело.", [("other", "case closed")]),
        ("Его посмертно осудили.", [("other", "posthumous conviction")]),
    ],
)  # fmt: skip
def test_measures_without_amounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Прокурор запросил 8 лет лишения свободы.",
        "Ему грозит до 10 лет лишения свободы.",
        "Если суд признает его виновным, ему может грозить 5 лет.",
        "Статья предусматривает наказание до 7 лет лишения свободы.",
        "Гособвинение просило для него шесть лет колонии.",
        "Прокуратура обжаловала приговор, требуя 10 лет.",
        "Ему грозит лишение свободы на срок до 10 лет.",
        "Пенсионер в возрасте 67 лет вышел на пикет.",
        "Через два года дело возобновили.",
        "Пять дней спустя его вызвали снова.",
        "Он проживает в Алматы более восьми лет.",
        "Уже 5 лет он живёт за границей.",
        "В 2021 году активисты провели акцию.",
        "Его задержали в 2020-2021 годах.",
        "Правозащитники призвали освободить политзаключенных.",
        "Правозащитники требуют освободить его.",
        "После освобождения он уехал.",
        "Его освободили через несколько часов.",
        "Её отпустили после допроса, освободили в тот же день.",
        "Бывший чиновник освобожден от должности.",
        "Его обязали выплатить 500 000 тенге в качестве компенсации морального вреда.",
        "Залог в размере 1 млн рублей.",
        "Организация получила грант в 10 000 долларов.",
        "67-летний пенсионер вышел на пикет.",
        "Они отбыли два года из пяти.",
        "Суд не оправдал его.",
        "Сын пятилетнего возраста остался с бабушкой.",
        "Дело рассматривалось по ч. 2 ст. 405 УК, заседание длилось 3 часа.",
        "Судья удалился в совещательную комнату.",
    ],
)
def test_not_outcomes(text: str) -> None:
    assert outcomes(text) == []


def test_a_term_requested_then_given() -> None:
    text = "Прокурор запросил 8 лет, но суд приговорил его к пяти годам колонии."
    assert outcomes(text) == [("prison", "5 years")]
    text = "Ему грозило до 10 лет, однако суд назначил 3 года условно."
    assert outcomes(text) == [("suspended", "3 years")]


def test_a_probation_period_is_the_suspended_terms_own() -> None:
    text = "Его приговорили к 3 годам лишения свободы условно с испытательным сроком 2 года."
    assert outcomes(text) == [("suspended", "3 years")]
    text = "Суд приговорил её к пяти годам лишения свободы с пробационным надзором на три года."
    assert outcomes(text) == [("suspended", "5 years")]
    # a probation in a later sentence stays its own outcome, as in English
    text = (
        "Суд приговорил его к пяти годам. Однако суд назначил ему пробационный надзор на три года."
    )
    assert outcomes(text) == [("prison", "5 years"), ("suspended", "3 years")]


def test_a_qualifier_after_a_new_subject_does_not_reach_back() -> None:
    text = "Её приговорили к 5 годам, а его — к трём годам условно."
    assert outcomes(text) == [("prison", "5 years"), ("suspended", "3 years")]


def test_a_ban_named_the_contracts_way() -> None:
    text = "Суд назначил ему 5 лет с запретом заниматься журналистской деятельностью на 3 года."
    found = find_outcomes(text)
    assert [(m.kind, m.amount) for m in found] == [
        (K.PRISON, "5 years"),
        (K.ACTIVITY_BAN, "3 years"),
    ]
    assert found[1].contract_amount == "3-year ban on journalistic activities"
    assert found[1].kind.contract_kind is K.OTHER
    (mention,) = find_outcomes(
        "Ему назначен трехлетний запрет на общественно-политическую деятельность."
    )
    assert (mention.kind, mention.amount) == (K.ACTIVITY_BAN, "3 years")
    assert mention.contract_amount == "3-year ban on public and political activities"
    (labour,) = find_outcomes("Ему назначили обязательные работы 200 часов.")
    assert labour.contract_amount == "200 hours public labour"


def test_travel_bans() -> None:
    (mention,) = find_outcomes("Активиста отпустили под подписку о невыезде.")
    assert (mention.kind, mention.amount) == (K.TRAVEL_BAN, None)
    assert mention.contract_amount == "order not to leave home city"
    (mention,) = find_outcomes("Ему запретили выезд из страны на 2 года.")
    assert (mention.kind, mention.amount) == (K.TRAVEL_BAN, "2 years")


def test_respectively_and_gapped_lists() -> None:
    (mention,) = find_outcomes("Их приговорили к пяти и семи годам соответственно.")
    assert (mention.kind, mention.amount, mention.amounts) == (
        K.PRISON,
        None,
        ("5 years", "7 years"),
    )
    text = "Иванов приговорен к 12 годам колонии, Петров - к 10, Сидоров - к восьми."
    assert outcomes(text) == [
        ("prison", "12 years"),
        ("prison", "10 years"),
        ("prison", "8 years"),
    ]
    (mention,) = find_outcomes("Четверым назначили арест на 3, 5, 5 и 10 суток.")
    assert mention.amounts == ("3 days", "5 days", "5 days", "10 days")


def test_changed_terms_dates_and_articles() -> None:
    assert outcomes("Апелляционный суд снизил срок с 7 до 5 лет.") == [("prison", "5 years")]
    assert outcomes("В 2021 году его приговорили к 5 годам.") == [("prison", "5 years")]
    text = "По ч. 2 ст. 342 УК его приговорили к 3 годам колонии."
    assert outcomes(text) == [("prison", "3 years")]


def test_releases_and_house_arrest() -> None:
    # a move from custody to house arrest is not a release
    assert outcomes("Ее освободили из-под стражи под домашний арест.") == [("house_arrest", None)]
    # a release from house arrest is one, and the house arrest is not renewed
    assert outcomes("Суд освободил из-под домашнего ареста журналиста.") == [("released", None)]
    assert outcomes("Ранее он неоднократно был освобожден.") == []


def test_a_fine_after_a_list_of_names() -> None:
    text = "Суд оштрафовал Иванова А., Петрова Б. и Сидорову В. на 40 МРП каждого."
    assert outcomes(text) == [("fine", "40 MCI")]


def test_detentions() -> None:
    text = "Полиция задержала активиста Нурлана, его доставили в РОВД."
    found = find_detentions(text)
    assert [text[m.start : m.end] for m in found] == ["задержала", "доставили в РОВД"]
    assert all((m.kind, m.amount, m.contract_amount) == (K.OTHER, "detained", "detained")
               for m in found)  # fmt: skip
    assert len(find_detentions("Журналистка была задержана у здания акимата.")) == 1
    assert find_detentions("Его задержали на 15 суток.") == []
    assert find_detentions("Он не был задержан.") == []
    assert find_detentions("Задержанные активисты провели ночь в отделе полиции.") == []
    assert find_detentions("Правозащитники требуют не задерживать журналистов.") == []


def test_roubles_in_a_passage_about_belarus() -> None:
    text = "Его оштрафовали на 740 рублей. Её оштрафовали на 5000 российских рублей."
    low = text.lower()
    found = in_local_roubles(low, find_outcomes(text), lambda position: "BY")
    assert [m.amount for m in found] == ["740 BYN", "5000 RUB"]
    found = in_local_roubles(low, find_outcomes(text), lambda position: "RU")
    assert [m.amount for m in found] == ["740 RUB", "5000 RUB"]


def test_yo_and_spans() -> None:
    text = "Суд приговорил его к трём годам. Её освободили. Он осуждён на 2 года."
    found = find_outcomes(text)
    assert [(m.kind.value, m.amount) for m in found] == [
        ("prison", "3 years"),
        ("released", None),
        ("prison", "2 years"),
    ]
    assert [text[m.start : m.end] for m in found] == ["трём годам", "освободили", "2 года"]
    # the caller's lower-cased text (with ё) gives the same offsets
    assert find_outcomes(text, text.lower()) == found


def test_a_bulletin() -> None:
    text = (
        "19 марта 2024 года районный суд вынес приговор по делу шести активистов (ч. 2 ст. 405 "
        "УК РК). Двое из них приговорены к реальным срокам: пять и четыре года лишения свободы "
        "соответственно. Остальным четверым суд назначил по два года ограничения свободы, а "
        "также запретил заниматься общественно-политической деятельностью в течение трех лет. "
        "Гособвинение требовало для первого из них семь лет колонии.\n\n"
        "В Бишкеке 4 апреля милиция задержала около 30 участников митинга. Большинство "
        "отпустили через несколько часов. Шестерым суд назначил административный арест от 5 "
        "до 10 суток, двое оштрафованы на 7500 сомов каждый.\n\n"
        "64-летнюю пенсионерку осудили на 3 года «домашней химии». В 2022 году её уже "
        "штрафовали на 30 базовых величин."
    )
    found = find_outcomes(text)
    assert [(m.kind.value, m.amount or m.amounts, m.contract_amount) for m in found] == [
        ("prison", ("5 years", "4 years"), None),
        ("restricted_freedom", "2 years", "2 years"),
        ("activity_ban", "3 years", "3-year ban on public and political activities"),
        ("admin_detention", "5-10 days", "5-10 days"),
        ("fine", "7500 KGS", "7500 KGS"),
        ("restricted_freedom", "3 years", "3 years"),
        ("fine", "30 base units", "30 base units"),
    ]
    assert [text[m.start : m.end] for m in find_detentions(text)] == ["задержала"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789 .,;-—«»()\n$₸", max_size=300))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for mention in [*find_outcomes(text), *find_detentions(text)]:
        assert 0 <= mention.start < mention.end <= len(text)


def test_fifty_thousand_words_are_quick() -> None:
    paragraph = (
        "12 марта суд приговорил активиста Тимура Байжанова к пяти годам лишения свободы по "
        "ч. 2 ст. 405 УК с запретом на общественную деятельность в течение трех лет. Прокурор "
        "запрашивал семь лет. Троих арестовали на 15 суток, остальных оштрафовали на 5000 "
        "сомов каждого, журналистку освободили через несколько часов. "
    )
    text = paragraph * (50_000 // len(paragraph.split()))
    started = time.perf_counter()
    found = find_outcomes(text)
    elapsed = time.perf_counter() - started
    assert len(found) >= 4 * (50_000 // len(paragraph.split()))
    assert elapsed < 2.0  # about 0.15 s on a laptop core: far above 20,000 words/s
