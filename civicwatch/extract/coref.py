"""People across a document: clustering name mentions, and what refers back to them.

A report names a person in full once or twice ("activist Zhanbolat Mamai") and then by
surname ("Mamai", "Mamai's"), by pronoun ("he was placed in pre-trial detention"), by role
("the activist") or as part of a group ("the two activists", "those detained", "each of
them"). This module turns the name mentions of :mod:`civicwatch.extract.names` into
:class:`Person` clusters, links single tokens to them and reads coordinated lists of
names; :mod:`.anaphora` resolves the pronouns and group words.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from civicwatch.core.names import guess_gender, name_key, name_tokens, same_person
from civicwatch.core.vocab import Gender, PersonRole
from civicwatch.extract.lexicon import trie_pattern
from civicwatch.extract.names import NameMention, find_tokens, is_particle, particle_after
from civicwatch.extract.roles import (
    RoleCue,
    Title,
    reported_cues,
    role_cue,
    role_words,
    title_of,
)
from civicwatch.extract.sentences import Segment

__all__ = ["ENGLISH_CUES", "Mention", "Person", "RoleCues", "cluster_people", "coordinated"]


@dataclass(frozen=True)
class RoleCues:
    """A language's role words around a name: ``cue`` finds the one that applies,
    ``reported`` lists the cues that alone make a person one the document reports about."""

    cue: Callable[[str, int, int, int, int | None, str | None], RoleCue]
    reported: Callable[[], frozenset[str]]
    title: Callable[[str], Title | None]  # a title written before a name ("Judge")


ENGLISH_CUES = RoleCues(role_cue, reported_cues, title_of)


@dataclass(slots=True)
class Person:
    index: int
    name: str
    gender: Gender
    forms: list[str] = field(default_factory=list)
    singles: list[str] = field(default_factory=list)
    roles: Counter[PersonRole] = field(default_factory=Counter)
    office_mentions: int = 0
    reported: int = 0  # mentions with a cue that alone makes them reported about
    mentions: list[tuple[int, int]] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a person at a place in the text (a name, a pronoun, a group word)."""

    start: int
    end: int
    person: int
    named: bool = True
    office: bool = False
    implicit: bool = False  # no word refers: the sentence continues the focus person's story


def cluster_people(
    text: str,
    names: Sequence[NameMention],
    sentences: Sequence[Segment],
    low: str | None = None,
    *,
    cues: RoleCues | None = None,
    singles: Sequence[NameMention] | None = None,
) -> tuple[list[Person], list[Mention]]:
    """Cluster full names by :func:`same_person`, then attach single-token mentions
    (``low``: the lower-cased text, for the role cues, when the caller has it).

    Single tokens are found by their spelling in English; a language whose words inflect
    finds them itself and passes them as ``singles``, each named in the form the full
    names have ("Жыланбаева" as "Жыланбаев"). ``cues`` are the language's role words
    (English by default)."""
    cues = cues or ENGLISH_CUES
    people: list[Person] = []
    by_key: dict[str, int] = {}
    by_token: dict[str, list[int]] = {}
    mentions: list[Mention] = []
    bounds = _SentenceBounds(sentences)
    for written in names:
        if not written.full:
            continue
        mention = written
        key = name_key(mention.name)
        index = by_key.get(key)
        if index is None:
            candidates = {i for token in name_tokens(mention.name) for i in by_token.get(token, ())}
            for candidate in sorted(candidates):
                if same_person(people[candidate].name, _plain_initials(mention.name)):
                    index = candidate
                    break
        if index is None:
            index = len(people)
            people.append(Person(index, mention.name, guess_gender(mention.name)))
        by_key.setdefault(key, index)
        person = people[index]
        for token in name_tokens(mention.name):
            if index not in by_token.setdefault(token, []):
                by_token[token].append(index)
        if mention.name not in person.forms:
            person.forms.append(mention.name)
            if _fuller(mention.name, person.name):
                person.name = mention.name  # "Kairat Abenov" names the person "Abenov K." was
        person.tokens.update(mention.name.split())
        mentions.append(_register(text, person, mention, bounds, low, cues))
    if not people:
        return people, mentions
    taken = sorted((m.start, m.end) for m in mentions)
    # a patronymic particle alone ("kyzy", "uulu") is no mention of anyone
    spellings = {
        token
        for person in people
        for token in person.tokens
        if len(token) > 2 and not is_particle(token)
    }
    by_single: dict[str, list[int]] = {}
    for person in people:  # surname owners first, then owners of any token
        surname = person.name.split()[-1]
        by_single.setdefault(surname, []).append(person.index)
    for person in people:
        for token in person.tokens:
            owners = by_single.setdefault(token, [])
            surname_owned = any(people[o].name.split()[-1] == token for o in owners)
            if not surname_owned and person.index not in owners:
                owners.append(person.index)
    positions: dict[int, list[int]] = {}
    for registered in mentions:
        positions.setdefault(registered.person, []).append(registered.start)
    found = (
        find_tokens(text, spellings)
        if singles is None
        else [(m.start, m.end, m.name) for m in singles if m.name in spellings]
    )
    for start, end, token in found:
        if _inside(taken, start):
            continue
        owner = _owner(people, by_single, positions, token, start)
        if owner is None:
            continue
        person = people[owner]
        if token not in person.singles:
            person.singles.append(token)
        if particle_after(text, end):
            # "Sooronbai kyzy", "Kubat uulu": the father's name with the particle, as the
            # Kyrgyz and Kazakh short forms name a person
            end = text.index(" ", end) + 1
            while end < len(text) and not text[end].isspace() and text[end] not in ",;:.)":
                end += 1
        single = NameMention(start, end, token, False, text.startswith(("'s", "’s"), end))
        mentions.append(_register(text, person, single, bounds, low, cues))
    mentions.sort(key=lambda m: m.start)
    return people, _without_bracketed_repeats(text, mentions)


