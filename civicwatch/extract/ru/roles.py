"""Who a person named in Russian text is, from the words around the name.

The Russian counterpart of :mod:`civicwatch.extract.roles`, returning the same
:class:`RoleCue`. Role words are data (``data/ru/roles.tsv``, one row per word in the
nominative singular); every case and number of each is matched ("активистке",
"журналиста", "правозащитников"), the forms made once with pymorphy3. A cue counts:

- before the name, with only a genitive complement ("журналист издания «Власть»"), a
  place ("активист из Шымкента") or other names of a list between them, and no verb
  ("судья ... приговорил X": X is the one sentenced, not a judge);
- after the name as an apposition ("X, активистка движения ...", "X (блогер)", "X,
  который является журналистом"), not in a relative clause with its own subject ("X,
  которого прокурор назвал ...").

Before the name the cue must agree in case with it: "брат Марата" is Marat's brother
("брат" is nominative, "Марата" genitive), "брата Марата" may be Marat himself.
Officials are office holders (people mentioned, not reported about), as in English; a
lawyer acting for someone named or referred to in the same phrase ("его адвокат X",
"адвокат Жыланбаева X") is one too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from civicwatch.core.vocab import PersonRole
from civicwatch.extract.lexicon import read_tsv, trie_pattern
from civicwatch.extract.roles import RoleCue, Title
from civicwatch.extract.ru.name_forms import analyse, cases_of, morph, name_words

__all__ = [
    "RoleCue",
    "Title",
    "cue_forms",
    "is_role_word",
    "reported_cues",
    "role_cue",
    "role_words",
    "title_before",
    "title_of",
]

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One written form of a cue: the cue (its row's phrase), number and possible cases."""

    cue: str
    plural: bool
    cases: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Table:
    roles: dict[str, PersonRole]
    reported: frozenset[str]
    state: frozenset[str]  # official when a state body follows
    forms: dict[str, tuple[CueForm, ...]]


@cache
def _table() -> _Table:
    roles: dict[str, PersonRole] = {}
    reported: set[str] = set()
    state: set[str] = set()
    forms: dict[str, list[CueForm]] = {}
    for row in read_tsv("ru/roles.tsv"):
        role, phrase = PersonRole(row[0].strip()), row[1].strip()
        roles[phrase] = role
        flag = row[2].strip() if len(row) > 2 else ""
        if flag == "reported":
            reported.add(phrase)
        elif flag == "state":
            state.add(phrase)
        made = _inflect(phrase)
        if len(row) > 3:  # forms the dictionary cannot make, cases unknown
            made += [(form, False, frozenset(CASES)) for form in row[3].split()]
        for form, plural, cases in made:
            found = forms.setdefault(form, [])
            same = [i for i, f in enumerate(found) if (f.cue, f.plural) == (phrase, plural)]
            if same:
                found[same[0]] = CueForm(phrase, plural, found[same[0]].cases | cases)
            else:
                found.append(CueForm(phrase, plural, cases))
    frozen = {form: tuple(found) for form, found in forms.items()}
    return _Table(roles, frozenset(reported), frozenset(state), frozen)


