"""The contract test: schemathesis generates requests from /api/openapi.json (valid ones
and, for every operation, invalid ones) and checks each answer against the schema: no
server error, only documented status codes, bodies and content types as documented, bad
input rejected. It runs in-process against the Django app (WSGI) with an editor's token
(reads also with a viewer's) on the demo corpus, with a few examples per operation to
stay under a minute."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.specs.openapi.checks import positive_data_acceptance

from civicwatch.core.vocab import Role
from tests.cases.conftest import demo_database  # noqa: F401  (module-scoped demo corpus)

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

#: Operations whose well-formed input can still be refused with 400, for reasons a schema
#: cannot state: which fields of *this* claim's kind can be corrected and whether a value
#: parses (an article, a date), and whether two people can be merged (not with themselves,
#: not when kept apart). Every other check still runs on them.
MEANING_CHECKED = {"/api/claims/{pk}/correct", "/api/persons/{pk}/merge"}


@pytest.fixture(scope="module", autouse=True)
def keep_the_test_connection() -> Iterator[None]:
    """Requests made straight to the WSGI app would close the database connection when they
    finish, and with it the test's transaction; Django's test client avoids that the same
    way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def tokens(demo_database: Any, django_db_blocker: Any) -> Iterator[dict[Role, str]]:  # noqa: F811
    """Tokens of an editor (may read everything and use every write endpoint) and of a
    viewer, made inside the demo corpus's transaction so they go with it."""
    from civicwatch.services.accounts import add_user
    from civicwatch.services.tokens import create_token

    made = {}
    with django_db_blocker.unblock():
        for role in (Role.EDITOR, Role.VIEWER):
            add_user(f"contract-{role.value}", role, "a long passphrase for the contract test")
            made[role] = create_token(f"contract-{role.value}", "contract test")[1]
        yield made


@schema.parametrize()
@hypothesis.settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_api_keeps_its_contract(case: Any, tokens: dict[Role, str]) -> None:
    excluded = [positive_data_acceptance] if case.operation.path in MEANING_CHECKED else []
    case.call_and_validate(
        headers={"Authorization": f"Bearer {tokens[Role.EDITOR]}"}, excluded_checks=excluded
    )


@schema.include(method="GET").parametrize()
@hypothesis.settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_reads_keep_the_contract_for_a_viewer(case: Any, tokens: dict[Role, str]) -> None:
    """A viewer's answers leave things out (unknown statuses, hidden people): they must
    still match the schema."""
    case.call_and_validate(headers={"Authorization": f"Bearer {tokens[Role.VIEWER]}"})
