"""Outcome finder: kinds and amounts of penalties and measures as the contract writes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.core.vocab import PenaltyKind as K
from civicwatch.extract.outcomes import find_detentions, find_outcomes, parse_amount


def outcomes(text: str) -> list[tuple[str, str | None]]:
    return [(m.kind.value, m.amount) for m in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The court sentenced the blogger to seven years in prison.", [("prison", "7 years")]),
        ("He was jailed for five years.", [("prison", "5 years")]),
        ("She received a six-year prison term.", [("prison", "6 years")]),
        ("He was given three years in a general-security penal colony.", [("prison", "3 years")]),
        ("The judge handed down seven and a half years of imprisonment.",
         [("prison", "7.5 years")]),
        ("He got one year and six months in prison.", [("prison", "1.5 years")]),
        ("He got two years and four months in prison.", [("prison", "28 months")]),
        ("The court added two years to his prison sentence.", [("prison", "2 years")]),
        ("She was given a suspended six-year prison sentence.", [("suspended", "6 years")]),
        ("He received a three-year conditional sentence.", [("suspended", "3 years")]),
        ("He was sentenced to three years' probation.", [("suspended", "3 years")]),
        ("She was sentenced to two years of restricted freedom.",
         [("restricted_freedom", "2 years")]),
        ("a non-custodial restriction of freedom sentence of 1,5 years",
         [("restricted_freedom", "1.5 years")]),
        ("He was fined the equivalent of 140 EUR.", [("fine", "140 EUR")]),
        ("The picketers got fines ranging from 80 to 250 EUR.", [("fine", "80-250 EUR")]),
        ("She had to pay a fine of €450.", [("fine", "450 EUR")]),
        ("He was fined 2,000 USD.", [("fine", "2000 USD")]),
        ("He was fined 345,000 tenge.", [("fine", "345000 KZT")]),
        ("She was fined 50 MCI.", [("fine", "50 MCI")]),
        ("He was fined 100 monthly calculation indices.", [("fine", "100 MCI")]),
        ("The activist was fined 20,000 roubles.", [("fine", "20000 RUB")]),
        ("He was fined 150,000 tenge (around 300 EUR).", [("fine", "150000 KZT")]),
        ("She was locked up for 15 days.", [("admin_detention", "15 days")]),
        ("He was jailed for 10 days for the picket.", [("admin_detention", "10 days")]),
        ("She got 15 days' administrative arrest.", [("admin_detention", "15 days")]),
        ("He was sentenced to between 10 and 15 days.", [("admin_detention", "10-15 days")]),
        ("He was placed under house arrest for two months.", [("house_arrest", "2 months")]),
        ("He was remanded in custody for two months.", [("pretrial_detention", "2 months")]),
        ("His pre-trial detention was extended by three months.",
         [("pretrial_detention", "3 months")]),
        ("After more than two months in detention she was freed on bail.",
         [("pretrial_detention", "2 months"), ("released", None)]),
        ("He was sentenced to 100 hours of public labour.", [("public_labour", "100 hours")]),
        ("She was ordered to do 240 hours of community service.",
         [("public_labour", "240 hours")]),
    ],
)  # fmt: skip
def test_outcomes_with_amounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was placed in pre-trial detention.", [("pretrial_detention", None)]),
        ("She has been held in detention since May 2023.", [("pretrial_detention", None)]),
        ("The journalist was acquitted.", [("acquitted", None)]),
        ("The court found him not guilty.", [("acquitted", None)]),
        ("He was released from prison in June.", [("released", None)]),
        ("The court ruled to release the activist under the amnesty.", [("released", None)]),
        ("She was granted parole last month.", [("released", None)]),
        ("Later the appeal court replaced his jail term with a fine.", [("fine", None)]),
        ("He was transferred to house arrest.", [("house_arrest", None)]),
        ("He was sentenced to life imprisonment.", [("prison", "life")]),
        ("They were handed restricted freedom sentences.", [("restricted_freedom", None)]),
    ],
)  # fmt: skip
def test_measures_without_amounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If the court convicts him, he risks up to ten years in prison.",
        "Prosecutors asked for seven years in prison.",
        "If found guilty, she could be sentenced to five years.",
        "The offence is punishable by up to 12 years.",
        "The president began a fresh seven-year term in office.",
        "The case was heard more than 11 months after the protest.",
        "During the first nine months of 2022, cases rose.",
        "Human rights groups called for his release.",
        "They were released after a few hours.",
        "The activists were released without charge.",
        "Police questioned them before releasing them.",
        "The organisation received 10,000 EUR in foreign funding.",
        "He was released on bail of 5,000 USD.",
        "The fine line between criticism and insult.",
    ],
)
def test_not_outcomes(text: str) -> None:
    assert [o for o in outcomes(text) if o[1] is not None or o[0] != "released"] == [] or (
        text.endswith("bail of 5,000 USD.") and outcomes(text) == [("released", None)]
    )


def test_release_into_house_arrest_is_not_a_release() -> None:
    text = "He was released from pre-trial detention and placed under house arrest."
    kinds = [kind for kind, _ in outcomes(text)]
    assert "released" not in kinds and "house_arrest" in kinds


def test_prosecutor_demand_then_sentence() -> None:
    text = "The prosecutor requested seven years in prison; the court sentenced him to five years."
    assert outcomes(text) == [("prison", "5 years")]


def test_respectively() -> None:
    (mention,) = find_outcomes("The two were given five- and 10- days' detention, respectively.")
    assert mention.kind is K.ADMIN_DETENTION
    assert mention.amount is None and mention.amounts == ("5 days", "10 days")
    (mention,) = find_outcomes(
        "They were sentenced to seven and five years in prison, respectively."
    )
    assert (mention.kind, mention.amounts) == (K.PRISON, ("7 years", "5 years"))
    (mention,) = find_outcomes("They were fined 100 EUR and 200 EUR respectively.")
    assert (mention.kind, mention.amounts) == (K.FINE, ("100 EUR", "200 EUR"))


def test_a_sentence_with_several_measures() -> None:
    text = (
        "Her punishment: one year of restricted freedom, a three-year ban on political and "
        "public activity, plus 100 hours of public labour."
    )
    found = find_outcomes(text)
    assert [(m.kind, m.amount) for m in found] == [
        (K.RESTRICTED_FREEDOM, "1 year"),
        (K.ACTIVITY_BAN, "3 years"),
        (K.PUBLIC_LABOUR, "100 hours"),
    ]
    assert [m.contract_amount for m in found] == [
        "1 year",
        "3-year ban on public and political activities",
        "100 hours public labour",
    ]
    assert [m.kind.contract_kind.value for m in found] == ["restricted_freedom", "other", "other"]


def test_prison_and_ban_in_one_sentence() -> None:
    text = (
        "Judges gave the editor seven years in prison and barred him from political and "
        "public activity for three years."
    )
    assert outcomes(text) == [("prison", "7 years"), ("activity_ban", "3 years")]


def test_travel_bans() -> None:
    assert outcomes("He was banned from leaving the country.") == [("travel_ban", None)]
    (mention,) = find_outcomes(
        "Custody was swapped for a written pledge not to leave her home town."
    )
    assert mention.kind is K.TRAVEL_BAN
    assert mention.contract_amount == "order not to leave home city"
    assert outcomes("He was banned from leaving the country for two years.") == [
        ("travel_ban", "2 years")
    ]


def test_other_outcomes() -> None:
    (mention,) = find_outcomes("On appeal, her sentence was postponed for two years.")
    assert (mention.kind, mention.amount) == (K.OTHER, "sentence postponed 2 years")
    (mention,) = find_outcomes("Prosecutors dropped the criminal case in May.")
    assert (mention.kind, mention.amount) == (K.OTHER, "case closed")
    (mention,) = find_outcomes("He was posthumously convicted of taking part in riots.")
    assert mention.amount == "posthumous conviction"


def test_detentions() -> None:
    text = "Police detained six activists, who were taken to a police station and later freed."
    found = find_detentions(text)
    assert [text[m.start : m.end] for m in found] == [
        "Police detained",
        "taken to a police station",
    ]
    assert all((m.kind, m.amount) == (K.OTHER, "detained") for m in found)
    assert len(find_detentions("The activists were briefly detained.")) == 1
    assert len(find_detentions("Three were ‘’preventively’’ detained.")) == 1
    assert find_detentions("He was detained for 15 days.") == []
    assert find_detentions("They demanded that he not be arrested.") == []
    assert find_detentions("Torture of people detained in January.") == []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("seven years", ("7 years", ())),
        ("a year", ("1 year", ())),
        ("one-year", ("1 year", ())),
        ("twenty-five days", ("25 days", ())),
        ("1,5 years", ("1.5 years", ())),
        ("a year and a half", ("1.5 years", ())),
        ("60 to 200 EUR", ("60-200 EUR", ())),
        ("60–200 EUR", ("60-200 EUR", ())),
        ("between 10 and 12 days", ("10-12 days", ())),
        ("EUR 300", ("300 EUR", ())),
        ("$500", ("500 USD", ())),
        ("1.5 million tenge", ("1500000 KZT", ())),
        ("five- and 10-days'", (None, ("5 days", "10 days"))),
        ("one hundred hours", ("100 hours", ())),
        ("nothing", (None, ())),
    ],
)
def test_parse_amount(span: str, expected: tuple[str | None, tuple[str, ...]]) -> None:
    assert parse_amount(span) == expected


def test_spans_are_in_order_and_in_bounds() -> None:
    text = (
        "On 5 May he was fined 100 EUR. On 6 May she got 15 days' detention. "
        "In June he was sentenced to five years in prison. He was released in 2024."
    )
    found = find_outcomes(text)
    assert [m.kind for m in found] == [K.FINE, K.ADMIN_DETENTION, K.PRISON, K.RELEASED]
    assert all(0 <= m.start < m.end <= len(text) for m in found)


_PIECES = st.sampled_from(
    ["sentenced ", "to ", "five", "-", "15", " years", " days'", " in prison", " fined ",
     "100", " EUR", "€", "$", " and ", ", respectively", "(", ")", "released", " was ",
     "1,5", "2,000", "between ", "тенге", "\x00", "\n", "house arrest", "suspended "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=300),
        st.lists(_PIECES, max_size=40).map("".join),
    )
)
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for mention in find_outcomes(text) + find_detentions(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert isinstance(mention.kind, K)


@settings(max_examples=10, deadline=None)
@given(st.binary(max_size=400).map(lambda data: data.decode("latin-1")))
def test_binary_junk(text: str) -> None:
    for mention in find_outcomes(text):
        assert 0 <= mention.start < mention.end <= len(text)


@pytest.mark.parametrize(
    "unit",
    ["fined 100 EUR and ", "1, 2, 3, ", "five- and ", "(((( ", "a" * 40, "9" * 40,
     "sentenced to seven years in prison; ", "были задержаны "],
)  # fmt: skip
def test_one_megabyte_single_line_is_quick(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    found = find_outcomes(text) + find_detentions(text)
    assert all(0 <= m.start < m.end <= len(text) for m in found)


# -- amounts stated in a local currency with a converted figure --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The organiser was fined 5,000 som (roughly 55 EUR).", [("fine", "5000 KGS")]),
        ("A court in Khujand fined the reporter 2,400 somoni (about 210 EUR).",
         [("fine", "2400 TJS")]),
        ("He was fined 1,100 manat (approximately 600 USD).", [("fine", "1100 AZN")]),
        ("She was fined 980 Belarusian roubles (around 300 EUR).", [("fine", "980 BYN")]),
        ("The blogger was fined 3 million sum (about 240 EUR).", [("fine", "3000000 UZS")]),
        ("The court fined him 200,000 dram, some 470 EUR.", [("fine", "200000 AMD")]),
        ("Each was fined 2,000 lari (about 690 EUR).", [("fine", "2000 GEL")]),
        ("He was fined 40,000 roubles (about 430 EUR).", [("fine", "40000 RUB")]),
        ("She was fined 50 MCI (about 300 EUR) for the picket.", [("fine", "50 MCI")]),
        ("The two were fined 20 MCI each (about 69,000 KZT, or roughly 140 EUR).",
         [("fine", "20 MCI")]),
        ("He was fined 120 EUR.", [("fine", "120 EUR")]),
    ],
)  # fmt: skip
def test_first_stated_currency_wins(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert outcomes(text) == expected


def test_two_separate_fines_are_not_merged() -> None:
    found = find_outcomes("They were fined 80,000 tenge and 120,000 tenge respectively.")
    assert [m.amounts for m in found] == [("80000 KZT", "120000 KZT")]


def test_ordered_to_pay_is_a_fine() -> None:
    assert outcomes("The judge ordered the farmer to pay 250,000 KZT.") == [("fine", "250000 KZT")]
    assert outcomes("The court ordered the ministry to pay 90,000 KZT in compensation.") == []


# -- years, lapses of time and received terms --------------------------------------------


def test_a_year_next_to_a_term_is_a_date() -> None:
    assert outcomes("The poet was sentenced in 2019 to nine years in a penal colony.") == [
        ("prison", "9 years")
    ]
    assert outcomes("In 2021, the editor was jailed for six years.") == [("prison", "6 years")]
    found = outcomes("The court reduced the eight-year prison term set in March 2022 to six years.")
    assert found == [("prison", "8 years"), ("prison", "6 years")]
    assert all("2018" not in (o[1] or "") for o in outcomes("Fines rose between 2018 and 2021."))


@pytest.mark.parametrize(
    "text",
    [
        "Three days later, the activist left the colony gate in silence.",
        "Two weeks after the raid, she was summoned to the prosecutor's office.",
        "Ten days earlier the prison administration had refused a visit.",
        "A month later the detention centre confirmed his transfer.",
    ],
)
def test_a_lapse_of_time_is_not_a_term(text: str) -> None:
    assert [o for o in outcomes(text) if o[1] is not None] == []


def test_a_term_followed_by_after_is_still_a_term() -> None:
    assert outcomes("The student was jailed for 12 days after the rally.") == [
        ("admin_detention", "12 days")
    ]


def test_received_terms_respectively() -> None:
    found = find_outcomes("The two bloggers received eight and six years, respectively.")
    assert [(m.kind, m.amounts) for m in found] == [(K.PRISON, ("8 years", "6 years"))]
    assert outcomes("The group received two years of threats.") == []


def test_remanded_in_custody_for_months() -> None:
    assert outcomes("A judge remanded the two editors in custody for three months.") == [
        ("pretrial_detention", "3 months")
    ]
    assert outcomes("The court ordered him held for two months pending extradition.") == [
        ("pretrial_detention", "2 months")
    ]


def test_administrative_supervision() -> None:
    found = find_outcomes(
        "After his release he stays under administrative supervision for two years."
    )
    assert [(m.kind, m.amount) for m in found] == [(K.OTHER, "2 years administrative supervision")]
    assert outcomes("Police supervision of the square lasted two years.") == []


# -- releases --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On appeal, the regional court released the teacher from house arrest.",
        "The journalist was released from house arrest last week.",
        "The blogger walked out of the penal colony after serving his full term.",
        "A district court in Osh freed the activist, citing his health.",
        "The court granted him early release for good conduct.",
    ],
)
def test_releases(text: str) -> None:
    assert ("released", None) in outcomes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was due to be freed in May but is still in the colony.",
        "Police released the student after questioning.",
        "She was released from custody after several hours.",
        "He was transferred to house arrest and released from the detention centre.",
        "Both had been jailed for similar pickets before.",
        "The activist had already been jailed twice.",
    ],
)
def test_not_releases_or_not_new_terms(text: str) -> None:
    assert [o for o in outcomes(text) if o[0] in ("released", "prison")] == []


def test_orders_not_to_leave_a_city() -> None:
    found = find_outcomes("Investigators ordered the two drivers not to leave Aktobe.")
    assert [m.contract_amount for m in found] == ["order not to leave home city"]
    found = find_outcomes("Until the trial she must not leave Gyumri.")
    assert [m.contract_amount for m in found] == ["order not to leave home city"]
    found = find_outcomes("He was ordered not to leave Armenia.")
    assert [m.contract_amount for m in found] == ["order not to leave country"]
    assert find_outcomes("Guests must not leave the hall during the hearing.") == []


def test_activity_ban_scope_is_named_the_usual_way() -> None:
    found = find_outcomes(
        "The court barred the MP from political and public activity for five years."
    )
    assert [m.contract_amount for m in found] == ["5-year ban on public and political activities"]


def test_police_with_a_place_detain() -> None:
    for text in (
        "Police in Gori detained the protester's cousin.",
        "Officers of the State Security Service detained two students.",
        "Yesterday the students were 'preventively' detained.",
        "Yesterday the students were “preventively” detained.",
    ):
        assert [m.amount for m in find_detentions(text)] == ["detained"], text
    assert find_detentions("Police in Gori said the detained men had gone home.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A court locked up Ivan Orlov, a 58-year-old teacher, for ten days.",
            [("admin_detention", "10 days")],
        ),
        ("The 24-year-old student got three years in a penal colony.", [("prison", "3 years")]),
        ("A nine-year-old girl and her mother were questioned.", []),
    ],
)
def test_ages_are_never_terms(text, expected):
    found = [(m.kind.value, m.amount) for m in find_outcomes(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pastor Lenkov received two years of probation.", [("suspended", "2 years")]),
        ("She was placed on probation for eighteen months.", [("suspended", "18 months")]),
        # the probation period belongs to the suspended term: one outcome
        ("He got a four-year suspended sentence with a probation period of two years.",
         [("suspended", "4 years")]),
        ("The judge gave her three years' imprisonment with a two-year probationary period.",
         [("suspended", "3 years")]),
        # a qualifier on one side of ", and" does not reach the other person's term
        ("Ermek was sentenced to six years, and Aidana got three years of probation.",
         [("prison", "6 years"), ("suspended", "3 years")]),
    ],
)  # fmt: skip
def test_probation_is_a_suspended_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A court in Dushanbe sentenced the exiled blogger in absentia to nine years in prison.",
        "The exiled blogger was sentenced to nine years in prison in absentia.",
    ],
)
def test_in_absentia_is_still_a_prison_term(text: str) -> None:
    assert outcomes(text) == [("prison", "9 years")]


def test_a_term_gapped_over_a_list_of_names() -> None:
    text = (
        "Bialou was sentenced to twelve years in prison, Stefanchuk to ten, Laukovich to 8, "
        "and Dubouski to seven years."
    )
    assert outcomes(text) == [
        ("prison", "12 years"),
        ("prison", "10 years"),
        ("prison", "8 years"),
        ("prison", "7 years"),
    ]
    # a bare number after "to" with a unit of its own, or no name before it, is not gapped
    assert outcomes("He was sentenced to five years in prison, the law says up to 8.") == [
        ("prison", "5 years")
    ]


def test_fractions_and_each() -> None:
    assert outcomes("Ghurbatov got a 7 1/2-year prison term.") == [("prison", "7.5 years")]
    assert outcomes("He was given 6½ years in a colony.") == [("prison", "6.5 years")]
    assert outcomes("The four were fined 2.5 million soums each.") == [("fine", "2500000 UZS")]
    assert outcomes("They were each sentenced to five years in prison.") == [("prison", "5 years")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 2 May a judge extended his pre-trial detention until 20 June.", "pretrial_detention"),
        ("Her detention was extended until 5 March.", "pretrial_detention"),
        ("The judge prolonged his arrest until the end of July.", "pretrial_detention"),
        ("All nine will remain in custody until 14 August.", "pretrial_detention"),
        ("The court extended his house arrest until May.", "house_arrest"),
    ],
)
def test_a_detention_extended_until_a_date(text: str, kind: str) -> None:
    assert outcomes(text) == [(kind, None)]


def test_a_release_after_house_arrest_is_a_release() -> None:
    text = "Kanat Isa, who had been under house arrest since April, was also freed."
    assert outcomes(text) == [("house_arrest", None), ("released", None)]
    text = "He was freed from the remand prison and placed under house arrest."
    assert "released" not in {kind for kind, _ in outcomes(text)}


def test_a_term_being_served_and_a_changed_term() -> None:
    assert outcomes("Zhaksylyk, who is serving six years, was moved to another colony.") == [
        ("prison", "6 years")
    ]
    text = "The Supreme Court reduced the sentence of lawyer Tolybay from 12 to 9 years."
    assert outcomes(text) == [("prison", "9 years")]
    # a range that is not a change stays a range
    assert outcomes("The protesters got fines from 100 to 200 EUR.") == [("fine", "100-200 EUR")]
    assert outcomes("She was freed early. She had served seven months.") == [("released", None)]


def test_how_long_someone_lived_somewhere_is_not_a_term() -> None:
    text = "Bekzat, who has lived in Almaty for more than eight years, was detained in May."
    assert outcomes(text) == []
    assert outcomes("The editor had worked there for almost 12 years before his arrest.") == []


def test_a_court_sanctioning_detention_is_pretrial_detention() -> None:
    text = "A district court sanctioned the blogger's detention for 30 days pending extradition."
    assert outcomes(text) == [("pretrial_detention", "30 days")]


def test_more_years_added_to_a_term() -> None:
    text = "The court sentenced the deputy to three more years in a penal colony."
    assert outcomes(text) == [("prison", "3 years")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits grouped by spaces, as post-Soviet reports write sums
        ("Both were fined 25 000 som each.", [("fine", "25000 KGS")]),
        ("They received fines of 12 000 and 18 000 som respectively.", [("fine", None)]),
        ("In 2024 150 people were jailed for 10 days.", [("admin_detention", "10 days")]),
        # a multiplied decimal is a whole sum, not "4100000."
        ("She was fined 4.1 million soums.", [("fine", "4100000 UZS")]),
        # the article's number is not the start of a range
        (
            "Each was sentenced under Part 1 of Article 342 to 3 years of restricted freedom.",
            [("restricted_freedom", "3 years")],
        ),
        # the sum after the list of names the fine word governs
        (
            "The court fined the other four - Abenov T., Saparova Zh.K., Dauletov M. and "
            "Erlan Kasym - 40 MCI each under article 488.",
            [("fine", "40 MCI")],
        ),
        ("Police fined him. Later both got 40 MCI each.", [("fine", None)]),
    ],
)
def test_spaced_sums_article_numbers_and_sums_after_a_list(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The appeal court reduced her sentence from six years to four years and six "
            "months of imprisonment.",
            [("prison", "4.5 years")],
        ),
        (
            "Zaur Ismayilov, who had served three years of a five-year sentence, was freed.",
            [("prison", "5 years"), ("released", None)],
        ),
    ],
)
def test_a_changed_term_with_months_and_time_served_of_a_term(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert outcomes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In custody since his arrest on 3 May 2024.", [("pretrial_detention", None)]),
        ("She had been held since the end of January.", [("pretrial_detention", None)]),
        ("His term was reduced on 2 March to six years and six months.", [("prison", "6.5 years")]),
        ("Released from the women's colony in Nurek on 5 March.", [("released", None)]),
    ],
)
def test_custody_since_an_arrest_a_reduced_term_and_a_release_from_a_colony(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert outcomes(text) == expected


def test_a_word_after_but_does_not_qualify_the_amount_before_it() -> None:
    text = "The appeal court reduced the prison term to four years but left the ban in force."
    assert outcomes(text) == [("prison", "4 years")]
