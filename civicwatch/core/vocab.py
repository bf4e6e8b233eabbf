"""Controlled vocabularies, defined once and used everywhere (models, extraction, views).

Each vocabulary is a ``StrEnum`` whose values are the stable machine terms written to the
database and to JSON; ``label`` gives the human wording. Django ``choices`` come from
:func:`choices`, so a term added here is a term the whole application knows.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

#: The message context of every vocabulary label in the translation catalogue: a term of
#: the vocabularies ("Search", a search of premises) is then never translated as the
#: interface's word with the same English spelling ("Search" the documents).
LABEL_CONTEXT = "vocabulary"


def _english(context: str, label: str) -> str:
    return label


#: Turns an English label into the reader's language, given its message context. ``core``
#: knows nothing of Django: the web app installs Django's ``pgettext`` here at start-up
#: (civicwatch/web/apps.py); everywhere else labels stay English.
_translate: Callable[[str, str], str] = _english


def set_label_translator(translate: Callable[[str, str], str]) -> None:
    global _translate
    _translate = translate


class Vocabulary(StrEnum):
    """Base class: a stable value plus a readable label."""

    @property
    def label(self) -> str:
        return _translate(LABEL_CONTEXT, self.english_label)

    @property
    def english_label(self) -> str:
        """The label in English, whatever the reader's language (for catalogues, exports)."""
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, value: str) -> Vocabulary:
        """Return the member for ``value`` (case-insensitive; spaces and dashes accepted)."""
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            from civicwatch.errors import InvalidValueError

            known = ", ".join(member.value for member in cls)
            raise InvalidValueError(
                f"{value!r} is not a {cls.__name__} term; known terms: {known}"
            ) from None


_LABELS: dict[str, str] = {
    "human_rights_defender": "Human-rights defender",
    "ngo": "NGO",
    "state_body": "State body",
    "admin_detention": "Administrative detention",
    "pretrial_detention": "Pre-trial detention",
    "restricted_freedom": "Restricted freedom",
    "suspended": "Suspended sentence",
    "CC": "Criminal Code",
    "CAO": "Code of Administrative Offences",
    "EUR": "EUR",
    "KZT": "KZT",
    "MCI": "MCI (monthly calculation index)",
    "USD": "USD",
    "RUB": "RUB",
    "peaceful_assembly": "Peaceful assembly",
    "at_liberty": "At liberty",
    "serving_noncustodial": "Serving a non-custodial sentence",
    "at_risk_of_extradition": "At risk of extradition",
    "a": "(a) detention violates a fundamental guarantee of the ECHR",
    "b": "(b) detention for purely political reasons",
    "c": "(c) length or conditions out of proportion, for political motives",
    "d": "(d) detention discriminatory, for political motives",
    "e": "(e) clearly unfair proceedings, for political motives",
    "admin": "Administrator",
    "en": "English",
    "ru": "Русский",
}


def choices(vocabulary: type[Vocabulary]) -> list[tuple[str, str]]:
    """Django-style ``choices`` for a vocabulary."""
    return [(member.value, member.label) for member in vocabulary]


