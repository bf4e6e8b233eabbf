"""Find legal provisions in Russian report text: "ст. 274 УК РК", "ч. 2 ст. 174 УК",
"п. 2 ч. 4 ст. 274 УК РК", "статьи 405 Уголовного кодекса", "по статье 174 УК Республики
Казахстан", "ст. 488 КоАП РК", "ст. 278 УК КР", "ст. 342 УК РБ", "ст. 19.11 КоАП",
"ст. 20.3.3 КоАП РФ", "ст. 207.3 УК РФ", "статей 174 и 274 УК", "ст.ст. 174, 274",
"ч.ч. 1, 2 ст. 130", "статья 23.34 КоАП Республики Беларусь", "по статье 272, части 3 УК
РК", "ст. 174 ч. 2 УК РК", "174-я статья УК", "по 342 УК", "статье 278 «Организация
массовых беспорядков» УК КР".

``find_provisions(text)`` returns the English finder's
:class:`~civicwatch.extract.provisions.ProvisionMention` s, with the same labels and
jurisdictions as :func:`civicwatch.extract.provisions.find_provisions` gives for the same
provision: parts kept on the provision ("ч. 2 ст. 174" is ``CC 174-2``, whose base is
``CC 174``), points ("п.") dropped, dots read the way the country numbers its code
(:func:`~civicwatch.core.provisions.resolve_number`: RU "207.3" and BY CAO "19.11" whole).
``explicit`` is set when the code phrase names its country ("УК РК", "Уголовного кодекса
Кыргызской Республики", "КоАП России").

The code of an article written without one is decided as in English, first rule that
applies: a code next to the numbers (after them, or just before: "УК РК, ст. 174"); the
shape of the number (chaptered "20.2", or past 480: administrative); a code named earlier
in the sentence, or the nearest criminal or administrative word of the sentence
("уголовное дело", "оштрафовали"); a code named earlier in the paragraph; the only code
of the country's catalogue that has the number, else the criminal code. Articles of a
constitution, a law, a covenant or another code ("статья 29 Конституции", "ст. 107 УПК
РК") are not returned.

An offence named beside a number ("статье 278 «Организация массовых беспорядков»",
"за участие в массовых беспорядках (ст. 272 УК)") is read with ``data/ru/offences.tsv``
and checked against the catalogues as English does (``offence``, ``checked``). Offences
named without a number are returned only with ``named=True``.

All words are data (``data/ru/codes.tsv``, ``offences.tsv``); the text is read in one
pass of one compiled pattern.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from civicwatch.core.provisions import Provision, articles_for_offence, jurisdictions_citing
from civicwatch.core.provisions_catalogue import catalogue
from civicwatch.core.vocab import LegalCode
from civicwatch.extract.jurisdiction import Jurisdictions, infer_jurisdictions
from civicwatch.extract.lexicon import lower, read_tsv

# The language-neutral steps of the English finder: how a written number becomes
# provisions in one country's numbering, and the codes a number's shape or the catalogue
# decides. Called, not copied, so that both languages give the same labels.
from civicwatch.extract.provisions import (
    ProvisionMention,
    _catalogued_code,
    _numeric_code,
    _provisions,
)

__all__ = ["ProvisionMention", "find_provisions"]

# -- building blocks (lower-cased text) --------------------------------------------------


def _rows(kind: str) -> list[str]:
    """The regexes of one kind of row of ``data/ru/codes.tsv``."""
    return [row[2].strip() for row in read_tsv("ru/codes.tsv") if row[0].strip() == kind]


def _words(kind: str) -> str:
    return "(?:" + "|".join(_rows(kind)) + ")"


_DASH = "\\-\u2010\u2011\u2012\u2013"
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_ART = rf"{_words('article')}(?:\s*№)?"
_PART = _words("part")
_SUB = rf"{_words('point')}(?:\s*[«\"„“]?[а-и](?![\w.])[»\"“”]?)?"  # "п. «а»"
_ORD = rf"(?:\s*-\s*{_words('ordinal')}(?![\w]))?"  # "11-ю", "174-я"
_PNUM = rf"\d{{1,2}}{_ORD}(?![\d.])"
_PLIST = rf"{_PNUM}(?:(?:\s*,\s*|\s+и\s+|\s+или\s+){_PNUM}){{0,8}}"
_NUM = rf"(?<![\d.,])\d{{1,4}}[{_SUP}]{{0,2}}(?:[{_DASH}.]\d{{1,3}}){{0,3}}(?![\d{_DASH}])"
_LEAD = rf"(?:(?:(?:{_PART}|{_SUB})\s*{_PLIST}|{_SUB}(?<=[а-и»\"“”]))\s*(?:,\s*)?)"
# a part list after a number is its tail unless an article word follows ("ст. 174 ч. 2,
# ч. 1 ст. 274": "ч. 1" leads the next item)
_TAIL = (
    rf"(?:\s*(?:,\s*)?(?:{_PART}|{_SUB})\s*{_PLIST}(?!\s*(?:,\s*)?{_LEAD}{{0,4}}{_ART})"
    rf"|\s*\(\s*(?:{_PART}\s*)?\d{{1,2}}\s*\)){{0,4}}"
)
_SEP = r"(?:\s*[,;]\s*(?:а\s+также\s+|и\s+|или\s+)?|\s+(?:и|или|а\s+также)\s+)"
_SINGULAR_ART = _words("article_singular")
_ORDINAL = rf"(?<![\d.,])\d{{1,4}}(?:\.\d{{1,3}}){{0,3}}(?![\d]){_ORD}"  # "174-я", "11"

_TOKEN = re.compile(
    rf"(?P<part>{_PART})|(?P<sub>{_SUB})|(?P<art>{_ART})"
    rf"|\(\s*(?P<paren>\d{{1,2}})\s*\)"
    rf"|(?P<num>\d{{1,4}}[{_SUP}]{{0,2}}(?:[{_DASH}.]\d{{1,3}})*){_ORD}"
)


@dataclass(frozen=True, slots=True)
class _Tables:
    codes: list[tuple[LegalCode, str]]  # kind, regex of a code phrase
    countries: list[tuple[str, str]]  # ISO code, regex of how a code names it
    other: str  # what follows a number that is not a code's provision
    context: list[tuple[LegalCode, str]]
    not_another: str  # a number after "и" that counts something else ("и 15 суток")


@cache
def _tables() -> _Tables:
    rows = [[cell.strip() for cell in row] for row in read_tsv("ru/codes.tsv")]
    countries = [(value, regex) for kind, value, regex in rows if kind == "country"]
    country = "(?:" + "|".join(regex for _, regex in countries) + ")"
    codes = []
    for kind, value, regex in rows:
        if kind == "code":
            regex = regex.replace("{COUNTRY}", f"(?:{country})").replace(
                "{CABBR}", f"(?:{country})"
            )
            codes.append((LegalCode(value), regex))
    other = "|".join(f"(?:{regex})" for kind, _, regex in rows if kind == "other")
    context = [(LegalCode(value), regex) for kind, value, regex in rows if kind == "context"]
    counted = [row[1] for row in read_tsv("ru/date_words.tsv") if row[0].strip() == "unit"]
    months = [row[1] for row in read_tsv("ru/months.tsv")]
    nouns = " ".join([*counted, *months]).split()
    nouns = sorted(set(nouns), key=len, reverse=True)
    not_another = rf"(?!\s*(?:{_words('counted')}|{'|'.join(nouns)})(?![\w]))"
    return _Tables(codes, countries, other, context, not_another)


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, tuple[str, LegalCode | None]], re.Pattern[str]]:
    """The one pattern of the finder and the map from its marker groups to (branch, code);
    and the pattern of a code phrase with its country."""
    tables = _tables()
    country_alt = "|".join(f"(?P<k{i}>{regex})" for i, (_, regex) in enumerate(tables.countries))
    code_alt = "|".join(f"(?:{regex})(?P<c{i}>)" for i, (_, regex) in enumerate(tables.codes))
    code = rf"(?:{code_alt})(?:\s+(?:{country_alt}))?(?![\w-])"
    list_ = (
        rf"{_LEAD}{{0,4}}{_ART}\s*{_NUM}{_TAIL}"
        rf"(?:{_SEP}{_LEAD}{{0,4}}(?:{_ART}\s*)?{_NUM}{tables.not_another}{_TAIL}){{0,30}}"
    )
    branches: list[tuple[str, LegalCode | None, str]] = [
        ("list", None, list_),
        # "174-я статья", "в соответствии с 11 статьей"
        ("ordinal", None, rf"{_ORDINAL}\s+{_SINGULAR_ART}(?![\w]){_TAIL}"),
        # "по 342 УК", "19.3 КоАП": a number right before a code abbreviation
        ("bare", None, rf"{_NUM}(?:\s+ч\.\s*\d{{1,2}})?(?=\s+(?:ук|коап|коао)(?![\w-]))"),
    ]
    country = "|".join(regex for _, regex in tables.countries)
    branches += [
        ("code", kind, rf"(?:{regex})(?:\s+(?:{country}))?(?![\w-])")
        for kind, regex in tables.codes
    ]
    branches += [("context", kind, regex) for kind, regex in tables.context]
    keys: dict[str, tuple[str, LegalCode | None]] = {}
    body = []
    for index, (branch, kind, regex) in enumerate(branches):
        keys[f"b{index}"] = (branch, kind)
        body.append(f"(?:{regex})(?P<b{index}>)")
    # every branch starts a word with a digit or a Cyrillic letter: one look-behind and one
    # look-ahead per position rule out the inside of words and everything else
    pattern = re.compile(rf"(?<![\w-])(?=[\dа-яё])(?:{'|'.join(body)})")
    return pattern, keys, re.compile(code)


@cache
def _around() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may follow a list of numbers: an offence's name and a code; or the name of
    a law or another code (then it is not a provision)."""
    tables = _tables()
    code = _patterns()[2].pattern
    title = r"(?:[«\"„“][^«»\"„“”\n]{1,200}[»\"“”]|\([^()\d\n]{3,200}\))"
    suffix = re.compile(
        rf"\s*(?:,\s*)?(?:{title}\s*(?:,\s*)?)?(?P<open>\(\s*)?(?P<code>{code})(?(open)\s*\))"
    )
    other = re.compile(
        rf"\s*(?:\(\s*)?(?:[а-яё-]+(?:ого|его|ой|ей|ых|их)\s+){{0,2}}(?:{tables.other})(?![\w-])"
    )
    return suffix, other


