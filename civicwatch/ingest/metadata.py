"""What a document says about itself in its text: title, publication date, language.

These are fallbacks for when the file's own metadata is silent, shared by every reader.
They are deliberately conservative. A missing publication date costs a reviewer one
field; a wrong one silently skews every relative date ("the same day", "in late
December") that extraction resolves against it. So a date is only taken from a short line
near the top that *is* a date line (a dateline, a "Published:" line), never from a
sentence that happens to contain one, and only when the day is known.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

HEADER_LINES = 15  # how many non-empty lines at the top count as "the header"
MAX_TITLE_CHARS = 300
_MAX_DATE_LINE_CHARS = 100
_MAX_TITLE_LINE_CHARS = 200

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan январь января янв",
        "february feb февраль февраля фев",
        "march mar март марта мар",
        "april apr апрель апреля апр",
        "may май мая",
        "june jun июнь июня июн",
        "july jul июль июля июл",
        "august aug август августа авг",
        "september sep sept сентябрь сентября сен сент",
        "october oct октябрь октября окт",
        "november nov ноябрь ноября ноя нояб",
        "december dec декабрь декабря дек",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
# Kazakh month names take case endings ("наурызда", "қаңтардағы"): match them as prefixes.
_KK_MONTHS = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
    "қазан", "қараша", "желтоқсан",
)  # fmt: skip

_WORD = r"([^\W\d_]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d){_DAY}\s+{_WORD},?\s+{_YEAR}(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"(?<!\w){_WORD}\s+{_DAY},?\s+{_YEAR}(?!\d)")
_KK_YEAR_DAY_MONTH = re.compile(rf"(?<!\d){_YEAR}\s*(?:ж\.|жылғы|жылы)\s*{_DAY}\s+{_WORD}")
_MONTH_YEAR = re.compile(rf"(?<!\w){_WORD},?\s+{_YEAR}(?!\d)")

_LABEL = re.compile(
    r"^\W*(published|publication date|date of publication|date|posted|issued|released"
    r"|опубликовано|дата публикации|дата|жарияланған|жарияланды|күні)\b",
    re.IGNORECASE,
)
_NOT_PUBLICATION = re.compile(
    r"updated|modified|revised|accessed|retrieved|обновлен|изменен|жаңартыл", re.IGNORECASE
)
_UPDATED = re.compile(r"updated|обновлен|жаңартыл", re.IGNORECASE)
# Words a dateline may carry beside the date without being a sentence.
_FILLER = frozenset(
    {"on", "by", "at", "of", "the", "from", "in", "г", "года", "год", "гг", "ж", "жылғы", "жылы"}
)
_NAV_WORDS = frozenset(
    {
        "home", "main", "menu", "news", "search", "skip to content", "skip to main content",
        "login", "log in", "sign in", "subscribe", "donate", "english", "русский", "қазақша",
        "eng", "рус", "қаз", "en", "ru", "kz", "kk", "главная", "новости", "меню", "поиск",
        "басты бет", "жаңалықтар",
    }
)  # fmt: skip
_BULLET = re.compile(r"^[•·▪◦*>\-–—]\s")
_CRUMB_SEPARATOR = re.compile(r"\s[>»›/|]\s")
_BOILERPLATE_TITLES = frozenset(
    {
        "untitled", "title", "document", "no title", "presentation", "slide 1",
        "microsoft word document", "powerpoint presentation", "без названия", "документ",
    }
)  # fmt: skip
_FILE_NAME = re.compile(r"\.(docx?|pdf|rtf|odt|txt|html?|indd|pages)$", re.IGNORECASE)
_UNTITLED = re.compile(
    r"^(untitled\b.*|(document|doc|документ)\s*\d*|microsoft (word|powerpoint|excel)\b.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    """A date found in a line: ``day`` is None when only month and year are given."""

    day: date | None
    start: int
    end: int


def _month(word: str) -> int | None:
    word = word.lower()
    if word in _MONTHS:
        return _MONTHS[word]
    for number, stem in enumerate(_KK_MONTHS, start=1):
        if word.startswith(stem):
            return number
    return None


def _day(year: str, month: int | None, day: str) -> date | None:
    if month is None or not 1900 <= int(year) <= 2100:
        return None
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _scan(line: str) -> _Found | None:
    """The first date in ``line`` (day-precise if any; else a month and year)."""
    found: list[_Found] = []
    for m in _ISO.finditer(line):
        found.append(_Found(_day(m[1], int(m[2]), m[3]), m.start(), m.end()))
    for m in _DOTTED.finditer(line):
        found.append(_Found(_day(m[3], int(m[2]), m[1]), m.start(), m.end()))
    for m in _DAY_MONTH_YEAR.finditer(line):
        found.append(_Found(_day(m[3], _month(m[2]), m[1]), m.start(), m.end()))
    for m in _MONTH_DAY_YEAR.finditer(line):
        found.append(_Found(_day(m[3], _month(m[1]), m[2]), m.start(), m.end()))
    for m in _KK_YEAR_DAY_MONTH.finditer(line):
        found.append(_Found(_day(m[1], _month(m[3]), m[2]), m.start(), m.end()))
    days = [f for f in found if f.day is not None]
    if days:
        return min(days, key=lambda f: f.start)
    for m in _MONTH_YEAR.finditer(line):
        if _month(m[1]) is not None and 1900 <= int(m[2]) <= 2100:
            return _Found(None, m.start(), m.end())
    return None


def _is_date_line(line: str, found: _Found) -> bool:
    """A dateline or labelled date, as opposed to a sentence that mentions a date."""
    if len(line) > _MAX_DATE_LINE_CHARS:
        return False
    if _LABEL.match(line):
        return True
    rest = line[: found.start] + " " + line[found.end :]
    words = re.findall(r"[^\W\d_]+", rest)
    lowercase = [w for w in words if w[0].islower() and w.lower() not in _FILLER]
    return len(words) <= 6 and len(lowercase) <= 1


def _header(text: str) -> list[str]:
    lines = (line.strip() for line in text.split("\n"))
    return [line for line in lines if line][:HEADER_LINES]


def find_publication_date(text: str) -> date | None:
    """The publication date a document states near its top, if it states one to the day.

    Recognises "27.03.2023", "2024-05-12", "12 May 2024", "May 12, 2024",
    "Published: 12 May 2024", "27 марта 2023 г.", "2023 жылғы 27 наурыз". The first date
    line decides: if it gives only a month ("May 2024"), the answer is None rather than
    an invented first of the month. A line saying "updated" (a list update, "Last
    updated: …") is used only when no other date line is there; "accessed" and
    "retrieved" lines, which date a reading, never.
    """
    fallback: date | None = None
    for line in _header(text):
        not_publication = _NOT_PUBLICATION.search(line)
        if not_publication and not _UPDATED.search(line):
            continue
        found = _scan(line)
        if found is None or not _is_date_line(line, found):
            continue
        if not not_publication:
            return found.day
        if fallback is None:
            fallback = found.day
    return fallback


def parse_date(value: str) -> date | None:
    """A day-precise date from a metadata value ("2024-05-12T10:00:00Z", "12 May 2024")."""
    found = _scan(value.strip())
    return found.day if found is not None else None


def _is_navigation(line: str) -> bool:
    if _BULLET.match(line) or len(_CRUMB_SEPARATOR.findall(line)) >= 2:
        return True
    first = _CRUMB_SEPARATOR.split(line)[0]
    return first.strip(" .:|-").lower() in _NAV_WORDS


def find_title(text: str) -> str | None:
    """The first short line near the top that is not a date, a label or navigation.

    Returns None when the first such line is long: then the text starts with its body
    and has no title line.
    """
    for line in _header(text):
        candidate = line.lstrip("#").strip() if line.startswith("#") else line
        if not re.search(r"[^\W\d_]", candidate) or candidate.lower().startswith(
            ("http://", "https://", "www.")
        ):
            continue
        if _is_navigation(candidate) or _LABEL.match(candidate):
            continue
        found = _scan(candidate)
        if found is not None and _is_date_line(candidate, found):
            continue
        if len(candidate) > _MAX_TITLE_LINE_CHARS:
            return None
        return clean_title(candidate)
    return None


def clean_title(value: str | None) -> str | None:
    """Whitespace collapsed, NFC, at most MAX_TITLE_CHARS; None if it holds no letter."""
    if not value:
        return None
    title = " ".join(unicodedata.normalize("NFC", value).split())
    title = "".join(ch for ch in title if ch.isprintable())
    if not re.search(r"[^\W\d_]", title):
        return None
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title


def meaningful_title(value: str | None) -> str | None:
    """A metadata title worth showing: not "Untitled", "Document1" or a file name."""
    title = clean_title(value)
    if title is None or len(title) < 3:
        return None
    if title.lower() in _BOILERPLATE_TITLES or _UNTITLED.match(title):
        return None
    if _FILE_NAME.search(title) or (("\\" in title or "/" in title) and " " not in title):
        return None
    return title