class EventType(Vocabulary):
    # Detention and justice
    DETENTION = "detention"
    ARREST = "arrest"
    SUMMONS = "summons"
    SEARCH = "search"
    CHARGE = "charge"
    CHARGE_RECLASSIFIED = "charge_reclassified"
    CHARGE_DROPPED = "charge_dropped"
    PRETRIAL_DETENTION = "pretrial_detention"
    DETENTION_EXTENDED = "detention_extended"
    HOUSE_ARREST = "house_arrest"
    TRAVEL_RESTRICTION = "travel_restriction"
    TRIAL_OPENED = "trial_opened"
    TRIAL_CLOSED_TO_PUBLIC = "trial_closed_to_public"
    CONVICTION = "conviction"
    SENTENCE = "sentence"
    ACQUITTAL = "acquittal"
    APPEAL_FILED = "appeal_filed"
    APPEAL_REJECTED = "appeal_rejected"
    APPEAL_GRANTED = "appeal_granted"
    CASSATION = "cassation"
    RELEASE = "release"
    PAROLE = "parole"
    AMNESTY = "amnesty"
    CASE_CLOSED = "case_closed"
    ADMINISTRATIVE_FINE = "administrative_fine"
    ADMINISTRATIVE_DETENTION = "administrative_detention"
    ACTIVITY_BAN = "activity_ban"
    EXTRADITION_REQUEST = "extradition_request"
    ASYLUM_DECISION = "asylum_decision"
    POSTHUMOUS_CONVICTION = "posthumous_conviction"
    # Harm and pressure
    KILLING = "killing"
    DEATH_IN_CUSTODY = "death_in_custody"
    TORTURE_ALLEGATION = "torture_allegation"
    ILL_TREATMENT = "ill_treatment"
    HUNGER_STRIKE = "hunger_strike"
    PHYSICAL_ATTACK = "physical_attack"
    THREAT = "threat"
    HARASSMENT = "harassment"
    CYBERATTACK = "cyberattack"
    DOXXING = "doxxing"
    PROPERTY_ATTACK = "property_attack"
    PRESSURE_ON_RELATIVES = "pressure_on_relatives"
    # Civic space
    ASSEMBLY_BANNED = "assembly_banned"
    ASSEMBLY_DISPERSED = "assembly_dispersed"
    PREVENTIVE_DETENTION = "preventive_detention"
    REGISTRATION_DENIED = "registration_denied"
    ORGANISATION_BANNED = "organisation_banned"
    LISTED_AS_FOREIGN_FUNDED = "listed_as_foreign_funded"
    ACCREDITATION_DENIED = "accreditation_denied"
    WEBSITE_BLOCKED = "website_blocked"
    MEDIA_LAW = "media_law"
    LEGISLATION = "legislation"
    ELECTION = "election"


class EventGroup(Vocabulary):
    JUSTICE = "justice"
    HARM = "harm"
    CIVIC_SPACE = "civic_space"


_HARM = {
    "killing",
    "death_in_custody",
    "torture_allegation",
    "ill_treatment",
    "hunger_strike",
    "physical_attack",
    "threat",
    "harassment",
    "cyberattack",
    "doxxing",
    "property_attack",
    "pressure_on_relatives",
}
_CIVIC = {
    "assembly_banned",
    "assembly_dispersed",
    "preventive_detention",
    "registration_denied",
    "organisation_banned",
    "listed_as_foreign_funded",
    "accreditation_denied",
    "website_blocked",
    "media_law",
    "legislation",
    "election",
}


def event_group(event_type: EventType) -> EventGroup:
    """Which of DESIGN.md's three families an event type belongs to."""
    if event_type.value in _HARM:
        return EventGroup.HARM
    if event_type.value in _CIVIC:
        return EventGroup.CIVIC_SPACE
    return EventGroup.JUSTICE


class Freedom(Vocabulary):
    ASSOCIATION = "association"
    PEACEFUL_ASSEMBLY = "peaceful_assembly"
    EXPRESSION = "expression"


class PersonRole(Vocabulary):
    ACTIVIST = "activist"
    JOURNALIST = "journalist"
    BLOGGER = "blogger"
    HUMAN_RIGHTS_DEFENDER = "human_rights_defender"
    LAWYER = "lawyer"
    POLITICIAN = "politician"
    OFFICIAL = "official"
    RELATIVE = "relative"
    VICTIM = "victim"
    OTHER = "other"


class Gender(Vocabulary):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class InvolvementRole(Vocabulary):
    TARGET = "target"
    PERPETRATOR = "perpetrator"
    ADJUDICATOR = "adjudicator"
    DEFENDANT = "defendant"
    WITNESS = "witness"
    ORGANISER = "organiser"
    PARTICIPANT = "participant"


class OrganisationKind(Vocabulary):
    PARTY = "party"
    MOVEMENT = "movement"
    NGO = "ngo"
    MEDIA = "media"
    STATE_BODY = "state_body"
    COURT = "court"
    INTERNATIONAL = "international"
    OTHER = "other"


class RegistrationStatus(Vocabulary):
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    DENIED = "denied"
    BANNED = "banned"
    UNKNOWN = "unknown"


class PlaceKind(Vocabulary):
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    BUILDING = "building"
    OTHER = "other"