# a full stop after an abbreviation ("г. Алматы", "ст. 174", "ул. Абая") ends nothing
_SENTENCE_END = re.compile(
    r"(?:\."
    + "".join(rf"(?<!\b{word}\.)" for row in _rows("abbreviation") for word in row.split("|"))
    + r"|[!?;])(?=\s+[«\"„“(]?[А-ЯЁA-Z])|\n"
)
_PREFIX_GAP = re.compile(r"\s*(?:[,:(]\s*)?(?:по\s+)?")
_Code = tuple[int, int, LegalCode, str | None]  # start, end, code, country


class _Index:
    """Code phrases, context words and sentence ends of one text, found once."""

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self.codes: list[_Code] = []
        self.context: dict[LegalCode, list[int]] = {
            LegalCode.CRIMINAL: [],
            LegalCode.ADMINISTRATIVE: [],
        }
        self._code_ends: list[int] | None = None
        self._ends: list[int] | None = None
        self._offences: list[tuple[int, int, str]] | None = None

    def offences(self) -> list[tuple[int, int, str]]:
        """(start, end, concept) of the offences named in the text (one pass, on first use)."""
        if self._offences is None:
            regex, keys = _offences()
            self._offences = [
                (match.start(), match.end(), keys[match.lastgroup or ""])
                for match in regex.finditer(self.low)
            ]
        return self._offences

    def code_before(self, position: int, floor: int) -> _Code | None:
        """The last code phrase ending at or before ``position`` and after ``floor``."""
        if self._code_ends is None:
            self.codes.sort(key=lambda item: item[1])
            self._code_ends = [item[1] for item in self.codes]
        index = bisect.bisect_right(self._code_ends, position) - 1
        if index >= 0 and self.codes[index][1] > floor:
            return self.codes[index]
        return None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around ``text[start:end]`` (at most 400 chars each side)."""
        if self._ends is None:
            self._ends = [match.end() - 1 for match in _SENTENCE_END.finditer(self.text)]
        ends = self._ends
        index = bisect.bisect_left(ends, start)
        left = ends[index - 1] + 1 if index > 0 else 0
        after = bisect.bisect_left(ends, end)
        right = ends[after] if after < len(ends) else len(self.text)
        return max(left, start - 400), min(right, end + 400)

    def nearest_context(self, lo: int, hi: int, position: int) -> tuple[int, LegalCode] | None:
        """The code the nearest criminal or administrative word in ``[lo, hi)`` points to,
        with its distance from ``position``."""
        best: tuple[int, LegalCode] | None = None
        for code, places in self.context.items():
            index = bisect.bisect_left(places, position)
            for candidate in places[max(0, index - 1) : index + 1]:
                if lo <= candidate < hi and (best is None or abs(candidate - position) < best[0]):
                    best = (abs(candidate - position), code)
        return best


# -- the finder --------------------------------------------------------------------------


def find_provisions(
    text: str,
    jurisdiction: str | Jurisdictions | None = None,
    named: bool = False,
    low: str | None = None,
) -> list[ProvisionMention]:
    """Provision mentions of ``text`` in order of position, with the semantics of
    :func:`civicwatch.extract.provisions.find_provisions`: ``jurisdiction`` is the
    country of the text (an ISO code, or the
    :class:`~civicwatch.extract.jurisdiction.Jurisdictions` of its passages; inferred from
    the text when None); ``named`` adds offences named without a number; ``low`` is the
    text lower-cased by :func:`~civicwatch.extract.lexicon.lower`, when the caller has it."""
    low = lower(text) if low is None else low
    if not isinstance(jurisdiction, Jurisdictions):
        jurisdiction = (
            Jurisdictions.fixed(jurisdiction)
            if jurisdiction
            else infer_jurisdictions(text, low=low)
        )
    pattern, keys, code_pattern = _patterns()
    index = _Index(text, low)
    numbered: list[re.Match[str]] = []
    for match in pattern.finditer(low):
        branch, kind = keys[match.lastgroup or ""]
        if branch == "code":
            assert kind is not None
            index.codes.append((match.start(), match.end(), kind, _country(code_pattern, match)))
        elif branch == "context":
            assert kind is not None
            index.context[kind].append(match.start())
        else:
            numbered.append(match)
    mentions = []
    for match in numbered:
        mention = _numbered(text, low, index, match, jurisdiction)
        if mention is not None:
            mentions.append(_checked(low, index, mention, jurisdiction))
    if named:
        mentions = _add_named(low, index, mentions, jurisdiction)
    return mentions


def _country(code_pattern: re.Pattern[str], match: re.Match[str]) -> str | None:
    """The country a code phrase names ("УК РК", "КоАП России"), if any."""
    found = code_pattern.fullmatch(match.group())
    if found is None:
        return None
    names = [country for country, _ in _tables().countries]
    for group, value in found.groupdict().items():
        if value and group.startswith("k"):
            return names[int(group[1:])]
    return None


def _code_of(match: re.Match[str]) -> LegalCode:
    codes = _tables().codes
    for group, value in match.groupdict().items():
        if value is not None and group.startswith("c") and group[1:].isdigit():
            return codes[int(group[1:])][0]
    return LegalCode.CRIMINAL


def _numbered(
    text: str, low: str, index: _Index, match: re.Match[str], jurisdictions: Jurisdictions
) -> ProvisionMention | None:
    start, end = match.span()
    code: LegalCode | None = None
    place: str | None = None
    suffix_pattern, other_pattern = _around()
    suffix = suffix_pattern.match(low, end)
    if suffix is not None:
        code_match = _patterns()[2].fullmatch(suffix["code"])
        assert code_match is not None
        code, place = _code_of(code_match), _country(_patterns()[2], code_match)
        end = suffix.end()
    elif other_pattern.match(low, end):
        return None  # "статья 29 Конституции", "ст. 107 УПК"
    if code is None:
        before = index.code_before(start, start - 80)
        if before and _PREFIX_GAP.fullmatch(low, before[1], start):
            code, place = before[2], before[3]
            start = before[0]
    country = place or jurisdictions.at(start)
    provisions: list[Provision] = []
    fallback: tuple[LegalCode | None, str | None] | None = None
    for number, parts, parens in _parse_items(low[match.start() : match.end()]):
        item_code = code or _numeric_code(number)
        if item_code is None:
            fallback = fallback or _bare_code(index, match.start(), match.end())
            if place is None and fallback[1]:
                place = country = fallback[1]
            # a number only one of the country's codes has is that code's, whatever word
            # is near (as in English)
            item_code = _catalogued_code(country, number) or fallback[0] or LegalCode.CRIMINAL
        provisions += _provisions(item_code, country, number, parts, parens)
    if not provisions:
        return None
    return ProvisionMention(
        start, end, tuple(dict.fromkeys(provisions)), False, country, place is not None
    )


def _parse_items(span: str) -> list[tuple[str, list[str], list[str]]]:
    """``"ч. 2 ст. 174 и ст. 274 ч. 1"`` -> ``[("174", ["2"], []), ("274", ["1"], [])]``:
    number, parts, bracketed numbers. Part numbers before an article word lead it; after
    an article's number they are its own; points ("п.") are dropped."""
    tokens = [(token.lastgroup or "", token) for token in _TOKEN.finditer(span)]
    items: list[tuple[str, list[str], list[str]]] = []
    lead: list[str] = []
    mode = "art"
    for position, (kind, token) in enumerate(tokens):
        if kind in ("sub", "art"):
            mode = kind
        elif kind == "part":
            # a part list that an article word follows leads it ("ч. 2 ст. 174"); after
            # an article's number it is that article's ("статье 272, части 3")
            following = next(
                (k for k, _ in tokens[position + 1 :] if k not in ("num", "sub")), None
            )
            mode = "lead" if following == "art" or not items else "part"
        elif kind == "paren":
            if items and not items[-1][1] and not items[-1][2]:
                items[-1][2].append(token["paren"])
        elif kind == "num":
            number = _DASH_RE.sub("-", token["num"])
            if mode in ("part", "lead") and len(number) > 2:
                mode = "art"
            if mode == "lead":
                lead.append(number)
            elif mode == "part":
                items[-1][1].append(number)
            elif mode == "art":
                items.append((number, lead, []))
                lead = []
    return items


