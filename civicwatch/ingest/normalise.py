"""The one normalisation every reader's text goes through.

Later layers store character offsets into the normalised text (claims point at spans of
it), so the same bytes must always give exactly the same string, whatever the format and
whatever the platform. Any change to these rules changes offsets: bump
``NORMALISATION_VERSION`` so stored documents can be told apart and re-read.
"""

from __future__ import annotations

import re
import unicodedata

NORMALISATION_VERSION = 1

# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F): none of them
# is visible text, and several (VT, FF, FS-RS, NEL) count as line breaks for
# str.splitlines(), which would make line-based code disagree with our "\n" lines.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Line and paragraph separators are line breaks to Python and browsers alike.
_UNICODE_BREAKS = re.compile("[\u2028\u2029]")
_MANY_BLANK_LINES = re.compile(r"\n{4,}")


def normalise(text: str) -> str:
    """Return ``text`` in the canonical form ingest stores.

    Steps, in this order (the order matters for idempotence):

    1. ``\\r\\n`` and lone ``\\r`` become ``\\n``; U+2028/U+2029 become ``\\n``.
    2. Control characters other than ``\\n`` and ``\\t`` are removed (NUL included).
    3. Unicode NFC, so "й" typed as и + combining breve equals the precomposed letter.
    4. Trailing whitespace is stripped from every line.
    5. Runs of three or more blank lines become two blank lines.
    6. Blank lines at the start and end are removed (indentation of the first line stays).

    ``normalise(normalise(x)) == normalise(x)`` for every string.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNICODE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n\n", text)
    return text.strip("\n")
