"""Invitations from a CSV file: naam, e-mail and (optional) kern per row; every row checked, all or nothing."""

from __future__ import annotations

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from dorpen.models import Kern
from inbreng.models import InbrengRonde, Uitnodiging

MAX_BYTES = 1024 * 1024
MAX_RIJEN = 2000
KOLOMMEN = ("naam", "email", "kern")


def lees(ronde: InbrengRonde, bestand) -> tuple[list[Uitnodiging], list[str]]:
    """The invitations in the file, and every error as "rij 3: ..." (nothing is saved here)."""
    if bestand.size > MAX_BYTES:
        return [], ["Het bestand is groter dan 1 MB. Splits het in kleinere bestanden."]
    ruw = bestand.read()
    try:
        tekst = ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], ["Het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8 (door komma's gescheiden)’."]
    try:
        dialect = csv.Sniffer().sniff(tekst[:2048], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    rijen = list(csv.reader(io.StringIO(tekst), dialect))
    if not rijen or [k.strip().lower() for k in rijen[0]][:2] != ["naam", "email"]:
        return [], ["De eerste regel moet de kolomnamen bevatten: naam, email en eventueel kern."]
    if len(rijen) - 1 > MAX_RIJEN:
        return [], [f"Het bestand heeft meer dan {MAX_RIJEN} rijen."]
    kernen = {k.naam.lower(): k for k in Kern.objects.all()}
    bestaand = set(Uitnodiging.objects.filter(ronde=ronde).exclude(email="").values_list("email", flat=True))
    gezien: set[str] = set()
    uitnodigingen, fouten = [], []
    for nummer, rij in enumerate(rijen[1:], start=2):
        if not any(c.strip() for c in rij):
            continue
        naam, email, kern = (list(rij) + ["", "", ""])[:3]
        naam, email, kern = naam.strip(), email.strip().lower(), kern.strip()
        melding = _fout(naam, email, kern, kernen, bestaand | gezien)
        if melding:
            fouten.append(f"Rij {nummer}: {melding}")
            continue
        gezien.add(email)
        uitnodigingen.append(Uitnodiging(ronde=ronde, naam=naam, email=email, kern=kernen.get(kern.lower())))
    if not uitnodigingen and not fouten:
        fouten.append("Het bestand bevat geen uitnodigingen.")
    return uitnodigingen, fouten


def _fout(naam, email, kern, kernen, bezet) -> str | None:
    if not naam:
        return "de naam ontbreekt."
    if len(naam) > 200:
        return "de naam is langer dan 200 tekens."
    try:
        validate_email(email)
    except ValidationError:
        return f"‘{email}’ is geen geldig e-mailadres." if email else "het e-mailadres ontbreekt."
    if email in bezet:
        return f"{email} staat al in de lijst of is al uitgenodigd."
    if kern and kern.lower() not in kernen:
        return f"kern ‘{kern}’ bestaat niet. Gebruik de naam zoals in de lijst van kernen, of laat de kolom leeg."
    return None


def opslaan(uitnodigingen: list[Uitnodiging]) -> int:
    with transaction.atomic():
        Uitnodiging.objects.bulk_create(uitnodigingen)
    return len(uitnodigingen)
