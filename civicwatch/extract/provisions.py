"""Find legal provisions in report text: "under article 274 of the Criminal Code",
"Criminal Code articles 179, 272 and 24", "Part 2 of Article 174", "Par. 1 Art. 342",
"Articles 207.3 and 280.3", "Article 206.3.2", "article 244-1 part 3", "307 (1)", "CAO 488",
"CC RK", and offences named without a number ("knowingly spreading false information").

``find_provisions(text)`` returns :class:`ProvisionMention` s with offsets into ``text``.
Each mention holds one or more :class:`~civicwatch.core.provisions.Provision` s and the
country whose code it cites: the country a code phrase names ("of the Criminal Code of
Belarus", "CC RK"), else the country of the passage (:mod:`.jurisdiction`). The country
decides how the number reads (Russian "207.3" is an article, Azerbaijani "206.3.2" is
article 206, part 3; :func:`~civicwatch.core.provisions.resolve_number`).

How the code of a bare "article N" is decided, first rule that applies:

1. a code written next to the numbers ("of the Criminal Code", "CC", "the Administrative
   Code's article 488", "Criminal Code provision (article 174)");
2. the shape of the number: administrative codes number articles by chapter ("20.2",
   "24.23"), and no criminal code of the region goes past article 480;
3. a code named earlier in the same sentence, or the nearest criminal or administrative
   word in the sentence ("criminal", "prison" against "administrative", "fined");
4. a code named earlier in the same paragraph;
5. the only code of the country's catalogue that has the number; else the criminal code.

Articles of a constitution, a covenant, a convention, a law or another code ("Article 19 of
the ICCPR", "the Criminal Procedure Code") are not provisions and are not returned.

An offence named beside a number ("organising mass riots (Article 293)") is checked
against the catalogues (``offence``, ``checked``): when only one country numbers that
offence so, it is the mention's country unless the text or the caller fixed another.
Named offences alone (``named=True``) are looked up in the catalogue of the passage's
country; annotators of the genre record an article only when the text states it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, overload

from civicwatch.core.provisions import (
    Provision,
    articles_for_offence,
    jurisdiction_names,
    jurisdiction_of,
    jurisdictions_citing,
    resolve_number,
)
from civicwatch.core.provisions_catalogue import catalogue, offence_patterns
from civicwatch.core.vocab import LegalCode
from civicwatch.extract.jurisdiction import Jurisdictions, infer_jurisdictions
from civicwatch.extract.triggers import compile_lexicon, lower

__all__ = ["ProvisionMention", "find_provisions"]


@dataclass(frozen=True, slots=True)
class ProvisionMention:
    start: int
    end: int
    provisions: tuple[Provision, ...]
    named: bool
    jurisdiction: str | None = None
    explicit: bool = False  # the text names the code's country ("CC RK", "of Belarus")
    offence: str | None = None  # the offence named beside the number ("mass riots")
    checked: bool | None = None  # whether the catalogue has that number for that offence

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(provision.label for provision in self.provisions)


# -- building blocks (patterns on lower-cased text unless they say otherwise) -------------

_DASH = "\\-\u2010\u2011\u2012\u2013"
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # "244¹": a sub-article in superscript
_NUM = rf"(?<![\d.,])\d{{1,4}}[{_SUP}]{{0,2}}(?:[{_DASH}.]\d{{1,3}}){{0,3}}(?![\d{_DASH}])"
_ART = r"(?:articles?|arts?\.|art\b\.?)(?:\s*(?:nos?\.|№))?"
_PART_WORD = r"(?:parts?|pts?\.)"
_SUB_WORD = (
    r"(?:sub-?paragraphs?|paragraphs?|paras?\.|pars?\.|clauses?|items?|points?|sub-?items?|"
    r"sub-?points?)(?:\s*[\"“‘']?[a-z][\"”’']?(?=\s+of\b))?"
)
_PART_LIST = r"\d{1,2}(?![\d.])(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+or\s+)\d{1,2}(?![\d.])){0,8}"
_LEAD_BACK = re.compile(
    rf"\b(?:(?:{_PART_WORD}|{_SUB_WORD})\s*{_PART_LIST}\s*,?\s*(?:of\s+)?(?:the\s+)?)+\Z"
)
_TAIL = rf"(?:\s*\(\s*\d{{1,2}}\s*\)|\s*,?\s*(?:{_PART_WORD}|{_SUB_WORD})\s*{_PART_LIST}){{0,4}}"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_NOT_ANOTHER = (  # a number after "and" that counts something else: "274 and 15 activists"
    r"(?!\s*-?\s*(?:%|per\s*cent|percent|people|persons|individuals|activists|protesters|"
    r"journalists|members|participants|others|years?|months?|weeks?|days?|hours?|times|"
    r"eur|usd|kzt|rub|euros?|dollars?|tenge|roubles?|rubles?|mcis?|cases|complaints|"
    rf"investigations|{_MONTHS})\b)"
)
_SEP = r"(?:\s*[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or|&|as\s+well\s+as)\s+|\s*&\s*)"
_ARTICLES = re.compile(
    rf"{_ART}\s*{_NUM}{_TAIL}(?:{_SEP}(?:{_ART}\s*)?{_NUM}{_NOT_ANOTHER}{_TAIL}){{0,30}}"
)
_TOKEN = re.compile(
    rf"(?P<part>{_PART_WORD})|(?P<sub>{_SUB_WORD})|(?P<art>{_ART})"
    rf"|\(\s*(?P<paren>\d{{1,2}})\s*\)|(?P<num>\d{{1,4}}[{_SUP}]{{0,2}}(?:[{_DASH}.]\d{{1,3}})*)"
)

# Code phrases, matched on the original text (abbreviations are case-sensitive): "CC RK",
# "UK RF" (the Russian abbreviation), "CCRoK", "KoAP".
_ABBR_JUR = r"(?-i:RK|RoK|RF|KR|RB|RT|RUz)"
_ABBR_CORE = (
    rf"(?-i:(?P<abbr>CC|CrC|CAO|CoAO|KoAP|UK(?=\s*{_ABBR_JUR}\b)))"
    rf"(?:\s*(?P<jabbr2>{_ABBR_JUR}))?\b"
)
_ABBR_FAST = re.compile(r"C(?:C|rC|AO|oAO)|KoAP|UK")
_ABBR = re.compile(_ABBR_CORE)
_MODS = r"(?:(?:current|new|old|former|amended|revised|same|country['’]s|national)\s+){0,2}"


@cache
def _code_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Code phrases ("the Criminal Code of the Kyrgyz Republic", "Belarus's Code of
    Administrative Offences", "Code of Offences") and what may follow an article number;
    built on first use from the country names of the data files."""
    country = "|".join(
        re.escape(name).replace(r"\ ", r"\s+")
        for name in sorted(jurisdiction_names(), key=len, reverse=True)
        if len(name) > 3
    )
    core = (
        r"(?:(?P<crim>(?:criminal|penal)\s+code)|(?P<adm>code\s+(?:of|on)\s+(?:the\s+)?"
        r"(?:administrative\s+)?(?:offen[cs]es?|violations?|infractions?|misdemeanou?rs?|"
        r"responsibility|liability)|"
        r"administrative\s+(?:offen[cs]es?\s+|violations?\s+)?code))"
        rf"(?:\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?(?P<jpost>{country}|{_ABBR_JUR}\b))?"
        rf"(?:\s+(?P<jabbr>{_ABBR_JUR})\b)?"
    )
    suffix = re.compile(
        rf"""\s*,?\s*(?:(?:of\s+(?:the\s+)?{_MODS}(?:(?P<jpre>{country})(?:['’]s)?\s+)?|\(\s*)?
        {core}(?:\s*\))?|(?:of\s+(?:the\s+)?)?{_ABBR_CORE})""",
        re.IGNORECASE | re.VERBOSE,
    )
    return re.compile(core, re.IGNORECASE), suffix


