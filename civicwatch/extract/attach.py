"""Attachment: which people of a sentence each of its facts is about.

Reports put the facts about a person in the sentence that names (or refers to) them:
"On 3 May 2024, a court found X guilty under Criminal Code article 274 and sentenced her to
two years of restricted freedom". :func:`attach` takes one sentence's facts and the
mentions of people in it and returns :class:`Edge` s, (fact, person, rule), which can be
tested without the rest of the pipeline. The rules:

- ``nearest``: a fact belongs to the nearest person mention before it in the sentence;
- ``following``: failing one, to the first mention after it, if close ("Police detained
  X"), and never to an office holder named after it ("X was arrested ... President Y");
- ``list``: extended to the coordinated list that mention is part of ("X, Y and Z were
  detained and fined");
- ``anaphor`` / ``focus``: a pronoun or group word ("he", "the two activists", "each of
  them"), or the person the paragraph is about when the sentence names nobody, stands in
  (the mentions come resolved from :mod:`.coref`);
- ``respectively``: the amounts of one outcome go to the listed people in order ("five- and
  10-days' detention, respectively");
- people only quoted or cited ("according to X", "X said") receive nothing, and an office
  holder receives an outcome only as its object ("sentenced military officer X").

The carried-over rules of :mod:`.assemble` use the same edges: ``same_article`` ("was
charged under the same article") and ``group`` (facts of an unnamed counted group given to
its members when they are named), and ``carried`` (articles a sentence or a lead-in line
gave to no one, for the people the next sentence punishes or the list items name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from civicwatch.extract.anaphora import is_object_of_other
from civicwatch.extract.coref import Mention, coordinated
from civicwatch.extract.facts import Fact, SentenceFacts
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.sentences import Segment

__all__ = [
    "ENGLISH_SPEAKERS",
    "Edge",
    "Rule",
    "SpeakerCues",
    "attach",
    "is_speaker",
    "speakers_removed",
    "targets",
]


class Rule(StrEnum):
    """Why a fact was given to a person (module notes)."""

    NEAREST = "nearest"
    FOLLOWING = "following"
    LIST = "list"
    ANAPHOR = "anaphor"
    FOCUS = "focus"
    RESPECTIVELY = "respectively"
    SAME_ARTICLE = "same_article"
    GROUP = "group"
    CARRIED = "carried"


@dataclass(frozen=True, slots=True)
class Edge:
    """``fact`` is about the person with index ``person``, by ``rule``.

    For an outcome, ``amount`` is the amount as this person gets it (one of the amounts of a
    "respectively" list, else the outcome's own); it is ``None`` for other facts.
    """

    fact: Fact
    person: int
    rule: Rule
    amount: str | None = None


_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s)?\W{0,3}\s*(?:has\s+|had\s+|also\s+)?(?:said|says|stated|states|told|noted|"
    r"claimed|argued|added|explained|wrote|believed|believes|stressed|commented|announced|"
    r"called|urged|expressed|concluded|insisted)\b"
)
_SPEAKER_BEFORE = re.compile(r"(?:according\s+to|quoted|cited|said|told)\s+(?:\w+\s+){0,3}$", re.I)
_ACTED_UPON_BEFORE = re.compile(
    r"\b(?:sentenced|convicted|fined|detained|arrested|charged|jailed|acquitted|released|"
    r"against|of|accused|found)\b(?:\s+[\w’'-]+){0,4}\s*$",
    re.I,
)
_PASSIVE_AFTER = re.compile(
    r"^(?:['’]s)?[\s,]*(?:\([^()]*\)\s*)?(?:was|were|has\s+been|had\s+been|is|received|got)\b",
    re.I,
)
# A clause between a person and a fact that gives the fact another, unnamed subject.
_OTHER_SUBJECT = re.compile(
    r"\b(?:that|when|after|because|while|whereas|although)\s+(?:the|a|an|one|another)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:person|officer|officers|man|men|woman|women|soldier|soldiers|"
    r"official|officials|policeman|policemen|guard|guards|suspect|others?)\b",
    re.IGNORECASE,
)
# An article named as law to change, not as a charge: "Articles 207.3 and 280.3 must be
# repealed", "the repeal of article 20.3.3", "the law that introduced Article 207.3".
_LAW_AFTER = re.compile(
    r"(?:[^.;]|\.(?=\d)){0,140}?\b(?:must|should|to|will)\s+be\s+(?:repealed|amended|"
    r"abolished|revised|narrowed|changed|decriminali[sz]ed|brought\s+into\s+line)",
    re.IGNORECASE,
)
_LAW_BEFORE = re.compile(
    r"\b(?:repeal|repealing|amendments?\s+to|amending|abolition|abolishing|decriminali[sz]ing|"
    r"introduced|introducing)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def _about_the_law(text: str, start: int, end: int) -> bool:
    return bool(_LAW_AFTER.match(text, end) or _LAW_BEFORE.search(text, max(0, start - 50), start))


_AGENT_BEFORE = re.compile(r"\bby\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
TRIGGER_REACH = 110  # characters between a trigger and the person it is about
_FOLLOWING_REACH = 60  # a fact may precede its person: "Police detained X"
_HELD_REACH = 40  # "X, a blogger, remains in prison": the state is said of the subject
_SPEAKER_WINDOW = 40


@dataclass(frozen=True, slots=True)
class SpeakerCues:
    """How a language marks a person as only quoted or cited: words right ``after`` the
    name ("X said"), matched at its end, and words ``before`` it ("according to X"),
    searched in the ``window`` characters that precede it."""

    after: re.Pattern[str]
    before: re.Pattern[str]
    window: int = _SPEAKER_WINDOW


ENGLISH_SPEAKERS = SpeakerCues(_SPEAKER_AFTER, _SPEAKER_BEFORE)


def is_speaker(
    text: str, mention: Mention, sentence: Segment, cues: SpeakerCues = ENGLISH_SPEAKERS
) -> bool:
    """Whether the mention is someone quoted or cited ("X said", "according to X")."""
    after = text[mention.end : min(sentence.end, mention.end + cues.window)]
    before = text[max(sentence.start, mention.start - cues.window) : mention.start]
    return bool(cues.after.match(after) or cues.before.search(before))


def speakers_removed(
    text: str,
    sentence: Segment,
    mentions: Sequence[Mention],
    cues: SpeakerCues = ENGLISH_SPEAKERS,
) -> list[Mention]:
    """The mentions of a sentence that can receive facts: all but speakers and people named
    as an offence's or a memorial's object."""
    return [
        mention
        for mention in mentions
        if not is_speaker(text, mention, sentence, cues) and not is_object_of_other(text, mention)
    ]


def _eligible(text: str, mention: Mention) -> bool:
    """An office holder receives an outcome only as its object ("sentenced military
    officer X to ...", "General Y was convicted"), not as the actor ("President X
    pardoned several prisoners")."""
    if not mention.office:
        return True
    before = text[max(0, mention.start - 60) : mention.start]
    after = text[mention.end : mention.end + 40]
    return bool(_ACTED_UPON_BEFORE.search(before) or _PASSIVE_AFTER.match(after))


def targets(
    text: str, candidates: Sequence[Mention], start: int, end: int, reach: int | None = None
) -> list[tuple[int, Rule]]:
    """People a fact at ``[start, end)`` is about, each with its rule, in text order: the
    nearest mention and its coordinated list (module notes)."""
    anchor = None
    for index, mention in enumerate(candidates):
        if mention.end <= start:
            anchor = index
    rule = Rule.NEAREST
    if anchor is None:
        for index, mention in enumerate(candidates):
            if mention.start >= start:
                anchor = index
                break
        if anchor is None:
            return []
        following = candidates[anchor]
        if following.office or following.start - end > _FOLLOWING_REACH:
            return []  # "X was arrested ... President Tokayev": not about Tokayev
        if _AGENT_BEFORE.search(text, end, following.start):
            return []  # "the law that introduced article N was signed by X": X acted
        rule = Rule.FOLLOWING
    chosen = candidates[anchor]
    if rule is Rule.NEAREST and _OTHER_SUBJECT.search(text, chosen.end, start):
        return []  # "She regretted that the officer who led it was acquitted"
    if reach is not None:
        distance = start - chosen.end if chosen.end <= start else chosen.start - end
        if distance > reach:
            return []
    same_span = [
        i for i, m in enumerate(candidates) if (m.start, m.end) == (chosen.start, chosen.end)
    ]
    rules = {i: _rule_of(candidates[i], rule) for i in same_span}
    if len(same_span) == 1:
        for i in coordinated(text, candidates, anchor):
            rules.setdefault(i, Rule.LIST)
    people: dict[int, Rule] = {}
    for i in sorted(rules):
        people.setdefault(candidates[i].person, rules[i])
    return list(people.items())


def _rule_of(mention: Mention, rule: Rule) -> Rule:
    if mention.implicit:
        return Rule.FOCUS
    if not mention.named:
        return Rule.ANAPHOR
    return rule


def attach(
    text: str,
    facts: SentenceFacts,
    candidates: Sequence[Mention],
    skip: Callable[[OutcomeMention], bool] = lambda outcome: False,
) -> list[Edge]:
    """Edges from the facts of one sentence to the people it mentions (module notes).

    ``candidates`` are the sentence's mentions without speakers (:func:`speakers_removed`);
    ``skip`` says which outcomes name no measure here ("a room inside the pre-trial
    detention centre"). Outcomes, provisions and follow-ups come first, in text order, then
    triggers and states of custody, which reach only named people close to them.
    """
    if not candidates:
        return []
    edges: list[Edge] = []
    eligible = [m for m in candidates if _eligible(text, m)]
    for outcome in facts.outcomes:
        if not skip(outcome):
            edges += _outcome_edges(text, outcome, eligible)
    # An office holder is charged, like sentenced, only as the object ("the court found
    # former minister X guilty under article N"), not as the judge who presided.
    for provision in facts.provisions:
        if _about_the_law(text, provision.start, provision.end):
            continue
        edges += [
            Edge(provision, person, rule)
            for person, rule in targets(text, eligible, provision.start, provision.end)
        ]
    for followup in facts.followups:
        edges += [
            Edge(followup, person, rule)
            for person, rule in targets(text, eligible, followup.start, followup.end)
        ]
    explicit = [m for m in candidates if not m.implicit]
    if explicit:
        for trigger in facts.triggers:
            found = targets(text, explicit, trigger.start, trigger.end, TRIGGER_REACH)
            edges += [Edge(trigger, person, rule) for person, rule in found]
        for state in facts.states:
            if state.kind == "held":  # "X remains in prison": only the person held
                found = targets(text, explicit, state.start, state.end, _HELD_REACH)
                edges += [Edge(state, person, rule) for person, rule in found]
    return edges


def _outcome_edges(text: str, outcome: OutcomeMention, candidates: Sequence[Mention]) -> list[Edge]:
    people = targets(text, candidates, outcome.start, outcome.end)
    amounts = outcome.amounts
    distribute = len(amounts) == len(people) and len(amounts) > 1
    edges = []
    for position, (person, rule) in enumerate(people):
        amount = amounts[position] if distribute else outcome.contract_amount
        if amount is None and amounts and not distribute:
            amount = amounts[0]
        edges.append(Edge(outcome, person, Rule.RESPECTIVELY if distribute else rule, amount))
    return edges
