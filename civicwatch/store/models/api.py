"""Tokens of the JSON API (docs/api.md).

Only a token's SHA-256 is stored: a stolen database does not give working tokens, and the
token itself is shown once, when it is made. A token acts for its owner: the owner's role
and clearance decide what it may read and do, so revoking the account's role limits the
token too.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    """One API token of one account."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for")
    prefix = models.CharField(
        max_length=12, help_text="The token's first characters, to recognise it in a list"
    )
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the token")
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"token {self.pk} ({self.prefix}…) of {self.owner_id}"

    @property
    def active(self) -> bool:
        return self.revoked is None
