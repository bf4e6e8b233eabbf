"""What every reader hands to the dispatcher, and the byte-level checks readers share.

Readers return an :class:`Extracted` with the text as the library gave it; the dispatcher
(``civicwatch.ingest.read_bytes``) normalises it and fills in what the file did not say.
Keeping that in one place is what makes every format produce text by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Byte-order marks in the order they must be tested (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Share of control characters above which decoded "text" is taken to be binary data.
# Real documents have almost none (the odd form feed); random bytes have about 12 %.
MAX_CONTROL_RATIO = 0.05


@dataclass(frozen=True)
class Extracted:
    """Raw reader output, before normalisation and before the text-based fallbacks."""

    text: str
    media_type: str
    title: str | None = None
    published: date | None = None
    language: str | None = None


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark announces and the length of the mark, if there is one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def control_ratio(text: str) -> float:
    """Share of characters that are C0/C1 controls other than tab, newline, CR, form feed."""
    if not text:
        return 0.0
    controls = sum(
        1 for ch in text if (ord(ch) < 0x20 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) <= 0x9F
    )
    return controls / len(text)


def looks_binary(text: str) -> bool:
    """True when decoded text is really binary junk (NULs or many control characters)."""
    return "\x00" in text or control_ratio(text) > MAX_CONTROL_RATIO
