"""The document page: metadata, text, claim tallies, the original file, 404s."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from civicwatch.core.vocab import ClaimKind, ReviewState, Sensitivity
from civicwatch.store.models import Claim, Document
from tests.web.conftest import KAZAKHSTAN_PARAGRAPH, MakeDocument

pytestmark = pytest.mark.django_db


def page_of(document: Document) -> str:
    return reverse("web:document", args=[document.pk])


def original_of(document: Document) -> str:
    return reverse("web:document-original", args=[document.pk])


def test_document_page_shows_metadata(
    monitor_client: Client, make_document: MakeDocument, user: object
) -> None:
    document = make_document(
        title="Kazakhstan: opposition leader sentenced",
        publisher="CIVICUS Monitor",
        published=date(2023, 11, 28),
        source_url="https://monitor.civicus.org/explore/kazakhstan-update/",
        language="kk",
        sensitivity=Sensitivity.PUBLIC.value,
        filename="kazakhstan-update.pdf",
        media_type="application/pdf",
        reader="pdf/1+norm/1",
        text=KAZAKHSTAN_PARAGRAPH,
        content=b"%PDF-1.7 fake but real bytes",
        ingested_by=user,
    )
    response = monitor_client.get(page_of(document))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Kazakhstan: opposition leader sentenced · Civicwatch</title>" in html
    assert '<h1 dir="auto">Kazakhstan: opposition leader sentenced</h1>' in html
    assert "CIVICUS Monitor" in html
    assert '<time datetime="2023-11-28">28 November 2023</time>' in html
    assert (
        '<a href="https://monitor.civicus.org/explore/kazakhstan-update/" '
        'rel="noreferrer noopener" referrerpolicy="no-referrer" class="external">'
    ) in html
    assert "<dd>Kazakh</dd>" in html
    assert f'<span class="badge badge--public">{Sensitivity.PUBLIC.label}</span>' in html
    assert document.sha256 in html
    assert "28\xa0bytes" in html  # filesizeformat keeps number and unit together
    assert "kazakhstan-update.pdf" in html
    assert "(PDF document)" in html
    assert "Text taken from a PDF file" in html
    # No internal jargon: the reader's name and version, the media type.
    assert "pdf/1" not in html and "application/pdf" not in html
    assert f"<dd>{len(KAZAKHSTAN_PARAGRAPH.split())}</dd>" in html
    assert f"{document.ingested_at:%-d %B %Y, %H:%M} UTC" in html
    assert "by Aigerim Nurlanova" in html
    assert f'href="{original_of(document)}" download>Download original</a>' in html


def test_document_text_is_reflowed_prose(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    document = make_document(text=KAZAKHSTAN_PARAGRAPH)
    response = monitor_client.get(page_of(document))
    html = response.content.decode()
    assert '<pre class="document-text"' not in html
    assert [paragraph.text for paragraph in response.context["paragraphs"]] == [
        " ".join(part.split()) for part in KAZAKHSTAN_PARAGRAPH.split("\n\n")
    ]
    assert (
        '<p>On <mark class="hl hl--date">14 March 2024</mark>, a district court in Astana found X, '
        "who chairs the unregistered "
        "Y movement, guilty"
    ) in html


def test_document_text_is_escaped(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(
        title="<b>Title</b>", text='<script src="https://evil.example/x.js"></script> & more'
    )
    html = monitor_client.get(page_of(document)).content.decode()
    assert "<b>Title</b>" not in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html
    assert "<script src=&quot;https://evil.example" not in html
    assert "&lt;script src=&quot;https://evil.example/x.js&quot;&gt;&lt;/script&gt; &amp; more" in (
        html
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/file", "//evil.example"]
)
def test_only_http_source_urls_become_links(
    monitor_client: Client, make_document: MakeDocument, url: str
) -> None:
    document = make_document(source_url=url)
    html = monitor_client.get(page_of(document)).content.decode()
    assert f'href="{url}"' not in html
    assert "External site" not in html
    assert url.replace("&", "&amp;") in html  # still shown, as plain text


def test_missing_metadata_is_marked(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(publisher="", published=None, source_url="", language="")
    html = monitor_client.get(page_of(document)).content.decode()
    assert "Publisher not recorded" in html
    assert "Publication date not recorded" in html
    assert "not recorded)" not in html  # added from the command line: no "by (not recorded)"
    assert '<div class="prose" dir="auto">' in html


def _claim(document: Document, state: ReviewState, **fields: object) -> Claim:
    return Claim.objects.create(
        document=document,
        kind=ClaimKind.PERSON.value,
        start=3,
        end=9,
        quote="court",
        value={"name": "X"},
        review_state=state.value,
        **fields,
    )


def test_claim_counts_by_review_state(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(text=KAZAKHSTAN_PARAGRAPH)
    other = make_document()
    for state, count in [(ReviewState.PROPOSED, 3), (ReviewState.ACCEPTED, 2)]:
        for _ in range(count):
            _claim(document, state)
    _claim(document, ReviewState.REJECTED)
    _claim(other, ReviewState.ACCEPTED)
    _claim(document, ReviewState.PROPOSED, superseded_at=timezone.now())

    response = monitor_client.get(page_of(document))
    summary = response.context["claims"]
    assert summary.by_state == [
        (ReviewState.PROPOSED, 3),
        (ReviewState.ACCEPTED, 2),
        (ReviewState.CORRECTED, 0),
        (ReviewState.REJECTED, 1),
    ]
    assert summary.total == 6
    html = response.content.decode()
    for state, count in summary.by_state:
        assert (
            f'<tr><th scope="row">{state.label}</th><td class="numeric">{count}</td></tr>' in html
        )
    assert '<tr><th scope="row">Total</th><td class="numeric">6</td></tr>' in html
    assert "1 older fact no longer read from the text is not counted." in html
    assert "No facts have been read" not in html


def test_document_without_claims(monitor_client: Client, make_document: MakeDocument) -> None:
    html = monitor_client.get(page_of(make_document())).content.decode()
    assert '<tr><th scope="row">Total</th><td class="numeric">0</td></tr>' in html
    assert "No facts have been read from this document yet." in html


def test_unknown_document_is_a_404_page(monitor_client: Client) -> None:
    response = monitor_client.get(reverse("web:document", args=[424242]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Not found</h1>" in html
    assert '<a class="brand" href="/">Civicwatch</a>' in html
    assert "Go to the dashboard" in html


def test_unknown_address_is_a_404_page(monitor_client: Client) -> None:
    response = monitor_client.get("/no/such/page/")
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.content.decode()


# ---- The original file -------------------------------------------------------------------


def test_original_download(monitor_client: Client, make_document: MakeDocument) -> None:
    data = b"%PDF-1.7\n\x00\x01\x02 binary original bytes \xff"
    document = make_document(
        content=data, filename="update 2023-11.pdf", media_type="application/pdf"
    )
    response = monitor_client.get(original_of(document))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data  # type: ignore[attr-defined]
    assert hashlib.sha256(data).hexdigest() == document.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="update 2023-11.pdf"'
    assert response["Content-Length"] == str(len(data))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]


def test_original_with_a_cyrillic_filename(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    document = make_document(filename="доклад.docx", media_type="application/msword")
    response = monitor_client.get(original_of(document))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D0%B4%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4.docx"
    )


def test_original_html_is_still_a_download(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    document = make_document(
        content=b"<script>alert(1)</script>", filename="page.html", media_type="text/html"
    )
    response = monitor_client.get(original_of(document))
    assert response["Content-Type"] == "text/html"
    assert response["Content-Disposition"].startswith("attachment;")


def test_original_without_media_type(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(media_type="")
    response = monitor_client.get(original_of(document))
    assert response["Content-Type"] == "application/octet-stream"


def test_original_head_and_post(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document()
    assert monitor_client.head(original_of(document)).status_code == 200
    assert monitor_client.post(original_of(document)).status_code == 405


def test_missing_blob_is_a_404(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(write_blob=False)
    response = monitor_client.get(original_of(document))
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.content.decode()
    # The page itself still works.
    assert monitor_client.get(page_of(document)).status_code == 200


def test_malformed_hash_never_reaches_the_file_system(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    document = make_document()
    Document.objects.filter(pk=document.pk).update(sha256="../../" + "a" * 58)
    assert monitor_client.get(original_of(document)).status_code == 404


def test_original_of_unknown_document_is_a_404(monitor_client: Client) -> None:
    assert monitor_client.get(reverse("web:document-original", args=[99])).status_code == 404


def test_list_links_to_document_page(monitor_client: Client, make_document: MakeDocument) -> None:
    document = make_document(title="Linked report")
    html = monitor_client.get(reverse("web:documents")).content.decode()
    assert f'<a href="{page_of(document)}" dir="auto">Linked report</a>' in html
    detail = monitor_client.get(page_of(document)).content.decode()
    assert 'aria-current="page">Documents</a>' in detail


# ---- Highlights, progress, sensitivity (real extraction) ---------------------------------


@pytest.fixture
def digest(isolated_blob_dir: object) -> Document:
    from pathlib import Path

    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    path = Path(__file__).resolve().parents[2] / "examples/reports/kz-monthly-digest-2024-03.txt"
    document, _ = ingest_bytes(
        path.read_bytes(), path.name, DocumentMetadata(sensitivity=Sensitivity.PUBLIC)
    )
    return document


def _reviewer(client: Client) -> Client:
    from django.contrib.auth import get_user_model

    from civicwatch.core.vocab import Role
    from civicwatch.services.accounts import add_user

    add_user("reviewer", Role.REVIEWER, "a long passphrase for the reviewer")
    client.force_login(get_user_model().objects.get(username="reviewer"))
    return client


def test_every_extracted_span_is_highlighted_by_type(
    monitor_client: Client, digest: Document
) -> None:
    response = monitor_client.get(page_of(digest))
    html = response.content.decode()
    person = Claim.objects.get(document=digest, kind="person", quote="Orazbayev B.")
    provision = Claim.objects.filter(document=digest, kind="provision").first()
    assert provision is not None
    panel = reverse("web:claim-panel")
    # A person's every mention links to its claim; clicking opens the panel (htmx).
    mentions = person.value["mentions"]
    assert len(mentions) == 2
    assert html.count(f'href="{reverse("web:claim", args=[person.pk])}"') == 2
    assert f'hx-get="{panel}?ids={person.pk}"' in html
    assert f'class="hl hl--provision" href="{reverse("web:claim", args=[provision.pk])}"' in html
    legend = {entry.kind: entry.count for entry in response.context["legend"]}
    assert legend["person"] == Claim.objects.filter(document=digest, kind="person").count()
    assert legend["organisation"] and legend["place"] and legend["event"] and legend["outcome"]
    assert '<span class="hl hl--person">Person</span>' in html
    assert '<span class="hl hl--provision">Legal provision</span>' in html
    # Dates are marked where the text names them and open the facts they date.
    event = Claim.objects.get(document=digest, kind="event", quote="fined", start__lt=400)
    outcome = Claim.objects.get(document=digest, kind="outcome", start=event.start)
    (segment,) = [
        segment
        for paragraph in response.context["paragraphs"]
        for segment in paragraph.segments
        if segment.text == "5 March 2024"
    ]
    assert segment.kinds == ["date"]
    assert {event.pk, outcome.pk} <= set(segment.refs)
    assert f'hx-get="{panel}?ids={",".join(map(str, segment.refs))}"' in html
    assert ">5 March 2024</a>" in html
    assert '<mark class="hl hl--date">March 2024</mark>' in html  # dates nothing
    assert legend["date"] >= 8
    # A viewer reads, and is offered no decisions.
    assert "Review this document" not in html
    assert reverse("web:review-accept-document") not in html


def test_the_panel_shows_the_claims_at_a_highlight(
    monitor_client: Client, digest: Document
) -> None:
    event = Claim.objects.filter(document=digest, kind="event", quote="fined").first()
    assert event is not None
    outcome = Claim.objects.filter(document=digest, kind="outcome", start=event.start).first()
    assert event is not None and outcome is not None
    response = monitor_client.get(reverse("web:claim-panel"), {"ids": f"{outcome.pk},{event.pk}"})
    html = response.content.decode()
    assert "2 claims at this place" in html
    assert html.index(f'id="claim-{outcome.pk}"') < html.index(f'id="claim-{event.pk}"')
    assert monitor_client.get(reverse("web:claim-panel"), {"ids": "x"}).status_code == 404


def test_review_progress_and_bulk_accept_from_the_document(
    client: Client, digest: Document
) -> None:
    reviewer = _reviewer(client)
    html = reviewer.get(page_of(digest)).content.decode()
    total = Claim.objects.filter(document=digest, superseded_at__isnull=True).count()
    assert f'<progress class="review-progress" max="{total}" value="0">' in html
    assert f'href="{reverse("web:review")}?document={digest.pk}">Review this document</a>' in html
    response = reviewer.post(
        reverse("web:review-accept-document"),
        {"document": digest.pk, "min_confidence": "0.9", "next": page_of(digest)},
        follow=True,
    )
    accepted = Claim.objects.filter(document=digest, review_state="accepted").count()
    assert accepted and accepted < total
    html = response.content.decode()
    assert f'<progress class="review-progress" max="{total}" value="{accepted}">' in html
    assert f"{accepted} of {total} facts checked" in html


def test_a_viewer_cannot_open_a_confidential_document(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    secret = make_document(sensitivity=Sensitivity.CONFIDENTIAL.value, title="Secret report")
    response = monitor_client.get(page_of(secret))
    assert response.status_code == 404
    assert "Secret report" not in response.content.decode()


def test_a_document_without_extraction_says_why(
    monitor_client: Client, make_document: MakeDocument
) -> None:
    silent = make_document(
        language="kk", extraction_note="not extracted: no extraction for Kazakh (...)"
    )
    read = make_document(language="en")
    page = monitor_client.get(page_of(silent)).content.decode()
    assert "Nothing was extracted from this document" in page
    assert "Kazakh" in page
    other = monitor_client.get(page_of(read)).content.decode()
    assert "Nothing was extracted" not in other
