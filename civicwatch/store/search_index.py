"""The full-text search index: one table per kind of result, in the database itself.

No separate search server. On SQLite each kind is an FTS5 virtual table; on PostgreSQL a
plain table with a ``tsvector`` column and a GIN index. Both are filled with the *same*
words, cut and lower-cased here in Python (so Cyrillic case never hides a match, whatever
the server's locale), in two columns:

- ``words``: the words as written, lower-cased (``жыланбаева``, ``zhylanbayev``);
- ``folded``: each word transliterated to Latin and spelling-folded with the key the
  identity code uses (:func:`civicwatch.core.matching_lexicon.fold_word`), so that
  ``Жыланбаева``, ``Zhylanbayeva`` and ``Zhylanbaeva`` all give ``jilanbaeva``.

A search term matches a word that starts with it, in either column (the prefix also finds
Russian case endings: ``Жыланбаев`` finds ``Жыланбаева``, ``Жыланбаеву``).

Rows are keyed ``object id × 4 + level``: documents and events have one row (level 0),
a person one row per sensitivity level of the documents their spellings come from, so a
spelling read only in a confidential report never matches for a viewer.

Keeping current: database triggers (created by migration ``0006_search``) put the id of
every inserted, changed or deleted document, person, spelling, event and involvement in
``search_pending``; :func:`civicwatch.services.search.catch_up` re-indexes exactly those
rows, lazily before a search and eagerly after a bulk ingest. Triggers see every write,
including the bulk writes of case building and review services that know nothing of search.

This module holds the tables, the word cutting and the SQL; *what* text goes in for each
kind is decided in :mod:`civicwatch.services.search`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import connection
from django.db.models.expressions import RawSQL

from civicwatch.core.matching_lexicon import fold_word
from civicwatch.core.vocab import Sensitivity

__all__ = [
    "Entry",
    "Kind",
    "Pending",
    "Term",
    "count_matches",
    "delete",
    "delete_all",
    "fold",
    "has_pending",
    "install_sql",
    "matches",
    "matching_ids",
    "query_terms",
    "queue_all",
    "take_pending",
    "uninstall_sql",
    "word_tokens",
    "write",
]

#: Words longer than this are not words (hashes, runs of letters) and are not indexed.
MAX_WORD = 60
#: More words than this in a search are ignored.
MAX_TERMS = 10
_WORD = re.compile(r"[^\W_]+")
PENDING_TABLE = "search_pending"


class Kind(Enum):
    """A kind of search result, its index table and its code in ``search_pending``."""

    DOCUMENT = "d"
    PERSON = "p"
    EVENT = "e"

    @property
    def table(self) -> str:
        return f"search_{self.name.lower()}"


#: ``search_pending`` code for "this document's sensitivity changed: re-index the people
#: whose spellings it gives".
DOCUMENT_SENSITIVITY = "s"


@dataclass(frozen=True)
class Entry:
    """One row of an index: an object (at a sensitivity level) and its text."""

    object_id: int
    text: str
    level: Sensitivity = Sensitivity.PUBLIC

    @property
    def row_id(self) -> int:
        return self.object_id * 4 + self.level.rank


@dataclass(frozen=True)
class Term:
    """One word of a search: as written (lower case) and folded."""

    word: str
    folded: str


def word_tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order."""
    text = unicodedata.normalize("NFC", text).lower()
    return [word for word in _WORD.findall(text) if len(word) <= MAX_WORD]


def fold(word: str) -> str:
    """The Latin spelling-folded form of one lower-case word ("" when it has no letter)."""
    if word.isdigit():
        return word
    return fold_word(word)


def query_terms(q: str) -> list[Term]:
    """The words of a search, each as written and folded (at most :data:`MAX_TERMS`)."""
    terms = []
    for word in dict.fromkeys(word_tokens(q)):
        terms.append(Term(word, fold(word) or word))
    return terms[:MAX_TERMS]


def _columns(text: str) -> tuple[str, str]:
    words = word_tokens(text)
    folded = dict.fromkeys(folded for word in words if (folded := fold(word)))
    return " ".join(words), " ".join(folded)


# ---- Schema ----------------------------------------------------------------------------

