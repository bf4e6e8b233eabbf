"""The document list: columns, order, search, filters, pagination, empty states, htmx."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from civicwatch.core.vocab import Sensitivity
from civicwatch.store.models import Document
from tests.web.conftest import KAZAKHSTAN_PARAGRAPH, MakeDocument

pytestmark = pytest.mark.django_db

LIST = reverse("web:documents")
HTMX = {"HX-Request": "true", "HX-Target": "document-results"}


def titles(response: object) -> list[str]:
    return [document.title for document in response.context["documents"]]  # type: ignore[attr-defined]


def test_list_shows_document_columns(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(
        title="Kazakhstan: activists jailed",
        publisher="CIVICUS Monitor",
        published=date(2023, 11, 28),
        language="ru",
        sensitivity=Sensitivity.INTERNAL.value,
        text=KAZAKHSTAN_PARAGRAPH,
    )
    Document.objects.filter(pk=document.pk).update(
        ingested_at=datetime(2024, 2, 3, 10, 0, tzinfo=UTC)
    )
    response = monitor_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("web:document", args=[document.pk])}"' in html
    assert "Kazakhstan: activists jailed" in html
    assert "CIVICUS Monitor" in html
    assert '<time datetime="2023-11-28">28 Nov 2023</time>' in html
    assert '<abbr title="Russian">ru</abbr>' in html
    assert f'<span class="badge badge--internal">{Sensitivity.INTERNAL.label}</span>' in html
    assert "1 document." in html
    # The layout: header with product name and navigation, main, footer.
    assert '<a class="brand" href="/">Civicwatch</a>' in html
    assert 'aria-current="page">Documents</a>' in html
    assert '<main id="main"' in html
    assert "<footer" in html


def test_list_is_sorted_newest_published_first(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    make_document(title="Old", published=date(2021, 5, 1))
    make_document(title="Undated", published=None)
    make_document(title="New", published=date(2024, 1, 9))
    make_document(title="Middle", published=date(2023, 6, 1))
    assert titles(monitor_client.get(LIST)) == ["New", "Middle", "Old", "Undated"]


def test_same_publication_date_sorts_by_newest_ingest(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    first = make_document(title="Ingested first", published=date(2023, 3, 1))
    make_document(title="Ingested later", published=date(2023, 3, 1))
    Document.objects.filter(pk=first.pk).update(ingested_at=timezone.now() - timedelta(days=1))
    assert titles(monitor_client.get(LIST)) == ["Ingested later", "Ingested first"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("activists", ["Activists jailed"]),  # title
        ("ACTIVISTS", ["Activists jailed"]),  # case-insensitive
        ("freedom now", ["Court watch"]),  # publisher, two words
        ("astana", ["Activists jailed"]),  # text
        ("court", ["Activists jailed", "Court watch"]),  # title of one, text of the other
        ("court astana", ["Activists jailed"]),  # every word must match
        ("  ", ["Activists jailed", "Court watch", "Media law"]),  # blank = everything
        ("nothing-like-this", []),
    ],
)
def test_search(
    monitor_client: Client, make_document: MakeDocument, query: str, expected: list[str]
) -> None:
    make_document(title="Activists jailed", text=KAZAKHSTAN_PARAGRAPH, published=date(2023, 12, 1))
    make_document(
        title="Court watch",
        publisher="Freedom Now",
        text="Trial monitoring notes.",
        published=date(2023, 11, 1),
    )
    make_document(title="Media law", text="A new media law.", published=date(2023, 10, 1))
    assert titles(monitor_client.get(LIST, {"q": query})) == expected


def test_search_box_keeps_the_query(monitor_client: Client, make_document: MakeDocument) -> None:
    make_document()
    html = monitor_client.get(LIST, {"q": 'court "Astana"'}).content.decode()
    assert 'value="court &quot;Astana&quot;"' in html
    assert "Clear search and filters" in html


def test_filter_by_publisher(monitor_client: Client, make_document: MakeDocument) -> None:
    make_document(title="A", publisher="CIVICUS Monitor")
    make_document(title="B", publisher="Freedom Now")
    make_document(title="C", publisher="")
    response = monitor_client.get(LIST, {"publisher": "Freedom Now"})
    assert titles(response) == ["B"]
    html = response.content.decode()
    # The choices are the publishers on record, and the chosen one stays selected.
    assert '<option value="CIVICUS Monitor">CIVICUS Monitor</option>' in html
    assert '<option value="Freedom Now" selected>Freedom Now</option>' in html
    publisher_select = html[html.index('name="publisher"') :]
    publisher_select = publisher_select[: publisher_select.index("</select>")]
    assert publisher_select.count("<option") == 3  # "any" + the two publishers


def test_filter_by_sensitivity(monitor_client: Client, make_document: MakeDocument) -> None:
    make_document(title="Public", sensitivity=Sensitivity.PUBLIC.value)
    make_document(title="Team only", sensitivity=Sensitivity.INTERNAL.value)
    response = monitor_client.get(LIST, {"sensitivity": "internal"})
    assert titles(response) == ["Team only"]
    for term in Sensitivity:
        assert f">{term.label}</option>" in response.content.decode()


def test_filters_combine_with_search(monitor_client: Client, make_document: MakeDocument) -> None:
    make_document(title="Astana public", publisher="P1", sensitivity="public")
    make_document(title="Astana internal", publisher="P1", sensitivity="internal")
    make_document(title="Astana other", publisher="P2", sensitivity="public")
    make_document(title="Almaty", publisher="P1", sensitivity="public")
    response = monitor_client.get(LIST, {"q": "astana", "publisher": "P1", "sensitivity": "public"})
    assert titles(response) == ["Astana public"]


def test_unknown_filter_values_are_ignored(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    make_document(title="A")
    response = monitor_client.get(LIST, {"sensitivity": "top-secret", "publisher": "Nobody"})
    assert response.status_code == 200
    assert titles(response) == ["A"]


def test_pagination(monitor_client: Client, make_document: MakeDocument) -> None:
    for day in range(1, 31):
        make_document(title=f"Update {day:02d}", published=date(2023, 1, day))
    first = monitor_client.get(LIST)
    assert len(titles(first)) == 25
    assert titles(first)[0] == "Update 30"
    html = first.content.decode()
    assert "Page 1 of 2" in html
    assert "30 documents, showing 1–25." in html
    assert '<a href="?page=2" rel="next">' in html

    second = monitor_client.get(LIST, {"page": 2})
    assert titles(second) == [f"Update {day:02d}" for day in range(5, 0, -1)]
    assert '<a href="?page=1" rel="prev">' in second.content.decode()


def test_pagination_keeps_search_and_filters(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    for day in range(1, 28):
        make_document(title=f"Astana {day}", sensitivity="public", published=date(2023, 2, day))
    make_document(title="Elsewhere", sensitivity="public")
    response = monitor_client.get(LIST, {"q": "astana", "sensitivity": "public"})
    html = response.content.decode()
    assert "27 documents match, showing 1–25." in html
    assert '<a href="?q=astana&amp;sensitivity=public&amp;page=2" rel="next">' in html


@pytest.mark.parametrize(("page", "first_title"), [("99", "Update 05"), ("abc", "Update 30")])
def test_out_of_range_pages_show_the_nearest_page(
    monitor_client: Client, make_document: MakeDocument, page: str, first_title: str
) -> None:
    for day in range(1, 31):
        make_document(title=f"Update {day:02d}", published=date(2023, 1, day))
    response = monitor_client.get(LIST, {"page": page})
    assert response.status_code == 200
    assert titles(response)[0] == first_title


def test_empty_state_explains_how_to_ingest(monitor_client: Client) -> None:
    html = monitor_client.get(LIST).content.decode()
    assert "No documents yet" in html
    assert "<code>civicwatch ingest PATH…</code>" in html
    assert "<table" not in html
    assert '<form class="search"' not in html  # nothing to search yet


def test_no_match_state(monitor_client: Client, make_document: MakeDocument) -> None:
    make_document()
    html = monitor_client.get(LIST, {"q": "zzzz"}).content.decode()
    assert "No documents match" in html
    assert "civicwatch ingest" not in html
    assert "0 documents match." in html


def test_htmx_search_returns_only_the_results(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    make_document(title="Astana verdict", text=KAZAKHSTAN_PARAGRAPH)
    make_document(title="Other")
    response = monitor_client.get(LIST, {"q": "astana"}, headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "<form" not in html
    assert "Astana verdict" in html
    assert "Other" not in html
    # The count above the list is updated out of band.
    assert '<p id="result-count" class="result-count" role="status" hx-swap-oob="innerHTML">' in (
        html
    )
    assert "1 document matches." in html
    assert {"HX-Request", "HX-Target"} <= {part.strip() for part in response["Vary"].split(",")}


def test_other_htmx_requests_get_the_whole_page(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    make_document()
    for headers in (
        {"HX-Request": "true"},
        {**HTMX, "HX-History-Restore-Request": "true"},
    ):
        assert "<html" in monitor_client.get(LIST, headers=headers).content.decode()


def test_search_form_works_with_and_without_javascript(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    make_document()
    html = monitor_client.get(LIST).content.decode()
    form = re.search(r"<form class=\"search\"[^>]*>", html)
    assert form is not None
    tag = form.group(0)
    # Without JavaScript: a plain GET form to the same page.
    assert 'method="get"' in tag
    assert f'action="{LIST}"' in tag
    # With htmx: the same request, replacing only the results as the user types.
    assert f'hx-get="{LIST}"' in tag
    assert 'hx-target="#document-results"' in tag
    assert 'hx-trigger="input changed delay:300ms, submit"' in tag
    assert 'hx-push-url="true"' in tag
    assert '<div id="document-results" class="results">' in html
    assert '<button type="submit" class="button button--primary">Search</button>' in html


def test_pages_are_not_cached(monitor_client: Client) -> None:
    response = monitor_client.get(LIST)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("query", ["астане", "АСТАНЕ", "Астане", "суд астане", "приговор"])
def test_search_ignores_case_in_cyrillic(
    monitor_client: Client, make_document: MakeDocument, query: str
) -> None:
    make_document(title="Суд в Астане", text="Приговор оглашён.\nАктивист Жанболат Мамай.")
    make_document(title="Другой документ", text="Ничего.")
    assert titles(monitor_client.get(LIST, {"q": query})) == ["Суд в Астане"]


def test_case_variants() -> None:
    from civicwatch.web.queries import case_variants

    assert case_variants("Astana") == ["Astana"]
    assert case_variants("астана") == ["астана", "АСТАНА", "Астана"]
    assert case_variants("Қазақстан") == ["Қазақстан", "қазақстан", "ҚАЗАҚСТАН"]
