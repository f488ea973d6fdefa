"""Forms posted the way a browser posts them: the data of a rendered (admin) form, ready to change and send."""

from __future__ import annotations

import datetime


def nieuwe_editie(**velden):
    """An edition made as the projectleider makes one: compared with the latest earlier edition unless chosen."""
    from rapportage.models import Rapportage
    from rapportage.services import editie_opslaan

    return editie_opslaan(Rapportage(**velden))


def stand_in_pdf(structuur: dict) -> bytes:
    """A one-page PDF that names the edition and differs with its content: what workflow tests store and download."""
    import io

    import pypdf

    from rapportage.builder import structuur_hash

    writer = pypdf.PdfWriter()
    writer.pdf_header = "%PDF-1.7"  # as WeasyPrint writes it
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": structuur["editie"]["titel"], "/Subject": structuur_hash(structuur)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


TEST_PASSWORD = "test-wachtwoord-niet-echt"  # noqa: S105 - only ever used in the test database


def admin_formulier(response) -> dict:
    """The POST data a browser sends for an admin add/change form as rendered: the form and all its inlines."""
    forms = [response.context["adminform"].form]
    data = {}
    inlines = response.context.get("inline_admin_formsets", [])
    for inline in inlines:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            data[bound.html_name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def voeg_inline_toe(data: dict, prefix: str, values: dict) -> None:
    """Adds one new inline form (as the admin's "add another" link does) with the given field values."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in values.items()})


def formulier_data(response, form_name: str = "form") -> dict:
    """The POST data a browser sends for a (non-admin) form as rendered."""
    data = {}
    for bound in response.context[form_name]:
        value = bound.value()
        if value is not None:
            data[bound.html_name] = value.isoformat() if isinstance(value, datetime.date) else str(value)
    return data


def leesbare_tekst(html: str) -> str:
    """Text as a reader gets it: without tags, table cells apart, every run of white space (nbsp too) one space."""
    import re

    from django.utils.html import strip_tags

    return " ".join(strip_tags(re.sub(r"</t[dh]>", " ", html)).split())


def rij_tekst(response, begin: str) -> str:
    """The readable text of the first table row of a page whose text starts with `begin`."""
    import re

    for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", response.content.decode(), re.S):
        tekst = leesbare_tekst(rij)
        if tekst.startswith(begin):
            return tekst
    raise AssertionError(f"geen rij die begint met {begin!r}")


# --- Workbooks (the programme's Excel round trip) ---


def werkmap_cellen(inhoud: bytes) -> dict[str, list[list]]:
    """Every sheet of an .xlsx as rows of cell values: what "identical cell by cell" compares."""
    import io

    from openpyxl import load_workbook

    werkmap = load_workbook(io.BytesIO(inhoud))
    return {blad.title: [[cel.value for cel in rij] for rij in blad.iter_rows()] for blad in werkmap.worksheets}


def wijzig_werkmap(inhoud: bytes, blad: str, wijzigingen: dict[tuple[int, str], object]) -> bytes:
    """The workbook with cells changed, addressed by (Excel row, column heading), as a person would in Excel."""
    import io

    from openpyxl import load_workbook

    werkmap = load_workbook(io.BytesIO(inhoud))
    werkblad = werkmap[blad]
    koppen = [cel.value for cel in werkblad[1]]
    for (rij, kop), waarde in wijzigingen.items():
        werkblad.cell(row=rij, column=koppen.index(kop) + 1).value = waarde  # cell(value=None) would not clear it
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def rij_van(inhoud: bytes, blad: str, kolom: str, waarde) -> int:
    """The Excel row number of the first row whose cell in `kolom` holds `waarde`."""
    rijen = werkmap_cellen(inhoud)[blad]
    positie = rijen[0].index(kolom)
    return next(n for n, rij in enumerate(rijen[1:], start=2) if rij[positie] == waarde)


def in_thread(func, *args, **kwargs):
    """Runs func in a new thread, with a database connection of its own (closed after), and returns its result."""
    import threading

    from django.db import connections

    uitkomst = {}

    def run():
        try:
            uitkomst["waarde"] = func(*args, **kwargs)
        except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
            uitkomst["fout"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "fout" in uitkomst:
        raise uitkomst["fout"]
    return uitkomst["waarde"]
