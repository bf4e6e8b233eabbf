"""Person-name mentions and the role cues around them.

Names in the reports are capitalised runs of two to four tokens ("Zhanbolat Mamai",
"Kassym-Jomart Tokayev", "Жанболат Мамай", "A. Ivanov", "Ali bin Hasan"), later often
shortened to the surname ("Mamai", "Mamai's") or, for children, the given name. A run of
capitalised words is cut into name segments at *stop tokens*:

- listed words that are never name parts (titles, months, nationalities, institutions,
  sentence openers; ``data/stopwords.txt``);
- words whose lower-case form occurs elsewhere in the same document ("Activists",
  "Police", "Bloody"): the document itself says they are ordinary words. Given names that
  are also words ("Mark", "Rose") are protected by ``data/given_names.txt``;
- gazetteer place names and known organisation names.

A segment is not a person when the text says it names something else: followed by a head
word ("... Party", "... party", "... Square", "... region"), directly after "the", or
inside an organisation or place mention found before.

Role cues are read from the words before the name ("activist X", "journalist of Y X",
"his wife X", "activists X, Y and Z") and from an apposition after it ("X, the leader of
the ... party", "X (a blogger)"). Titles ("President", "General Prosecutor") mark office
holders, which salience later treats as people mentioned, not people reported about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from civicwatch.core.names import normalise_name
from civicwatch.core.vocab import PersonRole
from civicwatch.extract.lexicon import LOWER, UPPER, given_names, stopwords, trie_pattern

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
class RoleCue:
    role: PersonRole | None
    office: bool  # holds an office (head of state, minister, prosecutor, judge, police)
    cue: str | None = None
    plural: bool = False


# Tokens are bounded in length and the run starts only at a word start (look-behind):
# without both, a long run of capitals ("AAAA...") is rescanned from every position.
_TOKEN = (
    rf"(?:[{UPPER}](?:[{LOWER}]{{1,40}}(?:['’][{LOWER}]{{2,20}})?|['’][{UPPER}][{LOWER}]{{1,40}})"
    rf"(?:-(?:[{UPPER}][{LOWER}]{{1,40}}|zade|ogly|oglu|kyzy|qizi|uly|uulu|ool)){{0,3}}"
    rf"|[{UPPER}]{{2,40}}(?:-[{UPPER}]{{2,40}}){{0,3}}|[{UPPER}]\.)"
)
_PARTICLE = r"(?:de|da|del|van|von|der|bin|ibn|al|el|ben|ter|ul|ud|uulu|kyzy|uly|ogly)"
_RUN = re.compile(
    rf"(?<![\w'’.-])(?>{_TOKEN})(?:(?:[ \u00a0]{{1,3}}|[ \u00a0]?\n[ \u00a0]?)"
    rf"(?:{_PARTICLE}[ \u00a0])?(?>{_TOKEN})){{0,11}}(?![\w-])"
)
_TOKEN_RE = re.compile(_TOKEN)
_LOWER_WORD = re.compile(rf"(?<![\w-])[{LOWER}][{LOWER}]+")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
# Stop tokens that, right after a segment, make it part of another kind of name.
_HEAD_AFTER = frozenset(
    [
        "party",
        "movement",
        "court",
        "code",
        "square",
        "street",
        "avenue",
        "park",
        "day",
        "committee",
        "commission",
        "council",
        "agency",
        "ministry",
        "office",
        "union",
        "bureau",
        "foundation",
        "fund",
        "centre",
        "center",
        "institute",
        "association",
        "coalition",
        "service",
        "network",
        "alliance",
        "federation",
        "front",
        "initiative",
        "organisation",
        "organization",
        "monitor",
        "watch",
        "department",
        "directorate",
        "administration",
        "inspectorate",
        "chamber",
        "mission",
        "delegation",
        "embassy",
        "consulate",
        "parliament",
        "government",
        "police",
        "university",
        "school",
        "hospital",
        "prison",
        "colony",
        "news",
        "media",
        "radio",
        "tv",
        "channel",
        "times",
        "post",
        "press",
        "gazette",
        "journal",
        "region",
        "oblast",
        "district",
        "province",
        "republic",
        "prize",
        "award",
    ]
)
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
    r"case law|prize|award|"
    r"university|airport|mosque|church|river|lake|valley|mountains|canal)\b"
)
_TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "deputy",
        "prosecutor",
        "judge",
        "justice",
        "general",
        "governor",
        "mayor",
        "akim",
        "ambassador",
        "commissioner",
        "rapporteur",
        "senator",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "speaker",
        "ombudsman",
        "ombudsperson",
        "colonel",
        "major",
        "lieutenant",
        "captain",
        "sergeant",
        "commander",
        "director",
        "secretary",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "head",
        "chief",
        "leader",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "patriarch",
        "pope",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
    ]
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
    """Listed stopwords plus every role word and its plural ("Activists", "Journalist")."""
    roles = {word for phrase in _ROLE_WORDS for word in phrase.split()}
    plurals = {word + "s" for word in roles} | {word + "es" for word in roles}
    return stopwords() | roles | plurals


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
    for run in _RUN.finditer(text):
        run_start = run.start()
        if run_start and (text[run_start - 1].isalnum() or text[run_start - 1] in "-'’."):
            continue
        tokens = [
            (m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, run_start, run.end())
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
            elif token.isupper():
                kinds.append("caps")
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
    parts = kinds[first:last]
    words = [kind for kind in parts if kind == "name"]
    start, end = tokens[first][0], tokens[last - 1][1]
    if last < len(tokens) and tokens[last][2].lower() in _HEAD_AFTER:
        return None  # "Gandhi Park", "Democratic Party"
    if _LOWER_HEAD_AFTER.match(text, end):
        return None  # "the Amanat party", "Zhetysu region"
    if text[max(0, start - 4) : start].lower() == "the ":
        return None
    if _AFFILIATION_BEFORE.search(text, max(0, start - 40), start):
        return None  # "a correspondent of Gazeta Wyborcza", "member of Oyan Qazaqstan"
    title = None
    if first > 0 and tokens[first - 1][2].lower() in _TITLES:
        title = tokens[first - 1][2]
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
    if parts[-1] == "initial":
        end = tokens[last - 2][1]
        if len(parts) == 2:
            return NameMention(start, end, tokens[first][2], False, False, title)
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


# -- role cues -------------------------------------------------------------------------
# Cue phrases (comma-separated) and the role they give. Plurals are matched by the regex.
_ROLE_PHRASES: dict[PersonRole, str] = {
    PersonRole.ACTIVIST: "activist, co-activist, civil society activist, protester, protestor, "
    "demonstrator, campaigner, dissident, supporter, member, political prisoner, "
    "opposition activist, feminist, environmentalist, trade unionist, union leader, "
    "founder, co-founder",
    PersonRole.JOURNALIST: "journalist, reporter, correspondent, editor, chief editor, "
    "editor-in-chief, photographer, photojournalist, cameraman, camera operator, presenter, "
    "media worker, columnist",
    PersonRole.BLOGGER: "blogger, video blogger, vlogger, youtuber, influencer",
    PersonRole.HUMAN_RIGHTS_DEFENDER: "human rights defender, rights defender, "
    "human rights activist, hrd, human rights lawyer, human rights advocate",
    PersonRole.LAWYER: "lawyer, advocate, attorney, defence counsel, defense counsel",
    PersonRole.POLITICIAN: "politician, opposition politician, opposition leader, "
    "party leader, leader, mp, deputy, candidate, "
    "presidential candidate, opponent, government critic, critic",
    PersonRole.OFFICIAL: "official, officer, police officer, policeman, military officer, "
    "commander, judge, prosecutor, investigator, head, minister, prime minister, governor, "
    "mayor, akim, spokesperson, spokesman, spokeswoman, president, ambassador, director, "
    "soldier, serviceman, guard, warden",
    PersonRole.RELATIVE: "wife, husband, son, daughter, mother, father, brother, sister, "
    "relative, niece, nephew, widow, cousin, grandson, granddaughter, spouse, parent, "
    "stepson, stepdaughter, son-in-law, daughter-in-law, mother-in-law, father-in-law",
    PersonRole.OTHER: "shepherd, student, worker, resident, teacher, doctor, pensioner, "
    "farmer, runner, businessman, businesswoman, entrepreneur, imam, believer, victim, "
    "driver, nurse, engineer, poet, writer, artist, musician, singer, athlete",
}
_ROLE_WORDS: dict[str, PersonRole] = {
    phrase.strip(): role for role, phrases in _ROLE_PHRASES.items() for phrase in phrases.split(",")
}
_OFFICE_CUES = frozenset(
    phrase for phrase, role in _ROLE_WORDS.items() if role is PersonRole.OFFICIAL
)

# Cue words as a trie over lower-cased text (fast to scan); word boundaries are checked
# on the few hits in Python.
_CUE = re.compile(
    rf"(?P<cue>{trie_pattern({w.replace(' ', chr(32)) for w in _ROLE_WORDS})})(?P<plural>e?s)?"
    r"(?![\w-])"
)


# Between a cue and the name: "of Ulysmedia", "in the case,", a list of other names.
# Words of a name are separated by required white space: with optional space, a run of
# capitals splits in exponentially many ways and the match backtracks for minutes.
_BETWEEN_OK = re.compile(
    rf"^(?:\s+(?:of|from|at|for|with|in|on)\s+(?:the\s+)?(?:[\w’'!.-]+\s+){{0,4}}?"
    rf"[\w’'!.-]+)?[\s,]*(?:[{UPPER}][\w’'.-]*(?:\s+[{UPPER}][\w’'.-]*)*(?:,\s*|\s+and\s+))*"
    r"\s*$"
)
_APPOSITION = re.compile(
    r"^(?:['’]s)?\s*(?:,|\(|–|—|\s-)\s*(?:who\s+(?:is|was)\s+)?(?:an?|the)?\s*"
    r"(?:[\w’'-]+\s+){0,4}?"
)


# "X's lawyer Y", "his lawyer Y": the lawyer acts for someone else in this sentence.
_REPRESENTS = re.compile(r"(?:['’]s|\bhis|\bher|\btheir)\s+(?:defence\s+|defense\s+)?$")


_EMPHASIS = str.maketrans("*_", "  ")  # Markdown bold/italic markers around names


def role_cue(text: str, start: int, end: int, lower: int = 0, upper: int | None = None) -> RoleCue:
    """The role the words around a name give its bearer, within ``[lower, upper)``."""
    upper = len(text) if upper is None else upper
    window_start = max(lower, start - 200)
    before = text[window_start:start].translate(_EMPHASIS)
    folded = before.lower()
    best = None
    for match in _CUE.finditer(folded):
        if match.start() and (
            folded[match.start() - 1].isalnum() or folded[match.start() - 1] == "-"
        ):
            continue
        if _BETWEEN_OK.match(before[match.end() :]):
            best = match
    if best is not None:
        cue = best.group("cue")
        role = _ROLE_WORDS[cue]
        office = cue in _OFFICE_CUES or (
            role is PersonRole.LAWYER and bool(_REPRESENTS.search(folded, 0, best.start()))
        )
        return RoleCue(role, office, cue, bool(best.group("plural")))
    after = text[end : min(upper, end + 120)].translate(_EMPHASIS)
    apposition = _APPOSITION.match(after)
    if apposition:
        clause_end = re.search(r"[,;:.()]|\s–|\s—", after[apposition.end() :])
        limit = apposition.end() + (clause_end.start() if clause_end else len(after))
        folded_after = after.lower()
        for match in _CUE.finditer(folded_after, apposition.start(), limit):
            if match.start() and folded_after[match.start() - 1].isalnum():
                continue
            if match.start() <= apposition.end() + 40:
                cue = match.group("cue")
                return RoleCue(_ROLE_WORDS[cue], cue in _OFFICE_CUES, cue, False)
            break
    return RoleCue(None, False)
