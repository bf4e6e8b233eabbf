"""What a Russian-language report says is still to come: an appeal lodged or intended
("намерены обжаловать приговор", "подала апелляционную жалобу"), a hearing postponed
("заседание отложено до 3 мая"), a detention "до" a date ("продлил срок содержания под
стражей до 15 марта"), a trial under way, a date not yet set.

The Russian counterpart of :mod:`civicwatch.extract.followups`: :func:`find_followups`
returns the same :class:`~civicwatch.extract.followups.FollowupMention` s (kind, and whether
a date right after the cue is its due date) with offsets into the text passed in. The cues
are data (``data/ru/followups.tsv``).
"""

from __future__ import annotations

import re
from functools import cache

from civicwatch.core.vocab import FollowupKind
from civicwatch.extract.followups import FollowupMention
from civicwatch.extract.lexicon import lower, patterns
from civicwatch.extract.ru.triggers import compile_lexicon, fold

__all__ = ["FollowupMention", "find_followups"]


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, tuple[FollowupKind, bool]]]:
    """The cues of ``data/ru/followups.tsv`` as one lexicon, scanned once per document."""
    rows = patterns("ru/followups.tsv")
    pattern, keys = compile_lexicon((f"{kind} {dated}", (regex,)) for kind, dated, regex in rows)
    cues = {}
    for group, key in keys.items():
        kind, dated = key.split(" ")
        cues[group] = (FollowupKind(kind), dated == "yes")
    return pattern, cues


def find_followups(text: str, low: str | None = None) -> list[FollowupMention]:
    """Follow-up cues in Russian ``text``, in order of position (never overlapping)."""
    low = fold(lower(text) if low is None else low)
    pattern, cues = _lexicon()
    return [
        FollowupMention(match.start(), match.end(), *cues[match.lastgroup or ""])
        for match in pattern.finditer(low)
    ]
