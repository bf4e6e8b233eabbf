"""Russian anaphors, as the English ones they behave like (:class:`AnaphorWords`).

"Его приговорили", "ей назначили штраф", "оба были задержаны", "всех троих оштрафовали":
each Russian form maps to the English anaphor with the same number and gender, so the one
resolver of :mod:`civicwatch.extract.anaphora` serves both languages. "Им" is left out: it
is both "him" (instrumental) and "them" (dative).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from civicwatch.extract.anaphora import AnaphorWords

__all__ = ["RUSSIAN_ANAPHORS"]

_COUNTS = {
    "двое": "two",
    "двоих": "two",
    "двоим": "two",
    "трое": "three",
    "троих": "three",
    "троим": "three",
    "четверо": "four",
    "четверых": "four",
    "пятеро": "five",
    "пятерых": "five",
    "шестеро": "six",
    "шестерых": "six",
    "семеро": "seven",
    "семерых": "seven",
}
_SINGLE = {
    "он": "he",
    "его": "him",
    "ему": "him",
    "нему": "him",
    "него": "him",
    "нем": "him",
    "нём": "him",
    "она": "she",
    "ее": "her",
    "её": "her",
    "ей": "her",
    "ней": "her",
    "нее": "her",
    "неё": "her",
    # a lawyer's statement names the client so: "продлил моей подзащитной срок"
    "подзащитный": "he",
    "подзащитного": "him",
    "подзащитному": "him",
    "подзащитным": "him",
    "подзащитная": "she",
    "подзащитной": "her",
    "подзащитную": "her",
    "активист": "the activist",
    "активиста": "the activist",
    "активисту": "the activist",
    "активистку": "the activist",
    "активистке": "the activist",
    "журналист": "the journalist",
    "журналиста": "the journalist",
    "журналисту": "the journalist",
    "журналистку": "the journalist",
    "журналистке": "the journalist",
    "блогер": "the blogger",
    "блогера": "the blogger",
    "блогеру": "the blogger",
    "правозащитник": "the human rights defender",
    "правозащитника": "the human rights defender",
    "правозащитнику": "the human rights defender",
    "правозащитницу": "the human rights defender",
    "правозащитнице": "the human rights defender",
}
_PLURAL = {
    "они": "they",
    "их": "them",
    "них": "them",
    "ними": "them",
    "оба": "both",
    "обе": "both",
    "обоих": "both",
    "обеих": "both",
    "обоим": "both",
    "каждый из них": "each of them",
    "каждому из них": "each of them",
    "каждому": "each of them",
    "каждый": "each of them",
    "каждая": "each of them",
    "каждой": "each of them",
    "каждого": "each of them",
    "каждую": "each of them",
    "каждая из них": "each of them",
    "каждой из них": "each of them",
    "все они": "all of them",
    "всем им": "all of them",
    "задержанные": "the detained activists",
    "задержанных": "the detained activists",
    "задержанным": "the detained activists",
    "активисты": "the activists",
    "активистов": "the activists",
    "активистам": "the activists",
    "журналисты": "the journalists",
    "журналистов": "the journalists",
    "журналистам": "the journalists",
    "обвиняемые": "the defendants",
    "обвиняемых": "the defendants",
    "обвиняемым": "the defendants",
    "подсудимые": "the defendants",
    "подсудимых": "the defendants",
    "подсудимым": "the defendants",
}
_CANONICAL = {
    **_SINGLE,
    **_PLURAL,
    **{word: f"the {count}" for word, count in _COUNTS.items()},
    **{f"все {word}": f"all {count}" for word, count in _COUNTS.items()},
    **{f"всех {word}": f"all {count}" for word, count in _COUNTS.items()},
    **{f"всем {word}": f"all {count}" for word, count in _COUNTS.items()},
}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


_PRONOUN = re.compile(
    rf"(?<![\w-])(?P<word>{_alternatives(_CANONICAL)})(?![\w-])",
    re.IGNORECASE,
)
# someone other than the person the story is about is the subject
_OTHER_PEOPLE = re.compile(
    r"(?<![\w-])(?:люд(?:и|ей|ям)|человек(?:а)?|сотрудник(?:и|ов|ами)?\s+полиции|полицейск\w*"
    r"|участник\w*|жител\w*|граждан\w*|демонстрант\w*|протестующ\w*|силовик\w*"
    r"|неизвестн\w+|некто|кто-то)(?![\w-])",
    re.IGNORECASE,
)
_ANOTHER_PERSON = re.compile(
    r"(?<![\w-])(?:мужчин\w*|женщин\w*|подозреваем\w*|военнослужащ\w*|сотрудник\w*"
    r"|охранник\w*|водител\w*|студент\w*|подросток|подростк\w*)(?![\w-])",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"(?<![\w-])(?:(?:двое|трое|четверо|пятеро|несколько|\d+)\s+из\s+(?:них|\w+)"
    r"|среди\s+(?:них|\w+))(?![\w-])",
    re.IGNORECASE,
)

RUSSIAN_ANAPHORS = AnaphorWords(_PRONOUN, _OTHER_PEOPLE, _ANOTHER_PERSON, _PARTITIVE, _CANONICAL)
