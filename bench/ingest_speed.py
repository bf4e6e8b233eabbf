"""Ingest speed with case building: ``python bench/ingest_speed.py [--reports N]``.

Writes N short reports (title, dated line, five to twelve sentences of the genre about
people drawn from a pool, so that people recur across reports and identity resolution and
case building have real work), then, for SQLite and for PostgreSQL (a throwaway database on
``--postgres``; skipped when it does not answer), ingests the folder into a fresh database
in a fresh process with the service the CLI uses: read, extract, store the document and its
claims, resolve people, rebuild their case files. Reports words per second, and the words
per second of extraction alone over the same texts, for the ratio.

One core: every process pins itself to one CPU. Results print as Markdown for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")

GIVEN_MALE = [
    "Askar",
    "Aslan",
    "Bekzat",
    "Daulet",
    "Erlan",
    "Kairat",
    "Marat",
    "Nurlan",
    "Serik",
    "Timur",
    "Yerlan",
    "Bolat",
    "Galym",
    "Kanat",
    "Murat",
    "Olzhas",
    "Rustam",
    "Talgat",
    "Ulan",
    "Azamat",
    "Ruslan",
    "Tilek",
    "Akylbek",
    "Arman",
    "Baurzhan",
    "Dauren",
    "Yerbol",
    "Zhandos",
    "Nurzhan",
    "Samat",
    "Adil",
    "Almas",
    "Amir",
    "Aidos",
    "Batyr",
    "Dias",
    "Yersultan",
    "Kuanysh",
    "Madi",
    "Sanzhar",
    "Temirlan",
    "Zhasulan",
    "Aibek",
    "Bakhyt",
    "Dastan",
    "Erzhan",
    "Maksat",
    "Nursultan",
    "Sultan",
]
GIVEN_FEMALE = [
    "Aigerim",
    "Aizhan",
    "Dana",
    "Gaukhar",
    "Madina",
    "Saule",
    "Zhanar",
    "Aliya",
    "Dinara",
    "Inkar",
    "Laura",
    "Samal",
    "Zarina",
    "Bermet",
    "Elmira",
    "Meerim",
    "Nargiza",
    "Aruzhan",
    "Asel",
    "Botagoz",
    "Dariga",
    "Gulnara",
    "Kamila",
    "Lyazzat",
    "Moldir",
    "Nazym",
    "Raushan",
    "Sabina",
    "Togzhan",
    "Zhuldyz",
]
ROOTS = [
    "Aben",
    "Akhmet",
    "Baimukhan",
    "Daulet",
    "Yessen",
    "Zhakup",
    "Ibray",
    "Kassym",
    "Mus",
    "Nurpeis",
    "Omar",
    "Ospan",
    "Sadyk",
    "Seit",
    "Temir",
    "Tokan",
    "Uteb",
    "Zhunus",
    "Aman",
    "Beisen",
    "Kenzheb",
    "Oraz",
    "Serikb",
    "Tleub",
    "Zhaksyb",
    "Mukhtar",
    "Kudaibergen",
    "Sultanbek",
    "Yesmagambet",
    "Abdrakhman",
    "Kali",
    "Rakhim",
    "Suleimen",
    "Tursun",
    "Alim",
    "Baktyb",
    "Zhuman",
    "Karib",
    "Nurgali",
    "Sarsen",
    "Bekmukhambet",
    "Dzhaksylyk",
    "Yerzhan",
    "Kurman",
    "Sagyndyk",
    "Tuleu",
    "Abil",
    "Bayan",
    "Yergali",
    "Iskak",
    "Zhumabek",
    "Kairbek",
    "Nauryzb",
    "Satpay",
    "Shaikhyn",
    "Tasb",
    "Utepb",
    "Yelub",
]
SUFFIXES = ("ov", "ayev", "ekov", "in", "uly", "zhanov")
CITIES = [
    "Almaty",
    "Astana",
    "Shymkent",
    "Uralsk",
    "Aktobe",
    "Karaganda",
    "Zhanaozen",
    "Pavlodar",
    "Taraz",
    "Atyrau",
]
ROLES = ("activist", "journalist", "blogger", "human-rights defender", "trade union organiser")
SENTENCES = (
    "On {date}, police in {city} detained {role} {name} at a peaceful picket outside the "
    "akimat; the next day a court fined {him} {mci} MCI under article 488 of the Code of "
    "Administrative Offences.",
    "On {date}, the {city} City Court sentenced {role} {name} to {years} years in prison "
    "under article 274 of the Criminal Code for posts about corruption.",
    "{name}, a {role} from {city}, was placed in pre-trial detention for two months on {date} "
    "on charges of inciting social discord under article 174 of the Criminal Code.",
    "On {date}, {name} was sentenced to {days} days of administrative detention for taking "
    "part in an unauthorised rally in {city}.",
    "A court in {city} placed {role} {name} under house arrest on {date}; {he} is accused of "
    "spreading false information.",
    "On {date}, unknown men attacked {role} {name} near {his} office in {city}; the police "
    "have named no suspect.",
    "The appeal of {name} against {his} prison sentence was rejected on {date}.",
    "On {date}, {name} was released after serving {his} sentence in a penal colony near {city}.",
    "Investigators summoned {role} {name} for questioning on {date} about a Facebook post.",
    "On {date}, {name} and {other} were detained at a protest in {city} and fined {mci} MCI each.",
)


# Sentences without a person of the case: background, calls, quotes of officials, as in
# real updates (about two in three sentences of a report carry no new fact).
CONTEXT = (
    "The authorities have tightened the rules on public gatherings since the January events, "
    "and local akimats refuse most applications to hold rallies in the city centre.",
    "Human-rights groups say that the law on false information is worded so broadly that any "
    "critical post can be prosecuted under it.",
    "In a statement, the Ministry of Internal Affairs said that the police had acted within "
    "the law and that nobody had been held for expressing an opinion.",
    "We call on the authorities to release everyone held for peaceful protest, to drop the "
    "charges against journalists and to investigate every allegation of ill-treatment.",
    "Independent media continue to work under pressure: several news sites were blocked "
    "during the reporting period, and advertisers were warned against working with them.",
    "The parliament is discussing amendments to the law on mass media that would require "
    "online outlets to register as media and to disclose their sources of funding.",
    "According to monitors, trials in such cases often last less than a day, and defence "
    "lawyers are rarely allowed to call their own witnesses.",
    "Civil society organisations receiving foreign grants must now report every payment to "
    "the tax authorities, and their names are published in a public register.",
)


def person(rng: random.Random) -> tuple[str, bool]:
    """A name from pools the size of a country's monitoring lists (thousands of people, a
    few surnames shared by many), so candidate look-ups do realistic work."""
    female = rng.random() < 0.4
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    root, suffix = rng.choice(ROOTS), rng.choice(SUFFIXES)
    surname = root + suffix
    if female and suffix not in ("uly",):
        surname += "a"
    elif female:
        surname = root + "kyzy"
    return f"{given} {surname}", female


def report(index: int, rng: random.Random) -> str:
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
    lines = [f"Weekly review of civic freedoms no. {index}", f"Published {published:%d %B %Y}", ""]
    for _ in range(rng.randint(5, 12)):
        if rng.random() < 0.6:
            lines.append(rng.choice(CONTEXT))
            continue
        name, female = person(rng)
        other, _ = person(rng)
        when = published - timedelta(days=rng.randrange(1, 60))
        lines.append(
            rng.choice(SENTENCES).format(
                date=f"{when.day} {when:%B %Y}",
                city=rng.choice(CITIES),
                role=rng.choice(ROLES),
                name=name,
                other=other,
                him="her" if female else "him",
                he="she" if female else "he",
                his="her" if female else "his",
                mci=rng.choice((20, 35, 50, 100)),
                years=rng.choice((2, 3, 5, 7)),
                days=rng.choice((5, 10, 15)),
            )
        )
    return "\n\n".join(lines) + "\n"


def demo_paragraphs() -> list[str]:
    """Paragraphs of the demo reports (Markdown and text sources), headings left out."""
    paragraphs = []
    for folder in (ROOT / "examples" / "reports", ROOT / "examples" / "sources"):
        for path in sorted(folder.glob("*")):
            if path.suffix not in {".txt", ".md"}:
                continue
            for block in path.read_text(encoding="utf-8").split("\n\n")[2:]:
                block = block.strip()
                if len(block.split()) >= 25 and not block.startswith("#"):
                    paragraphs.append(block)
    return paragraphs


def demo_report(index: int, rng: random.Random, paragraphs: list[str]) -> str:
    """A short report made of paragraphs of the demo corpus: the genre's own density of
    facts, with the demo's people recurring across reports."""
    published = date(2024, 7, 1) + timedelta(days=rng.randrange(200))
    chosen = rng.sample(paragraphs, rng.randint(3, 6))
    return (
        "\n\n".join([f"Monitoring update no. {index}", f"Published {published:%d %B %Y}", *chosen])
        + "\n"
    )


