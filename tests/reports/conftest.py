"""The report tests' fixtures (tests/reports/fixtures.py)."""

from tests.reports.fixtures import demo_database, latest_period  # noqa: F401