_DASH_RE = re.compile(f"[{_DASH}]")


def _bare_code(index: _Index, start: int, end: int) -> tuple[LegalCode | None, str | None]:
    """The code of an article written without one (rules 3 and 4 of the module)."""
    lo, hi = index.sentence(start, end)
    earlier = index.code_before(start, lo)
    context = index.nearest_context(lo, hi, start)
    if earlier and (context is None or start - earlier[1] <= context[0]):
        return earlier[2], earlier[3]
    if context is not None:
        return context[1], None
    paragraph = index.text.rfind("\n", max(0, start - 3000), start)
    earlier = index.code_before(start, paragraph if paragraph >= 0 else start - 3000)
    if earlier:
        return earlier[2], earlier[3]
    return None, None


# -- offences named beside a number ------------------------------------------------------


def _checked(
    low: str, index: _Index, mention: ProvisionMention, jurisdictions: Jurisdictions
) -> ProvisionMention:
    """The mention with the offence named beside its number ("статье 278 «Организация
    массовых беспорядков»", "за участие в массовых беспорядках (ст. 272)"), checked
    against the catalogues as English does: an inferred country gives way to the only
    one whose numbering fits; a stated or forced one stays, and the mismatch is kept."""
    if len({p.base for p in mention.provisions}) != 1:
        return mention
    lo, hi = index.sentence(mention.start, mention.end)
    concept = _offence_beside(low, index, mention.start, mention.end, lo, hi)
    if concept is None:
        return mention
    label, country = mention.provisions[0].base.label, mention.jurisdiction
    fits = jurisdictions_citing(label, concept)
    checked: bool | None
    if country is not None and country in fits:
        checked = True
    elif not fits:
        checked = None if country is None or not catalogue(country) else False
    else:
        checked = False
        if not mention.explicit and not jurisdictions.forced and len(fits) == 1:
            (country,) = fits
            checked = True
    provisions = mention.provisions
    if country != mention.jurisdiction:
        provisions = tuple(Provision(p.code, p.article, p.part, country) for p in provisions)
    return ProvisionMention(
        mention.start,
        mention.end,
        provisions,
        False,
        country,
        mention.explicit and country == mention.jurisdiction,
        concept,
        checked,
    )


