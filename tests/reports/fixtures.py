"""Fixtures of the report tests, shared with tests/cli and tests/web (which CI re-runs on
PostgreSQL): the demo corpus, built once per module (see tests/cases/conftest.py), and
the period the tests draft: the half-year holding Kazakhstan's latest recorded event."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cases.conftest import demo_database  # noqa: F401  (a fixture used here)


@pytest.fixture(scope="module")
def latest_period(demo_database: None, django_db_blocker) -> tuple[date, date]:  # noqa: F811
    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services.events import EventFilters, filtered_events

    with django_db_blocker.unblock():
        latest = (
            filtered_events(EventFilters(country=("KZ",)), Sensitivity.INTERNAL)
            .exclude(date_start__isnull=True)
            .values_list("date_start", flat=True)
            .first()
        )
    assert latest is not None
    if latest.month <= 6:
        return date(latest.year, 1, 1), date(latest.year, 6, 30)
    return date(latest.year, 7, 1), date(latest.year, 12, 31)
