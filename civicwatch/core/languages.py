"""Languages of documents: a guess from the script, and their names.

Extraction dispatches on the document's language (``civicwatch.extract.packs``); ingest
stores the guess on the document unless the person ingesting says otherwise.
"""

from __future__ import annotations

__all__ = ["LANGUAGE_NAMES", "guess_language", "language_name"]

#: ISO 639-1 codes a document may carry, with their English names (for notes and forms).
LANGUAGE_NAMES = {
    "en": "English",
    "ru": "Russian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "uz": "Uzbek",
    "tg": "Tajik",
    "az": "Azerbaijani",
    "hy": "Armenian",
    "ka": "Georgian",
    "tk": "Turkmen",
    "ro": "Romanian",
    "tr": "Turkish",
    "fa": "Persian",
    "ar": "Arabic",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
}

_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_UKRAINIAN_LETTERS = frozenset("їєґЇЄҐ")
_BELARUSIAN_LETTERS = frozenset("ўЎ")


def language_name(code: str) -> str:
    """ "Russian" for "ru"; the code itself for a language not in :data:`LANGUAGE_NAMES`."""
    return LANGUAGE_NAMES.get(code, code)


def guess_language(text: str) -> str | None:
    """ISO 639-1 code from the script: "ru", "kk", "uk", "be" for Cyrillic, "en" for Latin.

    Cyrillic is "kk" when Kazakh-only letters make up at least 2 % of the Cyrillic letters
    (a Russian text quoting one Kazakh name stays "ru"); "uk" and "be" need their own
    letters at 0.5 %. Too few letters gives None.
    """
    letters = cyrillic = latin = kazakh = ukrainian = belarusian = 0
    for ch in text[:100_000]:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if 0x0400 <= code <= 0x04FF:
            cyrillic += 1
            kazakh += ch in _KAZAKH_LETTERS
            ukrainian += ch in _UKRAINIAN_LETTERS
            belarusian += ch in _BELARUSIAN_LETTERS
        elif code < 0x0250:
            latin += 1
    if letters < 10:
        return None
    if cyrillic / letters > 0.3:
        if ukrainian and ukrainian >= 0.005 * cyrillic:
            return "uk"
        if belarusian and belarusian >= 0.005 * cyrillic:
            return "be"
        return "kk" if kazakh >= 0.02 * cyrillic else "ru"
    if latin / letters > 0.5:
        return "en"
    return None
