"""Statistics on a small database with known facts (database-heavy: also run on PostgreSQL).

The corpus, written for these tests: in March 2024 three fines of 100 MCI and two 15-day
administrative detentions at assemblies in Kazakhstan, one 5-day detention at a rally in
Bishkek; in April a prison sentence under CC 274 and a fine for a post (not an assembly);
a confidential note with a 200 MCI fine and a 10-day detention at rallies in Almaty; and
one person of the public report (Bolat Serikov, fined 100 MCI) marked confidential.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction

from civicwatch.core.vocab import EventType, PersonStatus, Sensitivity, Unit

pytestmark = pytest.mark.django_db

MARCH = (
    "Kazakhstan monthly digest, March 2024\n\n"
    "On 5 March 2024 police in Almaty detained the activist Aigerim Nurlanova at a peaceful "
    "rally; a court fined her 100 MCI under Article 488 of the Code of Administrative "
    "Offences.\n\n"
    "On 12 March 2024 police in Almaty detained the activist Bolat Serikov at a protest; a "
    "court fined him 100 MCI under Article 488 of the Code of Administrative Offences.\n\n"
    "On 19 March 2024 police in Shymkent detained the blogger Dana Yesimova at a picket; a "
    "court fined her 100 MCI under Article 488 of the Code of Administrative Offences.\n\n"
    "On 20 March 2024 police in Astana detained the activist Marat Zhaksybekov at a rally; a "
    "court sentenced him to 15 days of administrative detention under Article 488 of the Code "
    "of Administrative Offences.\n\n"
    "On 21 March 2024 police in Astana detained the activist Nurlan Tokayev at a rally; a "
    "court sentenced him to 15 days of administrative detention under Article 488 of the Code "
    "of Administrative Offences.\n"
)
KYRGYZSTAN = (
    "Kyrgyzstan update, March 2024\n\n"
    "On 10 March 2024 police in Bishkek detained the activist Aibek Osmonov at a rally; a "
    "court sentenced him to 5 days of administrative detention.\n"
)
APRIL = (
    "Kazakhstan monthly digest, April 2024\n\n"
    "On 8 April 2024 a court in Almaty sentenced the journalist Yerlan Kassymov to four years "
    "in prison under Article 274 of the Criminal Code.\n\n"
    "On 15 April 2024 a court in Taraz fined the blogger Saule Abenova 50 MCI for a post on "
    "social media under Article 456 of the Code of Administrative Offences.\n"
)
SECRET = (
    "Internal note, March 2024\n\n"
    "On 25 March 2024 police in Almaty detained the activist Timur Akhmetov at a peaceful "
    "rally; a court fined him 200 MCI under Article 488 of the Code of Administrative "
    "Offences.\n\n"
    "On 26 March 2024 police in Almaty detained the activist Gulnara Sadykova at a protest; a "
    "court sentenced her to 10 days of administrative detention under Article 488 of the "
    "Code of Administrative Offences.\n"
)
HIDDEN_PERSON = "Bolat Serikov"
SECRET_PEOPLE = ("Timur Akhmetov", "Gulnara Sadykova", HIDDEN_PERSON)


def build_known_database() -> None:
    """Ingest the four texts and mark one person confidential (inside a transaction)."""
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes
    from civicwatch.services.records import set_person_sensitivity
    from civicwatch.store.models import Person

    for name, text, level in (
        ("march.txt", MARCH, Sensitivity.PUBLIC),
        ("kyrgyzstan.txt", KYRGYZSTAN, Sensitivity.PUBLIC),
        ("april.txt", APRIL, Sensitivity.PUBLIC),
        ("secret.txt", SECRET, Sensitivity.CONFIDENTIAL),
    ):
        ingest_bytes(text.encode(), name, DocumentMetadata(sensitivity=level))
    person = Person.objects.get(canonical__isnull=True, canonical_name=HIDDEN_PERSON)
    set_person_sensitivity(person.pk, Sensitivity.CONFIDENTIAL)


@pytest.fixture(scope="module")
def known_database(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        build_known_database()
        yield
        transaction.set_rollback(True)


def figures(level: Sensitivity, **filters: Any) -> Any:
    from civicwatch.services.statistics import compute

    return compute(level, **filters)


def provision(stats: Any, label: str) -> int:
    return next((p.persons for p in stats.provisions if p.label == label), 0)


@pytest.mark.parametrize("level", [Sensitivity.PUBLIC, Sensitivity.INTERNAL])
def test_every_figure_below_confidential(known_database: None, level: Sensitivity) -> None:
    stats = figures(level)
    # March: 4 KZ events (Bolat's is hidden) + Bishkek; April: 2
    assert stats.total_events == 7
    assert [row.month for row in stats.months] == ["2024-03", "2024-04"]
    march, april = stats.months
    assert march.counts == {EventType.ADMINISTRATIVE_FINE: 2, EventType.ADMINISTRATIVE_DETENTION: 3}
    assert april.counts == {EventType.SENTENCE: 1, EventType.ADMINISTRATIVE_FINE: 1}
    # the fine for a post in Taraz is not at an assembly
    assert stats.assembly.fines == 2
    assert stats.assembly.fine_totals == {Unit.MCI: Decimal(200)}
    assert stats.assembly.detentions == 3
    assert stats.assembly.detention_days == Decimal(35)
    assert provision(stats, "CAO 488") == 4
    assert provision(stats, "CC 274") == 1
    assert provision(stats, "CAO 456") == 1
    assert stats.provisions[0].label == "CAO 488"
    assert stats.held_total == 1
    assert stats.held_by_status == {PersonStatus.SERVING_PRISON: 1}
    assert stats.countries == {"KZ": 6, "KG": 1}
    regions = {(r.region, r.country): r.events for r in stats.regions}
    assert regions == {
        ("Almaty region", "KZ"): 2,
        ("Akmola region", "KZ"): 2,
        ("Turkestan region", "KZ"): 1,
        ("Zhambyl region", "KZ"): 1,
        ("Chuy region", "KG"): 1,
    }
    assert {p.name: p.events for p in stats.places}["Almaty"] == 2
    assert stats.unplaced_events == 0


def test_confidential_level_counts_everything(known_database: None) -> None:
    stats = figures(Sensitivity.CONFIDENTIAL)
    assert stats.total_events == 10
    assert stats.assembly.fines == 4
    assert stats.assembly.fine_totals == {Unit.MCI: Decimal(500)}
    assert stats.assembly.detentions == 4
    assert stats.assembly.detention_days == Decimal(45)
    assert provision(stats, "CAO 488") == 7
    assert {p.name: p.events for p in stats.places}["Almaty"] == 5


def test_confidential_records_change_no_figure_at_a_lower_level(known_database: None) -> None:
    """The public and internal figures are exactly those of a database without the
    confidential note and the confidential person: every dataclass compares equal."""
    from civicwatch.services.documents import DocumentMetadata, ingest_bytes

    before = {level: figures(level) for level in (Sensitivity.PUBLIC, Sensitivity.INTERNAL)}
    with transaction.atomic():
        # one more confidential record of each kind must not move a number either
        ingest_bytes(
            (
                b"Confidential addendum, April 2024\n\n"
                b"On 2 April 2024 police in Almaty detained the activist Ruslan Ibrayev at a "
                b"rally; a court fined him 300 MCI under Article 488 of the Code of "
                b"Administrative Offences.\n"
            ),
            "addendum.txt",
            DocumentMetadata(sensitivity=Sensitivity.CONFIDENTIAL),
        )
        for level, stats in before.items():
            after = figures(level)
            assert after.months == stats.months
            assert after.assembly == stats.assembly
            assert after.provisions == stats.provisions
            assert after.regions == stats.regions
            assert after.places == stats.places
            assert after.held_total == stats.held_total
        assert figures(Sensitivity.CONFIDENTIAL).assembly.fines == 5
        transaction.set_rollback(True)


def test_country_filter(known_database: None) -> None:
    kz = figures(Sensitivity.PUBLIC, country="kz")
    assert kz.filter.country == "KZ"
    assert kz.total_events == 6
    assert (kz.assembly.fines, kz.assembly.detentions, kz.assembly.detention_days) == (2, 2, 30)
    assert kz.held_total == 1
    kg = figures(Sensitivity.PUBLIC, country="KG")
    assert kg.total_events == 1
    assert (kg.assembly.fines, kg.assembly.detentions, kg.assembly.detention_days) == (0, 1, 5)
    assert kg.held_total == 0
    assert kg.provisions == []
    assert figures(Sensitivity.PUBLIC, country="TJ").total_events == 0


def test_period_filter(known_database: None) -> None:
    april = figures(Sensitivity.PUBLIC, date_from=date(2024, 4, 1), date_to=date(2024, 4, 30))
    assert april.total_events == 2
    assert [row.month for row in april.months] == ["2024-04"]
    assert april.assembly.fines == 0 and april.assembly.detentions == 0
    assert {p.label for p in april.provisions} == {"CC 274", "CAO 456"}
    # held is a state today, not an event of the period
    assert april.held_total == 1
    march_only = figures(Sensitivity.PUBLIC, date_to=date(2024, 3, 31))
    assert march_only.total_events == 5
    assert march_only.assembly.fine_totals == {Unit.MCI: Decimal(200)}


def test_bad_filters_are_refused(known_database: None) -> None:
    from civicwatch.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="two-letter"):
        figures(Sensitivity.PUBLIC, country="Kazakhstan")
    with pytest.raises(InvalidValueError, match="after it ends"):
        figures(Sensitivity.PUBLIC, date_from=date(2024, 5, 1), date_to=date(2024, 4, 1))
    with pytest.raises(InvalidValueError, match="unknown level"):
        figures("secret")  # type: ignore[arg-type]


def test_json_and_csv_figures(known_database: None) -> None:
    import csv
    import json

    from civicwatch.services.statistics import to_csv, to_json

    stats = figures(Sensitivity.PUBLIC)
    data = json.loads(to_json(stats))
    assert data["assembly_penalties"]["fine_totals"] == {"MCI": 200}
    assert data["assembly_penalties"]["detention_days"] == 35
    assert data["events"]["by_month"][0]["by_type"] == {
        "administrative_fine": 2,
        "administrative_detention": 3,
    }
    rows = list(csv.DictReader(io.StringIO(to_csv(stats))))
    assert {"table": "assembly_penalties", "key": "fines", "detail": "", "value": "2"} in rows
    assert {"table": "persons_held", "key": "total", "detail": "", "value": "1"} in rows


def test_charts_are_real_images_from_visible_rows(known_database: None) -> None:
    from PIL import Image

    from civicwatch.services.statistics import chart

    public = figures(Sensitivity.PUBLIC)
    for name in ("monthly", "provisions", "map"):
        svg = chart(name, public, "svg").decode()
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        # nothing for a viewer to fetch (namespaces are names, not requests)
        assert 'href="http' not in svg and "@import" not in svg and "url(http" not in svg
        png = chart(name, public, "png")
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and image.size[0] > 600
    monthly = chart("monthly", public, "svg").decode()
    assert "2024-03" in monthly and "Administrative detention" in monthly
    assert "CAO 488" in chart("provisions", public, "svg").decode()
    public_map = chart("map", public, "svg").decode()
    assert "Almaty (2)" in public_map and "Bishkek (1)" in public_map
    secret_map = chart("map", figures(Sensitivity.CONFIDENTIAL), "svg").decode()
    assert "Almaty (5)" in secret_map
    for name in SECRET_PEOPLE:
        assert name not in monthly + public_map


def test_charts_of_an_empty_selection(known_database: None) -> None:
    from civicwatch.services.statistics import chart

    empty = figures(Sensitivity.PUBLIC, country="TJ")
    assert "No dated events" in chart("monthly", empty, "svg").decode()
    assert "No events with a known place" in chart("map", empty, "svg").decode()
    with pytest.raises(Exception, match="chart format"):
        chart("monthly", empty, "gif")


CONCURRENT_FIRST_CHARTS = """
import django, threading
django.setup()
from civicwatch.core.vocab import Sensitivity
from civicwatch.reports import charts
from civicwatch.reports.statistics import AssemblyPenalties, Statistics, StatsFilter

