"""Attachment alone (civicwatch.extract.attach): a sentence's facts and its person mentions
in, (fact, person, rule) edges out. Mentions and facts are built by hand, so these tests
need neither the name finder nor coreference."""

from __future__ import annotations

from civicwatch.core.vocab import EventType, PenaltyKind
from civicwatch.extract.attach import Edge, Rule, attach, speakers_removed, targets
from civicwatch.extract.coref import Mention
from civicwatch.extract.facts import SentenceFacts
from civicwatch.extract.outcomes import OutcomeMention, find_outcomes
from civicwatch.extract.sentences import Segment
from civicwatch.extract.triggers import Trigger, find_triggers


def mention(text: str, name: str, person: int, **flags: bool) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), person, **flags)


def people(edges: list[Edge]) -> list[tuple[int, Rule, str | None]]:
    return [(edge.person, edge.rule, edge.amount) for edge in edges]


def test_a_fact_goes_to_the_nearest_person_before_it() -> None:
    text = "Aibek Sultanov was fined 100 EUR, and Marat Kenes was sentenced to two years."
    mentions = [mention(text, "Aibek Sultanov", 0), mention(text, "Marat Kenes", 1)]
    facts = SentenceFacts(outcomes=find_outcomes(text))
    assert people(attach(text, facts, mentions)) == [
        (0, Rule.NEAREST, "100 EUR"),
        (1, Rule.NEAREST, "2 years"),
    ]


def test_a_coordinated_list_shares_the_fact() -> None:
    text = "Dana Abilova, Yerlan Temir and Olzhas Nur were each fined 150 EUR."
    mentions = [
        mention(text, "Dana Abilova", 0),
        mention(text, "Yerlan Temir", 1),
        mention(text, "Olzhas Nur", 2),
    ]
    edges = attach(text, SentenceFacts(outcomes=find_outcomes(text)), mentions)
    assert people(edges) == [
        (0, Rule.LIST, "150 EUR"),
        (1, Rule.LIST, "150 EUR"),
        (2, Rule.NEAREST, "150 EUR"),
    ]


def test_a_fact_before_its_person_goes_to_the_first_one_after_it() -> None:
    text = "Police detained Aigerim Bolat and Saule Esen outside the akimat."
    mentions = [mention(text, "Aigerim Bolat", 0), mention(text, "Saule Esen", 1)]
    triggers = find_triggers(text)
    edges = attach(text, SentenceFacts(triggers=triggers), mentions)
    assert people(edges) == [(0, Rule.FOLLOWING, None), (1, Rule.LIST, None)]
    assert all(isinstance(edge.fact, Trigger) for edge in edges)


def test_respectively_hands_out_the_amounts_in_order() -> None:
    text = "Nurlan Ospan and Gulnaz Beken got seven and ten days' detention, respectively."
    mentions = [mention(text, "Nurlan Ospan", 0), mention(text, "Gulnaz Beken", 1)]
    edges = attach(text, SentenceFacts(outcomes=find_outcomes(text)), mentions)
    assert people(edges) == [
        (0, Rule.RESPECTIVELY, "7 days"),
        (1, Rule.RESPECTIVELY, "10 days"),
    ]


def test_speakers_and_an_office_holder_acting_receive_nothing() -> None:
    text = "According to Erlan Bek, the judge Serik Omar sentenced Asel Nur to three years."
    sentence = Segment(0, len(text))
    mentions = [
        mention(text, "Erlan Bek", 0),
        mention(text, "Serik Omar", 1, office=True),
        mention(text, "Asel Nur", 2),
    ]
    candidates = speakers_removed(text, sentence, mentions)
    assert [m.person for m in candidates] == [1, 2]
    edges = attach(text, SentenceFacts(outcomes=find_outcomes(text)), candidates)
    assert people(edges) == [(2, Rule.NEAREST, "3 years")]


def test_an_office_holder_named_after_the_fact_does_not_get_it() -> None:
    text = "Five activists were detained on Monday, the day President Askar Tolen spoke."
    candidates = [mention(text, "Askar Tolen", 0, office=True)]
    start = text.index("detained")
    assert targets(text, candidates, start, start + 8) == []


def test_anaphors_and_the_focus_person_say_so_in_the_rule() -> None:
    text = "He was fined 50 MCI."
    pronoun = Mention(0, 2, 4, named=False)
    edges = attach(text, SentenceFacts(outcomes=find_outcomes(text)), [pronoun])
    assert people(edges) == [(4, Rule.ANAPHOR, "50 MCI")]
    implicit = Mention(0, 0, 7, named=False, implicit=True)
    edges = attach(text, SentenceFacts(outcomes=find_outcomes(text)), [implicit])
    assert people(edges) == [(7, Rule.FOCUS, "50 MCI")]


def test_triggers_reach_only_named_people_close_to_them() -> None:
    text = "Kairat Zhan spoke at length about the new media law, the courts and much else " * 2
    text += "and was later detained."
    candidates = [mention(text, "Kairat Zhan", 0), Mention(0, 0, 1, named=False, implicit=True)]
    facts = SentenceFacts(
        triggers=[t for t in find_triggers(text) if t.type is EventType.DETENTION]
    )
    assert attach(text, facts, candidates) == []  # too far from the only named person


def test_outcomes_the_caller_marks_as_places_are_skipped() -> None:
    text = "Bolat Esim met them in a room of the pre-trial detention centre."
    outcome = OutcomeMention(
        text.index("pre-trial"), text.index(" centre"), PenaltyKind.PRETRIAL_DETENTION, None
    )
    candidates = [mention(text, "Bolat Esim", 0)]
    facts = SentenceFacts(outcomes=[outcome])
    assert attach(text, facts, candidates, skip=lambda found: found is outcome) == []
    assert len(attach(text, facts, candidates)) == 1


def test_a_fact_with_another_unnamed_subject_goes_to_no_one() -> None:
    text = "Lawyer Dina Sultan regretted that the officer who ordered the beatings was acquitted."
    candidates = [mention(text, "Dina Sultan", 0)]
    start = text.index("was acquitted")
    assert targets(text, candidates, start, start + 13) == []
    text = "Dina Sultan said the verdict was unfair and was fined 100 EUR."
    start = text.index("fined")
    assert targets(text, [mention(text, "Dina Sultan", 0)], start, start + 5) == [(0, Rule.NEAREST)]
