"""Helpers for the evaluation tests: small hand-made documents in the contract's shape."""

from __future__ import annotations

from typing import Any


def person(
    name: str,
    *variants: str,
    articles: list[str] | None = None,
    outcomes: list[tuple[str, str | None, str | None]] | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "variants": list(variants),
        "role": "activist",
        "articles": list(articles or []),
        "outcomes": [
            {"kind": kind, "amount": amount, "date": date} for kind, amount, date in outcomes or []
        ],
    }


def document(*persons: dict[str, Any], organisations=(), places=()) -> dict[str, Any]:
    return {
        "doc": "sample.txt",
        "published": "2024-05-01",
        "persons": list(persons),
        "organisations": list(organisations),
        "places": list(places),
    }
