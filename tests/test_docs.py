"""The documentation keeps up with the code: every command, setting and vocabulary term is
documented, and every command's help ends with an example (as in Datasette and
sqlite-utils, a test fails when one is not)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from civicwatch.cli import cli
from civicwatch.core import vocab

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def commands(
    group: click.Group = cli, prefix: str = "civicwatch"
) -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


COMMANDS = list(commands())


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_is_in_the_command_reference(path: str, command: click.Command) -> None:
    reference = (DOCS / "commands.md").read_text(encoding="utf-8")
    assert f"`{path}" in reference, f"{path} is not documented in docs/commands.md"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[path for path, _ in COMMANDS])
def test_every_command_help_ends_with_an_example(path: str, command: click.Command) -> None:
    assert "Example:" in (command.help or ""), f"{path} --help has no example"


def _environment_variables() -> set[str]:
    """Variables the code reads from the environment (not Django setting names)."""
    pattern = re.compile(
        r"(?:environ\.get\(|environ\[|env\.get\(|envvar=)\s*\"(CIVICWATCH_[A-Z_]+)\""
    )
    found: set[str] = set()
    for path in (ROOT / "civicwatch").rglob("*.py"):
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_scan_finds_the_settings() -> None:
    assert {"CIVICWATCH_HOME", "CIVICWATCH_DATABASE_URL", "CIVICWATCH_USER"} <= (
        _environment_variables()
    )


@pytest.mark.parametrize("variable", sorted(_environment_variables()))
def test_every_setting_is_documented(variable: str) -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert f"`{variable}`" in text, f"{variable} is not documented in docs/configuration.md"


VOCABULARIES = [
    obj
    for obj in vars(vocab).values()
    if inspect.isclass(obj) and issubclass(obj, vocab.Vocabulary) and obj is not vocab.Vocabulary
]
TERMS = [
    (vocabulary.__name__, member.value) for vocabulary in VOCABULARIES for member in vocabulary
]


@pytest.mark.parametrize(("vocabulary", "term"), TERMS, ids=[f"{v}.{t}" for v, t in TERMS])
def test_every_vocabulary_term_is_documented(vocabulary: str, term: str) -> None:
    text = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    assert f"## {vocabulary}" in text, f"{vocabulary} has no section in docs/vocabulary.md"
    section = text.split(f"## {vocabulary}", 1)[1].split("\n## ", 1)[0]
    assert f"`{term}`" in section, f"{vocabulary}.{term} is not documented in its section"


def test_every_doc_page_is_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.glob("*.md")):
        assert f"docs/{page.name}" in readme, f"docs/{page.name} is not linked from README.md"
