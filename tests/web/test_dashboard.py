"""The dashboard: recent documents, review queue, follow-ups, latest events, people held,
counts for the period; a viewer's dashboard counts only what a viewer may see."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from civicwatch.core.vocab import ReviewState, Role, Sensitivity
from civicwatch.services import access
from civicwatch.services.accounts import add_user
from civicwatch.services.dashboard import dashboard
from civicwatch.store.models import Event, Person
from tests.web.test_events import PUBLIC_REPORT, SECRET_NAME, SECRET_REPORT

PASSWORD = "a long passphrase for the monitor"


@pytest.fixture(scope="module")
def corpus(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    with django_db_blocker.unblock(), transaction.atomic():
        public, _ = ingest_bytes(
            PUBLIC_REPORT.encode(),
            "kz-rally-2024-03.txt",
            DocumentMetadata(sensitivity=Sensitivity.PUBLIC, published=date(2024, 4, 1)),
        )
        secret, _ = ingest_bytes(
            SECRET_REPORT.encode(),
            "kz-source-note-2024-04.txt",
            DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL, published=date(2024, 4, 10)),
        )
        add_user("reviewer", Role.REVIEWER, PASSWORD)
        add_user("viewer", Role.VIEWER, PASSWORD)
        yield {"public": public, "secret": secret}
        transaction.set_rollback(True)


def signed_in(client: Client, username: str) -> Client:
    assert client.login(username=username, password=PASSWORD)
    return client


def secret_person() -> Person:
    return Person.objects.get(canonical_name__contains=SECRET_NAME, canonical__isnull=True)


def test_dashboard_is_the_home_page(client: Client, corpus: dict[str, Any], db: Any) -> None:
    assert client.get("/").status_code == 302  # login first
    response = signed_in(client, "reviewer").get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Held today", "Follow-ups due", "Recent documents", "Latest events"):
        assert heading in html
    assert corpus["public"].title in html
    assert f'href="/documents/{corpus["public"].pk}/"' in html
    assert 'href="/review/"' in html  # the queue links to the review page
    assert 'href="/events/"' in html


def test_held_people_with_their_articles(client: Client, corpus: dict[str, Any], db: Any) -> None:
    person = secret_person()
    assert person.status == "pretrial_detention"
    html = signed_in(client, "reviewer").get("/").content.decode()
    assert f'href="/persons/{person.pk}/"' in html
    assert "Pre-trial detention" in html
    assert "CC 274" in html


def test_review_queue_counts_proposed_claims(corpus: dict[str, Any], db: Any) -> None:
    board = dashboard(Sensitivity.CONFIDENTIAL, today=date(2024, 4, 15))
    proposed = (
        access.visible_claims(Sensitivity.CONFIDENTIAL)
        .filter(review_state=ReviewState.PROPOSED.value, superseded_at__isnull=True)
        .count()
    )
    assert board.review_queue == proposed > 0
    viewer_board = dashboard(Sensitivity.INTERNAL, today=date(2024, 4, 15))
    assert 0 < viewer_board.review_queue < board.review_queue


def test_period_counts(corpus: dict[str, Any], db: Any) -> None:
    board = dashboard(Sensitivity.CONFIDENTIAL, today=date(2024, 3, 28))
    month, year, *_earlier = board.periods
    march = Event.objects.filter(
        date_start__gte=date(2024, 3, 1), date_start__lte=date(2024, 3, 31)
    )
    assert month.events == march.count() > 0
    assert month.fines == march.filter(type="administrative_fine").count() > 0
    assert month.detentions >= march.filter(type="detention").count()
    assert year.events >= month.events
    assert year.detentions > month.detentions  # the April detention is in the year only


def test_latest_month_on_record_beside_an_empty_present(corpus: dict[str, Any], db: Any) -> None:
    board = dashboard(Sensitivity.CONFIDENTIAL, today=date(2026, 12, 1))
    month, year, latest = board.periods
    assert month.events == year.events == 0
    newest = Event.objects.order_by("-date_start").first()
    assert newest is not None and newest.date_start is not None
    assert latest.label == newest.date_start.strftime("%B %Y")
    assert latest.events > 0


def test_period_counts_link_to_the_filtered_events(
    client: Client, corpus: dict[str, Any], db: Any
) -> None:
    html = signed_in(client, "reviewer").get("/").content.decode()
    assert "/events/?type=administrative_fine&amp;from=" in html


def test_followups_of_visible_people(corpus: dict[str, Any], db: Any) -> None:
    person = secret_person()
    board = dashboard(Sensitivity.CONFIDENTIAL, today=date(2024, 5, 20))
    due = [f for f in board.followups if f.person == person.pk]
    assert [f.due for f in due] == [date(2024, 6, 8)]  # within 30 days; undated ones wait
    assert not due[0].overdue
    later = dashboard(Sensitivity.CONFIDENTIAL, today=date(2024, 7, 1))
    assert [f.overdue for f in later.followups if f.person == person.pk] == [True]
    early = dashboard(Sensitivity.CONFIDENTIAL, today=date(2024, 4, 15))
    assert person.pk not in {f.person for f in early.followups}
    viewer_board = dashboard(Sensitivity.INTERNAL, today=date(2024, 7, 1))
    assert person.pk not in {f.person for f in viewer_board.followups}


def test_viewer_sees_nothing_confidential(client: Client, corpus: dict[str, Any], db: Any) -> None:
    response = signed_in(client, "viewer").get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET_NAME not in html
    assert corpus["secret"].title not in html
    assert "CC 274" not in html
    assert 'href="/review/"' not in html  # viewers do not review
    board = dashboard(Sensitivity.INTERNAL)
    assert board.document_count == 1
    assert board.held_count == 0
    assert board.event_count < dashboard(Sensitivity.CONFIDENTIAL).event_count
