"""The one place sensitivity is enforced: documents, persons, claims and events by clearance."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from civicwatch.core.vocab import ClaimKind, Role, Sensitivity
from civicwatch.errors import AccessDeniedError, AccountError
from civicwatch.services import access
from civicwatch.services.accounts import add_user, list_users, set_role
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.services.records import set_person_sensitivity
from civicwatch.store.models import Person

pytestmark = pytest.mark.django_db

PUBLIC_REPORT = (
    "Kazakhstan update, April 2024\n\n"
    "On 2 April 2024 a court in Almaty sentenced the blogger Aidos Serikbayev to five years "
    "in prison under Article 274 of the Criminal Code.\n"
)
CONFIDENTIAL_REPORT = (
    "Internal note, April 2024\n\n"
    "On 3 April 2024 police in Shymkent detained the activist Marzhan Tokayeva, who was "
    "later fined 100 MCI under Article 488 of the Code of Administrative Offences.\n"
)


def ingest(text: str, sensitivity: Sensitivity, name: str) -> Any:
    document, _ = ingest_bytes(
        text.encode(), name, DocumentMetadata(sensitivity=sensitivity, country="KZ")
    )
    return document


@pytest.fixture
def two_reports() -> dict[str, Any]:
    return {
        "public": ingest(PUBLIC_REPORT, Sensitivity.PUBLIC, "public.txt"),
        "confidential": ingest(CONFIDENTIAL_REPORT, Sensitivity.CONFIDENTIAL, "secret.txt"),
    }


def names(persons: Any) -> set[str]:
    return {person.canonical_name for person in persons}


def test_levels_are_cumulative() -> None:
    assert access.levels(Sensitivity.PUBLIC) == ["public"]
    assert access.levels(Sensitivity.CONFIDENTIAL) == ["public", "internal", "confidential"]


def test_viewer_is_cleared_to_internal_and_others_to_confidential() -> None:
    assert Role.VIEWER.clearance is Sensitivity.INTERNAL
    assert {role.clearance for role in Role if role is not Role.VIEWER} == {
        Sensitivity.CONFIDENTIAL
    }


def test_documents_by_clearance(two_reports: dict[str, Any]) -> None:
    assert list(access.visible_documents(Sensitivity.INTERNAL)) == [two_reports["public"]]
    assert set(access.visible_documents(Sensitivity.CONFIDENTIAL)) == set(two_reports.values())


def test_person_named_only_in_a_confidential_report_is_hidden(two_reports: dict[str, Any]) -> None:
    everyone = names(access.visible_persons(Sensitivity.CONFIDENTIAL))
    assert {"Aidos Serikbayev", "Marzhan Tokayeva"} <= everyone
    viewer = names(access.visible_persons(Sensitivity.INTERNAL))
    assert "Aidos Serikbayev" in viewer
    assert "Marzhan Tokayeva" not in viewer


def test_confidential_person_is_hidden_with_their_claims_and_events(
    two_reports: dict[str, Any],
) -> None:
    person = Person.objects.get(canonical_name="Aidos Serikbayev", canonical__isnull=True)
    set_person_sensitivity(person.pk, Sensitivity.CONFIDENTIAL)
    assert "Aidos Serikbayev" not in names(access.visible_persons(Sensitivity.INTERNAL))
    claims = access.visible_claims(Sensitivity.INTERNAL)
    assert not claims.filter(kind=ClaimKind.PERSON.value).exists()
    assert not claims.filter(subject__person=person).exists()
    assert (
        not access.visible_events(Sensitivity.INTERNAL).filter(involvements__person=person).exists()
    )
    # cleared readers still see everything
    assert (
        access.visible_events(Sensitivity.CONFIDENTIAL).filter(involvements__person=person).exists()
    )


def test_events_follow_their_sources(two_reports: dict[str, Any]) -> None:
    internal = access.visible_events(Sensitivity.INTERNAL)
    confidential = access.visible_events(Sensitivity.CONFIDENTIAL)
    assert internal.exists()
    assert confidential.count() > internal.count()
    for event in internal:
        assert event.sources.filter(document=two_reports["public"]).exists()


def test_roles_of_accounts() -> None:
    add_user("vera", Role.VIEWER, "a long passphrase for vera")
    add_user("rustam", Role.REVIEWER, "a long passphrase for rustam")
    vera = User.objects.get(username="vera")
    rustam = User.objects.get(username="rustam")
    assert access.role_of(vera) is Role.VIEWER
    assert access.clearance_of(vera) is Sensitivity.INTERNAL
    assert access.can(rustam, Role.REVIEWER)
    assert not access.can(rustam, Role.EDITOR)
    with pytest.raises(AccessDeniedError, match="editor role"):
        access.require(rustam, Role.EDITOR, "Merging persons")
    set_role("rustam", Role.EDITOR)
    assert access.can(User.objects.get(username="rustam"), Role.EDITOR)
    assert [(row.username, row.role) for row in list_users()] == [
        ("rustam", Role.EDITOR),
        ("vera", Role.VIEWER),
    ]


def test_superuser_is_admin_and_anonymous_is_viewer() -> None:
    admin = User.objects.create_superuser("root", password="a long passphrase for root")
    assert access.role_of(admin) is Role.ADMIN
    assert access.role_of(None) is Role.VIEWER


def test_account_errors_leave_nothing() -> None:
    with pytest.raises(AccountError):
        add_user("weak", Role.VIEWER, "123")
    assert not User.objects.filter(username="weak").exists()
    add_user("amina", Role.EDITOR)
    with pytest.raises(AccountError, match="already exists"):
        add_user("amina", Role.VIEWER)
    with pytest.raises(AccountError, match="username"):
        add_user("  ", Role.VIEWER)
