"""Find what a report says is still to come: an appeal pending, a trial under way, a hearing
postponed, a detention "until" a date, a trial that "has yet to take place".

``find_followups(text)`` returns cue mentions with offsets into ``text``; the assembler
gives each to the people of its sentence and dates it with the first date after the cue
("extended until 15 March 2024", "postponed to 3 May"). Whether a follow-up is still open
is decided later, against the person's whole timeline (an appeal later rejected is no
longer pending).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicwatch.core.vocab import FollowupKind
from civicwatch.extract.lexicon import compile_lexicon, lower, patterns

__all__ = ["FollowupMention", "find_followups"]


@dataclass(frozen=True, slots=True)
class FollowupMention:
    start: int
    end: int
    kind: FollowupKind
    dated: bool  # whether a date right after the cue is its due date


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[FollowupKind, bool]]]:
    """The cues of ``data/followups.tsv`` as one lexicon, scanned once per document (cues of
    two kinds that overlap are rare enough to keep the first)."""
    rows = patterns("followups.tsv")
    pattern, keys = compile_lexicon((f"{kind} {dated}", (regex,)) for kind, dated, regex in rows)
    cues = {}
    for group, key in keys.items():
        kind, dated = key.split(" ")
        cues[group] = (FollowupKind(kind), dated == "yes")
    return pattern, cues


def find_followups(text: str, low: str | None = None) -> list[FollowupMention]:
    """Follow-up cues in ``text``, in order of position (never overlapping)."""
    low = lower(text) if low is None else low
    pattern, cues = _lexicon()
    return [
        FollowupMention(match.start(), match.end(), *cues[match.lastgroup or ""])
        for match in pattern.finditer(low)
    ]
