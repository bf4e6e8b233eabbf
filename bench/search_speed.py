"""Search speed: ``python bench/search_speed.py [--documents 20000]``.

Writes N short reports straight into a fresh database (English with names in Latin and,
for some, in Cyrillic in brackets; a fifth in Russian), builds the full-text index through
the triggers' queue (:func:`civicwatch.services.search.catch_up`), then times, for SQLite
and for PostgreSQL (a throwaway database on ``--postgres``; skipped when none answers):

- the old document-list search: ``icontains`` over title, publisher and text, one term (and
  a Cyrillic term in its four case spellings, as the old code searched it), counted;
- the same count through the index (:func:`civicwatch.store.search_index.count_matches`,
  within the visible documents);
- the whole search page's work (:func:`civicwatch.services.search.search`): three groups
  counted, the best eight of each with highlighted snippets, at viewer clearance.

Each figure is the median of 9 runs after one warm-up. One core: every process pins itself
to one CPU. Results print as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [
    ("Nurlan", "Zhylanbayev", "Нурлан", "Жыланбаев"),
    ("Aigerim", "Tleubayeva", "Айгерим", "Тлеубаева"),
    ("Yerlan", "Zhaksybayev", "Ерлан", "Жаксыбаев"),
    ("Daulet", "Sadykuly", "Даулет", "Садыкулы"),
    ("Timur", "Ibraimov", "Тимур", "Ибраимов"),
    ("Raushan", "Yeskendirova", "Раушан", "Ескендирова"),
    ("Bekzat", "Orazbayev", "Бекзат", "Оразбаев"),
    ("Aslan", "Kenzhebayev", "Аслан", "Кенжебаев"),
    ("Marat", "Bekbolatov", "Марат", "Бекболатов"),
    ("Asel", "Kadyrova", "Асель", "Кадырова"),
]
SURNAMES = [
    "Abenov", "Akhmetov", "Baimukhanov", "Dosekeyeva", "Yergaliyeva", "Iskakov", "Kasymov",
    "Mukhtarova", "Nurpeisova", "Omarov", "Rakhimov", "Sarsenbayev", "Tokayeva", "Utepov",
    "Zhumabekov", "Serikbayev", "Kuanyshev", "Amanzholova", "Bolatov", "Temirkhanov",
]  # fmt: skip
GIVEN = ["Askar", "Galym", "Kanat", "Olzhas", "Zhanna", "Dina", "Saule", "Erzhan", "Ruslan"]
CITIES = ["Almaty", "Astana", "Shymkent", "Aktobe", "Taraz", "Oral", "Atyrau", "Zhanaozen"]
ROLES = ["civic activist", "journalist", "blogger", "lawyer", "trade unionist", "poet"]
ENGLISH = [
    "On {date}, police in {city} detained {role} {person} after a peaceful protest.",
    "A court in {city} sentenced {person} to {n} days of administrative detention.",
    "{person} was fined {n} monthly calculation indices under article 488 of the Code.",
    "The prosecutor charged {person} under article 274 of the Criminal Code.",
    "Lawyers for {person} said the trial in {city} was closed to the public.",
    "Relatives of {person} were not allowed to visit the detention centre.",
    "The appeal court upheld the sentence on {date}.",
    "Monitors counted {n} people detained near the akimat building.",
]
RUSSIAN = [
    "{date} в городе {city} полиция задержала активиста {person} после мирной акции.",
    "Суд приговорил {person} к {n} суткам административного ареста.",
    "Прокуратура предъявила обвинение по статье 274 Уголовного кодекса.",
    "Адвокаты заявили, что процесс был закрытым.",
]
QUERIES = [
    ("a name in Latin", "Zhylanbayev"),
    ("a name in Cyrillic (four case spellings for LIKE)", "Жыланбаев"),
    ("a common word", "court"),
    ("two words", "Tleubayeva Almaty"),
]


def make_documents(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    documents = []
    start = date(2021, 1, 1)
    for number in range(count):
        russian = rng.random() < 0.2
        day = start + timedelta(days=rng.randrange(1400))
        sentences = []
        for _ in range(rng.randint(5, 12)):
            if rng.random() < 0.08:
                given, surname, cyr_given, cyr_surname = rng.choice(PEOPLE)
                if russian:
                    person = f"{cyr_given} {cyr_surname}"
                elif rng.random() < 0.5:
                    person = f"{given} {surname} ({cyr_given} {cyr_surname})"
                else:
                    person = f"{given} {surname}"
            else:
                person = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
            template = rng.choice(RUSSIAN if russian else ENGLISH)
            sentences.append(
                template.format(
                    date=day.strftime("%d.%m.%Y") if russian else f"{day:%-d %B %Y}",
                    city=rng.choice(CITIES),
                    role=rng.choice(ROLES),
                    person=person,
                    n=rng.randint(2, 30),
                )
            )
        title = f"Report {number}: {rng.choice(CITIES)} {day:%B %Y}"
        text = title + "\n\n" + " ".join(sentences) + "\n"
        documents.append(
            {
                "sha256": f"{number:064x}",
                "filename": f"report-{number}.txt",
                "media_type": "text/plain",
                "size_bytes": len(text.encode()),
                "reader": "bench",
                "text": text,
                "title": title,
                "publisher": rng.choice(["CIVICUS Monitor", "Qorgau", "KIBHR", ""]),
                "published": day,
                "language": "ru" if russian else "en",
                "sensitivity": rng.choice(["public", "internal", "internal", "confidential"]),
                "cases_pending": False,
            }
        )
    return documents


def median_ms(function: Callable[[], Any], runs: int = 9) -> tuple[float, Any]:
    result = function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def child(count: int, seed: int) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    os.environ["DJANGO_SETTINGS_MODULE"] = "civicwatch.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import Q

    from civicwatch.core.vocab import Sensitivity
    from civicwatch.services import access, search
    from civicwatch.store import search_index
    from civicwatch.store.models import Document
    from civicwatch.store.search_index import Kind
    from civicwatch.web.queries import case_variants

    call_command("migrate", verbosity=0)
    rows = make_documents(count, seed)
    with transaction.atomic():
        for start in range(0, len(rows), 1000):
            Document.objects.bulk_create([Document(**row) for row in rows[start : start + 1000]])
    started = time.perf_counter()
    indexed = search.catch_up()
    index_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def like_count(term: str) -> int:
        """The old document-list search: every word in title, publisher or text (a
        non-ASCII word in its four case spellings)."""
        queryset = Document.objects.all()
        for word in term.split():
            condition = Q()
            for spelling in case_variants(word):
                condition |= (
                    Q(title__icontains=spelling)
                    | Q(publisher__icontains=spelling)
                    | Q(text__icontains=spelling)
                )
            queryset = queryset.filter(condition)
        return queryset.count()

    results = []
    everyone = access.visible_documents(Sensitivity.CONFIDENTIAL)
    for label, term in QUERIES:
        like_ms, like_n = median_ms(lambda: like_count(term))  # noqa: B023
        terms = search_index.query_terms(term)
        index_ms, index_n = median_ms(
            lambda terms=terms: search_index.count_matches(  # type: ignore[misc]
                Kind.DOCUMENT, terms, list(Sensitivity), everyone
            )
        )
        page_ms, page = median_ms(
            lambda: search.search(term, Sensitivity.INTERNAL, limit=8)  # noqa: B023
        )
        results.append(
            {
                "label": label,
                "term": term,
                "like_ms": like_ms,
                "like_n": like_n,
                "index_ms": index_ms,
                "index_n": index_n,
                "page_ms": page_ms,
                "page_n": page.groups[1].count,
            }
        )
    print(json.dumps({"index_seconds": index_seconds, "indexed": indexed, "results": results}))


def run_child(count: int, seed: int, env: dict[str, str]) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", "--documents", str(count), "--seed", str(seed)]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def postgres_database(server: str) -> tuple[str, str] | None:
    try:
        import psycopg

        name = f"civicwatch_bench_{uuid.uuid4().hex[:10]}"
        admin = server.replace("postgres://", "postgresql://", 1)
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:
        print(f"PostgreSQL skipped: {error}", file=sys.stderr)
        return None
    return server.rsplit("/", 1)[0] + "/" + name, name


def drop_database(server: str, name: str) -> None:
    import psycopg

    admin = server.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.documents, args.seed)
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="civicwatch-bench-") as scratch:
        base_env = {**os.environ, "PYTHONPATH": str(ROOT)}
        base_env.pop("CIVICWATCH_DATABASE_URL", None)
        sqlite_env = {**base_env, "CIVICWATCH_HOME": str(Path(scratch) / "sqlite")}
        rows.append(("SQLite", run_child(args.documents, args.seed, sqlite_env)))
        created = postgres_database(args.postgres)
        if created is not None:
            url, name = created
            try:
                pg_env = {
                    **base_env,
                    "CIVICWATCH_HOME": str(Path(scratch) / "postgres"),
                    "CIVICWATCH_DATABASE_URL": url,
                }
                rows.append(("PostgreSQL", run_child(args.documents, args.seed, pg_env)))
            finally:
                drop_database(args.postgres, name)
    print(f"# Search benchmark — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; one core per process; {args.documents:,} documents "
        f"(seed {args.seed}); median of 9 runs\n"
    )
    for label, result in rows:
        print(
            f"{label}: index built from the queue in {result['index_seconds']:.1f} s "
            f"({result['indexed']:,} documents)\n"
        )
        print(
            "| search | LIKE scan ms (matches) | index count ms (matches) | "
            "search page ms (documents a viewer sees) |"
        )
        print("|---|---:|---:|---:|")
        for row in result["results"]:
            print(
                f"| {row['label']}: {row['term']} | {row['like_ms']:.1f} ({row['like_n']:,}) | "
                f"{row['index_ms']:.2f} ({row['index_n']:,}) | "
                f"{row['page_ms']:.1f} ({row['page_n']:,}) |"
            )
        print()


if __name__ == "__main__":
    main()
