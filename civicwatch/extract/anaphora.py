"""Anaphora: what "he", "she", "the activist", "the two activists", "all six", "each of the
four" and a sentence that names no one refer to.

Sentence by sentence, a small recency model (:class:`_Focus`) keeps the last person named,
the person whose story the paragraph tells (a relative named in passing does not take it
over), the last group (two or more people named together), the last lists of names and the
people of the last sentences; it is reset at headings. A counted group ("the four
defendants") is the last list of that many names, or the people named last in twos and
threes. People named as an offence's or a memorial's object, or as the one a relative is
presented by, are no one's antecedent (:func:`is_object_of_other`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from civicwatch.core.vocab import Gender, PersonRole
from civicwatch.extract.coref import Mention, Person, coordinated
from civicwatch.extract.sentences import ITEM_START, Segment

__all__ = [
    "ENGLISH_ANAPHORS",
    "AnaphorWords",
    "is_object_of_other",
    "new_focus",
    "resolve_anaphors",
]


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
    r"|the (?:three|four|five|six|seven|eight|nine|ten)(?= (?:were|was|received|got|are|have|had"
    r"|each|all|also|then|later))"
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


@dataclass(frozen=True)
class AnaphorWords:
    """A language's words for anaphora. ``canonical`` maps an anaphor as written (lower
    case) to the English anaphor it behaves like ("его" -> "he", "все трое" -> "all
    three"), so that one resolver serves every language pack."""

    pronoun: re.Pattern[str]  # group ``word``: the anaphor
    other_people: re.Pattern[str]  # someone other than the focus person is the subject
    another_person: re.Pattern[str]  # an unnamed person a pronoun after it can refer to
    partitive: re.Pattern[str]  # "two of them"
    canonical: Mapping[str, str] = field(default_factory=dict)

    def word(self, match: re.Match[str]) -> str:
        written = match.group("word").lower()
        return self.canonical.get(" ".join(written.split()), written)


ENGLISH_ANAPHORS = AnaphorWords(_PRONOUN, _OTHER_PEOPLE, _ANOTHER_PERSON, _PARTITIVE)

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
    # the people of consecutive bulleted items, one list ("- A: 3 years" / "- B: 4 years" /
    # "Each of them was also fined ...")
    items: list[int] = field(default_factory=list)
    after_items: bool = False  # in the paragraph right after the list


def resolve_anaphors(
    text: str,
    sentence: Segment,
    named: list[Mention],
    people: list[Person],
    focus: _Focus,
    paragraph: int,
    heading: bool,
    words: AnaphorWords = ENGLISH_ANAPHORS,
) -> list[Mention]:
    """Mentions of the sentence, with anaphors resolved when it names nobody.

    Updates ``focus`` (the last person and group) from the named mentions; ``words`` are
    the anaphors of the document's language.
    """
    if heading:
        focus.person, focus.group, focus.story, focus.items = None, [], None, []
    elif paragraph != focus.paragraph and not ITEM_START.match(text, sentence.start):
        if focus.items and focus.after_items:
            focus.items = []  # "each of them" is the list's people only right after it
        focus.after_items = bool(focus.items)
    targets = [m for m in named if not m.office and not is_object_of_other(text, m)]
    resolved: list[Mention] = list(named)
    if named and not targets:
        # Only an office holder or an offence's object is named ("Judge X found her guilty
        # of insulting Y"): a pronoun is the person the story is about.
        match = words.pronoun.search(text, sentence.start, sentence.end)
        if match and words.word(match) in _SINGULAR_PRONOUNS:
            resolved.extend(_resolve(words.word(match), match.span(), people, focus))
    if not named:
        match = words.pronoun.search(text, sentence.start, sentence.end)
        if match and not (
            words.word(match) in _SINGULAR_PRONOUNS
            and words.another_person.search(text, sentence.start, match.start())
        ):
            # "... finding the soldier guilty and sentencing him": "him" is the soldier
            found = _resolve(words.word(match), match.span(), people, focus)
            resolved.extend(found)
            group = list(dict.fromkeys(m.person for m in found))
            if len(group) >= 2:
                focus.group = group  # "All six were detained. ... placed them in custody"
            elif group and group[0] in (focus.person, focus.story):
                focus.person_paragraph = paragraph  # "he", "her": still this paragraph's
        elif (
            focus.story is not None
            and focus.person_paragraph == paragraph
            and not words.other_people.search(text, sentence.start, sentence.end)
        ):
            # "Two days later, a court ordered two months' pre-trial detention."
            resolved.append(
                Mention(sentence.start, sentence.start, focus.story, False, False, True)
            )
        # the focus moves to what this sentence is about
    if targets:
        groups = [coordinated(text, targets, i) for i in range(len(targets))]
        largest = max(groups, key=len)
        if ITEM_START.match(text, sentence.start):
            focus.items = list(dict.fromkeys([*focus.items, *(m.person for m in targets)]))
        elif paragraph != focus.paragraph:
            focus.items = []  # a paragraph that names others ends the list
        if len(focus.items) >= 2 and len(largest) < 2:
            if focus.lists and set(focus.lists[-1]) < set(focus.items):
                focus.lists[-1] = focus.items  # the list grows item by item
            else:
                focus.lists = [*focus.lists[-(_LISTS_KEPT - 1) :], focus.items]
        if len(largest) >= 2:
            focus.group = list(dict.fromkeys(targets[i].person for i in largest))
            focus.lists = [*focus.lists[-(_LISTS_KEPT - 1) :], focus.group]
            focus.partitive = bool(words.partitive.search(text, sentence.start, sentence.end))
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


_EACH = frozenset({"each", "each of them", "all of them"})


def _resolve(
    word: str, span: tuple[int, int], people: list[Person], focus: _Focus
) -> list[Mention]:
    start, end = span
    plural = word in ("they", "them", "their", "both", "each of them", "all of them", "each") or (
        word.startswith(("the ", "those ")) and word.endswith(("s", "men", "people"))
    )
    if word.startswith(("those ", "all ", "both ", "the two", "each of the ", "every one of")):
        plural = True
    if word.startswith("the ") and _count_of(word):
        plural = True  # "The three received three, two and two years respectively"
    if plural:
        group = focus.group
        if not group and word in _EACH and len(focus.items) >= 2:
            group = focus.items  # "- A: 3 years" / "- B: 4 years" / "Each was also fined"
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
