"""Word lists of :mod:`.outcomes`: currencies, the words that name a kind of penalty, and
the phrases that name a measure without an amount. Patterns are for lower-cased text."""

from __future__ import annotations

from civicwatch.core.vocab import PenaltyKind
from civicwatch.extract.triggers import compile_lexicon

__all__ = [
    "CURRENCY_CODES", "CUR_WORDS", "CUSTODY_PLACE", "HYPOTHETICAL", "KIND_KEYS", "KIND_WORDS",
    "PHRASES", "PHRASE_KEYS", "PHRASE_RE", "REALIS",
]  # fmt: skip

CUR_WORDS = (
    r"eur\b|euros?\b|usd\b|us\s+dollars?\b|dollars?\b|kzt\b|tenge\b|rub\b|(?:belarusian\s+)?"
    r"roubles?\b|rubles?\b|byn\b|mcis?\b|monthly\s+calculation\s+ind(?:ices|exes|ex)\b|"
    r"base\s+units?\b|basic\s+units?\b|kgs\b|soms?\b|azn\b|manats?\b|gel\b|lari\b|amd\b|"
    r"drams?\b|uzs\b|so['’]?ums?\b|sums?\b|tjs\b|somoni\b|uah\b|hryvni?as?\b|gbp\b|pounds\b"
)
CURRENCY_CODES = {
    "eur": "EUR", "euro": "EUR", "€": "EUR", "usd": "USD", "us dollar": "USD", "dollar": "USD",
    "$": "USD", "us$": "USD", "kzt": "KZT", "tenge": "KZT", "₸": "KZT", "byn": "BYN",
    "belarusian rouble": "BYN", "rub": "RUB", "rouble": "RUB", "ruble": "RUB", "₽": "RUB",
    "mci": "MCI", "base unit": "base units", "basic unit": "base units", "kgs": "KGS",
    "som": "KGS", "azn": "AZN", "manat": "AZN", "gel": "GEL", "lari": "GEL", "amd": "AMD",
    "dram": "AMD", "uzs": "UZS", "so'um": "UZS", "so’um": "UZS", "soum": "UZS", "sum": "UZS",
    "tjs": "TJS", "somoni": "TJS", "uah": "UAH", "hryvnia": "UAH", "hryvna": "UAH", "gbp": "GBP",
    "pound": "GBP", "£": "GBP",
}  # fmt: skip

# -- kind words -----------------------------------------------------------------------

KIND_WORDS, KIND_KEYS = compile_lexicon(
    [
        ("susp", (r"suspended", r"conditional(?:ly)?", r"probation(?:ary)?")),
        ("restr", (
            r"restrict(?:ed|ion\s+of|ing)\s+(?:\w+\s+)?(?:freedom|liberty)",
            r"limitation\s+of\s+(?:freedom|liberty)", r"restraint\s+of\s+liberty",
            r"freedom\s+restriction",
        )),
        ("house", (r"house\s+arrest", r"home\s+(?:arrest|confinement)")),
        ("pretrial", (
            r"pre-?\s?trial", r"remand\w*", r"custody", r"investigative\s+(?:detention|isolat\w+)",
            r"sizo", r"held\s+in\s+detention", r"in\s+detention\s+for",
            r"detention\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?extended",
            r"extended\s+(?:\w+\s+)?detention",
        )),
        ("custody_for", (r"(?:arrested|detained|held)\s+for",)),
        ("labour", (
            r"(?:public|community|compulsory|correctional|forced|obligatory|unpaid|socially\s+useful)"
            r"\s+(?:labou?r|works?|service)",
        )),
        ("ban", (
            r"ban(?:ned|s)?", r"prohibit\w*", r"barred", r"depriv(?:ed|ation)\s+of\s+the\s+right",
            r"disqualif\w+",
        )),
        ("postpone", (r"postpone\w*", r"defer(?:red|ral)")),
        ("supervision", (
            r"administrative\s+(?:supervision|surveillance)", r"under\s+police\s+supervision",
        )),
        ("prison", (
            r"prison\w*", r"jail\b", r"gaol", r"imprison\w*", r"incarcerat\w*", r"penal\s+colony",
            r"colony", r"behind\s+bars", r"deprivation\s+of\s+(?:liberty|freedom)",
            r"custodial(?<!non-custodial)(?<!non\scustodial)",
        )),
        ("admin", (
            r"administrative\s+(?:arrest|detention)", r"detention", r"arrest", r"locked\s+up",
            r"jailed",
        )),
        ("fine", (r"fine[ds]?", r"penalt(?:y|ies)", r"penali[sz]ed",
                  r"(?:ordered|obliged|required)\s+(?:[\w-]+\s+){0,4}?to\s+pay")),
        ("nonpenalty", (
            r"bail", r"bond", r"damages", r"compensation", r"salary", r"grants?", r"funding",
            r"budget", r"worth", r"costs?", r"bribes?", r"donat\w+", r"income", r"prize",
        )),
        ("sentence", (r"sentenced?", r"sentences")),
    ]
)  # fmt: skip
HYPOTHETICAL, _ = compile_lexicon(
    [("h", (
        r"fac(?:e|es|ed|ing)", r"risk(?:s|ed|ing)?", r"punishable", r"carr(?:y|ies|ying)",
        r"could", r"would", r"might", r"maximum", r"requested", r"demanded", r"sought",
        r"seek(?:s|ing)?", r"asked\s+for", r"propos\w+", r"if\s+convicted", r"threat\w*\s+with",
        r"threatened",
    ))]
)  # fmt: skip
REALIS, _ = compile_lexicon(
    [("r", (r"sentenced", r"given", r"handed", r"jailed", r"fined", r"received", r"imposed",
            r"ordered", r"placed", r"spent", r"served"))]
)  # fmt: skip

