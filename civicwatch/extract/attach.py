"""Attaching provisions, outcomes, dates and events to the people a sentence is about.

Reports put the facts about a person in the sentence that names (or refers to) them:
"On 3 May 2024, a court found X guilty under Criminal Code article 274 and sentenced her to
two years of restricted freedom". The rules, in order of use:

- a fact belongs to the nearest person mention before it in the sentence (after it when
  none precedes), extended to the coordinated list that mention is part of ("X, Y and Z
  were detained and fined"); a pronoun or group word stands in for people when the
  sentence names nobody (see :mod:`.coref`);
- "respectively" hands the amounts of one outcome to the listed people in order;
- people only quoted or cited ("according to X", "X said") receive nothing;
- an outcome's date is the nearest date before it in the sentence, ignoring dates inside a
  dash or bracket aside it is not part of, or a "since ..." date right after it (the start
  of a detention), else the first date after it, else the last date of the paragraph so
  far (so a fine "subsequently" handed down takes the date of the protest);
- a brief police detention (``other``/"detained") is dropped when the same sentence gives
  the person a penalty, and a release after such a detention, or a move from pre-trial
  detention to house arrest, is not a release.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.records import (
    ChargeRecord,
    EventRecord,
    Evidence,
    FollowupRecord,
    OutcomeRecord,
    Participant,
)
from civicwatch.core.vocab import (
    EventGroup,
    EventType,
    Freedom,
    InvolvementRole,
    PenaltyKind,
    PersonRole,
    PlaceKind,
    event_group,
)
from civicwatch.extract.coref import Mention, Person, coordinated
from civicwatch.extract.sentences import Segment

__all__ = ["Assembler", "Item"]


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    kind: str  # "provision" | "date" | "outcome" | "trigger" | "followup"
    value: Any


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """Where a sentence states an article: the mention's span and the code's country."""

    anchor: tuple[int, int]
    jurisdiction: str | None


@dataclass(slots=True)
class Facts:
    articles: list[str] = field(default_factory=list)
    charges: list[ChargeRecord] = field(default_factory=list)
    followups: list[FollowupRecord] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)  # (sentence, paragraph)
    spans: list[tuple[int, int]] = field(default_factory=list)  # outcome mention spans
    trigger_hits: int = 0
    cooccurrences: int = 0
    killed: bool = False
    posthumous: bool = False


_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s)?\W{0,3}\s*(?:has\s+|had\s+|also\s+)?(?:said|says|stated|states|told|noted|"
    r"claimed|argued|added|explained|wrote|believed|believes|stressed|commented|announced|"
    r"called|urged|expressed|concluded|insisted)\b"
)
_SPEAKER_BEFORE = re.compile(r"(?:according\s+to|quoted|cited|said|told)\s+(?:\w+\s+){0,3}$", re.I)
_ASIDE = re.compile(
    r"\s[–—-]\s[^–—]{1,160}?\s[–—-]\s|\([^()]{1,160}\)|,\s(?:who|whose|which)\s[^,;()]{1,120},"
)
_SERVING_CLAUSE = re.compile(
    r",\s(?:who|whose)\s(?:\w+\s){0,2}?(?:is|are|was|were|has\s+been|had\s+been)\s+"
    r"(?:already\s+|still\s+)?serving\b"
)
# "the four-year prison sentence handed down in December 2023": the date of that outcome
_IMPOSED_GAP = re.compile(
    r"(?:[\s-]+[\w’'-]+){0,4}?\s+(?:(?:that|which)\s+)?(?:(?:he|she|they)\s+(?:had\s+)?)?"
    r"(?:imposed|handed\s+down|received|passed|given|issued)(?:\s+(?:on|to)\s+(?:him|her|them))?"
    r"\s+(?:in|on)\s+$"
)

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
    r"\b(?:among\s+(?:the|them|those)\b|of\s+the\s+defendants\b|the\s+others\b|"
    r"co-defendants?\b|the\s+rest\b|one\s+of\s+them\b)",
    re.I,
)
_ACTED_UPON_BEFORE = re.compile(
    r"\b(?:sentenced|convicted|fined|detained|arrested|charged|jailed|acquitted|released|"
    r"against|of|accused|found)\b(?:\s+[\w’'-]+){0,4}\s*$",
    re.I,
)
_PASSIVE_AFTER = re.compile(
    r"^(?:['’]s)?[\s,]*(?:\([^()]*\)\s*)?(?:was|were|has\s+been|had\s+been|is|received|got)\b",
    re.I,
)
_SAME_PROVISION = re.compile(r"\bsame\s+(?:article|charges?|provision|offence|offense)\b", re.I)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)
_TARGET_ROLES = frozenset(
    {
        PersonRole.ACTIVIST,
        PersonRole.JOURNALIST,
        PersonRole.BLOGGER,
        PersonRole.HUMAN_RIGHTS_DEFENDER,
    }
)
_OUTCOME_EVENT = {
    PenaltyKind.PRISON: EventType.SENTENCE,
    PenaltyKind.SUSPENDED: EventType.SENTENCE,
    PenaltyKind.RESTRICTED_FREEDOM: EventType.SENTENCE,
    PenaltyKind.FINE: EventType.ADMINISTRATIVE_FINE,
    PenaltyKind.ADMIN_DETENTION: EventType.ADMINISTRATIVE_DETENTION,
    PenaltyKind.HOUSE_ARREST: EventType.HOUSE_ARREST,
    PenaltyKind.PRETRIAL_DETENTION: EventType.PRETRIAL_DETENTION,
    PenaltyKind.ACQUITTED: EventType.ACQUITTAL,
    PenaltyKind.RELEASED: EventType.RELEASE,
    PenaltyKind.ACTIVITY_BAN: EventType.ACTIVITY_BAN,
    PenaltyKind.PUBLIC_LABOUR: EventType.SENTENCE,
    PenaltyKind.TRAVEL_BAN: EventType.TRAVEL_RESTRICTION,
}
_CONVICTIONS = frozenset(
    {EventType.CONVICTION, EventType.SENTENCE, EventType.POSTHUMOUS_CONVICTION}
)
_DEATHS = frozenset({EventType.KILLING, EventType.DEATH_IN_CUSTODY})
_TRIGGER_REACH = 110  # characters between a trigger and the person it is about
_FOLLOWING_REACH = 60  # a fact may precede its person: "Police detained X"


class Assembler:
    """Walks the sentences of one document and collects facts per person and events."""

    def __init__(self, text: str, people: list[Person], published: date | None) -> None:
        self.text = text
        self.people = people
        self.published = published
        self.facts = [Facts() for _ in people]
        self.events: list[EventRecord] = []
        self.places: Sequence[Any] = ()
        self.organisations: Sequence[Any] = ()
        self._items: list[Item] = []
        self._starts: list[int] = []
        self._last_date: FuzzyDate | None = None
        self._paragraph = -1
        self._sentence_index = -1
        self._place_starts: list[int] | None = None
        self._asides: list[tuple[int, int]] = []
        self._claimed: dict[int, int] = {}  # date start -> end of the outcome it dates
        self._freedom_cache: dict[tuple[EventType, int], list[Freedom]] = {}
        self._sentence_articles: list[str] = []
        self._article_sources: dict[str, ArticleSource] = {}
        self._last_articles: list[str] = []
        self._last_article_sources: dict[str, ArticleSource] = {}
        self._previous: tuple[int, list[int]] = (-1, [])
        self._pending: (
            tuple[int, list[str], list[OutcomeRecord], dict[str, ArticleSource]] | None
        ) = None

    def load(self, items: list[Item]) -> None:
        self._items = items
        self._starts = [item.start for item in items]

    # -- per sentence -----------------------------------------------------------------
    def sentence(self, sentence: Segment, paragraph: int, mentions: list[Mention]) -> None:
        self._sentence_index += 1
        if paragraph != self._paragraph:
            self._paragraph = paragraph
            self._last_date = None
        low = bisect.bisect_left(self._starts, sentence.start)
        high = bisect.bisect_left(self._starts, sentence.end)
        items = self._items[low:high]
        self._asides = [m.span() for m in _ASIDE.finditer(self.text, sentence.start, sentence.end)]
        self._article_sources = {}
        for item in items:
            if item.kind == "provision":
                for provision in getattr(item.value, "provisions", ()):
                    self._article_sources.setdefault(
                        _label(provision),
                        ArticleSource((item.start, item.end), item.value.jurisdiction),
                    )
        self._sentence_articles = list(self._article_sources)
        dates = [item for item in items if item.kind == "date" and _date_of(item) is not None]
        self._claimed = {
            date_item.start: item.end
            for item in items
            if item.kind == "outcome"
            for date_item in dates
            if 0 <= date_item.start - item.end <= 70
            and _IMPOSED_GAP.match(self.text, item.end, date_item.start)
        }
        candidates = [m for m in mentions if not self._is_speaker(m, sentence)]
        evidence = Evidence.of(self.text, sentence.start, sentence.end)
        outcomes_here: dict[int, list[OutcomeRecord]] = {}
        if candidates:
            for item in items:
                if item.kind == "outcome":
                    self._outcome(item, candidates, dates, sentence, evidence, outcomes_here)
                elif item.kind == "followup":
                    self._followup(item, candidates, dates, evidence)
                elif item.kind == "provision":
                    labels = [_label(p) for p in getattr(item.value, "provisions", ())]
                    source = ArticleSource((item.start, item.end), item.value.jurisdiction)
                    for person in self._targets(candidates, item):
                        self._give_articles(
                            person, labels, dict.fromkeys(labels, source), dates, sentence
                        )
        self._group_facts(sentence, paragraph, mentions, candidates, items, dates, evidence)
        if self._sentence_articles:
            self._last_articles = list(self._sentence_articles)
            self._last_article_sources = dict(self._article_sources)
        elif candidates and _SAME_PROVISION.search(self.text, sentence.start, sentence.end):
            anchor = Item(sentence.end, sentence.end, "provision", None)
            for person in self._targets(candidates, anchor):
                self._give_articles(
                    person, self._last_articles, self._last_article_sources, dates, sentence
                )
        triggers = [item for item in items if item.kind == "trigger"]
        self._events(triggers, candidates, dates, sentence, evidence, outcomes_here)
        if triggers:
            present = [m.person for m in candidates if not m.office and not m.implicit]
            if not candidates and self._previous[0] == paragraph:
                # "X found a funeral wreath at his door. Police opened a case for threats."
                present = self._previous[1]
            for person in present:
                self.facts[person].cooccurrences += 1
        self._previous = (
            paragraph,
            [m.person for m in candidates if not m.office and not m.implicit],
        )
        if dates:
            # What later sentences inherit: the date the sentence opens with ("On 5 January
            # 2023, on the anniversary of the January 2022 events, ..."), else its last one.
            leading = dates[0].start - sentence.start < 30
            self._last_date = _date_of(dates[0] if leading else dates[-1])

    def _followup(
        self, item: Item, candidates: list[Mention], dates: list[Item], evidence: Evidence
    ) -> None:
        cue = item.value
        due = None
        if cue.dated:
            after = [d for d in dates if 0 <= d.start - item.end <= 40]
            due = _date_of(after[0]) if after else None
        for person in self._targets(candidates, item):
            self.facts[person].followups.append(
                FollowupRecord(cue.kind, (item.start, item.end), evidence, due)
            )

    def _give_articles(
        self,
        person: int,
        labels: list[str],
        sources: dict[str, ArticleSource],
        dates: list[Item],
        sentence: Segment,
    ) -> None:
        """Link articles to a person, each as a charge anchored on the words that state it."""
        facts = self.facts[person]
        facts.articles.extend(labels)
        for label in labels:
            source = sources.get(label)
            if source is None:
                continue
            start, end = source.anchor
            facts.charges.append(
                ChargeRecord(
                    article=label,
                    anchor=source.anchor,
                    evidence=Evidence.of(self.text, sentence.start, sentence.end),
                    jurisdiction=source.jurisdiction,
                    date=self._date_for(start, dates, sentence, end),
                )
            )

    def _group_facts(
        self,
        sentence: Segment,
        paragraph: int,
        mentions: list[Mention],
        candidates: list[Mention],
        items: list[Item],
        dates: list[Item],
        evidence: Evidence,
    ) -> None:
        """Facts of an unnamed counted group go to its members when they are named later.

        "Eleven of its members were remanded in custody. All eleven are charged under
        article 278. ... X and Y, the two women among the defendants, were moved ..."
        """
        if self._pending is not None and paragraph - self._pending[0] > 2:
            self._pending = None
        named = [m for m in mentions if m.named]
        if not named and _COUNTED_GROUP.search(self.text, sentence.start, sentence.end):
            outcomes = [
                OutcomeRecord(
                    item.value.kind,
                    getattr(item.value, "contract_amount", item.value.amount),
                    self._date_for(item.start, dates, sentence),
                    evidence,
                    anchor=(item.start, item.end),
                )
                for item in items
                if item.kind == "outcome" and not _is_detention_mention(item.value)
            ]
            if outcomes or self._sentence_articles:
                sources = dict(self._article_sources)
                if self._pending is not None and self._pending[0] >= paragraph - 1:
                    _, articles, earlier, earlier_sources = self._pending
                    outcomes = earlier + outcomes
                    articles = articles + self._sentence_articles
                    sources = {**earlier_sources, **sources}
                else:
                    articles = list(self._sentence_articles)
                self._pending = (paragraph, articles, outcomes, sources)
            return
        if self._pending is None or not named:
            return
        if not _MEMBERSHIP.search(self.text, sentence.start, sentence.end):
            return
        _, articles, outcomes, sources = self._pending
        for person in dict.fromkeys(m.person for m in candidates if not m.office):
            self._give_articles(person, articles, sources, dates, sentence)
            for record in outcomes:
                self.facts[person].outcomes.append(
                    OutcomeRecord(
                        record.kind,
                        record.amount,
                        record.date,
                        record.evidence,
                        anchor=record.anchor,
                    )
                )
                self.facts[person].where.append((-1, -1))
                self.facts[person].spans.append((-1, -1))

    def _is_speaker(self, mention: Mention, sentence: Segment) -> bool:
        after = self.text[mention.end : min(sentence.end, mention.end + 40)]
        before = self.text[max(sentence.start, mention.start - 40) : mention.start]
        return bool(_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before))

    def _targets(
        self, candidates: list[Mention], item: Item, reach: int | None = None
    ) -> list[int]:
        """People a fact at ``item`` is about: nearest mention and its coordinated list."""
        anchor = None
        for index, mention in enumerate(candidates):
            if mention.end <= item.start:
                anchor = index
        if anchor is None:
            for index, mention in enumerate(candidates):
                if mention.start >= item.start:
                    anchor = index
                    break
            if anchor is None:
                return []
            following = candidates[anchor]
            if following.office or following.start - item.end > _FOLLOWING_REACH:
                return []  # "X was arrested ... President Tokayev": not about Tokayev
        chosen = candidates[anchor]
        if reach is not None:
            distance = (
                item.start - chosen.end if chosen.end <= item.start else chosen.start - item.end
            )
            if distance > reach:
                return []
        same_span = [
            i for i, m in enumerate(candidates) if (m.start, m.end) == (chosen.start, chosen.end)
        ]
        indices = set(same_span)
        if len(same_span) == 1:
            indices.update(coordinated(self.text, candidates, anchor))
        people = [candidates[i].person for i in sorted(indices)]
        return list(dict.fromkeys(people))

    def _eligible(self, mention: Mention) -> bool:
        """An office holder receives an outcome only as its object ("sentenced military
        officer X to ...", "General Y was convicted"), not as the actor ("President X
        pardoned several prisoners")."""
        if not mention.office:
            return True
        before = self.text[max(0, mention.start - 60) : mention.start]
        after = self.text[mention.end : mention.end + 40]
        return bool(_ACTED_UPON_BEFORE.search(before) or _PASSIVE_AFTER.match(after))

    def _outcome(
        self,
        item: Item,
        candidates: list[Mention],
        dates: list[Item],
        sentence: Segment,
        evidence: Evidence,
        here: dict[int, list[OutcomeRecord]],
    ) -> None:
        mention = item.value
        if self._in_building(item) and not _CUSTODY_VERB.search(
            self.text, max(0, item.start - 30), item.start
        ):
            return  # "a room inside the pre-trial detention centre" names a place
        targets = self._targets([m for m in candidates if self._eligible(m)], item)
        if not targets:
            return
        kind: PenaltyKind = mention.kind
        amount = getattr(mention, "contract_amount", mention.amount)
        amounts = tuple(getattr(mention, "amounts", ()) or ())
        when = self._date_for(item.start, dates, sentence, item.end)
        sentence_key = self._sentence_index
        background = self._background(item)
        if background is not None:
            # "X, who is serving two years of restricted freedom, was detained on 1 May":
            # the term is a state, dated only from inside the clause, and not this
            # sentence's event
            inside = [d for d in dates if background[0] <= d.start < item.start]
            when = _date_of(inside[-1]) if inside else None
            sentence_key = -2 - self._sentence_index
        distribute = len(amounts) == len(targets) and len(amounts) > 1
        for position, person in enumerate(targets):
            value = amounts[position] if distribute else amount
            if value is None and amounts and not distribute:
                value = amounts[0]
            record = OutcomeRecord(kind, value, when, evidence, anchor=(item.start, item.end))
            self.facts[person].outcomes.append(record)
            self.facts[person].where.append((sentence_key, self._paragraph))
            self.facts[person].spans.append((item.start, item.end))
            here.setdefault(person, []).append(record)

    def _background(self, item: Item) -> tuple[int, int] | None:
        """The relative clause ("who is serving ...") an outcome is stated in, if any."""
        for start, end in self._asides:
            if start <= item.start < end and _SERVING_CLAUSE.match(self.text, start, end):
                return start, end
        return None

    def _in_building(self, item: Item) -> bool:
        if self._place_starts is None:
            self._place_starts = [p.start for p in self.places]
        index = bisect.bisect_right(self._place_starts, item.start) - 1
        while index >= 0:
            place = self.places[index]
            if place.end > item.start and place.kind is PlaceKind.BUILDING:
                return (place.start <= item.start and item.end <= place.end) or (
                    item.start < place.end and place.start < item.end
                )
            if place.end <= item.start and item.start - place.end > 200:
                break
            index -= 1
        return False

    def _date_for(
        self, position: int, dates: list[Item], sentence: Segment, end: int | None = None
    ) -> FuzzyDate | None:
        asides = self._asides
        claimed = self._claimed
        if end is not None and claimed:
            for item in dates:
                if claimed.get(item.start) == end:
                    return _date_of(item)  # "the sentence imposed on him in January 2023"

        def allowed(item: Item) -> bool:
            if item.start in claimed:
                return False  # the date of another outcome named in passing
            for start, end in asides:
                if start <= item.start < end:
                    return start <= position < end or 0 <= start - position <= 40
            return True

        for item in dates:
            if 0 <= item.start - position <= 80 and _SINCE.search(
                self.text[max(0, item.start - 12) : item.start]
            ):
                return _date_of(item)
        before = [d for d in dates if d.end <= position and allowed(d)]
        if before:
            return _date_of(before[-1])
        after = [d for d in dates if d.start >= position and allowed(d)]
        if after:
            return _date_of(after[0])
        return self._last_date

    # -- events -----------------------------------------------------------------------
    def _events(
        self,
        triggers: list[Item],
        candidates: list[Mention],
        dates: list[Item],
        sentence: Segment,
        evidence: Evidence,
        outcomes_here: dict[int, list[OutcomeRecord]],
    ) -> None:
        covered: set[int] = set()
        types_by_person: dict[int, set[EventType]] = {}
        by_type: dict[EventType, EventRecord] = {}
        place = self._place_in(sentence)
        for trigger in triggers:
            event_type = getattr(trigger.value, "type", None)
            if not isinstance(event_type, EventType):
                continue
            explicit = [m for m in candidates if not m.implicit]
            targets = self._targets(explicit, trigger, _TRIGGER_REACH) if explicit else []
            office = {m.person for m in candidates if m.office}
            for person in targets:
                types_by_person.setdefault(person, set()).add(event_type)
                if person not in office:
                    self.facts[person].trigger_hits += 1
                if event_type in _DEATHS:
                    self.facts[person].killed = True
            role = (
                InvolvementRole.DEFENDANT
                if event_group(event_type) is EventGroup.JUSTICE
                else InvolvementRole.TARGET
            )
            outcome = next(
                (record for person in targets for record in outcomes_here.get(person, ())), None
            )
            for person in targets:
                covered.add(person)
            participants = [Participant(self.people[p].name, role, index=p) for p in targets]
            same = by_type.get(event_type)
            if same is not None:  # one event per type and sentence: merge the mentions
                for participant in participants:
                    if participant not in same.participants:
                        same.participants.append(participant)
                same.outcome = same.outcome or outcome
                continue
            when = self._date_for(trigger.start, dates, sentence)
            if not dates and not targets:
                when = None  # an inherited date is only trusted for a named person's event
            event = EventRecord(
                type=event_type,
                evidence=evidence,
                date=when,
                participants=participants,
                articles=self._articles_in(sentence),
                outcome=outcome,
                place=place,
                freedoms=self._freedoms(event_type, sentence),
                anchor=(trigger.start, trigger.end),
            )
            by_type[event_type] = event
            self.events.append(event)
        for person, types in types_by_person.items():
            if self.facts[person].posthumous:
                continue
            if types & _CONVICTIONS and (self.facts[person].killed or types & _DEATHS):
                self.facts[person].posthumous = True
                when = self._date_for(sentence.start, dates, sentence)
                self.facts[person].outcomes.append(
                    OutcomeRecord(
                        PenaltyKind.OTHER,
                        "posthumous conviction",
                        when,
                        evidence,
                        anchor=(sentence.start, sentence.end),
                    )
                )
                self.facts[person].where.append((self._sentence_index, self._paragraph))
                self.facts[person].spans.append((sentence.start, sentence.start))
        for person, records in outcomes_here.items():
            if person in covered:
                continue
            for record in records:
                event_type = _OUTCOME_EVENT.get(record.kind)
                if record.kind is PenaltyKind.OTHER and record.amount == "detained":
                    event_type = EventType.DETENTION
                if event_type is None:
                    continue
                self.events.append(
                    EventRecord(
                        type=event_type,
                        evidence=evidence,
                        date=record.date,
                        participants=[
                            Participant(
                                self.people[person].name, InvolvementRole.DEFENDANT, index=person
                            )
                        ],
                        articles=self._articles_in(sentence),
                        outcome=record,
                        place=place,
                        freedoms=self._freedoms(event_type, sentence),
                        anchor=record.anchor,
                    )
                )

    def _articles_in(self, sentence: Segment) -> list[str]:
        return list(self._sentence_articles)

    def _place_in(self, sentence: Segment) -> str | None:
        if self._place_starts is None:
            self._place_starts = [p.start for p in self.places]
        index = bisect.bisect_left(self._place_starts, sentence.start)
        while index < len(self.places) and self.places[index].start < sentence.end:
            place = self.places[index]
            if place.kind in (PlaceKind.CITY, PlaceKind.REGION, PlaceKind.BUILDING):
                return str(place.name)
            index += 1
        return None

    def _freedoms(self, event_type: EventType, sentence: Segment) -> list[Freedom]:
        key = (event_type, sentence.start)
        if key not in self._freedom_cache:
            self._freedom_cache = {key: self._compute_freedoms(event_type, sentence)}
        return list(self._freedom_cache[key])

    def _compute_freedoms(self, event_type: EventType, sentence: Segment) -> list[Freedom]:
        freedoms_for = _freedoms_function()
        if freedoms_for is None:
            return []
        try:
            found = freedoms_for(event_type, self.text[sentence.start : sentence.end])
        except Exception:  # the freedoms are a convenience, never a reason to fail
            return []
        return [f for f in found if isinstance(f, Freedom)]

    # -- results ----------------------------------------------------------------------
    def finish(self) -> None:
        """Drop outcomes the annotation conventions do not count (see module docstring).

        Linear in the number of outcomes: the context each rule needs (other outcomes of
        the same sentence or paragraph) is indexed first.
        """
        for facts in self.facts:
            by_sentence: dict[int, list[OutcomeRecord]] = {}
            paragraph_kinds: dict[int, set[PenaltyKind]] = {}
            first_prison: dict[int, int] = {}  # paragraph -> start of its first prison term
            with_amount: set[PenaltyKind] = set()
            for record, (sentence, paragraph) in zip(facts.outcomes, facts.where, strict=True):
                by_sentence.setdefault(sentence, []).append(record)
                paragraph_kinds.setdefault(paragraph, set()).add(record.kind)
                if record.amount is not None:
                    with_amount.add(record.kind)
            for record, (_, paragraph), span in zip(
                facts.outcomes, facts.where, facts.spans, strict=True
            ):
                if record.kind is PenaltyKind.PRISON and span[0] >= 0:
                    first_prison.setdefault(paragraph, span[0])
            keep: list[OutcomeRecord] = []
            where: list[tuple[int, int]] = []
            seen: set[tuple[str, str | None, str | None]] = set()
            detained_in: set[int] = set()
            kinds_kept: set[PenaltyKind] = set()
            spans = dict(zip(map(id, facts.outcomes), facts.spans, strict=True))
            for record, (sentence, paragraph) in zip(facts.outcomes, facts.where, strict=True):
                others = [o for o in by_sentence[sentence] if o is not record]
                if _is_detention(record):
                    detained_in.add(paragraph)
                    if any(
                        not _is_detention(o) and o.kind is not PenaltyKind.RELEASED for o in others
                    ):
                        continue
                    if paragraph_kinds[paragraph] & _CUSTODY_AFTER_DETENTION:
                        continue  # the detention is the start of that measure
                    if first_prison.get(paragraph, len(self.text)) < spans[id(record)][0]:
                        continue  # "... the prison term he received. He had been arrested ..."
                if record.amount is None and (
                    record.kind in with_amount or record.kind in kinds_kept
                ):
                    continue  # "the restricted freedom sentence handed to him" again
                if record.kind is PenaltyKind.RELEASED and (
                    any(
                        o.kind is PenaltyKind.HOUSE_ARREST
                        and not self._released_from(spans[id(record)], spans[id(o)])
                        for o in others
                    )
                    or paragraph in detained_in
                ):
                    continue  # a move to house arrest, or the end of a brief detention
                key = (record.kind.value, record.amount, str(record.date) if record.date else None)
                if key in seen:
                    continue
                seen.add(key)
                kinds_kept.add(record.kind)
                keep.append(record)
                where.append((sentence, paragraph))
            kept_spans = [spans[id(record)] for record in keep]
            facts.outcomes, facts.where, facts.spans = keep, where, kept_spans

    def _released_from(self, release: tuple[int, int], measure: tuple[int, int]) -> bool:
        """ "released her from house arrest": the release ends that measure."""
        if release[0] < 0 or measure[0] < release[1]:
            return False
        between = self.text[release[1] : measure[0]]
        return len(between) < 30 and bool(re.search(r"\bfrom\b", between))

    def salient_indices(self) -> list[int]:
        """The people who are persons of the document, in order of first mention."""
        return [person.index for person in self.people if self.is_salient(person.index)]

    def is_salient(self, index: int) -> bool:
        """Whether the document reports something about this person (see pipeline)."""
        facts = self.facts[index]
        person = self.people[index]
        if facts.outcomes or facts.articles:
            return True
        if person.office_mentions >= len(person.mentions):
            return False
        if facts.trigger_hits:
            return True
        dominant = person.roles.most_common(1)
        return bool(dominant) and dominant[0][0] in _TARGET_ROLES and facts.cooccurrences > 0


_CUSTODY_AFTER_DETENTION = frozenset(
    {PenaltyKind.PRETRIAL_DETENTION, PenaltyKind.ADMIN_DETENTION, PenaltyKind.FINE}
)


@cache
def _freedoms_function() -> Any:
    try:
        from civicwatch.extract.triggers import freedoms_for
    except Exception:  # missing or broken module: no freedoms, events still come out
        return None
    return freedoms_for


def _label(provision: Any) -> str:
    """The article as monitors cite it: parts dropped ("Part 1 of Article 174" is CC 174,
    Azerbaijani "206.3.2" is CC 206); numbered sub-articles kept ("CAO 456-2")."""
    base = getattr(provision, "base", provision)
    label = str(base.label)
    code, _, article = label.partition(" ")
    if "." in article:
        return f"{code} {article.split('.', 1)[0]}"
    return label


def _is_detention_mention(mention: Any) -> bool:
    return getattr(mention, "amount", None) == "detained"


def _is_detention(record: OutcomeRecord) -> bool:
    return record.kind is PenaltyKind.OTHER and record.amount == "detained"


def _date_of(item: Item) -> FuzzyDate | None:
    value = getattr(item.value, "date", None)
    return value if isinstance(value, FuzzyDate) else None
