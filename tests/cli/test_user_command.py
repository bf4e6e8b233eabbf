"""``civicwatch user``: accounts with roles, as an administrator creates them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

from civicwatch.cli import cli
from civicwatch.core.vocab import Role
from civicwatch.services.access import role_of

pytestmark = pytest.mark.django_db


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.output + (
        str(result.exception or "") if result.exit_code else ""
    )


def test_add_with_password_from_stdin_then_log_in() -> None:
    code, output = invoke(
        "user",
        "add",
        "amina",
        "--role",
        "reviewer",
        "--password-stdin",
        stdin="a long passphrase for amina\n",
    )
    assert code == 0, output
    assert "reviewer role" in output
    assert "Password" not in output
    user = authenticate(username="amina", password="a long passphrase for amina")
    assert user is not None
    assert role_of(user) is Role.REVIEWER


def test_add_generates_a_password_shown_once() -> None:
    code, output = invoke("user", "add", "dana", "--role", "viewer")
    assert code == 0, output
    password = output.split("Password (shown once): ")[1].strip()
    assert authenticate(username="dana", password=password) is not None


def test_bad_role_weak_password_and_duplicates_are_refused() -> None:
    code, output = invoke("user", "add", "x", "--role", "boss")
    assert code != 0
    assert "boss" in output
    code, output = invoke("user", "add", "x", "--role", "viewer", "--password-stdin", stdin="1\n")
    assert code != 0
    assert "too short" in output
    assert not User.objects.filter(username="x").exists()
    assert invoke("user", "add", "x", "--role", "viewer")[0] == 0
    code, output = invoke("user", "add", "x", "--role", "editor")
    assert code != 0
    assert "already exists" in output


def test_list_and_set_role() -> None:
    invoke("user", "add", "bek", "--role", "viewer")
    code, output = invoke("user", "set-role", "bek", "--role", "editor")
    assert code == 0, output
    code, output = invoke("user", "list")
    assert "bek\teditor" in output
    code, output = invoke("user", "set-role", "nobody", "--role", "editor")
    assert code != 0
    assert "no account" in output
