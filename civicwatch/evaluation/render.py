"""Plain-text rendering of a score: a metrics table, then the evidence per document.

Data and presentation are separate: this module only reads ``CorpusScore`` and
``DocumentScore``; a rich-based CLI may render the same objects differently.
"""

from __future__ import annotations

from collections.abc import Mapping

from civicwatch.evaluation.results import CorpusScore, DocumentScore, Finding
from civicwatch.evaluation.scoring import METRICS, pool
from civicwatch.evaluation.targets import resolve_targets


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _table(score: CorpusScore, targets: Mapping[str, float] | None) -> list[str]:
    header = f"{'metric':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"
    if targets:
        header += f"{'target':>8}  ok"
    lines = [header, "-" * len(header)]
    for metric in METRICS:
        counts = score.metrics[metric]
        line = (
            f"{metric:<14}{counts.precision:>10.3f}{counts.recall:>8.3f}{counts.f1:>8.3f}"
            f"{counts.tp:>6}{counts.fp:>6}{counts.fn:>6}"
        )
        if targets and metric in targets:
            ok = "yes" if counts.f1 >= targets[metric] else "NO"
            line += f"{targets[metric]:>8.2f}  {ok}"
        lines.append(line)
    dates = score.dates
    lines.append("")
    lines.append(
        f"outcome dates: {dates.agree}/{dates.pairs} equal ({_rate(dates.accuracy)}), "
        f"lenient {dates.agree_lenient}/{dates.pairs} ({_rate(dates.lenient_accuracy)})"
    )
    return lines


def _findings(title: str, groups: dict[str, list[Finding]]) -> list[str]:
    lines: list[str] = []
    for metric, findings in groups.items():
        if findings:
            lines.append(f"  {title} — {metric} ({len(findings)}):")
            lines.extend(f"    {finding}" for finding in findings)
    return lines


def _document(document: DocumentScore) -> list[str]:
    misses = {m: document.metrics[m].misses for m in METRICS}
    false_hits = {m: document.metrics[m].false_hits for m in METRICS}
    body = _findings("misses (in gold, not found)", misses)
    body += _findings("false hits (found, not in gold)", false_hits)
    if document.dates.mismatches:
        body.append(f"  outcome dates that differ ({len(document.dates.mismatches)}):")
        for mismatch in document.dates.mismatches:
            note = " (same month)" if mismatch.lenient_ok else ""
            body.append(
                f"    {mismatch.person}: {mismatch.item}: gold {mismatch.gold or 'none'}, "
                f"found {mismatch.predicted or 'none'}{note}"
            )
    if not body:
        return []
    return ["", f"== {document.name} ==", *body]


def render_text(
    score: CorpusScore | DocumentScore, targets: Mapping[str, float] | str | None = None
) -> str:
    """The summary table (with target columns when ``targets`` is given), then misses,
    false hits and differing dates grouped per document."""
    corpus = pool([score]) if isinstance(score, DocumentScore) else score
    resolved = resolve_targets(targets) if targets is not None else None
    noun = "document" if len(corpus.documents) == 1 else "documents"
    lines = [f"{len(corpus.documents)} {noun} scored (micro-averaged)", ""]
    lines += _table(corpus, resolved)
    for document in corpus.documents:
        lines += _document(document)
    return "\n".join(lines) + "\n"
