"""Case pages through the Django test client: the people list, a person's page, merging and
sensitivity from it, organisation, article-of-law and place pages, and what a viewer may
not see on any of them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from civicwatch.core.vocab import ClaimKind, Role
from civicwatch.services import persons, review
from civicwatch.services.accounts import add_user
from civicwatch.store.models import Claim, LegalProvision, Organisation, Person, Place
from tests.services.test_records import reports  # noqa: F401  (the shared fixture)

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase for the monitor"


def client_for(role: Role, username: str) -> Client:
    add_user(username, role, PASSWORD)
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def viewer() -> Client:
    return client_for(Role.VIEWER, "viewer")


@pytest.fixture
def editor() -> Client:
    return client_for(Role.EDITOR, "editor")


@pytest.fixture
def reviewer() -> Client:
    return client_for(Role.REVIEWER, "reviewer")


def page(client: Client, url: str, **extra: Any) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    text = response.content.decode()
    # Nothing the Content-Security-Policy would block.
    assert 'style="' not in text
    assert not re.search(r"<script(?![^>]*\bsrc=)", text)
    assert not re.search(r"\son[a-z]+=", text)
    return text


def root(name: str) -> int:
    return persons.find_person(name)


# ---- The people list -------------------------------------------------------------------------


def test_people_list_for_a_viewer_leaves_out_confidential_people(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
    editor: Client,
) -> None:
    seen = page(viewer, "/persons/")
    assert "Aidos Serikbayev" in seen and "Askar Nurlanov" in seen
    assert "Tokayeva" not in seen
    assert "4 people" in seen
    assert "Tokayeva" in page(editor, "/persons/")
    assert "5 people" in page(editor, "/persons/")


def test_who_is_held_today_under_which_article(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
) -> None:
    held = page(viewer, "/persons/?status=held")
    assert "1 person" in held
    assert "Aidos Serikbayev" in held and "Nurlanov" not in held
    cc274 = LegalProvision.objects.get(code="CC", article="274")
    assert f'href="/provisions/{cc274.pk}/"' in held
    assert "Serving prison" in held and "since" in held


def test_people_list_filters_by_spelling_and_answers_htmx_with_the_results_only(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
) -> None:
    fragment = page(
        viewer,
        "/persons/?q=Нурланов",
        headers={"HX-Request": "true", "HX-Target": "person-results"},
    )
    assert "<html" not in fragment
    assert "3 people" in fragment and "Arman Nurlanov" in fragment
    assert "Serikbayev" not in fragment
    whole = page(viewer, "/persons/?q=Нурланов&status=nonsense&country=ZZ&order=nonsense")
    assert "<html" in whole and "3 people" in whole


# ---- A person's page -------------------------------------------------------------------------


def test_person_page_shows_spellings_status_source_charges_timeline_and_reports(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
) -> None:
    text = page(editor, f"/persons/{root('Aidos Serikbayev')}/")
    for expected in (
        "Айдос Серикбаев",  # every spelling, Cyrillic too
        "Serving prison",
        "On 2 April 2024 the Almaty City Court sentenced the blogger Aidos Serikbayev",
        "CC 274",
        "Prison: 5 years",
        "Search",  # the timeline's event from the confidential note
        "Reported in 1 document",
        f'href="/documents/{reports["public-april.txt"].pk}/"',
        "not yet reviewed",
    ):
        assert expected in text, expected
    assert "serving_prison" not in text and "None" not in text


def test_a_viewer_never_sees_what_only_a_confidential_report_says(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
) -> None:
    text = page(viewer, f"/persons/{root('Aidos Serikbayev')}/")
    assert "Aidos Serikbayev" in text and "CC 274" in text
    assert "Айдос Серикбаев" not in text
    assert "Shymkent" not in text and "Internal note" not in text
    assert f'href="/documents/{reports["confidential-note.txt"].pk}/"' not in text
    # No merge, keep-apart or sensitivity controls for a viewer.
    assert "/merge/" not in text and "/sensitivity/" not in text


def test_hidden_and_unknown_people_answer_the_same_404(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
    editor: Client,
) -> None:
    hidden = root("Marzhan Tokayeva")
    assert viewer.get(f"/persons/{hidden}/").status_code == 404
    assert viewer.get(f"/persons/{hidden}/history/").status_code == 404
    assert viewer.get("/persons/999999/").status_code == 404
    assert editor.get(f"/persons/{hidden}/").status_code == 200


def test_a_merged_record_redirects_to_its_person(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
) -> None:
    person = root("Aidos Serikbayev")
    member = Person.objects.filter(canonical=person).values_list("pk", flat=True).first()
    response = editor.get(f"/persons/{member}/")
    assert response.status_code == 302 and response["Location"] == f"/persons/{person}/"


def test_possible_duplicates_are_merged_from_the_person_page_and_undone(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
    reviewer: Client,
) -> None:
    askar, initials = root("Askar Nurlanov"), root("Nurlanov A.")
    text = page(editor, f"/persons/{askar}/")
    assert "Possibly the same person" in text and "Nurlanov A." in text
    assert f'action="/persons/{askar}/merge/"' in text

    # Only editors merge; only by POST.
    assert reviewer.post(f"/persons/{askar}/merge/", {"other": initials}).status_code == 403
    assert editor.get(f"/persons/{askar}/merge/").status_code == 405
    response = editor.post(f"/persons/{askar}/merge/", {"other": initials}, follow=True)
    assert response.redirect_chain == [(f"/persons/{askar}/", 302)]
    merged = response.content.decode()
    assert "Merged." in merged
    assert "Records joined into this person" in merged
    assert "Records merged" in merged and "by editor" in merged  # the history entry
    assert Person.objects.get(pk=initials).canonical_id == askar

    response = editor.post(f"/persons/{askar}/unmerge/", {"record": initials}, follow=True)
    assert "Merge undone" in response.content.decode()
    assert Person.objects.get(pk=initials).canonical_id is None
    # A record that is not merged into this person cannot be separated from it.
    other = root("Arman Nurlanov")
    assert editor.post(f"/persons/{askar}/unmerge/", {"record": other}).status_code == 404


def test_keep_apart_settles_the_proposal(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
) -> None:
    arman, initials = root("Arman Nurlanov"), root("Nurlanov A.")
    editor.post(f"/persons/{arman}/keep-apart/", {"other": initials})
    text = page(editor, f"/persons/{arman}/")
    assert "Possibly the same person" not in text
    assert "Kept apart" in text and "recorded as a different person from" in text


def test_setting_a_person_confidential_hides_them_from_viewers_everywhere(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
    viewer: Client,
) -> None:
    person = root("Askar Nurlanov")
    assert viewer.get(f"/persons/{person}/").status_code == 200
    response = editor.post(f"/persons/{person}/sensitivity/", {"level": "confidential"})
    assert response.status_code == 302
    assert viewer.get(f"/persons/{person}/").status_code == 404
    assert "Askar Nurlanov" not in page(viewer, "/persons/")
    cao = LegalProvision.objects.get(code="CAO", article="488")
    assert "Askar Nurlanov" not in page(viewer, f"/provisions/{cao.pk}/")
    assert "Askar Nurlanov" not in page(viewer, f"/places/{Place.objects.get(name='Astana').pk}/")
    text = page(editor, f"/persons/{person}/")
    assert "Sensitivity" in text and "Public" in text and "Confidential" in text
    assert re.search(r"<del[^>]*>Public</del> → <ins[^>]*>Confidential</ins>", text)
    # Viewers cannot change it (the same 403 for people they may and may not see); a bad
    # level changes nothing.
    visible = root("Arman Nurlanov")
    for target in (person, visible):
        answer = viewer.post(f"/persons/{target}/sensitivity/", {"level": "public"})
        assert answer.status_code == 403
    editor.post(f"/persons/{person}/sensitivity/", {"level": "secret"})
    assert Person.objects.get(pk=person).sensitivity == "confidential"


def test_history_shows_a_correction_with_old_and_new_values_and_who(
    reports: dict[str, Any],  # noqa: F811
    editor: Client,
) -> None:
    person = root("Arman Nurlanov")
    outcome = Claim.objects.get(kind=ClaimKind.OUTCOME.value, subject__person=person)
    review.correct(outcome.pk, {"amount": "45 MCI"}, user=User.objects.get(username="editor"))
    text = page(editor, f"/persons/{person}/")
    assert "Corrected" in text and "Amount" in text
    assert re.search(r"<del[^>]*>40 MCI</del> → <ins[^>]*>45 MCI</ins>", text)
    assert "by editor" in text
    assert "Fine: 45 MCI" in text  # the case file follows the correction
    assert "Corrected" in page(editor, f"/persons/{person}/history/")


# ---- Organisations, articles of law, places --------------------------------------------------


def test_article_page_lists_everyone_charged_with_outcomes_and_dates(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
    editor: Client,
) -> None:
    cao = LegalProvision.objects.get(code="CAO", article="488")
    text = page(editor, f"/provisions/{cao.pk}/")
    assert "Code of Administrative Offences, article 488" in text
    for expected in ("Marzhan Tokayeva", "Askar Nurlanov", "Fine: 50 MCI", "3 June 2024"):
        assert expected in text, expected
    seen = page(viewer, f"/provisions/{cao.pk}/")
    assert "Askar Nurlanov" in seen and "Tokayeva" not in seen and "100 MCI" not in seen
    listed = page(viewer, "/provisions/")
    assert f'href="/provisions/{cao.pk}/"' in listed
    assert viewer.get("/provisions/999999/").status_code == 404


def test_place_and_organisation_pages_respect_the_clearance(
    reports: dict[str, Any],  # noqa: F811
    viewer: Client,
    editor: Client,
) -> None:
    shymkent = Place.objects.get(name="Shymkent")
    assert viewer.get(f"/places/{shymkent.pk}/").status_code == 404
    text = page(editor, f"/places/{shymkent.pk}/")
    assert "Marzhan Tokayeva" in text and "Events here" in text

    organisation = Organisation.objects.get(name="Democratic Choice of Kazakhstan")
    text = page(viewer, f"/organisations/{organisation.pk}/")
    assert "Aidos Serikbayev" in text and "Sentence" in text
    assert "Democratic Choice of Kazakhstan" in page(viewer, "/organisations/?q=democratic")
    assert viewer.get("/organisations/999999/").status_code == 404


def test_case_pages_need_a_login(reports: dict[str, Any], client: Client) -> None:  # noqa: F811
    person = root("Aidos Serikbayev")
    for url in ("/persons/", f"/persons/{person}/", "/provisions/", "/organisations/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
