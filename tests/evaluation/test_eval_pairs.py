"""Reading labelled pairs and scoring the matcher on them (civicwatch.evaluation.pairs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicwatch.core.vocab import Gender, MatchBand, PersonRole
from civicwatch.errors import InvalidValueError, PairFileError
from civicwatch.evaluation.pairs import (
    PAIR_TARGETS,
    load_pairs,
    meets_pair_targets,
    parse_pairs,
    render_pairs_text,
    score_pairs,
)

HEADER = "id\tname_a\tname_b\tsame\tcategory\tcontext_a\tcontext_b"
# The labelled development pairs (examples/identity/README.md). Only this file: the
# held-out file beside it is for measuring, never for tests.
DEV_PAIRS = Path(__file__).resolve().parents[2] / "examples" / "identity" / "pairs-dev.tsv"


def tsv(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


SAMPLE = tsv(
    "# transliteration",
    "t1\tЖыланбаев Марат\tMarat Zhylanbaev\t1\ttransliteration\t\t",
    "t2\tAinura Temirbek kyzy\tАйнура Темирбек кызы\t1\ttransliteration\t\t",
    "",
    "i1\tSerikbayev A.\tAskar Serikbayev\t1\tinitials\t\t",
    "i2\tA. Serikbayev\tArman Serikbayev\t0\tinitials\t\t",
    "s1\tMamai\tZhanbolat Mamai\t1\tsurname_only\t\t",
    "s2\tKenzhebek\tKenzhebekov\t1\tsurname_only\t\t",
    "c1\tNurlan Tokanov\tNurlan Tokanov\t0\tcontext\tborn=1978;role=journalist\tborn=1990",
    "c2\tInga Imanbai\tInga Imanbai\t0\tcontext\tgender=female\tgender=male",
    "g1\tErlan Kusainov\tErlan Kusainova\t0\tgender\t\t",
    "w1\tRustam Nazarov\tRustam Nazirov\t0\tclose_names\t\t",
)


def test_pairs_are_read_with_their_context() -> None:
    pairs = parse_pairs(SAMPLE, "sample.tsv")
    ids = [pair.id for pair in pairs]
    assert ids == ["t1", "t2", "i1", "i2", "s1", "s2", "c1", "c2", "g1", "w1"]
    c1 = pairs[6]
    assert c1.line == 10 and not c1.same and c1.category == "context"
    assert c1.a.born == 1978 and c1.a.roles == frozenset({PersonRole.JOURNALIST})
    assert c1.b.born == 1990 and c1.b.roles == frozenset()
    assert pairs[7].a.gender is Gender.FEMALE


def test_several_spellings_and_left_off_context_columns() -> None:
    text = tsv(
        "1\tAskar Serikbayev | A. Serikbayev\tArman Serikbayev\t0\tinitials",
        "2\tMamai\tMamai\tyes",
        "3\tMamai\tMamai\tTRUE\t\trole=official, journalist;country=kz",
    )
    first, second, third = parse_pairs(text)
    assert first.a.names == ("Askar Serikbayev", "A. Serikbayev")
    assert second.same and second.category == "uncategorised"
    assert third.a.roles == frozenset({PersonRole.OFFICIAL, PersonRole.JOURNALIST})
    assert third.a.country == "KZ"


def test_columns_may_come_in_another_order() -> None:
    header = "same\tid\tname_b\tname_a\tcontext_b\tcontext_a\tcategory"
    (pair,) = parse_pairs(
        tsv("0\tx\tNurlan Tokanov\tSerik Tokan\t\tborn=1980\tending", header=header)
    )
    assert (pair.id, pair.a.names, pair.a.born, pair.same) == ("x", ("Serik Tokan",), 1980, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no header"),
        ("# only a comment\n", "no header"),
        (tsv(header="id\tname_a\tname_b\tcategory"), "lacks same, context_a, context_b"),
        (tsv(header=HEADER + "\tid"), "'id' appears twice"),
        (tsv("1\tMamai\tMamai\tmaybe\tx\t\t"), "line 2: 'same' must be 1 or 0"),
        (tsv("1\tMamai\tMamai"), "line 2: 3 tab-separated fields, the header has 7 (no same)"),
        (tsv("1\tMamai\tMamai\t1\tx\t\t\textra"), "line 2: 8 tab-separated fields"),
        (tsv("\tMamai\tMamai\t1\tx\t\t"), "line 2: empty id"),
        (tsv("1\t \tMamai\t1\tx\t\t"), "line 2: empty name_a"),
        (tsv("1\tA\tB\t1\tx\t\t", "1\tC\tD\t0\tx\t\t"), "line 3: id '1' already used on line 2"),
        (tsv("1\tA\tB\t1\tx\tborn=1980s\t"), "line 2, context_a: born must be a four-digit year"),
        (tsv("1\tA\tB\t1\tx\t\tage=40"), "line 2, context_b: unknown key 'age'"),
        (tsv("1\tA\tB\t1\tx\trole\t"), "'role' is not key=value"),
        (tsv("1\tA\tB\t1\tx\trole=judge\t"), "'judge' is not a PersonRole term"),
        (tsv("1\tA\tB\t1\tx\tgender=f\t"), "'f' is not a Gender term"),
        (tsv("1\tA\tB\t1\tx\tcountry=Kazakhstan\t"), "country must be an ISO code"),
        (tsv("1\tA\tB\t1\tx\tborn=1980;born=1981\t"), "'born' given twice"),
    ],
)
def test_malformed_files_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(PairFileError) as raised:
        parse_pairs(text, "pairs.tsv")
    assert str(raised.value).startswith("pairs.tsv")
    assert message in str(raised.value)
    assert isinstance(raised.value, InvalidValueError)


def test_unreadable_files_are_clear_errors(tmp_path: Path) -> None:
    binary = tmp_path / "pairs.tsv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(PairFileError, match=r"pairs\.tsv: not UTF-8"):
        load_pairs(binary)


def test_scores_count_bands_and_derive_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    score = score_pairs(load_pairs(path))
    figures = score.overall
    assert (figures.pairs, figures.positives, figures.negatives) == (10, 5, 5)
    bands = {item.pair.id: item.match.band for item in score.scored}
    assert bands == {
        "t1": MatchBand.SAME,
        "t2": MatchBand.SAME,
        "i1": MatchBand.SAME,
        "i2": MatchBand.SAME,  # the initial fits Arman as well: a false merge
        "s1": MatchBand.POSSIBLE,
        "s2": MatchBand.DIFFERENT,  # a lone given name: missed
        "c1": MatchBand.DIFFERENT,
        "c2": MatchBand.DIFFERENT,
        "g1": MatchBand.DIFFERENT,
        "w1": MatchBand.POSSIBLE,  # a false proposal
    }
    assert figures.count(MatchBand.SAME) == 4 and figures.count(MatchBand.SAME, False) == 1
    assert figures.same_precision == pytest.approx(3 / 4)
    assert figures.same_recall == pytest.approx(3 / 5)
    assert figures.possible_precision == pytest.approx(1 / 2)
    assert figures.flagged_recall == pytest.approx(4 / 5)
    assert figures.flagged_precision == pytest.approx(4 / 6)
    assert meets_pair_targets(score) == {"same_precision": False, "flagged_recall": False}
    assert [item.error for item in score.errors()] == ["false merge", "missed", "false proposal"]
    assert score.categories["initials"].same_precision == pytest.approx(1 / 2)
    assert score.categories["context"].same_precision is None


def test_targets_are_met_by_a_clean_set_and_undefined_figures_count_as_met() -> None:
    score = score_pairs(parse_pairs(tsv("1\tErlan Kusainov\tErlan Kusainova\t0\tgender\t\t")))
    assert score.overall.same_precision is None and score.overall.flagged_recall is None
    assert all(meets_pair_targets(score).values())
    assert set(PAIR_TARGETS) == {"same_precision", "flagged_recall"}


def test_text_report_lists_false_merges_first() -> None:
    score = score_pairs(parse_pairs(SAMPLE, "sample.tsv"))
    text = render_pairs_text(score, "sample.tsv")
    assert "10 pairs: 5 same person, 5 different persons" in text
    assert "SAME precision (automatic merges)     0.750    0.99  NO" in text
    errors = text[text.index("Misclassified pairs (3)") :]
    assert errors.index("false merge: i2 (line 7)") < errors.index("missed: s2")
    assert errors.index("missed: s2") < errors.index("false proposal: w1")
    for category in ("transliteration", "initials", "surname_only", "context", "close_names"):
        assert category in text


def test_json_shape() -> None:
    data = score_pairs(parse_pairs(SAMPLE)).to_dict()
    assert data["pairs"] == 10 and data["bands"]["same"] == {"same": 3, "different": 1}
    assert data["meets_targets"] == {"same_precision": False, "flagged_recall": False}
    (error,) = data["categories"]["initials"]["errors"]
    assert error["id"] == "i2" and error["error"] == "false merge" and error["band"] == "same"


@pytest.mark.skipif(not DEV_PAIRS.exists(), reason="no development pairs in examples/identity")
def test_the_development_pairs_meet_the_targets() -> None:
    score = score_pairs(load_pairs(DEV_PAIRS))
    assert meets_pair_targets(score) == {"same_precision": True, "flagged_recall": True}, [
        item.describe() for item in score.errors()
    ]
