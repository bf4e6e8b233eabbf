"""Legal provisions: parsing, labels and a small catalogue of the articles monitors cite.

A :class:`Provision` is a code (criminal code or code of administrative offences), an
article and optionally a part. Its ``label`` is the extraction contract's form: ``CC 274``,
``CAO 456-2`` (a sub-article written with a dash), and a part of an article also as a dash
(part 2 of article 174 of the criminal code is ``CC 174-2``). The label therefore cannot
tell a part from a numbered sub-article; :meth:`Provision.parse` reads ``N-M`` as the
article ``N-M``, and :meth:`Provision.info` looks up either reading.

``CATALOGUE`` holds the Kazakhstan articles that appear in monitoring reports, with short
titles; only articles whose numbering and subject are certain are listed. Other
jurisdictions (Kyrgyzstan, Belarus, Russia, ...) number their codes differently, so a
label is only meaningful together with the jurisdiction it was found under; labels stay
``CC n`` whatever the country, and the jurisdiction travels beside them
(:data:`JURISDICTIONS` maps the ways reports name a country to an ISO 3166 code).

``NAMED_OFFENCES`` maps offence wordings ("knowingly spreading false information") to
catalogue keys, for texts that name an offence without a number. Pure data, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from civicwatch.core.vocab import LegalCode
from civicwatch.errors import InvalidValueError

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_PARSE = re.compile(
    r"""^\s*
    (?P<code>CC|CAO|CoAO|criminal\s+code|code\s+of\s+administrative\s+offen[cs]es)
    \s*[,.:]?\s*(?:art(?:icle)?\.?\s*)?
    (?P<article>\d{1,4}(?:\s*[-.]\s*\d{1,3})*)
    (?:\s*(?:\(\s*(?P<paren>\d{1,2})\s*\)|,?\s*part\s+(?P<part>\d{1,2})))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class ProvisionInfo:
    """What the catalogue knows about one article."""

    title: str
    jurisdiction: str = "KZ"
    parts: Mapping[str, str] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Provision:
    """One article (and optionally one part of it) of a code of law."""

    code: LegalCode
    article: str
    part: str | None = None

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d{1,4}(?:[-.]\d{1,3})*", self.article):
            raise InvalidValueError(f"{self.article!r} is not an article number")
        if self.part is not None and not re.fullmatch(r"\d{1,3}", self.part):
            raise InvalidValueError(f"{self.part!r} is not a part number")

    @property
    def label(self) -> str:
        """``CC 274``, ``CAO 456-2``, part 2 of article 174 -> ``CC 174-2``."""
        suffix = f"-{self.part}" if self.part else ""
        return f"{self.code.value} {self.article}{suffix}"

    @property
    def base(self) -> Provision:
        """The whole article, without the part."""
        return Provision(self.code, self.article) if self.part else self

    @property
    def info(self) -> ProvisionInfo | None:
        """The catalogue entry for this article, if it is catalogued."""
        entry = CATALOGUE.get(self.label) or CATALOGUE.get(self.base.label)
        if entry is None and "-" in self.article:  # "CC 272-2" read as article "272-2"
            head, _, tail = self.article.partition("-")
            parent = CATALOGUE.get(f"{self.code.value} {head}")
            if parent is not None and tail in parent.parts:
                return parent
        return entry

    @property
    def title(self) -> str | None:
        """Short title of the article (or of the part, when the catalogue has one)."""
        entry = self.info
        if entry is None:
            return None
        part = self.part or (self.article.partition("-")[2] if "-" in self.article else None)
        return entry.parts.get(part, entry.title) if part else entry.title

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, text: str) -> Provision:
        """Parse ``CC 274``, ``CAO 456-2``, ``cc274``, ``CC 174(2)``, ``CC 174 part 2``,
        ``Criminal Code article 274``."""
        match = _PARSE.match(text.translate(_DASHES))
        if not match:
            raise InvalidValueError(
                f"{text!r} is not a provision; write for example 'CC 274' or 'CAO 456-2'"
            )
        code_text = match["code"].lower()
        code = (
            LegalCode.CRIMINAL if code_text.startswith(("cc", "crim")) else LegalCode.ADMINISTRATIVE
        )
        article = re.sub(r"\s+", "", match["article"])
        return cls(code, article, match["paren"] or match["part"])


