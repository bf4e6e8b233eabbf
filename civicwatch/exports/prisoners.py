"""The political-prisoner list as CSV, at an export's level.

One row per person recognised as a political prisoner (a recognition the level may show)
who is still held: status, since when, expected release, articles charged, the latest
custodial sentence, and who recognised them on which PACE Resolution 1900 criteria.
CSV only for now: the PDF waits for the reports area's WeasyPrint renderer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch

from civicwatch.core.vocab import HELD_STATUSES, PenaltyKind, PersonStatus
from civicwatch.exports.csv_export import csv_text
from civicwatch.exports.scope import CHUNK, Scope
from civicwatch.exports.tables import SEPARATOR, iso, label
from civicwatch.store.models import Charge, Outcome

COLUMNS = [
    "id",
    "name",
    "status",
    "since",
    "expected_release",
    "articles",
    "sentence",
    "recognised_by",
    "criteria",
]
CUSTODIAL = (PenaltyKind.PRISON.value, PenaltyKind.RESTRICTED_FREEDOM.value)


def _rows(scope: Scope, include_released: bool) -> Iterator[dict[str, Any]]:
    recognitions = scope.recognitions
    people = scope.roots.filter(
        Exists(recognitions.filter(person__canonical=OuterRef("pk")))
        | Exists(recognitions.filter(person=OuterRef("pk")))
    )
    if not include_released:
        people = people.filter(status__in=[status.value for status in HELD_STATUSES])
    people = people.order_by("canonical_name", "pk").prefetch_related(
        Prefetch(
            "charges",
            Charge.objects.filter(pk__in=scope.charges.values("pk"))
            .select_related("provision")
            .order_by("first_date", "pk"),
        ),
        Prefetch(
            "outcomes",
            Outcome.objects.filter(pk__in=scope.outcomes.values("pk"), kind__in=CUSTODIAL).order_by(
                "-date_start", "-pk"
            ),
        ),
    )
    for person in people.iterator(chunk_size=CHUNK):
        recognised = list(
            recognitions.filter(
                person__in=[person.pk, *person.members.values_list("pk", flat=True)]
            ).order_by("date", "pk")
        )
        outcomes = list(person.outcomes.all())
        latest = outcomes[0] if outcomes else None
        yield {
            "id": person.pk,
            "name": person.canonical_name,
            "status": label(PersonStatus, person.status),
            "since": iso(person.status_since),
            "expected_release": iso(person.expected_release),
            "articles": SEPARATOR.join(
                dict.fromkeys(
                    charge.provision.label
                    + (f" ({charge.provision.short_title})" if charge.provision.short_title else "")
                    for charge in person.charges.all()
                )
            ),
            "sentence": (
                " ".join(filter(None, [label(PenaltyKind, latest.kind), latest.amount]))
                if latest
                else ""
            ),
            "recognised_by": SEPARATOR.join(
                " ".join(filter(None, [r.recognised_by, iso(r.date)])) for r in recognised
            ),
            "criteria": SEPARATOR.join(
                sorted({criterion for r in recognised for criterion in r.criteria})
            ),
        }


def prisoner_rows(scope: Scope, *, include_released: bool = False) -> Iterator[str]:
    return csv_text(COLUMNS, _rows(scope, include_released))


PDF_COLUMNS = [
    ("name", "Name"),
    ("status", "Status"),
    ("since", "Since"),
    ("expected_release", "Expected release"),
    ("articles", "Articles"),
    ("sentence", "Sentence"),
    ("recognised_by", "Recognised by"),
    ("criteria", "PACE criteria"),
]
_PDF_STYLE = """
@page { size: A4 landscape; margin: 15mm; }
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #888; padding: 3pt; text-align: left; vertical-align: top; }
th { background: #eee; }
"""


def prisoner_pdf(scope: Scope, *, include_released: bool = False) -> bytes:
    """The list as a PDF table, through the reports area's WeasyPrint set-up (nothing is
    fetched from anywhere: fonts come from the system). A list of people fits in memory;
    the CSV is the streaming form."""
    from html import escape

    from civicwatch.reports.render import ReportRenderError, local_only, pdf_available

    problem = pdf_available()
    if problem:
        raise ReportRenderError(problem)
    import weasyprint

    rows = list(_rows(scope, include_released))
    head = "".join(f"<th>{escape(title)}</th>" for _, title in PDF_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(row[key]))}</td>" for key, _ in PDF_COLUMNS) + "</tr>"
        for row in rows
    )
    title = "Political prisoners"
    html = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{_PDF_STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>{len(rows)} people recognised as political prisoners and still held "
        f"(Civicwatch export, level {escape(scope.level.value)}).</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )
    result: bytes = weasyprint.HTML(string=html, url_fetcher=local_only).write_pdf()
    return result
