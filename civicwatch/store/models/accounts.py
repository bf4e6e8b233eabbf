from __future__ import annotations

from django.conf import settings
from django.db import models

from civicwatch.core.vocab import InterfaceLanguage, Role, Sensitivity
from civicwatch.store.fields import vocabulary_field


class Account(models.Model):
    """What Civicwatch knows about a login beyond Django's user: its role and language.

    A user without an account row is a viewer (the least power); ``civicwatch user add``
    and ``create-admin`` always write one.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account"
    )
    role = vocabulary_field(Role, default=Role.VIEWER.value)
    language = vocabulary_field(
        InterfaceLanguage, blank=True, default="", help_text="Empty: the browser's choice"
    )

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"

    @property
    def role_term(self) -> Role:
        return Role(self.role)

    @property
    def clearance(self) -> Sensitivity:
        return self.role_term.clearance
