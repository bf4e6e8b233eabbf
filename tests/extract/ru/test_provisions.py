"""Russian provision finder: every common wording of articles, parts and codes, the same
labels and jurisdictions as the English finder, the code of a bare article, offences named
beside a number, and the texts that are not provisions of a code. Own sentences, invented
people."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.extract.provisions import find_provisions as find_english
from civicwatch.extract.ru.provisions import find_provisions


def labels(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    return [m.labels for m in find_provisions(text, **kwargs)]  # type: ignore[arg-type]


def cited(text: str, **kwargs: object) -> list[tuple[tuple[str, ...], str | None, bool]]:
    """(base labels, jurisdiction, explicit) of the numbered mentions: what the contract shows."""
    return [
        (tuple(dict.fromkeys(p.base.label for p in m.provisions)), m.jurisdiction, m.explicit)
        for m in find_provisions(text, **kwargs)  # type: ignore[arg-type]
        if not m.named
    ]


@pytest.mark.parametrize(
    ("text", "expected", "quote"),
    [
        ("Блогера Арманa Сеитова обвинили по ст. 274 УК РК.", ("CC 274",), "ст. 274 УК РК"),
        ("Ему вменяют ч. 2 ст. 174 УК.", ("CC 174-2",), "ч. 2 ст. 174 УК"),
        ("Дело возбуждено по п. 2 ч. 4 ст. 274 УК РК.", ("CC 274-4",), "п. 2 ч. 4 ст. 274 УК РК"),
        ("Её осудили по части 2 статьи 405 Уголовного кодекса.", ("CC 405-2",),
         "части 2 статьи 405 Уголовного кодекса"),
        ("признаки преступления, предусмотренного статьи 405 Уголовного кодекса", ("CC 405",),
         "статьи 405 Уголовного кодекса"),
        ("Его обвиняют по статье 174 УК Республики Казахстан.", ("CC 174",),
         "статье 174 УК Республики Казахстан"),
        ("Протокол составлен по ст. 488 КоАП РК.", ("CAO 488",), "ст. 488 КоАП РК"),
        ("Журналиста судят по ст. 278 УК КР.", ("CC 278",), "ст. 278 УК КР"),
        ("Студентку осудили по ст. 342 УК РБ.", ("CC 342",), "ст. 342 УК РБ"),
        ("Её оштрафовали по ст. 19.11 КоАП.", ("CAO 19.11",), "ст. 19.11 КоАП"),
        ("Его оштрафовали по ст. 20.3.3 КоАП РФ.", ("CAO 20.3.3",), "ст. 20.3.3 КоАП РФ"),
        ("Дело завели по ст. 207.3 УК РФ.", ("CC 207.3",), "ст. 207.3 УК РФ"),
        ("Им вменили статьи 174 и 274 УК.", ("CC 174", "CC 274"), "статьи 174 и 274 УК"),
        ("по признакам статей 174 и 274 УК", ("CC 174", "CC 274"), "статей 174 и 274 УК"),
        ("Обвинение по ст.ст. 174, 274 предъявлено в мае.", ("CC 174", "CC 274"),
         "ст.ст. 174, 274"),
        ("Дело по ч.ч. 1, 2 ст. 130 прекращено.", ("CC 130-1", "CC 130-2"), "ч.ч. 1, 2 ст. 130"),
        ("Ей вменили статья 23.34 КоАП Республики Беларусь.", ("CAO 23.34",),
         "статья 23.34 КоАП Республики Беларусь"),
        ("по статье 130 Уголовного кодекса Кыргызской Республики", ("CC 130",),
         "статье 130 Уголовного кодекса Кыргызской Республики"),
        ("признать виновными по статье 272, части 3 УК РК", ("CC 272-3",),
         "статье 272, части 3 УК РК"),
        ("Его обвинили по ст. 174 ч. 2 УК РК.", ("CC 174-2",), "ст. 174 ч. 2 УК РК"),
        ("часть 1 статьи 272 и часть 3 статьи 24 УК РК", ("CC 272-1", "CC 24-3"),
         "часть 1 статьи 272 и часть 3 статьи 24 УК РК"),
        ("Ему вменили часть 11-ю статьи 488 Кодекса об административных правонарушениях.",
         ("CAO 488-11",),
         "часть 11-ю статьи 488 Кодекса об административных правонарушениях"),
        ("обвинение по статье 488, часть 7, адмкодекса", ("CAO 488-7",),
         "статье 488, часть 7, адмкодекса"),
        ("Его судят по ч. 2 ст. 174, ч. 1 ст. 274 УК РК.", ("CC 174-2", "CC 274-1"),
         "ч. 2 ст. 174, ч. 1 ст. 274 УК РК"),
        ("Так называемая 174-я статья УК применяется часто.", ("CC 174",), "174-я статья УК"),
        ("Его осудили по 342 УК.", ("CC 342",), "342 УК"),
        ("по п. «а» ч. 2 ст. 205.2 УК РФ", ("CC 205.2-2",), "п. «а» ч. 2 ст. 205.2 УК РФ"),
        ("Им вменили (ст. 405 УК РК) участие в запрещённой организации.", ("CC 405",),
         "ст. 405 УК РК"),
    ],
)  # fmt: skip
def test_numbered_wordings(text: str, expected: tuple[str, ...], quote: str) -> None:
    (mention,) = find_provisions(text)
    assert mention.labels == expected
    assert text[mention.start : mention.end] == quote
    assert not mention.named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Его осудили по ст. 274 УК РК.", [(("CC 274",), "KZ", True)]),
        ("по статье 174 УК Республики Казахстан", [(("CC 174",), "KZ", True)]),
        ("Уголовного кодекса Кыргызской Республики статья 330", [(("CC 330",), "KG", True)]),
        ("ст. 278 УК КР", [(("CC 278",), "KG", True)]),
        ("ст. 342 УК РБ", [(("CC 342",), "BY", True)]),
        ("ч. 1 ст. 342 Уголовного кодекса Республики Беларусь", [(("CC 342",), "BY", True)]),
        ("ст. 20.3.3 КоАП РФ", [(("CAO 20.3.3",), "RU", True)]),
        ("ст. 207.3 УК РФ", [(("CC 207.3",), "RU", True)]),
        ("по статье 280.3 УК России", [(("CC 280.3",), "RU", True)]),
        ("статья 23.34 КоАП Республики Беларусь", [(("CAO 23.34",), "BY", True)]),
        ("ст. 274 УК", [(("CC 274",), None, False)]),
    ],
)  # fmt: skip
def test_the_country_a_code_names(
    text: str, expected: list[tuple[tuple[str, ...], str | None, bool]]
) -> None:
    assert cited(text) == expected


def test_a_code_that_names_its_country_wins_over_the_passage() -> None:
    (mention,) = find_provisions("Его разыскивают по ст. 342 УК РБ.", jurisdiction="KZ")
    assert (mention.jurisdiction, mention.explicit) == ("BY", True)
    assert "public order" in (mention.provisions[0].title or "")
    (mention,) = find_provisions("Его разыскивают по ст. 342 УК.", jurisdiction="KZ")
    assert (mention.jurisdiction, mention.explicit) == ("KZ", False)


@pytest.mark.parametrize(
    ("russian", "english", "country"),
    [
        ("по ч. 2 ст. 174 УК РК", "under part 2 of article 174 of the CC RK", None),
        ("по ст. 19.11 КоАП", "under Article 19.11 of the Code of Administrative Offences", "BY"),
        ("по ст. 193.1 УК", "under Article 193.1 of the Criminal Code", "BY"),
        ("по ст. 206.3.2 УК", "under Article 206.3.2 of the Criminal Code", "AZ"),
        ("по ст. 307.1 УК", "under Article 307.1 of the Criminal Code", "TJ"),
        ("по ст. 244¹ УК", "under Article 244¹ of the Criminal Code", "UZ"),
        ("по ст. 221.3 УК", "under article 221.3 of the Criminal Code", "RU"),
        ("по ст. 221.3 УК", "under article 221.3 of the Criminal Code", "AZ"),
        ("по ст. 24.23 КоАП", "under article 24.23 of the Code of Administrative Offences", None),
        ("по ст. 456-2 КоАП", "under article 456-2 of the Code of Administrative Offences", "KZ"),
        ("по ст. 127 КоАП", "under the Code of Offences, article 127", "KG"),
    ],
)
def test_same_labels_and_countries_as_english(
    russian: str, english: str, country: str | None
) -> None:
    ours = [(m.labels, m.jurisdiction) for m in find_provisions(russian, jurisdiction=country)]
    theirs = [
        (m.labels, m.jurisdiction) for m in find_english(english, jurisdiction=country, named=False)
    ]
    assert ours == theirs and ours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the code of a bare article comes from the sentence, as in English
        ("Его оштрафовали на 100 МРП по статье 488.", ("CAO 488",)),
        ("Ей дали 10 суток ареста по статье 434.", ("CAO 434",)),
        ("Возбуждено уголовное дело по статье 179.", ("CC 179",)),
        ("Юристы считают статью 274 размытой.", ("CC 274",)),  # unknown: criminal code
        ("Его приговорили к лишению свободы по статье 174.", ("CC 174",)),
        # chaptered numbers belong to administrative codes, big numbers too
        ("Её оштрафовали по статье 20.2 за пикет.", ("CAO 20.2",)),
        ("Его оштрафовали по статье 669.", ("CAO 669",)),
    ],
)
def test_bare_article_code_from_context(text: str, expected: tuple[str, ...]) -> None:
    assert labels(text) == [expected]


def test_bare_article_takes_the_code_named_earlier() -> None:
    text = "По Уголовному кодексу ему вменяли статью 405, а затем и статью 174."
    assert labels(text) == [("CC 405",), ("CC 174",)]
    text = "Протокол составили по КоАП РК. Затем добавили статью 200."
    assert cited(text) == [(("CAO 200",), "KZ", True)]
    text = "Он обвиняется по УК РК, ст. 174."
    (mention,) = find_provisions(text)
    assert text[mention.start : mention.end] == "УК РК, ст. 174"
    assert (mention.labels, mention.jurisdiction) == (("CC 174",), "KZ")


@pytest.mark.parametrize(
    "text",
    [
        "Это нарушает статью 29 Конституции.",
        "Статья 32 Конституции Республики Казахстан гарантирует свободу собраний.",
        "Ходатайство подано по ст. 107 УПК РК.",
        "Статья 19 Международного пакта о гражданских и политических правах.",
        "в соответствии с 11 статьей закона о мирных собраниях",
        "по статье 5 Закона «О средствах массовой информации»",
        "Журналистка написала статью о суде.",
        "Он опубликовал 2 статьи о процессе.",
        "В 10 ч. утра начался суд.",
        "ст. 15 Гражданского кодекса",
    ],
)
def test_not_provisions_of_a_code(text: str) -> None:
    assert find_provisions(text) == []


def test_a_list_stops_before_a_count() -> None:
    assert labels("Его обвинили по ст. 274, 15 активистов задержали.") == [("CC 274",)]
    assert labels("по ст. 274 УК и 15 суток ареста") == [("CC 274",)]
    assert labels("по статье 274 и 12 мая") == [("CC 274",)]


@pytest.mark.parametrize(
    ("text", "jurisdiction", "country", "checked", "offence"),
    [
        ("по статье 278 «Организация массовых беспорядков» УК КР", None, "KG", True,
         "mass_riots"),
        ("Его обвинили в организации массовых беспорядков (ст. 293).", None, "BY", True,
         "mass_riots"),
        ("Его обвинили в организации массовых беспорядков (ст. 293).", "KZ", "KZ", False,
         "mass_riots"),
        ("за распространение заведомо ложной информации по ст. 274", "KZ", "KZ", True,
         "false_information"),
        ("по ст. 342 («Групповые действия, грубо нарушающие общественный порядок»)", None, "BY",
         True, "public_order_actions"),
        ("за участие в массовых беспорядках (ст. 225)", None, None, None, "mass_riots"),
    ],
)  # fmt: skip
def test_an_offence_beside_its_number_is_checked(
    text: str, jurisdiction: str | None, country: str | None, checked: bool | None, offence: str
) -> None:
    (mention,) = find_provisions(text, jurisdiction=jurisdiction)
    assert (mention.offence, mention.jurisdiction, mention.checked) == (offence, country, checked)


def test_a_stated_country_is_not_overridden_by_the_offence() -> None:
    (mention,) = find_provisions("за участие в массовых беспорядках (ст. 293 УК РК)")
    assert (mention.jurisdiction, mention.explicit, mention.checked) == ("KZ", True, False)


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        ("Её обвинили в распространении заведомо ложной информации.", "KZ", "CC 274"),
        ("Их осудили за участие в массовых беспорядках.", "KG", "CC 278"),
        ("Его оштрафовали за дискредитацию вооружённых сил.", "RU", "CAO 20.3.3"),
        ("Ему вменили дискредитацию вооружённых сил.", "RU", "CC 280.3"),
        ("Его оштрафовали за мелкое хулиганство.", "KZ", "CAO 434"),
        ("Его обвинили в государственной измене.", "BY", "CC 356"),
    ],
)
def test_named_offences_only_when_asked(text: str, jurisdiction: str, expected: str) -> None:
    found = find_provisions(text, jurisdiction=jurisdiction, named=True)
    assert [(m.labels, m.named, m.jurisdiction) for m in found] == [
        ((expected,), True, jurisdiction)
    ]
    assert find_provisions(text, jurisdiction=jurisdiction) == []


def test_a_named_offence_with_its_number_is_not_repeated() -> None:
    text = "Его осудили за участие в массовых беспорядках по ч. 2 ст. 272 УК РК."
    assert labels(text, named=True) == [("CC 272-2",)]
    assert find_provisions("Её обвинили в мошенничестве.", named=True) == []  # no country


def test_spans_are_in_order_and_in_bounds() -> None:
    text = (
        "5 мая её оштрафовали по ст. 488 КоАП РК; в июне возбудили уголовное дело по "
        "статье 274, а позже — по ч. 1 ст. 174 УК РК."
    )
    found = find_provisions(text, jurisdiction="KZ")
    assert [m.labels for m in found] == [("CAO 488",), ("CC 274",), ("CC 174-1",)]
    assert all(0 <= m.start < m.end <= len(text) for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_the_lower_cased_text_of_the_caller_is_used() -> None:
    text = "ПО СТ. 274 УК РК"
    assert labels(text, low=text.lower()) == [("CC 274",)]


_PIECES = st.sampled_from(
    ["ст. ", "статьи ", "274", "(2)", " ч. ", "2", " УК", " РК", "КоАП ", " и ", ", ", "(",
     ")", "Уголовного кодекса", "Кодекса об административных правонарушениях", "п. «а» ",
     "20.3.3", "-я ", "\x00", "\n", "–", "456-2", " 1,5 ", "массовых беспорядков", "«"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=300),
        st.lists(_PIECES, max_size=40).map("".join),
    ),
    st.booleans(),
)
def test_never_raises_and_spans_are_sane(text: str, named: bool) -> None:
    for mention in find_provisions(text, named=named):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.provisions


@pytest.mark.parametrize(
    "unit",
    ["ст. 274 УК РК, ", "статьи 1, ", "ч. 2 ", "(((( ", "а" * 50, "1" * 50, "ст. 1 и ",
     "массовых беспорядков и ", "Уголовного кодекса "],
)  # fmt: skip
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    found = find_provisions(text, jurisdiction="KZ", named=True)
    assert all(0 <= m.start < m.end <= len(text) for m in found)
