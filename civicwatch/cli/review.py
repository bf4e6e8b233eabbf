"""``civicwatch review``: check the machine's claims against their source sentences."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from civicwatch.cli.bootstrap import setup_django
from civicwatch.cli.options import acting_user, user_option
from civicwatch.core.vocab import ClaimKind, ReviewState
from civicwatch.errors import CivicwatchError


@click.group()
def review() -> None:
    """Review extracted claims: list them, accept, correct or reject.

    The machine's proposal is always kept beside a correction, and every decision records
    who took it and when. Case files (people, events, charges, status) follow at once.

    \b
    Example:
        civicwatch review list --document 3 --state proposed
    """


def _fail(error: CivicwatchError) -> click.ClickException:
    return click.ClickException(str(error))


@review.command("list")
@click.option("--document", type=int, metavar="ID", help="Only claims of this document.")
@click.option(
    "--state",
    type=click.Choice([state.value for state in ReviewState]),
    help="Only claims in this review state.",
)
@click.option(
    "--kind", type=click.Choice([kind.value for kind in ClaimKind]), help="Only this kind."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def list_command(
    document: int | None, state: str | None, kind: str | None, limit: int | None, output: str
) -> None:
    """List claims with their quote, value and review state.

    \b
    Example:
        civicwatch review list --document 3 --state proposed --format json
    """
    setup_django()
    from civicwatch.services.review import list_claims

    try:
        claims = list_claims(
            document=document,
            state=ReviewState(state) if state else None,
            kind=ClaimKind(kind) if kind else None,
            limit=limit,
        )
    except CivicwatchError as error:
        raise _fail(error) from None
    if output == "json":
        click.echo(json.dumps([claim.to_dict() for claim in claims], ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=False)
    for column in ("id", "doc", "kind", "state", "conf.", "about", "value", "quote"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        table.add_row(
            str(claim.id),
            str(claim.document),
            claim.kind,
            claim.review_state,
            f"{claim.confidence:.2f}" if claim.confidence is not None else "",
            claim.subject_name or "",
            claim.summary,
            claim.quote[:80],
        )
    Console().print(table)
    click.echo(f"{len(claims)} claims")


def _report(views: list[Any], verb: str) -> None:
    for view in views:
        click.echo(f"{verb} claim {view.id}: {view.kind} {view.summary}")
    click.echo(f"{len(views)} claims {verb}.")


@review.command()
@click.argument("claim_ids", nargs=-1, type=int)
@click.option("--document", type=int, metavar="ID", help="Accept a document's claims in bulk.")
@click.option(
    "--min-confidence",
    type=float,
    metavar="X",
    help="With --document: only claims whose confidence is at least X (0-1).",
)
@user_option
def accept(
    claim_ids: tuple[int, ...],
    document: int | None,
    min_confidence: float | None,
    username: str | None,
) -> None:
    """Accept claims as proposed (by id, or a document's claims above a confidence).

    \b
    Example:
        civicwatch review accept 12 13 14
        civicwatch review accept --document 3 --min-confidence 0.8
    """
    if claim_ids and document is not None:
        raise click.UsageError("name claim ids or --document, not both")
    if not claim_ids and document is None:
        raise click.UsageError("name claim ids, or --document ID --min-confidence X")
    if document is not None and min_confidence is None:
        raise click.UsageError("--document needs --min-confidence X (use 0 to accept all)")
    setup_django()
    from civicwatch.services.review import accept as accept_claims
    from civicwatch.services.review import accept_document

    user = acting_user(username)
    try:
        if document is not None:
            assert min_confidence is not None
            views = accept_document(document, min_confidence, user=user)
        else:
            views = accept_claims(claim_ids, user=user)
    except CivicwatchError as error:
        raise _fail(error) from None
    _report(views, "accepted")


@review.command()
@click.argument("claim_ids", nargs=-1, type=int, required=True)
@click.option("--reason", default="", help="Why (kept with the decision).")
@user_option
def reject(claim_ids: tuple[int, ...], reason: str, username: str | None) -> None:
    """Reject claims: they stay on record and leave every case file.

    \b
    Example:
        civicwatch review reject 15 --reason "the judge, not a defendant"
    """
    setup_django()
    from civicwatch.services.review import reject as reject_claims

    try:
        views = reject_claims(claim_ids, user=acting_user(username), reason=reason)
    except CivicwatchError as error:
        raise _fail(error) from None
    _report(views, "rejected")


def _assignments(values: tuple[str, ...]) -> dict[str, str]:
    changes: dict[str, str] = {}
    for item in values:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise click.BadParameter(f"{item!r} is not FIELD=VALUE", param_hint="--set")
        changes[field.strip()] = value
    return changes


@review.command()
@click.argument("claim_id", type=int)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="A corrected field (repeatable); VALUE 'none' clears it.",
)
@click.option("--note", default="", help="A note kept with the correction.")
@user_option
def correct(claim_id: int, assignments: tuple[str, ...], note: str, username: str | None) -> None:
    """Correct fields of a claim; the machine's proposal stays beside the correction.

    Fields: person name, role, variants, born; outcome kind, amount, date; provision
    article, jurisdiction, date; event type, date, place; involvement role; followup kind,
    due; organisation name, kind; place name, kind, country.

    \b
    Example:
        civicwatch review correct 42 --set amount="5 years" --set date=2023-09-19
    """
    changes = _assignments(assignments)
    setup_django()
    from civicwatch.services.review import correct as correct_claim

    try:
        view = correct_claim(claim_id, changes, user=acting_user(username), note=note)
    except CivicwatchError as error:
        raise _fail(error) from None
    click.echo(f"corrected claim {view.id}: {view.kind} {view.summary}")
    click.echo(f"  machine proposal kept: {json.dumps(view.machine_value, ensure_ascii=False)}")