_JURISDICTION_BEFORE = re.compile(r"([a-z]+(?:\s+[a-z]+)?)(?:['’]s)?\s+(?:the\s+)?\Z")
_PREFIX_GAP = re.compile(
    r"(?:['’]s)?\s*(?:,\s*|:\s*|\(\s*|provisions?\s*\(\s*|provisions?\s+|,?\s*under\s+)?",
    re.IGNORECASE,
)
_OTHER_TEXT = re.compile(  # "Article 19 of the ICCPR", "article 10 of the Constitution"
    r"""\s*,?\s*(?:(?:of|in|under)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?|\(\s*)?
    (?:constitution|iccpr|icescr|echr|udhr|cedaw|covenant|convention|declaration|charter|
    law|laws|act|protocol|treaty|rules|regulations?|decree|resolution|statute|agreement|
    directive|procedur(?:e|al)\s+code|code\s+of\s+(?:criminal|civil|administrative)\s+
    procedure|(?:civil|tax|labou?r|family|electoral|election|land|housing|customs|
    enforcement|executive|budget|entrepreneurial|water|forest|environmental)\s+code)\b""",
    re.VERBOSE,
)
_OTHER_PREFIX = re.compile(
    r"""\b(?:constitution|iccpr|icescr|echr|udhr|covenant|convention|declaration|charter|law|
    act|procedure|procedural\s+code|(?:civil|tax|labou?r|family|electoral|election)\s+code)
    (?:['’]s)?\s*[,(:]?\s*\Z""",
    re.VERBOSE,
)
_ABBR_NUMBER = re.compile(
    rf"\s*(?:,\s*)?(?:(?i:{_ART})\s*)?(?P<num>{_NUM})(?:\s*\(\s*(?P<paren>\d{{1,2}})\s*\))?"
)
_SENTENCE_END = re.compile(r"[.!?;\n](?:(?<=\n)|(?=\s+[\"“‘(]?[A-Z]))")
_CONTEXT, _CONTEXT_KEYS = compile_lexicon(
    [
        ("adm", (
            r"administrativ\w*", r"fine[ds]?", r"misdemeanou?rs?", r"warnings?", r"petty",
            r"locked\s+up", r"(?:\d+|five|seven|ten|fifteen|twenty|thirty)[\s-]days?['’]?(?:\s+of)?"
            r"\s+(?:administrative\s+)?(?:detention|arrest|jail)",
        )),
        ("crim", (
            r"criminal(?:ly)?", r"crimes?", r"prison\w*", r"imprison\w*", r"penal\s+colony",
            r"restrict(?:ed|ion\s+of)\s+(?:freedom|liberty)", r"pre-?\s?trial", r"indict\w*",
        )),
    ]
)  # fmt: skip


