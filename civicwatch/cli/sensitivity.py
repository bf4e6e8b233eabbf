"""``civicwatch person set`` and ``civicwatch document set``: who may see a record."""

from __future__ import annotations

import click

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.cases import person
from civicwatch.cli.options import acting_user, user_option
from civicwatch.core.vocab import Sensitivity
from civicwatch.errors import CivicwatchError

LEVEL_CHOICE = click.Choice([level.value for level in Sensitivity])


@person.command("set")
@click.argument("reference")
@click.option(
    "--sensitivity",
    type=LEVEL_CHOICE,
    required=True,
    help="public, internal (viewers see it) or confidential (editors and reviewers only).",
)
@user_option
def person_set(reference: str, sensitivity: str, username: str | None) -> None:
    """Set who may see a person (every record of the merged group): their name and facts
    leave every page, export and report made below the level.

    \b
    Example:
        civicwatch person set "Nurlan Temirbayev" --sensitivity confidential
    """
    setup_django()
    from civicwatch.services.persons import find_person
    from civicwatch.services.sensitivity import set_person_sensitivity

    try:
        root = find_person(reference)
        changed = set_person_sensitivity(root, Sensitivity(sensitivity), user=acting_user(username))
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    if changed:
        click.echo(f"Person {root}: sensitivity set to {sensitivity} ({changed} records).")
    else:
        click.echo(f"Person {root} already was {sensitivity}.")


@click.group()
def document() -> None:
    """Stored documents: set who may see one.

    \b
    Example:
        civicwatch document set 12 --sensitivity internal
    """


@document.command("set")
@click.argument("document_id", metavar="ID", type=int)
@click.option(
    "--sensitivity",
    type=LEVEL_CHOICE,
    required=True,
    help="public, internal (viewers see it) or confidential (editors and reviewers only).",
)
@user_option
def document_set(document_id: int, sensitivity: str, username: str | None) -> None:
    """Set who may see a document: below its level, the document, its claims and every
    event only it reports are unknown.

    \b
    Example:
        civicwatch document set 12 --sensitivity confidential
    """
    setup_django()
    from civicwatch.services.sensitivity import set_document_sensitivity

    try:
        changed = set_document_sensitivity(
            document_id, Sensitivity(sensitivity), user=acting_user(username)
        )
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    if changed:
        click.echo(f"Document {document_id}: sensitivity set to {sensitivity}.")
    else:
        click.echo(f"Document {document_id} already was {sensitivity}.")
