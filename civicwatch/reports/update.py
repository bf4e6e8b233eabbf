"""A periodic update (CIVICUS Monitor style): the period's cases by freedom and theme, one
factual paragraph each, every paragraph ending with notes to its source documents.

Every sentence is written from a record: the event's type, date (with its precision),
place, the people taking part, the articles with their short titles and the penalties as
the sources state them. Where sources disagree the paragraph says so; nothing is added.
"""

from __future__ import annotations

from civicwatch.cases.summaries import outcome_phrase
from civicwatch.core.vocab import EventType, LegalCode, PenaltyKind, PersonRole
from civicwatch.reports.compose import (
    FREEDOM_ORDER,
    THEMES,
    Case,
    Incident,
    Penalty,
    Period,
    PersonRef,
    Provision,
    Source,
    date_words,
    on_date,
)
from civicwatch.reports.model import Paragraph, Report, Section, Segment

T = EventType

#: What happened to whom, as a clause; ``{who}`` the people (or organisations), ``{was}``
#: "was" or "were". Types missing here are told from their label and summary.
CLAUSES: dict[EventType, str] = {
    T.DETENTION: "{who} {was} detained",
    T.ARREST: "{who} {was} arrested",
    T.SUMMONS: "{who} {was} summoned for questioning",
    T.SEARCH: "{who} {was} subjected to a search",
    T.CHARGE: "{who} {was} charged",
    T.CHARGE_RECLASSIFIED: "the charges against {who} were reclassified",
    T.CHARGE_DROPPED: "the charges against {who} were dropped",
    T.PRETRIAL_DETENTION: "{who} {was} placed in pre-trial detention",
    T.DETENTION_EXTENDED: "the detention of {who} was extended",
    T.HOUSE_ARREST: "{who} {was} placed under house arrest",
    T.TRAVEL_RESTRICTION: "{who} {was} barred from travelling",
    T.TRIAL_OPENED: "the trial of {who} opened",
    T.TRIAL_CLOSED_TO_PUBLIC: "the trial of {who} was closed to the public",
    T.CONVICTION: "{who} {was} convicted",
    T.SENTENCE: "{who} {was} sentenced",
    T.ACQUITTAL: "{who} {was} acquitted",
    T.APPEAL_FILED: "an appeal was filed on behalf of {who}",
    T.APPEAL_REJECTED: "the appeal of {who} was rejected",
    T.APPEAL_GRANTED: "the appeal of {who} was granted",
    T.CASSATION: "a cassation appeal in the case of {who} was heard",
    T.RELEASE: "{who} {was} released",
    T.PAROLE: "{who} {was} released on parole",
    T.AMNESTY: "{who} {was} amnestied",
    T.CASE_CLOSED: "the case against {who} was closed",
    T.ADMINISTRATIVE_FINE: "{who} {was} fined",
    T.ADMINISTRATIVE_DETENTION: "{who} {was} placed in administrative detention",
    T.ACTIVITY_BAN: "{who} {was} banned from activities",
    T.EXTRADITION_REQUEST: "the extradition of {who} was requested",
    T.ASYLUM_DECISION: "a decision was taken on the asylum claim of {who}",
    T.POSTHUMOUS_CONVICTION: "{who} {was} convicted posthumously",
    T.KILLING: "{who} {was} killed",
    T.DEATH_IN_CUSTODY: "{who} died in custody",
    T.TORTURE_ALLEGATION: "torture of {who} was alleged",
    T.ILL_TREATMENT: "{who} {was} reportedly ill-treated",
    T.HUNGER_STRIKE: "{who} went on hunger strike",
    T.PHYSICAL_ATTACK: "{who} {was} physically attacked",
    T.THREAT: "{who} received threats",
    T.HARASSMENT: "{who} {was} harassed",
    T.CYBERATTACK: "{who} {was} targeted by a cyberattack",
    T.DOXXING: "personal data of {who} were published",
    T.PROPERTY_ATTACK: "property of {who} was attacked",
    T.PRESSURE_ON_RELATIVES: "relatives of {who} were put under pressure",
    T.ASSEMBLY_BANNED: "an assembly involving {who} was banned",
    T.ASSEMBLY_DISPERSED: "an assembly involving {who} was dispersed",
    T.PREVENTIVE_DETENTION: "{who} {was} detained preventively",
    T.REGISTRATION_DENIED: "{who} {was} denied registration",
    T.ORGANISATION_BANNED: "{who} {was} banned",
    T.LISTED_AS_FOREIGN_FUNDED: "{who} {was} listed as receiving foreign funding",
    T.ACCREDITATION_DENIED: "{who} {was} denied accreditation",
    T.WEBSITE_BLOCKED: "the website of {who} was blocked",
}

