"""Accounts: create a login with a role, list them, change a role."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from civicwatch.core.vocab import Role
from civicwatch.errors import AccountError
from civicwatch.store.models import Account

__all__ = ["AccountRow", "add_user", "list_users", "set_role"]


@dataclass(frozen=True)
class AccountRow:
    username: str
    role: Role
    active: bool


def generate_password() -> str:
    return secrets.token_urlsafe(18)


@transaction.atomic
def add_user(username: str, role: Role, password: str | None = None) -> str:
    """Create ``username`` with ``role``; returns the password (generated when not given).

    A given password must pass the same validators as the login's password change.
    """
    username = username.strip()
    if not username:
        raise AccountError("a username is required")
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise AccountError(f"account {username!r} already exists")
    password = password if password is not None else generate_password()
    candidate = user_model(username=username)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        raise AccountError("; ".join(error.messages)) from None
    user = user_model.objects.create_user(
        username=username, password=password, is_staff=role is Role.ADMIN
    )
    Account.objects.create(user=user, role=role.value)
    return password


def set_role(username: str, role: Role) -> None:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"no account {username!r}")
    Account.objects.update_or_create(user=user, defaults={"role": role.value})


def list_users() -> list[AccountRow]:
    from civicwatch.services.access import role_of

    users = get_user_model().objects.select_related("account").order_by("username")
    return [AccountRow(user.get_username(), role_of(user), user.is_active) for user in users]
