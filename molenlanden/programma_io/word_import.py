"""Word in: the inspanningen read from a document become rows of the Inspanningen sheet and are imported as such.

So a Word import is matched, validated and previewed exactly like an Excel import (the same resource, the same
row errors), and it is all or nothing too.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from molenlanden.programma_io import bestanden
from molenlanden.programma_io.resources import InspanningResource
from molenlanden.programma_io.verslag import Fout, Rij, Verslag
from molenlanden.programma_io.werkmap import Blad, importeer_blad
from molenlanden.programma_io.word import KLEUR_SECTIES, OMSCHRIJVING, GelezenInspanning, lees_word
from thema.kleuren import Kleur
from thema.models import Inspanning, Thema, Voortgang
from thema.services import vrije_code


@dataclass
class WordVerslag(Verslag):
    thema: Thema | None = None
    peildatum: datetime.date | None = None
    inspanningen: list[GelezenInspanning] = field(default_factory=list)

    def resultaat(self, inspanning: GelezenInspanning) -> Rij | None:
        rijen = self.bladen[0].rijen if self.bladen else []
        return next((r for r in rijen if r.naam == inspanning.naam), None)


def importeer_word(inhoud: bytes, bestandsnaam: str, *, thema: Thema, peildatum, bevestig: bool, door=None):
    """Reads the document and imports its inspanningen into the thema, with their voortgang at the peildatum."""
    verslag = WordVerslag(bestandsnaam=bestandsnaam, thema=thema, peildatum=peildatum)
    try:
        bestanden.controleer(inhoud, bestandsnaam, bestanden.DOCX)
        document = lees_word(inhoud, bestandsnaam)
    except ValueError as fout:  # BestandFout included
        verslag.fouten.append(Fout(str(fout)))
        return verslag
    verslag.inspanningen = document.inspanningen
    verslag.meldingen.extend(document.meldingen)
    verslag.fouten.extend(Fout(f) for f in document.fouten)
    resource = InspanningResource(door=door, reden=f"Geïmporteerd uit Word: {bestandsnaam}")
    kolommen = resource.kolommen()
    with transaction.atomic():
        _kies_codes(document.inspanningen, thema)
        te_lezen = [i for i in document.inspanningen if not i.fouten]
        for inspanning in document.inspanningen:
            verslag.fouten.extend(Fout(f, plek=inspanning.naam) for f in inspanning.fouten)
        rijen = [(0, [rij.get(k) for k in kolommen]) for rij in (_rij(i, thema, peildatum, resource) for i in te_lezen)]
        blad = Blad(resource.blad, kolommen, rijen)
        verslag.bladen.append(importeer_blad(resource, blad, namen=[i.naam for i in te_lezen]))
        if bevestig and not verslag.heeft_fouten:
            verslag.bevestigd = True
        else:
            transaction.set_rollback(True)
    return verslag


def _kies_codes(inspanningen: list[GelezenInspanning], thema: Thema) -> None:
    """A code from the heading; else the inspanning of the thema with this title; else the next free code."""
    bestaand = {i.code: i for i in Inspanning.objects.select_related("thema")}
    in_document = set()
    for inspanning in inspanningen:
        if inspanning.code:
            ander = bestaand.get(inspanning.code)
            if ander is not None and ander.thema_id != thema.pk:
                inspanning.fouten.append(
                    f"{inspanning.code} hoort bij thema {ander.thema.code}, niet bij {thema.code}; kies thema "
                    f"{ander.thema.code} of pas de code in het document aan"
                )
        elif inspanning.titel:
            zelfde = [
                i for i in bestaand.values() if i.thema_id == thema.pk and i.titel.lower() == inspanning.titel.lower()
            ]
            if zelfde:
                inspanning.code = zelfde[0].code
            else:
                inspanning.code = vrije_code(thema, set(bestaand) | in_document)
                inspanning.meldingen.append(f"nieuwe inspanning; de code {inspanning.code} is gekozen")
        if inspanning.code in in_document:
            inspanning.fouten.append(f"{inspanning.code} staat twee keer in het document")
        in_document.add(inspanning.code)


def _rij(gelezen: GelezenInspanning, thema: Thema, peildatum, resource: InspanningResource) -> dict:
    """The row an export would have, with what the document says put over it."""
    bestaand = Inspanning.objects.filter(code=gelezen.code).select_related("thema").first()
    if bestaand is not None:
        bestaand._voortgang = Voortgang.objects.filter(inspanning=bestaand, peildatum=peildatum).first()
        rij = dict(zip(resource.kolommen(), resource.export_resource(bestaand), strict=True))
    else:
        rij = {"Thema": thema.code, "Code": gelezen.code, "Status": "Lopend", "Opgenomen op": peildatum}
    rij["Titel"] = gelezen.titel or rij.get("Titel")
    omschrijving = gelezen.secties.get(OMSCHRIJVING)
    if omschrijving is not None and omschrijving.html:
        rij["Omschrijving"] = omschrijving.html
    rij["Peildatum"] = peildatum
    for naam in KLEUR_SECTIES:
        sectie = gelezen.secties.get(naam)
        rij[resource.fields[naam].column_name] = Kleur(gelezen.kleur(naam)).label
        rij[resource.fields[f"{naam}_toelichting"].column_name] = sectie.html if sectie else ""
    if (bijsturing := gelezen.secties.get("bijsturing")) is not None:
        rij["Bijsturing"] = bijsturing.html
    for naam, bedrag in gelezen.bedragen.items():
        rij[naam.capitalize()] = bedrag
    return rij
