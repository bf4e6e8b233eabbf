"""Nothing is loaded from another host, and the CSP forbids inline code.

These tests read the templates and the stylesheet, and parse every kind of page the app
renders, looking for anything that would make a browser contact another host.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from civicwatch.web.middleware import CONTENT_SECURITY_POLICY
from tests.web.conftest import MakeDocument

WEB_DIR = Path(__file__).resolve().parents[2] / "civicwatch" / "web"
TEMPLATES = sorted((WEB_DIR / "templates").rglob("*.html"))
STATIC = WEB_DIR / "static" / "civicwatch"
HTMX = STATIC / "vendor" / "htmx.min.js"

#: Attributes whose value a browser may fetch or send a request to.
URL_ATTRIBUTES = {
    "src", "href", "action", "formaction", "srcset", "poster", "data", "background",
    "xlink:href", "manifest", "ping", "cite", "longdesc", "icon",
}  # fmt: skip

SOURCE_URL = "https://monitor.civicus.org/explore/kazakhstan/"


class PageScan(HTMLParser):
    """Collects URL-bearing attributes and anything the CSP would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str, dict[str, str]]] = []  # tag, attribute, value
        self.inline_problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in URL_ATTRIBUTES:
                for url in _split_srcset(value) if name == "srcset" else [value]:
                    self.urls.append((tag, name, url, values))
            if name == "style":
                self.inline_problems.append(f"style attribute on <{tag}>")
            if name.startswith("on"):
                self.inline_problems.append(f"{name} handler on <{tag}>")
            if name.startswith("hx-on"):
                self.inline_problems.append(f"{name} (evaluated code) on <{tag}>")
        if tag == "style":
            self.inline_problems.append("<style> element")
        if tag == "script":
            if "src" not in values:
                self.inline_problems.append("inline <script>")
            self._in_script = True
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append((tag, "content", values.get("content", ""), values))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_problems.append("inline script code")


def _split_srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def is_external(url: str) -> bool:
    """True when following or fetching ``url`` could reach another host."""
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc or url.strip().startswith("//"))


def external_references(html: str) -> list[str]:
    """External URLs in ``html``, except links the user may follow to a document's source.

    Such a link must be an ``<a>`` with ``rel="noreferrer noopener"``: following it is the
    user's choice, and it sends neither the referrer nor a window handle.
    """
    scan = PageScan()
    scan.feed(html)
    found = []
    for tag, attribute, url, attrs in scan.urls:
        if not is_external(url):
            continue
        rel = set(attrs.get("rel", "").split())
        if tag == "a" and attribute == "href" and {"noreferrer", "noopener"} <= rel:
            continue
        found.append(f"<{tag} {attribute}={url!r}>")
    return found


def inline_code(html: str) -> list[str]:
    scan = PageScan()
    scan.feed(html)
    return scan.inline_problems


# ---- Sources ------------------------------------------------------------------------------


def test_there_are_templates_to_scan() -> None:
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "document_list.html", "document_detail.html", "404.html"} <= names


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_templates_reference_no_other_host(template: Path) -> None:
    source = template.read_text()
    assert "http://" not in source
    assert "https://" not in source
    attribute = re.compile(r"""\b(?:src|href|action|srcset)\s*=\s*["']?\s*(?:[a-z]+:)?//""", re.I)
    assert not attribute.search(source)
    assert "@import" not in source


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_templates_have_no_inline_code(template: Path) -> None:
    source = template.read_text()
    assert not re.search(r"\sstyle\s*=", source)
    assert "<style" not in source
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", source)
    assert not re.search(r"\son[a-z]+\s*=", source)


def test_stylesheet_loads_nothing_external() -> None:
    css = (STATIC / "civicwatch.css").read_text()
    assert "@import" not in css
    assert "@font-face" not in css  # system fonts only
    for match in re.finditer(r"url\(([^)]*)\)", css):
        assert not is_external(match.group(1).strip("'\" ")), match.group(0)
    assert "http" not in css


