"""Paragraph and sentence segmentation (civicwatch.extract.sentences)."""

from __future__ import annotations

from civicwatch.extract.sentences import Segment, split_paragraphs, split_sentences


def texts(source: str, segments: list[Segment]) -> list[str]:
    return [segment.text(source) for segment in segments]


def test_plain_sentences_and_offsets() -> None:
    source = "Police detained two bloggers. They were released at night!  Was anyone charged?"
    found = split_sentences(source)
    assert texts(source, found) == [
        "Police detained two bloggers.",
        "They were released at night!",
        "Was anyone charged?",
    ]
    for segment in found:
        assert source[segment.start : segment.end] == segment.text(source)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    source = (
        "Mr. Karimov met Dr. Aliyeva on St. Mark's day. The court cited art. 274, "
        "e.g. part 2, i.e. the harsher one. A. Ivanov and B.K. Sultanova appealed. "
        "The case No. 45 was closed."
    )
    assert texts(source, split_sentences(source)) == [
        "Mr. Karimov met Dr. Aliyeva on St. Mark's day.",
        "The court cited art. 274, e.g. part 2, i.e. the harsher one.",
        "A. Ivanov and B.K. Sultanova appealed.",
        "The case No. 45 was closed.",
    ]


def test_quotes_footnotes_and_bold_markers_stay_with_their_sentence() -> None:
    source = (
        'He called the verdict "a farce." The appeal failed.[3] **The activist was '
        "fined.** Her lawyer objected.¹ Next day she left."
    )
    assert texts(source, split_sentences(source)) == [
        'He called the verdict "a farce."',
        "The appeal failed.[3]",
        "**The activist was fined.**",
        "Her lawyer objected.¹",
        "Next day she left.",
    ]


def test_date_openings_and_numbers() -> None:
    source = (
        "On 10 April 2023, the court in Almaty sentenced him. On 27.03.2023 the report "
        "appeared. Fines of 1,5 million tenge were paid."
    )
    assert texts(source, split_sentences(source)) == [
        "On 10 April 2023, the court in Almaty sentenced him.",
        "On 27.03.2023 the report appeared.",
        "Fines of 1,5 million tenge were paid.",
    ]


def test_glued_sentences_are_split_but_urls_are_not() -> None:
    source = (
        "He was detained in 2019.In late 2022 he was freed. See www.example.org/Report for more."
    )
    assert texts(source, split_sentences(source)) == [
        "He was detained in 2019.",
        "In late 2022 he was freed.",
        "See www.example.org/Report for more.",
    ]


def test_paragraphs_bullets_and_headings() -> None:
    source = (
        "PEACEFUL ASSEMBLY\n\nActivists were detained:\n"
        "• Marat Bekov, fined;\n"
        "- Aliya Nurova, 15 days;\n"
        "1. Timur Ospanov, released.\n\n"
        "A long paragraph that was hard-wrapped\nby a PDF reader continues here.\n"
    )
    paragraphs = texts(source, split_paragraphs(source))
    assert paragraphs == [
        "PEACEFUL ASSEMBLY",
        "Activists were detained:",
        "• Marat Bekov, fined;",
        "- Aliya Nurova, 15 days;",
        "1. Timur Ospanov, released.",
        "A long paragraph that was hard-wrapped\nby a PDF reader continues here.",
    ]
    sentences = texts(source, split_sentences(source))
    assert "A long paragraph that was hard-wrapped\nby a PDF reader continues here." in sentences
    assert "PEACEFUL ASSEMBLY" in sentences


def test_sentences_in_a_range_keep_absolute_offsets() -> None:
    source = "Intro text.\n\nFirst one. Second one."
    start = source.index("First")
    found = split_sentences(source, start, len(source))
    assert texts(source, found) == ["First one.", "Second one."]
    assert found[0].start == start


def test_cyrillic_and_degenerate_inputs() -> None:
    source = "Суд оштрафовал активиста. Он обжаловал решение."
    assert texts(source, split_sentences(source)) == [
        "Суд оштрафовал активиста.",
        "Он обжаловал решение.",
    ]
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []
    assert split_paragraphs("") == []
    assert texts("...", split_sentences("...")) == ["..."]
    assert split_sentences("abc", 5, 2) == []


def test_the_number_of_a_numbered_item_opens_its_sentence() -> None:
    source = "The sentences:\n\n1. Ivan Lapko, an engineer, received three years.\n\n2–3. A and B."
    found = texts(source, split_sentences(source))
    assert found == [
        "The sentences:",
        "1. Ivan Lapko, an engineer, received three years.",
        "2–3. A and B.",
    ]
