"""Which date a fact of a sentence takes.

Rules, in order of use:

- "the sentence imposed on him in January 2023": a date right after an outcome and the
  words that say it was imposed then dates that outcome, and no other fact;
- "held since March 2022": a date after "since"/"from" just after the fact is its start;
- the nearest date before the fact in the sentence, ignoring dates inside a dash or bracket
  aside that the fact is not part of;
- else the first date after it (same condition);
- else the date the paragraph last gave (so a fine "subsequently" handed down takes the
  date of the protest).

An outcome stated in a "who is serving ..." clause (a detention: in a "who was detained,
..." clause) is background, not the sentence's event: it is dated only from inside its
clause (:func:`background_clause`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from civicwatch.core.dates import FuzzyDate
from civicwatch.extract.dates import DateMention
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.sentences import Segment

__all__ = ["SentenceDates", "asides", "background_clause"]

_ASIDE = re.compile(
    r"\s[–—-]\s[^–—]{1,160}?\s[–—-]\s|\([^()]{1,160}\)|,\s(?:who|whose|which)\s[^,;()]{1,120},"
)
_SERVING_CLAUSE = re.compile(
    r",\s(?:who|whose)\s(?:\w+\s){0,2}?(?:is|are|was|were|has\s+been|had\s+been)\s+"
    r"(?:already\s+|still\s+)?serving\b"
)
_PAST_CLAUSE = re.compile(
    r",\s(?:who|whose)\s(?:\w+\s){0,2}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
)
# "the four-year prison sentence handed down in December 2023": the date of that outcome
_IMPOSED_GAP = re.compile(
    r"(?:[\s-]+[\w’'-]+){0,4}?\s+(?:(?:that|which)\s+)?(?:(?:he|she|they)\s+(?:had\s+)?)?"
    r"(?:imposed|handed\s+down|received|passed|given|issued)(?:\s+(?:on|to)\s+(?:him|her|them))?"
    r"\s+(?:in|on)\s+$"
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|through|pending)\s+(?:the\s+)?$", re.I)
_IMPOSED_REACH = 70  # characters between an outcome and the date it was imposed on
_SINCE_REACH = 80  # characters between a fact and the "since ..." date of its start
_ASIDE_REACH = 40  # a fact this close before an aside may take a date inside it


def asides(text: str, sentence: Segment) -> list[tuple[int, int]]:
    """Spans of the dash, bracket and "who ..." asides of a sentence."""
    return [match.span() for match in _ASIDE.finditer(text, sentence.start, sentence.end)]


def background_clause(
    text: str, clauses: Sequence[tuple[int, int]], position: int, detention: bool = False
) -> tuple[int, int] | None:
    """The "who is serving ..." clause a fact at ``position`` is stated in, if any; for a
    detention also a past "who was detained, ..." clause (how the story began, told
    beside what happens now)."""
    pattern = _PAST_CLAUSE if detention else _SERVING_CLAUSE
    for start, end in clauses:
        if start <= position < end and pattern.match(text, start, end):
            return start, end
    return None


class SentenceDates:
    """The dates of one sentence and the rules that pick one for a fact (module notes)."""

    def __init__(
        self,
        text: str,
        dates: Sequence[DateMention],
        outcomes: Sequence[OutcomeMention],
        clauses: Sequence[tuple[int, int]],
        inherited: FuzzyDate | None,
    ) -> None:
        self.text = text
        self.dates = dates
        self.clauses = clauses
        self.inherited = inherited
        # date start -> end of the outcome it dates ("... handed down in January 2023")
        self.claimed = {
            date.start: outcome.end
            for outcome in outcomes
            for date in dates
            if 0 <= date.start - outcome.end <= _IMPOSED_REACH
            and _IMPOSED_GAP.match(text, outcome.end, date.start)
        }

    def for_fact(self, position: int, end: int | None = None) -> FuzzyDate | None:
        """The date of a fact starting at ``position`` (ending at ``end``, for outcomes)."""
        if end is not None and self.claimed:
            for date in self.dates:
                if self.claimed.get(date.start) == end:
                    return date.date
        for date in self.dates:
            if 0 <= date.start - position <= _SINCE_REACH and _SINCE.search(
                self.text[max(0, date.start - 12) : date.start]
            ):
                return date.date
        before = [d for d in self.dates if d.end <= position and self._allowed(d, position)]
        if before:
            return before[-1].date
        after = [d for d in self.dates if d.start >= position and self._allowed(d, position)]
        if after:
            return after[0].date
        return self.inherited

    def in_clause(self, clause: tuple[int, int], position: int) -> FuzzyDate | None:
        """The last date inside ``clause`` before ``position`` (a background fact's date)."""
        inside = [d for d in self.dates if clause[0] <= d.start < position]
        return inside[-1].date if inside else None

    def _allowed(self, date: DateMention, position: int) -> bool:
        if date.start in self.claimed:
            return False  # the date of another outcome named in passing
        if _UNTIL.search(self.text, max(0, date.start - 12), date.start):
            return False  # "extended until 20 June": when it ends, not when it was decided
        for start, end in self.clauses:
            if start <= date.start < end:
                return start <= position < end or 0 <= start - position <= _ASIDE_REACH
        return True