# -- per-document indexes ----------------------------------------------------------------


def _code_of(match: re.Match[str]) -> tuple[LegalCode, str | None]:
    groups = match.groupdict()
    if groups.get("abbr"):
        code = (
            LegalCode.CRIMINAL
            if groups["abbr"] in ("CC", "CrC", "UK")
            else LegalCode.ADMINISTRATIVE
        )
    else:
        code = LegalCode.CRIMINAL if groups.get("crim") else LegalCode.ADMINISTRATIVE
    place = groups.get("jpre") or groups.get("jpost") or groups.get("jabbr")
    place = place or groups.get("jabbr2")
    return code, jurisdiction_of(place) if place else None


def _positions(low: str, literal: str) -> list[int]:
    """Where ``literal`` starts a word of ``low``."""
    found, index = [], low.find(literal)
    while index >= 0:
        if index == 0 or not low[index - 1].isalnum():
            found.append(index)
        index = low.find(literal, index + 1)
    return found


class _Index:
    """What the finders look up around a mention: code phrases, sentence ends and the
    criminal or administrative words of the text, each found once per text."""

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self._codes: list[tuple[int, int, LegalCode, str | None]] | None = None
        self._ends: list[int] | None = None
        self._context: dict[str, list[int]] | None = None
        self._code_ends: list[int] = []

    @property
    def codes(self) -> list[tuple[int, int, LegalCode, str | None]]:
        """(start, end, code, jurisdiction) of every code phrase, by end."""
        if self._codes is None:
            text, found = self.text, {}
            for anchor in _positions(self.low, "code"):
                for match in _code_patterns()[0].finditer(
                    text, max(0, anchor - 32), min(len(text), anchor + 90)
                ):
                    if match.start() <= anchor < match.end():
                        code, place = _code_of(match)
                        before = _JURISDICTION_BEFORE.search(
                            self.low, max(0, match.start() - 40), match.start()
                        )
                        place = place or (jurisdiction_of(before[1]) if before else None)
                        place = place or (
                            jurisdiction_of(before[1].split()[-1]) if before else None
                        )
                        found[match.start()] = (match.start(), match.end(), code, place)
                        break
            for hit in _ABBR_FAST.finditer(text):
                start = hit.start()
                if start and text[start - 1].isalnum():
                    continue
                abbreviation = _ABBR.match(text, start)
                if abbreviation:
                    found[start] = (start, abbreviation.end(), *_code_of(abbreviation))
            self._codes = sorted(found.values(), key=lambda item: item[1])
            self._code_ends = [item[1] for item in self._codes]
        return self._codes

    def code_before(
        self, position: int, floor: int
    ) -> tuple[int, int, LegalCode, str | None] | None:
        """The last code phrase ending at or before ``position`` and after ``floor``."""
        codes = self.codes
        index = bisect.bisect_right(self._code_ends, position) - 1
        if index >= 0 and codes[index][1] > floor:
            return codes[index]
        return None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``text[start:end]`` (at most 400 chars each side)."""
        if self._ends is None:
            self._ends = [match.end() - 1 for match in _SENTENCE_END.finditer(self.text)]
        ends = self._ends
        index = bisect.bisect_left(ends, start)
        left = ends[index - 1] + 1 if index > 0 else 0
        right = (
            ends[bisect.bisect_left(ends, end)]
            if bisect.bisect_left(ends, end) < len(ends)
            else len(self.text)
        )
        return max(left, start - 400), min(right, end + 400)

    @overload
    def context(
        self, lo: int, hi: int, position: int, with_distance: Literal[False] = False
    ) -> LegalCode | None: ...

    @overload
    def context(
        self, lo: int, hi: int, position: int, with_distance: Literal[True]
    ) -> tuple[int, LegalCode] | None: ...

    def context(
        self, lo: int, hi: int, position: int, with_distance: bool = False
    ) -> LegalCode | tuple[int, LegalCode] | None:
        """The code the nearest criminal or administrative word in ``[lo, hi)`` points to
        (with its distance from ``position`` when asked)."""
        if self._context is None:
            self._context = {"adm": [], "crim": []}
            for match in _CONTEXT.finditer(self.low):
                self._context[_CONTEXT_KEYS[match.lastgroup or ""]].append(match.start())
        best: tuple[int, LegalCode] | None = None
        for key, code in (("adm", LegalCode.ADMINISTRATIVE), ("crim", LegalCode.CRIMINAL)):
            places = self._context[key]
            index = bisect.bisect_left(places, position)
            for candidate in places[max(0, index - 1) : index + 1]:
                if lo <= candidate < hi and (best is None or abs(candidate - position) < best[0]):
                    best = (abs(candidate - position), code)
        if best is None:
            return None
        return best if with_distance else best[1]


_HEAD = re.compile(r"\d+")
_DASHES = re.compile(f"[{_DASH}]")


def _numeric_code(article: str) -> LegalCode | None:
    head = _HEAD.match(article).group()  # type: ignore[union-attr]
    if "." in article and int(head) <= 40:
        return LegalCode.ADMINISTRATIVE  # chaptered numbering: "20.2", "24.23"
    if int(head) > 480:
        return LegalCode.ADMINISTRATIVE
    return None


def _catalogued_code(jurisdiction: str | None, article: str) -> LegalCode | None:
    """The code whose catalogue alone has this article number (Kazakhstan's "73-3" is
    only administrative), when the country is known."""
    if not jurisdiction:
        return None
    entries = catalogue(jurisdiction)
    criminal, administrative = f"CC {article}" in entries, f"CAO {article}" in entries
    if criminal != administrative:
        return LegalCode.CRIMINAL if criminal else LegalCode.ADMINISTRATIVE
    return None


def _parse_items(span: str) -> list[tuple[str, list[str], list[str]]]:
    """``"part 2 of article 174 and 307 (1)"`` -> ``[("174", ["2"], []), ("307", [], ["1"])]``:
    number, parts, bracketed numbers."""
    items: list[tuple[str, list[str], list[str]]] = []
    lead: list[str] = []
    mode = "art"
    for token in _TOKEN.finditer(span):
        kind = token.lastgroup
        if kind in ("part", "sub", "art"):
            mode = kind
        elif kind == "paren":
            if items and not items[-1][1] and not items[-1][2]:
                items[-1][2].append(token["paren"])
        elif kind == "num":
            number = _DASHES.sub("-", token["num"])
            if mode == "part" and len(number) > 2:
                mode = "art"
            if mode == "part":
                (items[-1][1] if items else lead).append(number)
            elif mode == "art":
                items.append((number, lead, []))
                lead = []
    return items


def _provisions(
    code: LegalCode, jurisdiction: str | None, number: str, parts: list[str], parens: list[str]
) -> list[Provision]:
    """The provisions one written number names, its dots and brackets read the way the
    country numbers its code."""
    article, dotted_part = resolve_number(jurisdiction, code, number)
    for paren in parens:
        article, part = resolve_number(jurisdiction, code, article, paren)
        if part:
            parts = [*parts, part]
    if dotted_part and not parts:
        parts = [dotted_part]
    if not parts:
        return [Provision(code, article, None, jurisdiction)]
    return [Provision(code, article, part, jurisdiction) for part in parts]


# -- the finder --------------------------------------------------------------------------


def find_provisions(
    text: str,
    *,
    jurisdiction: str | Jurisdictions | None = None,
    named: bool = True,
    low: str | None = None,
) -> list[ProvisionMention]:
    """Provision mentions of ``text`` in order of position.

    ``jurisdiction`` is the country of the text: an ISO code for the whole text, or the
    :class:`~civicwatch.extract.jurisdiction.Jurisdictions` of its passages; by default it
    is inferred from the text. A code phrase that names its country ("of the Criminal Code
    of Belarus", "CC RK") overrides it. Named offences are looked up in the catalogue of
    the passage's country, and left out where that country is unknown. ``low`` is the
    text lower-cased by :func:`~civicwatch.extract.lexicon.lower`, when the caller has it.
    """
    low = lower(text) if low is None else low
    if not isinstance(jurisdiction, Jurisdictions):
        jurisdiction = (
            Jurisdictions.fixed(jurisdiction)
            if jurisdiction
            else infer_jurisdictions(text, low=low)
        )
    index = _Index(text, low)
    mentions: list[ProvisionMention] = []
    reached = 0
    for anchor in _positions(low, "art"):
        if anchor < reached:
            continue
        match = _ARTICLES.match(low, anchor)
        if not match:
            continue
        mention = _numbered(text, low, index, match, jurisdiction)
        reached = match.end()
        if mention:
            mentions.append(_checked(low, index, mention, jurisdiction))
            reached = max(reached, mention.end)
    taken = [(m.start, m.end) for m in mentions]
    for start, end, code, place in index.codes:
        if text[start].isupper() and text[start : start + 2] != "Cr" and end - start <= 8:
            number = _ABBR_NUMBER.match(text, end)  # "CAO 488", "CC RK art. 174"
            if number and not any(s < number.end() and start < e for s, e in taken):
                country = place or jurisdiction.at(start)
                number_text = _DASHES.sub("-", number["num"])
                parens = [number["paren"]] if number["paren"] else []
                provisions = _provisions(code, country, number_text, [], parens)
                mentions.append(
                    ProvisionMention(
                        start, number.end(), tuple(provisions), False, country, place is not None
                    )
                )
    mentions.sort(key=lambda mention: mention.start)
    if named:
        mentions = _add_named(low, index, mentions, jurisdiction)
    return mentions


def _numbered(
    text: str, low: str, index: _Index, match: re.Match[str], jurisdictions: Jurisdictions
) -> ProvisionMention | None:
    start, end = match.span()
    lead = _LEAD_BACK.search(low, max(0, start - 60), start)
    if lead:
        start = lead.start()
    if _OTHER_PREFIX.search(low, max(0, start - 50), start):
        return None
    code: LegalCode | None = None
    place: str | None = None
    suffix = _code_patterns()[1].match(text, end)
    if suffix:
        code, place = _code_of(suffix)
        end = suffix.end()
        if text[end - 1] == ")" and "(" not in suffix.group():
            end = text.rindex(")", 0, end)
            while end > match.end() and text[end - 1].isspace():
                end -= 1
    elif _OTHER_TEXT.match(low, end):
        return None
    if code is None:
        before = index.code_before(start, start - 80)
        if before and _PREFIX_GAP.fullmatch(text, before[1], start):
            code, place = before[2], before[3]
            start = before[0]
    country = place or jurisdictions.at(start)
    items = _parse_items(low[lead.start() if lead else match.start() : match.end()])
    provisions: list[Provision] = []
    fallback: tuple[LegalCode | None, str | None] | None = None
    for number, parts, parens in items:
        item_code = code or _numeric_code(number)
        if item_code is None:
            fallback = fallback or _bare_code(index, match.start(), match.end())
            if place is None and fallback[1]:
                place = fallback[1]
                country = place
            # a number only one of the country's codes has is that code's, whatever word
            # is near ("found guilty under Article 205.2 and fined him": still criminal)
            item_code = _catalogued_code(country, number) or fallback[0] or LegalCode.CRIMINAL
        provisions += _provisions(item_code, country, number, parts, parens)
    if not provisions:
        return None
    return ProvisionMention(
        start, end, tuple(dict.fromkeys(provisions)), False, country, place is not None
    )


def _bare_code(index: _Index, start: int, end: int) -> tuple[LegalCode | None, str | None]:
    """The code of an article written without one (rules 3 to 5 of the module); None when
    nothing in the text says."""
    lo, hi = index.sentence(start, end)
    earlier = index.code_before(start, lo)
    context = index.context(lo, hi, start, with_distance=True)
    if earlier and (context is None or start - earlier[1] <= context[0]):
        return earlier[2], earlier[3]
    if context is not None:
        return context[1], None
    paragraph = index.text.rfind("\n", max(0, start - 3000), start)
    earlier = index.code_before(start, paragraph if paragraph >= 0 else start - 3000)
    if earlier:
        return earlier[2], earlier[3]
    return None, None


# -- named offences ----------------------------------------------------------------------


@cache
def _named() -> tuple[re.Pattern[str], dict[str, str]]:
    return compile_lexicon(offence_patterns())


_TITLE_GAP = re.compile(r"\s*[(,:–-]?\s*[‘’“”\"'«]*\s*")
_OFFENCE_BEFORE = re.compile(  # "organising mass riots (Article 225)", "riots under article 293"
    r"[\s‘’“”\"'»]*(?:\(\s*|,\s*|[–-]\s*)?(?:(?:under|in|of|per)\s+)?(?:the\s+)?"
)


def _checked(
    low: str, index: _Index, mention: ProvisionMention, jurisdictions: Jurisdictions
) -> ProvisionMention:
    """The mention with the offence named beside its number, checked against the
    catalogue: "mass riots (Article 293)" is Belarus's numbering, not Kazakhstan's, so an
    inferred (not stated, not forced) country gives way to the only one that fits."""
    if len({p.base for p in mention.provisions}) != 1:
        return mention
    lo, hi = index.sentence(mention.start, mention.end)
    regex, keys = _named()
    concept = None
    for match in regex.finditer(low, max(lo, mention.start - 120), min(hi, mention.end + 160)):
        if match.end() <= mention.start and _OFFENCE_BEFORE.fullmatch(
            low, match.end(), mention.start
        ):
            concept = keys[match.lastgroup or ""]
        elif match.start() >= mention.end and _TITLE_GAP.fullmatch(low, mention.end, match.start()):
            concept = concept or keys[match.lastgroup or ""]
            break
    if concept is None:
        return mention
    provision = mention.provisions[0].base
    label, country = provision.label, mention.jurisdiction
    fits = jurisdictions_citing(label, concept)
    if country is not None and country in fits:
        checked: bool | None = True
    elif not fits:
        checked = None if country is None or not catalogue(country) else False
    else:
        checked = False
        if not mention.explicit and not jurisdictions.forced and len(fits) == 1:
            (country,) = fits
            checked = True
    if country != mention.jurisdiction:
        provisions = tuple(
            Provision(p.code, p.article, p.part, country) for p in mention.provisions
        )
        return ProvisionMention(
            mention.start, mention.end, provisions, False, country, False, concept, checked
        )
    return ProvisionMention(
        mention.start,
        mention.end,
        mention.provisions,
        False,
        country,
        mention.explicit,
        concept,
        checked,
    )


def _add_named(
    low: str, index: _Index, mentions: list[ProvisionMention], jurisdictions: Jurisdictions
) -> list[ProvisionMention]:
    found: list[ProvisionMention] = []
    starts = [mention.start for mention in mentions]
    regex, keys = _named()
    for match in regex.finditer(low):
        concept = keys[match.lastgroup or ""]
        start, end = match.span()
        country = jurisdictions.at(start)
        labels = articles_for_offence(country, concept)
        if not labels:
            continue
        lo, hi = index.sentence(start, end)
        nearby = mentions[bisect.bisect_left(starts, lo - 400) : bisect.bisect_left(starts, hi)]
        if _numbered_nearby(low, nearby, labels, start, end, lo, hi):
            continue
        paragraph = low.rfind("\n", max(0, start - 3000), start)
        earlier = index.code_before(start, paragraph if paragraph >= 0 else start - 3000)
        if earlier and earlier[3] not in (None, country):
            continue  # the paragraph is about another country's code
        context = index.context(lo, hi, start)
        wanted = "CAO " if context is LegalCode.ADMINISTRATIVE else "CC "
        label = next((label for label in labels if label.startswith(wanted)), labels[0])
        provision = Provision.parse(label, country)
        found.append(ProvisionMention(start, end, (provision,), True, country, False, concept))
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda mention: mention.start)


def _numbered_nearby(
    low: str,
    mentions: list[ProvisionMention],
    labels: tuple[str, ...],
    start: int,
    end: int,
    lo: int,
    hi: int,
) -> bool:
    """Whether the sentence gives the number of this offence ("... (under article 405)")."""
    for mention in mentions:
        if mention.start >= hi:
            break
        if mention.end <= lo:
            continue
        if any(p.base.label in labels for p in mention.provisions):
            return True
        if end <= mention.start <= end + 100 or (mention.start < end and start < mention.end):
            return True
        if mention.end <= start and _TITLE_GAP.fullmatch(low, mention.end, start):
            return True
    return False
