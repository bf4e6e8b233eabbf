"""Names of hidden people blacked out of what a lower-level export shows of a report.

A public report may name a person marked confidential: the person's claims, events and
facts stay out of exports below confidential (access.py), but the report's text, and the
quotes and values of its other claims, still spell the name. Every spelling known for such
a person is replaced by as many "█" as it has characters, so offsets into the text stay
valid and nothing else changes.
"""

from __future__ import annotations

import re
from typing import Any

from civicwatch.core.vocab import ClaimKind
from civicwatch.exports.scope import Scope
from civicwatch.services.access import hidden_person_ids
from civicwatch.store.models import Claim, Person, PersonName

BLOCK = "█"


class Redactor:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.cache: dict[int, re.Pattern[str] | None] = {}

    def pattern(self, document_id: int) -> re.Pattern[str] | None:
        if document_id not in self.cache:
            hidden = hidden_person_ids(self.scope.level)
            persons = Claim.objects.filter(
                document_id=document_id, kind=ClaimKind.PERSON.value, person__in=hidden
            ).values_list("person__pk", "person__canonical_id")
            roots = {canonical or pk for pk, canonical in persons}
            names: set[str] = set()
            if roots:
                group = Person.objects.filter(pk__in=roots) | Person.objects.filter(
                    canonical__in=roots
                )
                names |= set(group.values_list("canonical_name", flat=True))
                names |= set(
                    PersonName.objects.filter(person__in=group.values("pk")).values_list(
                        "name", flat=True
                    )
                )
                # each word of a name too: reports repeat the surname alone
                names |= {word for name in list(names) for word in name.split() if len(word) > 3}
            names = {name for name in names if name.strip()}
            self.cache[document_id] = (
                re.compile(
                    "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)),
                    re.IGNORECASE,
                )
                if names
                else None
            )
        return self.cache[document_id]

    def apply(self, document_id: int, value: Any) -> Any:
        pattern = self.pattern(document_id)
        return value if pattern is None else _redact(pattern, value)


def _redact(pattern: re.Pattern[str], value: Any) -> Any:
    if isinstance(value, str):
        return pattern.sub(lambda match: BLOCK * len(match.group(0)), value)
    if isinstance(value, list):
        return [_redact(pattern, item) for item in value]
    if isinstance(value, dict):
        return {key: _redact(pattern, item) for key, item in value.items()}
    return value
