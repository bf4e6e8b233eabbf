"""Every vocabulary label, marked for translation in the context ``vocabulary`` so `make
messages` puts them in the catalogue (core/vocab.py cannot import Django). Generated: run
``python -m civicwatch.web.label_catalogue`` after changing a vocabulary;
tests/web/test_i18n.py fails when this list is out of date."""

from __future__ import annotations

import inspect
from pathlib import Path

from civicwatch.core import vocab


def pgettext(context: str, message: str) -> str:
    """Mark ``message`` for the catalogue in ``context`` and return it untranslated: Django
    has no ``pgettext_noop``, and ``makemessages`` reads every call of this name."""
    return message


def english_labels() -> list[str]:
    """Each distinct English label of every vocabulary, in definition order."""
    labels: list[str] = []
    for obj in vars(vocab).values():
        if inspect.isclass(obj) and issubclass(obj, vocab.Vocabulary):
            for member in obj:
                if member.english_label not in labels:
                    labels.append(member.english_label)
    return labels


MARKER = "# Generated below this line.\n"


def write() -> None:
    path = Path(__file__)
    head = path.read_text(encoding="utf-8").split(MARKER, 1)[0]
    lines = "".join(
        f"    pgettext({vocab.LABEL_CONTEXT!r}, {label!r}),\n" for label in english_labels()
    )
    path.write_text(f"{head}{MARKER}LABELS = (\n{lines})\n", encoding="utf-8")


if __name__ == "__main__":
    write()

