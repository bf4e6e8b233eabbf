"""The search page (/search/) and the document list's search box, on the real index."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.services.records import set_person_sensitivity
from civicwatch.store.models import Document, Person

pytestmark = pytest.mark.django_db

SEARCH = reverse("web:search")
PASSWORD = "a long passphrase for searching"

ALMATY = """Kazakhstan: activist detained in Almaty

On 3 March 2024, police in Almaty detained civic activist Nurlan Zhylanbayev (Нурлан Жыланбаев) \
after a peaceful protest. On 5 March 2024, a court sentenced Zhylanbayev to 15 days of \
administrative detention under article 488 of the Code of Administrative Offences.
"""
SECRET = """Kazakhstan: confidential interview notes

On 12 February 2024, police in Taraz detained trade unionist Marat Bekbolatov \
after a strike at the fertiliser plant. The <script>alert(1)</script> tag is text here.
"""


def ingest(text: str, name: str, sensitivity: Sensitivity = Sensitivity.INTERNAL) -> Document:
    document, _ = ingest_bytes(text.encode(), name, DocumentMetadata(sensitivity=sensitivity))
    return document


def client_for(role: Role) -> Client:
    username = f"search-{role.value}"
    add_user(username, role, PASSWORD)
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def corpus() -> dict[str, Any]:
    almaty = ingest(ALMATY, "almaty.txt")
    secret = ingest(SECRET, "secret.txt", Sensitivity.CONFIDENTIAL)
    return {
        "almaty": almaty,
        "secret": secret,
        "nurlan": Person.objects.get(canonical__isnull=True, canonical_name="Nurlan Zhylanbayev"),
        "marat": Person.objects.get(canonical__isnull=True, canonical_name="Marat Bekbolatov"),
    }


def test_cyrillic_search_finds_the_latin_record_grouped_with_reasons(
    corpus: dict[str, Any],
) -> None:
    response = client_for(Role.REVIEWER).get(SEARCH, {"q": "Жыланбаев"})
    assert response.status_code == 200
    html = response.content.decode()
    groups = {group.key: group for group in response.context["results"].groups}
    assert groups["persons"].count == 1
    assert groups["documents"].count == 1
    person_url = reverse("web:person", args=[corpus["nurlan"].pk])
    document_url = reverse("web:document", args=[corpus["almaty"].pk])
    assert f'href="{person_url}"' in html
    assert f'href="{document_url}"' in html
    # why each matched, in words a monitor reads
    assert "name: Нурлан Жыланбаев" in html
    assert "in the text" in html
    # highlighted: the Cyrillic spelling as searched and the Latin one as another spelling
    assert "<mark>Жыланбаев</mark>" in html
    assert "<mark>Zhylanbayev</mark>" in html
    # section headings with counts
    assert 'id="results-persons-title">People <span class="search-group__count">1</span>' in html
    assert "Documents" in html and "Events" in html
    assert 'href="/static/civicwatch/search.css"' in html


def test_latin_search_says_it_found_another_spelling(corpus: dict[str, Any]) -> None:
    response = client_for(Role.REVIEWER).get(SEARCH, {"q": "Zhylanbaev"})
    html = response.content.decode()
    assert "name: Nurlan Zhylanbayev — another spelling of your search" in html
    assert "<mark>Zhylanbayev</mark>" in html


def test_viewer_never_sees_a_confidential_document_person_name_or_count(
    corpus: dict[str, Any],
) -> None:
    editor = client_for(Role.EDITOR).get(SEARCH, {"q": "Bekbolatov"})
    assert {g.key: g.count for g in editor.context["results"].groups} == {
        "persons": 1,
        "documents": 1,
        "events": 1,
    }
    viewer = client_for(Role.VIEWER)
    for q in ["Bekbolatov", "Taraz", "strike fertiliser", "Marat"]:
        response = viewer.get(SEARCH, {"q": q})
        html = response.content.decode()
        assert response.context["results"].total == 0, q
        rest = html.replace(q, "")  # the search itself is echoed
        assert "Bekbolatov" not in rest and "Marat" not in rest
        assert "confidential interview" not in rest
        assert "Nothing found" in html
    # a person marked confidential disappears for the viewer too, though named in a
    # visible report
    set_person_sensitivity(corpus["nurlan"].pk, Sensitivity.CONFIDENTIAL)
    response = viewer.get(SEARCH, {"q": "Zhylanbayev"})
    groups = {group.key: group.count for group in response.context["results"].groups}
    assert groups["persons"] == 0
    assert groups["events"] == 0  # events of a hidden person are hidden with them
    assert groups["documents"] == 1


def test_snippets_escape_the_text(corpus: dict[str, Any]) -> None:
    html = client_for(Role.EDITOR).get(SEARCH, {"q": "alert"}).content.decode()
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_empty_and_wordless_searches_explain_themselves(corpus: dict[str, Any]) -> None:
    client = client_for(Role.VIEWER)
    first = client.get(SEARCH)
    assert first.status_code == 200
    assert "results" not in first.context
    assert "Names match in any spelling" in first.content.decode()
    wordless = client.get(SEARCH, {"q": "?! --"}).content.decode()
    assert "Type a name, a place, an article number" in wordless
    nothing = client.get(SEARCH, {"q": "Zzyzx"}).content.decode()
    assert "No person, document or event matches “Zzyzx”" in nothing


def test_one_group_pages_through_every_result(corpus: dict[str, Any]) -> None:
    for number in range(30):
        ingest(f"Digest {number}\n\nA note about tariffs number {number}.\n", f"n{number}.txt")
    client = client_for(Role.VIEWER)
    overview = client.get(SEARCH, {"q": "tariffs"})
    documents = overview.context["results"].groups[1]
    assert documents.count == 30 and len(documents.hits) == 8
    assert f"{SEARCH}?q=tariffs&amp;in=documents" in overview.content.decode()
    first = client.get(SEARCH, {"q": "tariffs", "in": "documents"})
    assert [g.key for g in first.context["results"].groups] == ["documents"]
    assert len(first.context["results"].groups[0].hits) == 25
    assert "Page 1 of 2" in first.content.decode()
    second = client.get(SEARCH, {"q": "tariffs", "in": "documents", "page": "2"})
    titles = {hit.title for hit in second.context["results"].groups[0].hits}
    assert len(titles) == 5
    assert titles.isdisjoint(hit.title for hit in first.context["results"].groups[0].hits)
    assert client.get(SEARCH, {"q": "tariffs", "page": "x"}).status_code == 200


def test_search_page_queries_do_not_grow_with_results(
    corpus: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    for number in range(12):
        ingest(
            f"Report {number}\n\nOn 1 May 2024 police in Almaty detained activist "
            f"Nurlan Zhylanbayev at protest number {number}.\n",
            f"r{number}.txt",
        )
    client = client_for(Role.EDITOR)
    client.get(SEARCH, {"q": "Zhylanbayev"})  # the index catches up
    # 17 today; one query per result (8 documents, 3 events shown) would pass 25
    with django_assert_max_num_queries(20):
        response = client.get(SEARCH, {"q": "Zhylanbayev"})
    assert response.context["results"].groups[1].count == 13


def test_search_needs_login(corpus: dict[str, Any]) -> None:
    response = Client().get(SEARCH, {"q": "Zhylanbayev"})
    assert response.status_code == 302
    assert reverse("web:login") in response["Location"]


def test_document_list_search_box_uses_the_index(corpus: dict[str, Any]) -> None:
    client = client_for(Role.EDITOR)
    documents = reverse("web:documents")
    found = client.get(documents, {"q": "ЖЫЛАНБАЕВ"})
    assert [d.title for d in found.context["documents"]] == [corpus["almaty"].title]
    # another spelling, and Cyrillic case, find the same report
    assert [d.pk for d in client.get(documents, {"q": "zhylanbaev"}).context["documents"]] == [
        corpus["almaty"].pk
    ]
    both = client.get(documents, {"q": "detained police"}).context["documents"]
    assert {d.pk for d in both} == {corpus["almaty"].pk, corpus["secret"].pk}
    assert list(client.get(documents, {"q": "detained Taraz"}).context["documents"]) == [
        corpus["secret"]
    ]


def test_a_document_found_by_its_title_or_publisher_says_so(corpus: dict[str, Any]) -> None:
    ingest_bytes(
        b"Monthly digest\n\nNothing else to report this month.\n",
        "digest.txt",
        DocumentMetadata(publisher="Qorgau Human Rights Centre"),
    )
    client = client_for(Role.VIEWER)
    by_publisher = client.get(SEARCH, {"q": "Qorgau"}).context["results"].groups[1]
    assert [hit.why for hit in by_publisher.hits] == ["publisher: Qorgau Human Rights Centre"]
    by_title = client.get(SEARCH, {"q": "digest"}).context["results"].groups[1]
    assert [hit.why for hit in by_title.hits] == ["in the title and the text"]
    html = client.get(SEARCH, {"q": "monthly digest"}).content.decode()
    assert "<mark>Monthly</mark> <mark>digest</mark>" in html