empty = Statistics(StatsFilter(Sensitivity.PUBLIC), 0, 0, [], [], AssemblyPenalties(), [], 0,
                   {}, [], {}, [], 0)
errors = []

def draw(function):
    try:
        function(empty, "svg")
    except Exception as error:  # reported below
        errors.append(repr(error))

threads = [threading.Thread(target=draw, args=(f,)) for f in
           (charts.events_map, charts.monthly_events_chart, charts.provisions_chart) * 4]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
assert not errors, errors
print("ok")
"""


def test_first_charts_drawn_at_once_in_a_fresh_process(tmp_path: Any) -> None:
    """The web server draws a page's three charts in parallel threads; the first ones in a
    process import matplotlib, which must not race (it did: a circular-import error)."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "MPLCONFIGDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", CONCURRENT_FIRST_CHARTS],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-2000:]


def test_the_outline_pack_covers_the_monitored_countries() -> None:
    from civicwatch.reports.charts import country_outlines

    outlines = country_outlines()
    for code in ("KZ", "KG", "TJ", "UZ", "BY", "RU", "AZ", "AM", "GE"):
        assert code in outlines and not outlines[code]["context"], code
        for polygon in outlines[code]["polygons"]:
            assert len(polygon) >= 4 and polygon[0] == polygon[-1]
            assert all(-180 <= x <= 200 and -90 <= y <= 90 for x, y in polygon)
    # Almaty lies inside Kazakhstan's bounding box, Baku inside Azerbaijan's
    for code, (lon, lat) in {"KZ": (76.89, 43.24), "AZ": (49.87, 40.41)}.items():
        points = [pt for polygon in outlines[code]["polygons"] for pt in polygon]
        assert min(x for x, _ in points) < lon < max(x for x, _ in points)
        assert min(y for _, y in points) < lat < max(y for _, y in points)


def test_detention_terms_in_days() -> None:
    from civicwatch.reports.statistics import _days

    assert _days(Decimal(15), Unit.DAYS.value) == 15
    assert _days(Decimal(48), Unit.HOURS.value) == 2
    assert _days(Decimal(2), Unit.WEEKS.value) == 14
    assert _days(Decimal(1), Unit.MONTHS.value) is None
    assert _days(None, Unit.DAYS.value) is None


def test_a_chart_url_computes_only_what_the_chart_draws(known_database: None) -> None:
    from civicwatch.services.statistics import chart, compute

    full = compute(Sensitivity.PUBLIC)
    for name in ("monthly", "provisions", "map"):
        partial = compute(Sensitivity.PUBLIC, for_chart=name)
        assert chart(name, partial, "svg") == chart(name, full, "svg"), name
    monthly_only = compute(Sensitivity.PUBLIC, for_chart="monthly")
    assert monthly_only.provisions == [] and monthly_only.places == []
    assert monthly_only.months == full.months
