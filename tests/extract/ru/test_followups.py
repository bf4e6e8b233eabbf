"""Russian follow-up cues: what a report says is still to come (the same kinds as
tests/extract for English). All people invented."""

from __future__ import annotations

import pytest

from civicwatch.core.vocab import FollowupKind as F
from civicwatch.extract.ru.followups import find_followups


@pytest.mark.parametrize(
    ("text", "kind", "dated"),
    [
        ("Защита намерена обжаловать приговор.", F.APPEAL_PENDING, True),
        ("Адвокат Бекзата Оразова планирует подать апелляционную жалобу.", F.APPEAL_PENDING,
         True),
        ("Сама активистка подала апелляцию.", F.APPEAL_PENDING, True),
        ("Жалоба пока не рассмотрена.", F.APPEAL_PENDING, True),
        ("Приговор не вступил в законную силу.", F.APPEAL_PENDING, True),
        ("Апелляционное заседание назначено на 15 мая.", F.APPEAL_PENDING, True),
        ("Заседание было отложено до 3 июня.", F.HEARING_POSTPONED, True),
        ("Рассмотрение дела снова перенесено на май.", F.HEARING_POSTPONED, True),
        ("Суд отложил заседание из-за болезни судьи.", F.HEARING_POSTPONED, True),
        ("Суд продлил срок содержания под стражей до 15 марта.", F.DETENTION_UNTIL, True),
        ("Она останется под домашним арестом до конца апреля.", F.DETENTION_UNTIL, True),
        ("Дата суда пока не назначена.", F.YET_TO_TAKE_PLACE, False),
        ("Процесс продолжается в Таразе.", F.TRIAL_UNDER_WAY, False),
        ("В Алматы начался судебный процесс над журналистом.", F.TRIAL_UNDER_WAY, False),
    ],
)  # fmt: skip
def test_followup_cues(text: str, kind: F, dated: bool) -> None:
    found = find_followups(text)
    assert [(m.kind, m.dated) for m in found][:1] == [(kind, dated)]


def test_the_cue_ends_right_before_its_due_date() -> None:
    text = "Суд продлил срок содержания под стражей до 15 марта."
    (cue,) = find_followups(text)
    assert text[cue.start : cue.end] == "продлил срок содержания под стражей до"
    assert text[cue.end :].lstrip().startswith("15 марта")


@pytest.mark.parametrize(
    "text",
    [
        "Апелляционная жалоба отклонена.",
        "Суд приговорил его к пяти годам.",
        "Он содержится под стражей до суда.",  # "до" without a date is no due date
        "Приговор вступил в законную силу.",
    ],
)
def test_not_followups(text: str) -> None:
    assert find_followups(text) == []
