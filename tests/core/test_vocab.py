import pytest

from civicwatch.core.vocab import (
    CONTRACT_PENALTY_KINDS,
    EventGroup,
    EventType,
    LegalCode,
    PenaltyKind,
    PersonRole,
    Unit,
    choices,
    event_group,
)
from civicwatch.errors import InvalidValueError


def test_design_event_types_are_all_there():
    for term in [
        "detention",
        "pretrial_detention",
        "appeal_rejected",
        "posthumous_conviction",
        "pressure_on_relatives",
        "listed_as_foreign_funded",
        "election",
    ]:
        assert EventType(term).value == term
    assert len(EventType) == 53


def test_event_groups():
    assert event_group(EventType.SENTENCE) is EventGroup.JUSTICE
    assert event_group(EventType.PHYSICAL_ATTACK) is EventGroup.HARM
    assert event_group(EventType.WEBSITE_BLOCKED) is EventGroup.CIVIC_SPACE


def test_parse_is_forgiving_about_case_and_spaces():
    assert PersonRole.parse("Human rights defender") is PersonRole.HUMAN_RIGHTS_DEFENDER
    assert EventType.parse("appeal-rejected") is EventType.APPEAL_REJECTED
    assert LegalCode.parse("criminal code") is LegalCode.CRIMINAL
    assert Unit.parse("day") is Unit.DAYS
    assert Unit.parse("eur") is Unit.EUR


def test_parse_error_lists_known_terms():
    with pytest.raises(InvalidValueError, match="activist"):
        PersonRole.parse("astronaut")


def test_contract_kinds_and_extras():
    assert {kind.value for kind in CONTRACT_PENALTY_KINDS} == {
        "prison",
        "suspended",
        "restricted_freedom",
        "fine",
        "admin_detention",
        "house_arrest",
        "pretrial_detention",
        "acquitted",
        "released",
        "other",
    }
    assert PenaltyKind.ACTIVITY_BAN.contract_kind is PenaltyKind.OTHER
    assert PenaltyKind.PRISON.contract_kind is PenaltyKind.PRISON


def test_choices_have_labels():
    assert ("admin_detention", "Administrative detention") in choices(PenaltyKind)