_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_])(?=\.)")


def _plain_initials(name: str) -> str:
    """Initials without their diacritics ("Nəsibova Ş.V." -> "Nəsibova S.V."): an initial is
    one letter, and "Ş" must not be read as the two letters "Sh" it is romanised as in a
    full name ("Şəhla")."""
    if "." not in name:
        return name
    return _INITIAL.sub(lambda m: _base_letter(m.group(1)), name)


def _base_letter(letter: str) -> str:
    if letter in "Əə":
        return "A"
    return unicodedata.normalize("NFD", letter)[0]


def _fuller(candidate: str, name: str) -> bool:
    """Whether ``candidate`` spells out a name written with initials."""

    def words(text: str) -> int:
        return sum(1 for part in text.split() if "." not in part)

    return "." in name and words(candidate) > words(name)


# "X (Х)", "X (in the court's press release: Surname Given Patronymic)"
_OPEN_BRACKET = re.compile(r"^\s*[(\[][^()\[\]]{0,60}$")


def _without_bracketed_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop "X (X in another script)" repeats from the mention sequence, so that lists such
    as "X (Х) and Y (У)" stay lists; the person keeps the span among its mentions."""
    kept: list[Mention] = []
    for mention in mentions:
        if (
            kept
            and kept[-1].person == mention.person
            and _OPEN_BRACKET.match(text[kept[-1].end : mention.start])
        ):
            continue
        kept.append(mention)
    return kept


def _register(
    text: str,
    person: Person,
    mention: NameMention,
    bounds: _SentenceBounds,
    low: str | None = None,
    cues: RoleCues | None = None,
) -> Mention:
    cues = cues or ENGLISH_CUES
    lo, hi = bounds.around(mention.start)
    cue: RoleCue = cues.cue(text, mention.start, mention.end, lo, hi, low)
    written = (mention.title or "").lower()
    title = cues.title(written) if written else None
    if title is not None and (cue.role is None or cue.cue == written):
        # "Archpriest X", "Father X", "President X": the title is the role
        # the context may still make the titled person an office holder ("адвокат X,
        # представляющий интересы Y")
        same = cue.cue == written
        cue = RoleCue(title.role, title.office or (same and cue.office), written)
    office = cue.office
    if cue.role is not None:
        person.roles[cue.role] += 1
    if cue.cue in cues.reported():
        person.reported += 1
    if office:
        person.office_mentions += 1
    person.mentions.append((mention.start, mention.end))
    return Mention(mention.start, mention.end, person.index, True, office)


class _SentenceBounds:
    def __init__(self, sentences: Sequence[Segment]) -> None:
        self.starts = [s.start for s in sentences]
        self.sentences = sentences

    def around(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, position) - 1
        if index < 0:
            return 0, position + 200
        segment = self.sentences[index]
        return segment.start, max(segment.end, position)


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _owner(
    people: list[Person],
    by_single: dict[str, list[int]],
    positions: dict[int, list[int]],
    token: str,
    position: int,
) -> int | None:
    """The person a lone name token refers to: surname matches first, then the nearest
    full-name mention before it (a later one counts ten times its distance)."""
    owners = by_single.get(token)
    if not owners:
        return None
    if len(owners) == 1:
        return owners[0]
    # a relative introduced as such ("his younger brother, Jamshid Sattorov") shares the
    # surname with the person the story is about, who keeps it
    principal = [o for o in owners if PersonRole.RELATIVE not in people[o].roles]
    if principal and len(principal) < len(owners):
        owners = principal
        if len(owners) == 1:
            return owners[0]
    best, best_distance = owners[0], None
    for owner in owners:
        starts = positions[owner]
        index = bisect.bisect_right(starts, position)
        candidates = []
        if index:
            candidates.append(position - starts[index - 1])
        if index < len(starts):
            candidates.append(10 * (starts[index] - position))
        distance = min(candidates)
        if best_distance is None or distance < best_distance:
            best, best_distance = owner, distance
    return best


# -- coordination ----------------------------------------------------------------------------
@cache
def _connector() -> re.Pattern[str]:
    """What may stand between two names of one list: a comma or "and", with the next one's
    role ("X and playwright Y", "X, his wife Y", "X and fellow blogger Y"). The role words
    are those of ``data/roles.tsv`` except officials, who are not listed with the people
    a fact is about."""
    roles = {phrase for phrase, role in role_words().items() if role is not PersonRole.OFFICIAL} | {
        "colleague",
        "associate",
        "co-defendant",
        "deputy",
        "chair",
    }
    modifier = r"(?:(?:fellow|former|well-known|independent|opposition|young)\s+)?"
    role = rf"{modifier}(?:{trie_pattern(roles)})(?:e?s)?"
    # Russian: an apposition in commas ("Дмитрию Корзуну, предпринимателю, и пенсионерке
    # Светлане Ярошевич") and the next one's role word in whatever case, but not an
    # officer of the court's
    apposition = r"(?:,\s*[а-яё][а-яё\s-]{0,50}?(?=,))?"
    ru_role = r"(?:(?!суд|прокур|следоват|адвокат|защитни)[а-яё-]{3,}\s+)?"
    return re.compile(
        rf"^\s*(?:\([^()]{{0,80}}\)\s*)?(?:['’]s?\s*)?{apposition}"
        rf"(?:,\s*(?:and\s+|as\s+well\s+as\s+|и\s+{ru_role}"
        rf"|а\s+также\s+{ru_role})?|\s+and\s+|\s+as\s+well\s+as\s+|\s+и\s+{ru_role}"
        rf"|\s+а\s+также\s+{ru_role}|\s*&\s*)"
        rf"(?:(?:his|her|their|its|the\s+[\w-]+['’]s)\s+)?"
        rf"(?:{role}\s+)?"
        rf"(?:(?:a|an|the)\s+)?$",
        re.IGNORECASE,
    )


_EMPHASIS = str.maketrans("*_", "  ")


def _plain(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with Markdown emphasis (``**``, ``__``) blanked out."""
    return text[start:end].translate(_EMPHASIS)


