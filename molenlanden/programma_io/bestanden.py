"""Checks on an uploaded Excel or Word file before anything reads it: size, type, macros, zip bombs.

An .xlsx and a .docx are zip files of XML. What is refused here is never opened by openpyxl or python-docx.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MAX_BYTES = 5 * 1024 * 1024
MAX_UITGEPAKT = 100 * 1024 * 1024  # a few MB of zip that unpacks to gigabytes would be a zip bomb
MAX_DELEN = 5000
MACRO = "Het bestand bevat macro's{}; die openen we niet. Verwijder ze en {}."
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls/.doc format, and password-protected Office files


class BestandFout(ValueError):
    """A file that is not read, with the reason in Dutch."""


@dataclass(frozen=True)
class Soort:
    naam: str  # "Excel-werkmap"
    extensie: str  # ".xlsx"
    hoofddeel: str  # the part every such file has
    oud: str  # the old format's extension
    macro: str  # the macro-enabled extension


XLSX = Soort("Excel-werkmap", ".xlsx", "xl/workbook.xml", ".xls", ".xlsm")
DOCX = Soort("Word-document", ".docx", "word/document.xml", ".doc", ".docm")


def _mb(aantal: int) -> str:
    return f"{aantal / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def controleer_grootte(aantal_bytes: int, soort: Soort) -> None:
    if aantal_bytes > MAX_BYTES:
        raise BestandFout(
            f"Het bestand is {_mb(aantal_bytes)}; het maximum is {_mb(MAX_BYTES)}. "
            + ("Haal afbeeldingen uit het document of splits het." if soort is DOCX else "Splits het bestand.")
        )


def controleer(inhoud: bytes, bestandsnaam: str, soort: Soort) -> None:
    """Raises BestandFout when the file is not a plain, reasonably sized file of this kind."""
    naam = (bestandsnaam or "").lower()
    opslaan_als = f"sla het op als {soort.naam} ({soort.extensie}) en kies het opnieuw"
    controleer_grootte(len(inhoud), soort)
    if not inhoud:
        raise BestandFout("Het bestand is leeg.")
    if naam.endswith(soort.macro):
        raise BestandFout(
            f"Het bestand bevat macro's ({soort.macro}); die openen we niet. Verwijder ze en {opslaan_als}."
        )
    if naam.endswith(soort.oud) or inhoud.startswith(OLE2):
        raise BestandFout(
            f"Dit is een oud bestandsformaat ({soort.oud}) of een bestand met een wachtwoord; {opslaan_als}."
        )
    if not naam.endswith(soort.extensie):
        raise BestandFout(
            f"Dit is geen {soort.naam}: de naam eindigt niet op {soort.extensie}. Kies een {soort.extensie}-bestand."
        )
    try:
        zip_bestand = zipfile.ZipFile(io.BytesIO(inhoud))
        delen = zip_bestand.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BestandFout(
            f"Dit bestand is geen echte {soort.naam}, ook al eindigt de naam op {soort.extensie}; {opslaan_als}."
        )
    namen = {deel.filename for deel in delen}
    if len(delen) > MAX_DELEN or sum(deel.file_size for deel in delen) > MAX_UITGEPAKT:
        raise BestandFout("Het bestand is uitgepakt te groot om te lezen; splits het.")
    inhoudstypen = zip_bestand.read("[Content_Types].xml") if "[Content_Types].xml" in namen else b""
    if any(n.lower().endswith("vbaproject.bin") for n in namen) or b"macroEnabled" in inhoudstypen:
        raise BestandFout(MACRO.format("", opslaan_als))
    if soort.hoofddeel not in namen:
        raise BestandFout(f"Dit bestand is geen {soort.naam}; {opslaan_als}.")
