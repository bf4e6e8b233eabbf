"""Person-name mentions and role cues (civicwatch.extract.names)."""

from __future__ import annotations

from civicwatch.core.vocab import PersonRole
from civicwatch.extract.names import find_names, find_tokens, role_cue
from civicwatch.extract.organisations import find_organisations
from civicwatch.extract.places import find_places


def full_names(text: str) -> list[str]:
    spans = sorted(
        [(p.start, p.end) for p in find_places(text)]
        + [(o.start, o.end) for o in find_organisations(text)]
    )
    return [m.name for m in find_names(text, spans) if m.full]


def test_central_asian_and_slavic_names_in_lists() -> None:
    text = (
        "Activists Nurzhan Abdulov, Saule Ospanova and Timur Akhmetov were detained in "
        "Shymkent, while blogger Kassym-Jomart Beisenov was questioned. Police later "
        "detained Ali bin Hasan and Aziz ogly Mammadov."
    )
    names = full_names(text)
    assert names[:4] == [
        "Nurzhan Abdulov",
        "Saule Ospanova",
        "Timur Akhmetov",
        "Kassym-Jomart Beisenov",
    ]
    assert "Ali bin Hasan" in names


def test_titles_organisations_places_and_months_are_not_people() -> None:
    text = (
        "President Serik Tulenov met the Criminal Code working group. Human Rights Watch "
        "and the Street Party protested on Republic Square in Almaty in January. The "
        "Kostanay Regional Court and Gandhi Park were mentioned, as was Bloody January. "
        "The Amanat party and International Women’s Day too."
    )
    names = full_names(text)
    assert names == ["Serik Tulenov"]
    found = find_names(text)
    tulenov = next(m for m in found if m.name == "Serik Tulenov")
    assert tulenov.title == "President"


def test_words_the_document_uses_in_lower_case_are_not_name_parts() -> None:
    text = "Protesters gathered. Yesterday Protesters Aibek Dosov was fined; the protesters left."
    assert full_names(text) == ["Aibek Dosov"]


def test_given_names_that_are_words_survive() -> None:
    text = "The court will mark the date. Military officer Mark Zhunusov was convicted."
    assert "Mark Zhunusov" in full_names(text)


def test_cyrillic_names_and_initials() -> None:
    text = "Суд приговорил Жанболата Мамая. Later A. Ivanov and Бахыт Сейткали appealed."
    names = full_names(text)
    assert "A. Ivanov" in names
    assert "Бахыт Сейткали" in names


def test_single_tokens_possessives_and_hyphen_compounds() -> None:
    text = "Four-year-old Aliya Seitova died. Aliya’s father and Seitova's lawyer spoke."
    found = find_names(text)
    full = [m for m in found if m.full]
    assert [m.name for m in full] == ["Aliya Seitova"]
    singles = [(m.name, m.possessive) for m in found if not m.full]
    assert ("Aliya", True) in singles
    assert ("Seitova", True) in singles


def test_find_tokens_whole_words_only() -> None:
    text = "Mamai and Mamai’s wife, not Mamaiev."
    assert [t for _, _, t in find_tokens(text, {"Mamai"})] == ["Mamai", "Mamai"]
    assert find_tokens(text, set()) == []


def role_of(text: str, name: str) -> tuple[PersonRole | None, bool]:
    start = text.index(name)
    cue = role_cue(text, start, start + len(name))
    return cue.role, cue.office


def test_role_cues_before_and_after_the_name() -> None:
    text = (
        "Journalist of Vlast.kz Daria Petrova and activists Bolat Nurov, Asel Kim and "
        "Erlan Tokhtarov were fined. Opposition politician Amir Saitov spoke. Zhanna Ermek, "
        "the leader of the unregistered Alga party, was charged. Marat Isayev's wife Gaukhar "
        "Isayeva was summoned. Police officer Nurlan Beisov testified. Timur Bek (a blogger) "
        "was searched. Former police officer Dastan Ali was sentenced."
    )
    assert role_of(text, "Daria Petrova") == (PersonRole.JOURNALIST, False)
    assert role_of(text, "Erlan Tokhtarov") == (PersonRole.ACTIVIST, False)
    assert role_of(text, "Amir Saitov") == (PersonRole.POLITICIAN, False)
    assert role_of(text, "Zhanna Ermek") == (PersonRole.POLITICIAN, False)
    assert role_of(text, "Gaukhar Isayeva") == (PersonRole.RELATIVE, False)
    assert role_of(text, "Nurlan Beisov") == (PersonRole.OFFICIAL, True)
    assert role_of(text, "Timur Bek") == (PersonRole.BLOGGER, False)
    assert role_of(text, "Dastan Ali")[0] is PersonRole.OFFICIAL


def test_role_cue_is_not_taken_across_a_clause() -> None:
    text = "The journalist said the court was closed. Later, Ruslan Omarov was detained."
    assert role_of(text, "Ruslan Omarov") == (None, False)