# Generated below this line.
LABELS = (
    pgettext("vocabulary", "Detention"),
    pgettext("vocabulary", "Arrest"),
    pgettext("vocabulary", "Summons"),
    pgettext("vocabulary", "Search"),
    pgettext("vocabulary", "Charge"),
    pgettext("vocabulary", "Charge reclassified"),
    pgettext("vocabulary", "Charge dropped"),
    pgettext("vocabulary", "Pre-trial detention"),
    pgettext("vocabulary", "Detention extended"),
    pgettext("vocabulary", "House arrest"),
    pgettext("vocabulary", "Travel restriction"),
    pgettext("vocabulary", "Trial opened"),
    pgettext("vocabulary", "Trial closed to public"),
    pgettext("vocabulary", "Conviction"),
    pgettext("vocabulary", "Sentence"),
    pgettext("vocabulary", "Acquittal"),
    pgettext("vocabulary", "Appeal filed"),
    pgettext("vocabulary", "Appeal rejected"),
    pgettext("vocabulary", "Appeal granted"),
    pgettext("vocabulary", "Cassation"),
    pgettext("vocabulary", "Release"),
    pgettext("vocabulary", "Parole"),
    pgettext("vocabulary", "Amnesty"),
    pgettext("vocabulary", "Case closed"),
    pgettext("vocabulary", "Administrative fine"),
    pgettext("vocabulary", "Administrative detention"),
    pgettext("vocabulary", "Activity ban"),
    pgettext("vocabulary", "Extradition request"),
    pgettext("vocabulary", "Asylum decision"),
    pgettext("vocabulary", "Posthumous conviction"),
    pgettext("vocabulary", "Killing"),
    pgettext("vocabulary", "Death in custody"),
    pgettext("vocabulary", "Torture allegation"),
    pgettext("vocabulary", "Ill treatment"),
    pgettext("vocabulary", "Hunger strike"),
    pgettext("vocabulary", "Physical attack"),
    pgettext("vocabulary", "Threat"),
    pgettext("vocabulary", "Harassment"),
    pgettext("vocabulary", "Cyberattack"),
    pgettext("vocabulary", "Doxxing"),
    pgettext("vocabulary", "Property attack"),
    pgettext("vocabulary", "Pressure on relatives"),
    pgettext("vocabulary", "Assembly banned"),
    pgettext("vocabulary", "Assembly dispersed"),
    pgettext("vocabulary", "Preventive detention"),
    pgettext("vocabulary", "Registration denied"),
    pgettext("vocabulary", "Organisation banned"),
    pgettext("vocabulary", "Listed as foreign funded"),
    pgettext("vocabulary", "Accreditation denied"),
    pgettext("vocabulary", "Website blocked"),
    pgettext("vocabulary", "Media law"),
    pgettext("vocabulary", "Legislation"),
    pgettext("vocabulary", "Election"),
    pgettext("vocabulary", "Justice"),
    pgettext("vocabulary", "Harm"),
    pgettext("vocabulary", "Civic space"),
    pgettext("vocabulary", "Association"),
    pgettext("vocabulary", "Peaceful assembly"),
    pgettext("vocabulary", "Expression"),
    pgettext("vocabulary", "Activist"),
    pgettext("vocabulary", "Journalist"),
    pgettext("vocabulary", "Blogger"),
    pgettext("vocabulary", "Human-rights defender"),
    pgettext("vocabulary", "Lawyer"),
    pgettext("vocabulary", "Politician"),
    pgettext("vocabulary", "Official"),
    pgettext("vocabulary", "Relative"),
    pgettext("vocabulary", "Victim"),
    pgettext("vocabulary", "Other"),
    pgettext("vocabulary", "Female"),
    pgettext("vocabulary", "Male"),
    pgettext("vocabulary", "Unknown"),
    pgettext("vocabulary", "Target"),
    pgettext("vocabulary", "Perpetrator"),
    pgettext("vocabulary", "Adjudicator"),
    pgettext("vocabulary", "Defendant"),
    pgettext("vocabulary", "Witness"),
    pgettext("vocabulary", "Organiser"),
    pgettext("vocabulary", "Participant"),
    pgettext("vocabulary", "Party"),
    pgettext("vocabulary", "Movement"),
    pgettext("vocabulary", "NGO"),
    pgettext("vocabulary", "Media"),
    pgettext("vocabulary", "State body"),
    pgettext("vocabulary", "Court"),
    pgettext("vocabulary", "International"),
    pgettext("vocabulary", "Registered"),
    pgettext("vocabulary", "Unregistered"),
    pgettext("vocabulary", "Denied"),
    pgettext("vocabulary", "Banned"),
    pgettext("vocabulary", "City"),
    pgettext("vocabulary", "Region"),
    pgettext("vocabulary", "Country"),
    pgettext("vocabulary", "Building"),
    pgettext("vocabulary", "Criminal Code"),
    pgettext("vocabulary", "Code of Administrative Offences"),
    pgettext("vocabulary", "Prison"),
    pgettext("vocabulary", "Suspended sentence"),
    pgettext("vocabulary", "Restricted freedom"),
    pgettext("vocabulary", "Fine"),
    pgettext("vocabulary", "Acquitted"),
    pgettext("vocabulary", "Released"),
    pgettext("vocabulary", "Public labour"),
    pgettext("vocabulary", "Travel ban"),
    pgettext("vocabulary", "Compulsory treatment"),
    pgettext("vocabulary", "Years"),
    pgettext("vocabulary", "Months"),
    pgettext("vocabulary", "Weeks"),
    pgettext("vocabulary", "Days"),
    pgettext("vocabulary", "Hours"),
    pgettext("vocabulary", "EUR"),
    pgettext("vocabulary", "USD"),
    pgettext("vocabulary", "KZT"),
    pgettext("vocabulary", "RUB"),
    pgettext("vocabulary", "MCI (monthly calculation index)"),
    pgettext("vocabulary", "Brought"),
    pgettext("vocabulary", "Reclassified"),
    pgettext("vocabulary", "Dropped"),
    pgettext("vocabulary", "Person"),
    pgettext("vocabulary", "Organisation"),
    pgettext("vocabulary", "Place"),
    pgettext("vocabulary", "Provision"),
    pgettext("vocabulary", "Event"),
    pgettext("vocabulary", "Outcome"),
    pgettext("vocabulary", "Involvement"),
    pgettext("vocabulary", "Followup"),
    pgettext("vocabulary", "Proposed"),
    pgettext("vocabulary", "Accepted"),
    pgettext("vocabulary", "Corrected"),
    pgettext("vocabulary", "Rejected"),
    pgettext("vocabulary", "Public"),
    pgettext("vocabulary", "Internal"),
    pgettext("vocabulary", "Confidential"),
    pgettext("vocabulary", "Administrator"),
    pgettext("vocabulary", "Editor"),
    pgettext("vocabulary", "Reviewer"),
    pgettext("vocabulary", "Viewer"),
    pgettext("vocabulary", "English"),
    pgettext("vocabulary", "Русский"),
    pgettext("vocabulary", "Day"),
    pgettext("vocabulary", "Early"),
    pgettext("vocabulary", "Mid"),
    pgettext("vocabulary", "Late"),
    pgettext("vocabulary", "Month"),
    pgettext("vocabulary", "Year"),
    pgettext("vocabulary", "Same"),
    pgettext("vocabulary", "Possible"),
    pgettext("vocabulary", "Different"),
    pgettext("vocabulary", "At liberty"),
    pgettext("vocabulary", "Under investigation"),
    pgettext("vocabulary", "Travel restricted"),
    pgettext("vocabulary", "On trial"),
    pgettext("vocabulary", "Serving prison"),
    pgettext("vocabulary", "Serving a non-custodial sentence"),
    pgettext("vocabulary", "In exile"),
    pgettext("vocabulary", "At risk of extradition"),
    pgettext("vocabulary", "Deceased"),
    pgettext("vocabulary", "Appeal pending"),
    pgettext("vocabulary", "Trial under way"),
    pgettext("vocabulary", "Detention until"),
    pgettext("vocabulary", "Hearing postponed"),
    pgettext("vocabulary", "Yet to take place"),
    pgettext("vocabulary", "Sentence ends"),
    pgettext("vocabulary", "Confirm release"),
    pgettext("vocabulary", "(a) detention violates a fundamental guarantee of the ECHR"),
    pgettext("vocabulary", "(b) detention for purely political reasons"),
    pgettext("vocabulary", "(c) length or conditions out of proportion, for political motives"),
    pgettext("vocabulary", "(d) detention discriminatory, for political motives"),
    pgettext("vocabulary", "(e) clearly unfair proceedings, for political motives"),
    pgettext("vocabulary", "Machine updated"),
    pgettext("vocabulary", "Superseded"),
    pgettext("vocabulary", "Restored"),
    pgettext("vocabulary", "Automatic"),
    pgettext("vocabulary", "Open"),
    pgettext("vocabulary", "Merged"),
    pgettext("vocabulary", "Dismissed"),
    pgettext("vocabulary", "Amount"),
    pgettext("vocabulary", "Date"),
)
