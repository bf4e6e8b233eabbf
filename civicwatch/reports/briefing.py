"""A briefing paper (for example for a human-rights dialogue): the period's key figures,
thematic chapters, one entry per individual case of concern, and a recommendations
section left for the team to write (prompts only, each drawn from the records)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from civicwatch.core.dates import FuzzyDate
from civicwatch.core.vocab import (
    HELD_STATUSES,
    ChargeStatus,
    PenaltyKind,
    PersonStatus,
    Unit,
)
from civicwatch.errors import InvalidValueError
from civicwatch.reports.compose import Period, PersonRef, Provision, Source, date_words
from civicwatch.reports.model import Figure, Paragraph, Report, Section, Segment, Table
from civicwatch.reports.update import articles_phrase, names, period_words, thematic_sections
from civicwatch.services import access
from civicwatch.store.models import Document

#: How many of a person's latest events an entry lists as timeline highlights.
HIGHLIGHTS = 6
#: Penalties that are a sentence (what an entry's "Sentence" line lists).
SENTENCES = (
    PenaltyKind.PRISON,
    PenaltyKind.SUSPENDED,
    PenaltyKind.RESTRICTED_FREEDOM,
    PenaltyKind.PUBLIC_LABOUR,
    PenaltyKind.FINE,
    PenaltyKind.ADMIN_DETENTION,
    PenaltyKind.HOUSE_ARREST,
)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _totals(amounts: list[tuple[Decimal, Decimal | None, str]]) -> str:
    """ "40 MCI; 180-360 EUR": stated amounts summed per unit (ranges as ranges)."""
    low: dict[str, Decimal] = defaultdict(Decimal)
    high: dict[str, Decimal] = defaultdict(Decimal)
    ranged: set[str] = set()
    for quantity, maximum, unit in amounts:
        low[unit] += quantity
        high[unit] += maximum if maximum is not None else quantity
        if maximum is not None and maximum != quantity:
            ranged.add(unit)
    parts = []
    for unit in low:
        text = _number(low[unit])
        if unit in ranged:
            text += f"-{_number(high[unit])}"
        parts.append(f"{text} {unit}".strip())
    return "; ".join(parts)


def key_figures(period: Period, held: list[PersonRef]) -> tuple[list[list[str]], list[list[str]]]:
    """(figures, counts by event type) as table rows."""
    fines = []
    fine_count = 0
    days: list[tuple[Decimal, Decimal | None, str]] = []
    detained: set[int] = set()
    for incident in period.incidents:
        for penalty in incident.penalties:
            if penalty.kind is PenaltyKind.FINE:
                fine_count += 1
                if penalty.quantity is not None:
                    fines.append((penalty.quantity, penalty.quantity_max, penalty.unit))
            if (
                penalty.kind is PenaltyKind.ADMIN_DETENTION
                and penalty.unit == Unit.DAYS.value
                and penalty.quantity is not None
            ):
                days.append((penalty.quantity, penalty.quantity_max, ""))
                if penalty.person is not None:
                    detained.add(penalty.person)
    people = {p.id for case in period.cases for p in case.people}
    figures = [
        ["Events recorded", str(len(period.incidents))],
        ["People named in them", str(len(people))],
        ["People held now (pre-trial detention, house arrest or prison)", str(len(held))],
        ["Fines imposed", str(fine_count)],
        ["Stated amount of the fines", _totals(fines) or "not stated"],
        [
            "Days of administrative detention",
            f"{_totals(days) or '0'} ({len(detained)} people)",
        ],
        ["Reports drawn on", str(len(period.documents))],
    ]
    counts = Counter(incident.type for incident in period.incidents)
    by_type = [
        [event_type.label, str(count)]
        for event_type, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].label))
    ]
    return figures, by_type


def _case_files(period: Period) -> list[tuple[PersonRef, dict[str, Any]]]:
    from civicwatch.services.persons import person_file

    people: list[PersonRef] = []
    for case in period.cases:
        people.extend(p for p in case.people if p not in people)
    files = []
    for person in sorted(people, key=lambda p: p.name.lower()):
        try:
            files.append((person, person_file(person.id, clearance=period.level)))
        except InvalidValueError:
            continue  # the person is not visible at this level
    return files


def _sources(ids: set[int], period: Period) -> dict[int, Source]:
    from civicwatch.reports.compose import _source

    rows = Document.objects.filter(pk__in=ids, sensitivity__in=access.levels(period.level))
    return {row.pk: _source(row) for row in rows}


def _held(files: list[tuple[PersonRef, dict[str, Any]]]) -> list[PersonRef]:
    return [
        person for person, data in files if PersonStatus(data["status"]["code"]) in HELD_STATUSES
    ]


def _entry(person: PersonRef, data: dict[str, Any], period: Period, report: Report) -> Section:
    section = Section(person.name, 2)
    status = PersonStatus(data["status"]["code"])
    since = data["status"].get("since")
    roles = ", ".join(role.label.lower() for role in person.roles)
    status_text = f"Status: {status.label.lower()}"
    if since:
        status_text += f" since {date_words(date.fromisoformat(since), 'day')}"
    if data["status"].get("as_of"):
        status_text += f" (as of {date_words(date.fromisoformat(data['status']['as_of']), 'day')})"
    document_ids: set[int] = set()
    status_source = data["status"].get("source")
    if status_source:
        document_ids.add(status_source["document"])
    for charge in data["charges"]:
        document_ids.update(s["document"] for s in charge["sources"])
    events = [
        e
        for e in data["events"]
        if e["date"] is None or FuzzyDate.parse(e["date"]).earliest() <= period.date_to
    ]
    highlights = events[-HIGHLIGHTS:]
    for event in highlights:
        document_ids.update(s["document"] for s in event["sources"])
    sources = _sources(document_ids, period)

    lines = [Segment((f"Role: {roles}. " if roles else "") + status_text + ".")]
    if status_source and status_source["document"] in sources:
        lines[0].notes = report.cite([sources[status_source["document"]]])
    charges = []
    for charge in data["charges"]:
        provision = Provision(
            charge["label"],
            charge["code"],
            charge["label"].partition(" ")[2],
            charge["short_title"] or "",
        )
        text = articles_phrase([provision]).removeprefix("under ")
        if charge["status"] != ChargeStatus.BROUGHT.value:
            text += f" ({ChargeStatus(charge['status']).label.lower()})"
        charges.append(text)
        # notes come from the charge's own visible sources
    charge_docs = [
        sources[s["document"]]
        for charge in data["charges"]
        for s in charge["sources"]
        if s["document"] in sources
    ]
    if charges:
        lines.append(Segment(f"Charges: {names(charges)}.", report.cite(charge_docs)))
    sentence_events = [
        (event, outcome)
        for event in events
        for outcome in event["outcomes"]
        if PenaltyKind(outcome["kind"]) in SENTENCES and outcome["amount"]
    ]
    if sentence_events:
        event, _ = sentence_events[-1]
        when = date_words(*_date_of(event["date"]))
        told = "; ".join(
            dict.fromkeys(
                _penalty(o["kind"], o["amount"])
                for o in event["outcomes"]
                if PenaltyKind(o["kind"]) in SENTENCES and o["amount"]
            )
        )
        docs = [sources[s["document"]] for s in event["sources"] if s["document"] in sources]
        lines.append(
            Segment(
                f"Latest sentence: {told}" + (f" ({when})" if when else "") + ".", report.cite(docs)
            )
        )
    section.blocks.append(Paragraph(lines, kind="entry"))
    if highlights:
        section.blocks.append(Paragraph([Segment("Timeline highlights:")], kind="entry"))
        for event in highlights:
            when = date_words(*_date_of(event["date"])) or "Undated"
            docs = [sources[s["document"]] for s in event["sources"] if s["document"] in sources]
            section.blocks.append(
                Paragraph([Segment(f"{when}: {event['summary']}.", report.cite(docs))], kind="item")
            )
    return section


def _date_of(text: str | None) -> tuple[date | None, str]:
    if not text:
        return None, ""
    fuzzy = FuzzyDate.parse(text)
    return fuzzy.earliest(), fuzzy.precision.value


def _penalty(kind: str, amount: str) -> str:
    from civicwatch.cases.summaries import outcome_phrase

    return outcome_phrase(PenaltyKind(kind), amount)


def _recommendations(period: Period, held: list[PersonRef]) -> Section:
    section = Section("Recommendations", 1)
    section.blocks.append(
        Paragraph(
            [
                Segment(
                    "[TO BE WRITTEN BY THE TEAM. Civicwatch does not draft recommendations. "
                    "The prompts below only point at what the records of this period show.]"
                )
            ],
            kind="placeholder",
        )
    )
    if held:
        section.blocks.append(
            Paragraph(
                [
                    Segment(
                        "[Prompt: the records show these people held now: "
                        f"{names([p.name for p in held])}. A recommendation on them?]"
                    )
                ],
                kind="placeholder",
            )
        )
    counts = Counter(
        provision.label for incident in period.incidents for provision in incident.articles
    )
    if counts:
        provisions = {p.label: p for i in period.incidents for p in i.articles}
        top = [
            articles_phrase([provisions[label]]).removeprefix("under ") + f" ({n} events)"
            for label, n in counts.most_common(3)
        ]
        section.blocks.append(
            Paragraph(
                [Segment(f"[Prompt: the provisions cited most this period: {names(top)}.]")],
                kind="placeholder",
            )
        )
    return section


def build_briefing(period: Period, country_name: str, chart: Figure | None = None) -> Report:
    report = Report(
        kind="briefing",
        title=f"{country_name}: briefing paper",
        subtitle=f"Developments from {period_words(period)}",
        country=period.country,
        date_from=period.date_from,
        date_to=period.date_to,
        level=period.level.value,
    )
    files = _case_files(period)
    held = _held(files)
    figures, by_type = key_figures(period, held)
    introduction = Section("Introduction", 1)
    introduction.blocks.append(
        Paragraph(
            [
                Segment(
                    f"This paper covers {country_name} from {period_words(period)}. It draws"
                    f" on {len(period.documents)} reports and records {len(period.incidents)}"
                    f" events concerning {len({p.id for c in period.cases for p in c.people})}"
                    " people."
                    if period.incidents
                    else f"No events are recorded for {country_name} in this period."
                )
            ]
        )
    )
    introduction.blocks.append(Table("Key figures", ["Figure", "Value"], figures))
    if by_type:
        introduction.blocks.append(Table("Events by type", ["Event type", "Events"], by_type))
    if chart is not None:
        introduction.blocks.append(chart)
    report.sections.append(introduction)
    report.sections.extend(thematic_sections(period, report, by_freedom=False))
    if files:
        report.sections.append(Section("Individual cases of concern", 1))
        report.sections.extend(_entry(person, data, period, report) for person, data in files)
    report.sections.append(_recommendations(period, held))
    return report


__all__ = ["build_briefing", "key_figures"]
