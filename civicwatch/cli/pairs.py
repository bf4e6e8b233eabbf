"""``civicwatch eval-pairs``: how well the person matcher links and separates people."""

from __future__ import annotations

import json
from pathlib import Path

import click

from civicwatch.errors import CivicwatchError


@click.command("eval-pairs")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit with status 1 when a target is missed "
    "(SAME precision 0.99, SAME+POSSIBLE recall 0.90).",
)
def eval_pairs(file: Path, output: str, check: bool) -> None:
    """Score the person matcher on labelled name pairs in FILE (tab-separated).

    FILE has the header id, name_a, name_b, same, category, context_a, context_b; a context
    is key=value;key=value with role, born, gender and country. Prints the bands the
    matcher gives, SAME precision and recall, POSSIBLE precision, SAME+POSSIBLE recall, and
    per category the misclassified pairs, false merges first. Needs no database.

    \b
    Example:
        civicwatch eval-pairs examples/identity/pairs-dev.tsv --check
    """
    from civicwatch.evaluation.pairs import (
        load_pairs,
        meets_pair_targets,
        render_pairs_text,
        score_pairs,
    )

    try:
        score = score_pairs(load_pairs(file))
    except CivicwatchError as error:
        raise click.ClickException(str(error)) from None
    if output == "json":
        click.echo(json.dumps(score.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_pairs_text(score, str(file)))
    if check and not all(meets_pair_targets(score).values()):
        raise SystemExit(1)
