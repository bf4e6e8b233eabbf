"""The events list: facets that combine, counts, paging, CSV, and what a viewer may see.

Data is made the real way: report texts ingested with the service the CLI and the upload
page use, which extracts claims and builds the case database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from civicwatch.core.vocab import EventType, Role, Sensitivity
from civicwatch.services import events as service
from civicwatch.services.accounts import add_user
from civicwatch.store.models import Document, Event, Person

PASSWORD = "a long passphrase for the monitor"

PUBLIC_REPORT = """Kazakhstan: journalists fined after a rally in Almaty

On 12 March 2024, the Medeu District Court in Almaty fined journalist Aigerim Tulegenova \
100 MCI under Article 488 of the Code of Administrative Offences for taking part in a \
peaceful rally.

On 20 March 2024, police in Astana detained activist Nurlan Seitkali. On 25 March 2024 a \
court sentenced him to 15 days of administrative detention under Article 488 of the Code \
of Administrative Offences.
"""

SECRET_REPORT = """Kazakhstan: note from a source

On 5 April 2024, blogger Daulet Kassymbekov was detained in Shymkent and charged under \
Article 274 of the Criminal Code for spreading false information. On 8 April 2024 the \
court placed him in pre-trial detention until 8 June 2024. His lawyer has appealed \
against the arrest; the appeal has not yet been heard.
"""

SECRET_NAME = "Kassymbekov"


@pytest.fixture(scope="module")
def corpus(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """Two reports, one public and one confidential, ingested once for the module."""
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    with django_db_blocker.unblock(), transaction.atomic():
        public, _ = ingest_bytes(
            PUBLIC_REPORT.encode(),
            "kz-rally-2024-03.txt",
            DocumentMetadata(
                sensitivity=Sensitivity.PUBLIC,
                published=date(2024, 4, 1),
                publisher="CIVICUS Monitor",
            ),
        )
        secret, _ = ingest_bytes(
            SECRET_REPORT.encode(),
            "kz-source-note-2024-04.txt",
            DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL, published=date(2024, 4, 10)),
        )
        add_user("editor", Role.EDITOR, PASSWORD)
        add_user("viewer", Role.VIEWER, PASSWORD)
        yield {"public": public, "secret": secret}
        transaction.set_rollback(True)


@pytest.fixture
def editor(client: Client, corpus: dict[str, Any], db: Any) -> Client:
    assert client.login(username="editor", password=PASSWORD)
    return client


@pytest.fixture
def viewer(client: Client, corpus: dict[str, Any], db: Any) -> Client:
    assert client.login(username="viewer", password=PASSWORD)
    return client


def events_of(document: Document) -> Any:
    return Event.objects.filter(sources__document=document).distinct()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    """What a reader sees of a page (the text, no markup or attribute values)."""
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def csv_rows(response: Any) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


# ---- The corpus is what the tests assume ------------------------------------------------


def test_the_reports_made_events(corpus: dict[str, Any], db: Any) -> None:
    public_types = set(events_of(corpus["public"]).values_list("type", flat=True))
    assert EventType.ADMINISTRATIVE_FINE.value in public_types
    assert events_of(corpus["secret"]).exists()
    assert Person.objects.filter(canonical_name__contains=SECRET_NAME).exists()


# ---- The page ---------------------------------------------------------------------------


def test_login_is_required(client: Client, corpus: dict[str, Any], db: Any) -> None:
    response = client.get("/events/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_list_shows_rows_with_people_sources_and_facets(
    editor: Client, corpus: dict[str, Any]
) -> None:
    response = editor.get("/events/")
    assert response.status_code == 200
    html = response.content.decode()
    total = service.filtered_events(service.EventFilters(), Sensitivity.CONFIDENTIAL).count()
    assert total > 0
    assert f"{total} events" in html
    assert "Aigerim Tulegenova" in html
    person = Person.objects.get(canonical_name="Aigerim Tulegenova", canonical__isnull=True)
    assert f'href="/persons/{person.pk}/"' in html
    assert f'href="/documents/{corpus["public"].pk}/"' in html
    assert "reported by 1 document" in html
    assert "12 March 2024" in html  # the date in words
    assert "Administrative fine" in html  # vocabulary labels, never raw terms
    assert "administrative_fine" not in visible_text(html)
    assert "Justice" in html  # event types listed under their group
    assert 'name="freedom"' in html


def test_two_facets_combine_and_counts_follow(editor: Client, corpus: dict[str, Any]) -> None:
    reader = Sensitivity.CONFIDENTIAL
    only_type = service.EventFilters(type=(EventType.ADMINISTRATIVE_FINE.value,))
    both = service.EventFilters(type=(EventType.ADMINISTRATIVE_FINE.value,), country=("KZ",))
    expected = list(
        service.filtered_events(only_type, reader)
        .filter(pk__in=service.filtered_events(service.EventFilters(country=("KZ",)), reader))
        .values_list("pk", flat=True)
    )
    assert expected
    page = service.event_page(both, reader, 1)
    assert sorted(row.id for row in page.rows) == sorted(expected)
    assert all(row.type is EventType.ADMINISTRATIVE_FINE for row in page.rows)

    facets = {facet.name: facet for facet in service.facet_counts(both, reader)}
    # The counts of a facet are those the *other* facets let through: every event type
    # in Kazakhstan is still offered with its own count.
    kz_types = service.facet_counts(service.EventFilters(country=("KZ",)), reader)
    type_counts = {v.value: v.count for v in kz_types[0].values}
    assert {v.value: v.count for v in facets["type"].values} == type_counts
    assert facets["type"].selected[0].count == len(expected)
    # and the country counts are those of fines only
    fines_by_country = {v.value: v.count for v in service.facet_counts(only_type, reader)[3].values}
    assert {v.value: v.count for v in facets["country"].values} == fines_by_country

    response = editor.get("/events/", {"type": "administrative_fine", "country": "KZ"})
    html = response.content.decode()
    assert f"{len(expected)} event" in html
    assert "checked" in html
    assert "Kazakhstan" in html  # the country's name, not only its code


def test_unknown_terms_and_bad_dates_are_ignored(editor: Client) -> None:
    response = editor.get(
        "/events/", {"type": "no_such_type", "from": "2024-13-40", "region": "x", "page": "99"}
    )
    assert response.status_code == 200
    total = service.filtered_events(service.EventFilters(), Sensitivity.CONFIDENTIAL).count()
    assert f"{total} events" in response.content.decode()


def test_period_filter(editor: Client, corpus: dict[str, Any]) -> None:
    reader = Sensitivity.CONFIDENTIAL
    march = service.EventFilters.from_query({"from": ["2024-03"], "to": ["2024-03"]})
    assert march.date_from == date(2024, 3, 1)
    assert march.date_to == date(2024, 3, 31)
    rows = service.event_page(march, reader, 1).rows
    assert rows
    assert all(row.date_start and row.date_start.month == 3 for row in rows)
    april = service.EventFilters(date_from=date(2024, 4, 1), date_to=date(2024, 4, 30))
    assert {row.id for row in service.event_page(april, reader, 1).rows}.isdisjoint(
        {row.id for row in rows}
    )


def test_htmx_request_gets_the_fragment(editor: Client) -> None:
    response = editor.get(
        "/events/",
        {"freedom": "peaceful_assembly"},
        headers={"HX-Request": "true", "HX-Target": "events-body"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="events-body"')
    assert "<html" not in html
    assert "HX-Target" in response["Vary"]


def test_chosen_filters_can_be_removed_one_by_one(editor: Client) -> None:
    response = editor.get("/events/", {"type": "administrative_fine", "country": "KZ"})
    html = response.content.decode()
    assert 'href="/events/?country=KZ"' in html  # removes the type, keeps the country
    assert 'href="/events/?type=administrative_fine"' in html


def test_pages_of_events() -> None:
    filters = service.EventFilters()
    page = service.EventPage(rows=[], number=2, num_pages=3, count=60)
    assert page.has_previous and page.has_next
    assert filters.query_items() == []


def test_date_in_words() -> None:
    assert service.date_in_words(date(2024, 3, 14), "day") == "14 March 2024"
    assert service.date_in_words(date(2024, 3, 11), "mid") == "mid-March 2024"
    assert service.date_in_words(date(2024, 3, 1), "early") == "early March 2024"
    assert service.date_in_words(date(2024, 3, 1), "month") == "March 2024"
    assert service.date_in_words(date(2024, 1, 1), "year") == "2024"
    assert service.date_in_words(None, "") == ""


# ---- CSV --------------------------------------------------------------------------------


def test_csv_is_exactly_the_filtered_list(editor: Client, corpus: dict[str, Any]) -> None:
    query = {"type": "administrative_fine", "country": "KZ"}
    response = editor.get("/events/export.csv", query)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    expected = service.filtered_events(
        service.EventFilters.from_query({k: [v] for k, v in query.items()}),
        Sensitivity.CONFIDENTIAL,
    )
    assert [int(row["Event id"]) for row in rows] == list(expected.values_list("pk", flat=True))
    assert rows[0]["Event type"] == "Administrative fine"
    assert rows[0]["Country"] == "Kazakhstan"
    assert str(corpus["public"].pk) in rows[0]["Source document ids"].split("; ")
    assert corpus["public"].title in rows[0]["Source document titles"]


def test_csv_of_everything_spans_batches(corpus: dict[str, Any], db: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(service, "CSV_BATCH", 2)
    lines = list(service.export_events_csv(service.EventFilters(), Sensitivity.CONFIDENTIAL))
    total = service.filtered_events(service.EventFilters(), Sensitivity.CONFIDENTIAL).count()
    assert total > 2
    assert len(lines) == total + 1
    ids = [int(line.split(",", 1)[0]) for line in lines[1:]]
    assert len(set(ids)) == total


def test_csv_cells_never_start_a_formula() -> None:
    assert service._csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert service._csv_cell("Almaty") == "Almaty"


# ---- What a viewer may see --------------------------------------------------------------


def test_viewer_never_sees_the_confidential_report(viewer: Client, corpus: dict[str, Any]) -> None:
    html = viewer.get("/events/").content.decode()
    assert SECRET_NAME not in html
    assert corpus["secret"].title not in html
    assert f"/documents/{corpus['secret'].pk}/" not in html
    assert "Aigerim Tulegenova" in html
    visible = service.filtered_events(service.EventFilters(), Sensitivity.INTERNAL).count()
    everything = service.filtered_events(service.EventFilters(), Sensitivity.CONFIDENTIAL).count()
    assert visible < everything
    assert f"{visible} events" in html


def test_viewer_counts_leave_out_confidential_events(
    viewer: Client, corpus: dict[str, Any]
) -> None:
    secret_types = set(events_of(corpus["secret"]).values_list("type", flat=True))
    public_types = set(events_of(corpus["public"]).values_list("type", flat=True))
    only_secret = secret_types - public_types
    assert only_secret  # e.g. pre-trial detention is only in the confidential note
    facets = service.facet_counts(service.EventFilters(), Sensitivity.INTERNAL)
    offered = {v.value for v in facets[0].values}
    assert offered.isdisjoint(only_secret)
    role_values = {v.value for f in facets if f.name == "role" for v in f.values}
    assert "blogger" not in role_values  # the blogger is named only in the confidential note
    # Asking for a type only the confidential note has gives nothing, not an error.
    chosen = sorted(only_secret)[0]
    html = viewer.get("/events/", {"type": chosen}).content.decode()
    assert "0 events" in html
    assert SECRET_NAME not in html


def test_viewer_csv_leaves_out_the_confidential_report(
    viewer: Client, editor_rows: list[dict[str, str]], corpus: dict[str, Any]
) -> None:
    rows = csv_rows(viewer.get("/events/export.csv"))
    text = repr(rows)
    assert SECRET_NAME not in text
    assert corpus["secret"].title not in text
    assert len(rows) < len(editor_rows)


@pytest.fixture
def editor_rows(corpus: dict[str, Any], db: Any) -> list[dict[str, str]]:
    client = Client()
    assert client.login(username="editor", password=PASSWORD)
    rows = csv_rows(client.get("/events/export.csv"))
    assert any(SECRET_NAME in row["People"] for row in rows)
    return rows


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"type": ["administrative_fine"], "country": ["KZ"]},
        {"freedom": ["peaceful_assembly"], "review": ["proposed"]},
        {"role": ["journalist", "activist"], "from": ["2024-03"]},
    ],
)
@pytest.mark.parametrize("reader", [Sensitivity.CONFIDENTIAL, Sensitivity.INTERNAL])
def test_every_count_is_what_choosing_that_value_gives(
    corpus: dict[str, Any], db: Any, query: dict[str, list[str]], reader: Sensitivity
) -> None:
    """The number beside a value is the length of the list you get by choosing only that
    value of its facet (the other facets as they are)."""
    filters = service.EventFilters.from_query(query)
    checked = 0
    for facet in service.facet_counts(filters, reader):
        for value in facet.values:
            alone = service.EventFilters.from_query({**query, facet.name: [value.value]})
            assert getattr(alone, facet.name) == (value.value,)
            expected = service.filtered_events(alone, reader).count()
            assert value.count == expected, (facet.name, value.value)
            checked += 1
    assert checked > 5


@pytest.mark.parametrize(
    "query", [{}, {"type": ["administrative_fine"], "country": ["KZ"]}, {"freedom": ["expression"]}]
)
@pytest.mark.parametrize("reader", [Sensitivity.CONFIDENTIAL, Sensitivity.INTERNAL])
def test_the_page_read_in_one_pass_is_the_same(
    corpus: dict[str, Any], db: Any, query: dict[str, list[str]], reader: Sensitivity
) -> None:
    filters = service.EventFilters.from_query(query)
    page, facets = service.event_list(filters, reader, 1)
    assert page == service.event_page(filters, reader, 1)
    assert facets == service.facet_counts(filters, reader)