# -- measures named without an amount ------------------------------------------------

CUSTODY_PLACE = (
    r"(?:house\s+arrest|custody|detention|prison|jail|(?:an?|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:colony|prison|jail|detention\s+(?:cent(?:re|er)|facility)|sizo))"
)
# (kind, fixed amount, branches, check): "aux" needs "was/were ..." before the words,
# "fine" a determiner or verb before "fine(s)" or "of/ranging" after it.
PHRASES: tuple[tuple[PenaltyKind, str | None, tuple[str, ...], str | None], ...] = (
    (PenaltyKind.ACQUITTED, None, (
        r"acquitt(?:ed|al\s+verdict)", r"found\s+(?:\w+\s+){0,2}?not\s+guilty",
        r"cleared\s+of\s+(?:all\s+)?(?:the\s+)?charges",
    ), None),
    (PenaltyKind.RELEASED, None, (
        rf"(?:released|freed)\s+(?:\S+\s+){{0,3}}?from\s+{CUSTODY_PLACE}",
        rf"(?:walked|came)\s+out\s+of\s+{CUSTODY_PLACE}",
    ), "from"),
    (PenaltyKind.RELEASED, None, (r"released", r"freed", r"set\s+free"), "aux"),
    (PenaltyKind.RELEASED, None, (
        r"(?:ruled|decided|ordered|agreed)\s+to\s+(?:release|free)", r"walked\s+free",
        r"granted\s+(?:\w+\s+)?(?:parole|early\s+release|conditional\s+early\s+release)",
        r"paroled", r"pardoned", r"amnestied", r"left\s+(?:prison|the\s+colony)",
    ), None),
    (PenaltyKind.HOUSE_ARREST, None, (r"house\s+arrest", r"home\s+confinement"), None),
    (PenaltyKind.PRETRIAL_DETENTION, None, (
        r"pre-?\s?trial\s+detention", r"remanded", r"placed\s+in\s+(?:custody|detention)",
        r"(?:held|kept|remains?|remained|been)\s+in\s+(?:detention|custody)\s+since",
    ), None),
    (PenaltyKind.FINE, None, (r"fined",), None),
    (PenaltyKind.FINE, None, (r"fines?",), "fine"),
    (PenaltyKind.SUSPENDED, None, (
        r"suspended\s+(?:\w+\s+)?sentences?", r"conditional\s+sentences?", r"on\s+probation",
    ), None),
    (PenaltyKind.RESTRICTED_FREEDOM, None, (
        r"restricted\s+freedom", r"restriction\s+of\s+(?:freedom|liberty)",
        r"limitation\s+of\s+(?:freedom|liberty)",
    ), None),
    (PenaltyKind.PRISON, "life", (
        r"life\s+(?:imprisonment|sentence)", r"sentenced\s+to\s+life",
    ), None),
    (PenaltyKind.PRISON, None, (r"sentenced\s+to\s+(?:imprisonment|prison|jail)",), None),
    (PenaltyKind.PRISON, None, (r"jailed", r"imprisoned"), "aux"),
    (PenaltyKind.ADMIN_DETENTION, None, (r"administrative\s+(?:arrest|detention)",), None),
    (PenaltyKind.TRAVEL_BAN, None, (
        r"(?:travel|exit)\s+bans?",
        r"(?:banned|prohibited|barred|forbidden)\s+from\s+(?:leaving|travel+ing|exiting)",
        r"(?:order|undertaking|obligation|pledge)\s+not\s+to\s+leave\s+(?:\w+\s+){0,3}"
        r"(?:country|city|town|region|home|residence)",
    ), None),
    (PenaltyKind.TRAVEL_BAN, None, (
        r"must\s+not\s+leave\s+(?:the\s+)?[\w-]+",
        r"(?:ordered|obliged|required)\s+(?:\S+\s+){0,3}?not\s+to\s+leave\s+(?:the\s+)?[\w-]+",
    ), "leave"),
    (PenaltyKind.PUBLIC_LABOUR, None, (
        r"community\s+service", r"(?:public|compulsory|correctional)\s+(?:labou?r|works?)",
    ), None),
    (PenaltyKind.COMPULSORY_TREATMENT, "compulsory treatment", (
        r"(?:compulsory|forced|involuntary)\s+(?:psychiatric\s+)?(?:treatment|hospitali[sz]ation)",
        r"placed\s+in\s+a\s+psychiatric\s+(?:hospital|clinic|ward)",
    ), None),
    (PenaltyKind.OTHER, "posthumous conviction", (
        r"posthumous(?:ly)?\s+(?:convict\w*|conviction|sentenc\w*|tried|trial)",
    ), None),
    (PenaltyKind.OTHER, "case closed", (
        r"(?:closed|dropped|terminated|discontinued)\s+the\s+(?:criminal\s+)?case",
        r"decision\s+to\s+close\s+the\s+(?:criminal\s+)?case",
        r"(?:criminal\s+)?case\s+(?:against\s+\w+(?:\s+\w+)?\s+)?(?:was|had\s+been|has\s+been)\s+"
        r"(?:\w+ly\s+)?(?:closed|dropped|terminated|discontinued)",
    ), None),
    (PenaltyKind.OTHER, "charges dropped", (
        r"charges\s+(?:against\s+\w+(?:\s+\w+)?\s+)?(?:were|had\s+been|have\s+been)\s+"
        r"(?:\w+ly\s+)?(?:dropped|withdrawn)",
        r"dropped\s+(?:the|all)\s+(?:\w+\s+)?charges",
    ), None),
)  # fmt: skip
PHRASE_RE, PHRASE_KEYS = compile_lexicon(
    (str(index), entry[2]) for index, entry in enumerate(PHRASES)
)