def test_surname_first_forms_with_initials() -> None:
    text = (
        "On 2 May, police in Taraz detained Abenov K.S. and Zhumagulov A. at a picket, "
        "while Zh. Seitkali and B. Nurlanova were questioned."
    )
    assert full_names(text) == ["Abenov K.S.", "Zhumagulov A.", "Zh. Seitkali", "B. Nurlanova"]


def test_a_trailing_initial_after_a_full_name_is_not_part_of_it() -> None:
    text = "Witnesses were Marat Esenov K. and Tlegenov B. from the same village."
    assert full_names(text) == ["Marat Esenov", "Tlegenov B."]


def test_patronymic_particles_belong_to_the_name() -> None:
    text = (
        "Journalist Nurzada Turat kyzy and activist Bektur Asan uulu were fined. "
        "In Baku, Elvin Tahir oglu and Nigar Samir gizi were detained, as was "
        "Dilnoza Rustam qizi in Namangan."
    )
    assert full_names(text) == [
        "Nurzada Turat kyzy",
        "Bektur Asan uulu",
        "Elvin Tahir oglu",
        "Nigar Samir gizi",
        "Dilnoza Rustam qizi",
    ]


def test_a_title_before_the_name_is_the_role_not_the_name() -> None:
    text = (
        "Archpriest Ilarion Volkov and Father Grigory Lenkov were fined. "
        "Imam Bakhrom Tursunov was detained. Judge Aliya Sarsen read the verdict."
    )
    found = [m for m in find_names(text) if m.full]
    assert [(m.name, m.title) for m in found] == [
        ("Ilarion Volkov", "Archpriest"),
        ("Grigory Lenkov", "Father"),
        ("Bakhrom Tursunov", "Imam"),
        ("Aliya Sarsen", "Judge"),
    ]


def test_names_in_capitals_by_their_shape_acronyms_stay_out() -> None:
    text = "KIBHR and the OSCE named TIMUR ZHYLANBAYEV and NARGIZ ALIYARLI in the appeal."
    assert full_names(text) == ["Timur Zhylanbayev", "Nargiz Aliyarli"]


def test_names_in_no_list_belarusian_and_uzbek_spellings() -> None:
    text = (
        "Political prisoners Uladzislau Tsikhanouski, Yauhenia Kalesnikava and Ales "
        "Shpileuski remain in the colony, as does O‘ktam G‘ulomov."
    )
    assert full_names(text) == [
        "Uladzislau Tsikhanouski",
        "Yauhenia Kalesnikava",
        "Ales Shpileuski",
        "O‘ktam G‘ulomov",
    ]


def test_surname_shapes() -> None:
    from civicwatch.extract.names import looks_like_surname

    for word in (
        "Zhylanbayev",
        "Tleubayeva",
        "Aliyarli",
        "Rahimzoda",
        "Tsikhanouski",
        "Kalesnikava",
        "Kavtaradze",
        "Harutyunyan",
        "Hasanli",
        "KUNBOLATULY",
    ):
        assert looks_like_surname(word), word
    for word in ("Bali", "Almaty", "Court", "Ali", "Ov", "NGO", "Today"):
        assert not looks_like_surname(word), word


def test_full_patronymic_form_keeps_the_surname_after_the_particle() -> None:
    text = (
        "The court heard Elvin Tahir oglu Mammadli, Nigar Rauf gizi Huseynova and "
        "Bobur Anvar o'g'li Yusupov. Zilola Rustam qizi Karimova was fined."
    )
    assert full_names(text) == [
        "Elvin Tahir oglu Mammadli",
        "Nigar Rauf gizi Huseynova",
        "Bobur Anvar o'g'li Yusupov",
        "Zilola Rustam qizi Karimova",
    ]


def test_azerbaijani_script_names_and_initials() -> None:
    text = (
        "Police detained Ləman Sahib qızı Əhmədova and İlkin Vüsal oğlu Bağırzadə. The "
        "decision lists them as Əhmədova L.S. and Bağırzadə İ.V."
    )
    assert full_names(text) == [
        "Ləman Sahib qızı Əhmədova",
        "İlkin Vüsal oğlu Bağırzadə",
        "Əhmədova L.S.",
        "Bağırzadə İ.V.",
    ]


def test_a_currency_code_after_a_name_is_not_part_of_it() -> None:
    text = "A judge fined Pavel Hrynko and Ales Maslouski BYN 600 each."
    assert full_names(text) == ["Pavel Hrynko", "Ales Maslouski"]


def test_names_of_projects_outlets_and_lakes_are_not_people() -> None:
    text = (
        "Free Voice Project has counted the cases. Karlygash Nurova told Steppe Trial Notes "
        "that the land around Lake Tuzkol was sold. Zhetysu Info members protested. "
        "Archbishop Levon Grigoryan and Domla Sharif spoke."
    )
    assert full_names(text) == ["Karlygash Nurova", "Levon Grigoryan"]
    archbishop = next(m for m in find_names(text) if m.name == "Levon Grigoryan")
    assert archbishop.title == "Archbishop"
