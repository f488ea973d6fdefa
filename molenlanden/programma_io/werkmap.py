"""The programme workbook: one sheet per kind, the same columns out and in.

Export writes what the resources render; import reads every sheet with openpyxl (formulas are found, never
evaluated), lets django-import-export match and validate the rows, and does all sheets in one transaction: with an
error anywhere, or without confirmation (a dry run), nothing is kept.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass, field

import tablib
from django.db import transaction
from openpyxl import load_workbook

from molenlanden.common import xlsx
from molenlanden.common.formatting import datum
from molenlanden.programma_io import bestanden
from molenlanden.programma_io import widgets as w
from molenlanden.programma_io.resources import EXPORT_VOLGORDE, IMPORT_VOLGORDE, InspanningResource
from molenlanden.programma_io.verslag import (
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    BladVerslag,
    Fout,
    Rij,
    Verslag,
    Wijziging,
    leesbaar,
)

logger = logging.getLogger(__name__)

OVER_BLAD = "Over dit bestand"
FORMAAT = "Programma-werkmap, versie 1"
MAX_RIJEN = 20_000
SOORTEN = {"new": NIEUW, "update": GEWIJZIGD, "skip": ONGEWIJZIGD}


# --- Export ---


def exporteer_programma(peildatum=None) -> bytes:
    """The whole programme as a workbook; the voortgang per inspanning is the latest on or before the peildatum."""
    werkmap = xlsx.nieuwe_werkmap()
    xlsx.schrijf_blad(werkmap, OVER_BLAD, ["Onderwerp", "Uitleg"], _uitleg(peildatum))
    for resource in _resources(EXPORT_VOLGORDE, peildatum=peildatum):
        dataset = resource.export()
        xlsx.schrijf_blad(
            werkmap,
            resource.blad,
            dataset.headers,
            dataset,
            bedragen=resource.bedrag_kolommen,
            keuzes=resource.keuzes(),
        )
    return xlsx.als_bytes(werkmap)


def _resources(volgorde, *, peildatum=None, **kwargs):
    for cls in volgorde:
        yield cls(peildatum=peildatum, **kwargs) if cls is InspanningResource else cls(**kwargs)


def _uitleg(peildatum) -> list[list[str]]:
    voortgang = (
        f"Per inspanning het laatste oordeel op of vóór {datum(peildatum)}."
        if peildatum
        else "Per inspanning het nieuwste oordeel."
    )
    return [
        ["Wat", "Het Samenlevingsprogramma van de gemeente Molenlanden uit de Voortgangsmonitor."],
        ["Formaat", FORMAAT],
        ["Voortgang", voortgang],
        ["Inlezen", "Beheer → Programma importeren, of: python manage.py import_programma BESTAND.xlsx. "
                    "Eerst ziet u wat er zou veranderen; pas na bevestigen verandert er iets, alles of niets."],
        ["Herkennen", "Rijen worden herkend aan de code (thema's, inspanningen), de naam (kernen), de inspanning en "
                      "omschrijving (mijlpalen) of de kern en titel (dorpsacties). Wat niet in het bestand staat, "
                      "blijft zoals het is: importeren verwijdert niets."],
        ["Nieuwe ronde", "Een andere datum in de kolom Peildatum maakt een nieuw oordeel; dezelfde datum past het "
                         "bestaande aan."],
        ["Kleuren", "Groen, oranje, rood of grijs. Oranje en rood hebben een toelichting nodig."],
        ["Opmaak", "Opgemaakte tekst staat als HTML (p, strong, em, ul, ol, li, a). Gewone tekst wordt alinea's."],
        ["Niet toegestaan", "Formules en macro's. Zet alleen waarden in de cellen."],
        ["Niet in dit bestand", "Trekkers (accounts), foto's van dorpsacties, eerdere voortgang en de edities."],
    ]  # fmt: skip


# --- Reading the sheets ---


@dataclass
class Blad:
    naam: str
    koppen: list[str]
    rijen: list[tuple[int, list]] = field(default_factory=list)  # (row number in Excel, values)
    fouten: list[Fout] = field(default_factory=list)


def lees_bladen(inhoud: bytes) -> dict[str, Blad]:
    """Every sheet's header and rows, as values; a formula or an error value is a row error, never evaluated."""
    try:
        werkmap = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        logger.info("Werkmap niet te lezen: %r", e)
        raise bestanden.BestandFout(
            "De werkmap kan niet worden gelezen; sla haar opnieuw op als Excel-werkmap (.xlsx)."
        )
    try:
        return {blad.title.strip(): _lees_blad(blad) for blad in werkmap.worksheets}
    finally:
        werkmap.close()


