"""Case files, people lists and record pages at a clearance, person history and sensitivity:
built from real reports through the real services."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from civicwatch.cases.identity import IdentityError
from civicwatch.core.vocab import ClaimKind, Sensitivity
from civicwatch.services import persons, records, review
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.store.models import (
    Claim,
    LegalProvision,
    Organisation,
    Person,
    Place,
    PossibleDuplicate,
    RecordChange,
)

pytestmark = pytest.mark.django_db

INTERNAL = Sensitivity.INTERNAL  # a viewer's clearance
ALL = Sensitivity.CONFIDENTIAL

REPORTS = {
    "public-april.txt": (
        "Kazakhstan update, April 2024\n\n"
        "On 2 April 2024 the Almaty City Court sentenced the blogger Aidos Serikbayev, a member "
        "of the unregistered Democratic Choice of Kazakhstan movement, to five years in prison "
        "under Article 274 of the Criminal Code.\n",
        Sensitivity.PUBLIC,
    ),
    "confidential-note.txt": (
        "Internal note, April 2024\n\n"
        "On 3 April 2024 police in Shymkent detained the activist Marzhan Tokayeva, who was "
        "later fined 100 MCI under Article 488 of the Code of Administrative Offences.\n\n"
        "On 5 April 2024 police in Shymkent searched the home of the blogger Айдос Серикбаев.\n",
        Sensitivity.CONFIDENTIAL,
    ),
    "june.txt": (
        "Kazakhstan update, June 2024\n\n"
        "On 3 June 2024 a court in Astana fined the activist Askar Nurlanov 50 MCI under "
        "Article 488 of the Code of Administrative Offences.\n",
        Sensitivity.PUBLIC,
    ),
    "july.txt": (
        "Kazakhstan update, July 2024\n\n"
        "On 4 July 2024 a court in Astana fined the activist Arman Nurlanov 40 MCI under "
        "Article 488 of the Code of Administrative Offences.\n",
        Sensitivity.PUBLIC,
    ),
    "august.txt": (
        "Kazakhstan update, August 2024\n\n"
        "On 5 August 2024 police in Astana detained the activist Nurlanov A. at a picket.\n",
        Sensitivity.INTERNAL,
    ),
}


def root_named(name: str) -> int:
    return persons.find_person(name)


@pytest.fixture
def reports() -> dict[str, Any]:
    """Five reports: a public sentence, a confidential note that names one person only
    there and another in a spelling of its own, and three that leave 'Nurlanov A.' a
    possible duplicate of two people."""
    documents = {}
    for name, (text, level) in REPORTS.items():
        documents[name], _ = ingest_bytes(
            text.encode(), name, DocumentMetadata(sensitivity=level, country="KZ")
        )
    return documents


@pytest.fixture
def editor(django_user_model: type[User]) -> User:
    return django_user_model.objects.create_user("editor", first_name="Dana", last_name="Editor")


# ---- Case files at a clearance -----------------------------------------------------------


def test_a_viewer_sees_the_case_file_without_what_only_confidential_reports_say(
    reports: dict[str, Any],
) -> None:
    root = root_named("Aidos Serikbayev")
    full = persons.person_file(root, clearance=ALL)
    shown = persons.person_file(root, clearance=INTERNAL)

    assert "Айдос Серикбаев" in full["variants"]
    assert "Айдос Серикбаев" not in shown["variants"]
    confidential = reports["confidential-note.txt"].pk
    assert confidential in {d["id"] for d in full["documents"]}
    assert confidential not in {d["id"] for d in shown["documents"]}
    sources = [s["document"] for e in shown["events"] for s in e["sources"]]
    assert confidential not in sources and sources
    assert {e["type"] for e in full["events"]} - {e["type"] for e in shown["events"]} == {"search"}
    # The sentence behind each fact comes with it.
    (charge,) = shown["charges"]
    assert charge["label"] == "CC 274"
    assert "Article 274 of the Criminal Code" in charge["sources"][0]["sentence"]
    assert shown["status"]["code"] == "serving_prison"
    assert "five years in prison" in shown["status"]["source"]["sentence"]


def test_a_person_named_only_in_confidential_reports_does_not_exist_for_a_viewer(
    reports: dict[str, Any],
) -> None:
    root = root_named("Marzhan Tokayeva")
    assert persons.person_file(root, clearance=ALL)["name"] == "Marzhan Tokayeva"
    with pytest.raises(IdentityError):
        persons.person_file(root, clearance=INTERNAL)


def test_the_cli_shape_is_unchanged_without_a_clearance(reports: dict[str, Any]) -> None:
    root = root_named("Aidos Serikbayev")
    data = persons.person_file(root)
    assert set(data) >= {"id", "name", "variants", "status", "charges", "events", "documents"}
    assert "Айдос Серикбаев" in data["variants"]


# ---- The people list -----------------------------------------------------------------------


def test_held_today_lists_each_person_with_their_articles(reports: dict[str, Any]) -> None:
    held = list(persons.people(persons.PersonFilters(status=persons.HELD), INTERNAL))
    assert [person.canonical_name for person in held] == ["Aidos Serikbayev"]
    (row,) = persons.people_rows(held, INTERNAL)
    assert row["status"] == "serving_prison"
    assert [article["label"] for article in row["articles"]] == ["CC 274"]
    assert row["sources"] == 1  # the public report; the confidential one is not counted
    (everything,) = persons.people_rows(held, ALL)
    assert everything["sources"] == 2
    assert [article["label"] for article in everything["articles"]] == ["CC 274"]


def test_names_are_found_in_any_script_and_hidden_people_never(
    reports: dict[str, Any],
) -> None:
    def found(q: str, clearance: Sensitivity) -> set[str]:
        return {p.canonical_name for p in persons.people(persons.PersonFilters(q=q), clearance)}

    assert found("Серикбаев", ALL) == {"Aidos Serikbayev"}
    # Transliteration: the Cyrillic query matches the Latin spellings a viewer may see.
    assert found("Серикбаев", INTERNAL) == {"Aidos Serikbayev"}
    assert found("Токаева", ALL) == {"Marzhan Tokayeva"}
    assert found("Токаева", INTERNAL) == set()
    assert found("serikbayev", INTERNAL) == {"Aidos Serikbayev"}
    assert found("Tokayeva", INTERNAL) == set()
    assert found("Nurlanov", INTERNAL) == {"Askar Nurlanov", "Arman Nurlanov", "Nurlanov A."}


def test_people_are_sorted_by_how_many_reports_name_them(reports: dict[str, Any]) -> None:
    ordered = persons.people(persons.PersonFilters(order=persons.PersonOrder.SOURCES), ALL)
    assert ordered[0].canonical_name == "Aidos Serikbayev"


# ---- Organisation, provision and place pages ------------------------------------------------


def test_everyone_charged_under_an_article_with_outcomes(reports: dict[str, Any]) -> None:
    cao = LegalProvision.objects.get(code="CAO", article="488")
    page = records.provision_page(cao.pk, ALL)
    by_name = {row["name"]: row for row in page.charged}
    assert set(by_name) == {"Marzhan Tokayeva", "Askar Nurlanov", "Arman Nurlanov"}
    assert [o["amount"] for o in by_name["Askar Nurlanov"]["outcomes"]] == ["50 MCI"]
    assert by_name["Askar Nurlanov"]["outcomes"][0]["date"] == "2024-06-03"

    viewer = records.provision_page(cao.pk, INTERNAL)
    assert {row["name"] for row in viewer.charged} == {"Askar Nurlanov", "Arman Nurlanov"}
    assert viewer.charged_count == 2
    listed = {row["label"]: row["people"] for row in records.provision_list(INTERNAL)[0]}
    assert listed == {"CAO 488": 2, "CC 274": 1}


def test_a_place_known_only_from_a_confidential_report_is_unknown_to_a_viewer(
    reports: dict[str, Any],
) -> None:
    shymkent = Place.objects.get(name="Shymkent")
    page = records.place_page(shymkent.pk, ALL)
    assert page.event_count >= 1
    assert {p["name"] for e in page.events for p in e["people"]} >= {"Marzhan Tokayeva"}
    with pytest.raises(records.RecordNotFound):
        records.place_page(shymkent.pk, INTERNAL)
    astana = records.place_page(Place.objects.get(name="Astana").pk, INTERNAL)
    assert {p["name"] for e in astana.events for p in e["people"]} >= {"Askar Nurlanov"}


def test_organisation_page_names_the_people_and_events_it_is_reported_with(
    reports: dict[str, Any],
) -> None:
    organisation = Organisation.objects.get(name="Democratic Choice of Kazakhstan")
    page = records.organisation_page(organisation.pk, INTERNAL)
    assert [p["name"] for p in page.people] == ["Aidos Serikbayev"]
    assert page.event_count == 1 and page.events[0]["type"] == "sentence"
    assert [d["id"] for d in page.documents] == [reports["public-april.txt"].pk]
    with pytest.raises(records.RecordNotFound):
        records.organisation_page(organisation.pk + 1000, ALL)


# ---- History and sensitivity ----------------------------------------------------------------


def test_sensitivity_covers_every_record_of_the_person_and_is_in_the_history(
    reports: dict[str, Any], editor: User
) -> None:
    root = root_named("Aidos Serikbayev")
    group = [root, *Person.objects.filter(canonical=root).values_list("pk", flat=True)]
    assert len(group) >= 2

    assert records.set_person_sensitivity(root, Sensitivity.CONFIDENTIAL, user=editor) == len(group)
    assert set(Person.objects.filter(pk__in=group).values_list("sensitivity", flat=True)) == {
        "confidential"
    }
    assert not persons.is_visible(root, INTERNAL)
    held = persons.people(persons.PersonFilters(status=persons.HELD), INTERNAL)
    assert not held.exists()
    assert records.set_person_sensitivity(root, Sensitivity.CONFIDENTIAL, user=editor) == 0
    assert RecordChange.objects.count() == 1

    (entry,) = [
        e
        for e in persons.person_history(root, clearance=ALL)["entries"]
        if e["action"] == "changed"
    ]
    assert entry["by"] == "Dana Editor"
    assert entry["changes"] == [{"field": "sensitivity", "old": "public", "new": "confidential"}]


def test_history_shows_corrections_with_old_and_new_values_merges_and_keep_apart(
    reports: dict[str, Any], editor: User
) -> None:
    root = root_named("Askar Nurlanov")
    outcome = Claim.objects.get(kind=ClaimKind.OUTCOME.value, subject__person=root)
    review.correct(outcome.pk, {"amount": "60 MCI"}, user=editor)
    review.accept([outcome.pk], user=editor)
    duplicate = root_named("Nurlanov A.")
    persons.merge_persons(root, duplicate, user=editor)
    persons.unmerge_person(duplicate, user=editor)
    persons.keep_apart(root, duplicate, user=editor)

    history = persons.person_history(root, clearance=INTERNAL)
    actions = [entry["action"] for entry in history["entries"]]
    assert actions[:5] == ["kept_apart", "unmerged", "merged", "accepted", "corrected"]
    corrected = history["entries"][4]
    assert {"field": "amount", "old": "50 MCI", "new": "60 MCI"} in corrected["changes"]
    assert corrected["by"] == "Dana Editor"
    assert corrected["document"] == reports["june.txt"].pk
    assert history["entries"][0]["subject"] == "Nurlanov A."
    assert PossibleDuplicate.objects.filter(status="dismissed").exists()
    # The corrected value is what the case file says now.
    assert persons.person_file(root, clearance=INTERNAL)["events"][0]["outcomes"] == [
        {"kind": "fine", "amount": "60 MCI"}
    ]
    assert persons.person_history(root, limit=2)["total"] == history["total"]


def test_history_leaves_out_decisions_on_claims_from_reports_above_the_clearance(
    reports: dict[str, Any], editor: User
) -> None:
    root = root_named("Aidos Serikbayev")
    # The person claim of the spelling only the confidential note uses.
    hidden = Claim.objects.get(
        document=reports["confidential-note.txt"],
        kind=ClaimKind.PERSON.value,
        person__canonical=root,
    )
    review.accept([hidden.pk], user=editor)
    seen_all = [e["claim"] for e in persons.person_history(root, clearance=ALL)["entries"]]
    seen_viewer = [e["claim"] for e in persons.person_history(root, clearance=INTERNAL)["entries"]]
    assert hidden.pk in seen_all
    assert hidden.pk not in seen_viewer