class LegalCode(Vocabulary):
    """Codes of law. Values are the prefixes of the extraction contract (``CC 274``)."""

    CRIMINAL = "CC"
    ADMINISTRATIVE = "CAO"

    @classmethod
    def parse(cls, value: str) -> LegalCode:
        key = value.strip().upper()
        for member in cls:
            if key == member.value or key == member.label.upper():
                return member
        from civicwatch.errors import InvalidValueError

        raise InvalidValueError(f"{value!r} is not a known code of law (CC, CAO)")


class PenaltyKind(Vocabulary):
    """Penalties and measures. The first ten are the extraction contract's outcome kinds."""

    PRISON = "prison"
    SUSPENDED = "suspended"
    RESTRICTED_FREEDOM = "restricted_freedom"
    FINE = "fine"
    ADMIN_DETENTION = "admin_detention"
    HOUSE_ARREST = "house_arrest"
    PRETRIAL_DETENTION = "pretrial_detention"
    ACQUITTED = "acquitted"
    RELEASED = "released"
    OTHER = "other"
    ACTIVITY_BAN = "activity_ban"
    PUBLIC_LABOUR = "public_labour"
    TRAVEL_BAN = "travel_ban"
    COMPULSORY_TREATMENT = "compulsory_treatment"

    @property
    def contract_kind(self) -> PenaltyKind:
        """The kind as the extraction contract writes it (extra kinds become ``other``)."""
        return self if self in CONTRACT_PENALTY_KINDS else PenaltyKind.OTHER


CONTRACT_PENALTY_KINDS = frozenset(list(PenaltyKind)[:10])


class Unit(Vocabulary):
    YEARS = "years"
    MONTHS = "months"
    WEEKS = "weeks"
    DAYS = "days"
    HOURS = "hours"
    EUR = "EUR"
    USD = "USD"
    KZT = "KZT"
    RUB = "RUB"
    MCI = "MCI"

    @classmethod
    def parse(cls, value: str) -> Unit:
        key = value.strip()
        for member in cls:
            if key == member.value or key.lower() == member.value.lower():
                return member
        singular = key.lower().rstrip("s") + "s"
        for member in cls:
            if singular == member.value:
                return member
        from civicwatch.errors import InvalidValueError

        raise InvalidValueError(f"{value!r} is not a known unit")


class ChargeStatus(Vocabulary):
    BROUGHT = "brought"
    RECLASSIFIED = "reclassified"
    DROPPED = "dropped"


class ClaimKind(Vocabulary):
    """What a claim asserts. Subject claims (person, organisation, place) name an entity;
    the others state one fact and point at their subject claim."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    PROVISION = "provision"
    EVENT = "event"
    OUTCOME = "outcome"
    INVOLVEMENT = "involvement"
    FOLLOWUP = "followup"


SUBJECT_CLAIM_KINDS = frozenset({ClaimKind.PERSON, ClaimKind.ORGANISATION, ClaimKind.PLACE})


class ReviewState(Vocabulary):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class Sensitivity(Vocabulary):
    """How widely a document or record may be shown. Confidential material never leaves
    the team. The members are in ascending order: each level includes those before it."""

    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"

    @property
    def rank(self) -> int:
        return list(Sensitivity).index(self)

    def up_to(self) -> list[Sensitivity]:
        """This level and every lower one: what a reader cleared for it may see."""
        return list(Sensitivity)[: self.rank + 1]


class Role(Vocabulary):
    """What an account may do in the web app. Roles are ordered from most to least power;
    each role may do everything the roles after it may."""

    ADMIN = "admin"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    VIEWER = "viewer"

    @property
    def clearance(self) -> Sensitivity:
        """The most sensitive material the role may see: viewers never see confidential."""
        return Sensitivity.INTERNAL if self is Role.VIEWER else Sensitivity.CONFIDENTIAL

    def at_least(self, other: Role) -> bool:
        order = list(Role)
        return order.index(self) <= order.index(other)


class InterfaceLanguage(Vocabulary):
    """Languages the web app and generated reports are translated into."""

    EN = "en"
    RU = "ru"


class DatePrecision(Vocabulary):
    DAY = "day"
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    MONTH = "month"
    YEAR = "year"


class MatchBand(Vocabulary):
    """How sure identity resolution is that two records denote one individual."""

    SAME = "same"  # merged automatically
    POSSIBLE = "possible"  # proposed to a reviewer as a possible duplicate
    DIFFERENT = "different"  # kept apart


class PersonStatus(Vocabulary):
    """A person's current situation, derived from the timeline of their case."""

    AT_LIBERTY = "at_liberty"
    UNDER_INVESTIGATION = "under_investigation"
    TRAVEL_RESTRICTED = "travel_restricted"
    PRETRIAL_DETENTION = "pretrial_detention"
    HOUSE_ARREST = "house_arrest"
    ON_TRIAL = "on_trial"
    SERVING_PRISON = "serving_prison"
    SERVING_NONCUSTODIAL = "serving_noncustodial"
    RELEASED = "released"
    IN_EXILE = "in_exile"
    AT_RISK_OF_EXTRADITION = "at_risk_of_extradition"
    DECEASED = "deceased"
    UNKNOWN = "unknown"