def _lees_blad(werkblad) -> Blad:
    rijen = werkblad.iter_rows()
    koppen = [w.tekst(cel.value) for cel in next(rijen, ())]
    blad = Blad(werkblad.title.strip(), koppen)
    for rijnummer, cellen in enumerate(rijen, start=2):
        waarden = []
        for kolom, cel in enumerate(cellen):
            kop = koppen[kolom] if kolom < len(koppen) else ""
            if cel.data_type == "f":
                blad.fouten.append(
                    Fout("een formule is niet toegestaan; zet er de waarde in (plakken als waarde)", rijnummer, kop)
                )
            elif cel.data_type == "e":
                blad.fouten.append(
                    Fout(f"de cel bevat de foutwaarde {cel.value}; zet er een waarde in", rijnummer, kop)
                )
            waarden.append(None if cel.data_type in ("f", "e") else cel.value)
        if any(w.tekst(v) for v in waarden):
            blad.rijen.append((rijnummer, waarden))
        if len(blad.rijen) > MAX_RIJEN:
            raise bestanden.BestandFout(f"Het blad {blad.naam} heeft meer dan {MAX_RIJEN} rijen; splits het bestand.")
    return blad


# --- Import ---


def importeer_programma(inhoud: bytes, bestandsnaam: str, *, bevestig: bool, door=None) -> Verslag:
    """Reads the workbook and imports it: a dry run, or with `bevestig` for real. All sheets or nothing."""
    verslag = Verslag(bestandsnaam=bestandsnaam)
    try:
        bestanden.controleer(inhoud, bestandsnaam, bestanden.XLSX)
        bladen = lees_bladen(inhoud)
    except bestanden.BestandFout as fout:
        verslag.fouten.append(Fout(str(fout)))
        return verslag
    resources = list(_resources(IMPORT_VOLGORDE, door=door, reden=f"Geïmporteerd uit {bestandsnaam}"))
    _controleer_bladen(bladen, resources, verslag)
    if verslag.heeft_fouten:
        return verslag  # a missing sheet or column, or formulas: there is nothing sensible to try
    with transaction.atomic():
        for resource in resources:
            verslag.bladen.append(importeer_blad(resource, bladen[resource.blad]))
        if bevestig and not verslag.heeft_fouten:
            verslag.bevestigd = True
        else:
            transaction.set_rollback(True)
    verslag.bladen.sort(key=lambda b: [cls.blad for cls in EXPORT_VOLGORDE].index(b.naam))
    return verslag


def _controleer_bladen(bladen: dict[str, Blad], resources, verslag: Verslag) -> None:
    bekend = {resource.blad for resource in resources} | {OVER_BLAD}
    for resource in resources:
        blad = bladen.get(resource.blad)
        if blad is None:
            verslag.fouten.append(
                Fout(f"het blad '{resource.blad}' ontbreekt; begin met een werkmap uit 'Programma exporteren'")
            )
            continue
        for kolom in resource.kolommen():
            if kolom not in blad.koppen:
                verslag.fouten.append(Fout(f"in het blad '{blad.naam}' ontbreekt de kolom '{kolom}'"))
        for kop in blad.koppen:
            if kop and kop not in resource.kolommen():
                verslag.meldingen.append(f"de kolom '{kop}' in het blad '{blad.naam}' wordt niet gelezen")
        verslag.fouten.extend(Fout(f"blad {blad.naam}, {fout}") for fout in blad.fouten)
    verslag.meldingen.extend(f"het blad '{naam}' wordt niet gelezen" for naam in bladen if naam not in bekend)


