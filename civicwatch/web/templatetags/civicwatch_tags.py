"""Template filters: vocabulary labels, language names, safe external links."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.utils.translation import get_language_info

from civicwatch.core import vocab

register = template.Library()


@register.filter
def term(value: object, vocabulary_name: str) -> str:
    """The label of a vocabulary term: ``{{ doc.sensitivity|term:"Sensitivity" }}``.

    Labels come from :mod:`civicwatch.core.vocab`, never from template literals. A value
    that is not a term of the vocabulary is shown as it is.
    """
    vocabulary = getattr(vocab, vocabulary_name, None)
    if not (isinstance(vocabulary, type) and issubclass(vocabulary, vocab.Vocabulary)):
        raise template.TemplateSyntaxError(f"{vocabulary_name!r} is not a vocabulary")
    if value is None or value == "":
        return ""
    try:
        return vocabulary(str(value)).label
    except ValueError:
        return str(value)


@register.filter
def language_name(code: str | None) -> str:
    """``ru`` → ``Russian`` (in the reader's language: «Русский»); ``""`` for codes Django
    does not know."""
    if not code:
        return ""
    try:
        return str(get_language_info(code.lower())["name_translated"])
    except KeyError:
        return ""


@register.filter
def language_label(code: str | None) -> str:
    """``ru`` → ``Russian (ru)``; unknown codes are shown as they are."""
    name = language_name(code)
    return f"{name} ({code})" if name else (code or "")


@register.filter
def thousands(number: int | None) -> str:
    """``12345`` → ``12,345`` (independent of the active locale's settings)."""
    if number is None:
        return ""
    return f"{number:,}"


@register.filter
def external_url(url: str | None) -> str:
    """``url`` when it is a plain http(s) address, else ``""`` (never a ``javascript:`` link)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return url.strip()
    return ""