@cache
def _offences() -> tuple[re.Pattern[str], dict[str, str]]:
    """The offence patterns of ``data/ru/offences.tsv`` as one regex, and the map from
    its marker groups to concepts."""
    macros = {"Q": r"[«»\"„“”']*", "W": r"[а-яё-]+"}
    keys: dict[str, str] = {}
    body = []
    for concept, regex in (row[:2] for row in read_tsv("ru/offences.tsv")):
        regex = re.sub(r"\{([A-Z])\}", lambda m: macros[m[1]], regex.strip())
        keys[f"o{len(keys)}"] = concept.strip()
        body.append(f"(?:{regex})(?P<o{len(keys) - 1}>)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(body)})(?![\w-])"), keys


# between an offence and its number: "за «участие в массовых беспорядках» (ст. 272)",
# "..., предусмотренное ст. 174"; and between a number and an offence after it
_OFFENCE_BEFORE = re.compile(
    r"[\s«»\"“”„']*(?:\(\s*|,\s*|[–—-]\s*)?(?:(?:по|предусмотренн\w+|в\s+соответствии\s+с)\s+)?"
)
_TITLE_GAP = re.compile(r"\s*[(,:–—-]?\s*[«»\"“”„']*\s*")


def _offence_beside(low: str, index: _Index, start: int, end: int, lo: int, hi: int) -> str | None:
    """The concept of an offence named inside a mention (its title), just before it or
    just after it, within its sentence."""
    offences = index.offences()
    first = bisect.bisect_left(offences, (max(lo, start - 160),))
    concept = None
    for begin, finish, key in offences[first:]:
        if begin >= min(hi, end + 160):
            break
        if finish > min(hi, end + 160):
            continue
        if start <= begin < end:
            return key  # "статье 278 «Организация ...» УК КР"
        if finish <= start and _OFFENCE_BEFORE.fullmatch(low, finish, start):
            concept = key
        elif begin >= end and _TITLE_GAP.fullmatch(low, end, begin):
            return concept or key
    return concept


