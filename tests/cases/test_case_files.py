"""Case files from known claims: one event per statement, decisions typed by what decided
them, status from the custody spell, charges with their history, follow-ups."""

from __future__ import annotations

import pytest

from civicwatch.core.vocab import EventType, PenaltyKind
from tests.cases.builders import Said, document_with

pytestmark = pytest.mark.django_db


def case_file(name: str):
    from civicwatch.services.persons import find_person, person_file

    return person_file(find_person(name))


def test_a_verdict_and_its_penalty_in_one_sentence_are_one_event() -> None:
    document_with(
        "Ruslan Temirov was arrested on 9 February 2023. "
        "On 19 September 2023 the court sentenced him to 7 years in prison. ",
        [
            Said(
                "Ruslan Temirov",
                outcomes=[(PenaltyKind.PRISON, "7 years", "2023-09-19")],
                events=[(EventType.ARREST, "2023-02-09"), (EventType.SENTENCE, "2023-09-19")],
            )
        ],
    )
    data = case_file("Ruslan Temirov")
    types = [(event["type"], event["date"]) for event in data["events"]]
    assert types == [("arrest", "2023-02-09"), ("sentence", "2023-09-19")]
    status = data["status"]
    # Custody began with the arrest; the term counts from it.
    assert (status["code"], status["since"]) == ("serving_prison", "2023-02-09")
    assert status["expected_release"] == "2030-02-08"


def test_a_cassation_that_cuts_the_term_is_a_cassation_event() -> None:
    document_with(
        "Ruslan Temirov was arrested on 9 February 2023. "
        "On 14 February 2024 the cassation court cut his term to 5 years. ",
        [
            Said(
                "Ruslan Temirov",
                outcomes=[(PenaltyKind.PRISON, "5 years", "2024-02-14")],
                events=[(EventType.ARREST, "2023-02-09"), (EventType.CASSATION, "2024-02-14")],
            )
        ],
    )
    data = case_file("Ruslan Temirov")
    assert [event["type"] for event in data["events"]] == ["arrest", "cassation"]
    assert data["status"]["expected_release"] == "2028-02-08"


def test_charges_carry_their_sources_and_a_short_title_of_their_own_country() -> None:
    document_with(
        "Dana Omarova was charged under article 274 in Almaty. ",
        [Said("Dana Omarova", articles=["CC 274"])],
    )
    (charge,) = case_file("Dana Omarova")["charges"]
    assert (charge["jurisdiction"], charge["label"], charge["status"]) == (
        "KZ",
        "CC 274",
        "brought",
    )
    assert charge["short_title"]  # Kazakhstan's catalogue knows article 274
    assert len(charge["sources"]) == 1


def test_unreviewed_and_reviewed_facts_are_marked() -> None:
    from civicwatch.services.review import accept
    from civicwatch.store.models import Claim

    document = document_with(
        "Dana Omarova was fined 100 MCI. ",
        [Said("Dana Omarova", outcomes=[(PenaltyKind.FINE, "100 MCI", "2024-01-10")])],
    )
    (event,) = case_file("Dana Omarova")["events"]
    assert event["review_state"] == "proposed"
    accept([Claim.objects.get(document=document, kind="outcome").pk])
    (event,) = case_file("Dana Omarova")["events"]
    assert event["review_state"] == "accepted"


def test_a_rejected_person_claim_leaves_the_lists() -> None:
    from civicwatch.services.persons import person_list
    from civicwatch.services.review import reject
    from civicwatch.store.models import Claim

    document = document_with(
        "Judge Bolat Seitov fined Dana Omarova 100 MCI. ",
        [
            Said("Bolat Seitov"),
            Said("Dana Omarova", outcomes=[(PenaltyKind.FINE, "100 MCI", None)]),
        ],
    )
    judge = Claim.objects.get(document=document, kind="person", quote="Bolat Seitov")
    reject([judge.pk], reason="the judge")
    assert [row["name"] for row in person_list()] == ["Dana Omarova"]
