"""Measures named without an amount ("acquitted", "placed under house arrest", "fined",
"released"), brief police detentions, and the :class:`OutcomeMention` every outcome finder
returns. Phrases are data (``data/penalty_phrases.tsv``); what makes one wished for,
earlier or only a place ("called for his release", "had been jailed before", "a room of
the detention centre") is the grammar here. Patterns are for lower-cased text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from civicwatch.core.vocab import CONTRACT_PENALTY_KINDS, PenaltyKind
from civicwatch.extract.amounts import NUMBER
from civicwatch.extract.lexicon import compile_lexicon, lower
from civicwatch.extract.outcome_terms import PHRASE_KEYS as _PHRASE_KEYS
from civicwatch.extract.outcome_terms import PHRASE_RE as _PHRASE_RE
from civicwatch.extract.outcome_terms import PHRASES as _PHRASES
from civicwatch.extract.outcome_terms import REALIS as _REALIS

__all__ = ["CUSTODY", "OutcomeMention", "clause", "find_detentions", "phrase_mentions"]


@dataclass(frozen=True, slots=True)
class OutcomeMention:
    start: int
    end: int
    kind: PenaltyKind
    amount: str | None
    amounts: tuple[str | None, ...] = ()
    detail: str | None = None

    @property
    def contract_amount(self) -> str | None:
        """The amount as the contract's ``other`` outcomes write it, else ``amount``."""
        if self.kind in CONTRACT_PENALTY_KINDS:
            return self.amount
        return self.detail or self.amount


_STOPS = (". ", ".\n", "; ", ";\n", "? ", "! ", "\n")


# "No. 1", "Art. 278", "Par. 1": a full stop that ends an abbreviation ends no clause
_ABBREVIATIONS = frozenset({"no", "nr", "art", "arts", "par", "para", "pt", "st", "p"})


def _abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:stop].lower() in _ABBREVIATIONS


def clause(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """Bounds of the clause around ``text[start:end]``: up to a full stop, a semicolon or a
    line end (at most ``reach`` characters each side)."""
    lo = max(0, start - reach)
    left = max(text.rfind(stop, lo, start) for stop in _STOPS)
    while left > lo and _abbreviation(text, left):
        left = max(text.rfind(stop, lo, left) for stop in _STOPS)
    hi = min(len(text), end + reach)
    rights = []
    for stop in _STOPS:
        found = text.find(stop, end, hi + 1)
        while found >= 0 and _abbreviation(text, found):
            found = text.find(stop, found + 1, hi + 1)
        if found >= 0:
            rights.append(found)
    if text.endswith((".", ";", "!", "?"), end, hi) and hi == len(text):
        rights.append(hi - 1)
    return (left + 1 if left >= 0 else lo), min(rights) if rights else hi


# -- measures named without an amount ----------------------------------------------------

_ADV = r"(?:[‘’“”\"']*(?:all|also|later|then|both|each|again|first|soon|\w+ly)[‘’“”\"']*\s+){0,2}"
_AUX = re.compile(rf"\b(?:was|were|been|being|be|is|are|got|get)\s+{_ADV}$")
_FINE_BEFORE = re.compile(
    r"\b(?:administrative|heavy|hefty|large|small|with|pay|paid|handed|imposed|issued|"
    r"received|given|replaced\s+with)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$"
)
_FINE_AFTER = re.compile(r"\s+(?:of|ranging|totall?ing|amounting)\b")
_NOT_REAL_FAR = re.compile(
    r"\b(?:request\w*|refus\w+|reject\w*|demand\w*|urg(?:ed|es|ing)|petition\w*|call(?:ed|s|ing)?"
    r"\s+(?:on\s+\S+\s+(?:\S+\s+)?)?for)\b[^.;:!?]*$"
)
_NOT_REAL = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+(?:on\s+\S+\s+(?:\S+\s+)?)?(?:for|to)|demand\w*|urg\w+|should|must|"
    r"ought|request\w*|petition\w*|seek\w*|sought|hop\w+|want\w*|refus\w+|reject\w*|denied|deny|"
    r"would|could|might|if|whether|risk\w*|fac(?:e|es|ing)|threat\w*|without|rather\s+than|"
    r"due\s+to|expected\s+to|supposed\s+to|scheduled\s+to|"
    r"instead\s+of|not)\s+(?:\S+\s+){0,4}$"
)
_REQUEST = re.compile(r"\b(?:ask(?:ed|s|ing)?\s+for|request(?:ed|s|ing)?|sought|demand(?:ed|s))\b")
_REQUEST_REACH = 250
_CONTRAST = re.compile(r"\b(?:but|however|whereas|while|instead)\b")
_BRIEF = re.compile(
    r"[^.;]{0,40}?\b(?:after\s+(?:being\s+)?(?:held\s+)?(?:for\s+)?(?:a\s+few|several|an?|\w+)\s+"
    r"hours?|without\s+(?:any\s+)?charges?|later\s+(?:that|the\s+same)\s+day|the\s+same\s+day"
    r"|after\s+(?:being\s+)?questioned|after\s+questioning)"
)
_PRIOR = re.compile(
    r"[^.;]{0,50}?\b(?:before|earlier|in\s+the\s+past|previously)(?=\s*[.,;)]|\s*$)"
    r"|[^.;]{0,30}?\b(?:twice|(?:several|many|multiple|three|four|five)\s+times)\b"
)
# "a court in Taraz freed X": a court or the authorities as the subject of a release
_COURT_SUBJECT = re.compile(
    r"\b(?:court|judge|authorities|president)\b(?:\s+(?:in|of)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"(?:\s+\w+ly)?\s+$"
)
_PRIOR_AUX = re.compile(r"\b(?:already|previously|repeatedly|once)\b")
_QUESTIONED_BEFORE = re.compile(r"questioned\s+before\s+(?:being\s+)?$")
_HOUSE_ARREST = re.compile(r"\bhouse\s+arrest\b")
# "X, who had been under house arrest since April, was freed": the state before the release
_HELD_BEFORE = re.compile(r"\b(?:had|has|have)\s+been\s+(?:\w+\s+)?(?:under|in)\s+$")


