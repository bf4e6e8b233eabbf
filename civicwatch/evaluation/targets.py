"""Quality targets: F1 that extraction must reach on the dev corpus and on unseen reports."""

from __future__ import annotations

from collections.abc import Mapping

from civicwatch.errors import InvalidValueError
from civicwatch.evaluation.results import CorpusScore, DocumentScore

TARGETS: dict[str, dict[str, float]] = {
    "dev": {"persons": 0.95, "articles": 0.90, "outcomes": 0.85},
    "unseen": {"persons": 0.90, "articles": 0.85, "outcomes": 0.75},
}


def resolve_targets(targets: Mapping[str, float] | str) -> Mapping[str, float]:
    """A targets mapping, or the name of one in ``TARGETS`` ("dev", "unseen")."""
    if isinstance(targets, str):
        try:
            return TARGETS[targets]
        except KeyError:
            known = ", ".join(TARGETS)
            raise InvalidValueError(f"unknown targets {targets!r} (known: {known})") from None
    return targets


def meets(
    score: CorpusScore | DocumentScore, targets: Mapping[str, float] | str
) -> dict[str, bool]:
    """For each metric of ``targets``: does the score's F1 reach it?"""
    result: dict[str, bool] = {}
    for metric, target in resolve_targets(targets).items():
        if metric not in score.metrics:
            raise InvalidValueError(f"no metric {metric!r} to compare with a target")
        result[metric] = score.metrics[metric].f1 >= target
    return result