# Statuses in which a person is deprived of liberty ("behind bars").
HELD_STATUSES = frozenset(
    {PersonStatus.PRETRIAL_DETENTION, PersonStatus.HOUSE_ARREST, PersonStatus.SERVING_PRISON}
)


class FollowupKind(Vocabulary):
    """Something a monitor must check again, with a due date where one is known."""

    APPEAL_PENDING = "appeal_pending"
    TRIAL_UNDER_WAY = "trial_under_way"
    DETENTION_UNTIL = "detention_until"
    HEARING_POSTPONED = "hearing_postponed"
    YET_TO_TAKE_PLACE = "yet_to_take_place"
    SENTENCE_ENDS = "sentence_ends"
    CONFIRM_RELEASE = "confirm_release"


class PaceCriterion(Vocabulary):
    """PACE Resolution 1900 (2012), paragraph 3: a person deprived of liberty is a
    political prisoner when the detention ..."""

    FUNDAMENTAL_RIGHTS = "a"  # violates a fundamental guarantee (thought, expression, ...)
    PURELY_POLITICAL = "b"  # is for purely political reasons, without any offence
    DISPROPORTIONATE = "c"  # is, for political motives, clearly out of proportion
    DISCRIMINATORY = "d"  # is, for political motives, discriminatory
    UNFAIR_PROCEEDINGS = "e"  # results from clearly unfair proceedings with political motives


class ClaimAction(Vocabulary):
    """One step in a claim's history (who did what to it, and when)."""

    MACHINE_UPDATED = "machine_updated"  # a newer extractor changed its proposal
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"  # a newer extractor no longer proposes it
    RESTORED = "restored"  # a newer extractor proposes it again


class DecisionMethod(Vocabulary):
    """Who decided that two records are one individual (or are not)."""

    AUTOMATIC = "automatic"
    REVIEWER = "reviewer"


class ProposalStatus(Vocabulary):
    """A possible duplicate put to reviewers."""

    OPEN = "open"
    MERGED = "merged"
    DISMISSED = "dismissed"  # a reviewer said: different people


class ConflictKind(Vocabulary):
    """How sources disagree about one fact."""

    AMOUNT = "amount"  # two sentence lengths, two fines for one decision
    DATE = "date"  # one decision, two dates


# The event a penalty or measure is the outcome of, when the text names no other.
OUTCOME_EVENT_TYPES: dict[PenaltyKind, EventType] = {
    PenaltyKind.PRISON: EventType.SENTENCE,
    PenaltyKind.SUSPENDED: EventType.SENTENCE,
    PenaltyKind.RESTRICTED_FREEDOM: EventType.SENTENCE,
    PenaltyKind.PUBLIC_LABOUR: EventType.SENTENCE,
    PenaltyKind.COMPULSORY_TREATMENT: EventType.SENTENCE,
    PenaltyKind.FINE: EventType.ADMINISTRATIVE_FINE,
    PenaltyKind.ADMIN_DETENTION: EventType.ADMINISTRATIVE_DETENTION,
    PenaltyKind.HOUSE_ARREST: EventType.HOUSE_ARREST,
    PenaltyKind.PRETRIAL_DETENTION: EventType.PRETRIAL_DETENTION,
    PenaltyKind.ACQUITTED: EventType.ACQUITTAL,
    PenaltyKind.RELEASED: EventType.RELEASE,
    PenaltyKind.ACTIVITY_BAN: EventType.ACTIVITY_BAN,
    PenaltyKind.TRAVEL_BAN: EventType.TRAVEL_RESTRICTION,
}
