"""The statistics page (``/statistics/``): tables, charts from their own URLs, filters, the
reader's clearance, and a confidential record that changes nothing below its level."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from civicwatch.core.vocab import Role
from tests.cases.test_statistics import SECRET_PEOPLE, build_known_database

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def known_database(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        build_known_database()
        yield
        transaction.set_rollback(True)


def login(role: Role) -> Client:
    from civicwatch.services.accounts import add_user

    name = f"stats-{role.value}"
    add_user(name, role, "a long passphrase for statistics")
    client = Client()
    client.force_login(get_user_model().objects.get(username=name))
    return client


def figure(html: str, label: str) -> str:
    """The number in the key-figure box or table row labelled ``label``."""
    match = re.search(rf"{re.escape(label)}</(?:dt|th)>\s*<(?:dd|td)[^>]*>([^<]+)<", html)
    assert match, label
    return match.group(1).strip()


def test_the_page_shows_tables_and_chart_links(known_database: None) -> None:
    response = login(Role.EDITOR).get("/statistics/", {"level": "public"})
    assert response.status_code == 200
    html = response.content.decode()
    assert figure(html, "Events") == "7"
    assert figure(html, "Fines at assemblies") == "2"
    assert figure(html, "Days of administrative detention at assemblies") == "35"
    assert figure(html, "Persons currently held") == "1"
    assert figure(html, "Total days of detention") == "35"
    assert "Chuy region" in html and "CAO 488" in html
    # charts come from their own URLs (CSP: no inline images, styles or scripts)
    images = re.findall(r'<img src="([^"]+)"', html)
    assert len(images) == 3 and all(src.startswith("/statistics/chart/") for src in images)
    assert "style=" not in html and "<script>" not in html and "data:image" not in html
    assert 'aria-current="page"' in html and 'href="/statistics/"' in html


def test_chart_urls_answer_svg_and_png(known_database: None) -> None:
    client = login(Role.VIEWER)
    svg = client.get("/statistics/chart/map.svg", {"country": "KZ", "level": "public"})
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"Almaty (2)" in svg.content and b"Bishkek" not in svg.content
    png = client.get("/statistics/chart/monthly.png", {"download": "1"})
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert "attachment" in png["Content-Disposition"]
    assert client.get("/statistics/chart/pie.svg").status_code == 404
    assert client.get("/statistics/chart/map.gif").status_code == 404


def test_a_viewer_never_sees_confidential_figures(known_database: None) -> None:
    viewer = login(Role.VIEWER)
    html = viewer.get("/statistics/").content.decode()
    assert figure(html, "Fines at assemblies") == "2"
    # a viewer cannot ask for the confidential level
    refused = viewer.get("/statistics/", {"level": "confidential"})
    assert refused.status_code == 400
    assert viewer.get("/statistics/chart/map.svg", {"level": "confidential"}).status_code == 400
    assert viewer.get("/statistics/data.json", {"level": "confidential"}).status_code == 400
    map_svg = viewer.get("/statistics/chart/map.svg").content.decode()
    assert "Almaty (2)" in map_svg
    data = viewer.get("/statistics/data.json").content.decode()
    for name in SECRET_PEOPLE:
        assert name not in html + map_svg + data
    # an editor (cleared for confidential) sees the note's fine and detention
    editor = login(Role.EDITOR).get("/statistics/").content.decode()
    assert figure(editor, "Fines at assemblies") == "4"
    assert figure(editor, "Days of administrative detention at assemblies") == "45"


def test_filters_and_bad_input(known_database: None) -> None:
    client = login(Role.VIEWER)
    kg = client.get("/statistics/", {"country": "KG"}).content.decode()
    assert figure(kg, "Events") == "1"
    assert figure(kg, "Days of administrative detention at assemblies") == "5"
    april = client.get("/statistics/", {"date_from": "2024-04-01", "date_to": "2024-04-30"})
    assert figure(april.content.decode(), "Events") == "2"
    for bad in (
        {"country": "XX"},
        {"date_from": "2024-13-01"},
        {"date_from": "2024-05-01", "date_to": "2024-04-01"},
    ):
        response = client.get("/statistics/", bad)
        assert response.status_code == 400
        assert b'role="alert"' in response.content


def test_downloads_of_the_figures(known_database: None) -> None:
    client = login(Role.VIEWER)
    csv_response = client.get("/statistics/data.csv", {"country": "KZ"})
    assert csv_response["Content-Type"].startswith("text/csv")
    assert b"assembly_penalties,detention_days,,30" in csv_response.content
    json_response = client.get("/statistics/data.json")
    assert json_response.json()["assembly_penalties"]["fines"] == 2
    assert client.get("/statistics/data.xml").status_code == 404


def test_signed_out_readers_are_sent_to_log_in(known_database: None) -> None:
    response = Client().get("/statistics/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_level_shown_is_the_level_counted(known_database: None) -> None:
    html = login(Role.EDITOR).get("/statistics/").content.decode()
    assert re.search(r'<option value="confidential" selected>', html)
    viewer = login(Role.VIEWER).get("/statistics/").content.decode()
    assert re.search(r'<option value="internal" selected>', viewer)
    assert 'value="confidential"' not in viewer