#: Kazakhstan: Criminal Code (2014) and Code of Administrative Offences (2014).
CATALOGUE: Mapping[str, ProvisionInfo] = MappingProxyType(
    {
        "CC 24": ProvisionInfo("preparation for and attempt at a crime"),
        "CC 99": ProvisionInfo("murder"),
        "CC 106": ProvisionInfo("intentional infliction of grievous bodily harm"),
        "CC 130": ProvisionInfo(
            "defamation", note="decriminalised in 2020; now an administrative offence"
        ),
        "CC 131": ProvisionInfo(
            "insult", note="decriminalised in 2020; now an administrative offence"
        ),
        "CC 146": ProvisionInfo("torture"),
        "CC 174": ProvisionInfo(
            "inciting social, national, clan, racial, class or religious discord",
        ),
        "CC 179": ProvisionInfo(
            "propaganda of or public calls for the seizure or retention of power"
        ),
        "CC 180": ProvisionInfo("separatist activity"),
        "CC 190": ProvisionInfo("fraud"),
        "CC 255": ProvisionInfo("act of terrorism"),
        "CC 256": ProvisionInfo(
            "propaganda of terrorism or public calls to commit an act of terrorism"
        ),
        "CC 258": ProvisionInfo("financing of terrorist or extremist activity"),
        "CC 272": ProvisionInfo(
            "mass riots",
            parts={
                "1": "organising mass riots",
                "2": "participation in mass riots",
                "3": "calls for mass riots or violence against citizens",
            },
        ),
        "CC 274": ProvisionInfo("dissemination of knowingly false information"),
        "CC 293": ProvisionInfo("hooliganism"),
        "CC 361": ProvisionInfo("abuse of official powers"),
        "CC 362": ProvisionInfo("exceeding authority or official powers"),
        "CC 370": ProvisionInfo("inaction in office"),
        "CC 378": ProvisionInfo("insulting a representative of authority"),
        "CC 380": ProvisionInfo("use of violence against a representative of authority"),
        "CC 400": ProvisionInfo(
            "violation of the procedure for organising or holding peaceful assemblies"
        ),
        "CC 405": ProvisionInfo(
            "organisation of or participation in the activities of an organisation banned "
            "for extremism or terrorism"
        ),
        "CC 428": ProvisionInfo(
            "disobeying the lawful demands of a penal institution's administration"
        ),
        "CC 451": ProvisionInfo("abuse of power (military offence)"),
        "CAO 434": ProvisionInfo("petty hooliganism"),
        "CAO 488": ProvisionInfo(
            "violation of the law on the procedure for organising peaceful assemblies"
        ),
        "CAO 489": ProvisionInfo(
            "violation of the law on public associations, including leading or taking part in "
            "an unregistered association"
        ),
        "CAO 490": ProvisionInfo(
            "violation of the law on religious activity and religious associations"
        ),
        "CAO 667": ProvisionInfo("disobedience to a lawful order or demand of a police officer"),
    }
)

