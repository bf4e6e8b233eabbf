"""HTML pages: visible body text in lines, metadata from the markup, charsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from civicwatch.errors import EmptyTextError, UnsupportedFormatError
from civicwatch.ingest import read_bytes, read_path

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Kazakhstan | Monitor</title>
  <meta property="og:title" content="Kazakhstan: activists jailed">
  <meta property="article:published_time" content="2023-03-27T10:00:00+06:00">
  <style>p { color: red }</style>
  <script>var hidden = "<p>not text</p>";</script>
</head>
<body>
  <noscript>Enable JavaScript</noscript>
  <template><p>template text</p></template>
  <h1>Activists   jailed</h1>
  <p>On 19 November 2023, a court in <b>Astana</b> convicted X &amp; Y
     under articles&nbsp;405 &ndash; 258.</p>
  <div>First div</div><div>Second div</div>
  <p>Line one<br>line two<br/>line three</p>
  <ul><li>Detained: <a href="#">A</a></li><li><p>Fined: B</p></li></ul>
  <table>
    <tr><th>Name</th><th>Article</th></tr>
    <tr><td>X</td><td>405</td></tr>
  </table>
  <pre>  kept   as
  written</pre>
</body>
</html>
"""


def test_html_body_text_in_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    result = read_path(path)
    assert result.text == (
        "Activists jailed\n\n"
        "On 19 November 2023, a court in Astana convicted X & Y under articles\u00a0405 – 258."
        "\n\nFirst div\nSecond div\n\n"
        "Line one\nline two\nline three\n\n"
        "• Detained: A\n\n• Fined: B\n\n"
        "Name\tArticle\nX\t405\n\n"
        "  kept   as\n  written"
    )
    assert "not text" not in result.text and "template" not in result.text
    assert result.title == "Kazakhstan: activists jailed"
    assert result.published == date(2023, 3, 27)
    assert result.language == "en"
    assert result.media_type == "text/html"
    assert result.reader == "html/1+norm/1"


@pytest.mark.parametrize(
    ("head", "body", "title", "published"),
    [
        ("<title>From title</title>", "<h1>From h1</h1>", "From title", None),
        ("", "<h1>From h1</h1><p>x</p>", "From h1", None),
        ('<meta name="date" content="2024-05-12">', "<p>x</p>", None, date(2024, 5, 12)),
        ('<meta name="DC.date" content="2024-05-13">', "<p>x</p>", None, date(2024, 5, 13)),
        ("", '<p><time datetime="2024-05-14T09:00">14 May</time> x</p>', None, date(2024, 5, 14)),
        ("", "<p>Published: 15 May 2024</p><p>Body</p>", None, date(2024, 5, 15)),
        ('<meta name="date" content="2024-05">', "<p>Body</p>", None, None),
    ],
)
def test_html_title_and_date_sources(
    head: str, body: str, title: str | None, published: date | None
) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    result = read_bytes(page.encode(), "p.html")
    if title is not None:
        assert result.title == title
    assert result.published == published


def test_cyrillic_page_in_windows_1251() -> None:
    page = (
        '<html lang="ru"><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1251"><title>Приговор</title></head>'
        "<body><p>Суд приговорил активиста к семи годам.</p></body></html>"
    )
    result = read_bytes(page.encode("cp1251"), "p.htm")
    assert result.text == "Суд приговорил активиста к семи годам."
    assert result.title == "Приговор"
    assert result.language == "ru"


def test_undeclared_charset_is_utf8_with_bad_bytes_replaced() -> None:
    page = "<p>Қазақстан</p>".encode() + b"<p>bad \xff byte</p>"
    result = read_bytes(page, "p.html")
    assert result.text == "Қазақстан\n\nbad \ufffd byte"
    assert result.language == "kk"


def test_kz_lang_attribute_means_kazakh() -> None:
    page = '<html lang="kz"><body><p>Short text in any script here.</p></body></html>'
    assert read_bytes(page.encode(), "p.html").language == "kk"


def test_fragment_without_head_or_body_and_unclosed_head() -> None:
    result = read_bytes(b"<head><title>T</title><p>Body text</p>", "f.html")
    assert (result.text, result.title) == ("Body text", "T")


def test_page_without_visible_text_is_empty() -> None:
    with pytest.raises(EmptyTextError, match="no visible text"):
        read_bytes(b"<html><head><title>x</title></head><body><script>1</script></body>", "e.html")


def test_binary_file_named_html_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="binary"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.html")
