"""The full-text index: triggers queue changes, the catch-up indexes them, and matching
is transliteration- and case-insensitive and limited by sensitivity. Runs on SQLite and
(``make test``) again on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from civicwatch.core.vocab import Sensitivity
from civicwatch.services import search
from civicwatch.services.documents import DocumentMetadata, ingest_bytes
from civicwatch.store import search_index
from civicwatch.store.models import Document, Person
from civicwatch.store.search_index import Kind

pytestmark = pytest.mark.django_db

ALMATY = """Kazakhstan: activist detained in Almaty

On 3 March 2024, police in Almaty detained civic activist Nurlan Zhylanbayev (Нурлан Жыланбаев) \
after a peaceful protest. On 5 March 2024, a court sentenced Zhylanbayev to 15 days of \
administrative detention under article 488 of the Code of Administrative Offences.
"""
SHYMKENT = """Kazakhstan: blogger fined

On 10 April 2024, a court in Shymkent fined blogger Daulet Kassymov under article 274 of the \
Criminal Code for a post about water tariffs.
"""
NOTE = """Kazakhstan: internal note

On 2 May 2024, police in Almaty summoned civic activist \
Nurlan Zhylanbayev (Нурлан Жыланбаев-Сатпаев) \
for questioning about a peaceful protest.
"""


def ingest(text: str, name: str, sensitivity: Sensitivity = Sensitivity.INTERNAL) -> Document:
    document, created = ingest_bytes(text.encode(), name, DocumentMetadata(sensitivity=sensitivity))
    assert created
    return document


def pending() -> set[tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT kind, object_id FROM search_pending")
        return {(kind, int(object_id)) for kind, object_id in cursor.fetchall()}


def counts(q: str, clearance: Sensitivity = Sensitivity.CONFIDENTIAL) -> dict[str, int]:
    return {group.key: group.count for group in search.search(q, clearance).groups}


def person_named(name: str) -> Person:
    return Person.objects.get(canonical__isnull=True, canonical_name=name)


@pytest.fixture
def corpus() -> dict[str, Document]:
    return {"almaty": ingest(ALMATY, "almaty.txt"), "shymkent": ingest(SHYMKENT, "shymkent.txt")}


def test_triggers_queue_new_rows_and_catch_up_empties_the_queue(corpus: dict[str, Any]) -> None:
    queued = pending()
    assert ("d", corpus["almaty"].pk) in queued
    assert ("p", person_named("Nurlan Zhylanbayev").pk) in queued
    assert any(kind == "e" for kind, _ in queued)
    assert search.catch_up() >= 3
    assert pending() == set()
    assert not search_index.has_pending()
    # nothing queued: nothing done
    assert search.catch_up() == 0


@pytest.mark.parametrize(
    "q",
    ["Жыланбаев", "ЖЫЛАНБАЕВ", "жыланбаев", "Zhylanbayev", "Zhylanbaev", "zhylanbaev nurlan"],
)
def test_names_match_across_scripts_spellings_and_case(corpus: dict[str, Any], q: str) -> None:
    results = search.search(q, Sensitivity.CONFIDENTIAL)
    persons = results.groups[0]
    assert persons.key == "persons"
    assert persons.count == 1
    assert persons.hits[0].title == "Nurlan Zhylanbayev"
    documents = results.groups[1]
    assert [hit.title for hit in documents.hits] == ["Kazakhstan: activist detained in Almaty"]


def test_a_word_prefix_matches_russian_case_endings(corpus: dict[str, Any]) -> None:
    # "Жыланбаев" is a prefix of the genitive "Жыланбаева" and of "Zhylanbayeva" folded
    ingest(
        "Kazakhstan: hearing\n\nНа заседании суда в Алматы адвокат Жыланбаева не допустили.\n",
        "ru.txt",
    )
    assert counts("Жыланбаев")["documents"] == 2
    assert counts("Zhylan")["documents"] == 2
    assert counts("Жыланбаевых")["documents"] == 0


def test_every_word_must_match(corpus: dict[str, Any]) -> None:
    assert counts("Zhylanbayev Almaty")["documents"] == 1
    assert counts("Zhylanbayev Shymkent")["documents"] == 0
    assert counts("274 Kassymov") == {"persons": 0, "documents": 1, "events": 1}
    assert counts("  ...  ") == {}


def test_visibility_limits_counts_and_rows(corpus: dict[str, Any]) -> None:
    ingest(NOTE, "note.txt", Sensitivity.CONFIDENTIAL)
    assert counts("summoned", Sensitivity.CONFIDENTIAL)["documents"] == 1
    assert counts("summoned", Sensitivity.INTERNAL) == {"persons": 0, "documents": 0, "events": 0}
    assert counts("Zhylanbayev", Sensitivity.CONFIDENTIAL)["documents"] == 2
    assert counts("Zhylanbayev", Sensitivity.INTERNAL)["documents"] == 1


def test_a_spelling_read_only_in_a_confidential_report_does_not_match_below_it(
    corpus: dict[str, Any],
) -> None:
    ingest(NOTE, "note.txt", Sensitivity.CONFIDENTIAL)
    root = person_named("Nurlan Zhylanbayev")
    assert search.person_spellings([root.pk])[root.pk]["Нурлан Жыланбаев-Сатпаев"] is (
        Sensitivity.CONFIDENTIAL
    )
    assert counts("Сатпаев", Sensitivity.CONFIDENTIAL)["persons"] == 1
    assert counts("Сатпаев", Sensitivity.INTERNAL)["persons"] == 0
    # the person is still found for the viewer by the spellings of visible reports
    viewer = search.search("Жыланбаев", Sensitivity.INTERNAL).groups[0]
    assert viewer.count == 1
    assert "Сатпаев" not in str(viewer.hits[0].snippet) + " ".join(viewer.hits[0].details)
    # the report becomes internal: its spelling is indexed at that level at the next search
    Document.objects.filter(filename="note.txt").update(sensitivity=Sensitivity.INTERNAL.value)
    assert counts("Сатпаев", Sensitivity.INTERNAL)["persons"] == 1


def test_a_changed_title_and_a_deleted_document_reach_the_index(corpus: dict[str, Any]) -> None:
    assert counts("tariffs")["documents"] == 1
    Document.objects.filter(pk=corpus["shymkent"].pk).update(title="Water tariff protest")
    assert counts("protest")["documents"] == 2
    unread, _ = ingest_bytes(
        b"A protest note\n\nNo names here.\n", "plain.txt", DocumentMetadata(), extract=False
    )
    assert counts("protest")["documents"] == 3
    Document.objects.filter(pk=unread.pk).delete()
    assert counts("protest")["documents"] == 2
    with connection.cursor() as cursor:
        key = "rowid" if connection.vendor == "sqlite" else "id"
        cursor.execute(
            f"SELECT COUNT(*) FROM {Kind.DOCUMENT.table} WHERE {key} = %s", [unread.pk * 4]
        )
        assert cursor.fetchone()[0] == 0


def test_a_merged_person_leaves_the_index_and_refresh_and_rebuild_agree(
    corpus: dict[str, Any],
) -> None:
    ingest(NOTE, "note.txt", Sensitivity.INTERNAL)
    search.catch_up()
    members = list(Person.objects.filter(canonical__isnull=False).values_list("pk", flat=True))
    assert members  # the note's Zhylanbayev joined the first one's group
    with connection.cursor() as cursor:
        key = "rowid" if connection.vendor == "sqlite" else "id"
        marks = ", ".join(["%s"] * len(members))
        cursor.execute(
            f"SELECT COUNT(*) FROM {Kind.PERSON.table} WHERE {key} / 4 IN ({marks})", members
        )
        assert cursor.fetchone()[0] == 0
    before = counts("Zhylanbayev")
    search.refresh_index(persons=members, documents=[corpus["almaty"].pk])
    assert counts("Zhylanbayev") == before
    assert search.rebuild_index() >= 5
    assert counts("Zhylanbayev") == before


def test_highlighter_marks_words_and_escapes_the_rest() -> None:
    terms = search_index.query_terms("Жыланбаев")
    highlighter = search.Highlighter(terms)
    html = str(highlighter.mark("<b>Zhylanbayeva</b> & Жыланбаеву"))
    assert html == "&lt;b&gt;<mark>Zhylanbayeva</mark>&lt;/b&gt; &amp; <mark>Жыланбаеву</mark>"
    snippet, found = highlighter.snippet("word " * 200 + "Жыланбаев here" + " tail" * 200)
    assert found is not None and found[2] == search.EXACT
    assert "<mark>Жыланбаев</mark> here" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) < search.SNIPPET_CHARS + 60


def test_query_terms_are_lower_case_folded_and_bounded() -> None:
    terms = search_index.query_terms("ЖЫЛАНБАЕВ Zhylanbayev 274 " + "x " * 30)
    assert terms[0].word == "жыланбаев" and terms[0].folded == "jilanbaev"
    assert terms[1].folded == "jilanbaev"
    assert terms[2].word == terms[2].folded == "274"
    assert len(terms) <= search_index.MAX_TERMS
    # quotes and operators are not words: they cannot break the query
    assert search_index.query_terms('"a" OR b* NEAR(c) \'d') == [
        search_index.Term(word, search_index.fold(word))
        for word in ["a", "or", "b", "near", "c", "d"]
    ]
    assert counts('"Zhylanbayev" OR (') == {"persons": 0, "documents": 0, "events": 0}


def test_rows_of_higher_levels_carry_the_lower_levels_text() -> None:
    entries = search._cumulative(
        7,
        {
            Sensitivity.PUBLIC: ["Charge (CC 274)"],
            Sensitivity.CONFIDENTIAL: ["Marat Bekbolatov"],
        },
    )
    assert [(entry.level, entry.text) for entry in entries] == [
        (Sensitivity.PUBLIC, "Charge (CC 274)"),
        (Sensitivity.CONFIDENTIAL, "Charge (CC 274)\nMarat Bekbolatov"),
    ]
    assert [entry.row_id for entry in entries] == [28, 30]


def test_a_report_made_confidential_takes_its_events_along(corpus: dict[str, Any]) -> None:
    # its events and the levels of the names it gives are re-indexed at the next search
    Document.objects.filter(pk=corpus["shymkent"].pk).update(
        sensitivity=Sensitivity.CONFIDENTIAL.value
    )
    Person.objects.filter(canonical_name="Daulet Kassymov").update(
        sensitivity=Sensitivity.PUBLIC.value
    )
    assert counts("Kassymov", Sensitivity.CONFIDENTIAL)["events"] == 1
    assert counts("Kassymov", Sensitivity.INTERNAL)["events"] == 0


def test_every_search_trigger_survives_the_migrations() -> None:
    """SQLite drops a table's triggers when a migration rebuilds it (adding a column with
    a default): the migrations that do so re-create them."""
    from django.db import connection

    from civicwatch.store.search_index import sqlite_trigger_names

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL alters tables in place")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    expected = sqlite_trigger_names()
    assert expected and expected <= present, expected - present
