"""People across a document: clustering name mentions, and what refers back to them.

A report names a person in full once or twice ("activist Zhanbolat Mamai") and then by
surname ("Mamai", "Mamai's"), by pronoun ("he was placed in pre-trial detention"), by role
("the activist") or as part of a group ("the two activists", "those detained", "each of
them"). This module turns the name mentions of :mod:`civicwatch.extract.names` into
:class:`Person` clusters, links single tokens to them, and resolves those anaphors
sentence by sentence with a small recency model: the last person and the last group
(two or more people named together) seen, reset at headings.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from civicwatch.core.names import guess_gender, name_key, name_tokens, same_person
from civicwatch.core.vocab import Gender, PersonRole
from civicwatch.extract.lexicon import trie_pattern
from civicwatch.extract.names import NameMention, find_tokens, is_particle, particle_after
from civicwatch.extract.roles import RoleCue, reported_cues, role_cue, role_words, title_of
from civicwatch.extract.sentences import Segment

__all__ = [
    "Mention",
    "Person",
    "cluster_people",
    "coordinated",
    "is_object_of_other",
    "resolve_anaphors",
]


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
) -> tuple[list[Person], list[Mention]]:
    """Cluster full names by :func:`same_person`, then attach single-token mentions
    (``low``: the lower-cased text, for the role cues, when the caller has it)."""
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
        mentions.append(_register(text, person, mention, bounds, low))
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
    for start, end, token in find_tokens(text, spellings):
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
        lone = NameMention(start, end, token, False, text.startswith(("'s", "’s"), end))
        mentions.append(_register(text, person, lone, bounds, low))
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
) -> Mention:
    lo, hi = bounds.around(mention.start)
    cue: RoleCue = role_cue(text, mention.start, mention.end, lo, hi, low)
    written = (mention.title or "").lower()
    title = title_of(written) if written else None
    if title is not None and (cue.role is None or cue.cue == written):
        # "Archpriest X", "Father X", "President X": the title is the role
        cue = RoleCue(title.role, title.office, written)
    office = cue.office
    if cue.role is not None:
        person.roles[cue.role] += 1
    if cue.cue in reported_cues():
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


# -- coordination and anaphora ------------------------------------------------------------
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
    return re.compile(
        rf"^\s*(?:\([^()]{{0,80}}\)\s*)?(?:['’]s?\s*)?(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+"
        rf"|\s+as\s+well\s+as\s+|\s*&\s*)(?:(?:his|her|their|its|the\s+[\w-]+['’]s)\s+)?"
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


# Someone named as what an offence was committed against or as what is commemorated
# ("convicted of insulting X", "flowers at the monument to X"): not the defendant.
_OBJECT_BEFORE = re.compile(
    r"\b(?:insult(?:ing|ed|s)?|defam(?:ing|ed|es)|slander(?:ing|ed|s)?|insult\s+to|"
    r"defamation\s+of|slander\s+of|monument\s+to|memorial\s+to|statue\s+of|memory\s+of|"
    r"portrait\s+of|named\s+after|"
    # the person a relative is presented by ("X, 61, brother of Y, was detained")
    r"(?:brother|sister|son|daughter|wife|husband|mother|father|widow|relative|nephew|niece|"
    r"cousin|spouse)s?\s+of)\s+(?:the\s+)?(?:late\s+|former\s+|president\s+)?$",
    re.IGNORECASE,
)


def is_object_of_other(text: str, mention: Mention) -> bool:
    """Whether the mention names the object of an offence or a memorial, not a defendant."""
    return bool(_OBJECT_BEFORE.search(text, max(0, mention.start - 40), mention.start))


# Someone other than the focus person is the subject: "two police officers", "18 people".
_OTHER_PEOPLE = re.compile(
    r"\b(?:people|persons|individuals|officers|officials|activists|journalists|bloggers|members"
    r"|defendants|others|participants|protesters|detainees|residents|group|someone|somebody"
    r"|(?:the|a|an|one|another)\s+(?:[\w-]+\s+)?(?:man|woman|person|activist|journalist"
    r"|blogger|official|officer|lawyer|student|commander|suspect|judge|prosecutor"
    r"|investigator|soldier|hacker|individual|perpetrator|attacker|coordinator|organiser)"
    r"|police(?:man|men)?)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(
    r"(?<![\w-])(?P<word>he|him|his|she|her|hers|they|them|their|both|each of them|all of them"
    r"|(?:each|all|every\s+one)\s+of\s+the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"|each|all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"|the two|both (?:men|women|activists|journalists|bloggers)"
    r"|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\w+ )?(?:activists|"
    r"journalists|bloggers|defendants|men|women|protesters|people|members)"
    r"|the (?:detained |convicted |arrested )?(?:activists|journalists|bloggers|defendants"
    r"|protesters|members)"
    r"|those (?:detained|convicted|arrested|apprehended|charged|sentenced)"
    r"|the (?:activist|journalist|blogger|defendant|politician|opposition leader|lawyer"
    r"|human rights defender|human rights activist|woman|man|victim))(?![\w-])",
    re.IGNORECASE,
)
_LISTS_KEPT = 12
_PARTITIVE = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|some|several|\d+)\s+of\s+"
    r"(?:them|these|those|the\s+\w+)|among\s+(?:them|those|the\s+\w+))\b",
    re.IGNORECASE,
)
_HISTORY_KEPT = 12
_SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
# Someone unnamed who can be the one a pronoun after it refers to (the actors of justice,
# a judge or a prosecutor, rarely are).
_ANOTHER_PERSON = re.compile(
    r"\b(?:the|a|an|one|another)\s+(?:[\w-]+\s+)?(?:man|woman|person|soldier|officer|"
    r"policeman|guard|suspect|defendant|teenager|boy|girl|student|driver|worker|serviceman|"
    r"commander|official)\b",
    re.IGNORECASE,
)
_SINGULAR_ROLE = {
    "activist": PersonRole.ACTIVIST,
    "journalist": PersonRole.JOURNALIST,
    "blogger": PersonRole.BLOGGER,
    "politician": PersonRole.POLITICIAN,
    "opposition leader": PersonRole.POLITICIAN,
    "lawyer": PersonRole.LAWYER,
    "human rights defender": PersonRole.HUMAN_RIGHTS_DEFENDER,
    "human rights activist": PersonRole.HUMAN_RIGHTS_DEFENDER,
}


@dataclass(slots=True)
class _Focus:
    person: int | None = None
    group: list[int] = field(default_factory=list)
    paragraph: int = -1
    person_paragraph: int = -1
    recent: list[list[int]] = field(default_factory=list)  # people of the last sentences
    lists: list[list[int]] = field(default_factory=list)  # the last lists of people named
    history: list[list[int]] = field(default_factory=list)  # people of each recent sentence
    partitive: bool = False  # the group was named as part of a larger one ("two of them")
    story: int | None = None  # whose story a sentence naming no one continues


def resolve_anaphors(
    text: str,
    sentence: Segment,
    named: list[Mention],
    people: list[Person],
    focus: _Focus,
    paragraph: int,
    heading: bool,
) -> list[Mention]:
    """Mentions of the sentence, with anaphors resolved when it names nobody.

    Updates ``focus`` (the last person and group) from the named mentions.
    """
    if heading:
        focus.person, focus.group, focus.story = None, [], None
    targets = [m for m in named if not m.office and not is_object_of_other(text, m)]
    resolved: list[Mention] = list(named)
    if named and not targets:
        # Only an office holder or an offence's object is named ("Judge X found her guilty
        # of insulting Y"): a pronoun is the person the story is about.
        match = _PRONOUN.search(text, sentence.start, sentence.end)
        if match and match.group("word").lower() in _SINGULAR_PRONOUNS:
            resolved.extend(_resolve(match, people, focus))
    if not named:
        match = _PRONOUN.search(text, sentence.start, sentence.end)
        if match and not (
            match.group("word").lower() in _SINGULAR_PRONOUNS
            and _ANOTHER_PERSON.search(text, sentence.start, match.start())
        ):
            # "... finding the soldier guilty and sentencing him": "him" is the soldier
            found = _resolve(match, people, focus)
            resolved.extend(found)
            group = list(dict.fromkeys(m.person for m in found))
            if len(group) >= 2:
                focus.group = group  # "All six were detained. ... placed them in custody"
            elif group and group[0] in (focus.person, focus.story):
                focus.person_paragraph = paragraph  # "he", "her": still this paragraph's
        elif (
            focus.story is not None
            and focus.person_paragraph == paragraph
            and not _OTHER_PEOPLE.search(text, sentence.start, sentence.end)
        ):
            # "Two days later, a court ordered two months' pre-trial detention."
            resolved.append(
                Mention(sentence.start, sentence.start, focus.story, False, False, True)
            )
        # the focus moves to what this sentence is about
    if targets:
        groups = [coordinated(text, targets, i) for i in range(len(targets))]
        largest = max(groups, key=len)
        if len(largest) >= 2:
            focus.group = list(dict.fromkeys(targets[i].person for i in largest))
            focus.lists = [*focus.lists[-(_LISTS_KEPT - 1) :], focus.group]
            focus.partitive = bool(_PARTITIVE.search(text, sentence.start, sentence.end))
        elif any(m.person not in focus.group for m in targets):
            focus.group = []  # someone else is now the topic: the old group is stale
        # the subject, not a possessor before it ("Habibzoda's brother Jamshed ...")
        subjects = [m for m in targets if not text.startswith(("'s", "’s"), m.end)]
        lead = (subjects or targets)[0].person
        possessors = [m.person for m in targets if m.person not in {s.person for s in subjects}]
        if PersonRole.RELATIVE in people[lead].roles and possessors:
            focus.story = possessors[0]  # "Zhaksybaev's wife, Saltanat Aitbayeva, says ..."
        elif not (
            PersonRole.RELATIVE in people[lead].roles
            and focus.story is not None
            and focus.person_paragraph == paragraph
            and PersonRole.RELATIVE not in people[focus.story].roles
        ):
            # a relative named in passing ("his brother X was also detained") is what
            # "he" refers to next, but does not take the story over from the person it is
            # about ("On 11 September the court extended the house arrest")
            focus.story = lead
        focus.person = lead
        focus.person_paragraph = paragraph
        present = list(dict.fromkeys(m.person for m in targets))
        focus.recent = [*focus.recent[-3:], present]
        focus.history = [*focus.history[-(_HISTORY_KEPT - 1) :], present]
    focus.paragraph = paragraph
    return sorted(resolved, key=lambda m: m.start)


def _resolve(match: re.Match[str], people: list[Person], focus: _Focus) -> list[Mention]:
    word = match.group("word").lower()
    start, end = match.span()
    plural = word in ("they", "them", "their", "both", "each of them", "all of them", "each") or (
        word.startswith(("the ", "those ")) and word.endswith(("s", "men", "people"))
    )
    if word.startswith(("those ", "all ", "both ", "the two", "each of the ", "every one of")):
        plural = True
    if plural:
        group = focus.group
        count = _count_of(word)
        if count and len(group) != count:
            # "all three": the last sentence that named exactly that many people; failing
            # that, a smaller group is the named part of the counted one ("Two of them, X
            # and Y ... All five were charged" applies to X and Y).
            # ... or the last list of that many names ("the four defendants" a few
            # paragraphs after "A, B, C and D were remanded in custody")
            # (not for "both" or "the two": pairs are named too often to reach that far)
            earlier = reversed(focus.lists) if count >= 3 else iter(())
            sized = [
                people_ for people_ in [*reversed(focus.recent), *earlier] if len(people_) == count
            ]
            if sized:
                group = sized[0]
            elif count >= 3 and not (focus.partitive and len(group) < count):
                group = _last_named(focus.history, count)
            elif len(group) > count:
                group = []
        return [Mention(start, end, person, named=False) for person in group]
    # the last person named, else the one whose story it is ("X's wife Y says ... This is
    # not the first time he ...": "he" is X)
    for index in dict.fromkeys(i for i in (focus.person, focus.story) if i is not None):
        if _fits(word, people[index]):
            return [Mention(start, end, index, named=False)]
    return []


def _fits(word: str, person: Person) -> bool:
    """Whether a singular anaphor can refer to the person (gender, role)."""
    if word in ("he", "him", "his", "the man") and person.gender is Gender.FEMALE:
        return False
    if word in ("she", "her", "hers", "the woman") and person.gender is Gender.MALE:
        return False
    role_word = word[4:] if word.startswith("the ") else ""
    role = _SINGULAR_ROLE.get(role_word)
    return role is None or not person.roles or role in person.roles


def _last_named(history: list[list[int]], count: int) -> list[int]:
    """The ``count`` people named last, sentence by sentence backwards, when the sentences
    name exactly that many ("All six were detained" after the six defendants were named
    in twos and threes); none when a sentence would take the count past it."""
    people: list[int] = []
    for present in reversed(history):
        added = [person for person in present if person not in people]
        if len(people) + len(added) > count:
            return []
        people += added
        if len(people) == count:
            return people
    return []


_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "both": 2,
}


def _count_of(phrase: str) -> int | None:
    """How many people a group anaphor counts ("all three" 3, "the two activists" 2)."""
    for word in phrase.split():
        if word in _COUNTS:
            return _COUNTS[word]
        if word.isdigit():
            return int(word)
    return None


def new_focus() -> _Focus:
    return _Focus()