def test_htmx_is_vendored_unchanged() -> None:
    readme = (STATIC / "vendor" / "README.md").read_text()
    digest = hashlib.sha256(HTMX.read_bytes()).hexdigest()
    assert f"`{digest}`" in readme, "htmx.min.js changed: update vendor/README.md"
    assert "**2.0.11**" in readme
    assert "0BSD" in readme
    assert (STATIC / "vendor" / "LICENSE.htmx").read_text().startswith("Zero-Clause BSD")


# ---- Rendered pages -----------------------------------------------------------------------


def _rendered_pages(client: Client, make_document: MakeDocument, user: object) -> dict[str, str]:
    anonymous = {"login": client.get(reverse("web:login")).content.decode()}
    anonymous["404 (anonymous)"] = client.get("/missing/").content.decode()
    client.force_login(user)  # type: ignore[arg-type]
    pages = {**anonymous, "empty list": client.get(reverse("web:documents")).content.decode()}
    document = make_document(source_url=SOURCE_URL, text="See https://evil.example/x.png")
    for day in range(30):
        make_document(title=f"Update {day}")
    documents = reverse("web:documents")
    pages["list"] = client.get(documents).content.decode()
    pages["list page 2"] = client.get(documents, {"page": "2", "q": "update"}).content.decode()
    pages["list (htmx)"] = client.get(
        documents, {"q": "update"}, headers={"HX-Request": "true", "HX-Target": "document-results"}
    ).content.decode()
    pages["document"] = client.get(reverse("web:document", args=[document.pk])).content.decode()
    pages["404"] = client.get(reverse("web:document", args=[9999])).content.decode()
    return pages


@pytest.mark.django_db
def test_rendered_pages_load_nothing_from_other_hosts(
    client: Client, make_document: MakeDocument, user: object
) -> None:
    pages = _rendered_pages(client, make_document, user)
    for name, html in pages.items():
        assert external_references(html) == [], name
        assert inline_code(html) == [], name
    # The only external address anywhere is the source link the user may choose to follow.
    assert f'<a href="{SOURCE_URL}" rel="noreferrer noopener"' in pages["document"]
    assert '<link rel="stylesheet" href="/static/civicwatch/civicwatch.css">' in pages["list"]
    assert '<script src="/static/civicwatch/vendor/htmx.min.js" defer></script>' in pages["list"]


def test_the_scanner_catches_external_references() -> None:
    html = (
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="//cdn.example/htmx.js"></script>'
        '<img srcset="/a.png 1x, https://cdn.example/b.png 2x">'
        '<a href="https://example.org/">plain link</a>'
        '<a href="https://example.org/" rel="noopener noreferrer">allowed</a>'
        '<form action="https://collect.example/"></form>'
    )
    assert external_references(html) == [
        "<link href='https://cdn.example/x.css'>",
        "<script src='//cdn.example/htmx.js'>",
        "<img srcset='https://cdn.example/b.png'>",
        "<a href='https://example.org/'>",
        "<form action='https://collect.example/'>",
    ]
    assert inline_code('<p style="color:red" onclick="x()"><script>x()</script>') == [
        "style attribute on <p>",
        "onclick handler on <p>",
        "inline <script>",
        "inline script code",
    ]


# ---- Headers and static files -----------------------------------------------------------


@pytest.mark.django_db
def test_csp_header_on_every_kind_of_page(
    client: Client, make_document: MakeDocument, user: object
) -> None:
    assert client.get(reverse("web:login"))["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    client.force_login(user)  # type: ignore[arg-type]
    document = make_document()
    for url in (
        reverse("web:documents"),
        reverse("web:document", args=[document.pk]),
        reverse("web:document", args=[9999]),
    ):
        policy = client.get(url)["Content-Security-Policy"]
        assert policy == CONTENT_SECURITY_POLICY, url
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    original = client.get(reverse("web:document-original", args=[document.pk]))
    assert original["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/static/civicwatch/civicwatch.css", "text/css"),
        ("/static/civicwatch/vendor/htmx.min.js", "text/javascript"),
        ("/static/civicwatch/favicon.svg", "image/svg+xml"),
    ],
)
def test_static_files_are_served_from_this_host(
    client: Client, path: str, content_type: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)


def test_server_error_page_renders_without_context() -> None:
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert external_references(html) == []
    assert inline_code(html) == []