def _moved_to_house_arrest(low: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether a release next to house arrest is a move into it ("released from pre-trial
    detention and placed under house arrest") rather than a release from it."""
    for found in _HOUSE_ARREST.finditer(low, max(lo, start - 100), min(hi, end + 100)):
        if found.start() < start and _HELD_BEFORE.search(
            low, max(0, found.start() - 40), found.start()
        ):
            continue  # the house arrest the person was released from
        return True
    return False


_RELEASE_FROM_HOUSE = re.compile(r"\b(?:from|lifted|end(?:ed)?\s+(?:of\s+)?)\s*$")
CUSTODY = (PenaltyKind.PRISON, PenaltyKind.ADMIN_DETENTION, PenaltyKind.PRETRIAL_DETENTION)


def _unreal(low: str, lo: int, start: int) -> bool:
    """Whether the words before ``start`` make the measure wished for or hypothetical."""
    if _NOT_REAL.search(low, max(lo, start - 60), start):
        return True
    far = _NOT_REAL_FAR.search(low, max(lo, start - 100), start)
    if far is None:
        # "the prosecutor asked for ten years for A, ... and for three years of restricted
        # freedom for E": one request over the whole list
        requests = list(_REQUEST.finditer(low, clause(low, start, start, _REQUEST_REACH)[0], start))
        far = requests[-1] if requests else None
    # ... unless what follows the request is what happened ("but X was acquitted")
    return (
        far is not None
        and not any(
            " be " not in low[far.start() : found.start()]  # "demanded that she be freed"
            for found in _REALIS.finditer(low, far.start(), start)
        )
        and not _CONTRAST.search(low, far.start(), start)
    )


_COUNTRY = re.compile(
    r"(?:\w+stan|Georgia|Armenia|Azerbaijan|Belarus|Russia|Ukraine|Moldova|country)\b", re.I
)
_HOME = re.compile(r"(?:home\s+)?(?:city|town|village|district)\b")


def _leave_detail(text: str, match: re.Match[str]) -> str | None:
    """ "ordered both men not to leave Zhanaozen" -> "order not to leave home city"."""
    words = re.sub(r"\b(?:his|her|their|the)\s+", "", match.group().lower())
    if "leave " not in words:
        return "travel ban"
    place = words.split("leave ", 1)[1]
    if _COUNTRY.match(place):
        return "order not to leave country"
    named = text[match.end() - len(place) : match.end()]
    if _HOME.fullmatch(place) or named[:1].isupper():
        return "order not to leave home city"
    if not _HOME_OR_REGION.match(place):
        return None  # "must not leave anything behind"
    return "order not to leave " + place


_HOME_OR_REGION = re.compile(r"(?:\w+\s+){0,3}?(?:region|home|residence|city|town|country)\b")


def phrase_mentions(text: str, low: str) -> list[OutcomeMention]:
    found: list[OutcomeMention] = []
    for match in _PHRASE_RE.finditer(low):
        kind, amount, check = _PHRASES[int(_PHRASE_KEYS[match.lastgroup or ""])]
        start, end = match.span()
        if check == "aux":
            aux = _AUX.search(low, max(0, start - 40), start)
            if aux:
                start = aux.start()
            elif kind is not PenaltyKind.RELEASED or not _COURT_SUBJECT.search(
                low, max(0, start - 50), start
            ):
                continue
        elif check == "fine" and not (
            _FINE_BEFORE.search(low, max(0, start - 30), start) or _FINE_AFTER.match(low, end)
        ):
            continue
        lo, hi = clause(low, start, end, reach=120)
        if _unreal(low, lo, start) or (
            check == "aux" and (_PRIOR.match(low, end, hi) or _PRIOR_AUX.search(low, start, end))
        ):
            continue  # wished for, or "had been jailed before": an earlier measure
        if kind is PenaltyKind.RELEASED and (
            _BRIEF.match(low, end, end + 60)
            or _QUESTIONED_BEFORE.search(low, max(0, start - 40), start)
            or (check == "from" and _PRIOR.match(low, end, hi))
            or ("house" not in match.group() and _moved_to_house_arrest(low, lo, hi, start, end))
        ):
            continue  # let go after a few hours, or moved from custody to house arrest
        if kind is PenaltyKind.HOUSE_ARREST and _RELEASE_FROM_HOUSE.search(
            low, max(lo, start - 30), start
        ):
            continue
        detail = amount
        if kind is PenaltyKind.TRAVEL_BAN:
            detail = _leave_detail(text, match)
            if detail is None:
                continue
        elif kind is PenaltyKind.PUBLIC_LABOUR:
            detail = "public labour"
        found.append(OutcomeMention(start, end, kind, amount, (), detail))
    return found


# -- brief police detentions -------------------------------------------------------------

_DETENTION, _DETENTION_KEYS = compile_lexicon(
    [
        ("participle", (r"detained", r"arrested", r"apprehended", r"rounded\s+up")),
        ("taken", (
            r"taken\s+to\s+(?:a|the)\s+(?:local\s+)?police\s+(?:station|department)",
            r"taken\s+into\s+custody",
        )),
    ]
)  # fmt: skip
_NOT_PLACE_WORD = r"(?:said|says|told|the|an?|and|who|which|that|had|has|have|was|were)\b"
_BY_POLICE = re.compile(
    r"\b(?:police|officers|authorities|security\s+services|agents|servicemen|riot\s+police|"
    r"law\s+enforcement(?:\s+officers)?)"
    rf"(?:\s+(?:in|from|of)\s+(?:the\s+)?[\w-]+(?:\s+(?!{_NOT_PLACE_WORD})[\w-]+){{0,2}})?"
    r"\s+(?:\w+ly\s+)?(?:also\s+)?$"
)
_FOR_AMOUNT = re.compile(
    rf"\s*(?:\w+\s+){{0,3}}?for\s+(?:(?:more\s+than|over|about|around|up\s+to)\s+)?"
    rf"(?:{NUMBER})[\s-]*(?:days?|weeks?|months?|years?)\b"
)


def find_detentions(text: str, low: str | None = None) -> list[OutcomeMention]:
    """Police detentions ("were briefly detained", "taken to a police station") as
    kind ``other`` with amount ``"detained"``. Detentions for a stated term ("detained
    for 15 days") are outcomes of :func:`find_outcomes` instead."""
    low = lower(text) if low is None else low
    found: list[OutcomeMention] = []
    for match in _DETENTION.finditer(low):
        start, end = match.span()
        if _DETENTION_KEYS[match.lastgroup or ""] == "participle":
            before = _AUX.search(low, max(0, start - 40), start) or _BY_POLICE.search(
                low, max(0, start - 50), start
            )
            if not before:
                continue
            start = before.start()
        if _NOT_REAL.search(low, max(0, start - 60), start) or _FOR_AMOUNT.match(
            low, end, end + 80
        ):
            continue
        found.append(OutcomeMention(start, end, PenaltyKind.OTHER, "detained", (), "detained"))
    return found
