"""Scoring extraction output against hand-made gold annotations (pure Python, no Django).

Typical use (what ``civicwatch eval GOLD_DIR [--docs DIR]`` does)::

    pairs = find_pairs(gold_dir, docs_dir)
    items = [(path.name, load_gold(path), extract(doc)) for path, doc in pairs]
    score = score_corpus(items)
    print(render_text(score, "dev"))      # or json.dumps(score.to_dict())
    meets(score, TARGETS["dev"])          # {"persons": True, ...}

How each metric is computed is written down in docs/quality.md.
"""

from civicwatch.evaluation.gold import (
    SUPPORTED_SUFFIXES,
    GoldDocument,
    find_pairs,
    load_gold,
    validate_gold,
)
from civicwatch.evaluation.names import PersonMatch, match_persons, names_match, normalise_name
from civicwatch.evaluation.normalise import (
    date_agrees,
    normalise_amount,
    normalise_article,
    normalise_kind,
    normalise_label,
)
from civicwatch.evaluation.render import render_text
from civicwatch.evaluation.results import (
    CorpusScore,
    Counts,
    DateAccuracy,
    DateMismatch,
    DocumentScore,
    Finding,
)
from civicwatch.evaluation.scoring import METRICS, pool, score_corpus, score_document
from civicwatch.evaluation.targets import TARGETS, meets

__all__ = [
    "METRICS",
    "SUPPORTED_SUFFIXES",
    "TARGETS",
    "CorpusScore",
    "Counts",
    "DateAccuracy",
    "DateMismatch",
    "DocumentScore",
    "Finding",
    "GoldDocument",
    "PersonMatch",
    "date_agrees",
    "find_pairs",
    "load_gold",
    "match_persons",
    "meets",
    "names_match",
    "normalise_amount",
    "normalise_article",
    "normalise_kind",
    "normalise_label",
    "normalise_name",
    "pool",
    "render_text",
    "score_corpus",
    "score_document",
    "validate_gold",
]