def _inflect(phrase: str) -> list[tuple[str, bool, frozenset[str]]]:
    """Every case and number of a cue phrase: (form, plural, cases), "ё" written "е"."""
    analyser = morph()
    words = phrase.split()
    parses = []
    for word in words:
        candidates = [
            p
            for p in analyser.parse(word)
            if p.tag.POS in ("NOUN", "ADJF", "PRTF") and p.tag.case == "nomn"
        ]
        plain = [p for p in candidates if not {"Name", "Surn", "Patr", "Abbr"} & p.tag.grammemes]
        parses.append((plain or candidates or [None])[0])
    nouns = [i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"]
    head = nouns[0] if nouns else len(words) - 1
    out: dict[tuple[str, bool], set[str]] = {}
    for number in ("sing", "plur"):
        for case in CASES:
            written = []
            for index, (word, parse) in enumerate(zip(words, parses, strict=True)):
                if index > head or parse is None:
                    written.append(word)
                    continue
                wanted = {case, number}
                if case == "accs" and parse.tag.POS != "NOUN":
                    wanted.add("anim")
                form = parse.inflect(wanted) or parse.inflect({case, number})
                if form is None:
                    break
                written.append(form.word)
            else:
                key = (" ".join(written).replace("ё", "е"), number == "plur")
                out.setdefault(key, set()).add(case)
    out.setdefault((phrase.replace("ё", "е"), False), set()).add("nomn")
    return [(form, plural, frozenset(cases)) for (form, plural), cases in out.items()]


def role_words() -> dict[str, PersonRole]:
    """Every cue phrase (as listed, nominative singular) and the role it gives."""
    return _table().roles


def reported_cues() -> frozenset[str]:
    """Cue phrases that alone make their bearer a person the document reports about
    ("политзаключенный X", "X, подсудимая по делу ...")."""
    return _table().reported


def cue_forms() -> dict[str, tuple[CueForm, ...]]:
    """Every written form of every cue (lower case, "ё" as "е") and what it can be."""
    return _table().forms


def is_role_word(word: str) -> bool:
    """Whether a word (any case) is a one-word role cue ("Журналистка", "судьи")."""
    return word.lower().replace("ё", "е") in _table().forms


def title_of(word: str) -> Title | None:
    """The role and office a cue word (any form, or the listed phrase) gives, if it is one."""
    forms = _table().forms.get(word.lower().replace("ё", "е").strip())
    if not forms:
        return None
    role = _table().roles[forms[0].cue]
    return Title(role, role is PersonRole.OFFICIAL)


def title_before(low: str, start: int) -> str | None:
    """The cue written right before ``start`` with only spaces between ("журналиста X",
    "судья X", "сотрудник полиции X"), as its listed phrase; ``low`` is lower-cased."""
    words: list[str] = []
    end = start
    while len(words) < 4:
        stop = end
        while end > 0 and low[end - 1] in " \u00a0":
            end -= 1
        if end == stop:
            break
        begin = end
        while begin > 0 and (low[begin - 1].isalpha() or low[begin - 1] == "-"):
            begin -= 1
        if begin == end:
            break
        words.insert(0, low[begin:end].replace("ё", "е"))
        end = begin
    forms = _table().forms
    for size in range(len(words), 0, -1):
        found = forms.get(" ".join(words[-size:]))
        if found:
            return found[0].cue
    return None


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?P<cue>{trie_pattern(set(_table().forms))})(?![\w-])")


# Between a cue and the name: a complement of up to six words (a genitive, "из Шымкента",
# a quoted title), then other names of a list. Words are separated by required white
# space, so the match cannot split a run of letters in many ways.
_BETWEEN_OK = re.compile(
    r"^(?:\s+(?:[^\s.;:!?()\[\]]+\s+){0,5}?[^\s.;:!?()\[\]]+)??[\s,]*"
    r"(?:[А-ЯЁA-Z][\w.'’-]*(?:\s+[А-ЯЁA-Z][\w.'’-]*){0,3}(?:,\s*|\s+и\s+))*\s*$"
)
_LOWER_WORD = re.compile(r"(?<![\w-])[а-яё]+(?![\w-])")
_REPRESENTS = re.compile(r"(?:\b(?:его|ее|её|их|своего|своей|своих|чей)\s+)$")
# "адвокат X, представляющий интересы Y", "Я, адвокат X, представляю интересы Y", "адвокат
# X, который защищает Y"
_REPRESENTS_AFTER = re.compile(
    r"[^.;:!?]{0,60}?,\s*(?:(?:котор\w+|я)\s+)?(?:представля\w*|защища\w*|защищал\w*)\b"
)
# "Заявление адвоката X", "по словам адвоката X": the lawyer speaks, the client is the news
_AUTHORED = re.compile(r"(?:заявлени\w*|обращени\w*|комментари\w*|слов\w*|позици\w*)\s+$")
# An apposition after the name, not a relative clause with a subject of its own.
_APPOSITION = re.compile(
    r"^\s*(?:,|\(|–|—|\s-)(?!\s*(?:которого|которой|которому|которым|котором|которую|"
    r"которых|которые|чей|чья|чьи|чьего|чьей|где|когда|что)\b)\s*"
    r"(?:(?:который|которая|кто)\s+(?:является|являлся|являлась|был|была|работает|"
    r"работал|работала)\s+)?"
)
_CLAUSE_END = re.compile(r"[;:.()]|\s–|\s—|,\s")


def _plain(text: str) -> str:
    """Markdown emphasis blanked out and "ё" read as "е" (same length)."""
    return text.replace("*", " ").replace("_", " ").replace("ё", "е")


