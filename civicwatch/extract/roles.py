"""Who a named person is, from the words around the name: role cues and titles.

Role cues are read from the words before the name ("activist X", "journalist of Y X",
"his wife X", "activists X, Y and Z") and from an apposition after it ("X, the leader of
the ... party", "X (a blogger)"); the cue words are data (``data/roles.tsv``). A title
written capitalised right before the name ("President X", "Archpriest X", "Dr X";
``data/titles.tsv``) is never part of the name and gives the role too. Office holders
(officials, and titles that hold power) are people mentioned, not people reported about,
unless something is done to them; salience and attachment read the ``office`` flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicwatch.core.vocab import PersonRole
from civicwatch.extract.lexicon import UPPER, read_tsv, trie_pattern

__all__ = ["RoleCue", "Title", "reported_cues", "role_cue", "role_words", "title_of", "titles"]


@dataclass(frozen=True, slots=True)
class RoleCue:
    role: PersonRole | None
    office: bool  # holds an office (head of state, minister, prosecutor, judge, police)
    cue: str | None = None
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Title:
    role: PersonRole
    office: bool


@cache
def role_words() -> dict[str, PersonRole]:
    """Every role cue phrase (lower case) and the role it gives."""
    return {row[1].strip(): PersonRole(row[0].strip()) for row in read_tsv("roles.tsv")}


@cache
def reported_cues() -> frozenset[str]:
    """Cue phrases that alone make their bearer a person the document reports about
    ("political prisoner X", "X, a defendant in the case")."""
    return frozenset(
        row[1].strip() for row in read_tsv("roles.tsv") if len(row) > 2 and row[2].strip()
    )


@cache
def titles() -> dict[str, Title]:
    """Titles written before names (lower case), with the role and office they give."""
    return {
        row[0].strip(): Title(PersonRole(row[1].strip()), row[2].strip() == "yes")
        for row in read_tsv("titles.tsv")
    }


def title_of(word: str) -> Title | None:
    """The title a capitalised word before a name is, if it is one ("Archpriest", "Dr.")."""
    return titles().get(word.lower().rstrip("."))


@cache
def _office_cues() -> frozenset[str]:
    return frozenset(phrase for phrase, role in role_words().items() if role is PersonRole.OFFICIAL)


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Cue words as a trie over lower-cased text (fast to scan); word boundaries are
    checked on the few hits in Python."""
    return re.compile(rf"(?P<cue>{trie_pattern(set(role_words()))})(?P<plural>e?s)?(?![\w-])")


# Between a cue and the name: "of Ulysmedia", "in the case,", a list of other names.
# Words of a name are separated by required white space: with optional space, a run of
# capitals splits in exponentially many ways and the match backtracks for minutes.
_BETWEEN_OK = re.compile(
    rf"^(?:\s+(?:of|from|at|for|with|in|on)\s+(?:the\s+)?(?:[\w’'!.-]+\s+){{0,4}}?"
    rf"[\w’'!.-]+)?[\s,]*(?:[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*)*(?:,\s*|\s+and\s+))*"
    r"\s*$"
)
# A verb between a cue and a name makes the name its object, not the cue's bearer: "a
# judge of the X District Court fined A, B and C".
_ACTION = re.compile(
    r"\b(?:fined|sentenced|detained|arrested|convicted|charged|placed|jailed|remanded|"
    r"released|acquitted|found|summoned|questioned|searched|ordered|extended|transferred|"
    r"gave|handed|sent|imprisoned)\b",
    re.IGNORECASE,
)
# An apposition, not a relative clause with its own subject ("X, whom the prosecutor
# described as ...": the prosecutor is someone else).
_APPOSITION = re.compile(
    r"^(?:['’]s)?\s*(?:,|\(|–|—|\s-)(?!\s*(?:whom|whose|which|who(?!\s+(?:is|was)\b))\b)"
    r"(?:who\s+(?:is|was)\s+)?(?:an?|the)?\s*"
    r"(?:[\w’'-]+\s+){0,4}?"
)
_CLAUSE_END = re.compile(r"[,;:.()]|\s–|\s—")
# "X's lawyer Y", "his lawyer Y": the lawyer acts for someone else in this sentence.
_REPRESENTS = re.compile(r"(?:['’]s|\bhis|\bher|\btheir)\s+(?:defence\s+|defense\s+)?$")
_EMPHASIS = str.maketrans("*_", "  ")  # Markdown bold/italic markers around names
_WINDOW_BEFORE = 200
_WINDOW_AFTER = 120


def role_cue(
    text: str,
    start: int,
    end: int,
    lower: int = 0,
    upper: int | None = None,
    low: str | None = None,
) -> RoleCue:
    """The role the words around a name give its bearer, within ``[lower, upper)``.

    ``low`` is the lower-cased text, when the caller has it."""
    upper = len(text) if upper is None else upper
    window_start = max(lower, start - _WINDOW_BEFORE)
    before = text[window_start:start].translate(_EMPHASIS)
    folded = low[window_start:start].translate(_EMPHASIS) if low is not None else before.lower()
    words, office_cues, cues = role_words(), _office_cues(), _cue_pattern()
    best = None
    for match in cues.finditer(folded):
        if match.start() and (
            folded[match.start() - 1].isalnum() or folded[match.start() - 1] == "-"
        ):
            continue
        between = before[match.end() :]
        if _BETWEEN_OK.match(between) and not _ACTION.search(between):
            best = match
    if best is not None:
        cue = best.group("cue")
        role = words[cue]
        office = cue in office_cues or (
            role is PersonRole.LAWYER and bool(_REPRESENTS.search(folded, 0, best.start()))
        )
        return RoleCue(role, office, cue, bool(best.group("plural")))
    after = text[end : min(upper, end + _WINDOW_AFTER)].translate(_EMPHASIS)
    apposition = _APPOSITION.match(after)
    if apposition:
        clause_end = _CLAUSE_END.search(after[apposition.end() :])
        limit = apposition.end() + (clause_end.start() if clause_end else len(after))
        folded_after = after.lower()
        for match in cues.finditer(folded_after, apposition.start(), limit):
            if match.start() and folded_after[match.start() - 1].isalnum():
                continue
            if match.start() <= apposition.end() + 40:
                cue = match.group("cue")
                return RoleCue(words[cue], cue in office_cues, cue, False)
            break
    return RoleCue(None, False)
