"""Trigger lexicon: every event type as reports phrase it, and the freedoms it touches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.vocab import EventType as E
from civicwatch.core.vocab import Freedom as F
from civicwatch.extract.triggers import (
    FREEDOMS,
    compile_lexicon,
    find_triggers,
    freedoms_for,
    lower,
)


def types(text: str) -> list[E]:
    return [trigger.type for trigger in find_triggers(text)]


EXAMPLES: list[tuple[str, E]] = [
    ("Police briefly detained the activist outside the embassy.", E.DETENTION),
    ("He was taken to a local police station.", E.DETENTION),
    ("The blogger was arrested at his home.", E.ARREST),
    ("She was summoned for questioning by the police.", E.SUMMONS),
    ("Officers searched his apartment overnight.", E.SEARCH),
    ("Security services raided the office.", E.SEARCH),
    ("He was charged with spreading false information.", E.CHARGE),
    ("A criminal case was opened against the journalist.", E.CHARGE),
    ("The charges were reclassified as a lesser offence.", E.CHARGE_RECLASSIFIED),
    ("In March the charges against him were dropped.", E.CHARGE_DROPPED),
    ("The court remanded her in custody for two months.", E.PRETRIAL_DETENTION),
    ("He was placed in pre-trial detention.", E.PRETRIAL_DETENTION),
    ("His detention was extended until June.", E.DETENTION_EXTENDED),
    ("She was transferred to house arrest.", E.HOUSE_ARREST),
    ("The activist was banned from leaving the country.", E.TRAVEL_RESTRICTION),
    ("A travel ban was imposed on the lawyer.", E.TRAVEL_RESTRICTION),
    ("The trial began on 7 November.", E.TRIAL_OPENED),
    ("The case was sent to court in October.", E.TRIAL_OPENED),
    ("The hearing was held behind closed doors.", E.TRIAL_CLOSED_TO_PUBLIC),
    ("The court convicted the poet.", E.CONVICTION),
    ("She was found guilty of insulting an official.", E.CONVICTION),
    ("He was sentenced on Monday.", E.SENTENCE),
    ("The editor was acquitted.", E.ACQUITTAL),
    ("His lawyers appealed the verdict.", E.APPEAL_FILED),
    ("Her appeal was rejected by the regional court.", E.APPEAL_REJECTED),
    ("The appeals court upheld the verdict.", E.APPEAL_REJECTED),
    ("The Supreme Court overturned the conviction.", E.APPEAL_GRANTED),
    ("His cassation complaint is pending.", E.CASSATION),
    ("The activist was released last week.", E.RELEASE),
    ("He was granted parole in October.", E.PAROLE),
    ("She was freed under an amnesty.", E.AMNESTY),
    ("The criminal case was closed for lack of evidence.", E.CASE_CLOSED),
    ("The organiser was fined for the picket.", E.ADMINISTRATIVE_FINE),
    ("He was given 15 days of administrative arrest.", E.ADMINISTRATIVE_DETENTION),
    ("He was banned from engaging in journalism for three years.", E.ACTIVITY_BAN),
    ("Kazakhstan requested his extradition from Ukraine.", E.EXTRADITION_REQUEST),
    ("He was granted asylum in Lithuania.", E.ASYLUM_DECISION),
    ("The teenager was posthumously convicted of rioting.", E.POSTHUMOUS_CONVICTION),
    ("Over 200 people were killed in January.", E.KILLING),
    ("The prisoner died in custody in May.", E.DEATH_IN_CUSTODY),
    ("He said he was tortured in the police station.", E.TORTURE_ALLEGATION),
    ("Detainees were ill-treated in the cells.", E.ILL_TREATMENT),
    ("She went on hunger strike in protest.", E.HUNGER_STRIKE),
    ("Unknown men attacked the reporter.", E.PHYSICAL_ATTACK),
    ("He was beaten near his home.", E.PHYSICAL_ATTACK),
    ("The editor received death threats.", E.THREAT),
    ("Activists were harassed by officers.", E.HARASSMENT),
    ("The news site was hacked on Tuesday.", E.CYBERATTACK),
    ("The outlet suffered a DDoS attack.", E.CYBERATTACK),
    ("Her personal data was published online by trolls.", E.DOXXING),
    ("His car was set on fire overnight.", E.PROPERTY_ATTACK),
    ("The office was vandalised twice.", E.PROPERTY_ATTACK),
    ("Police pressured his relatives to make him return.", E.PRESSURE_ON_RELATIVES),
    ("The mayor's office refused permission for the rally.", E.ASSEMBLY_BANNED),
    ("Riot police dispersed the march.", E.ASSEMBLY_DISPERSED),
    ("Three activists were preventively detained ahead of the rally.", E.PREVENTIVE_DETENTION),
    ("The party was refused registration again.", E.REGISTRATION_DENIED),
    ("The movement was declared extremist by a court.", E.ORGANISATION_BANNED),
    ("The NGO was listed as a foreign agent.", E.LISTED_AS_FOREIGN_FUNDED),
    ("The journalist was denied accreditation.", E.ACCREDITATION_DENIED),
    ("The website was blocked by the ministry.", E.WEBSITE_BLOCKED),
    ("A draft media law was published.", E.MEDIA_LAW),
    ("Parliament adopted a new law on assemblies.", E.LEGISLATION),
    ("Early parliamentary elections were held.", E.ELECTION),
]


def test_every_event_type_has_an_example() -> None:
    assert {event_type for _, event_type in EXAMPLES} == set(E)


@pytest.mark.parametrize(("text", "event_type"), EXAMPLES)
def test_examples(text: str, event_type: E) -> None:
    assert event_type in types(text)


def test_trigger_spans() -> None:
    text = "On 5 May police detained him; the charges were dropped and he was released."
    found = find_triggers(text)
    assert [(t.type, text[t.start : t.end]) for t in found] == [
        (E.DETENTION, "detained"),
        (E.CHARGE_DROPPED, "charges were dropped"),
        (E.RELEASE, "released"),
    ]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("the freedom of expression", E.RELEASE),
        ("The ministry released a statement on Monday.", E.RELEASE),
        ("They searched for a compromise.", E.SEARCH),
        ("a press release", E.RELEASE),
    ],
)
def test_not_triggers(text: str, absent: E) -> None:
    assert absent not in types(text)


def test_preventive_detention_wins_over_detention() -> None:
    assert types("Two were ‘’preventively’’ detained.") == [E.PREVENTIVE_DETENTION]
    assert types("Her pre-trial detention was extended.") == [E.DETENTION_EXTENDED]


def test_case_and_offsets_survive_odd_letters() -> None:
    text = "İlham was DETAINED."
    assert lower(text) != text.lower() or len(text.lower()) == len(text)
    (trigger,) = find_triggers(text)
    assert text[trigger.start : trigger.end] == "DETAINED"


@pytest.mark.parametrize(
    ("event_type", "text", "expected"),
    [
        (E.ASSEMBLY_DISPERSED, "anything", (F.PEACEFUL_ASSEMBLY,)),
        (E.WEBSITE_BLOCKED, "anything", (F.EXPRESSION,)),
        (E.REGISTRATION_DENIED, "the party", (F.ASSOCIATION,)),
        (E.DETENTION, "Police detained protesters at the rally.", (F.PEACEFUL_ASSEMBLY,)),
        (E.CHARGE, "The journalist was charged over a Facebook post.", (F.EXPRESSION,)),
        (E.CONVICTION, "He was convicted for leading an unregistered party.", (F.ASSOCIATION,)),
        (E.ARREST, "The NGO's director was arrested after a protest interview.",
         (F.ASSOCIATION, F.PEACEFUL_ASSEMBLY, F.EXPRESSION)),
        (E.KILLING, "A shepherd was killed near the base.", ()),
    ],
)  # fmt: skip
def test_freedoms_for(event_type: E, text: str, expected: tuple[F, ...]) -> None:
    assert freedoms_for(event_type, text) == expected


def test_freedoms_table_is_well_formed() -> None:
    for event_type, freedoms in FREEDOMS.items():
        assert isinstance(event_type, E) and freedoms
        assert all(isinstance(freedom, F) for freedom in freedoms)


def test_compile_lexicon() -> None:
    pattern, keys = compile_lexicon(
        [("x", (r"(?:red|blue)\s+car", r"\d+\s+cars")), ("y", ("bus",))]
    )
    found = [
        (keys[m.lastgroup or ""], m.group()) for m in pattern.finditer("a red car, 3 cars, a bus")
    ]
    assert found == [("x", "red car"), ("x", "3 cars"), ("y", "bus")]
    with pytest.raises(ValueError):
        compile_lexicon([("x", (r"[ab]c",))])


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for trigger in find_triggers(text):
        assert 0 <= trigger.start < trigger.end <= len(text)
    freedoms_for(E.DETENTION, text)


@settings(max_examples=10, deadline=None)
@given(st.binary(max_size=400).map(lambda data: data.decode("latin-1")))
def test_binary_junk(text: str) -> None:
    for trigger in find_triggers(text):
        assert 0 <= trigger.start < trigger.end <= len(text)


@pytest.mark.parametrize("unit", ["was detained and ", "a" * 40, "(((( ", "personal data " * 3])
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    found = find_triggers(text)
    assert all(0 <= t.start < t.end <= len(text) for t in found)
