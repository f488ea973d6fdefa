"""Writing .xlsx workbooks that are safe to open: every value a value, never a formula.

A text that starts with =, +, - or @ is written as a text cell with Excel's quote prefix, so neither opening the
file nor editing the cell turns it into a formula (CSV/formula injection). Dates are real dates shown as
dd-mm-jjjj, amounts real numbers shown in euro, so a controller can sort and add up.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

DATUM_FORMAAT = "dd-mm-yyyy"
EURO_FORMAAT = '"€" #,##0.00'
FORMULE_TEKENS = ("=", "+", "-", "@")
MAX_BREEDTE = 60
VETGEDRUKT = Font(bold=True)
BOVENAAN = Alignment(vertical="top", wrap_text=False)


def nieuwe_werkmap() -> Workbook:
    werkmap = Workbook()
    werkmap.remove(werkmap.active)
    return werkmap


def schrijf_blad(
    werkmap: Workbook,
    titel: str,
    koppen: Sequence[str],
    rijen: Iterable[Sequence],
    *,
    bedragen: Iterable[str] = (),
    keuzes: dict[str, Sequence[str]] | None = None,
):
    """A sheet with a bold, frozen header row; `bedragen` are the euro columns; `keuzes` become drop-down lists."""
    blad = werkmap.create_sheet(titel)
    euro_kolommen = {koppen.index(k) + 1 for k in bedragen}
    blad.append(list(koppen))
    for cel in blad[1]:
        cel.font = VETGEDRUKT
    breedtes = [len(k) for k in koppen]
    for rijnummer, rij in enumerate(rijen, start=2):
        for kolom, waarde in enumerate(rij, start=1):
            cel = blad.cell(row=rijnummer, column=kolom)
            zet_waarde(cel, waarde, euro=kolom in euro_kolommen)
            breedtes[kolom - 1] = max(breedtes[kolom - 1], min(len(str(waarde or "")), MAX_BREEDTE))
    blad.freeze_panes = "A2"
    for kolom, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[get_column_letter(kolom)].width = max(breedte, 10) + 2
    for kop, opties in (keuzes or {}).items():
        _keuzelijst(blad, koppen.index(kop) + 1, opties)
    return blad


def zet_waarde(cel, waarde, *, euro: bool = False) -> None:
    if waarde is None or waarde == "":
        return
    if isinstance(waarde, bool):
        cel.value = waarde
    elif isinstance(waarde, int | float | Decimal):
        cel.value = waarde
        if euro:
            cel.number_format = EURO_FORMAAT
    elif isinstance(waarde, datetime.date):
        cel.value = waarde
        cel.number_format = DATUM_FORMAAT
    else:
        tekst = ILLEGAL_CHARACTERS_RE.sub("", str(waarde))
        cel.value = tekst
        if tekst.startswith(FORMULE_TEKENS):
            cel.data_type = "s"  # openpyxl would otherwise write "=..." as a formula
            cel.quotePrefix = True  # and Excel would make one of it when the cell is edited
    cel.alignment = BOVENAAN


def _keuzelijst(blad, kolom: int, opties: Sequence[str]) -> None:
    letter = get_column_letter(kolom)
    lijst = DataValidation(
        type="list",
        formula1='"' + ",".join(opties) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldige waarde",
        error="Kies een van: " + ", ".join(opties),
    )
    lijst.add(f"{letter}2:{letter}{max(blad.max_row, 2) + 500}")
    blad.add_data_validation(lijst)


def als_bytes(werkmap: Workbook) -> bytes:
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
