"""Logging in and out, and that every page but the login page needs a logged-in user."""

from __future__ import annotations

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import URLPattern, reverse

from civicwatch.web import urls as web_urls
from tests.web.conftest import PASSWORD

PUBLIC_VIEWS = {"login", "logout"}


def _web_urls() -> list[str]:
    """Every page of the web app (so a view added later is covered automatically)."""
    found = []
    for pattern in web_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in PUBLIC_VIEWS:
            continue
        kwargs = {name: "1" for name in pattern.pattern.converters}
        found.append(reverse(f"web:{pattern.name}", kwargs=kwargs))
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("url", _web_urls())
def test_every_page_redirects_anonymous_users_to_login(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('web:login')}?next={url}"


@pytest.mark.django_db
def test_the_list_of_protected_pages_is_not_empty() -> None:
    urls = _web_urls()
    assert "/" in urls
    assert "/documents/1/" in urls
    assert "/documents/1/original" in urls


@pytest.mark.django_db
def test_login_page_renders_form(client: Client) -> None:
    response = client.get(reverse("web:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="current-password"' in html
    assert "csrfmiddlewaretoken" in html
    # No navigation or user menu for anonymous visitors.
    assert "Log out" not in html


@pytest.mark.django_db
def test_login_with_good_password(client: Client, user: object) -> None:
    response = client.post(reverse("web:login"), {"username": "monitor", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:dashboard")
    assert SESSION_KEY in client.session
    page = client.get(reverse("web:documents"))
    assert page.status_code == 200
    assert "Aigerim Nurlanova" in page.content.decode()


@pytest.mark.django_db
def test_login_follows_next_on_this_host_only(client: Client, user: object) -> None:
    data = {"username": "monitor", "password": PASSWORD}
    response = client.post(f"{reverse('web:login')}?next=/documents/7/", data)
    assert response["Location"] == "/documents/7/"
    client.logout()
    response = client.post(f"{reverse('web:login')}?next=https://evil.example/", data)
    assert response["Location"] == reverse("web:dashboard")


@pytest.mark.django_db
def test_login_with_bad_password(client: Client, user: object) -> None:
    response = client.post(reverse("web:login"), {"username": "monitor", "password": "wrong"})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Please enter a correct username and password" in html
    # The username is kept; the password is not echoed back.
    assert 'value="monitor"' in html
    assert 'value="wrong"' not in html


@pytest.mark.django_db
def test_logged_in_user_visiting_login_goes_to_the_dashboard(monitor_client: Client) -> None:
    response = monitor_client.get(reverse("web:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("web:dashboard")


@pytest.mark.django_db
def test_logout_is_a_post_form(monitor_client: Client) -> None:
    html = monitor_client.get(reverse("web:documents")).content.decode()
    assert f'<form class="account__logout" method="post" action="{reverse("web:logout")}">' in html
    # Following a link must not log anybody out.
    assert monitor_client.get(reverse("web:logout")).status_code == 405
    assert SESSION_KEY in monitor_client.session


@pytest.mark.django_db
def test_logout(monitor_client: Client) -> None:
    response = monitor_client.post(reverse("web:logout"), follow=True)
    assert response.redirect_chain[0] == (reverse("web:login"), 302)
    assert SESSION_KEY not in monitor_client.session
    assert "You have logged out." in response.content.decode()
    assert monitor_client.get(reverse("web:documents")).status_code == 302


@pytest.mark.django_db
def test_logout_needs_the_csrf_token(user: object) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)  # type: ignore[arg-type]
    assert client.post(reverse("web:logout")).status_code == 403
    assert SESSION_KEY in client.session


@pytest.mark.django_db
def test_a_role_that_may_not_gets_a_readable_403(monitor_client: Client) -> None:
    response = monitor_client.get(reverse("web:review"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Not allowed</h1>" in html
    assert "Your role: Viewer." in html