def write_reports(folder: Path, count: int, seed: int, corpus: str = "synthetic") -> int:
    rng = random.Random(seed)
    paragraphs = demo_paragraphs() if corpus == "demo" else []
    words = 0
    for index in range(1, count + 1):
        text = demo_report(index, rng, paragraphs) if corpus == "demo" else report(index, rng)
        words += len(WORD.findall(text))
        (folder / f"report-{index:05d}.txt").write_text(text, encoding="utf-8")
    return words


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def child_ingest(folder: Path) -> None:
    """In a fresh process: set up the database, ingest the folder, print the timing."""
    pin_one_core()
    sys.path.insert(0, str(ROOT))
    from civicwatch.cli.bootstrap import setup_django

    setup_django()
    from civicwatch.store.models import Claim, Event, Person

    started = time.perf_counter()
    summary = _ingest(folder)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "failed": len(summary.failures),
                "claims": Claim.objects.count(),
                "people": _people(Person),
                "records": Person.objects.count(),
                "events": Event.objects.count(),
            }
        )
    )


def _ingest(folder: Path):
    try:
        from civicwatch.services.documents import DocumentMetadata, ingest_paths
    except ImportError:  # versions before the service layer, to measure the baseline
        from civicwatch.store.claims import extract_and_store  # type: ignore[attr-defined]
        from civicwatch.store.ingestion import DocumentMetadata, ingest_paths

        return ingest_paths([folder], DocumentMetadata(), after_create=extract_and_store)
    return ingest_paths([folder], DocumentMetadata())


