"""Russian speakers: people only quoted or cited ("X заявил", "по словам X", "— сказала
ее адвокат X"), who receive none of a sentence's facts (:class:`SpeakerCues`).

A lawyer or spokesperson who comments on a verdict is named in the same sentence as the
verdict or the appeal; without this the nearest-person rule would give them the facts.
"""

from __future__ import annotations

import re

from civicwatch.extract.attach import SpeakerCues
from civicwatch.extract.lexicon import read_tsv

__all__ = ["RUSSIAN_SPEAKERS"]

_ROWS = [(key.strip(), regex.strip()) for key, regex in read_tsv("ru/speech.tsv")]
_VERB = "(?:" + "|".join(regex for key, regex in _ROWS if key == "verb") + r")(?!\w)"
_SOURCE = "|".join(regex.replace("{VERB}", _VERB) for key, regex in _ROWS if key == "source")

RUSSIAN_SPEAKERS = SpeakerCues(
    # "X заявил", "X, адвокат, сообщила" is not taken: the words after a name that are no
    # verb of saying may be the clause that gives the facts
    after=re.compile(rf"^\W{{0,3}}\s*(?:(?:также|уже|ранее|тогда|позже|затем)\s+)?{_VERB}", re.I),
    # the source words, then up to five words (role, organisation) before the name, with
    # no comma: "по словам адвоката, X был задержан" cites the lawyer, not X
    before=re.compile(rf"(?:{_SOURCE})\s+(?:[^\s,;:.!?]+\s+){{0,5}}$", re.I),
    window=80,
)
