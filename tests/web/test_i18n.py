"""The interface in English and Russian: the committed catalogue is compiled from its
source, the switch is remembered per account, and pages come out in the chosen language."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from civicwatch.store.models import Account

LOCALE = Path(__file__).resolve().parents[2] / "civicwatch" / "locale" / "ru" / "LC_MESSAGES"


def read_po(path: Path) -> dict[tuple[str, str], str]:
    """(msgctxt, msgid) → msgstr of a .po file's translated, non-fuzzy entries (no plural
    forms; the context is "" for an entry without one)."""
    entries: dict[tuple[str, str], str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        fields: dict[str, str] = {}
        current = ""
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += ast.literal_eval(line)
                continue
            keyword, _, rest = line.partition(" ")
            current = keyword
            fields[current] = ast.literal_eval(rest)
        if fields.get("msgid") and fields.get("msgstr"):
            entries[(fields.get("msgctxt", ""), fields["msgid"])] = fields["msgstr"]
    return entries


def test_compiled_catalogue_matches_its_source() -> None:
    source = read_po(LOCALE / "django.po")
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)

    def translated(context: str, msgid: str) -> str:
        return compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)

    stale = {
        key: (wanted, translated(*key))
        for key, wanted in source.items()
        if translated(*key) != wanted
    }
    assert not stale, f"run `make messages`: django.mo is older than django.po: {stale}"


def test_label_catalogue_lists_every_vocabulary_label() -> None:
    from civicwatch.web.label_catalogue import LABELS, english_labels

    assert list(LABELS) == english_labels(), "run `make messages`"


def test_every_entry_is_translated() -> None:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    untranslated = text.count('msgstr ""\n\n') + text.endswith('msgstr ""\n')
    # the header is the one entry whose msgstr starts empty and continues on the next lines
    assert untranslated == 0, "entries in django.po have no Russian translation"


@pytest.mark.django_db
def test_language_switch_is_remembered_for_the_account(client: Client) -> None:
    User.objects.create_user("olga", password="a long passphrase for olga")
    client.login(username="olga", password="a long passphrase for olga")
    documents = reverse("web:documents")
    assert "Documents" in client.get(documents).content.decode()
    response = client.post(reverse("web:language"), {"language": "ru", "next": documents})
    assert response.status_code == 302
    assert response["Location"] == documents
    assert Account.objects.get(user__username="olga").language == "ru"
    # a new session of the same account, with an English-speaking browser
    fresh = Client(HTTP_ACCEPT_LANGUAGE="en")
    fresh.login(username="olga", password="a long passphrase for olga")
    html = fresh.get(documents).content.decode()
    assert 'lang="ru"' in html
    assert "Документы" in html
    # vocabulary labels follow the language too (installed by the web app at start-up)
    from django.utils import translation

    from civicwatch.core.vocab import Sensitivity

    with translation.override("ru"):
        assert Sensitivity.CONFIDENTIAL.label == "Конфиденциально"
    with translation.override("en"):
        assert Sensitivity.CONFIDENTIAL.label == "Confidential"


@pytest.mark.django_db
def test_switch_refuses_other_hosts_and_unknown_languages(client: Client) -> None:
    User.objects.create_user("olga", password="a long passphrase for olga")
    client.login(username="olga", password="a long passphrase for olga")
    response = client.post(
        reverse("web:language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert Account.objects.get(user__username="olga").language == "en"


@pytest.mark.django_db
def test_a_vocabulary_term_is_not_translated_as_the_interface_word_spelt_alike() -> None:
    from django.utils import translation

    from civicwatch.core.vocab import EventType

    with translation.override("ru"):
        assert EventType.SEARCH.label == "Обыск"  # a search of premises
        assert translation.gettext("Search") == "Поиск"  # the search box


@pytest.mark.django_db
def test_form_choices_are_read_in_the_readers_language() -> None:
    from django.utils import translation

    from civicwatch.core.vocab import Sensitivity
    from civicwatch.web.forms import UploadForm

    with translation.override("ru"):
        labels = dict(UploadForm().fields["sensitivity"].choices)
    assert labels[Sensitivity.CONFIDENTIAL.value] != Sensitivity.CONFIDENTIAL.english_label