def coordinated(text: str, mentions: Sequence[Mention], index: int) -> list[int]:
    """Indices (into ``mentions``) of the list the mention at ``index`` belongs to.

    "X, Y and Z", "X and his co-activists Y and Z", "X (a runner), Y and Z".
    """
    group = [index]
    left = index
    while left > 0 and _connector().match(
        _plain(text, mentions[left - 1].end, mentions[left].start)
    ):
        if mentions[left - 1].person == mentions[left].person:
            break
        if (
            _governed(text, mentions[left - 1])
            and "," in text[mentions[left - 1].end : mentions[left].start]
        ):
            break  # "Similar to X, Y and Z applied": X is not in the list
        left -= 1
        group.insert(0, left)
    right = index
    while right + 1 < len(mentions) and _connector().match(
        _plain(text, mentions[right].end, mentions[right + 1].start)
    ):
        if mentions[right + 1].person == mentions[right].person:
            break
        if (
            _governed(text, mentions[right])
            and "," in text[mentions[right].end : mentions[right + 1].start]
        ):
            break
        right += 1
        group.append(right)
    return group


# Prepositions that set a mention apart from the list after it ("Similar to X, Y and Z
# applied"); a verb's object list ("sentences were handed down to X, Y and Z") is one list.
_GOVERNING = re.compile(
    r"(?:\b(?:similar\s+to|as\s+with|like|unlike|than|besides|except|apart\s+from)\s+)$",
    re.I,
)


def _governed(text: str, mention: Mention) -> bool:
    """Whether a preposition governs the mention ("similar to X, ...")."""
    return bool(_GOVERNING.search(text, max(0, mention.start - 12), mention.start))