#: Types whose penalty reads "sentenced to ..." (a court or judge imposed it).
_SENTENCING = {T.SENTENCE, T.CONVICTION, T.POSTHUMOUS_CONVICTION, T.ADMINISTRATIVE_DETENTION}
#: Measures told as "placed under house arrest for 2 months".
_FOR_A_TERM = {
    T.HOUSE_ARREST,
    T.PRETRIAL_DETENTION,
    T.DETENTION_EXTENDED,
    T.TRAVEL_RESTRICTION,
    T.ACTIVITY_BAN,
}
#: Types an article is the basis of ("charged under article ..."); for the others the
#: article names the case ("released in the case under article ...").
_UNDER = {
    T.ARREST,
    T.DETENTION,
    T.SUMMONS,
    T.SEARCH,
    T.CHARGE,
    T.CHARGE_RECLASSIFIED,
    T.PRETRIAL_DETENTION,
    T.CONVICTION,
    T.SENTENCE,
    T.POSTHUMOUS_CONVICTION,
    T.ADMINISTRATIVE_FINE,
    T.ADMINISTRATIVE_DETENTION,
    T.PREVENTIVE_DETENTION,
}
#: Measures that are the event itself, not a penalty to spell out again.
_NOT_PENALTIES = {PenaltyKind.RELEASED, PenaltyKind.ACQUITTED, PenaltyKind.OTHER}


def names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _person(person: PersonRef, introduced: set[int]) -> str:
    """A name, with its first stated role the first time a paragraph names the person."""
    if person.id in introduced or not person.roles:
        return person.name
    introduced.add(person.id)
    role = person.roles[0]
    if role in {PersonRole.OTHER, PersonRole.VICTIM, PersonRole.RELATIVE}:
        return person.name
    return f"{role.label.lower()} {person.name}"


def penalty_phrase(penalty: Penalty) -> str:
    return outcome_phrase(penalty.kind, penalty.amount or None)


def articles_phrase(articles: list[Provision]) -> str:
    """'under article 274 ("knowingly spreading false information") of the Criminal Code'."""
    if not articles:
        return ""
    by_code: dict[str, list[Provision]] = {}
    for provision in articles:
        by_code.setdefault(provision.code, []).append(provision)
    parts = []
    for code, provisions in by_code.items():
        items = [
            f"{p.article} (\u201c{p.short_title}\u201d)" if p.short_title else p.article
            for p in provisions
        ]
        noun = "article" if len(items) == 1 else "articles"
        try:
            code_name = LegalCode(code).label
        except ValueError:
            code_name = code
        parts.append(f"{noun} {names(items)} of the {code_name}")
    return "under " + names(parts)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def incident_sentence(incident: Incident, introduced: set[int], previous_date: str = "") -> str:
    """One sentence about one event, from its record alone."""
    template = CLAUSES.get(incident.type)
    # A measure without an amount adds nothing to the clause that names it (a fine does).
    penalties = [
        p
        for p in incident.penalties
        if p.kind not in _NOT_PENALTIES and (p.amount or p.kind is PenaltyKind.FINE)
    ]
    clauses: list[str] = []
    # People who got the same penalties are told together, the others one by one.
    subjects: dict[tuple[str, ...], list[str]] = {}
    for person in incident.people:
        own = (penalty_phrase(p) for p in penalties if p.person in (person.id, None))
        subjects.setdefault(tuple(dict.fromkeys(own)), []).append(_person(person, introduced))
    if not incident.people and incident.organisations:
        phrases = tuple(dict.fromkeys(penalty_phrase(p) for p in penalties))
        subjects[phrases] = list(incident.organisations)
    for phrases, who in subjects.items():
        was = "were" if len(who) > 1 else "was"
        if template is None:
            clause = f"{incident.type.label.lower()} concerning {names(who)} was reported"
        else:
            clause = template.format(who=names(who), was=was)
        if phrases:
            told = names(list(phrases))
            if incident.type is T.CONVICTION:
                clause += " and sentenced to " + told
            elif incident.type in _SENTENCING:
                clause = f"{names(who)} {was} sentenced to {told}"
            elif incident.type is T.ADMINISTRATIVE_FINE:
                clause = f"{names(who)} {was} given {told}"
            elif incident.type in _FOR_A_TERM and all(p.amount for p in penalties):
                clause += " for " + names(list(dict.fromkeys(p.amount for p in penalties)))
            else:
                clause += f" ({told})"
        clauses.append(clause)
    if not clauses:
        # No one named: the event's own summary (which begins with its type) is the record.
        summary = incident.summary or incident.type.label
        clauses.append(f"the following was reported: {summary}")
    sentence = "; ".join(clauses)
    articles = articles_phrase(incident.articles)
    if articles:
        sentence += (" " if incident.type in _UNDER else " in the case ") + articles
    lead = []
    when = on_date(incident.start, incident.precision)
    if when and when == previous_date:
        lead.append("The same day" if incident.precision == "day" else "Also " + when[3:])
    elif when:
        lead.append(when)
    if incident.place:
        lead.append(("at " if incident.place_is_building else "in ") + incident.place)
    text = ", ".join([*lead, sentence]) if lead else sentence
    return _capital(text) + "."