def _add_named(
    low: str, index: _Index, mentions: list[ProvisionMention], jurisdictions: Jurisdictions
) -> list[ProvisionMention]:
    """Mentions of offences named without a number, in the catalogue of the passage's
    country ("осуждён за участие в массовых беспорядках"), as English ``named=True``."""
    starts = [mention.start for mention in mentions]
    found: list[ProvisionMention] = []
    for start, end, concept in index.offences():
        country = jurisdictions.at(start)
        labels = articles_for_offence(country, concept)
        if not labels:
            continue
        lo, hi = index.sentence(start, end)
        nearby = mentions[bisect.bisect_left(starts, lo - 400) : bisect.bisect_left(starts, hi)]
        if any(
            lo < m.end
            and m.start < hi
            and (
                any(p.base.label in labels for p in m.provisions)
                or end <= m.start <= end + 100
                or (m.start < end and start < m.end)
                or (m.end <= start and bool(_TITLE_GAP.fullmatch(low, m.end, start)))
            )
            for m in nearby
        ):
            continue  # the sentence gives its number
        paragraph = low.rfind("\n", max(0, start - 3000), start)
        earlier = index.code_before(start, paragraph if paragraph >= 0 else start - 3000)
        if earlier and earlier[3] not in (None, country):
            continue  # the paragraph is about another country's code
        context = index.nearest_context(lo, hi, start)
        wanted = "CAO " if context and context[1] is LegalCode.ADMINISTRATIVE else "CC "
        label = next((label for label in labels if label.startswith(wanted)), labels[0])
        provision = Provision.parse(label, country)
        found.append(ProvisionMention(start, end, (provision,), True, country, False, concept))
    return sorted(mentions + found, key=lambda mention: mention.start) if found else mentions
