"""A realistic case database of any size, for the web speed benchmark.

``generate(events=100_000)`` fills an empty, migrated database (SQLite or PostgreSQL) with
what ingesting a few tens of thousands of monitoring reports would leave behind, in the
proportions the demo and development corpora show:

- documents: one per five events (title, publisher, date, country, a short text), 20 %
  public, 70 % internal, 10 % confidential;
- persons: three per ten events, each named by a person claim in a document, with roles,
  a status and a sensitivity (5 % confidential); how many events a person appears in
  follows a long tail (the busiest few appear in about 40), and one person (``focus``)
  appears in 250 events;
- events: types weighted as reports tell them (detentions, fines and sentences first),
  a place three times in four (cities, regions and courts of seven countries), a precise
  or fuzzy date between 2015 and 2025, freedoms, articles cited, 1-3 source documents
  (each an event claim), one or two people involved;
- charges (a legal provision per charged person), outcomes for penalties, follow-ups.

Rows are written with ``bulk_create`` and explicit ids; run it on an empty database.
Nothing here is used by the application; the benchmark imports it after ``django.setup()``.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction

COUNTRIES = {
    "KZ": (0.35, ["Almaty", "Astana", "Shymkent", "Aktobe", "Oral", "Zhanaozen", "Taraz"]),
    "KG": (0.15, ["Bishkek", "Osh", "Jalal-Abad", "Karakol", "Naryn"]),
    "TJ": (0.10, ["Dushanbe", "Khujand", "Khorog", "Bokhtar"]),
    "UZ": (0.10, ["Tashkent", "Nukus", "Samarkand", "Andijan"]),
    "BY": (0.15, ["Minsk", "Gomel", "Brest", "Grodno", "Vitebsk"]),
    "AZ": (0.10, ["Baku", "Ganja", "Sumgait"]),
    "RU": (0.05, ["Moscow", "Kazan", "Ufa"]),
}
REGIONS = {
    "KZ": ["Mangystau region", "Almaty region", "West Kazakhstan region"],
    "KG": ["Osh region", "Chui region"],
    "TJ": ["Gorno-Badakhshan region", "Sughd region"],
    "UZ": ["Karakalpakstan", "Fergana region"],
    "BY": ["Gomel region", "Brest region"],
    "AZ": ["Absheron region"],
    "RU": ["Bashkortostan"],
}
ARTICLES = {
    "KZ": ["CC 174", "CC 274", "CC 405", "CC 272", "CAO 488", "CAO 489"],
    "KG": ["CC 278", "CC 327", "CAO 122"],
    "TJ": ["CC 307", "CC 189", "CAO 460"],
    "UZ": ["CC 159", "CC 244-1", "CAO 201"],
    "BY": ["CC 342", "CC 361-1", "CC 130", "CAO 24.23", "CAO 19.11"],
    "AZ": ["CC 206", "CC 192", "CAO 513"],
    "RU": ["CC 207.3", "CC 280.3", "CAO 20.2", "CAO 20.3.3"],
}
EVENT_TYPES = {
    "detention": 15,
    "administrative_fine": 12,
    "administrative_detention": 10,
    "sentence": 8,
    "charge": 8,
    "summons": 6,
    "search": 5,
    "pretrial_detention": 5,
    "trial_opened": 4,
    "release": 4,
    "appeal_rejected": 3,
    "harassment": 3,
    "assembly_dispersed": 3,
    "threat": 2,
    "physical_attack": 2,
    "website_blocked": 2,
    "travel_restriction": 1,
    "house_arrest": 1,
    "conviction": 1,
    "torture_allegation": 1,
    "pressure_on_relatives": 1,
    "organisation_banned": 1,
    "arrest": 2,
}
PENALTIES = {
    "sentence": ("prison", "years", (1, 12)),
    "administrative_fine": ("fine", "MCI", (10, 400)),
    "administrative_detention": ("admin_detention", "days", (3, 30)),
    "pretrial_detention": ("pretrial_detention", "months", (1, 6)),
    "house_arrest": ("house_arrest", "months", (1, 6)),
}
CHARGED = {"charge", "sentence", "conviction", "administrative_fine", "administrative_detention"}
ROLES = ["activist", "journalist", "blogger", "human_rights_defender", "lawyer", "politician"]
STATUSES = {
    "at_liberty": 30,
    "unknown": 20,
    "serving_prison": 12,
    "pretrial_detention": 8,
    "released": 10,
    "under_investigation": 8,
    "serving_noncustodial": 6,
    "house_arrest": 3,
    "in_exile": 3,
}
GIVEN = ["Askar", "Aigerim", "Daulet", "Zhanar", "Nurlan", "Dinara", "Marat", "Gulnara",
         "Bekzat", "Aliya", "Timur", "Saltanat", "Rustam", "Madina", "Yerlan", "Kamila",
         "Ihar", "Maryia", "Siarhei", "Volha", "Anar", "Leyla", "Farid", "Nigora"]  # fmt: skip
FAMILY = ["Nurpeisov", "Tulegenov", "Seitkali", "Mukhtarov", "Kassymbekov", "Orazbayev",
          "Zhakupov", "Abenov", "Sadykov", "Ismailov", "Karimov", "Rakhimov", "Yusupov",
          "Hasanov", "Mammadov", "Aliyev", "Kavalenka", "Losik", "Babaryka", "Statkevich",
          "Dzhaparov", "Tashiev", "Mirzoev", "Saidov", "Umarov", "Bekov", "Temirov"]  # fmt: skip
PUBLISHERS = ["CIVICUS Monitor", "Kazakhstan Bureau for Human Rights", "Viasna",
              "Freedom Now", "Human Rights Watch", "Local monitors", "Adilet"]  # fmt: skip

#: Events of the one person whose page the benchmark renders (a prominent case).
FOCUS_EVENTS = 250

START = date(2015, 1, 1)
DAYS = (date(2025, 12, 31) - START).days


@dataclass
class Generated:
    documents: int
    persons: int
    events: int
    claims: int
    involvements: int
    charges: int
    outcomes: int
    followups: int
    focus: int  # the person with the most events


def _weighted(rng: random.Random, table: dict[str, Any]) -> str:
    keys = list(table)
    weights = [table[k] if isinstance(table[k], int | float) else table[k][0] for k in keys]
    return rng.choices(keys, weights)[0]


def _fuzzy(rng: random.Random, day: date) -> tuple[date, date, str]:
    roll = rng.random()
    if roll < 0.80:
        return day, day, "day"
    first = day.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if roll < 0.92:
        return first, last, "month"
    if roll < 0.97:
        part = rng.choice(["early", "mid", "late"])
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return first.replace(day=bounds[0]), first.replace(day=bounds[1]), part
    return date(day.year, 1, 1), date(day.year, 12, 31), "year"


def generate(events: int = 100_000, *, seed: int = 9, batch: int = 5000) -> Generated:
    """Fill an empty database; returns what was written."""
    from civicwatch.cases.levels import refresh_event_columns
    from civicwatch.core.names import name_key
    from civicwatch.store.models import (
        Charge,
        Claim,
        Document,
        Event,
        Followup,
        Involvement,
        LegalProvision,
        Outcome,
        Person,
        PersonName,
        Place,
    )

    rng = random.Random(seed)
    n_documents = max(events // 5, 10)
    n_persons = max(events * 3 // 10, 10)

    with transaction.atomic():
        # -- places: cities under regions, a court in every city, and the countries --
        places: list[Any] = []
        by_country: dict[str, list[int]] = {}
        pid = 0
        for code, (_, cities) in COUNTRIES.items():
            regions = []
            for name in REGIONS[code]:
                pid += 1
                places.append(Place(id=pid, name=name, kind="region", country_code=code))
                regions.append(pid)
            for city in cities:
                pid += 1
                places.append(
                    Place(
                        id=pid,
                        name=city,
                        kind="city",
                        country_code=code,
                        parent_id=rng.choice(regions),
                    )
                )
                by_country.setdefault(code, []).append(pid)
                pid += 1
                places.append(Place(id=pid, name=f"{city} City Court", kind="building"))
                by_country[code].append(pid)
        Place.objects.bulk_create(places)

        provisions = []
        provision_ids: dict[tuple[str, str], int] = {}
        for code, labels in ARTICLES.items():
            for label in labels:
                law, article = label.split(" ", 1)
                provisions.append(
                    LegalProvision(
                        id=len(provisions) + 1, jurisdiction=code, code=law, article=article
                    )
                )
                provision_ids[(code, label)] = len(provisions)
        LegalProvision.objects.bulk_create(provisions)

        # -- documents --
        countries = list(COUNTRIES)
        country_weights = [COUNTRIES[c][0] for c in countries]
        doc_country: list[str] = [""]
        documents = []
        for did in range(1, n_documents + 1):
            country = rng.choices(countries, country_weights)[0]
            doc_country.append(country)
            published = START + timedelta(days=rng.randrange(DAYS))
            sentences = " ".join(
                f"On {published:%d %B %Y}, {rng.choice(GIVEN)} {rng.choice(FAMILY)} was "
                f"{rng.choice(['detained', 'fined', 'summoned', 'sentenced', 'questioned'])} "
                f"in {rng.choice(COUNTRIES[country][1])}."
                for _ in range(rng.randint(6, 14))
            )
            text = f"Monitoring update {did}\n\n{sentences}\n"
            sensitivity = rng.choices(["public", "internal", "confidential"], [20, 70, 10])[0]
            documents.append(
                Document(
                    id=did,
                    sha256=hashlib.sha256(f"bench-{seed}-{did}".encode()).hexdigest(),
                    filename=f"update-{did}.txt",
                    media_type="text/plain",
                    size_bytes=len(text.encode()),
                    reader="plain-text/1",
                    text=text,
                    title=f"{country}: monitoring update {did}",
                    publisher=rng.choice(PUBLISHERS),
                    published=published,
                    language="en",
                    country=country,
                    sensitivity=sensitivity,
                    cases_pending=False,
                )
            )
            if len(documents) >= batch:
                Document.objects.bulk_create(documents)
                documents = []
        Document.objects.bulk_create(documents)

        claim_id = 0
        claims: list[Any] = []

        def claim(document: int, kind: str, value: dict[str, Any], **extra: Any) -> int:
            nonlocal claim_id, claims
            claim_id += 1
            start = rng.randrange(0, 400)
            claims.append(
                Claim(
                    id=claim_id,
                    document_id=document,
                    kind=kind,
                    start=start,
                    end=start + 30,
                    quote="the words the fact was read from",
                    value=value,
                    machine_value=value,
                    extractor="civicwatch",
                    extractor_version="bench",
                    confidence=round(rng.uniform(0.5, 1.0), 2),
                    review_state=rng.choices(["proposed", "accepted", "corrected"], [70, 25, 5])[0],
                    **extra,
                )
            )
            if len(claims) >= batch:
                Claim.objects.bulk_create(claims)
                claims = []
            return claim_id

        # -- persons, each named in one document --
        persons = []
        names = []
        person_country: list[str] = [""]
        person_claim_doc: list[int] = [0]
        for person_id in range(1, n_persons + 1):
            document = rng.randrange(1, n_documents + 1)
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}{rng.choice(['', 'a', 'ov'])}"
            if person_id == 1:
                name = "Zhanbolat Mamai"
            cid = claim(document, "person", {"name": name})
            persons.append(
                Person(
                    id=person_id,
                    canonical_name=name,
                    claim_id=cid,
                    roles=rng.sample(ROLES, rng.choice([0, 1, 1, 1, 2])),
                    country=doc_country[document],
                    sensitivity="confidential" if rng.random() < 0.05 else "public",
                    status=_weighted(rng, STATUSES),
                    status_since=START + timedelta(days=rng.randrange(DAYS)),
                    live=True,
                    needs_build=False,
                )
            )
            names.append(PersonName(person_id=person_id, name=name, match_key=name_key(name)))
            person_country.append(doc_country[document])
            person_claim_doc.append(document)
        Claim.objects.bulk_create(claims)
        claims = []
        # a person's sensitivity must not hide the benchmark's focus person
        persons[0].sensitivity = "public"
        Person.objects.bulk_create(persons, batch_size=batch)
        PersonName.objects.bulk_create(names, batch_size=batch)

        # -- events, their sources, involvements, outcomes --
        type_keys = list(EVENT_TYPES)
        type_weights = list(EVENT_TYPES.values())
        # a long tail: a few people appear in many events
        weights = [1.0 / (rank + 100) ** 0.5 for rank in range(1, n_persons + 1)]
        order = list(range(2, n_persons + 1))
        rng.shuffle(order)
        pool = order
        event_rows = []
        sources = []
        involvements = []
        outcomes = []
        outcomes_through: list[Any] = []
        charged: dict[int, set[str]] = {}
        through = Event.sources.through
        outcome_sources = Outcome.sources.through
        oid = 0
        for eid in range(1, events + 1):
            event_type = rng.choices(type_keys, type_weights)[0]
            if eid % max(events // FOCUS_EVENTS, 2) == 0:
                people = [1]
            else:
                people = [rng.choices(pool, weights[: len(pool)])[0]]
                if rng.random() < 0.3:
                    people.append(rng.choice(pool))
            country = person_country[people[0]] or rng.choices(countries, country_weights)[0]
            day = START + timedelta(days=rng.randrange(DAYS))
            start, end, precision = _fuzzy(rng, day)
            place = rng.choice(by_country[country]) if rng.random() < 0.75 else None
            articles = (
                rng.sample(ARTICLES[country], rng.choice([1, 1, 2]))
                if event_type in CHARGED
                else []
            )
            freedoms = (
                rng.sample(["association", "peaceful_assembly", "expression"], rng.choice([1, 2]))
                if rng.random() < 0.6
                else []
            )
            n_sources = rng.choices([1, 2, 3], [75, 20, 5])[0]
            docs = {person_claim_doc[people[0]]} | {
                rng.randrange(1, n_documents + 1) for _ in range(n_sources - 1)
            }
            event_rows.append(
                Event(
                    id=eid,
                    type=event_type,
                    place_id=place,
                    freedoms=freedoms,
                    articles=articles,
                    summary=f"{event_type.replace('_', ' ').capitalize()}"
                    + (f" ({', '.join(articles)})" if articles else ""),
                    corroboration=len(docs),
                    review_state=rng.choices(["proposed", "accepted"], [75, 25])[0],
                    date_start=start,
                    date_end=end,
                    date_precision=precision,
                )
            )
            source_claims = []
            for document in sorted(docs):
                cid = claim(document, "event", {"type": event_type, "date": str(start)})
                source_claims.append(cid)
                sources.append(through(event_id=eid, claim_id=cid))
            for person in people:
                involvements.append(Involvement(event_id=eid, person_id=person, role="defendant"))
                for label in articles:
                    charged.setdefault(person, set()).add(f"{country}|{label}")
            if event_type in PENALTIES:
                kind, unit, (low, high) = PENALTIES[event_type]
                amount = rng.randint(low, high)
                oid += 1
                outcomes.append(
                    Outcome(
                        id=oid,
                        event_id=eid,
                        person_id=people[0],
                        kind=kind,
                        amount=f"{amount} {unit}",
                        quantity=amount,
                        unit=unit,
                        date_start=start,
                        date_end=end,
                        date_precision=precision,
                    )
                )
                outcomes_through.append(outcome_sources(outcome_id=oid, claim_id=source_claims[0]))
            if len(event_rows) >= batch:
                Claim.objects.bulk_create(claims)
                claims = []
                Event.objects.bulk_create(event_rows)
                through.objects.bulk_create(sources)
                Involvement.objects.bulk_create(involvements)
                Outcome.objects.bulk_create(outcomes)
                outcome_sources.objects.bulk_create(outcomes_through)
                event_rows, sources, involvements, outcomes = [], [], [], []
                outcomes_through.clear()
        Claim.objects.bulk_create(claims)
        Event.objects.bulk_create(event_rows)
        through.objects.bulk_create(sources)
        Involvement.objects.bulk_create(involvements)
        Outcome.objects.bulk_create(outcomes)
        outcome_sources.objects.bulk_create(outcomes_through)

        charges = []
        for person, labels in charged.items():
            for entry in sorted(labels):
                code, label = entry.split("|", 1)
                charges.append(
                    Charge(
                        person_id=person,
                        provision_id=provision_ids[(code, label)],
                        status="brought",
                        first_date=START + timedelta(days=rng.randrange(DAYS)),
                    )
                )
        Charge.objects.bulk_create(charges, batch_size=batch)

        followups = [
            Followup(
                person_id=rng.randrange(1, n_persons + 1),
                kind=rng.choice(["appeal_pending", "detention_until", "sentence_ends"]),
                due=START + timedelta(days=rng.randrange(DAYS + 400)),
                summary="Check again",
            )
            for _ in range(n_persons // 4)
        ]
        Followup.objects.bulk_create(followups, batch_size=batch)
        # who may see each event, as the case builder keeps it
        refresh_event_columns()

    return Generated(
        documents=n_documents,
        persons=n_persons,
        events=events,
        claims=claim_id,
        involvements=Involvement.objects.count(),
        charges=len(charges),
        outcomes=oid,
        followups=len(followups),
        focus=1,
    )
