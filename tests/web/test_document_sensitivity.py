"""The document page's Sensitivity control: editors set it, others cannot, and a viewer
loses the document at once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.store.models import Document

pytestmark = pytest.mark.django_db

TEXT = """Kazakhstan: weekly notes
Published 4 March 2024

On 1 March 2024, blogger Aidos Kemelbekov was detained in Taraz for ten days under
article 434 of the Code of Administrative Offences.
"""


def client_for(role: Role) -> Client:
    add_user(role.value, role, "a long passphrase for the monitor")
    client = Client()
    client.force_login(User.objects.get(username=role.value))
    return client


@pytest.fixture
def document() -> Document:
    stored, _ = ingest_bytes(
        TEXT.encode(), "notes.txt", DocumentMetadata(sensitivity=Sensitivity.INTERNAL)
    )
    return stored


def test_editor_sets_sensitivity_from_the_document_page(document: Document) -> None:
    editor, viewer = client_for(Role.EDITOR), client_for(Role.VIEWER)
    page = editor.get(reverse("web:document", args=[document.pk])).content.decode()
    assert reverse("web:document-sensitivity", args=[document.pk]) in page
    assert 'name="level"' in page
    assert (
        'name="level"'
        not in viewer.get(reverse("web:document", args=[document.pk])).content.decode()
    )

    response = editor.post(
        reverse("web:document-sensitivity", args=[document.pk]), {"level": "confidential"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.sensitivity == Sensitivity.CONFIDENTIAL.value
    assert viewer.get(reverse("web:document", args=[document.pk])).status_code == 404
    assert "Kemelbekov" not in viewer.get(reverse("web:persons")).content.decode()

    editor.post(reverse("web:document-sensitivity", args=[document.pk]), {"level": "top"})
    document.refresh_from_db()
    assert document.sensitivity == Sensitivity.CONFIDENTIAL.value


def test_reviewer_and_viewer_cannot_set_it(document: Document) -> None:
    for role in (Role.REVIEWER, Role.VIEWER):
        client = client_for(role)
        response = client.post(
            reverse("web:document-sensitivity", args=[document.pk]), {"level": "public"}
        )
        assert response.status_code == 403
    document.refresh_from_db()
    assert document.sensitivity == Sensitivity.INTERNAL.value
