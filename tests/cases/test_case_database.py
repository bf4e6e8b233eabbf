"""The case database built from the demo corpus: one person per individual, dated
timelines with sources and corroboration, status, conflicts, follow-ups."""

from __future__ import annotations

import itertools

import pytest

from civicwatch.core.names import name_key
from tests.cases.conftest import person_named
from tests.conftest import DEV_CORPUS

pytestmark = pytest.mark.django_db

# Who recurs in the demo corpus, under which spellings (examples/README.md).
RECURRING = {
    "Yerlan Zhaksybayev": {"Yerlan Zhaksybayev", "Yerlan Zhaksybaev", "Ерлан Жаксыбаев"},
    "Aigerim Tleubayeva": {"Aigerim Tleubayeva", "Айгерим Тлеубаева"},
    "Daulet Sadykuly": {"Daulet Sadykuly", "Даулет Садыкулы"},
    "Zhanar Mukhtarova": {"Zhanar Mukhtarova", "Janar Mukhtarova"},
    "Bekzat Orazbayev": {"Bekzat Orazbayev", "Бекзат Оразбаев"},
    "Aslan Kenzhebayev": {"Aslan Kenzhebayev", "Аслан Кенжебаев"},
    "Serik Zhumagali": {"Serik Zhumagali", "Serik Zhumagaly", "Серик Жумагалы"},
    "Kairat Yesmagambetov": {"Kairat Yesmagambetov", "Kairat Yesmagambet", "Кайрат Есмагамбет"},
    "Ruslan Abdrakhmanov": {"Ruslan Abdrakhmanov", "Руслан Абдрахманов"},
    "Saltanat Aitbayeva": {"Saltanat Aitbayeva"},
    "Nurlan Ospanov": {"Nurlan Ospanov"},
    "Gaukhar Seitkali": {"Gaukhar Seitkali"},
}


def roots_by_key() -> dict[str, set[int]]:
    from civicwatch.services.persons import person_list

    found: dict[str, set[int]] = {}
    for person in person_list():
        for spelling in [person["name"], *person["variants"]]:
            found.setdefault(name_key(spelling), set()).add(person["id"])
    return found


def test_every_spelling_of_a_recurring_person_is_one_person(demo_database) -> None:
    keys = roots_by_key()
    for name, spellings in RECURRING.items():
        roots = set().union(*(keys.get(name_key(s), set()) for s in spellings))
        assert len(roots) == 1, f"{name}: spellings spread over persons {roots}"


def test_different_people_are_never_merged(demo_database) -> None:
    keys = roots_by_key()
    roots = {
        name: set().union(*(keys.get(name_key(s), set()) for s in spellings))
        for name, spellings in RECURRING.items()
    }
    for (a, roots_a), (b, roots_b) in itertools.combinations(roots.items(), 2):
        assert not roots_a & roots_b, f"{a} and {b} merged"
    # "Tleubayev A." (a male student) is not Aigerim Tleubayeva.
    assert not keys.get(name_key("Tleubayev A."), set()) & roots["Aigerim Tleubayeva"]


def test_the_development_reports_link_their_recurring_people(demo_database) -> None:
    if not (DEV_CORPUS / "iphr-kibhr-briefing-2024-04.txt").exists():
        pytest.skip("development corpus not available (CIVICWATCH_CORPUS_DIR)")
    keys = roots_by_key()
    same = [
        ("Zhanbolat Mamai",),
        ("Marat Zhylanbayev", "Marat Zhylanbaev"),
        ("Aikorkem Meldekhan",),
    ]
    for spellings in same:
        roots = set().union(*(keys.get(name_key(s), set()) for s in spellings))
        assert len(roots) == 1, f"{spellings}: {roots}"
    apart = [
        ("Marat Zhylanbayev", "Venera Zhanbayeva"),
        ("Kenzhebek Sultanbekov", "Kairat Sultanbek"),
        ("Dinara Mubarak", "Aydar Mubarakov"),
        ("Aigerim Tleuzhan", "Aigerim Tleubayeva"),
    ]
    for a, b in apart:
        roots_a, roots_b = keys.get(name_key(a), set()), keys.get(name_key(b), set())
        assert not roots_a & roots_b, f"{a} and {b} merged"


def test_case_file_has_a_dated_timeline_with_sources_and_corroboration(demo_database) -> None:
    data = person_named("Zhaksybayev")
    assert data["name"] == "Yerlan Zhaksybayev"
    assert "Ерлан Жаксыбаев" in data["variants"]
    dated = [event["date"] for event in data["events"] if event["date"]]
    from civicwatch.core.dates import FuzzyDate

    keys = [FuzzyDate.parse(value).sort_key() for value in dated]
    assert keys == sorted(keys)
    assert all(event["sources"] for event in data["events"])
    sentence = next(
        e
        for e in data["events"]
        if e["type"] == "sentence" and {"kind": "prison", "amount": "7 years"} in e["outcomes"]
    )
    assert sentence["date"] == "2023-09-19"
    assert sentence["corroboration"] >= 2
    assert {source["document"] for source in sentence["sources"]} >= {5, 7} or len(
        sentence["sources"]
    ) >= 2
    for source in sentence["sources"]:
        assert source["quote"] and source["title"] and source["sentence"]
    assert sentence["review_state"] == "proposed"  # nothing reviewed yet, and it says so


def test_status_comes_with_its_source(demo_database) -> None:
    data = person_named("Zhaksybayev")
    status = data["status"]
    assert status["code"] == "serving_prison"
    # held since the arrest; the cassation court's five years count from it
    assert (status["since"], status["expected_release"]) == ("2023-02-09", "2028-02-08")
    assert status["source"]["document"]
    assert status["as_of"]
    released = person_named("Aigerim Tleubayeva")["status"]
    assert (released["code"], released["since"]) == ("released", "2024-04-17")


def test_charges_carry_their_jurisdiction_and_sources(demo_database) -> None:
    data = person_named("Zhaksybayev")
    charges = {charge["label"]: charge for charge in data["charges"]}
    assert {"CC 174", "CC 274"} <= set(charges)
    assert charges["CC 174"]["jurisdiction"] == "KZ"
    assert charges["CC 174"]["first_date"] == "2023-02-09"
    assert len({source["document"] for source in charges["CC 174"]["sources"]}) >= 3


def test_the_planted_contradiction_is_a_flagged_conflict(demo_database) -> None:
    data = person_named("Zhaksybayev")
    amounts = [
        {value["value"] for value in conflict["values"]}
        for conflict in data["conflicts"]
        if conflict["kind"] == "amount"
    ]
    assert {"7 years", "8 years"} in amounts


def test_followups_appear_in_the_case_file_and_the_list(demo_database) -> None:
    from civicwatch.services.cases import followup_list

    rows = followup_list()
    assert rows
    assert all(row["summary"] and row["kind"] for row in rows)
    dated = [row["due"] for row in rows if row["due"]]
    assert dated == sorted(dated)


def test_person_list_shape(demo_database) -> None:
    from civicwatch.services.persons import person_list

    rows = person_list()
    assert rows
    for row in rows:
        assert set(row) == {"id", "name", "variants", "documents", "status", "possible_duplicates"}
        assert row["documents"]
