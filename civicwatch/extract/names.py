"""Person-name mentions and the role cues around them.

Names in the reports are capitalised runs of two to four tokens ("Zhanbolat Mamai",
"Kassym-Jomart Tokayev", "Жанболат Мамай", "A. Ivanov", "Ali bin Hasan"), later often
shortened to the surname ("Mamai", "Mamai's") or, for children, the given name. A run of
capitalised words is cut into name segments at *stop tokens*:

- listed words that are never name parts (titles, months, nationalities, institutions,
  sentence openers; ``data/stopwords.txt``, ``data/titles.txt``, the month table);
- words whose lower-case form occurs elsewhere in the same document ("Activists",
  "Police", "Bloody"): the document itself says they are ordinary words. Given names that
  are also words ("Mark", "Rose") are protected by ``data/given_names.txt``;
- gazetteer place names and known organisation names.

A segment is not a person when the text says it names something else: followed by a head
word ("... Party", "... party", "... Square", "... region"), directly after "the", or
inside an organisation or place mention found before.

A name is recognised by its shape and its place, not by being listed: capitalised words
(any given name, listed or not), surname endings of the region (``data/name_shapes.tsv``:
-ov/-eva, -uly/-kyzy, -zoda, -li, Belarusian -eu/-ski/-enka, -dze, -yan, ...) that make an
ALL-CAPS word a name, initials before or after the surname ("K. Abenov", "Abenov K.S.",
"Zh. Mamai"), and patronymic particles that belong to the name ("Azamat Sydyk uulu",
"Leyla Ali qizi", "Elvin Tahir oglu"). A title written before the name ("President X",
"Archpriest X") is kept out of it and gives the role (:mod:`.roles`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from civicwatch.core.names import normalise_name
from civicwatch.extract.lexicon import LOWER, UPPER, given_names, read_tsv, stopwords, trie_pattern
from civicwatch.extract.roles import RoleCue, role_cue, role_words, title_of, titles

# RoleCue and role_cue are re-exported: coreference reads them from here.
__all__ = ["NameMention", "RoleCue", "find_names", "find_tokens", "lower_words", "role_cue"]


@dataclass(frozen=True, slots=True)
class NameMention:
    """A written person name: ``full`` for two or more tokens, else a single token."""

    start: int
    end: int
    name: str
    full: bool
    possessive: bool = False
    title: str | None = None  # capitalised title right before ("President", "Judge")


@dataclass(frozen=True, slots=True)
class _Shapes:
    """The name shapes of ``data/name_shapes.tsv``, compiled."""

    surname: re.Pattern[str]  # a (title-case) word with a surname ending
    particle: str  # regex: a patronymic particle after a name
    initial: str  # regex: one initial, "K." or "Zh."


@cache
def _shapes() -> _Shapes:
    endings: list[tuple[str, int]] = []
    particles: list[str] = []
    initials: list[str] = []
    for row in read_tsv("name_shapes.tsv"):
        kind, value = row[0].strip(), row[1].strip()
        if kind == "surname":
            endings.append((value, int(row[2])))
        elif kind == "particle":
            particles.append(re.escape(value))
        elif kind == "initial":
            initials.append(re.escape(value))
    # one alternative per ending, each with the shortest word it may end
    surname = "|".join(
        rf"[{UPPER}][{LOWER}'’‘-]{{{max(1, length - 1 - len(ending))},40}}{re.escape(ending)}"
        for ending, length in sorted(endings, key=lambda item: -len(item[0]))
    )
    return _Shapes(
        re.compile(rf"(?:{surname})"),
        "|".join(sorted(particles, key=len, reverse=True)),
        rf"(?:{'|'.join(sorted(initials, key=len, reverse=True))}|[{UPPER}])\.",
    )


def looks_like_surname(word: str) -> bool:
    """Whether a word has the shape of a surname of the region ("Zhylanbayev", "Aliyarli",
    "Tsikhanouski"), whatever its case."""
    return bool(_shapes().surname.fullmatch(word[:1].upper() + word[1:].lower()))


def is_particle(word: str) -> bool:
    """Whether a word is a patronymic particle of ``data/name_shapes.tsv`` ("uulu")."""
    return re.fullmatch(_shapes().particle, word.lower()) is not None


def particle_after(text: str, end: int) -> bool:
    """Whether a patronymic particle follows the name ending at ``end`` ("... Kubat uulu")."""
    return _patterns().trailing.match(text, end) is not None


@dataclass(frozen=True, slots=True)
class _Patterns:
    run: re.Pattern[str]
    token: re.Pattern[str]
    trailing: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    shapes = _shapes()
    # Tokens are bounded in length and the run starts only at a word start (look-behind):
    # without both, a long run of capitals ("AAAA...") is rescanned from every position.
    # Uzbek O‘/G‘ are letters ("O‘ktam"); initials may be glued ("K.S.").
    # Initials come first: the token alternatives are atomic in the run, and "Zh" would
    # otherwise be taken for a word before its full stop.
    token = (
        rf"(?:{shapes.initial}(?:{shapes.initial}){{0,2}}"
        rf"|[{UPPER}](?:[{LOWER}]{{1,40}}(?:['’][{LOWER}]{{2,20}})?|['’][{UPPER}][{LOWER}]{{1,40}})"
        rf"(?:-(?:[{UPPER}][{LOWER}]{{1,40}}|zade|ogly|oglu|kyzy|qizi|uly|uulu|ool)){{0,3}}"
        rf"|[OG]['’‘ʻ][{LOWER}]{{2,40}}"
        rf"|[{UPPER}]{{2,40}}(?:-[{UPPER}]{{2,40}}){{0,3}})"
    )
    # Inside a name: "bin", "van"... and the patronymic particles of data/name_shapes.tsv,
    # which stand between the father's name and the surname in the full Azerbaijani and
    # Uzbek form ("Elvin Tahir oglu Mammadli", "Zilola Anvar qizi Karimova").
    particle = rf"(?:de|da|del|van|von|der|bin|ibn|al|el|ben|ter|ul|ud|{shapes.particle})"
    run = re.compile(
        rf"(?<![\w'’.-])(?>{token})(?:(?:[ \u00a0]{{1,3}}|[ \u00a0]?\n[ \u00a0]?)"
        rf"(?:{particle}[ \u00a0])?(?>{token})){{0,11}}(?![\w-])"
    )
    trailing = re.compile(rf"[ \u00a0](?:{shapes.particle})(?![\w'’‘ʻ-])")
    return _Patterns(run, re.compile(token), trailing)


_OPEN_QUOTES = frozenset("\"“«„'‘")
_CLOSE_QUOTES = frozenset("\"”»“'’")
_LOWER_WORD = re.compile(rf"(?<![\w-])[{LOWER}][{LOWER}]+")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")


@cache
def _head_words() -> frozenset[str]:
    """Words that, right after a name, make it the name of something else (a party...)."""
    return frozenset(word for line in read_tsv("name_heads.txt") for word in line[0].split())


# "<role> of/for/at X": X is where the person works or belongs, not a person.
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:correspondents?|reporters?|editors?|journalists?|members?|founders?|co-founders?|"
    r"employees?|staff|supporters?|leaders?|chair(?:man|woman|person)?|director|head|"
    r"presenters?|columnists?|contributors?|volunteers?)\s+(?:of|for|at|with|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_LOWER_HEAD_AFTER = re.compile(
    r"(?:\s*\([^()]{1,60}\))?[ \u00a0](?:party|movement|region|oblast|district|province|"
    r"street|square|avenue|park|village|city|news|outlet|channel|newspaper|agency|foundation|"
    r"case law|prize|award|members?|supporters|employees|staff|journalists|newsroom|"
    r"university|airport|mosque|church|river|lake|valley|mountains|canal)\b"
)


@cache
def _place_tokens() -> frozenset[str]:
    from civicwatch.extract.places import gazetteer

    return frozenset(spelling for spelling in gazetteer() if " " not in spelling)


@cache
def _org_tokens() -> frozenset[str]:
    from civicwatch.extract.organisations import known_organisations

    return frozenset(spelling for spelling in known_organisations() if " " not in spelling)


@cache
def _stop_tokens() -> frozenset[str]:
    """Listed stopwords, titles, and every role word and its plural ("Activists",
    "Journalist")."""
    roles = {word for phrase in role_words() for word in phrase.split()}
    plurals = {word + "s" for word in roles} | {word + "es" for word in roles}
    return stopwords() | roles | plurals | titles().keys()


def lower_words(text: str) -> frozenset[str]:
    """Every lower-case word of the text: what the document itself uses as common words."""
    return frozenset(_LOWER_WORD.findall(text))


def find_names(
    text: str,
    exclude: Sequence[tuple[int, int]] = (),
    common: Iterable[str] | None = None,
) -> list[NameMention]:
    """Person-name mentions: full names (2-4 tokens) and single capitalised tokens.

    ``exclude`` are spans already known to be organisations or places (sorted by start);
    ``common`` the document's lower-case words (computed when not given). Single-token
    mentions are candidates only: the pipeline keeps those that match a full name.
    """
    common_words = frozenset(common) if common is not None else lower_words(text)
    stop = _stop_tokens()
    keep = given_names()
    places = _place_tokens()
    orgs = _org_tokens()
    starts = [span[0] for span in exclude]
    mentions: list[NameMention] = []
    patterns = _patterns()
    for run in patterns.run.finditer(text):
        run_start = run.start()
        if run_start and (text[run_start - 1].isalnum() or text[run_start - 1] in "-'’."):
            continue
        tokens = [
            (m.start(), m.end(), m.group())
            for m in patterns.token.finditer(text, run_start, run.end())
        ]
        kinds = []
        for start, end, token in tokens:
            lower = token.lower()
            if token.endswith("."):
                kinds.append("initial")
            elif (
                lower in stop
                or token in places
                or token in orgs
                or (lower in common_words and lower not in keep)
                or _excluded(starts, exclude, start, end)
            ):
                kinds.append("stop")
            elif token.isupper() and not (lower in keep or looks_like_surname(token)):
                kinds.append("caps")  # an acronym, unless shaped like a name ("ZHYLANBAYEV")
            else:
                kinds.append("name")
        index = 0
        while index < len(tokens):
            if kinds[index] == "stop":
                index += 1
                continue
            first = index
            while index < len(tokens) and kinds[index] != "stop":
                index += 1
            mention = _segment(text, tokens, kinds, first, index, run.end())
            if mention is not None:
                mentions.append(mention)
    return mentions


def _excluded(starts: list[int], spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    if not spans:
        return False
    position = bisect.bisect_right(starts, start) - 1
    return position >= 0 and spans[position][0] <= start < spans[position][1]


def _segment(
    text: str,
    tokens: list[tuple[int, int, str]],
    kinds: list[str],
    first: int,
    last: int,
    run_end: int,
) -> NameMention | None:
    """Judge the tokens ``[first, last)`` of a run; return a mention or None."""
    while last - first > 1 and kinds[last - 1] == "caps" and len(tokens[last - 1][2]) <= 3:
        last -= 1  # "fined X Y BYN 840": a code or acronym after the name is not part of it
    parts = kinds[first:last]
    words = [kind for kind in parts if kind == "name"]
    start, end = tokens[first][0], tokens[last - 1][1]
    if last < len(tokens) and tokens[last][2].lower() in _head_words():
        return None  # "Gandhi Park", "Democratic Party"
    if _LOWER_HEAD_AFTER.match(text, end):
        return None  # "the Amanat party", "Zhetysu region"
    if text[max(0, start - 4) : start].lower() == "the ":
        return None
    if start and text[start - 1] in _OPEN_QUOTES and text[end : end + 1] in _CLOSE_QUOTES:
        return None  # the series "Kim Kimdi", the film "Aral Tuni": a title, not a person
    if _AFFILIATION_BEFORE.search(text, max(0, start - 40), start):
        return None  # "a correspondent of Gazeta Wyborcza", "member of Oyan Qazaqstan"
    title = None
    if first > 0 and title_of(tokens[first - 1][2]) is not None:
        title = tokens[first - 1][2]  # "President X", "Archpriest X": the role, not the name
    possessive = bool(_POSSESSIVE.match(text, end)) and end < len(text)
    if "caps" in parts and not words:
        return None  # acronyms: "IPHR", "KIBHR"
    if parts[0] == "initial" and len(parts) == 1:
        return None
    if len(parts) == 1:
        if parts[0] != "name":
            return None
        return NameMention(start, end, tokens[first][2], False, possessive, title)
    if (
        len(parts) > 4
        or not words
        or (all(kind == "initial" for kind in parts[1:]) and parts[0] != "name")
    ):
        return None
    if parts[-1] == "initial" and not (parts[0] == "name" and len(words) == 1):
        end = tokens[last - 2][1]  # "... Marat Abenov A." : the initial starts what follows
        if len(parts) == 2:
            return NameMention(start, end, tokens[first][2], False, False, title)
    # "Abenov K.S.": a surname with the initials after it, as monitoring digests write it
    particle = _patterns().trailing.match(text, end)
    if particle:
        end = particle.end()  # "Azamat Sydyk uulu", "Leyla Ali qizi"
    return NameMention(start, end, normalise_name(text[start:end]), True, possessive, title)


def find_tokens(text: str, spellings: Iterable[str]) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of the given name tokens (one compiled trie pass)."""
    spellings = {s for s in spellings if s}
    if not spellings:
        return []
    pattern = re.compile(rf"(?:{trie_pattern(spellings)})(?![\w-])")
    found = []
    for match in pattern.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        found.append((start, match.end(), match.group()))
    return found