def child_extract(folder: Path) -> None:
    pin_one_core()
    sys.path.insert(0, str(ROOT))
    from civicwatch.extract import extract_text

    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    extract_text(texts[0])  # load lexicons outside the timing
    started = time.perf_counter()
    for text in texts:
        extract_text(text)
    print(json.dumps({"seconds": time.perf_counter() - started}))


def _people(person_model) -> int:
    try:
        return person_model.objects.filter(canonical__isnull=True, live=True).count()
    except Exception:
        return person_model.objects.count()


def run_child(mode: str, folder: Path, env: dict[str, str]) -> dict[str, float]:
    command = [sys.executable, __file__, f"--child-{mode}", str(folder)]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def postgres_database(server: str) -> tuple[str, str] | None:
    """A throwaway database on ``server``: (its URL, its name), or None without a server."""
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
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--corpus",
        choices=["synthetic", "demo"],
        default="synthetic",
        help="synthetic: generated sentences about a large pool of people (dense in facts); "
        "demo: reports made of the demo corpus's paragraphs (the genre's density)",
    )
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child-ingest", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-extract", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ingest:
        child_ingest(args.child_ingest)
        return
    if args.child_extract:
        child_extract(args.child_extract)
        return
    with tempfile.TemporaryDirectory(prefix="civicwatch-bench-") as scratch:
        folder = Path(scratch) / "reports"
        folder.mkdir()
        words = write_reports(folder, args.reports, args.seed, args.corpus)
        base_env = {**os.environ, "PYTHONPATH": str(ROOT)}
        base_env.pop("CIVICWATCH_DATABASE_URL", None)
        extract = run_child("extract", folder, base_env)
        rows = []
        sqlite_env = {**base_env, "CIVICWATCH_HOME": str(Path(scratch) / "sqlite")}
        rows.append(("SQLite", run_child("ingest", folder, sqlite_env)))
        created = postgres_database(args.postgres)
        if created is not None:
            url, name = created
            try:
                pg_env = {
                    **base_env,
                    "CIVICWATCH_HOME": str(Path(scratch) / "postgres"),
                    "CIVICWATCH_DATABASE_URL": url,
                }
                rows.append(("PostgreSQL", run_child("ingest", folder, pg_env)))
            finally:
                drop_database(args.postgres, name)
    print(f"# Ingest benchmark — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; one core per process"
    )
    print(
        f"corpus: {args.reports} short reports ({args.corpus}), {words:,} words "
        f"(seed {args.seed})\n"
    )
    print("| pass | seconds | words/s | claims | people (records) | events |")
    print("|---|---:|---:|---:|---:|---:|")
    rate = words / extract["seconds"]
    print(f"| extraction alone | {extract['seconds']:.1f} | {rate:,.0f} | | | |")
    for label, result in rows:
        print(
            f"| ingest with case building, {label} | {result['seconds']:.1f} | "
            f"{words / result['seconds']:,.0f} | {result['claims']:,.0f} | "
            f"{result['people']:,.0f} ({result['records']:,.0f}) | {result['events']:,.0f} |"
        )
        if result["failed"]:
            print(f"\n{label}: {result['failed']:.0f} reports FAILED")


if __name__ == "__main__":
    main()
