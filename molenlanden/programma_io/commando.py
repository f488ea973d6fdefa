"""What the three commands share: reading a date argument and a file, and printing a report."""

from __future__ import annotations

import argparse
from pathlib import Path

from django.core.management.base import CommandError

from molenlanden.common.formatting import parse_datum


def datum_argument(tekst: str):
    try:
        return parse_datum(tekst)
    except ValueError as fout:
        raise argparse.ArgumentTypeError(str(fout))


def import_argumenten(parser, extensie: str) -> None:
    parser.add_argument("bestand", metavar=f"FILE{extensie}")
    parser.add_argument("--bevestig", action="store_true", help="echt importeren (alles of niets)")


def lees_bestand(pad: str) -> bytes:
    try:
        return Path(pad).read_bytes()
    except OSError as fout:
        raise CommandError(f"Het bestand {pad} kan niet worden gelezen: {fout.strerror}.")


def rapporteer(command, verslag, *, bevestig: bool) -> None:
    """Prints the report; exits non-zero when there are errors, so a script notices."""
    for regel in verslag.regels():
        command.stdout.write(regel)
    if verslag.heeft_fouten:
        raise CommandError(
            f"Er is niets veranderd: {verslag.aantal_fouten} fout(en). Verbeter het bestand en probeer het opnieuw."
        )
    if bevestig:
        command.stdout.write(command.style.SUCCESS("Geïmporteerd: alle wijzigingen zijn opgeslagen."))
    else:
        command.stdout.write("Proefimport: er is niets veranderd. Importeer met --bevestig.")
