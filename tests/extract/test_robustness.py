"""Hostile input: the extractor returns what it can, without crashing or hanging.

Each case here once made, or could make, a regular expression backtrack for minutes: long
runs of capitalised words (names without punctuation), role words before long lists, and
whole reports on one line.
"""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicwatch.extract import extract_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"

words = st.sampled_from(
    [
        "Aigerim",
        "Tleubayeva",
        "Nur-Sultan",
        "and",
        ",",
        "activist",
        "activists",
        "of",
        "the",
        "journalist",
        "Street",
        "Party",
        "O'Neil",
        "A.",
        "(",
        ")",
        "'",
        "“",
        "article",
        "274",
        "15",
        "days",
        "fined",
        "EUR",
        "detained",
        "on",
        "May",
        "2023",
        "him",
        "her",
        ".",
        "\n",
    ]
)


def check(text: str) -> dict:
    result = extract_text(text)
    for event in result["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    for person in result["persons"]:
        for start, end in person["mentions"]:
            assert 0 <= start < end <= len(text)
    return result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, max_size=400))
def test_word_salad_from_the_genre(tokens):
    check(" ".join(tokens))


@pytest.mark.timeout(60)
def test_role_word_before_a_long_list_of_capitalised_words():
    check("The activists " + "Aaa Bbb Ccc, " * 5_000 + "were detained.")
    check("journalist " + "Abc" * 20_000)
    check(("Activist " + "Zhan Bol Mam Ai " * 60 + "and ") * 200)


@pytest.mark.timeout(60)
def test_whole_report_on_one_line():
    text = " ".join(
        (EXAMPLES / name).read_text(encoding="utf-8").replace("\n", " ")
        for name in ("kz-ngo-statement-2023-03.txt", "az-press-release-2023-12.txt")
    )
    result = check(text)
    assert len(result["persons"]) >= 3


# Under a minute on one core; linear patterns keep it there, a quadratic one would not finish.
@pytest.mark.slow
@pytest.mark.timeout(240)
def test_twenty_megabytes_on_one_line():
    base = (EXAMPLES / "kz-ngo-statement-2023-03.txt").read_text(encoding="utf-8")
    line = base.replace("\n", " ") + " "
    text = line * (20 * 1024 * 1024 // len(line))
    result = check(text)
    assert result["persons"]


@pytest.mark.timeout(60)
def test_an_unnamed_group_does_not_pile_up_over_a_report_on_one_line():
    # Once quadratic: on one line the whole report is one paragraph, and every "five
    # activists" sentence added its facts to the same waiting group.
    unit = "Police detained five activists in Almaty. Among them was Arman Serik. "
    result = check(unit * 3000)
    (serik,) = [p for p in result["persons"] if p["name"] == "Arman Serik"]
    assert len(serik["outcomes"]) == 1