# (table, kind code, key column, columns whose change matters or None for any) per trigger
_WATCHED: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("store_document", Kind.DOCUMENT.value, "id", ("title", "publisher")),
    ("store_document", DOCUMENT_SENSITIVITY, "id", ("sensitivity",)),
    ("store_person", Kind.PERSON.value, "id", ("canonical_name", "canonical_id", "live")),
    ("store_personname", Kind.PERSON.value, "person_id", ("name", "person_id")),
    ("store_event", Kind.EVENT.value, "id", ("summary", "place_id")),
    ("store_involvement", Kind.EVENT.value, "event_id", ("event_id", "person_id")),
)


def _trigger_name(table: str, code: str) -> str:
    return f"search_{table.removeprefix('store_')}_{code}"


def install_sql(vendor: str) -> list[str]:
    """Statements that create the index tables, the pending queue and its triggers, and
    queue every existing row (so an existing database is indexed by the next catch-up)."""
    statements = [
        f"CREATE TABLE {PENDING_TABLE} (kind varchar(1) NOT NULL, object_id bigint NOT NULL, "
        "PRIMARY KEY (kind, object_id))"
    ]
    for kind in Kind:
        if vendor == "sqlite":
            statements.append(
                f"CREATE VIRTUAL TABLE {kind.table} USING fts5("
                "words, folded, tokenize='unicode61 remove_diacritics 2')"
            )
        else:
            statements += [
                f"CREATE TABLE {kind.table} (id bigint PRIMARY KEY, tsv tsvector NOT NULL)",
                f"CREATE INDEX {kind.table}_tsv ON {kind.table} USING gin (tsv)",
            ]
    for table, code, key, columns in _WATCHED:
        statements += _trigger_sql(vendor, table, code, key, columns)
    return statements + list(_QUEUE_ALL)


def repair_sql(vendor: str) -> list[str]:
    """Statements that re-create the triggers a migration lost, and queue every row.

    SQLite drops a table's triggers when a migration rebuilds the table (Django rebuilds
    it to add a column with a default), so every migration that adds such a column to a
    watched table ends with these statements. PostgreSQL alters tables in place."""
    if vendor != "sqlite":
        return []
    creates = _sqlite_triggers()
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in _created_names(creates)),
        *creates,
        *(statement.replace("INSERT INTO", "INSERT OR IGNORE INTO", 1) for statement in _QUEUE_ALL),
    ]


def sqlite_trigger_names() -> set[str]:
    """The names of the triggers the index needs on SQLite (for checks)."""
    return set(_created_names(_sqlite_triggers()))


def _sqlite_triggers() -> list[str]:
    return [
        statement
        for table, code, key, columns in _WATCHED
        for statement in _trigger_sql("sqlite", table, code, key, columns)
    ]


def _created_names(statements: list[str]) -> list[str]:
    return [statement.split()[2] for statement in statements]  # "CREATE TRIGGER <name> ..."


_QUEUE_ALL = (
    f"INSERT INTO {PENDING_TABLE} (kind, object_id) SELECT 'd', id FROM store_document",
    f"INSERT INTO {PENDING_TABLE} (kind, object_id) "
    "SELECT 'p', id FROM store_person WHERE canonical_id IS NULL",
    f"INSERT INTO {PENDING_TABLE} (kind, object_id) SELECT 'e', id FROM store_event",
)


def _trigger_sql(
    vendor: str, table: str, code: str, key: str, columns: tuple[str, ...]
) -> list[str]:
    name = _trigger_name(table, code)
    if vendor == "sqlite":
        insert = f"INSERT OR IGNORE INTO {PENDING_TABLE} (kind, object_id) VALUES ('{code}', "
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in columns)
        statements = [
            f"CREATE TRIGGER {name}_u AFTER UPDATE ON {table} WHEN {changed} BEGIN "
            f"{insert}OLD.{key}); {insert}NEW.{key}); END"
        ]
        if code != DOCUMENT_SENSITIVITY:
            statements += [
                f"CREATE TRIGGER {name}_i AFTER INSERT ON {table} BEGIN {insert}NEW.{key}); END",
                f"CREATE TRIGGER {name}_d AFTER DELETE ON {table} BEGIN {insert}OLD.{key}); END",
            ]
        return statements
    changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in columns)
    insert = f"INSERT INTO {PENDING_TABLE} (kind, object_id) VALUES ('{code}', "
    conflict = ") ON CONFLICT DO NOTHING;"
    function = (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {insert}OLD.{key}{conflict} END IF; "
        f"IF TG_OP <> 'DELETE' THEN {insert}NEW.{key}{conflict} END IF; "
        "RETURN NULL; END $$"
    )
    statements = [
        function,
        f"CREATE TRIGGER {name}_u AFTER UPDATE ON {table} FOR EACH ROW "
        f"WHEN ({changed}) EXECUTE FUNCTION {name}()",
    ]
    if code != DOCUMENT_SENSITIVITY:
        statements.append(
            f"CREATE TRIGGER {name} AFTER INSERT OR DELETE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {name}()"
        )
    return statements


