"""The JSON API against a real database: tokens, roles, sensitivity, errors, pages.

Data comes through real ingest of texts written here: a public report about one activist
and a confidential report about another (who appears nowhere else)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import Client

from civicwatch.cli import cli
from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services.accounts import add_user
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.services.persons import find_person
from civicwatch.services.tokens import create_token, revoke_token
from civicwatch.store.models import ApiToken, Claim, Document, Event, Person, RecordChange

pytestmark = pytest.mark.django_db

PUBLIC = """Kazakhstan: monthly update
Published 10 June 2024

On 3 June 2024, the Almaty City Court sentenced journalist Bolat Serikbayev to five years
in prison under article 274 of the Criminal Code for spreading false information.
"""

CONFIDENTIAL = """Internal note: case notes
Published 12 June 2024

On 5 June 2024, activist Gulnara Temirkhanova was detained in Shymkent and fined 100 MCI
under article 488 of the Code of Administrative Offences.
"""


def ingest(text: str, name: str, level: Sensitivity) -> Document:
    document, _ = ingest_bytes(
        text.encode(), name, DocumentMetadata(sensitivity=level, country="KZ")
    )
    return document


@pytest.fixture
def corpus() -> dict[str, Any]:
    public = ingest(PUBLIC, "public.txt", Sensitivity.PUBLIC)
    secret = ingest(CONFIDENTIAL, "secret.txt", Sensitivity.CONFIDENTIAL)
    return {
        "public": public,
        "secret": secret,
        "journalist": find_person("Bolat Serikbayev"),
        "activist": find_person("Gulnara Temirkhanova"),
    }


def token_for(role: Role, name: str | None = None) -> str:
    username = name or role.value
    add_user(username, role, "a long passphrase for the monitor")
    return create_token(username, "tests")[1]


def call(method: str, path: str, token: str | None, body: Any = None) -> tuple[int, Any]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    client = Client(enforce_csrf_checks=True)  # as a script would: no CSRF cookie
    if body is None:
        response = getattr(client, method)(path, **headers)
    else:
        response = getattr(client, method)(
            path, data=json.dumps(body), content_type="application/json", **headers
        )
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.status_code, response.json()


def test_no_token_is_401_with_a_message(corpus: dict[str, Any]) -> None:
    status, body = call("get", "/api/persons", None)
    assert status == 401
    assert "Bearer" in body["detail"] and "civicwatch token create" in body["detail"]
    status, body = call("get", "/api/persons", "cw_not-a-real-token")
    assert status == 401


def test_revoked_token_is_401(corpus: dict[str, Any]) -> None:
    token = token_for(Role.VIEWER)
    assert call("get", "/api/documents", token)[0] == 200
    row = ApiToken.objects.get()
    assert row.last_used is not None and row.digest != token and token not in row.prefix + "…"
    assert revoke_token(row.pk) is True
    assert call("get", "/api/documents", token)[0] == 401


def test_viewer_never_sees_nor_counts_confidential(corpus: dict[str, Any]) -> None:
    viewer = token_for(Role.VIEWER)
    editor = token_for(Role.EDITOR)
    secret = corpus["secret"]
    activist = corpus["activist"]

    # the editor sees both reports and both people
    assert call("get", "/api/documents", editor)[1]["count"] == 2
    assert call("get", f"/api/persons/{activist}", editor)[0] == 200

    status, documents = call("get", "/api/documents", viewer)
    assert status == 200 and documents["count"] == 1
    assert [d["id"] for d in documents["items"]] == [corpus["public"].pk]
    assert call("get", f"/api/documents/{secret.pk}", viewer)[0] == 404
    assert call("get", f"/api/documents/{secret.pk}/claims", viewer)[0] == 404
    some_claim = Claim.objects.filter(document=secret).first()
    assert some_claim is not None
    assert call("get", f"/api/claims/{some_claim.pk}", viewer)[0] == 404

    persons = call("get", "/api/persons", viewer)[1]
    names = [row["name"] for row in persons["items"]]
    assert persons["count"] == len(names) and "Temirkhanova" not in " ".join(names)
    assert "Serikbayev" in " ".join(names)
    assert call("get", f"/api/persons/{activist}", viewer)[0] == 404

    events = call("get", "/api/events", viewer)[1]
    dump = json.dumps(events)
    assert "Temirkhanova" not in dump and "Shymkent" not in dump
    assert events["count"] == len(events["items"])
    hidden = Event.objects.exclude(
        pk__in=[row["id"] for row in call("get", "/api/events?limit=100", editor)[1]["items"]]
    )
    assert not hidden.exists()  # the editor's list is every event
    for event in Event.objects.filter(sources__document=secret).exclude(
        sources__document=corpus["public"]
    ):
        assert call("get", f"/api/events/{event.pk}", viewer)[0] == 404

    provisions = call("get", "/api/provisions", viewer)[1]
    assert "CAO 488" not in [row["label"] for row in provisions["items"]]
    assert "CAO 488" in [row["label"] for row in call("get", "/api/provisions", editor)[1]["items"]]

    for q in ("Temirkhanova", "Темирханова", "Shymkent"):
        found = call("get", f"/api/search?q={q}", viewer)[1]
        assert all(group["count"] == 0 for group in found["groups"]), (q, found)
        assert not any(group["items"] for group in found["groups"])
    found = call("get", "/api/search?q=Temirkhanova&kind=persons", editor)[1]
    assert found["groups"][0]["count"] == 1
    assert found["groups"][0]["items"][0]["id"] == activist


def test_reviewer_cannot_set_sensitivity_editor_can(corpus: dict[str, Any]) -> None:
    reviewer = token_for(Role.REVIEWER)
    editor = token_for(Role.EDITOR)
    viewer = token_for(Role.VIEWER)
    journalist = corpus["journalist"]
    public = corpus["public"]

    body = {"level": "confidential"}
    for token in (reviewer, viewer):
        status, answer = call("put", f"/api/persons/{journalist}/sensitivity", token, body)
        assert status == 403 and "editor" in answer["detail"]
        status, _ = call("put", f"/api/documents/{public.pk}/sensitivity", token, body)
        assert status == 403
    assert Person.objects.get(pk=journalist).sensitivity == Sensitivity.PUBLIC.value

    status, answer = call("put", f"/api/persons/{journalist}/sensitivity", editor, body)
    assert status == 200 and answer == {
        "id": journalist,
        "sensitivity": "confidential",
        "changed": True,
    }
    change = RecordChange.objects.get(person=journalist, field="sensitivity")
    assert change.changed_by is not None and change.changed_by.username == "editor"
    # the viewer's token loses the person at once, in lists and counts
    assert call("get", f"/api/persons/{journalist}", viewer)[0] == 404
    assert call("get", "/api/persons", viewer)[1]["count"] == 0

    status, answer = call("put", f"/api/documents/{public.pk}/sensitivity", editor, body)
    assert status == 200 and answer["changed"] is True
    assert call("get", "/api/documents", viewer)[1]["count"] == 0
    assert call("get", "/api/events", viewer)[1]["count"] == 0
    status, answer = call("put", f"/api/documents/{public.pk}/sensitivity", editor, body)
    assert answer["changed"] is False

    status, answer = call(
        "put", f"/api/documents/{public.pk}/sensitivity", editor, {"level": "secret"}
    )
    assert status == 422 and "level" in answer["detail"]


def test_review_through_the_api(corpus: dict[str, Any]) -> None:
    viewer = token_for(Role.VIEWER)
    reviewer = token_for(Role.REVIEWER)
    public = corpus["public"]
    claims = call("get", f"/api/documents/{public.pk}/claims?kind=outcome", reviewer)[1]
    assert claims["count"] >= 1
    claim = claims["items"][0]
    assert claim["review_state"] == "proposed" and "prison" in claim["summary"]

    assert call("post", f"/api/claims/{claim['id']}/accept", viewer)[0] == 403
    status, accepted = call("post", f"/api/claims/{claim['id']}/accept", reviewer)
    assert status == 200 and accepted["review_state"] == "accepted"
    assert accepted["reviewed_by"] == "reviewer"

    status, corrected = call(
        "post",
        f"/api/claims/{claim['id']}/correct",
        reviewer,
        {"changes": {"amount": "6 years"}, "note": "the court's ruling says six"},
    )
    assert status == 200 and corrected["review_state"] == "corrected"
    assert corrected["value"]["amount"] == "6 years"
    assert corrected["machine_value"]["amount"] != "6 years" or corrected["machine_value"] is None

    status, problem = call(
        "post", f"/api/claims/{claim['id']}/correct", reviewer, {"changes": {"colour": "red"}}
    )
    assert status == 400 and "colour" in problem["detail"]

    status, rejected = call(
        "post", f"/api/claims/{claim['id']}/reject", reviewer, {"reason": "duplicate"}
    )
    assert status == 200 and rejected["review_state"] == "rejected"
    assert call("post", "/api/claims/999999/accept", reviewer)[0] == 404


def test_merge_persons_through_the_api(corpus: dict[str, Any]) -> None:
    reviewer = token_for(Role.REVIEWER)
    editor = token_for(Role.EDITOR)
    journalist, activist = corpus["journalist"], corpus["activist"]
    body = {"absorbed": activist}
    assert call("post", f"/api/persons/{journalist}/merge", reviewer, body)[0] == 403
    status, merged = call("post", f"/api/persons/{journalist}/merge", editor, body)
    assert status == 200 and merged["id"] == journalist
    assert Person.objects.get(pk=activist).canonical_id == journalist


def test_pages_and_bad_input(corpus: dict[str, Any]) -> None:
    editor = token_for(Role.EDITOR)
    first = call("get", "/api/documents?limit=1", editor)[1]
    second = call("get", "/api/documents?limit=1&offset=1", editor)[1]
    assert first["count"] == second["count"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]
    status, problem = call("get", "/api/documents?limit=1000", editor)
    assert status == 422 and "limit" in problem["detail"]
    status, problem = call("get", "/api/persons?stauts=held", editor)
    assert status == 422 and "stauts" in problem["detail"]
    status, problem = call("get", "/api/events?type=picnic", editor)
    assert status == 422 and "type" in problem["detail"]
    status, problem = call("get", "/api/search?q=court&kind=places", editor)
    assert status == 422 and "kind" in problem["detail"]
    assert call("get", "/api/persons/99999999", editor)[0] == 404
    status, problem = call("get", "/api/no-such-thing", editor)
    assert status == 404


def test_schema_and_docs_need_no_other_host() -> None:
    client = Client(enforce_csrf_checks=True)  # as a script would: no CSRF cookie
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in ("/api/documents", "/api/persons/{pk}", "/api/events", "/api/search"):
        assert path in paths
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn" not in html.lower() and "http://" not in html and "https://" not in html
    assert "/api/docs/assets/swagger-ui-bundle.js" in html
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and bundle["Content-Type"].endswith("javascript")
    assert client.get("/api/docs/assets/..%2Fsettings.py").status_code == 404


def test_token_commands(corpus: dict[str, Any]) -> None:
    add_user("amina", Role.VIEWER, "a long passphrase for the monitor")
    runner = CliRunner()
    made = runner.invoke(cli, ["token", "create", "amina", "--name", "script"])
    assert made.exit_code == 0, made.output
    secret = made.output.strip().splitlines()[-1]
    assert secret.startswith("cw_")
    assert call("get", "/api/documents", secret)[0] == 200
    listed = runner.invoke(cli, ["token", "list"])
    assert "amina" in listed.output and "script" in listed.output and secret not in listed.output
    token_id = ApiToken.objects.get(owner__username="amina").pk
    assert runner.invoke(cli, ["token", "revoke", str(token_id)]).exit_code == 0
    assert call("get", "/api/documents", secret)[0] == 401
    missing = runner.invoke(cli, ["token", "create", "nobody"])
    assert missing.exit_code != 0 and "no account" in missing.output


def test_sensitivity_commands(corpus: dict[str, Any]) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["person", "set", "Bolat Serikbayev", "--sensitivity", "internal", "--user", "lead"],
    )
    assert result.exit_code == 0, result.output
    assert Person.objects.get(pk=corpus["journalist"]).sensitivity == "internal"
    public = corpus["public"]
    result = runner.invoke(
        cli, ["document", "set", str(public.pk), "--sensitivity", "confidential"]
    )
    assert result.exit_code == 0, result.output
    public.refresh_from_db()
    assert public.sensitivity == "confidential"
    # events reported only by it leave a viewer's reach at once
    from civicwatch.services import access

    assert not access.visible_events(Sensitivity.INTERNAL).filter(sources__document=public).exists()
    result = runner.invoke(cli, ["document", "set", "999999", "--sensitivity", "public"])
    assert result.exit_code != 0 and "no document" in result.output
    result = runner.invoke(cli, ["document", "set", str(public.pk), "--sensitivity", "secret"])
    assert result.exit_code != 0
