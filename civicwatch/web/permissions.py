"""Roles and clearance for views: every view reads rows through
:mod:`civicwatch.services.access` with the clearance of the request's user."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from civicwatch.core.vocab import Role, Sensitivity
from civicwatch.services import access


def clearance(request: HttpRequest) -> Sensitivity:
    """The most sensitive level the signed-in user may see."""
    return access.clearance_of(request.user)


def role_required(
    role: Role,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Answer 403 unless the user has ``role`` or a more powerful one."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not access.can(request.user, role):
                raise PermissionDenied(f"This needs the {role.label.lower()} role.")
            return view(request, *args, **kwargs)

        return guarded

    return decorate


def roles(request: HttpRequest) -> dict[str, Any]:
    """Template context: what the user may do, so pages hide buttons they cannot use."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = access.role_of(user)
    return {
        "user_role": role,
        "can_review": role.at_least(Role.REVIEWER),
        "can_edit": role.at_least(Role.EDITOR),
        "is_admin": role is Role.ADMIN,
        "clearance": role.clearance,
    }