def uninstall_sql(vendor: str) -> list[str]:
    statements = []
    for table, code, _, _ in _WATCHED:
        name = _trigger_name(table, code)
        if vendor == "sqlite":
            statements += [f"DROP TRIGGER IF EXISTS {name}_{op}" for op in "uid"]
        else:
            statements += [
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"DROP TRIGGER IF EXISTS {name}_u ON {table}",
                f"DROP FUNCTION IF EXISTS {name}()",
            ]
    statements += [f"DROP TABLE IF EXISTS {kind.table}" for kind in Kind]
    statements.append(f"DROP TABLE IF EXISTS {PENDING_TABLE}")
    return statements


# ---- Writing ---------------------------------------------------------------------------


def delete(kind: Kind, object_ids: Iterable[int]) -> None:
    """Remove every row of these objects (all levels)."""
    rows = sorted({object_id * 4 + level.rank for object_id in object_ids for level in Sensitivity})
    key = "rowid" if connection.vendor == "sqlite" else "id"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 900):
            chunk = rows[start : start + 900]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {kind.table} WHERE {key} IN ({marks})", chunk)


def write(kind: Kind, object_ids: Iterable[int], entries: Sequence[Entry]) -> None:
    """Replace the rows of ``object_ids`` with ``entries`` (objects without an entry leave
    the index)."""
    delete(kind, object_ids)
    if not entries:
        return
    rows = [(entry.row_id, *_columns(entry.text)) for entry in entries]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(
                f"INSERT INTO {kind.table} (rowid, words, folded) VALUES (%s, %s, %s)", rows
            )
        else:
            cursor.executemany(
                f"INSERT INTO {kind.table} (id, tsv) VALUES (%s, "
                "setweight(to_tsvector('simple', %s), 'A') || "
                "setweight(to_tsvector('simple', %s), 'B'))",
                rows,
            )


def delete_all(kind: Kind) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {kind.table}")


def queue_all() -> None:
    """Queue every document, person and event (for a rebuild of the whole index)."""
    with connection.cursor() as cursor:
        for statement in _QUEUE_ALL:
            if connection.vendor == "sqlite":
                cursor.execute(statement.replace("INSERT INTO", "INSERT OR IGNORE INTO", 1))
            else:
                cursor.execute(statement + " ON CONFLICT DO NOTHING")


# ---- Pending work ----------------------------------------------------------------------


@dataclass
class Pending:
    """Ids queued by the triggers, by kind."""

    documents: set[int]
    persons: set[int]
    events: set[int]
    sensitivity_changed: set[int]

    def __bool__(self) -> bool:
        return bool(self.documents or self.persons or self.events or self.sensitivity_changed)


def has_pending() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {PENDING_TABLE} LIMIT 1")
        return cursor.fetchone() is not None


def take_pending(limit: int = 2000) -> Pending:
    """Remove up to ``limit`` queued ids and return them (call inside a transaction, and
    index them in it: a failure puts them back)."""
    with connection.cursor() as cursor:
        # on PostgreSQL two catch-ups at once take different rows (SQLite has one writer)
        lock = " FOR UPDATE SKIP LOCKED" if connection.vendor == "postgresql" else ""
        cursor.execute(
            f"SELECT kind, object_id FROM {PENDING_TABLE} ORDER BY kind, object_id LIMIT %s{lock}",
            [limit],
        )
        rows = cursor.fetchall()
        taken = Pending(set(), set(), set(), set())
        by_code = {
            Kind.DOCUMENT.value: taken.documents,
            Kind.PERSON.value: taken.persons,
            Kind.EVENT.value: taken.events,
            DOCUMENT_SENSITIVITY: taken.sensitivity_changed,
        }
        for code, object_id in rows:
            by_code.get(code, set()).add(int(object_id))
        for code, ids in by_code.items():
            ordered = sorted(ids)
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"DELETE FROM {PENDING_TABLE} WHERE kind = %s AND object_id IN ({marks})",
                    [code, *chunk],
                )
    return taken


