"""text_layout: reflowed paragraphs with spans marked where their characters ended up."""

from __future__ import annotations

from civicwatch.web.text_layout import Span, layout

WRAPPED = (
    "Kazakhstan: briefing paper\n"
    "\n"
    "On 14 March 2024, a district court in Astana found the chair of the unregistered\n"
    "movement guilty of running an outlawed group and of collecting money for it. The deten-\n"
    "tion of two EU-\n"
    "Kazakhstan dialogue participants followed.\n"
    "1. Summary\n"
    "The court handed long sentences and non-custodial penalties to an opposition leader,\n"
    "a civic activist and two oil workers."
)


def texts(text: str, spans: list[Span] | None = None) -> list[str]:
    return [paragraph.text for paragraph in layout(text, spans or [])]


def test_hard_line_breaks_are_joined_and_paragraphs_kept() -> None:
    assert texts(WRAPPED) == [
        "Kazakhstan: briefing paper",
        "On 14 March 2024, a district court in Astana found the chair of the unregistered "
        "movement guilty of running an outlawed group and of collecting money for it. The "
        "detention of two EU-Kazakhstan dialogue participants followed.",
        "1. Summary",
        "The court handed long sentences and non-custodial penalties to an opposition leader, "
        "a civic activist and two oil workers.",
    ]


def test_short_lines_stay_apart_in_unwrapped_text() -> None:
    text = "Title of the report\nPublished 2 April 2024 by Steppe Watch\n\nOne paragraph."
    assert texts(text) == [
        "Title of the report",
        "Published 2 April 2024 by Steppe Watch",
        "One paragraph.",
    ]


def test_list_items_start_new_blocks_even_after_a_full_line() -> None:
    line = "x" * 80
    assert texts(f"{line}\n- first item\n- second item") == [line, "- first item", "- second item"]


def test_spaces_collapse_and_lines_are_stripped() -> None:
    assert texts("  two   spaces\there  ") == ["two spaces here"]


def test_spans_follow_the_characters_across_joined_lines() -> None:
    text = WRAPPED
    start = text.index("unregistered")
    end = text.index("movement") + len("movement")  # spans the line break
    hyphen = text.index("deten-")
    spans = [
        Span(start, end, "organisation", 1),
        Span(hyphen, hyphen + len("deten-\ntion"), "event", 2),
    ]
    paragraph = layout(text, spans)[1]
    marked = [(segment.text, segment.refs) for segment in paragraph.segments if segment.spans]
    assert marked == [("unregistered movement", [1]), ("detention", [2])]


def test_overlapping_and_nested_spans() -> None:
    text = "Almaty City Court rejected the appeal."
    spans = [
        Span(0, 17, "organisation", 1, priority=1),
        Span(0, 6, "place", 2, priority=2),
        Span(0, 17, "place", 3, priority=2),
        Span(12, 37, "event", 4),
    ]
    (paragraph,) = layout(text, spans)
    rows = [(segment.text, segment.primary.ref if segment.primary else None, segment.refs)
            for segment in paragraph.segments]  # fmt: skip
    assert rows == [
        ("Almaty", 2, [2, 1, 3]),  # innermost first
        (" City ", 1, [1, 3]),  # equal length: lower priority number wins
        ("Court", 1, [1, 3, 4]),
        (" rejected the appeal", 4, [4]),
        (".", None, []),
    ]


def test_spans_outside_the_text_or_empty_are_ignored() -> None:
    (paragraph,) = layout("Short text.", [Span(3, 3, "person", 1), Span(50, 60, "person", 2)])
    assert [segment.spans for segment in paragraph.segments] == [()]


def test_empty_text() -> None:
    assert layout("", []) == []
    assert layout("\n\n  \n", []) == []


def test_a_span_that_opens_nothing_gives_way_to_one_that_does() -> None:
    text = "On 5 March 2024 the court ruled."
    (paragraph,) = layout(text, [Span(3, 15, "date", None, 7), Span(3, 15, "event", 9, 4)])
    (marked,) = [segment for segment in paragraph.segments if segment.spans]
    assert marked.primary is not None and marked.primary.kind == "event"
    assert marked.target == 9 and marked.refs == [9]
    (alone,) = [
        segment
        for segment in layout(text, [Span(3, 15, "date", None)])[0].segments
        if segment.spans
    ]
    assert alone.target is None and alone.refs == [] and alone.kinds == ["date"]
