"""The normalisation every reader's text goes through: deterministic and idempotent."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicwatch.ingest.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc"),
        ("one\u2028two\u2029three", "one\ntwo\nthree"),
        ("nul\x00here\x07 bell\x1b[0m", "nulhere bell[0m"),
        ("keep\ttabs\tinside", "keep\ttabs\tinside"),
        ("form\x0cfeed\x0bvt\x85nel", "formfeedvtnel"),
        ("trailing   \nspaces\t\t\nnbsp\u00a0\n", "trailing\nspaces\nnbsp"),
        ("a\n\n\n\n\n\nb", "a\n\n\nb"),
        ("a\n\n\nb", "a\n\n\nb"),
        ("a\n \n\t\n  \n \nb", "a\n\n\nb"),
        ("\n\n  \n   indented first line\nlast\n\n \n", "   indented first line\nlast"),
        ("", ""),
        ("   \n\t\n", ""),
    ],
)
def test_normalise_rules(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_composes_to_nfc() -> None:
    decomposed = "Сергеи\u0306 Cafe\u0301"  # й and é as letter + combining mark
    result = normalise(decomposed)
    assert result == "Сергей Café"
    assert unicodedata.is_normalized("NFC", result)


def test_control_removal_happens_before_composition() -> None:
    # A control character between a letter and its accent must not block composition.
    assert normalise("e\x01\u0301") == "é"


# Text built from the characters normalisation cares about, plus anything at all.
_tricky = st.sampled_from(
    ["\r", "\n", "\r\n", "\t", " ", "\x00", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\u00a0",
     "\u2028", "\u2029", "\u0301", "\u0306", "e", "и", "\u3000", "\ufeff", "\u200b"]
)  # fmt: skip
_texts = st.one_of(
    st.text(),
    st.lists(st.one_of(_tricky, st.text(max_size=3)), max_size=60).map("".join),
)


@settings(max_examples=400)
@given(_texts)
def test_normalise_is_idempotent_and_total(raw: str) -> None:
    once = normalise(raw)
    assert normalise(once) == once
    assert "\r" not in once
    assert not once.startswith("\n") and not once.endswith("\n")
    assert all(line == line.rstrip() for line in once.split("\n"))
    assert "\n\n\n\n" not in once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in once)
