"""Identity across reports: spelling variants, scripts, initials, close names kept apart;
merges that can be undone exactly."""

from __future__ import annotations

import pytest

from civicwatch.core.names import normalise_name
from civicwatch.core.vocab import PenaltyKind, PersonRole
from tests.cases.builders import Said, document_with
from tests.cases.conftest import strip_event_ids

pytestmark = pytest.mark.django_db


class Spellings(dict):
    """Spelling -> person id, looked up as names are stored (tidied: "Serikbayev A")."""

    def __getitem__(self, name: str) -> int:
        return super().__getitem__(normalise_name(name))


def people() -> Spellings:
    """Every spelling of every person, to the person's current id."""
    from civicwatch.services.persons import person_list

    found = Spellings()
    for row in person_list():
        for name in [row["name"], *row["variants"]]:
            found[name] = row["id"]
    return found


def test_cyrillic_and_latin_spellings_are_one_person() -> None:
    document_with("Askar Serikbayev was fined 50 MCI.", [Said("Askar Serikbayev")])
    document_with("Аскар Серикбаев оштрафован.", [Said("Аскар Серикбаев")])
    document_with("Askar Serikbaev was detained.", [Said("Askar Serikbaev")])
    found = people()
    assert found["Askar Serikbayev"] == found["Аскар Серикбаев"] == found["Askar Serikbaev"]
    assert len(set(found.values())) == 1


def test_surname_first_with_initials_joins_the_only_fitting_person() -> None:
    document_with("Askar Serikbayev was fined.", [Said("Askar Serikbayev")])
    document_with("Aliya Serikbayeva was fined.", [Said("Aliya Serikbayeva")])
    document_with("Serikbayev A. was detained again.", [Said("Serikbayev A.")])
    found = people()
    assert found["Serikbayev A."] == found["Askar Serikbayev"]
    assert found["Aliya Serikbayeva"] != found["Askar Serikbayev"]


def test_initials_that_fit_two_people_are_proposed_not_merged() -> None:
    from civicwatch.services.persons import person_list

    document_with("Askar Serikbayev was fined.", [Said("Askar Serikbayev")])
    document_with("Arman Serikbayev was fined.", [Said("Arman Serikbayev")])
    document_with("Serikbayev A. was detained.", [Said("Serikbayev A.")])
    found = people()
    assert len({found["Askar Serikbayev"], found["Arman Serikbayev"], found["Serikbayev A."]}) == 3
    rows = {row["id"]: row for row in person_list()}
    assert set(rows[found["Serikbayev A."]]["possible_duplicates"]) == {
        found["Askar Serikbayev"],
        found["Arman Serikbayev"],
    }


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Nurlan Tokan", "Nurlan Tokanov", True),
        ("Serik Tokan", "Nurlan Tokanov", False),
        ("Aizada Nurbek kyzy", "Айзада Нурбек кызы", True),
        ("Timur Asan uulu", "Timur Asan uulu", True),
        ("Marat Zhylanbaev", "Марат Жыланбаев", True),
        ("Marat Zhylanbaev", "Marat Zhanbayev", False),
        ("Dinara Tleubayeva", "Dinara Tleubayev", False),
    ],
)
def test_pairs_across_documents(first: str, second: str, same: bool) -> None:
    document_with(f"{first} was detained.", [Said(first)])
    document_with(f"{second} was detained.", [Said(second)])
    found = people()
    assert (found[first] == found[second]) is same


def test_two_persons_of_one_document_are_never_merged_automatically() -> None:
    document_with(
        "Kairat Bekov and his brother Kairat Bekov junior were fined.",
        [Said("Kairat Bekov"), Said("Kairat Bekov", variants=["Kairat Bekov junior"])],
    )
    from civicwatch.services.persons import person_list

    assert len(person_list()) == 2


def _state() -> tuple:
    from civicwatch.services.persons import person_file, person_list

    rows = person_list()
    return rows, [strip_event_ids(person_file(row["id"])) for row in rows]


def test_merge_then_unmerge_restores_exactly_the_previous_state() -> None:
    from civicwatch.services.persons import merge_persons, unmerge_person

    document_with(
        "Rustam Aliyev was sentenced to 5 years in prison under article 174.",
        [
            Said(
                "Rustam Aliyev",
                outcomes=[(PenaltyKind.PRISON, "5 years", "2024-01-10")],
                articles=["CC 174"],
            )
        ],
    )
    document_with(
        "Rustam Aliev, a blogger, was fined 100 MCI.",
        [
            Said(
                "Rustam Aliev",
                role=PersonRole.BLOGGER,
                outcomes=[(PenaltyKind.FINE, "100 MCI", None)],
            )
        ],
    )
    document_with("Farid Aliyev was detained.", [Said("Farid Aliyev")])
    found = people()
    rustam, farid = found["Rustam Aliyev"], found["Farid Aliyev"]
    assert rustam != farid
    before = _state()
    merged = merge_persons(rustam, farid)
    assert merged["id"] == rustam
    assert "Farid Aliyev" in merged["variants"]
    assert any(m["id"] == farid for m in merged["merged_records"])
    unmerge_person(farid)
    assert _state() == before


def test_an_automatic_merge_undone_is_not_redone_by_rebuild() -> None:
    from civicwatch.services.cases import rebuild
    from civicwatch.services.persons import person_file, unmerge_person

    document_with("Askar Serikbayev was fined.", [Said("Askar Serikbayev")])
    document_with("Askar Serikbaev was fined.", [Said("Askar Serikbaev")])
    found = people()
    root = found["Askar Serikbayev"]
    assert found["Askar Serikbaev"] == root
    (record,) = person_file(root)["merged_records"]
    assert record["method"] == "automatic"
    unmerge_person(record["id"])
    rebuild()
    found = people()
    assert found["Askar Serikbayev"] != found["Askar Serikbaev"]


def test_identity_errors_are_clear_and_change_nothing() -> None:
    from civicwatch.cases.identity import IdentityError
    from civicwatch.services.persons import merge_persons, unmerge_person

    document_with("Askar Serikbayev was fined.", [Said("Askar Serikbayev")])
    (person,) = people().values()
    with pytest.raises(IdentityError, match="already one person"):
        merge_persons(person, person)
    with pytest.raises(IdentityError, match="no person with id 999999"):
        merge_persons(person, 999999)
    with pytest.raises(IdentityError, match="was not merged"):
        unmerge_person(person)


def test_building_after_each_document_equals_a_full_rebuild() -> None:
    from civicwatch.services.cases import rebuild

    document_with(
        "Rustam Aliyev was sentenced to 5 years in prison under article 174.",
        [
            Said(
                "Rustam Aliyev",
                outcomes=[(PenaltyKind.PRISON, "5 years", "2024-01-10")],
                articles=["CC 174"],
            )
        ],
    )
    document_with(
        "Rustam Aliev was sentenced to 6 years in prison.",
        [Said("Rustam Aliev", outcomes=[(PenaltyKind.PRISON, "6 years", "2024-01-10")])],
    )
    before = _state()
    summary = rebuild()
    assert summary.new_people == 0
    assert _state() == before
    assert rebuild() == summary  # idempotent
