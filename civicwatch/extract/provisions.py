"""Find legal provisions in report text: "under article 274 of the Criminal Code",
"Criminal Code articles 179, 272 and 24", "Part 2 of Article 174", "CAO 488", and offences
named without a number ("knowingly spreading false information").

``find_provisions(text)`` returns :class:`ProvisionMention` s with offsets into ``text``.
Each mention holds one or more :class:`~civicwatch.core.provisions.Provision` s.

How the code of a bare "article N" is decided, first rule that applies:

1. a code written next to the numbers ("of the Criminal Code", "CC", "the Administrative
   Code's article 488", "Criminal Code provision (article 174)");
2. the shape of the number: Russian and Belarusian administrative codes number articles
   by chapter ("20.2", "24.23"), and no criminal code of the region goes past article 480;
3. a code named earlier in the same sentence;
4. the nearest criminal or administrative word in the sentence ("criminal", "prison"
   against "administrative", "fined", "15 days' detention");
5. a code named earlier in the same paragraph;
6. the criminal code.

Articles of a constitution, a covenant, a convention, a law or another code ("Article 19 of
the ICCPR", "article 10 of the Constitution", "the Criminal Procedure Code") are not
provisions and are not returned.

Named offences (``named=True``) are looked up in the Kazakhstan catalogue; they are not
returned when the same sentence gives the number for them, when ``jurisdiction`` names
another country, or when the paragraph cites another country's code. Annotators of the
genre record an article only when the text states it, so a consumer may well prefer
numbered mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal, overload

from civicwatch.core.provisions import (
    ADMINISTRATIVE_COUNTERPART,
    CRIMINAL_COUNTERPART,
    JURISDICTIONS,
    Provision,
    jurisdiction_of,
)
from civicwatch.core.vocab import LegalCode
from civicwatch.extract.triggers import compile_lexicon, lower

__all__ = ["ProvisionMention", "find_provisions"]


@dataclass(frozen=True, slots=True)
class ProvisionMention:
    start: int
    end: int
    provisions: tuple[Provision, ...]
    named: bool
    jurisdiction: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(provision.label for provision in self.provisions)


# -- building blocks (patterns on lower-cased text unless they say otherwise) -------------

_DASH = "\\-\u2010\u2011\u2012\u2013"
_NUM = rf"(?<![\d.,])\d{{1,4}}(?:[{_DASH}.]\d{{1,3}}){{0,3}}(?![\d{_DASH}])"
_ART = r"(?:articles?|arts?\.|art\b\.?)(?:\s*(?:nos?\.|№))?"
_PART_WORD = r"(?:parts?|pts?\.)"
_SUB_WORD = r"(?:sub-?paragraphs?|paragraphs?|paras?\.|clauses?|items?|points?|sub-?items?)"
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
    rf"|\(\s*(?P<paren>\d{{1,2}})\s*\)|(?P<num>\d{{1,4}}(?:[{_DASH}.]\d{{1,3}})*)"
)

# Code phrases, matched on the original text (abbreviations are case-sensitive).
_COUNTRY = "|".join(
    re.escape(name).replace(r"\ ", r"\s+")
    for name in sorted(JURISDICTIONS, key=len, reverse=True)
    if len(name) > 2
)
_ABBR_JUR = r"(?-i:RK|RF|KR|RB|RT|RUz)"
_CODE_CORE = (
    r"(?:(?P<crim>(?:criminal|penal)\s+code)|(?P<adm>code\s+(?:of|on)\s+(?:the\s+)?"
    r"administrative\s+(?:offen[cs]es?|violations?|infractions?|misdemeanou?rs?)|"
    r"administrative\s+(?:offen[cs]es?\s+|violations?\s+)?code))"
    rf"(?:\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?(?P<jpost>{_COUNTRY}|{_ABBR_JUR}\b))?"
    rf"(?:\s+(?P<jabbr>{_ABBR_JUR})\b)?"
)
_CODE = re.compile(_CODE_CORE, re.IGNORECASE)
_ABBR_CORE = rf"(?-i:(?P<abbr>CC|CrC|CAO|CoAO|KoAP))(?:\s+(?P<jabbr2>{_ABBR_JUR}))?\b"
_ABBR_FAST = re.compile(r"C(?:C|rC|AO|oAO)|KoAP")
_ABBR = re.compile(_ABBR_CORE)
_JURISDICTION_BEFORE = re.compile(r"([a-z]+(?:\s+[a-z]+)?)(?:['’]s)?\s+(?:the\s+)?\Z")
_MODS = r"(?:(?:current|new|old|former|amended|revised|same|country['’]s|national)\s+){0,2}"
_SUFFIX = re.compile(
    rf"""\s*,?\s*(?:(?:of\s+(?:the\s+)?{_MODS}(?:(?P<jpre>{_COUNTRY})(?:['’]s)?\s+)?|\(\s*)?
    {_CODE_CORE}(?:\s*\))?|(?:of\s+(?:the\s+)?)?{_ABBR_CORE})""",
    re.IGNORECASE | re.VERBOSE,
)
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


# -- named offences ----------------------------------------------------------------------

_Q = r"[‘’“”\"'«»]*"
_WHOM = (
    r"(?:an?\s+|the\s+)?(?:government\s+officials?|(?:representatives?|officials?)\s+of\s+"
    r"(?:the\s+)?(?:authorit(?:y|ies)|state|government)|police(?:\s+officers?)?|"
    r"law[- ]enforcement\s+(?:officers?|officials?)|officers?|officials?)"
)
_CHARGED = (
    r"(?:charges?\s+of|charged\s+with|accused\s+of|convicted\s+of|guilty\s+of|suspicion\s+of|"
    r"suspected\s+of|prosecuted\s+for|investigation\s+into)\s+(?:alleged\s+|large[- ]scale\s+|"
    r"criminal\s+|aggravated\s+)?"
)
_ASSEMBLY = (
    r"(?:an?\s+|the\s+)?(?:peaceful\s+|public\s+)?(?:assembl(?:y|ies)|rall(?:y|ies)|protests?|"
    r"demonstrations?|pickets?|mass\s+events?|gatherings?|meetings?)"
)
_NAMED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CC 274", (
        r"(?:knowingly\s+|deliberately\s+)?(?:spread(?:ing)?|disseminat(?:e|ing|ion\s+of)|"
        r"distribut(?:ing|ion\s+of)|publish(?:ing)?)\s+(?:of\s+)?(?:knowingly\s+|deliberately\s+)?"
        r"(?:false|fake)\s+(?:information|news)",
    )),
    ("CC 272", (
        r"(?:organi[sz](?:ing|ation\s+of)|participat(?:ing|ion)\s+in|involvement\s+in|"
        r"prepar(?:ing|ation\s+of)|incit(?:ing|ement\s+to)|call(?:ing|s)\s+for)\s+(?:the\s+)?"
        r"(?:mass\s+)?riots?",
        r"charges?\s+of\s+(?:mass\s+)?rioting", r"charged\s+with\s+(?:mass\s+)?rioting",
        r"rioting\s+charges",
    )),
    ("CC 405", (
        r"(?:involvement|participa(?:tion|ting)|membership|taking\s+part|organi[sz](?:ing|ation))"
        r"\s+(?:in|of)\s+(?:the\s+activit(?:y|ies)\s+of\s+)?(?:an?\s+|the\s+)?(?:(?:court[- ])?"
        rf"banned\s+)?{_Q}(?:extremist|terrorist){_Q}\s+(?:organi[sz]ation|group|movement|community)",
    )),
    ("CC 258", (
        r"financ(?:ing|e)\s+(?:of\s+)?(?:extremis[mt]|terroris[mt])(?:\s+(?:or|and)\s+"
        r"(?:extremis[mt]|terroris[mt]))?(?:\s+activit(?:y|ies))?",
    )),
    ("CC 174", (
        r"(?:incit(?:ing|ement\s+(?:of|to))|stirring\s+up|fomenting|instigating)\s+"
        r"(?:(?:social|national|ethnic|inter-?ethnic|racial|religious|inter-?religious|clan|"
        r"class|tribal)\s*(?:,|or|and)?\s*){1,4}(?:discord|hatred|enmity|strife|hostility)",
    )),
    ("CC 179", (
        r"(?:public(?:ly)?\s+)?(?:call(?:s|ing)?|appeals?)\s+(?:for|to)\s+(?:the\s+)?"
        r"(?:violent\s+)?(?:seiz(?:ure|e|ing)|overthrow\w*|usurp\w*)\s+(?:of\s+)?(?:the\s+)?power",
        r"(?:seizure|usurpation)\s+of\s+power", r"seiz(?:e|ing)\s+power",
    )),
    ("CC 180", (rf"{_CHARGED}separatis(?:m|t\s+activit(?:y|ies))",)),
    ("CC 256", (
        r"propaganda\s+of\s+terrorism", r"justif(?:ying|ication\s+of)\s+terrorism",
        r"public\s+calls?\s+(?:for|to\s+commit)\s+(?:acts?\s+of\s+)?terrorism",
    )),
    ("CC 400", (
        r"violat(?:ing|ion\s+of)\s+(?:the\s+)?procedure\s+(?:for|of|on)\s+(?:the\s+)?"
        r"(?:organi[sz](?:ing|ation\s+of)\s+|holding\s+|conducting\s+)?(?:and\s+(?:holding|"
        rf"conducting)\s+)?{_ASSEMBLY}",
    )),
    ("CAO 488", (
        r"violat(?:ing|ion\s+of)\s+(?:the\s+)?(?:rules|order|law|legislation|regulations)\s+"
        r"(?:for|on|of|governing)\s+(?:the\s+)?(?:organi[sz](?:ing|ation\s+of)\s+|holding\s+|"
        rf"conducting\s+)?(?:and\s+(?:holding|conducting)\s+)?{_ASSEMBLY}",
        r"(?:organi[sz](?:ing|ation\s+of)|participat(?:ing|ion)\s+in|taking\s+part\s+in|"
        rf"holding)\s+(?:an?\s+)?(?:unsanctioned|unauthori[sz]ed|illegal|unlawful)\s+{_ASSEMBLY}",
    )),
    ("CC 378", (rf"insult(?:ing|s?)\s+(?:of\s+)?{_WHOM}",)),
    ("CC 380", (
        rf"(?:us(?:ing|e\s+of)|appl(?:ying|ication\s+of))\s+violence\s+against\s+{_WHOM}",
    )),
    ("CC 190", (rf"{_CHARGED}fraud",)),
    ("CC 130", (rf"{_CHARGED}(?:defamation|libel|slander)",)),
    ("CAO 434", (r"petty\s+hooliganism",)),
    ("CC 293", (r"hooliganism",)),
    ("CAO 667", (
        r"(?:disobe(?:ying|dience(?:\s+to)?)|fail(?:ing|ure)\s+to\s+obey)\s+(?:the\s+)?"
        r"(?:lawful\s+)?(?:(?:orders?|demands?|instructions?|requests?)\s+(?:of\s+)?(?:the\s+)?)?"
        r"(?:police|law[- ]enforcement)",
    )),
    ("CAO 489", (
        r"(?:participat(?:ing|ion)\s+in|leading|leadership\s+of|membership\s+(?:in|of)|"
        r"involvement\s+in)\s+(?:the\s+activities\s+of\s+)?(?:an?\s+|the\s+)?unregistered\s+"
        r"(?:public\s+|religious\s+)?(?:organi[sz]ation|association|group|party|movement)",
    )),
)  # fmt: skip
_NAMED_RE, _NAMED_KEYS = compile_lexicon(_NAMED)
_TITLE_GAP = re.compile(r"\s*[(,:–-]?\s*[‘’“”\"'«]*\s*")


# -- per-document indexes ----------------------------------------------------------------


def _code_of(match: re.Match[str]) -> tuple[LegalCode, str | None]:
    groups = match.groupdict()
    if groups.get("abbr"):
        code = LegalCode.CRIMINAL if groups["abbr"] in ("CC", "CrC") else LegalCode.ADMINISTRATIVE
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
                for match in _CODE.finditer(text, max(0, anchor - 32), min(len(text), anchor + 90)):
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


def _parse_items(span: str) -> list[tuple[str, list[str | None]]]:
    """``"part 2 of article 174 and 274"`` -> ``[("174", ["2"]), ("274", [])]``."""
    items: list[tuple[str, list[str | None]]] = []
    lead: list[str | None] = []
    mode = "art"
    for token in _TOKEN.finditer(span):
        kind = token.lastgroup
        if kind in ("part", "sub", "art"):
            mode = kind
        elif kind == "paren":
            if items and not items[-1][1]:
                items[-1][1].append(token["paren"])
        elif kind == "num":
            number = _DASHES.sub("-", token["num"])
            if mode == "part" and len(number) > 2:
                mode = "art"
            if mode == "part":
                (items[-1][1] if items else lead).append(number)
            elif mode == "art":
                items.append((number, lead))
                lead = []
    return items


# -- the finder --------------------------------------------------------------------------


def find_provisions(
    text: str, *, jurisdiction: str | None = None, named: bool = True
) -> list[ProvisionMention]:
    """Provision mentions of ``text`` in order of position.

    ``jurisdiction`` (ISO code) is the country of the document when known: it is given to
    mentions that do not name their own, and named offences are only looked up when it is
    Kazakhstan (the catalogue's country) or unknown.
    """
    low = lower(text)
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
            mentions.append(mention)
            reached = max(reached, mention.end)
    taken = [(m.start, m.end) for m in mentions]
    for start, end, code, place in index.codes:
        if text[start].isupper() and text[start : start + 2] != "Cr" and end - start <= 8:
            number = _ABBR_NUMBER.match(text, end)  # "CAO 488", "CC RK art. 174"
            if number and not any(s < number.end() and start < e for s, e in taken):
                article = _DASHES.sub("-", number["num"])
                provision = Provision(code, article, number["paren"])
                mentions.append(
                    ProvisionMention(
                        start, number.end(), (provision,), False, place or jurisdiction
                    )
                )
    mentions.sort(key=lambda mention: mention.start)
    if named and jurisdiction in (None, "KZ"):
        mentions = _add_named(low, index, mentions)
    return mentions


def _numbered(
    text: str, low: str, index: _Index, match: re.Match[str], jurisdiction: str | None
) -> ProvisionMention | None:
    start, end = match.span()
    lead = _LEAD_BACK.search(low, max(0, start - 60), start)
    if lead:
        start = lead.start()
    if _OTHER_PREFIX.search(low, max(0, start - 50), start):
        return None
    code: LegalCode | None = None
    place: str | None = None
    suffix = _SUFFIX.match(text, end)
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
    items = _parse_items(low[lead.start() if lead else match.start() : match.end()])
    provisions: list[Provision] = []
    fallback: tuple[LegalCode, str | None] | None = None
    for article, parts in items:
        item_code = code or _numeric_code(article)
        if item_code is None:
            fallback = fallback or _bare_code(index, match.start(), match.end())
            item_code, place = fallback[0], place or fallback[1]
        for part in parts or [None]:
            provisions.append(Provision(item_code, article, part))
    if not provisions:
        return None
    return ProvisionMention(
        start, end, tuple(dict.fromkeys(provisions)), False, place or jurisdiction
    )


def _bare_code(index: _Index, start: int, end: int) -> tuple[LegalCode, str | None]:
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
    return LegalCode.CRIMINAL, None


def _add_named(low: str, index: _Index, mentions: list[ProvisionMention]) -> list[ProvisionMention]:
    found: list[ProvisionMention] = []
    starts = [mention.start for mention in mentions]
    for match in _NAMED_RE.finditer(low):
        key = _NAMED_KEYS[match.lastgroup or ""]
        start, end = match.span()
        lo, hi = index.sentence(start, end)
        nearby = mentions[bisect.bisect_left(starts, lo - 400) : bisect.bisect_left(starts, hi)]
        if _numbered_nearby(low, nearby, key, start, end, lo, hi):
            continue
        paragraph = low.rfind("\n", max(0, start - 3000), start)
        earlier = index.code_before(start, paragraph if paragraph >= 0 else start - 3000)
        if earlier and earlier[3] not in (None, "KZ"):
            continue  # the paragraph is about another country's code
        context = index.context(lo, hi, start)
        if context is LegalCode.ADMINISTRATIVE:
            key = ADMINISTRATIVE_COUNTERPART.get(key, key)
        elif context is LegalCode.CRIMINAL:
            key = CRIMINAL_COUNTERPART.get(key, key)
        found.append(ProvisionMention(start, end, (Provision.parse(key),), True, "KZ"))
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda mention: mention.start)


def _numbered_nearby(
    low: str, mentions: list[ProvisionMention], key: str, start: int, end: int, lo: int, hi: int
) -> bool:
    """Whether the sentence gives the number of this offence ("... (under article 405)")."""
    for mention in mentions:
        if mention.start >= hi:
            break
        if mention.end <= lo:
            continue
        if any(p.base.label == key for p in mention.provisions):
            return True
        if end <= mention.start <= end + 100 or (mention.start < end and start < mention.end):
            return True
        if mention.end <= start and _TITLE_GAP.fullmatch(low, mention.end, start):
            return True
    return False
