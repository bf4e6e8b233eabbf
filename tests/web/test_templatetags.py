from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError

from civicwatch.core.vocab import ReviewState, Sensitivity
from civicwatch.web.templatetags.civicwatch_tags import (
    external_url,
    language_label,
    language_name,
    term,
    thousands,
)


def test_term_labels_come_from_the_vocabulary() -> None:
    assert term("confidential", "Sensitivity") == Sensitivity.CONFIDENTIAL.label
    assert term("accepted", "ReviewState") == ReviewState.ACCEPTED.label
    assert term("admin_detention", "PenaltyKind") == "Administrative detention"
    assert term("no-such-term", "Sensitivity") == "no-such-term"
    assert term("", "Sensitivity") == ""


def test_term_rejects_unknown_vocabularies() -> None:
    with pytest.raises(TemplateSyntaxError):
        term("public", "Sensitivities")
    with pytest.raises(TemplateSyntaxError):
        term("public", "choices")


def test_language_names() -> None:
    assert language_name("ru") == "Russian"
    assert language_label("kk") == "Kazakh (kk)"
    assert language_label("EN") == "English (EN)"
    assert language_label("xx-nonsense") == "xx-nonsense"
    assert language_label("") == ""
    assert language_name(None) == ""


def test_language_names_are_in_the_readers_language() -> None:
    from django.utils import translation

    with translation.override("ru"):
        assert language_name("kk") == "Казахский"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("data:text/html,x", ""),
        ("//example.org", ""),
        ("http://", ""),
        ("http://[::1", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_external_url(url: str | None, expected: str) -> None:
    assert external_url(url) == expected


def test_thousands() -> None:
    assert thousands(0) == "0"
    assert thousands(1234567) == "1,234,567"
    assert thousands(None) == ""
