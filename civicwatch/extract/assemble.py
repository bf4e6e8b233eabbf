"""The walk over a document's sentences: attach each sentence's facts, date them, make events.

:class:`Assembly` takes the sentences in order with their resolved person mentions
(:mod:`.coref`). For each it asks :func:`~.attach.attach` for the (fact, person, rule)
edges, turns them into records on the people (:class:`~.facts.PersonFacts`) dated by
:class:`~.dating.SentenceDates`, and builds the sentence's events (:mod:`.events`). Between
sentences it carries only what later sentences refer back to:

- the date the paragraph last gave (a fine "subsequently" handed down takes it);
- the articles last cited ("was charged under the same article" reuses them);
- the facts of an unnamed counted group ("Eleven of its members were remanded in custody.
  All eleven are charged under article 278"), given to its members when a later sentence
  names them as such ("X and Y, the two women among the defendants, ...");
- the people of the previous sentence, who take part in an event a sentence reports
  without naming anyone;
- a lead-in line about repression that ends with a colon ("Journalists currently behind
  bars:"), whose bulleted items each name a person the document reports about.

Every edge applied is kept in :attr:`Assembly.edges`, so a test can ask why a person got a
fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import (
    ChargeRecord,
    EventRecord,
    Evidence,
    FollowupRecord,
    OutcomeRecord,
)
from civicwatch.core.vocab import EventType, PenaltyKind
from civicwatch.extract.attach import (
    ENGLISH_SPEAKERS,
    Edge,
    Rule,
    SpeakerCues,
    attach,
    speakers_removed,
    targets,
)
from civicwatch.extract.contract import DEATHS, about_people, article_label, is_posthumous
from civicwatch.extract.coref import Mention, Person, coordinated
from civicwatch.extract.dating import SentenceDates, asides, background_clause
from civicwatch.extract.events import PlaceIndex, SentenceEvents
from civicwatch.extract.facts import FactIndex, PersonFacts, SentenceFacts, StatedOutcome
from civicwatch.extract.followups import FollowupMention
from civicwatch.extract.lexicon import imperatives
from civicwatch.extract.outcomes import OutcomeMention
from civicwatch.extract.provisions import ProvisionMention
from civicwatch.extract.sentences import ITEM_START, Segment
from civicwatch.extract.triggers import StateMention, Trigger

__all__ = ["Assembly"]

_CUSTODY_VERB = re.compile(
    r"\b(?:held|kept|remain|remains|remained|placed|detained|transferred|moved|sent|spent"
    r"|stays?|stayed|locked up|jailed)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_NUMBER_WORDS = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|twenty|dozens?\s+of|several|\d+)"
)
# An unnamed, counted group as the subject: "eleven of its members", "All eleven".
_COUNTED_GROUP = re.compile(
    rf"\b(?:all\s+{_NUMBER_WORDS}\b|{_NUMBER_WORDS}\s+(?:of\s+(?:its|their|the)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:members|activists|defendants|people|men|women|protesters|"
    r"participants|journalists|bloggers|residents|villagers|workers|organisers)\b)",
    re.I,
)
# Named people presented as members of a group described before.
_MEMBERSHIP = re.compile(
    r"\b(?:among\s+(?:the|them|those|others)\b|of\s+the\s+defendants\b|the\s+others\b|"
    r"co-defendants?\b|the\s+rest\b|one\s+of\s+them\b|(?:those|the\s+people)\s+"
    r"(?:convicted|sentenced|detained|arrested|charged|fined|punished)\b[^.;]{0,40}\binclude)",
    re.I,
)
# A line that ends with a colon introduces the list after it (whose items open with
# sentences.ITEM_START).
_LEAD_IN = re.compile(r":[\s*_]*$")
# a line with no closing punctuation, short enough to be a heading
_HEADING_LIKE = re.compile(r"[^\n]{3,100}(?<![.!?;:,])")
_WHO_BEFORE = re.compile(r"\bwho\s+$")
_SAME_PROVISION = re.compile(
    r"\bsame\s+(?:articles?|charges?|provisions?|offences?|offenses?)\b", re.I
)
_FOLLOWUP_DUE_REACH = 40  # a due date follows its cue closely: "extended until 3 May"
_LEADING_DATE = 30  # a date this close to the sentence start is the sentence's own
# a date right after a trigger dates it ("convicted in 2020", "was detained on 3 May")
_DATES_TRIGGER = re.compile(r"[\s,]*(?:[a-z]+\s+){0,2}?(?:in|on)\s+")
_GROUP_PARAGRAPHS = 2  # how many paragraphs an unnamed group's facts wait for its members
# ... and how many sentences: a report on one line is one paragraph, and a group's facts
# must not pile up over a whole document (each named member would get them all).
_GROUP_SENTENCES = 12

# A prison term turned into a suspended one: "replaced real imprisonment with probation",
# "commuted the prison sentence to a suspended one".
_TO_PROBATION = re.compile(
    r"\b(?:replac|commut|chang|convert|substitut)\w*\b[^.;]{0,60}?\b(?:imprisonment|prison\s+"
    r"(?:terms?|sentences?)|real\s+(?:terms?|imprisonment)|custodial\s+sentences?)\b[^.;]{0,30}?"
    r"\b(?:with|to|by|into|for)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}?"
    r"(?:probation|suspended|conditional)"
)

# Triggers that date a verdict, and the penalties a verdict hands down.
_VERDICTS = frozenset({EventType.SENTENCE, EventType.CONVICTION, EventType.ACQUITTAL})
_VERDICT_KINDS = frozenset(
    {
        PenaltyKind.PRISON,
        PenaltyKind.SUSPENDED,
        PenaltyKind.RESTRICTED_FREEDOM,
        PenaltyKind.ACQUITTED,
        PenaltyKind.ACTIVITY_BAN,
        PenaltyKind.PUBLIC_LABOUR,
        PenaltyKind.FINE,  # "In addition, each of the four was fined ..."
    }
)

# What a court hands down under an article (not a brief detention, not a release).
_PENALTIES = _VERDICT_KINDS | {
    PenaltyKind.FINE,
    PenaltyKind.ADMIN_DETENTION,
    PenaltyKind.PRETRIAL_DETENTION,
    PenaltyKind.HOUSE_ARREST,
}

#: Articles by label, each with the mention that first states it.
Articles = dict[str, ProvisionMention]


@dataclass(slots=True)
class _Group:
    """Facts of an unnamed counted group, waiting for its members to be named."""

    paragraph: int
    sentence: int
    labels: list[str]
    sources: Articles
    outcomes: list[tuple[OutcomeMention, OutcomeRecord]]


@dataclass(slots=True)
class _Carry:
    """What one sentence leaves to the next ones (module notes)."""

    sentence: int = -1
    paragraph: int = -1
    last_date: FuzzyDate | None = None
    last_articles: Articles = field(default_factory=dict)
    previous: tuple[int, list[int]] = (-1, [])
    group: _Group | None = None
    lead_in: bool = False  # the bulleted paragraphs that follow are governed by a lead-in
    list_date: FuzzyDate | None = None  # the date a lead-in line leaves to its list items
    verdict_date: FuzzyDate | None = None  # the date of the last verdict the text dated
    # Articles a sentence gives to no one ("two women were found guilty under article N"),
    # for the people the next sentence of the paragraph names with their penalties, and
    # those of a paragraph, for the items of the list it introduces.
    loose: Articles = field(default_factory=dict)
    loose_at: tuple[int, int] = (-1, -1)  # (paragraph, sentence) that left them
    paragraph_loose: Articles = field(default_factory=dict)
    list_articles: Articles = field(default_factory=dict)
    # Penalties a paragraph handed to no one named ("the court gave each of them 15 days.
    # They are:"), for the items of the list it introduces.
    paragraph_loose_outcomes: list[tuple[OutcomeMention, OutcomeRecord]] = field(
        default_factory=list
    )
    list_outcomes: list[tuple[OutcomeMention, OutcomeRecord]] = field(default_factory=list)
    # what the paragraph before left to no one, for a lead-in line that is a paragraph of
    # its own ("All four were convicted under article 342 ..." / "The sentences:" / "1. X")
    previous_loose: tuple[Articles, list[tuple[OutcomeMention, OutcomeRecord]]] = ({}, [])
    opened_at: int = -1  # the sentence that opened the paragraph


_OPENING_WORD = re.compile(r"[\s•·▪◦●‣∙*\-–—\d.)]*([^\W\d_]+)")
# "1. Бишкекскому городскому суду — отменить приговор": the addressee, a dash, the verb
_ADDRESSED = re.compile(
    r"[^.;:—–]{1,80}?\s[—–-]\s+(?:(?:немедленно|незамедлительно)\s+)?([^\W\d_]+)"
)


def _recommends(low: str, sentence: Segment) -> bool:
    """Whether a sentence (or bulleted item) opens with a verb of recommendation."""
    opening = _OPENING_WORD.match(low, sentence.start, sentence.end)
    if opening is not None and opening.group(1) in imperatives():
        return True
    bullet = ITEM_START.match(low, sentence.start, sentence.end)
    if bullet is None:
        return False
    addressed = _ADDRESSED.match(low, bullet.end(), sentence.end)
    return addressed is not None and addressed.group(1) in imperatives()


class Assembly:
    """Attaches the facts of one document to its people, sentence by sentence."""

    def __init__(
        self,
        text: str,
        low: str,
        people: Sequence[Person],
        facts: FactIndex,
        places: PlaceIndex,
        speakers: SpeakerCues = ENGLISH_SPEAKERS,
    ) -> None:
        self.text = text
        self._speakers = speakers
        self.low = low
        self.people = people
        self.facts = [PersonFacts() for _ in people]
        self.events: list[EventRecord] = []
        self.edges: list[Edge] = []
        self._index = facts
        self._places = places
        self._names = {person.index: person.name for person in people}
        self._carry = _Carry()

    def sentence(self, sentence: Segment, paragraph: int, mentions: list[Mention]) -> None:
        """Attach the facts of the next sentence to the people its ``mentions`` refer to."""
        carry = self._carry
        carry.sentence += 1
        opens_paragraph = paragraph != carry.paragraph
        if opens_paragraph:
            carry.paragraph = paragraph
            carry.last_date = None
            carry.previous_loose = (carry.paragraph_loose, carry.paragraph_loose_outcomes)
            carry.paragraph_loose, carry.paragraph_loose_outcomes = {}, []
            carry.opened_at = carry.sentence
            if not ITEM_START.match(self.text, sentence.start, sentence.end):
                carry.list_date, carry.list_articles, carry.list_outcomes = None, {}, []
            elif carry.list_date is not None:
                # "On 27 May the judge read the verdict:" / "- X: five years": each item
                # of the list continues the paragraph that introduced it
                carry.last_date = carry.list_date
        facts = self._index.within(sentence.start, sentence.end)
        candidates = speakers_removed(self.text, sentence, mentions, self._speakers)
        if opens_paragraph:
            self._list_item(sentence, candidates, facts)
        stated = facts.outcomes or facts.provisions or facts.followups or facts.triggers
        if (
            stated
            or facts.states
            or carry.group is not None
            or (candidates and _SAME_PROVISION.search(self.text, sentence.start, sentence.end))
        ):
            # most sentences state nothing to attach: they only move the story on
            self._attach(sentence, facts, mentions, candidates)
        if _TO_PROBATION.search(self.low, sentence.start, sentence.end):
            self._suspend_prison_terms(candidates)
        present = [m.person for m in candidates if not m.office and not m.implicit]
        if any(about_people(trigger.type) for trigger in facts.triggers):
            counted = present
            if not candidates and carry.previous[0] == paragraph:
                # "X found a funeral wreath at his door. Police opened a case for threats."
                counted = carry.previous[1]
            for person in counted:
                self.facts[person].cooccurrences += 1
        carry.previous = (paragraph, present)
        if (
            facts.triggers
            or facts.states
            or facts.outcomes
            or carry.paragraph_loose
            or carry.paragraph_loose_outcomes
        ) and _LEAD_IN.search(self.text, sentence.start, sentence.end):
            # "... sentenced five participants to 15 days each. They are:" leads in too
            carry.lead_in = True
        story = [date for date in facts.dates if not date.aside]
        if story:
            # What later sentences inherit: the date the sentence opens with ("On 5 January
            # 2023, on the anniversary of the January 2022 events, ..."), else its last one;
            # never a date that only names an event ("the July 2022 protests").
            first = story[0]
            leading = first.start - sentence.start < _LEADING_DATE
            if leading:
                carry.last_date = first.date
            elif (
                carry.last_date is None
                or story[-1].date.earliest() >= carry.last_date.earliest()
                or any(
                    _DATES_TRIGGER.fullmatch(self.low, t.end, story[-1].start)
                    for t in facts.triggers
                    if t.end <= story[-1].start
                )
            ):
                # a date inside the sentence that goes back moves the story back only when
                # it dates what the sentence reports ("was previously convicted in 2020"),
                # not something else ("for donations they made in 2021 and 2022")
                carry.last_date = story[-1].date
            verdicts = [t.start for t in facts.triggers if t.type in _VERDICTS]
            if verdicts:
                before = [d for d in story if d.end <= verdicts[0]]
                carry.verdict_date = (before[-1] if before else first).date
        if _LEAD_IN.search(self.text, sentence.start, sentence.end):
            carry.list_date = carry.last_date
            articles, outcomes = carry.paragraph_loose, carry.paragraph_loose_outcomes
            if (
                carry.opened_at == carry.sentence
                and not (articles or outcomes)
                and (facts.outcomes or any(t.type in _VERDICTS for t in facts.triggers))
            ):
                articles, outcomes = carry.previous_loose
                carry.lead_in = carry.lead_in or bool(articles or outcomes)
            carry.list_articles = dict(articles)
            carry.list_outcomes = list(outcomes)
        elif (
            carry.opened_at == carry.sentence
            and carry.paragraph_loose
            and _HEADING_LIKE.fullmatch(self.text, sentence.start, sentence.end)
        ):
            # "Administrative cases under Article 19.11" / "- X was fined ...": a heading
            # that cites articles leads in the list under it
            carry.list_articles = dict(carry.paragraph_loose)

    def _attach(
        self,
        sentence: Segment,
        facts: SentenceFacts,
        mentions: list[Mention],
        candidates: list[Mention],
    ) -> None:
        carry = self._carry
        if _recommends(self.low, sentence):
            # "Ensure that ... are cleared of charges and released": what should happen
            facts = replace(facts, outcomes=())
        articles: Articles = {}
        for provision in facts.provisions:
            for item in provision.provisions:
                articles.setdefault(article_label(item), provision)
        clauses = asides(self.text, sentence)
        dating = SentenceDates(self.text, facts.dates, facts.outcomes, clauses, carry.last_date)
        evidence = Evidence.of(self.text, sentence.start, sentence.end)
        edges = attach(self.text, facts, candidates, self._names_a_place)
        here: dict[int, list[OutcomeRecord]] = {}
        office = {m.person for m in candidates if m.office}
        for edge in edges:
            fact = edge.fact
            if isinstance(fact, OutcomeMention):
                self._give_outcome(edge, fact, dating, clauses, evidence, here)
            elif isinstance(fact, FollowupMention):
                self._give_followup(edge.person, fact, facts, evidence)
            elif isinstance(fact, ProvisionMention):
                labels = [article_label(item) for item in fact.provisions]
                self._give_articles(
                    edge.person, labels, dict.fromkeys(labels, fact), dating, evidence
                )
            elif isinstance(fact, StateMention) and edge.person not in office:
                self.facts[edge.person].held += 1
        self.edges += edges
        self._loose_articles(edges, articles, dating, evidence)
        self._loose_outcomes(edges, facts, dating, evidence)
        self._group_facts(sentence, mentions, candidates, facts, articles, dating, evidence)
        if articles:
            carry.last_articles = articles
        elif candidates and _SAME_PROVISION.search(self.text, sentence.start, sentence.end):
            labels = list(carry.last_articles)
            for person, _ in targets(self.text, candidates, sentence.end, sentence.end):
                self._give_articles(person, labels, carry.last_articles, dating, evidence)
                self.edges += [
                    Edge(carry.last_articles[label], person, Rule.SAME_ARTICLE) for label in labels
                ]
        self._events(sentence, facts, candidates, edges, here, articles, dating, evidence)

    def _suspend_prison_terms(self, candidates: list[Mention]) -> None:
        """ "For A and B the court replaced imprisonment with probation": the prison term
        each was last given is a suspended one."""
        for person in dict.fromkeys(m.person for m in candidates if not m.office):
            for stated in reversed(self.facts[person].outcomes):
                if stated.record.kind is PenaltyKind.PRISON and stated.record.amount:
                    stated.record.kind = PenaltyKind.SUSPENDED
                    break

    def _loose_articles(
        self, edges: list[Edge], articles: Articles, dating: SentenceDates, evidence: Evidence
    ) -> None:
        """Articles given to no one wait one sentence: "Two women were found guilty under
        article N. A and B were fined 30,000 and 45,000 roubles respectively." """
        carry = self._carry
        if not articles and carry.loose and carry.loose_at == (carry.paragraph, carry.sentence - 1):
            punished = {
                e.person
                for e in edges
                if isinstance(e.fact, OutcomeMention) and e.fact.kind in _PENALTIES
            }
            for person in sorted(punished):
                self._give_articles(person, list(carry.loose), carry.loose, dating, evidence)
                self.edges += [
                    Edge(source, person, Rule.CARRIED) for source in carry.loose.values()
                ]
        given = {id(e.fact) for e in edges if isinstance(e.fact, ProvisionMention)}
        carry.loose = {label: p for label, p in articles.items() if id(p) not in given}
        carry.loose_at = (carry.paragraph, carry.sentence)
        carry.paragraph_loose.update(carry.loose)

    def _loose_outcomes(
        self, edges: list[Edge], facts: SentenceFacts, dating: SentenceDates, evidence: Evidence
    ) -> None:
        """Penalties given to no one wait for the list the paragraph may introduce."""
        given = {id(e.fact) for e in edges if isinstance(e.fact, OutcomeMention)}
        for outcome in facts.outcomes:
            if id(outcome) in given or outcome.kind not in _PENALTIES:
                continue
            record = OutcomeRecord(
                outcome.kind,
                outcome.contract_amount,
                dating.for_fact(outcome.start, outcome.end) or self._carry.last_date,
                evidence,
                anchor=(outcome.start, outcome.end),
            )
            self._carry.paragraph_loose_outcomes.append((outcome, record))

    def _list_item(
        self, sentence: Segment, candidates: list[Mention], facts: SentenceFacts
    ) -> None:
        """The first person a bulleted item under a lead-in names is one the document
        reports about, and is given the articles the lead-in paragraph gave to no one ("...
        cases under article 488. The outcomes known to us are:" / "- X: 10 days"); a
        paragraph that is not such an item ends the list."""
        carry = self._carry
        named = [m for m in candidates if m.named and not m.office]
        # "3-4. A and B were fined ...": an item may name a coordinated pair
        first = candidates.index(named[0]) if named else -1
        listed = list(
            dict.fromkeys(
                candidates[i].person
                for i in (coordinated(self.text, candidates, first) if named else [])
                if candidates[i].named and not candidates[i].office
            )
        )
        if carry.list_articles and listed:
            dating = SentenceDates(self.text, facts.dates, facts.outcomes, [], carry.last_date)
            evidence = Evidence.of(self.text, sentence.start, sentence.end)
            sources = carry.list_articles
            for person in listed:
                self._give_articles(person, list(sources), sources, dating, evidence)
                self.edges += [Edge(source, person, Rule.CARRIED) for source in sources.values()]
        if carry.list_outcomes and named and not facts.outcomes:
            # "- X;" under "... 15 days each. They are:": the item states no penalty of its own
            self._give_copies(named[0].person, carry.list_outcomes, Rule.CARRIED)
        if not carry.lead_in:
            return
        if not ITEM_START.match(self.text, sentence.start, sentence.end):
            carry.lead_in = False
            return
        if named:
            self.facts[named[0].person].listed += 1

    # -- giving facts to people ---------------------------------------------------------
    def _give_copies(
        self, person: int, outcomes: list[tuple[OutcomeMention, OutcomeRecord]], rule: Rule
    ) -> None:
        """Give a person their own copy of outcomes stated for others or for no one (an
        unnamed group's, a lead-in's), marked as carried."""
        carry = self._carry
        for outcome, record in outcomes:
            copy = OutcomeRecord(
                record.kind, record.amount, record.date, record.evidence, anchor=record.anchor
            )
            self.facts[person].outcomes.append(
                StatedOutcome(copy, carry.sentence, carry.paragraph, None, carried=True)
            )
            self.edges.append(Edge(outcome, person, rule, record.amount))

    def _names_a_place(self, outcome: OutcomeMention) -> bool:
        """ "a room inside the pre-trial detention centre" names a place, not a measure."""
        return self._places.building_at(outcome.start, outcome.end) and not _CUSTODY_VERB.search(
            self.text, max(0, outcome.start - 30), outcome.start
        )

    def _give_outcome(
        self,
        edge: Edge,
        outcome: OutcomeMention,
        dating: SentenceDates,
        clauses: list[tuple[int, int]],
        evidence: Evidence,
        here: dict[int, list[OutcomeRecord]],
    ) -> None:
        when = dating.for_fact(outcome.start, outcome.end)
        sentence = self._carry.sentence
        detention = outcome.amount == "detained"
        background = background_clause(self.text, clauses, outcome.start, detention=detention)
        if (
            background is None
            and detention
            and _WHO_BEFORE.search(self.text, max(0, outcome.start - 12), outcome.start)
        ):
            background = (outcome.start, outcome.end)  # "an activist who was detained, ..."
        if background is not None:
            # "X, who is serving two years of restricted freedom, was detained on 1 May":
            # the term is a state, dated only from inside the clause, and not this
            # sentence's event
            when = dating.in_clause(background, outcome.start)
        elif when is None and outcome.kind in _VERDICT_KINDS:
            # "On 1 July the court sentenced four members ... The following sentences were
            # handed down: - X: 16 years": a penalty told without a date is the verdict's
            when = self._carry.verdict_date
        span = (outcome.start, outcome.end)
        record = OutcomeRecord(outcome.kind, edge.amount, when, evidence, anchor=span)
        self.facts[edge.person].outcomes.append(
            StatedOutcome(
                record, sentence, self._carry.paragraph, span, background=background is not None
            )
        )
        here.setdefault(edge.person, []).append(record)

    def _give_followup(
        self, person: int, cue: FollowupMention, facts: SentenceFacts, evidence: Evidence
    ) -> None:
        due = None
        if cue.dated:
            after = [d for d in facts.dates if 0 <= d.start - cue.end <= _FOLLOWUP_DUE_REACH]
            due = after[0].date if after else None
        self.facts[person].followups.append(
            FollowupRecord(cue.kind, (cue.start, cue.end), evidence, due)
        )

    def _give_articles(
        self,
        person: int,
        labels: list[str],
        sources: Articles,
        dating: SentenceDates,
        evidence: Evidence,
    ) -> None:
        """Link articles to a person, each as a charge anchored on the words that state it."""
        facts = self.facts[person]
        facts.articles.extend(labels)
        for label in labels:
            source = sources.get(label)
            if source is None:
                continue
            facts.charges.append(
                ChargeRecord(
                    article=label,
                    anchor=(source.start, source.end),
                    evidence=evidence,
                    jurisdiction=source.jurisdiction,
                    date=dating.for_fact(source.start, source.end),
                )
            )

    def _group_facts(
        self,
        sentence: Segment,
        mentions: list[Mention],
        candidates: list[Mention],
        facts: SentenceFacts,
        articles: Articles,
        dating: SentenceDates,
        evidence: Evidence,
    ) -> None:
        """Facts of an unnamed counted group go to its members when they are named later.

        "Eleven of its members were remanded in custody. All eleven are charged under
        article 278. ... X and Y, the two women among the defendants, were moved ..."
        """
        carry = self._carry
        paragraph = carry.paragraph
        if carry.group is not None and (
            paragraph - carry.group.paragraph > _GROUP_PARAGRAPHS
            or carry.sentence - carry.group.sentence > _GROUP_SENTENCES
        ):
            carry.group = None
        named = [m for m in mentions if m.named]
        if not named and not (facts.outcomes or articles):
            return  # nothing to hold for a group, and no one to give it to
        if not named and _COUNTED_GROUP.search(self.text, sentence.start, sentence.end):
            outcomes = [
                (
                    outcome,
                    OutcomeRecord(
                        outcome.kind,
                        outcome.contract_amount,
                        dating.for_fact(outcome.start),
                        evidence,
                        anchor=(outcome.start, outcome.end),
                    ),
                )
                for outcome in facts.outcomes
            ]
            if outcomes or articles:
                labels, sources = list(articles), dict(articles)
                group, began = carry.group, carry.sentence
                if group is not None and group.paragraph >= paragraph - 1:
                    outcomes = group.outcomes + outcomes
                    labels = group.labels + labels
                    sources = {**group.sources, **sources}
                    began = group.sentence  # the group still expires from its first mention
                carry.group = _Group(paragraph, began, labels, sources, outcomes)
            return
        group = carry.group
        if group is None or not named:
            return
        if not _MEMBERSHIP.search(self.text, sentence.start, sentence.end):
            return
        members = [
            m.person
            for m in candidates
            if not m.office and not self.text.startswith(("'s", "’s"), m.end)  # "X's son Y"
        ]
        for person in dict.fromkeys(members):
            self._give_articles(person, group.labels, group.sources, dating, evidence)
            self.edges += [Edge(group.sources[label], person, Rule.GROUP) for label in group.labels]
            self._give_copies(person, group.outcomes, Rule.GROUP)

    # -- events -------------------------------------------------------------------------
    def _events(
        self,
        sentence: Segment,
        facts: SentenceFacts,
        candidates: list[Mention],
        edges: list[Edge],
        here: dict[int, list[OutcomeRecord]],
        articles: Articles,
        dating: SentenceDates,
        evidence: Evidence,
    ) -> None:
        office = {m.person for m in candidates if m.office}
        types: dict[int, set[EventType]] = {}
        people_of: dict[Trigger, list[int]] = {trigger: [] for trigger in facts.triggers}
        for edge in edges:
            if not isinstance(edge.fact, Trigger):
                continue
            people_of[edge.fact].append(edge.person)
            types.setdefault(edge.person, set()).add(edge.fact.type)
            if edge.person not in office and about_people(edge.fact.type):
                self.facts[edge.person].trigger_hits += 1
            if edge.fact.type in DEATHS:
                self.facts[edge.person].killed = True
        when = {
            trigger: (dating.for_fact(trigger.start) if facts.dates or people_of[trigger] else None)
            for trigger in facts.triggers
        }
        builder = SentenceEvents(
            self.low,
            sentence,
            evidence,
            self._names,
            list(articles),
            self._places.first_in(sentence) if facts.triggers or here else None,
        )
        self.events += builder.build(facts.triggers, edges, here, when)
        for person, person_types in types.items():
            person_facts = self.facts[person]
            if person_facts.posthumous or not is_posthumous(person_types, person_facts.killed):
                continue
            person_facts.posthumous = True
            record = OutcomeRecord(
                PenaltyKind.OTHER,
                "posthumous conviction",
                dating.for_fact(sentence.start),
                evidence,
                anchor=(sentence.start, sentence.end),
            )
            person_facts.outcomes.append(
                StatedOutcome(
                    record,
                    self._carry.sentence,
                    self._carry.paragraph,
                    (sentence.start, sentence.start),
                )
            )
