"""Organisations: a known list of the region's organisations plus generic patterns.

The list (``data/organisations.tsv``) gives canonical names, aliases across languages and
transliterations ("Koshe Partiyasy" = "Street Party", "DVK" = "Democratic Choice of
Kazakhstan") and kinds. Organisations not on it are found by what the text calls them:
"the X party", "X movement", "the independent X news outlet", "the NGO X", "X District
Court", "Ministry of Justice", "X Committee/Agency/Foundation/...", and an acronym or a
translation in brackets after a name becomes an alias ("Alga Kazakhstan! (“Forward
Kazakhstan!”)").

Like places, every pattern is anchored on a literal (a trie of names or head words) so that
a document is scanned quickly; names are then read leftwards or rightwards from the anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from civicwatch.core.vocab import OrganisationKind
from civicwatch.extract.lexicon import (
    LOWER,
    UPPER,
    given_names,
    month_numbers,
    openers,
    read_tsv,
    stopwords,
    trie_pattern,
    without_overlaps,
)
from civicwatch.extract.names import looks_like_surname, particle_after

__all__ = ["KnownOrganisation", "OrganisationMention", "find_organisations", "known_organisations"]


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    name: str
    aliases: tuple[str, ...]
    kind: OrganisationKind
    country: str | None


@dataclass(frozen=True, slots=True)
class OrganisationMention:
    start: int
    end: int
    name: str
    kind: OrganisationKind
    known: bool = True
    alias: str | None = None  # an alias given in brackets right after the name


@cache
def known_organisations() -> dict[str, KnownOrganisation]:
    """Every spelling of a listed organisation mapped to its entry."""
    index: dict[str, KnownOrganisation] = {}
    for row in read_tsv("organisations.tsv"):
        row = [*row, "", "", ""]
        name, aliases, kind, country = (cell.strip() for cell in row[:4])
        entry = KnownOrganisation(
            name,
            tuple(a for a in aliases.split("|") if a),
            OrganisationKind(kind) if kind else OrganisationKind.OTHER,
            country or None,
        )
        for spelling in (name, *entry.aliases):
            index.setdefault(spelling, entry)
    return index


_CAP = rf"[{UPPER}][{LOWER}{UPPER}'’&.]*(?:-[{UPPER}{LOWER}]+)*!?"
_CONNECT = r"(?:of|for|against|on|and|the|in|de|du)"
# Head words that end an organisation name, with the kind they imply.
_HEADS: dict[str, OrganisationKind] = {
    **dict.fromkeys(("Party",), OrganisationKind.PARTY),
    **dict.fromkeys(("Movement",), OrganisationKind.MOVEMENT),
    **dict.fromkeys(("Court", "Tribunal"), OrganisationKind.COURT),
    **dict.fromkeys(
        (
            "Ministry",
            "Agency",
            "Service",
            "Police",
            "Parliament",
            "Government",
            "Prosecutor's Office",
            "Prosecutor’s Office",
            "Directorate",
            "Department",
            "Inspectorate",
            "Administration",
            "Akimat",
            "Mayor's Office",
            "Mayor’s Office",
        ),
        OrganisationKind.STATE_BODY,
    ),
    **dict.fromkeys(
        (
            "Foundation",
            "Fund",
            "Association",
            "Centre",
            "Center",
            "Coalition",
            "Bureau",
            "Institute",
            "Union",
            "Network",
            "Alliance",
            "Initiative",
            "Society",
            "Club",
            "Federation",
            "Committee",
            "Commission",
            "Council",
            "Front",
            "Group",
        ),
        OrganisationKind.NGO,
    ),
    **dict.fromkeys(
        ("News", "Media", "TV", "Radio", "Times", "Post", "Gazette", "Journal", "Agency"),
        OrganisationKind.MEDIA,
    ),
    **dict.fromkeys(("Watch", "Monitor", "International"), OrganisationKind.NGO),
}
_HEADS["Agency"] = OrganisationKind.STATE_BODY
# Lower-case head words after a capitalised name: "the Amanat party", "Orda news outlet".
_LOWER_HEADS: dict[str, OrganisationKind] = {
    " party": OrganisationKind.PARTY,
    " movement": OrganisationKind.MOVEMENT,
    " news outlet": OrganisationKind.MEDIA,
    " media outlet": OrganisationKind.MEDIA,
    " online outlet": OrganisationKind.MEDIA,
    " outlet": OrganisationKind.MEDIA,
    " news site": OrganisationKind.MEDIA,
    " news agency": OrganisationKind.MEDIA,
    " news portal": OrganisationKind.MEDIA,
    " newspaper": OrganisationKind.MEDIA,
    " online information source": OrganisationKind.MEDIA,
    " TV channel": OrganisationKind.MEDIA,
    " foundation": OrganisationKind.NGO,
    " organisation": OrganisationKind.NGO,
    " organization": OrganisationKind.NGO,
}
# Head words before a name: "the NGO X", "the green party Baytak", "news site Ulysmedia".
_BEFORE_HEADS: dict[str, OrganisationKind] = {
    "party ": OrganisationKind.PARTY,
    "movement ": OrganisationKind.MOVEMENT,
    "NGO ": OrganisationKind.NGO,
    "organisation ": OrganisationKind.NGO,
    "organization ": OrganisationKind.NGO,
    "news site ": OrganisationKind.MEDIA,
    "news outlet ": OrganisationKind.MEDIA,
    "news agency ": OrganisationKind.MEDIA,
    "newspaper ": OrganisationKind.MEDIA,
    "outlet ": OrganisationKind.MEDIA,
    "TV channel ": OrganisationKind.MEDIA,
    "channel ": OrganisationKind.MEDIA,
    "website ": OrganisationKind.MEDIA,
    "portal ": OrganisationKind.MEDIA,
    "magazine ": OrganisationKind.MEDIA,
    "union ": OrganisationKind.NGO,  # "the independent trade union X"
    "company ": OrganisationKind.OTHER,
    "firm ": OrganisationKind.OTHER,
    "initiative ": OrganisationKind.NGO,
    "project ": OrganisationKind.NGO,
    "employees of ": OrganisationKind.OTHER,  # "employees of X, a drilling contractor"
    "workers of ": OrganisationKind.OTHER,
}
_MINISTRY_FIELDS = (
    "interior",
    "internal affairs",
    "justice",
    "information",
    "information and social development",
    "foreign affairs",
    "defence",
    "defense",
    "education",
    "health",
    "culture",
    "culture and information",
    "emergency situations",
    "digital development",
    "labour",
    "finance",
    "economy",
    "religious affairs",
    "internal affairs of the republic",
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    known = trie_pattern(set(known_organisations()))
    heads = trie_pattern({f" {head}" for head in _HEADS})
    fields = trie_pattern(set(_MINISTRY_FIELDS) | {f.title() for f in _MINISTRY_FIELDS})
    return {
        "known": re.compile(rf"(?:{known})(?![\w])"),
        "head": re.compile(rf"(?:{heads})\b"),
        "lower_head": re.compile(rf"(?:{trie_pattern(set(_LOWER_HEADS))})\b"),
        "before_head": re.compile(rf"(?:{trie_pattern(set(_BEFORE_HEADS))})"),
        "ministry": re.compile(rf"[Mm]inistry of (?:the )?(?:{fields})\b"),
        "x_ministry": re.compile(
            r"\b(?:Foreign|Interior|Justice|Defence|Defense|Information|Health|Education)"
            r" Ministry\b"
        ),
        "of_tail": re.compile(rf"(?: {_CONNECT})+ (?:{_CAP})(?: (?:{_CONNECT} )*(?:{_CAP}))*"),
        "run_before": re.compile(rf"(?<![\w'’-])(?:(?:{_CAP}|{_CONNECT}) ){{0,6}}$"),
        "name_after": re.compile(rf"(?:{_CAP})(?: (?:{_CAP}))*"),
        "quoted_after": re.compile(r"\s*[\"“‘'«]+([^\"”’'»\n]{2,60}?)[\"”’'»]+"),
        "bracket_after": re.compile(r"\s*\(\s*[\"“‘'«]*([^()\"”’'»\n]{2,60}?)[\"”’'»]*\s*\)"),
    }


def find_organisations(text: str) -> list[OrganisationMention]:
    """Organisation mentions in ``text``, non-overlapping, in text order."""
    patterns = _patterns()
    index = known_organisations()
    found: list[OrganisationMention] = []
    for match in patterns["known"].finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        entry = index[match.group()]
        found.append(OrganisationMention(start, match.end(), entry.name, entry.kind))
    for match in patterns["head"].finditer(text):
        head = match.group()[1:]
        left = _read_left(text, match.start())
        if left is None:
            continue
        start, end = left, match.end()
        tail = patterns["of_tail"].match(text, end)
        if tail and head in (
            "Ministry",
            "Committee",
            "Commission",
            "Council",
            "Bureau",
            "Coalition",
            "Union",
            "Centre",
            "Center",
            "Institute",
            "Association",
            "Foundation",
            "Agency",
            "Service",
        ):
            end = tail.end()
        found.append(_generic(text, start, end, _HEADS[head]))
    for match in patterns["lower_head"].finditer(text):
        anchor = match.start()
        alias = _BRACKET_BEFORE.search(text, max(0, anchor - 70), anchor)
        if alias:  # "Bolashaq Ushin ("For the Future") party"
            anchor = alias.start()
        left = _read_left(text, anchor)
        if left is None:
            continue
        mention = _generic(text, left, anchor, _LOWER_HEADS[match.group()])
        if alias:
            mention = OrganisationMention(
                mention.start,
                mention.end,
                mention.name,
                mention.kind,
                mention.known,
                alias.group(1).strip(),
            )
        found.append(mention)
    for match in patterns["before_head"].finditer(text):
        if match.start() and text[match.start() - 1].isalpha():
            continue
        kind = _BEFORE_HEADS[match.group()]
        quoted = patterns["quoted_after"].match(text, match.end() - 1)
        if quoted:
            found.append(_generic(text, quoted.start(1), quoted.end(1), kind))
            continue
        name = patterns["name_after"].match(text, match.end())
        if name is None:
            continue
        end = name.end()
        stop = text.find(". ", name.start(), end + 1)
        if stop > name.start():
            end = stop  # "the outlet X. On 12 March ...": the name ends with the sentence
        if text[end - 1] == "." and text[end - 2].islower():
            end -= 1
        surface = text[name.start() : end]
        if surface.lower() not in stopwords() and not _person_shaped(text, name.start(), end):
            found.append(_generic(text, name.start(), end, kind))
    for key in ("ministry", "x_ministry"):
        for match in patterns[key].finditer(text):
            found.append(_generic(text, match.start(), match.end(), OrganisationKind.STATE_BODY))
    found = _without_overlaps(found)
    return _attach_aliases(text, _without_overlaps(found + _repeats(text, found)))


def _repeats(text: str, found: list[OrganisationMention]) -> list[OrganisationMention]:
    """Later bare mentions of a name a pattern found once ("the X party" ... "X")."""
    generic = {m.name: m for m in found if not m.known and " " in m.name}
    if not generic:
        return []
    pattern = re.compile(rf"(?:{trie_pattern(set(generic))})(?![\w])")
    out = []
    for match in pattern.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        model = generic[match.group()]
        out.append(OrganisationMention(start, match.end(), model.name, model.kind, False))
    return out


_BRACKET_BEFORE = re.compile(r"\s*\(\s*[\"“‘'«]*([^()\"”’'»\n]{2,60}?)[\"”’'»]*\s*\)$")


def _read_left(text: str, anchor: int) -> int | None:
    """Start of the capitalised name that ends at ``anchor``, or None if there is none.

    Read leftwards word by word; stop at a head word (it ends another name: "the X Court
    and the Foreign Ministry") and drop leading connectors and sentence openers.
    """
    run = _patterns()["run_before"].search(text, max(0, anchor - 120), anchor + 1)
    if not run or run.start() >= anchor:
        return None
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[run.start() : anchor])]
    start = anchor
    previous = ""
    for offset, word in reversed(words):
        if word in _HEADS and previous[:1].islower():
            break
        start = run.start() + offset
        previous = word
    while start < anchor:
        space = text.find(" ", start, anchor + 1)
        if space < 0:
            break
        word = text[start:space]
        if (_not_a_name_word(word) or not word[:1].isupper()) and space < anchor:
            start = space + 1
            continue
        break
    if start >= anchor or not text[start].isupper():
        return None
    if text[start:anchor].strip().lower() in stopwords():
        return None
    return start


_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _not_a_name_word(word: str) -> bool:
    """A word that opens a clause before a name: "On 12 March the X Court", "Friday the Y
    Court" (an opener, a month, a day of the week)."""
    lower = word.lower().rstrip(",")
    return lower in openers() or lower in month_numbers() or lower in _WEEKDAYS


def _person_shaped(text: str, start: int, end: int) -> bool:
    """A name of two to four words that reads as a person's, not the organisation's ("the
    leader of the movement Sharif Karimzoda", "the founder of the outlet Almaz Kubat
    uulu"): its last word has a surname ending of the region, a patronymic particle follows
    it, or it opens with a listed given name and has no word of an organisation's name."""
    words = [word.rstrip(".,;:") for word in text[start:end].split()]
    if not 2 <= len(words) <= 4:
        return False
    if looks_like_surname(words[-1]) or particle_after(text, end):
        return True
    return words[0].lower() in given_names() and not any(w.lower() in stopwords() for w in words)


def _generic(text: str, start: int, end: int, kind: OrganisationKind) -> OrganisationMention:
    surface = text[start:end].strip()
    entry = known_organisations().get(surface)
    if entry is not None:
        return OrganisationMention(start, end, entry.name, entry.kind)
    return OrganisationMention(start, end, _tidy(surface), kind, known=False)


def _tidy(surface: str) -> str:
    surface = re.sub(r"['’]s$", "", surface)
    if surface.lower().startswith("ministry of "):
        return "Ministry of " + surface[12:].title().replace(" Of ", " of ").replace(
            " And ", " and "
        )
    return surface


def _without_overlaps(mentions: list[OrganisationMention]) -> list[OrganisationMention]:
    """Keep the known or, failing that, the longest of overlapping mentions."""
    return without_overlaps(mentions, lambda m: (m.known, m.end - m.start))


def _attach_aliases(text: str, mentions: list[OrganisationMention]) -> list[OrganisationMention]:
    """An acronym or translation in brackets after a name is an alias of it."""
    bracket = _patterns()["bracket_after"]
    out: list[OrganisationMention] = []
    for mention in mentions:
        match = bracket.match(text, mention.end)
        if match and match.group(1)[:1].isupper():
            alias = match.group(1).strip()
            if alias != mention.name:
                mention = OrganisationMention(
                    mention.start, mention.end, mention.name, mention.kind, mention.known, alias
                )
        out.append(mention)
    return out