def dataset(blad: Blad, kolommen: list[str]) -> tablib.Dataset:
    posities = [blad.koppen.index(kolom) for kolom in kolommen]
    data = tablib.Dataset(headers=kolommen)
    for _, waarden in blad.rijen:
        data.append([waarden[p] if p < len(waarden) else None for p in posities])
    return data


def importeer_blad(resource, blad: Blad, *, namen: list[str] | None = None) -> BladVerslag:
    """One sheet through django-import-export; rows are named by their Excel row, or by `namen` (Word)."""
    verslag = BladVerslag(resource.blad)
    data = dataset(blad, resource.kolommen())
    rijnummers = [rijnummer for rijnummer, _ in blad.rijen]
    verslag.fouten.extend(_dubbele_sleutels(resource, data, rijnummers))
    result = resource.import_data(data, dry_run=False, use_transactions=True, raise_errors=False)
    for fout in result.base_errors:
        logger.error("Import van %s: %r", resource.blad, fout.error, exc_info=fout.error)
        verslag.fouten.append(Fout(f"het blad kon niet worden ingelezen ({type(fout.error).__name__})"))
    opgemaakt = {f.column_name for f in resource.fields.values() if isinstance(f.widget, w.OpgemaakteTekstWidget)}
    for index, (rijnummer, rij_result) in enumerate(zip(rijnummers, result.rows, strict=False)):
        plek = {"plek": namen[index]} if namen else {"rij": rijnummer}
        if rij_result.import_type in SOORTEN:
            wijzigingen = [
                Wijziging(
                    kolom, leesbaar(oud, opgemaakt=kolom in opgemaakt), leesbaar(nieuw, opgemaakt=kolom in opgemaakt)
                )
                for kolom, oud, nieuw in getattr(rij_result.instance, "_wijzigingen", [])
            ]
            soort = SOORTEN[rij_result.import_type]
            verslag.rijen.append(
                Rij(rijnummer, str(rij_result.instance), soort, wijzigingen if soort == GEWIJZIGD else [])
            )
        elif rij_result.validation_error is not None:
            for sleutel, berichten in _berichten(rij_result.validation_error):
                verslag.fouten.extend(Fout(bericht, kolom=resource.kolom_van(sleutel), **plek) for bericht in berichten)
        else:
            for fout in rij_result.errors:
                logger.error("Import van %s, rij %s: %r", resource.blad, rijnummer, fout.error, exc_info=fout.error)
                verslag.fouten.append(
                    Fout(
                        f"deze rij kon niet worden opgeslagen ({type(fout.error).__name__}); meld dit aan de beheerder",
                        **plek,
                    )
                )
    return verslag


def _berichten(fout):
    if hasattr(fout, "error_dict"):
        return [(sleutel, [m for e in fouten for m in e.messages]) for sleutel, fouten in fout.error_dict.items()]
    return [("__all__", fout.messages)]


def _dubbele_sleutels(resource, data: tablib.Dataset, rijnummers: list[int]) -> list[Fout]:
    kolommen = resource.sleutel_kolommen()
    gezien, fouten = {}, []
    for rijnummer, rij in zip(rijnummers, data.dict, strict=True):
        sleutel = tuple(w.tekst(rij[k]) for k in kolommen)
        if not all(sleutel):
            continue
        if sleutel in gezien:
            wat = " en ".join(f"{k.lower()} '{v}'" for k, v in zip(kolommen, sleutel, strict=True))
            fouten.append(
                Fout(
                    f"{wat} staat ook in rij {gezien[sleutel]}; een rij mag maar één keer voorkomen",
                    rijnummer,
                    kolommen[-1],
                )
            )
        else:
            gezien[sleutel] = rijnummer
    return fouten