#: Offence wordings (lower case, as reports write them) -> catalogue key. Wordings that
#: exist both as a crime and as an administrative offence map to the criminal key; the
#: extractor switches to :data:`ADMINISTRATIVE_COUNTERPART` when the sentence is about
#: fines or days of detention.
NAMED_OFFENCES: Mapping[str, str] = MappingProxyType(
    {
        "knowingly spreading false information": "CC 274",
        "spreading knowingly false information": "CC 274",
        "disseminating knowingly false information": "CC 274",
        "dissemination of knowingly false information": "CC 274",
        "spreading false information": "CC 274",
        "organising mass riots": "CC 272",
        "organisation of mass riots": "CC 272",
        "participation in mass riots": "CC 272",
        "participating in mass riots": "CC 272",
        "organising riots": "CC 272",
        "participating in riots": "CC 272",
        "involvement in a banned extremist organisation": "CC 405",
        "participation in a banned extremist organisation": "CC 405",
        "participation in the activities of a banned extremist organisation": "CC 405",
        "financing of extremist activities": "CC 258",
        "financing extremism": "CC 258",
        "financing terrorism": "CC 258",
        "inciting social discord": "CC 174",
        "inciting national hatred": "CC 174",
        "inciting religious hatred": "CC 174",
        "incitement to social discord": "CC 174",
        "public calls for the seizure of power": "CC 179",
        "calling for the seizure of power": "CC 179",
        "separatism": "CC 180",
        "violating the procedure for organising peaceful assemblies": "CC 400",
        "violating the rules for organising an assembly": "CC 400",
        "violating the rules for holding assemblies": "CAO 488",
        "violating the law on peaceful assemblies": "CAO 488",
        "insulting a government official": "CC 378",
        "insulting a representative of the authorities": "CC 378",
        "using violence against a police officer": "CC 380",
        "using violence against a representative of the authorities": "CC 380",
        "fraud": "CC 190",
        "defamation": "CC 130",
        "hooliganism": "CC 293",
        "petty hooliganism": "CAO 434",
        "disobeying police orders": "CAO 667",
        "disobedience to police": "CAO 667",
        "participating in an unregistered organisation": "CAO 489",
    }
)

#: Offences that exist in both codes: criminal key -> administrative key.
ADMINISTRATIVE_COUNTERPART: Mapping[str, str] = MappingProxyType(
    {"CC 400": "CAO 488", "CC 293": "CAO 434", "CAO 488": "CAO 488"}
)
CRIMINAL_COUNTERPART: Mapping[str, str] = MappingProxyType(
    {"CAO 488": "CC 400", "CAO 434": "CC 293"}
)

#: How reports name a country or its people -> ISO 3166-1 alpha-2 code.
JURISDICTIONS: Mapping[str, str] = MappingProxyType(
    {
        "kazakhstan": "KZ", "kazakh": "KZ", "kazakhstani": "KZ", "rk": "KZ",
        "kyrgyzstan": "KG", "kyrgyz": "KG", "kyrgyz republic": "KG", "kr": "KG",
        "tajikistan": "TJ", "tajik": "TJ",
        "uzbekistan": "UZ", "uzbek": "UZ",
        "turkmenistan": "TM", "turkmen": "TM",
        "belarus": "BY", "belarusian": "BY", "belarussian": "BY", "byelorussian": "BY",
        "rb": "BY",
        "russia": "RU", "russian": "RU", "russian federation": "RU", "rf": "RU",
        "azerbaijan": "AZ", "azerbaijani": "AZ", "azeri": "AZ",
        "armenia": "AM", "armenian": "AM",
        "georgia": "GE", "georgian": "GE",
        "ukraine": "UA", "ukrainian": "UA",
        "moldova": "MD", "moldovan": "MD",
    }
)  # fmt: skip


def jurisdiction_of(name: str) -> str | None:
    """ISO code for a country name, adjective or possessive ("Belarus's" -> "BY")."""
    key = re.sub(r"['’]s$", "", " ".join(name.lower().split()))
    key = re.sub(r"^(?:the\s+)?(?:republic\s+of\s+)?", "", key)
    return JURISDICTIONS.get(key)


def named_offence(wording: str) -> str | None:
    """Catalogue key for an offence wording (case, quotes and spacing ignored)."""
    key = " ".join(re.sub(r"[‘’“”\"'«»]", "", wording).lower().split())
    return NAMED_OFFENCES.get(key)
