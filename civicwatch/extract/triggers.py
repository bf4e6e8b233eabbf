"""Event triggers: the words by which reports say that something happened ("detained",
"charges were reclassified", "appeal was rejected", "website blocked", ...).

``find_triggers(text)`` returns :class:`Trigger` s, one per phrase, typed with
:class:`~civicwatch.core.vocab.EventType`. It is lexical: "called for his release" is not
a release, but "should be released" is left to the event assembler, which sees the
sentence and the participants. ``FREEDOMS`` and :func:`freedoms_for` say which freedoms an
event touches (association, peaceful assembly, expression).

The lexicon is compiled by :func:`compile_lexicon`, also used by the other finders: its
branches are grouped by first letter and matched on lower-cased text, so the regex engine
tests one letter per word start instead of every branch (about 1 MB of text in 0.1 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from civicwatch.core.vocab import EventType, Freedom

__all__ = ["FREEDOMS", "Trigger", "compile_lexicon", "find_triggers", "freedoms_for", "lower"]

_ASCII_LOWER = {code: code + 32 for code in range(65, 91)}


def lower(text: str) -> str:
    """Lower-cased text with the same length (offsets stay valid)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def _expand(branch: str) -> list[str]:
    """``"(?:a|b)?c"`` -> ``["ac", "bc", "c"]``: a leading group becomes one branch per
    alternative, so that every branch starts with a literal."""
    if not branch.startswith("(?:"):
        return [branch]
    depth, cut, parts, i = 0, 3, [], 0
    while i < len(branch):
        char = branch[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = branch.index("]", i + 2)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                break
        elif char == "|" and depth == 1:
            parts.append(branch[cut:i])
            cut = i + 1
        i += 1
    parts.append(branch[cut:i])
    rest = branch[i + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    if rest[:1] in ("*", "+", "{"):
        raise ValueError(f"cannot expand a repeated leading group: {branch!r}")
    expanded = [item for part in parts for item in _expand(part + rest)]
    return expanded + (_expand(rest) if optional else [])


def compile_lexicon(
    entries: Iterable[tuple[str, Sequence[str]]],
) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for many ``(key, branches)`` of lower-case regexes. Branches are grouped by
    their first letter (a leading ``(?:a|b)`` group is expanded), so the engine tests one
    letter per word start. Returns the regex (for lower-cased text; matches start at a word
    boundary and end at one) and a map from ``match.lastgroup`` to the key. Earlier branches
    win ties."""
    by_first: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    for key, branches in entries:
        for branch in (item for raw in branches for item in _expand(raw)):
            first = re.match(r"\\d(?:[+*]|\{\d+(?:,\d*)?\})?|[a-z0-9](?![?*+{])", branch)
            head = first.group() if first else ""
            if not head:
                raise ValueError(f"lexicon branch must start with a literal: {branch!r}")
            name = f"g{len(keys)}"
            keys[name] = key
            # the marker group closes the branch: alternatives still start with a literal,
            # which the engine tests without entering them
            by_first.setdefault(head, []).append(f"{branch[len(head) :]}(?P<{name}>)")
    body = "|".join(f"{head}(?:{'|'.join(alts)})" for head, alts in by_first.items())
    return re.compile(rf"\b(?:{body})(?![a-z0-9])"), keys


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    type: EventType


# -- the lexicon -------------------------------------------------------------------------

_BE = r"(?:was|were|is|are|been|being|be|has\s+been|had\s+been|have\s+been)\s+"
_ADV = r"(?:[a-z]+ly\s+|also\s+|later\s+|then\s+|all\s+|again\s+){0,2}"
_POSS = r"(?:his|her|their|its|the|a|an)\s+"
_VERDICT = r"(?:verdict|sentence|conviction|ruling|decision|judgment|judgement|sentences)"
_KIN = (
    r"(?:relatives|family(?:\s+members)?|parents|mother|father|wife|husband|son|sons|daughter|"
    r"daughters|children|brother|brothers|sister|sisters|spouse|family\s+member)"
)
_ASSEMBLY = (
    r"(?:rall(?:y|ies)|protests?|marche?s?|pickets?|demonstrations?|gatherings?|"
    r"assembl(?:y|ies)|meetings?)"
)
_ORG = (
    r"(?:organi[sz]ations?|movements?|part(?:y|ies)|groups?|ngos?|associations?|foundations?|"
    r"outlets?|unions?)"
)

# Specific patterns come before general ones that start with the same letter.
_LEXICON: tuple[tuple[EventType, tuple[str, ...]], ...] = (
    (
        EventType.POSTHUMOUS_CONVICTION,
        (r"posthumous(?:ly)?\s+(?:convict\w*|sentenc\w*|tried|trial)",),
    ),
    (
        EventType.DEATH_IN_CUSTODY,
        (
            r"died\s+(?:\w+\s+)?in\s+(?:police\s+)?(?:custody|detention|prison|jail|(?:a|the)\s+(?:penal\s+)?colony|pre-?trial\s+detention|(?:his|her)\s+cell)",
            r"deaths?\s+in\s+(?:police\s+)?(?:custody|detention|prison)",
            r"found\s+dead\s+in\s+(?:\w+\s+)?(?:cell|custody|detention|prison|colony)",
        ),
    ),
    (
        EventType.PREVENTIVE_DETENTION,
        (
            r"pre(?:ventive(?:ly)?|[- ]?emptive(?:ly)?)[’']*\s*[‘’\"']*\s*"
            r"(?:detained|detentions?|arrest(?:s|ed)?)",
            r"prevent(?:ed|ing)\s+(?:\w+\s+){0,3}?from\s+(?:gathering|protesting|attending|"
            r"leaving\s+(?:their|his|her)\s+homes?|going\s+anywhere|taking\s+part)",
        ),
    ),
    (
        EventType.DETENTION_EXTENDED,
        (
            r"(?:pre-?trial\s+)?detention\s+(?:period\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:extended|prolonged)",
            r"extend(?:ed|ing)\s+(?:his|her|their|the)\s+(?:pre-?trial\s+)?(?:detention|arrest|custody)",
            r"extension\s+of\s+(?:his\s+|her\s+|their\s+|the\s+)?(?:pre-?trial\s+)?(?:detention|arrest|custody)",
        ),
    ),
    (
        EventType.PRETRIAL_DETENTION,
        (
            r"pre-?\s?trial\s+detention",
            r"remanded(?:\s+in\s+custody)?",
            r"placed\s+in\s+(?:custody|detention)",
            r"held\s+in\s+(?:custody|detention)\s+since",
            r"investigative\s+(?:detention|isolation)",
            r"sizo\b",
        ),
    ),
    (EventType.HOUSE_ARREST, (r"house\s+arrest", r"home\s+confinement")),
    (
        EventType.ADMINISTRATIVE_DETENTION,
        (
            r"administrative\s+(?:arrest|detention)",
            r"locked\s+up\s+for\s+\w+\s+days",
            r"jailed\s+for\s+\w+\s+days",
            r"sentenced\s+to\s+\w+\s+days",
            r"(?:\d+|five|seven|ten|twelve|thirteen|fourteen|fifteen|twenty|thirty)"
            r"[- ]days?['’]?\s+"
            r"(?:of\s+)?(?:administrative\s+)?(?:detention|arrest|jail)",
        ),
    ),
    (
        EventType.TRAVEL_RESTRICTION,
        (
            r"travel\s+bans?",
            r"exit\s+bans?",
            r"entry\s+bans?",
            r"(?:banned|prohibited|barred|forbidden|stopped|prevented)\s+from\s+(?:leaving|travel+ing|exiting|entering)",
            r"(?:order|undertaking|obligation|pledge)\s+not\s+to\s+leave",
            r"not\s+(?:allowed|permitted)\s+to\s+leave",
            r"denied\s+(?:entry|exit)",
            r"confiscated\s+(?:his|her|their)\s+passports?",
        ),
    ),
    (
        EventType.ACTIVITY_BAN,
        (
            r"ban\s+on\s+(?:engaging\s+in\s+|carrying\s+out\s+)?(?:public|political|journalistic|social|civic|professional|media|religious)",
            r"banned\s+(?:\w+\s+)?from\s+(?:engaging|practi[sc]ing|working|journalism|holding|running|occupying|public|political|publishing)",
            r"barred\s+(?:\w+\s+)?from\s+(?:engaging|practi[sc]ing|working|journalism|holding|running|occupying|public|political)",
            r"deprived\s+of\s+the\s+right\s+to\s+(?:engage|practi[sc]e|work|hold|occupy)",
        ),
    ),
    (
        EventType.SUMMONS,
        (
            r"summon(?:ed|s|ing)?\b",
            r"called\s+in\s+for\s+(?:questioning|interrogation)",
            r"interrogat(?:ed|ion)",
            r"questioned\s+(?:by|at)\s+(?:the\s+)?(?:police|investigators?|security)",
        ),
    ),
    (
        EventType.SEARCH,
        (
            r"searched(?!\s+for)",
            r"raided",
            r"raids?\s+(?:on|of)",
            r"search(?:es)?\s+(?:of|at|in)\s+(?:his|her|their|the)\s+(?:homes?|apartments?|flats?|offices?|premises|houses?)",
            r"house\s+search",
            r"seized\s+(?:his|her|their)\s+(?:phones?|laptops?|computers?|equipment)",
        ),
    ),
    (
        EventType.CHARGE_RECLASSIFIED,
        (
            r"reclassif(?:ied|ying|ication)",
            r"re-?qualif(?:ied|ication)",
            r"charges?\s+(?:was\s+|were\s+|had\s+been\s+)?(?:changed|upgraded|downgraded|requalified)",
        ),
    ),
    (
        EventType.CHARGE_DROPPED,
        (
            rf"charges?\s+(?:against\s+\w+(?:\s+\w+)?\s+)?{_BE}{_ADV}(?:dropped|withdrawn|lifted)",
            r"dropped\s+(?:the|all)\s+(?:\w+\s+)?charges",
            r"drop\s+(?:the|all)\s+(?:\w+\s+)?charges",
        ),
    ),
    (
        EventType.CHARGE,
        (
            r"charged\s+(?:with|under|for)",
            r"charges?\s+(?:of|against|under|were\s+brought|brought)",
            r"indicted",
            r"prosecuted",
            r"named\s+as\s+(?:a\s+)?suspect",
            r"(?:criminal\s+)?(?:case|proceedings)\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:opened|initiated|launched|instituted|brought)",
            r"(?:opened|initiated|launched|instituted)\s+(?:a\s+)?criminal\s+(?:case|proceedings|investigation)",
            r"re-?initiated\s+(?:the\s+)?charges",
            r"brought\s+charges",
            r"pressed\s+charges",
        ),
    ),
    (
        EventType.TRIAL_CLOSED_TO_PUBLIC,
        (
            r"behind\s+closed\s+doors",
            r"closed\s+(?:trial|hearings?|sessions?|court)",
            r"closed\s+to\s+(?:the\s+)?(?:public|media|press|journalists|observers|diplomats)",
            r"in\s+camera\b",
        ),
    ),
    (
        EventType.TRIAL_OPENED,
        (
            r"trial\s+(?:\w+\s+){0,3}?(?:began|begun|begins|started|opened|commenced|got\s+under\s+way|started)",
            r"went\s+on\s+trial",
            r"goes\s+on\s+trial",
            r"stood\s+trial",
            r"(?:case|indictment)\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?(?:sent|handed\s+over|referred|transferred|submitted)\s+to\s+(?:the\s+)?court",
            r"first\s+(?:court\s+)?hearing",
        ),
    ),
    (
        EventType.APPEAL_GRANTED,
        (
            rf"appeal\s+{_BE}{_ADV}(?:granted|upheld|satisfied|successful)",
            r"overturn(?:ed|ing)",
            r"quash(?:ed|ing)",
            r"annull?(?:ed|ing)",
            rf"{_VERDICT}\s+{_BE}{_ADV}(?:set\s+aside|reversed|reduced|commuted)",
            r"sent\s+(?:the\s+case\s+)?back\s+for\s+(?:a\s+)?retrial",
        ),
    ),
    (
        EventType.APPEAL_REJECTED,
        (
            rf"appeals?\s+{_BE}{_ADV}(?:rejected|dismissed|denied|turned\s+down|refused)",
            rf"(?:rejected|dismissed|denied|turned\s+down)\s+{_POSS}(?:\w+\s+)?appeals?",
            rf"upheld\s+{_POSS}(?:\w+\s+)?{_VERDICT}",
            r"upheld\s+on\s+appeal",
            r"upheld\s+unchanged",
            rf"{_VERDICT}\s+{_BE}{_ADV}upheld",
            r"left\s+(?:the\s+)?(?:verdict|sentence|ruling)\s+unchanged",
            r"(?:was|were|been)\s+upheld\s+by\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?court",
        ),
    ),
    (EventType.CASSATION, (r"cassation",)),
    (
        EventType.APPEAL_FILED,
        (
            r"appealed",
            r"(?:filed|lodged|submitted)\s+(?:an?\s+)?appeals?",
            rf"{_POSS}appeals?\s+(?:against|hearing)",
            r"appeal\s+hearing",
        ),
    ),
    (
        EventType.ACQUITTAL,
        (
            r"acquitt(?:ed|al)",
            r"found\s+not\s+guilty",
            r"cleared\s+of\s+(?:all\s+)?(?:the\s+)?charges",
        ),
    ),
    (
        EventType.CONVICTION,
        (
            r"convicted",
            r"conviction",
            r"found\s+(?:\w+\s+){0,2}?guilty",
            r"guilty\s+verdict",
        ),
    ),
    (
        EventType.SENTENCE,
        (
            r"sentenced",
            r"(?:handed|given|received|gave)\s+(?:\w+\s+){0,3}?sentences?",
            r"(?:prison|jail|suspended|restricted\s+freedom)\s+(?:sentences?|terms?)",
            r"jailed\s+for",
            r"imprisoned\s+for",
        ),
    ),
    (EventType.PAROLE, (r"parole", r"(?:conditional\s+)?early\s+release")),
    (EventType.AMNESTY, (r"amnest(?:y|ies|ied)", r"pardon(?:ed|s)?\b")),
    (
        EventType.RELEASE,
        (
            r"released(?!\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+)?(?:statement|report|video|footage|data|list|information|figures|album|song|film|book))",
            r"freed",
            r"set\s+free",
            r"walked\s+free",
            r"left\s+(?:prison|the\s+colony|custody)",
        ),
    ),
    (
        EventType.CASE_CLOSED,
        (
            rf"(?:criminal\s+)?(?:case|investigations?|proceedings)\s+(?:against\s+\w+(?:\s+\w+)?\s+)?{_BE}{_ADV}(?:closed|terminated|discontinued|dismissed|dropped|suspended)",
            r"(?:closed|terminated|discontinued|dropped)\s+the\s+(?:criminal\s+)?(?:case|investigation|proceedings)",
            r"decision\s+to\s+close\s+the\s+(?:criminal\s+)?case",
        ),
    ),
    (
        EventType.ADMINISTRATIVE_FINE,
        (
            r"fined",
            r"(?:a|an|administrative|heavy|hefty|large)\s+fines?\b",
            r"fines?\s+(?:of|ranging|totall?ing|amounting)",
        ),
    ),
    (
        EventType.EXTRADITION_REQUEST,
        (
            r"extradit(?:ed|ion|e)",
            r"deport(?:ed|ation)",
            r"forcibly\s+returned",
            r"interpol",
            r"(?:international\s+)?wanted\s+list",
        ),
    ),
    (EventType.ASYLUM_DECISION, (r"asylum", r"refugee\s+status")),
    (
        EventType.KILLING,
        (
            r"killed",
            r"killings?",
            r"murder(?:ed|s)?\b",
            r"shot\s+dead",
            r"shot\s+and\s+killed",
            r"lost\s+(?:his|her|their)\s+li(?:fe|ves)",
            r"died\s+(?:of|from)\s+(?:gunshot|bullet|stab)",
        ),
    ),
    (EventType.TORTURE_ALLEGATION, (r"tortur(?:ed|e|ing)",)),
    (
        EventType.ILL_TREATMENT,
        (
            r"ill-?\s?treat(?:ed|ment)",
            r"mistreat(?:ed|ment)",
            r"inhuman(?:e)?\s+(?:or\s+degrading\s+)?treatment",
            r"degrading\s+treatment",
            r"denied\s+(?:adequate\s+)?medical\s+(?:care|treatment|assistance|help)",
        ),
    ),
    (
        EventType.HUNGER_STRIKE,
        (
            r"hunger[- ]strik(?:e|es|ing)",
            r"sew(?:ed|n)\s+(?:his|her)\s+(?:mouth|lips)",
            r"self-?harm\w*",
            r"dry\s+hunger",
        ),
    ),
    (
        EventType.CYBERATTACK,
        (
            r"hack(?:ed|ing|er|ers)?\b",
            r"cyber-?\s?attacks?",
            r"ddos",
            r"denial-of-service",
            r"denial\s+of\s+service",
            r"attacks?\s+on\s+(?:its|the|their|her|his)\s+(?:\w+\s+)?(?:website|site|server|accounts?)",
            r"(?:accounts?|channel|website)\s+(?:was\s+|were\s+)?(?:compromised|taken\s+over)",
        ),
    ),
    (
        EventType.DOXXING,
        (
            r"dox(?:x)?(?:ed|ing)",
            r"personal\s+(?:data|information|details)[^.;]{0,80}?(?:posted|published|leaked|disclosed|spread|shared)",
            r"(?:posted|published|leaked|disclosed|shared)\s+(?:\w+\s+){0,3}?(?:home\s+address|personal\s+(?:data|information|details))",
        ),
    ),
    (
        EventType.PROPERTY_ATTACK,
        (
            r"set\s+(?:on\s+)?fire",
            r"set\s+alight",
            r"torched",
            r"arson",
            r"vandali[sz](?:ed|ing|m)",
            r"smashed\s+(?:the\s+)?windows?",
            r"slash(?:ed)?\s+(?:the\s+)?tyres",
            r"blown\s+up",
            r"blew\s+up",
            r"damaged\s+(?:his|her|their|the)\s+(?:car|office|home|house|apartment|property)",
            r"burn(?:ed|t)\s+(?:down\s+)?(?:his|her|their|the)\s+(?:car|office|home|house)",
        ),
    ),
    (
        EventType.PRESSURE_ON_RELATIVES,
        (
            rf"pressur(?:e|ing|ed)\s+(?:on\s+)?(?:his|her|their)\s+{_KIN}",
            rf"(?:intimidat|harass|threaten)\w*\s+(?:his|her|their)\s+{_KIN}",
            rf"{_KIN}\s+(?:of\s+\w+(?:\s+\w+)?\s+)?(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:pressured|threatened|summoned|harassed|intimidated|questioned|interrogated|detained|visited)",
        ),
    ),
    (
        EventType.PHYSICAL_ATTACK,
        (
            r"attacked",
            r"assault(?:ed)?",
            r"beat(?:en|ing)?\b",
            r"punched",
            r"kicked",
            r"stabbed",
            r"physical(?:ly)?\s+(?:attack|assault|abuse)",
            r"hit\s+(?:him|her|them)\b",
        ),
    ),
    (
        EventType.THREAT,
        (
            r"threat(?:s|ened|ening)?\b",
            r"death\s+threats?",
            r"bomb\s+threats?",
            r"tombstone",
            r"pig['’]s\s+head",
        ),
    ),
    (
        EventType.HARASSMENT,
        (
            r"harass(?:ed|ment|ing)",
            r"intimidat(?:ed|ion|ing)",
            r"surveillance",
            r"followed\s+by",
            r"smear\s+campaign",
            r"persecut(?:ed|ion)",
            r"pressur(?:e|ed)\s+(?:on|to)",
            r"(?:fired|dismissed)\s+from\s+(?:his|her|their)\s+(?:job|work|post)",
        ),
    ),
    (
        EventType.ASSEMBLY_BANNED,
        (
            r"refused\s+(?:to\s+(?:give|grant|issue)\s+)?permission",
            r"denied\s+permission",
            r"denying\s+permission",
            r"refused\s+to\s+(?:approve|authori[sz]e|sanction|allow|agree)",
            rf"{_ASSEMBLY}\s+(?:was\s+|were\s+|had\s+been\s+)?(?:banned|prohibited|not\s+(?:sanctioned|approved|authori[sz]ed|allowed))",
            rf"ban(?:ned)?\s+(?:on\s+)?(?:all\s+)?{_ASSEMBLY}",
            r"(?:rejected|refused)\s+(?:an?|the|their)\s+(?:application|request|notification)\s+to\s+hold",
        ),
    ),
    (
        EventType.ASSEMBLY_DISPERSED,
        (
            r"dispers(?:ed|al|ing|e)",
            r"broke\s+up",
            r"break\s+up",
            r"tear\s+gas",
            r"stun\s+grenades?",
            r"rubber\s+bullets",
            r"water\s+cannons?",
            r"(?:forcefully|violently|brutally)\s+(?:put\s+down|suppressed|crushed)",
        ),
    ),
    (
        EventType.REGISTRATION_DENIED,
        (
            r"refus(?:ed|al)\s+(?:of\s+)?(?:state\s+)?registration",
            r"denied\s+(?:state\s+)?registration",
            r"registration\s+(?:was\s+|had\s+been\s+)?(?:refused|denied|rejected|revoked|annulled|suspended)",
            r"refused\s+to\s+register",
            r"de-?registered",
            r"stripped\s+of\s+(?:its\s+|their\s+)?registration",
            r"(?:application|documents?)\s+(?:\w+\s+){0,2}?(?:was|were|had\s+been)\s+(?:repeatedly\s+)?returned",
            r"returned\s+(?:the|its|their)\s+(?:\w+\s+)?(?:application|documents?)",
        ),
    ),
    (
        EventType.ORGANISATION_BANNED,
        (
            r"(?:declared|designated|recogni[sz]ed|labell?ed|listed)\s+(?:as\s+)?(?:an?\s+)?[‘’\"']*(?:extremist|terrorist|undesirable)",
            r"liquidat(?:ed|ion)",
            r"forcibly\s+(?:closed|dissolved)",
            r"ordered\s+(?:\w+\s+)?(?:closure|dissolution)",
            rf"{_ORG}\s+(?:that\s+)?(?:has\s+been|had\s+been|was|were)\s+banned",
            rf"banned\s+(?:the\s+)?(?:\w+\s+)?{_ORG}",
        ),
    ),
    (
        EventType.LISTED_AS_FOREIGN_FUNDED,
        (
            r"foreign\s+agents?",
            r"foreign[- ]funded",
            r"(?:receiving|received|receive)\s+foreign\s+(?:funding|funds|money|financing)",
            r"foreign\s+(?:funding|financing)\s+(?:list|register|registry)",
        ),
    ),
    (
        EventType.ACCREDITATION_DENIED,
        (
            r"(?:denied|refused|stripped\s+of|revoked|withdrew|withdrawn|deprived\s+of|denying|lost)\s+(?:\w+\s+)?accreditation",
            r"accreditation\s+(?:was\s+|had\s+been\s+)?(?:denied|refused|revoked|withdrawn|suspended)",
        ),
    ),
    (
        EventType.WEBSITE_BLOCKED,
        (
            r"(?:website|site|page|channel|outlet|resources?|platform|app|access|internet|portal|account)s?\s+(?:\w+\s+){0,2}?(?:was|were|has\s+been|had\s+been|have\s+been|being)\s+(?:\w+\s+)?(?:blocked|restricted|throttled)",
            r"block(?:ed|ing)\s+(?:access\s+to|the\s+website|websites|the\s+site|internet|mobile\s+internet)",
            r"internet\s+(?:shutdowns?|blackouts?)",
            r"shut\s+down\s+(?:the\s+)?(?:mobile\s+)?internet",
        ),
    ),
    (
        EventType.MEDIA_LAW,
        (
            r"media\s+law",
            r"law\s+on\s+(?:the\s+)?(?:mass\s+)?media",
            r"(?:law|bill|amendments?)\s+(?:on|regulating)\s+(?:the\s+)?(?:media|journalis\w+|online\s+platforms|the\s+internet)",
            r"registry\s+of\s+(?:accredited\s+)?journalists",
        ),
    ),
    (
        EventType.LEGISLATION,
        (
            r"law\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:adopted|passed|signed|enacted|approved|came\s+into\s+force)",
            r"(?:adopted|passed|signed|enacted|approved)\s+(?:a|an|the|new)\s+(?:\w+\s+){0,3}?(?:law|bill|amendments?|legislation)",
            r"draft\s+law",
            r"bill\s+(?:on|to)",
            r"amendments\s+to\s+the",
            r"new\s+legislation",
            r"constitutional\s+(?:amendments|reform|referendum)",
        ),
    ),
    (
        EventType.ELECTION,
        (r"elections?", r"election\s+day", r"referendum", r"re-?elected", r"polling", r"ballots?"),
    ),
    (EventType.ARREST, (r"arrest(?:ed|s)?\b", r"taken\s+into\s+custody")),
    (
        EventType.DETENTION,
        (
            r"detain(?:ed|ing)?\b",
            r"apprehended",
            r"rounded\s+up",
            r"taken\s+to\s+(?:a|the)\s+(?:local\s+)?police\s+(?:station|department)",
            r"(?:police|brief|short-term)\s+detentions?",
        ),
    ),
)

_TRIGGERS, _TRIGGER_KEYS = compile_lexicon(
    (event_type.value, branches) for event_type, branches in _LEXICON
)


def find_triggers(text: str) -> list[Trigger]:
    """Event trigger phrases in ``text``, in order of position (never overlapping)."""
    low = lower(text)
    return [
        Trigger(match.start(), match.end(), EventType(_TRIGGER_KEYS[match.lastgroup or ""]))
        for match in _TRIGGERS.finditer(low)
    ]


# -- freedoms ----------------------------------------------------------------------------

_A, _P, _E = Freedom.ASSOCIATION, Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION
FREEDOMS: Mapping[EventType, tuple[Freedom, ...]] = MappingProxyType(
    {
        EventType.ASSEMBLY_BANNED: (_P,),
        EventType.ASSEMBLY_DISPERSED: (_P,),
        EventType.PREVENTIVE_DETENTION: (_P,),
        EventType.REGISTRATION_DENIED: (_A,),
        EventType.ORGANISATION_BANNED: (_A,),
        EventType.LISTED_AS_FOREIGN_FUNDED: (_A,),
        EventType.ACCREDITATION_DENIED: (_E,),
        EventType.WEBSITE_BLOCKED: (_E,),
        EventType.MEDIA_LAW: (_E,),
        EventType.CYBERATTACK: (_E,),
        EventType.DOXXING: (_E,),
    }
)
_CONTEXT, _CONTEXT_KEYS = compile_lexicon(
    [
        ("peaceful_assembly", (
            r"protest\w*", r"rall(?:y|ies)", r"demonstrat\w+", r"picket\w*", r"march(?:es|ed)?\b",
            r"gathering\w*", r"assembl(?:y|ies)", r"unsanctioned", r"sit-in",
            r"strik(?:e|es|ers)\b",
        )),
        ("expression", (
            r"journalis\w+", r"media\b", r"reporter\w*", r"editor\w*", r"blog\w*", r"online",
            r"posts?\b", r"posted", r"posting", r"social\s+media", r"facebook", r"instagram",
            r"telegram", r"youtube", r"tiktok", r"twitter", r"video\w*", r"publication\w*",
            r"published", r"false\s+information", r"speech", r"criticis\w+", r"critical",
            r"interview\w*", r"website\w*", r"outlet\w*", r"news\w*", r"poem\w*", r"songs?\b",
            r"art\s+performance", r"statement\w*", r"slogans?\b", r"insult\w*", r"defam\w+",
        )),
        ("association", (
            r"part(?:y|ies)\b", r"ngos?\b", r"organi[sz]ations?", r"movements?\b", r"associations?",
            r"registration", r"registered", r"unregistered", r"trade\s+unions?", r"unions?\b",
            r"foundations?", r"members?\b", r"membership", r"civil\s+society\s+groups?",
        )),
    ]
)  # fmt: skip
_ORDER = (_A, _P, _E)


def freedoms_for(event_type: EventType, text: str) -> tuple[Freedom, ...]:
    """The freedoms an event of ``event_type`` touches, given the sentence ``text``: the
    type's own (``FREEDOMS``), else those the words of the sentence point to (a protest ->
    peaceful assembly; a journalist, a post, the media -> expression; a party, an NGO,
    registration -> association)."""
    fixed = FREEDOMS.get(event_type)
    if fixed:
        return fixed
    found = {Freedom(_CONTEXT_KEYS[m.lastgroup or ""]) for m in _CONTEXT.finditer(lower(text))}
    return tuple(freedom for freedom in _ORDER if freedom in found)
