"""Document-local ids: every record has one, and facts point at their person by id."""

from __future__ import annotations

from civicwatch.extract import extract_text

TEXT = (
    "Bishkek, 4 June 2024\n\n"
    "On 3 June 2024, the Pervomaisky District Court in Bishkek sentenced blogger Temirlan "
    "Asanov to four years in prison under article 330 of the Criminal Code. Asanov's "
    "lawyer said he intends to appeal.\n\n"
    "On 20 May 2024, journalists Aida Sultanova and Nurbek Toktorov were detained at a "
    "picket and fined 20000 KGS and 30000 KGS respectively under article 65 of the Code "
    "of Offences. Toktorov's pre-trial detention in a separate case was extended until "
    "15 July 2024.\n"
)


def test_every_record_has_a_unique_local_id() -> None:
    result = extract_text(TEXT, "2024-06-04")
    ids = [p["id"] for p in result["persons"]]
    ids += [o["id"] for p in result["persons"] for o in p["outcomes"]]
    ids += [c["id"] for p in result["persons"] for c in p["charges"]]
    ids += [e["id"] for e in result["events"]]
    ids += [g["id"] for g in result["organisations"]]
    ids += [place["id"] for place in result["places"] + result["other_places"]]
    assert all(ids)
    assert len(ids) == len(set(ids))
    assert [p["id"] for p in result["persons"]] == [
        f"p{n}" for n in range(1, len(result["persons"]) + 1)
    ]


def test_facts_refer_to_their_person_by_id() -> None:
    result = extract_text(TEXT, "2024-06-04")
    by_id = {p["id"]: p for p in result["persons"]}
    for person in result["persons"]:
        for fact in person["outcomes"] + person["charges"] + person["followups"]:
            assert fact["person"] == person["id"]
    participants = [p for e in result["events"] for p in e["participants"]]
    assert participants
    for participant in participants:
        if participant["person"] is not None:
            assert by_id[participant["person"]]["name"] == participant["name"]


def test_facts_are_anchored_on_their_own_words() -> None:
    result = extract_text(TEXT, "2024-06-04")
    asanov = next(p for p in result["persons"] if p["name"] == "Temirlan Asanov")
    (prison,) = asanov["outcomes"]
    start, end = prison["anchor"]
    assert "four years" in TEXT[start:end]
    assert prison["evidence"]["start"] <= start < end <= prison["evidence"]["end"]
    (charge,) = asanov["charges"]
    assert charge["article"] == "CC 330"
    assert "330" in TEXT[charge["anchor"][0] : charge["anchor"][1]]
    assert charge["date"] == "2024-06-03"
    sultanova = next(p for p in result["persons"] if p["name"] == "Aida Sultanova")
    toktorov = next(p for p in result["persons"] if p["name"] == "Nurbek Toktorov")
    # one statement of a fine for two people: two claims on the same words, two subjects
    assert sultanova["outcomes"][0]["anchor"] == toktorov["outcomes"][0]["anchor"]
    assert sultanova["outcomes"][0]["id"] != toktorov["outcomes"][0]["id"]


def test_followups_with_due_dates() -> None:
    result = extract_text(TEXT, "2024-06-04")
    kinds = {(p["name"], f["kind"], f["due"]) for p in result["persons"] for f in p["followups"]}
    assert ("Temirlan Asanov", "appeal_pending", None) in kinds
    assert ("Nurbek Toktorov", "detention_until", "2024-07-15") in kinds


def test_document_country_and_charge_jurisdiction() -> None:
    result = extract_text(TEXT, "2024-06-04")
    assert result["document"]["country"] == "KG"
    asanov = next(p for p in result["persons"] if p["name"] == "Temirlan Asanov")
    assert asanov["jurisdiction"] == "KG"
    assert asanov["charges"][0]["jurisdiction"] == "KG"
