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

from civicwatch.core.vocab import FollowupKind
from civicwatch.extract.triggers import lower

__all__ = ["FollowupMention", "find_followups"]


@dataclass(frozen=True, slots=True)
class FollowupMention:
    start: int
    end: int
    kind: FollowupKind
    dated: bool  # whether a date right after the cue is its due date


_GAP = r"[^.;!?]{0,60}?"
_CUES: tuple[tuple[FollowupKind, bool, str], ...] = (
    (
        FollowupKind.APPEAL_PENDING,
        True,
        r"\b(?:intends?|intended|plans?|planned|is\s+going|are\s+going|will|would|decided)\s+"
        r"(?:to\s+)?(?:file\s+an?\s+)?appeal\b"
        r"|\bappeals?\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?pending\b"
        r"|\b(?:has|have|had)\s+(?:already\s+)?(?:filed|lodged|submitted)\s+an?\s+appeal\b"
        r"|\bappeal\s+hearing\s+(?:is\s+|was\s+)?(?:scheduled|set|due)\b"
        r"|\bpending\s+(?:an?\s+|the\s+)?appeal\b",
    ),
    (
        FollowupKind.HEARING_POSTPONED,
        True,
        rf"\b(?:hearing|trial|session|verdict|sentencing)s?\b{_GAP}\b(?:was|were|has\s+been|"
        r"have\s+been|is|are|had\s+been)\s+(?:again\s+|once\s+more\s+)?(?:postponed|adjourned|"
        r"rescheduled|delayed|deferred)\b"
        r"|\b(?:postponed|adjourned|deferred)\s+(?:the\s+)?(?:hearing|trial|session|verdict)\b",
    ),
    (
        FollowupKind.YET_TO_TAKE_PLACE,
        False,
        r"\b(?:has|have|had)\s+yet\s+to\s+(?:take\s+place|begin|start|open|be\s+(?:heard|held|"
        r"scheduled|set|considered))\b"
        r"|\bno\s+(?:trial\s+|hearing\s+)?date\s+(?:has\s+|had\s+)?(?:yet\s+)?been\s+set\b",
    ),
    (
        FollowupKind.DETENTION_UNTIL,
        True,
        rf"\b(?:extended|prolonged|remanded|detention|custody|house\s+arrest|held){_GAP}\buntil\b",
    ),
    (
        FollowupKind.TRIAL_UNDER_WAY,
        False,
        r"\btrial\s+(?:is\s+|was\s+)?(?:still\s+)?(?:under\s*way|ongoing|continues|continuing)\b"
        rf"|\btrial\s+of\b{_GAP}\b(?:began|opened|started|is\s+under\s*way|continues)\b"
        r"|\btrial\s+(?:began|opened|started)\b",
    ),
)
_PATTERNS = tuple((kind, dated, re.compile(pattern)) for kind, dated, pattern in _CUES)


def find_followups(text: str, low: str | None = None) -> list[FollowupMention]:
    """Follow-up cues in ``text``, in order of position (one per place in the text)."""
    low = lower(text) if low is None else low
    found: list[FollowupMention] = []
    for kind, dated, pattern in _PATTERNS:
        found.extend(
            FollowupMention(match.start(), match.end(), kind, dated)
            for match in pattern.finditer(low)
        )
    found.sort(key=lambda mention: (mention.start, mention.end))
    unique: list[FollowupMention] = []
    for mention in found:
        if unique and mention.start < unique[-1].end and mention.kind is unique[-1].kind:
            continue
        unique.append(mention)
    return unique
