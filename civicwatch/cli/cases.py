"""``civicwatch person``, ``followups``, ``prisoners`` and ``rebuild``: the case database."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import acting_user, iso_day, user_option
from civicwatch.errors import CivicwatchError


def _fail(error: CivicwatchError) -> click.ClickException:
    return click.ClickException(str(error))


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
def person() -> None:
    """People across reports: list, show a case file, merge, unmerge, keep apart.

    \b
    Example:
        civicwatch person show "Zhaksybayev"
    """


@person.command("list")
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def person_list_command(output: str) -> None:
    """Every person with a live claim, with spellings, documents, status and possible
    duplicates.

    \b
    Example:
        civicwatch person list --format json
    """
    setup_django()
    from civicwatch.services.persons import person_list

    rows = person_list()
    if output == "json":
        _json(rows)
        return
    table = Table()
    for column in ("id", "name", "variants", "documents", "status", "possible duplicates"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["name"],
            ", ".join(row["variants"]),
            ", ".join(map(str, row["documents"])),
            row["status"].replace("_", " "),
            ", ".join(map(str, row["possible_duplicates"])),
        )
    Console().print(table)
    click.echo(f"{len(rows)} persons")


@person.command("show")
@click.argument("reference")
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def person_show(reference: str, output: str) -> None:
    """A person's case file: spellings, status with its source, charges, dated timeline
    with sources and corroboration, conflicts and follow-ups.

    REFERENCE is an id or a name in any spelling (Latin or Cyrillic).

    \b
    Example:
        civicwatch person show "Yerlan Zhaksybaev"
        civicwatch person show 7 --format json
    """
    setup_django()
    from civicwatch.services.persons import find_person, person_file

    try:
        data = person_file(find_person(reference))
    except CivicwatchError as error:
        raise _fail(error) from None
    if output == "json":
        _json(data)
    else:
        click.echo(render_person(data))


_UNREVIEWED = " [unreviewed]"


def _state(entry: dict[str, Any]) -> str:
    return "" if entry.get("review_state") == "accepted" else _UNREVIEWED


def render_person(data: dict[str, Any]) -> str:
    """The case file as plain text (sources numbered, unreviewed facts marked)."""
    lines = [f"{data['name']}  (person {data['id']})"]
    if data["variants"]:
        lines.append(f"Also written: {', '.join(data['variants'])}")
    if data["roles"]:
        lines.append(f"Roles: {', '.join(data['roles'])}")
    status = data["status"]
    line = f"Status: {status['code'].replace('_', ' ')}"
    if status["since"]:
        line += f" since {status['since']}"
    if status["as_of"]:
        line += f" (as of {status['as_of']})"
    if status["expected_release"]:
        line += f"; expected release {status['expected_release']}"
    lines.append(line)
    if status["source"]:
        source = status["source"]
        lines.append(f"  source: document {source['document']} \u00ab{source['quote'][:100]}\u00bb")
    if data["charges"]:
        lines.append("Charges:")
        for charge in data["charges"]:
            title = f" {charge['short_title']}" if charge["short_title"] else ""
            where = f" [{charge['jurisdiction']}]" if charge["jurisdiction"] else ""
            documents = sorted({s["document"] for s in charge["sources"]})
            lines.append(
                f"  {charge['label']}{where}{title}: {charge['status']}"
                f" (first {charge['first_date'] or 'undated'}; documents "
                f"{', '.join(map(str, documents))}){_state(charge)}"
            )
    lines.append("Timeline:")
    for event in data["events"]:
        cited = ", ".join(str(source["document"]) for source in event["sources"])
        lines.append(
            f"  {event['date'] or 'undated':<12} {event['summary']}"
            f"  [{event['corroboration']} source{'s' if event['corroboration'] != 1 else ''}:"
            f" documents {cited}]{_state(event)}"
        )
    if data["conflicts"]:
        lines.append("Conflicts:")
        for conflict in data["conflicts"]:
            values = "; ".join(
                f"{value['value']} (documents {', '.join(map(str, value['documents']))})"
                for value in conflict["values"]
            )
            lines.append(f"  ! {conflict['summary']} — {values}")
    if data["followups"]:
        lines.append("Follow-ups:")
        for followup in data["followups"]:
            lines.append(f"  {followup['due'] or 'no date':<12} {followup['summary']}")
    if data["recognitions"]:
        lines.append("Recognised as a political prisoner:")
        for recognition in data["recognitions"]:
            criteria = ", ".join(recognition["criteria"]) or "criteria not stated"
            lines.append(
                f"  by {recognition['recognised_by']} on {recognition['date'] or 'undated'}"
                f" (PACE 1900: {criteria})"
            )
    if data["possible_duplicates"]:
        lines.append(
            f"Possible duplicates: persons {', '.join(map(str, data['possible_duplicates']))}"
            " (civicwatch person merge / person keep-apart)"
        )
    if data["merged_records"]:
        merged = ", ".join(
            f"{m['id']} {m['name']} ({m['method']}, {m['rule']})" for m in data["merged_records"]
        )
        lines.append(f"Merged records: {merged}")
    lines.append("Documents:")
    for document in data["documents"]:
        lines.append(
            f"  {document['id']:>4}  {document['published'] or '':<10}  {document['title']}"
        )
    return "\n".join(lines)


@person.command("merge")
@click.argument("survivor", type=int)
@click.argument("absorbed", type=int)
@user_option
def person_merge(survivor: int, absorbed: int, username: str | None) -> None:
    """Merge person ABSORBED into person SURVIVOR (the same individual).

    Nothing is lost: 'civicwatch person unmerge ABSORBED' restores both exactly.

    \b
    Example:
        civicwatch person merge 4 17
    """
    setup_django()
    from civicwatch.services.persons import merge_persons

    try:
        data = merge_persons(survivor, absorbed, user=acting_user(username))
    except CivicwatchError as error:
        raise _fail(error) from None
    click.echo(f"merged person {absorbed} into {data['id']} ({data['name']})")


@person.command("unmerge")
@click.argument("person_id", type=int)
@user_option
def person_unmerge(person_id: int, username: str | None) -> None:
    """Undo the merge that absorbed person PERSON_ID.

    \b
    Example:
        civicwatch person unmerge 17
    """
    setup_django()
    from civicwatch.services.persons import unmerge_person

    try:
        old_root, restored = unmerge_person(person_id, user=acting_user(username))
    except CivicwatchError as error:
        raise _fail(error) from None
    click.echo(f"person {restored} is separate again from person {old_root}")


@person.command("keep-apart")
@click.argument("first", type=int)
@click.argument("second", type=int)
@user_option
def person_keep_apart(first: int, second: int, username: str | None) -> None:
    """Record that two possible duplicates are different people.

    \b
    Example:
        civicwatch person keep-apart 4 19
    """
    setup_django()
    from civicwatch.services.persons import keep_apart

    try:
        count = keep_apart(first, second, user=acting_user(username))
    except CivicwatchError as error:
        raise _fail(error) from None
    click.echo(f"persons {first} and {second} kept apart ({count} proposal(s) dismissed)")


@click.command()
@click.option(
    "--due-before", callback=iso_day, metavar="YYYY-MM-DD", help="Only follow-ups due before."
)
@click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def followups(due_before: date | None, output: str) -> None:
    """What to check again: appeals pending, trials under way, detention deadlines,
    postponed hearings, sentences that end soon.

    \b
    Example:
        civicwatch followups --due-before 2024-06-30
    """
    setup_django()
    from civicwatch.services.cases import followup_list

    rows = followup_list(due_before=due_before)
    if output == "json":
        _json(rows)
        return
    table = Table()
    for column in ("due", "person", "kind", "what"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["due"] or "",
            f"{row['name']} ({row['person']})",
            row["kind"].replace("_", " "),
            row["summary"],
        )
    Console().print(table)
    click.echo(f"{len(rows)} follow-ups")


@click.group(invoke_without_command=True)
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--all", "include_released", is_flag=True, help="Include people no longer held.")
@click.pass_context
def prisoners(ctx: click.Context, output: str, include_released: bool) -> None:
    """Political prisoners: who is still held, since when, under which articles, with what
    sentence, recognised by whom.

    \b
    Example:
        civicwatch prisoners --format csv > prisoners.csv
        civicwatch prisoners recognise "Zhaksybayev" --by "Qorgau" --date 2023-10-02 --criteria a,e
    """
    if ctx.invoked_subcommand is not None:
        return
    setup_django()
    from civicwatch.services.cases import prisoner_list

    rows = prisoner_list(include_released=include_released)
    if output == "json":
        _json(rows)
        return
    flat = [
        {
            "id": row["id"],
            "name": row["name"],
            "held": "yes" if row["held"] else "no",
            "status": row["status"],
            "since": row["since"] or "",
            "expected_release": row["expected_release"] or "",
            "articles": "; ".join(row["articles"]),
            "sentence": row["sentence"] or "",
            "recognised_by": "; ".join(
                f"{r['by']} {r['date'] or ''} ({','.join(r['criteria'])})".strip()
                for r in row["recognised_by"]
            ),
        }
        for row in rows
    ]
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer,
            fieldnames=[
                "id",
                "name",
                "held",
                "status",
                "since",
                "expected_release",
                "articles",
                "sentence",
                "recognised_by",
            ],
        )
        writer.writeheader()
        writer.writerows(flat)
        click.echo(buffer.getvalue(), nl=False)
        return
    table = Table()
    for column in ("id", "name", "held", "since", "articles", "sentence", "recognised by"):
        table.add_column(column, overflow="fold")
    for row in flat:
        table.add_row(
            str(row["id"]),
            row["name"],
            row["held"],
            row["since"],
            row["articles"],
            row["sentence"],
            row["recognised_by"],
        )
    Console().print(table)
    click.echo(f"{len(flat)} political prisoners")


@prisoners.command("recognise")
@click.argument("reference")
@click.option("--by", "by", required=True, help="The organisation that recognised the person.")
@click.option("--date", "on", callback=iso_day, metavar="YYYY-MM-DD", help="When.")
@click.option(
    "--criteria",
    default="",
    metavar="a,b,...",
    help="PACE Resolution 1900 (2012) criteria that apply (a-e).",
)
@click.option("--reason", default="", help="Free-text reasoning.")
@click.option("--document", type=int, metavar="ID", help="The document that says so.")
@click.option("--source-url", default="", metavar="URL", help="Where it was published.")
@user_option
def recognise_command(
    reference: str,
    by: str,
    on: date | None,
    criteria: str,
    reason: str,
    document: int | None,
    source_url: str,
    username: str | None,
) -> None:
    """Record that an organisation recognised a person as a political prisoner.

    \b
    Example:
        civicwatch prisoners recognise 7 --by "Memorial" --date 2024-02-01 --criteria a,e
    """
    setup_django()
    from civicwatch.services.cases import recognise

    try:
        result = recognise(
            reference,
            by=by,
            on=on,
            criteria=[part for part in criteria.split(",") if part.strip()],
            reasoning=reason,
            document=document,
            source_url=source_url,
            user=acting_user(username),
        )
    except CivicwatchError as error:
        raise _fail(error) from None
    click.echo(
        f"person {result['person']} recognised by {result['recognised_by']}"
        f" ({', '.join(result['criteria']) or 'criteria not stated'})"
    )


@click.command()
def rebuild() -> None:
    """Recompute every case file from the claims (identity decisions are kept).

    Safe to run any time; running it twice changes nothing.

    \b
    Example:
        civicwatch rebuild
    """
    setup_django()
    from civicwatch.services.cases import rebuild as rebuild_cases

    summary = rebuild_cases()
    click.echo(
        f"Rebuilt {summary.people} people ({summary.new_people} new records): "
        f"{summary.events} events, {summary.charges} charges, {summary.conflicts} conflicts, "
        f"{summary.followups} follow-ups."
    )