_WINDOW_BEFORE = 200
_WINDOW_AFTER = 120


@lru_cache(maxsize=16384)
def _is_verb(word: str) -> bool:
    """Whether a lower-case word is most likely a verb form (not a participle)."""
    parse = morph().parse(word)[0]
    return parse.tag.POS in ("VERB", "INFN", "PRTS", "GRND")


def _has_verb(text: str) -> bool:
    return any(_is_verb(word) for word in _LOWER_WORD.findall(text))


def role_cue(
    text: str,
    start: int,
    end: int,
    lower: int = 0,
    upper: int | None = None,
    low: str | None = None,
) -> RoleCue:
    """The role the words around the name at ``[start, end)`` give its bearer, within
    ``[lower, upper)`` (the sentence). ``low`` is the lower-cased text, when the caller
    has it."""
    upper = len(text) if upper is None else upper
    window_start = max(lower, start - _WINDOW_BEFORE)
    before = _plain(text[window_start:start])
    folded = _plain(low[window_start:start]) if low is not None else before.lower()
    table = _table()
    name_cases = cases_of(text[start:end])
    best: tuple[re.Match[str], CueForm] | None = None
    # "адвокат Жыланбаева Айгерим Нурланова": a name right before another person's given
    # name is that person's genitive complement, not the bearer of the cue before it
    followed = _FOLLOWING_NAME.match(text, end, upper)
    complement = followed is not None and _given_name(followed.group(1))
    for match in () if complement else _cue_pattern().finditer(folded):
        if match.start() and (
            folded[match.start() - 1].isalnum() or folded[match.start() - 1] == "-"
        ):
            continue
        between = before[match.end() :]
        if not _BETWEEN_OK.match(between) or _has_verb(between):
            continue
        agreeing = [f for f in table.forms[match.group("cue")] if f.cases & name_cases]
        if agreeing:
            best = (match, agreeing[0])
    if best is not None:
        match, form = best
        role = table.roles[form.cue]
        if _state_official(form.cue, folded[match.end() :]):
            role = PersonRole.OFFICIAL  # "представитель МВД X"
        office = role is PersonRole.OFFICIAL or (
            role is PersonRole.LAWYER
            and (
                bool(_REPRESENTS.search(folded, 0, match.start()))
                or bool(_AUTHORED.search(folded, 0, match.start()))
                or _names_client(before[match.end() :])
                or bool(_REPRESENTS_AFTER.match(low or text.lower(), end, upper))
            )
        )
        return RoleCue(role, office, form.cue, form.plural)
    after = _plain(text[end : min(upper, end + _WINDOW_AFTER)])
    apposition = _APPOSITION.match(after)
    if apposition:
        clause_end = _CLAUSE_END.search(after, apposition.end())
        limit = clause_end.start() if clause_end else len(after)
        folded_after = after.lower()
        for match in _cue_pattern().finditer(folded_after, apposition.end(), limit):
            if match.start() and folded_after[match.start() - 1].isalnum():
                continue
            if match.start() <= apposition.end() + 40:
                form = table.forms[match.group("cue")][0]
                role = table.roles[form.cue]
                if _state_official(form.cue, folded_after[match.end() : limit]):
                    role = PersonRole.OFFICIAL
                return RoleCue(role, role is PersonRole.OFFICIAL, form.cue, False)
            break
    return RoleCue(None, False)


@cache
def _state_body() -> re.Pattern[str]:
    stems = "|".join(sorted(name_words("state_body"), key=len, reverse=True))
    return re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:{stems})")


def _state_official(cue: str, following: str) -> bool:
    """Whether a cue that may name anyone's representative ("представитель") is followed
    by a state body ("представитель МВД", "пресс-секретарь городского суда")."""
    return cue in _table().state and bool(_state_body().match(following[:80]))


_FOLLOWING_NAME = re.compile(r"[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")


def _given_name(word: str) -> bool:
    return any(r.kind == "given" and r.weight >= 1.0 for r in analyse(word).readings)


def _names_client(between: str) -> bool:
    """Whether the words between a lawyer cue and the name name the client ("адвокат
    Жыланбаева X", "адвокат активиста X"), not other names of a list ("адвокаты X и Y")."""
    words = between.split()
    if not words or words[-1] == "и" or between.rstrip().endswith(","):
        return False
    return words[0][:1].isupper() or is_role_word(words[0])
