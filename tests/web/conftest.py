"""Fixtures for the web interface: documents with real blobs, users, and a real browser."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from civicwatch.store.models import Document
from civicwatch.store.models.documents import blob_path

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Browser, Page, Request

PASSWORD = "a long passphrase for the monitor"
SHOTS_DIR = Path("/tmp/civicwatch-shots")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

KAZAKHSTAN_PARAGRAPH = (
    "On 14 March 2024, a district court in Astana found X, who chairs the unregistered\n"
    "Y movement, guilty of running an outlawed group and of collecting money for it\n"
    "(Criminal Code articles 405 and 258).\n"
    "\n"
    "He was given seven years in prison, to be followed by a three-year ban on any\n"
    "political or public work."
)


MakeDocument = Callable[..., Document]


@pytest.fixture
def make_document(isolated_blob_dir: Path) -> MakeDocument:
    """Create a Document through the ORM with its original bytes written to the blob store.

    ``content`` defaults to the UTF-8 text; pass ``write_blob=False`` for a missing blob.
    """
    numbers = itertools.count(1)

    def make(
        *,
        text: str | None = None,
        content: bytes | None = None,
        write_blob: bool = True,
        **fields: Any,
    ) -> Document:
        number = next(numbers)
        if text is None:
            text = f"Monitoring update number {number}.\nNothing else happened."
        data = content if content is not None else text.encode()
        sha256 = hashlib.sha256(data).hexdigest()
        if write_blob:
            path = blob_path(sha256)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        values: dict[str, Any] = {
            "filename": f"report-{number}.txt",
            "media_type": "text/plain",
            "size_bytes": len(data),
            "reader": "plain-text/1",
            "title": f"Report {number}",
            "publisher": "CIVICUS Monitor",
            "published": date(2023, 1, number % 28 + 1),
            "language": "en",
        }
        values.update(fields)
        return Document.objects.create(sha256=sha256, text=text, **values)

    return make


@pytest.fixture
def user(django_user_model: type[User]) -> User:
    return django_user_model.objects.create_user(
        "monitor", password=PASSWORD, first_name="Aigerim", last_name="Nurlanova"
    )


@pytest.fixture
def monitor_client(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


# ---- Browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(chromium_executable: str) -> Iterator[Browser]:
    """The system Chromium, driven by Playwright (one per test module)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in the test thread; Django would otherwise
    # refuse ORM calls from it (the fixtures and the live server's database setup).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=chromium_executable, args=CHROMIUM_ARGS
            )
            try:
                yield launched
            finally:
                launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Session:
    """A browser tab on the live server, with everything it requested and complained about."""

    page: Page
    base_url: str
    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def foreign_requests(self) -> list[str]:
        """Every request that went anywhere but the live server."""
        own = urlsplit(self.base_url)
        return [
            request.url
            for request in self.requests
            if (urlsplit(request.url).scheme, urlsplit(request.url).netloc)
            != (own.scheme, own.netloc)
        ]

    def log_in(self, username: str = "monitor", password: str = PASSWORD) -> None:
        self.page.goto(self.url("/"))
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Log in").click()
        self.page.wait_for_load_state()

    def screenshot(self, name: str) -> Path:
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)
        path = SHOTS_DIR / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def open_session(browser: Browser, base_url: str, **context_options: Any) -> Session:
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    page = context.new_page()
    session = Session(page=page, base_url=base_url)
    page.on("request", lambda request: session.requests.append(request))
    page.on(
        "console",
        lambda message: (
            session.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: session.console_errors.append(str(error)))
    return session


@pytest.fixture
def session(browser: Browser, live_server: Any) -> Iterator[Session]:
    opened = open_session(browser, live_server.url)
    try:
        yield opened
    finally:
        opened.page.context.close()


@pytest.fixture
def make_session(browser: Browser, live_server: Any) -> Iterator[Callable[..., Session]]:
    """Open further sessions (e.g. with JavaScript off or a phone-sized screen)."""
    opened: list[Session] = []

    def make(**context_options: Any) -> Session:
        opened.append(open_session(browser, live_server.url, **context_options))
        return opened[-1]

    yield make
    for each in opened:
        each.page.context.close()
