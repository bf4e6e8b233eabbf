"""``civicwatch extract``, ``eval`` and ``reextract``: the extraction pipeline's commands."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import iso_day, iso_language
from civicwatch.core.dates import parse_iso_day
from civicwatch.errors import CivicwatchError


def extract_file(path: Path, published: date | None = None, language: str = "") -> dict[str, Any]:
    """Read a file and extract it, without touching the database."""
    from civicwatch import ingest
    from civicwatch.extract import extract_text

    data = ingest.load_bytes(path)
    read = ingest.read_bytes(data, path.name)
    return extract_text(
        read.text,
        published=published or read.published,
        title=read.title,
        sha256=hashlib.sha256(data).hexdigest(),
        language=language or read.language,
    )


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: the extraction contract; table: the persons, readably.",
)
@click.option(
    "--published",
    callback=iso_day,
    metavar="YYYY-MM-DD",
    help="Publication date, to resolve relative dates (default: from the file).",
)
@click.option(
    "--language",
    callback=iso_language,
    default="",
    metavar="LL",
    help="ISO 639-1 code of the report's language (default: guessed from the text).",
)
def extract(file: Path, output: str, published: date | None, language: str) -> None:
    """Extract persons, organisations, places, provisions, events and outcomes from a report.

    Runs offline on this computer and writes nothing to the database.

    \b
    Example:
        civicwatch extract examples/reports/kz-civicus-update-2022-12.md --format table
        civicwatch extract bulletin.txt --language ru
    """
    try:
        result = extract_file(file, published, language)
    except CivicwatchError as error:
        raise click.ClickException(f"{file}: {error}") from None
    if output == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print_persons(result)


def _print_persons(result: dict[str, Any]) -> None:
    document = result["document"]
    table = Table(
        title=f"{document.get('title') or 'Untitled'} ({document.get('published') or 'undated'})",
        show_lines=True,
    )
    for column in ("person", "role", "articles", "outcomes"):
        table.add_column(column)
    for person in result["persons"]:
        names = person["name"] + (
            "\n" + ", ".join(person["variants"]) if person["variants"] else ""
        )
        outcomes = "\n".join(
            " ".join(str(part) for part in (o["kind"], o["amount"], o["date"]) if part)
            for o in person["outcomes"]
        )
        table.add_row(names, person["role"], ", ".join(person["articles"]), outcomes)
    console = Console()
    console.print(table)
    console.print(
        f"{len(result['persons'])} persons, {len(result['organisations'])} organisations, "
        f"{len(result['places'])} places, {len(result['events'])} events"
    )


#: Where ``civicwatch eval`` looks for annotations when no folder is named: the development
#: corpus that lives beside a clone of the repository (``shared/corpus/dev``).
CORPUS_DIR_VARIABLE = "CIVICWATCH_CORPUS_DIR"
DEFAULT_CORPUS_DIR = Path("..") / "shared" / "corpus" / "dev"


def default_corpus_dir() -> Path:
    """``$CIVICWATCH_CORPUS_DIR`` when set, else ``../shared/corpus/dev``."""
    configured = os.environ.get(CORPUS_DIR_VARIABLE, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_CORPUS_DIR


@click.command("eval")
@click.argument("gold_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the documents (default: GOLD_DIR).",
)
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--targets",
    type=click.Choice(["dev", "unseen"]),
    default="dev",
    show_default=True,
    help="Which quality targets to compare against.",
)
@click.option("--check", is_flag=True, help="Exit with status 1 when a target is missed.")
def evaluate(
    gold_dir: Path | None, docs_dir: Path | None, output: str, targets: str, check: bool
) -> None:
    """Score extraction against hand-made annotations (*.gold.json) in GOLD_DIR.

    GOLD_DIR defaults to $CIVICWATCH_CORPUS_DIR, else ../shared/corpus/dev (the development
    corpus beside a clone). Persons are matched across spellings; articles and outcomes are
    compared per person; scores are pooled over documents. Misses and false hits are listed.

    \b
    Example:
        civicwatch eval ../shared/corpus/dev
        CIVICWATCH_CORPUS_DIR=~/shared/corpus/dev civicwatch eval
        civicwatch eval examples/gold --docs examples/reports --targets unseen
    """
    from civicwatch.evaluation import find_pairs, load_gold, meets, render_text, score_corpus

    if gold_dir is None:
        gold_dir = default_corpus_dir()
        if not gold_dir.is_dir():
            raise click.ClickException(
                f"no annotated corpus at {gold_dir}: name a folder of *.gold.json files "
                f"(civicwatch eval examples/gold --docs examples/reports), or set "
                f"{CORPUS_DIR_VARIABLE} to the development corpus, the folder shared/corpus/dev "
                "of the project's shared directory"
            )
    elif not gold_dir.is_dir():
        raise click.ClickException(f"{gold_dir} is not a folder of *.gold.json files")

    try:
        items = []
        for gold_path, document_path in find_pairs(gold_dir, docs_dir):
            gold = load_gold(gold_path)
            published = parse_iso_day(gold.published) if gold.published else None
            items.append((document_path.name, gold, extract_file(document_path, published)))
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    score = score_corpus(items)
    if output == "json":
        click.echo(json.dumps(score.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(score, targets))
    if check and not all(meets(score, targets).values()):
        raise SystemExit(1)


@click.command()
@click.argument("document_ids", nargs=-1, type=int)
@click.option("--all", "all_documents", is_flag=True, help="Re-extract every document.")
def reextract(document_ids: tuple[int, ...], all_documents: bool) -> None:
    """Re-run the current extractor on stored documents, keeping every review decision.

    Reviewed claims stay as they are; a proposal whose value changed is updated in place
    (the earlier machine value is kept in its history); proposals the new extractor no
    longer makes are marked superseded; new ones are added. Case files follow.

    \b
    Example:
        civicwatch reextract --all
    """
    if not document_ids and not all_documents:
        raise click.UsageError("name document ids or use --all")
    setup_django()
    from civicwatch.services.documents import reextract_documents

    found = 0
    try:
        for item in reextract_documents(list(document_ids) or None):
            found += 1
            summary = item.summary
            click.echo(
                f"document {item.document.pk}: {summary.added} added, {summary.updated} updated, "
                f"{summary.kept} kept, {summary.restored} restored, {summary.superseded} "
                f"superseded, {summary.reviewed_untouched} reviewed kept - {item.document.title}"
            )
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    if not found:
        click.echo("No documents to re-extract.")