# ---- Matching --------------------------------------------------------------------------


def _expression(terms: Sequence[Term]) -> str:
    """The search in the backend's query language: every term, as written or folded, as a
    word prefix (terms are letters and digits only, so nothing in them is an operator)."""
    if connection.vendor == "sqlite":
        return " AND ".join(
            f'(words : "{term.word}" * OR folded : "{term.folded}" *)' for term in terms
        )
    return " & ".join(f"('{term.word}':*A | '{term.folded}':*B)" for term in terms)


def _ids(kind: Kind, terms: Sequence[Term], levels: Sequence[Sensitivity]) -> RawSQL:
    """``SELECT object_id`` of the objects whose row at one of ``levels`` has every term."""
    ranks = ", ".join(str(level.rank) for level in levels)
    if connection.vendor == "sqlite":
        sql = (
            f"SELECT rowid / 4 FROM {kind.table} WHERE {kind.table} MATCH %s "
            f"AND rowid - (rowid / 4) * 4 IN ({ranks})"
        )
    else:
        sql = (
            f"SELECT id / 4 FROM {kind.table} WHERE tsv @@ %s::tsquery "
            f"AND id - (id / 4) * 4 IN ({ranks})"
        )
    return RawSQL(sql, [_expression(terms)])


def _scored(
    kind: Kind, terms: Sequence[Term], levels: Sequence[Sensitivity]
) -> tuple[str, list[Any]]:
    """SQL selecting ``object_id, score`` (lower is better) of the matching objects."""
    ranks = ", ".join(str(level.rank) for level in levels)
    expression = _expression(terms)
    if connection.vendor == "sqlite":
        # bm25() may not sit inside an aggregate: the LIMIT keeps SQLite from flattening
        # the subquery into the GROUP BY
        sql = (
            "SELECT object_id, MIN(score) AS score FROM ("
            f"SELECT rowid / 4 AS object_id, bm25({kind.table}, 1.0, 0.5) AS score "
            f"FROM {kind.table} WHERE {kind.table} MATCH %s "
            f"AND rowid - (rowid / 4) * 4 IN ({ranks}) LIMIT -1) GROUP BY object_id"
        )
        return sql, [expression]
    sql = (
        f"SELECT id / 4 AS object_id, MIN(-ts_rank(tsv, %s::tsquery)) AS score "
        f"FROM {kind.table} WHERE tsv @@ %s::tsquery "
        f"AND id - (id / 4) * 4 IN ({ranks}) GROUP BY id / 4"
    )
    return sql, [expression, expression]


def matches(
    kind: Kind,
    terms: Sequence[Term],
    levels: Sequence[Sensitivity],
    visible: Any,
    *,
    limit: int,
    offset: int = 0,
    ranked: bool = True,
) -> list[int]:
    """Ids of the best-matching objects that are in the queryset ``visible``, best first
    (newest first when not ``ranked``: ranking thousands of matches of a common word costs
    more than it tells)."""
    if not terms:
        return []
    if not ranked:
        newest = visible.filter(pk__in=_ids(kind, terms, levels)).order_by("-pk")
        return [int(pk) for pk in newest.values_list("pk", flat=True)[offset : offset + limit]]
    scored_sql, scored_params = _scored(kind, terms, levels)
    # the visible rows among the matches: looked up by id, never a scan of the table
    within = visible.filter(pk__in=_ids(kind, terms, levels)).values("pk")
    within_sql, within_params = within.query.sql_with_params()
    sql = (
        f"SELECT m.object_id FROM ({scored_sql}) m WHERE m.object_id IN ({within_sql}) "
        "ORDER BY m.score, m.object_id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scored_params, *within_params, limit, offset])
        return [int(row[0]) for row in cursor.fetchall()]


def count_matches(
    kind: Kind, terms: Sequence[Term], levels: Sequence[Sensitivity], visible: Any
) -> int:
    """How many objects of the queryset ``visible`` match."""
    if not terms:
        return 0
    return int(visible.filter(pk__in=_ids(kind, terms, levels)).count())


def matching_ids(kind: Kind, terms: Sequence[Term]) -> RawSQL:
    """An expression for ``pk__in=``: every object matching ``terms`` at any level (for a
    queryset that already limits what the reader sees)."""
    return _ids(kind, terms, list(Sensitivity))