def _disagreement_sentences(incident: Incident) -> list[str]:
    sentences = []
    for disagreement in incident.disagreements:
        values = [value for value, _ in disagreement.values]
        what = "the date" if disagreement.kind == "date" else "the penalty"
        sentences.append(f"Sources differ on {what}: it is reported as {' or as '.join(values)}.")
    return sentences


def case_paragraph(case: Case, report: Report) -> Paragraph:
    """One paragraph for one case: earlier coverage, then its events in date order, notes
    to every document they come from at the end."""
    segments: list[Segment] = []
    if case.earlier is not None:
        who = names([p.name for p in case.people])
        earlier = case.earlier
        last = ""
        if earlier.type is not None:
            when = date_words(earlier.when, earlier.precision)
            last = f"; the last development reported then was: {earlier.type.label.lower()}"
            last += f" ({when})" if when else ""
        segments.append(
            Segment(
                f"As covered in our previous update, the case of {who} was reported before"
                f" this period{last}.",
                report.cite([earlier.source]),
            )
        )
    introduced: set[int] = set()
    sentences = []
    sources: list[Source] = []
    previous = ""
    for incident in case.incidents:
        sentences.append(incident_sentence(incident, introduced, previous))
        previous = on_date(incident.start, incident.precision)
        sentences.extend(_disagreement_sentences(incident))
        sources.extend(s for s in incident.sources if s not in sources)
    segments.append(Segment(" ".join(sentences), report.cite(sources)))
    return Paragraph(segments, kind="incident")


def period_words(period: Period) -> str:
    return f"{date_words(period.date_from, 'day')} to {date_words(period.date_to, 'day')}"


def build_update(period: Period, country_name: str) -> Report:
    report = Report(
        kind="update",
        title=f"{country_name}: civic space update",
        subtitle=f"Developments from {period_words(period)}",
        country=period.country,
        date_from=period.date_from,
        date_to=period.date_to,
        level=period.level.value,
    )
    report.sections.extend(thematic_sections(period, report, by_freedom=True))
    if not period.cases:
        report.sections.append(
            Section(
                "No developments recorded",
                1,
                [Paragraph([Segment("No events are recorded for this country and period.")])],
            )
        )
    return report


def thematic_sections(period: Period, report: Report, *, by_freedom: bool) -> list[Section]:
    """Sections by freedom then theme (an update), or by theme alone (a briefing)."""
    sections: list[Section] = []
    if by_freedom:
        groups = [(f.label, f) for f in FREEDOM_ORDER] + [("Other developments", None)]
        for title, freedom in groups:
            cases = [c for c in period.cases if c.freedom is freedom]
            if not cases:
                continue
            sections.append(Section(title, 1))
            sections.extend(_theme_sections(cases, report, level=2))
    else:
        sections.extend(_theme_sections(period.cases, report, level=1))
    return sections


def _theme_sections(cases: list[Case], report: Report, *, level: int) -> list[Section]:
    sections = []
    for theme in THEMES:
        chosen = [c for c in cases if c.theme is theme]
        if chosen:
            sections.append(
                Section(theme.title, level, [case_paragraph(c, report) for c in chosen])
            )
    return sections
