"""The programme workbook: export, import with a dry run, the round trip, and every kind of bad row or file."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from dorpen.models import Dorpsactie, Kern
from molenlanden.programma_io.werkmap import exporteer_programma, importeer_programma
from rapportage.builder import build_structuur
from rapportage.models import Rapportage
from tests.helpers import rij_van, werkmap_cellen, wijzig_werkmap
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang

PEILDATUM = datetime.date(2021, 6, 1)
BLADEN = ["Over dit bestand", "Thema's", "Inspanningen", "Mijlpalen", "Kernen", "Dorpsacties"]


@pytest.fixture
def programma(demo):
    """The demo programme with two mijlpalen, exported per 1 juni 2021."""
    a1 = Inspanning.objects.get(code="A1")
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Eerste bouwplan vlotgetrokken", geplande_datum="2020-09-01")
    Mijlpaal.objects.create(
        inspanning=a1, omschrijving="Tien plannen in procedure", geplande_datum="2021-12-01", gereed_op="2021-05-01"
    )
    return exporteer_programma(PEILDATUM)


def stand():
    """Everything an import could change, history included: equal before and after means nothing changed."""
    modellen = (Thema, Inspanning, Voortgang, Mijlpaal, Kern, Dorpsactie)
    rijen = [sorted(map(str, m.objects.values_list())) for m in modellen]
    return rijen, [m.history.count() for m in modellen]


def importeer(inhoud, *, bevestig=False, naam="programma.xlsx"):
    return importeer_programma(inhoud, naam, bevestig=bevestig)


def fouten(verslag) -> list[str]:
    return [str(f) for f in verslag.fouten] + [str(f) for b in verslag.bladen for f in b.fouten]


# --- Export ---


def test_export_has_a_sheet_per_kind_with_dutch_columns_and_colours_as_words(programma):
    cellen = werkmap_cellen(programma)
    assert list(cellen) == BLADEN
    inspanningen = cellen["Inspanningen"]
    assert inspanningen[0][:4] == ["Thema", "Code", "Titel", "Omschrijving"]
    a1 = dict(zip(inspanningen[0], inspanningen[rij_van(programma, "Inspanningen", "Code", "A1") - 1], strict=True))
    assert a1["Thema"] == "A"
    assert a1["Budget"] == 146830
    assert a1["Peildatum"] == datetime.datetime(2021, 6, 1)
    assert a1["Inhoud"] in ("Groen", "Oranje", "Rood", "Grijs")
    assert len(cellen["Thema's"]) == 1 + Thema.objects.count()
    assert len(cellen["Mijlpalen"]) == 3
    assert len(cellen["Kernen"]) == 1 + 21


def test_export_takes_the_latest_voortgang_on_or_before_the_peildatum(programma):
    a1 = Inspanning.objects.get(code="A1")
    Voortgang.objects.create(inspanning=a1, peildatum="2021-09-01", inhoud="rood", inhoud_toelichting="<p>Mis.</p>")
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    voor_juni = werkmap_cellen(exporteer_programma(PEILDATUM))["Inspanningen"]
    nieuwste = werkmap_cellen(exporteer_programma())["Inspanningen"]
    kolom = voor_juni[0].index("Peildatum")
    assert voor_juni[rij - 1][kolom] == datetime.datetime(2021, 6, 1)
    assert nieuwste[rij - 1][kolom] == datetime.datetime(2021, 9, 1)
    assert nieuwste[rij - 1][kolom + 1] == "Rood"


def test_export_reads_with_a_fixed_number_of_queries(programma, django_assert_num_queries):
    from molenlanden.demo.scale import multiply_demodata

    with django_assert_num_queries(6):  # thema's, inspanningen, voortgang, mijlpalen, kernen, dorpsacties
        exporteer_programma(PEILDATUM)
    multiply_demodata(10)
    with django_assert_num_queries(6):
        groot = exporteer_programma(PEILDATUM)
    assert len(werkmap_cellen(groot)["Inspanningen"]) == 1 + 10 * 24


# --- Round trip ---


def _leeg_programma():
    for model in (Dorpsactie, Mijlpaal, Voortgang, Inspanning, Thema, Kern):
        model.objects.all().delete()


def test_export_imported_into_an_empty_database_gives_the_same_programme_back(programma):
    editie = Rapportage(titel="Stand juni", slug="stand-juni", soort="voortgang", peildatum=PEILDATUM)
    voor = build_structuur(editie)
    _leeg_programma()

    verslag = importeer(programma, bevestig=True)

    assert fouten(verslag) == []
    assert verslag.bevestigd
    assert verslag.blad("Inspanningen").nieuw == 24
    assert werkmap_cellen(exporteer_programma(PEILDATUM)) == werkmap_cellen(programma)
    assert build_structuur(editie) == voor


def test_importing_the_same_file_twice_changes_nothing(programma):
    gewijzigd = wijzig_werkmap(
        programma, "Inspanningen", {(rij_van(programma, "Inspanningen", "Code", "A1"), "Titel"): "Nieuw"}
    )
    importeer(gewijzigd, bevestig=True)
    na_eerste = stand()

    verslag = importeer(gewijzigd, bevestig=True)

    assert stand() == na_eerste  # not even a history record
    assert all(not blad.veranderd for blad in verslag.bladen)
    assert verslag.blad("Inspanningen").ongewijzigd == 24


def test_the_dry_run_shows_what_would_change_and_changes_nothing(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(
        programma,
        "Inspanningen",
        {(rij, "Titel"): "Woningbouw sneller", (rij, "Budget"): "€ 150.000,-", (rij, "Planning"): "rood",
         (rij, "Toelichting planning"): "Vergunning laat op zich wachten."},
    )  # fmt: skip
    voor = stand()

    verslag = importeer(gewijzigd)

    assert stand() == voor
    assert not verslag.bevestigd
    blad = verslag.blad("Inspanningen")
    assert (blad.nieuw, blad.gewijzigd, blad.ongewijzigd) == (0, 1, 23)
    [a1] = blad.veranderd
    assert (a1.rij, a1.naam) == (rij, "A1 Woningbouw sneller")
    wijzigingen = {w.kolom: (w.oud, w.nieuw) for w in a1.wijzigingen}
    assert wijzigingen["Titel"] == ("Woningbouwversneller", "Woningbouw sneller")
    assert wijzigingen["Budget"] == ("€\u00a0146.830,-", "€\u00a0150.000,-")
    assert wijzigingen["Planning"] == ("Oranje", "Rood")


def test_confirmed_import_saves_the_change_and_the_voortgang_of_that_peildatum(programma, gebruikers):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(
        programma, "Inspanningen", {(rij, "Inhoud"): "rood", (rij, "Toelichting inhoud"): "Te weinig plannen."}
    )
    verslag = importeer_programma(gewijzigd, "juni.xlsx", bevestig=True, door=gebruikers["projectleider"])
    assert verslag.bevestigd
    voortgang = Voortgang.objects.get(inspanning__code="A1", peildatum=PEILDATUM)
    assert (voortgang.inhoud, voortgang.inhoud_toelichting) == ("rood", "<p>Te weinig plannen.</p>")
    laatste = voortgang.history.latest()
    assert (laatste.history_change_reason, laatste.history_user) == (
        "Geïmporteerd uit juni.xlsx",
        gebruikers["projectleider"],
    )
    assert Inspanning.objects.get(code="A1").history.count() == 1  # the inspanning itself did not change


def test_a_new_peildatum_in_the_file_adds_a_voortgang_and_keeps_the_old_one(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(programma, "Inspanningen", {(rij, "Peildatum"): "1-9-2021"})
    verslag = importeer(gewijzigd, bevestig=True)
    [a1] = verslag.blad("Inspanningen").veranderd
    assert {w.kolom: w.oud for w in a1.wijzigingen}["Peildatum"] == ""  # shown as new, not as a change
    assert list(Voortgang.objects.filter(inspanning__code="A1").values_list("peildatum", flat=True)) == [
        datetime.date(2021, 9, 1),
        datetime.date(2021, 6, 1),
        datetime.date(2020, 11, 1),
    ]


def test_new_rows_are_created_with_plain_text_made_into_paragraphs(programma):
    inspanningen = load_workbook(io.BytesIO(programma))
    blad = inspanningen["Inspanningen"]
    blad.append(["A", "A9", "Nieuwe inspanning", "Eerste alinea.\n\nTweede alinea.", "", "", "12.500,50", "lopend",
                 None, "15-03-2021", None, None, None, None, None, None, None, None, None, None])  # fmt: skip
    buffer = io.BytesIO()
    inspanningen.save(buffer)
    verslag = importeer(buffer.getvalue(), bevestig=True)
    assert fouten(verslag) == []
    a9 = Inspanning.objects.get(code="A9")
    assert a9.omschrijving == "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    assert (a9.budget, a9.opgenomen_op) == (Decimal("12500.50"), datetime.date(2021, 3, 15))
    assert not a9.voortgang.exists()  # no voortgang columns filled in: none made


# --- Bad rows: a Dutch message with the row, and nothing changed, even when confirmed ---


BAD_ROWS = [
    ("Inspanningen", "Thema", "Z", "thema 'Z' bestaat niet; kies een code uit het blad Thema's of uit het beheer"),
    ("Inspanningen", "Inhoud", "geel", "kleur 'geel' bestaat niet; kies groen, oranje, rood of grijs"),
    (
        "Inspanningen",
        "Opgenomen op",
        "31-02-2021",
        "datum '31-02-2021' bestaat niet of is onleesbaar; schrijf dd-mm-jjjj, bijvoorbeeld 23-11-2026",
    ),
    (
        "Inspanningen",
        "Budget",
        "veel geld",
        "'veel geld' is geen bedrag; schrijf bijvoorbeeld 146830,50 of € 146.830,-",
    ),
    ("Inspanningen", "Status", "bijna klaar", "status 'bijna klaar' bestaat niet; kies lopend, afgerond of vervallen"),
    ("Dorpsacties", "Kern", "Atlantis", "kern 'Atlantis' bestaat niet; kies een naam uit het blad Kernen"),
    ("Kernen", "Breedtegraad", "noord", "breedtegraad 'noord' is geen getal; schrijf bijvoorbeeld 51,87354"),
]


@pytest.mark.parametrize(("blad", "kolom", "waarde", "bericht"), BAD_ROWS, ids=[b[1] for b in BAD_ROWS])
def test_a_bad_cell_is_a_dutch_row_error_and_nothing_changes(programma, blad, kolom, waarde, bericht):
    rij = 5
    voor = stand()
    verslag = importeer(wijzig_werkmap(programma, blad, {(rij, kolom): waarde}), bevestig=True)
    assert fouten(verslag) == [f"rij {rij}: {bericht} (kolom {kolom})"]
    assert not verslag.bevestigd
    assert stand() == voor


def test_oranje_without_toelichting_is_refused_as_the_model_refuses_it(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(
        programma, "Inspanningen", {(rij, "Planning"): "Oranje", (rij, "Toelichting planning"): ""}
    )
    voor = stand()
    verslag = importeer(gewijzigd, bevestig=True)
    assert fouten(verslag) == [
        f"rij {rij}: Planning staat op oranje: licht toe wat de oorzaak is, wat het gevolg is en hoe wordt "
        "bijgestuurd. (kolom Toelichting planning)"
    ]
    assert stand() == voor


def test_a_duplicate_code_is_refused(programma):
    a1 = rij_van(programma, "Inspanningen", "Code", "A1")
    gewijzigd = wijzig_werkmap(programma, "Inspanningen", {(a1 + 1, "Code"): "A1"})
    verslag = importeer(gewijzigd, bevestig=True)
    assert f"rij {a1 + 1}: code 'A1' staat ook in rij {a1}; een rij mag maar één keer voorkomen (kolom Code)" in fouten(
        verslag
    )
    assert not verslag.bevestigd


def test_voortgang_without_peildatum_is_refused(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    verslag = importeer(wijzig_werkmap(programma, "Inspanningen", {(rij, "Peildatum"): None}))
    assert fouten(verslag) == [
        f"rij {rij}: vul de peildatum in: een oordeel over inhoud, planning en financiën hoort bij een peildatum "
        "(kolom Peildatum)"
    ]


def test_one_bad_row_stops_the_good_ones_too(programma):
    goed, fout = rij_van(programma, "Inspanningen", "Code", "A1"), rij_van(programma, "Inspanningen", "Code", "B1")
    gewijzigd = wijzig_werkmap(programma, "Inspanningen", {(goed, "Titel"): "Goed", (fout, "Inhoud"): "paars"})
    verslag = importeer(gewijzigd, bevestig=True)
    assert len(fouten(verslag)) == 1
    assert Inspanning.objects.get(code="A1").titel == "Woningbouwversneller"


def test_a_missing_sheet_or_column_is_refused(programma):
    werkmap = load_workbook(io.BytesIO(programma))
    del werkmap["Mijlpalen"]
    werkmap["Kernen"].delete_cols(3)  # Soort
    buffer = io.BytesIO()
    werkmap.save(buffer)
    verslag = importeer(buffer.getvalue(), bevestig=True)
    assert fouten(verslag) == [
        "in het blad 'Kernen' ontbreekt de kolom 'Soort'",
        "het blad 'Mijlpalen' ontbreekt; begin met een werkmap uit 'Programma exporteren'",
    ]


def test_a_formula_is_refused_and_never_evaluated(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    voor = stand()
    verslag = importeer(wijzig_werkmap(programma, "Inspanningen", {(rij, "Budget"): "=1000*2"}), bevestig=True)
    assert fouten(verslag) == [
        f"blad Inspanningen, rij {rij}: een formule is niet toegestaan; zet er de waarde in (plakken als waarde) "
        "(kolom Budget)"
    ]
    assert stand() == voor


def _met_macro(inhoud: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, zipfile.ZipFile(buffer, "w") as doel:
        for deel in bron.infolist():
            doel.writestr(deel, bron.read(deel))
        doel.writestr("xl/vbaProject.bin", b"Attribute VB_Name")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("maak", "naam", "bericht"),
    [
        (lambda p: p, "programma.xlsm", "Het bestand bevat macro's (.xlsm)"),
        (_met_macro, "programma.xlsx", "Het bestand bevat macro's; die openen we niet."),
        (lambda p: b"Thema;Code\nA;A1\n", "programma.csv", "Dit is geen Excel-werkmap: de naam eindigt niet op .xlsx."),
        (
            lambda p: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "programma.xls",
            "Dit is een oud bestandsformaat (.xls)",
        ),
        (
            lambda p: b"gewoon tekst",
            "programma.xlsx",
            "Dit bestand is geen echte Excel-werkmap, ook al eindigt de naam op .xlsx",
        ),
        (lambda p: p + b"\0" * (10 * 1024 * 1024), "programma.xlsx", "Het bestand is 10,0 MB; het maximum is 5,0 MB."),
        (lambda p: b"", "programma.xlsx", "Het bestand is leeg."),
    ],
    ids=["xlsm", "vba-in-xlsx", "csv", "xls", "not-a-zip", "10-MB", "empty"],
)
def test_a_wrong_file_is_refused_with_a_message(programma, maak, naam, bericht):
    voor = stand()
    verslag = importeer(maak(programma), naam=naam, bevestig=True)
    assert len(verslag.fouten) == 1
    assert str(verslag.fouten[0]).startswith(bericht)
    assert stand() == voor


# --- Dangerous values: stored as text, exported as text ---


def test_formula_like_text_and_script_are_neither_executed_nor_exported_as_formulas(programma):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    gevaarlijk = '=HYPERLINK("https://kwaadaardig.example","klik")'
    werkmap = load_workbook(io.BytesIO(programma))
    werkblad = werkmap["Inspanningen"]
    kolommen = [c.value for c in werkblad[1]]
    titel = werkblad.cell(row=rij, column=kolommen.index("Titel") + 1, value=gevaarlijk)
    titel.data_type = "s"  # typed as text, the way a quote-prefixed cell arrives
    werkblad.cell(row=rij, column=kolommen.index("Omschrijving") + 1, value="<p>Tekst</p><script>alert(1)</script>")
    werkblad.cell(row=rij, column=kolommen.index("Ambtelijk opdrachtnemer") + 1, value="@SUM(1+1)")
    buffer = io.BytesIO()
    werkmap.save(buffer)

    verslag = importeer(buffer.getvalue(), bevestig=True)

    assert fouten(verslag) == []
    a1 = Inspanning.objects.get(code="A1")
    assert a1.titel == gevaarlijk
    assert a1.omschrijving == "<p>Tekst</p>"
    export = exporteer_programma(PEILDATUM)
    with zipfile.ZipFile(io.BytesIO(export)) as z:
        assert all(b"<f>" not in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    cel = load_workbook(io.BytesIO(export))["Inspanningen"].cell(row=rij, column=kolommen.index("Titel") + 1)
    assert (cel.value, cel.data_type, cel.quotePrefix) == (gevaarlijk, "s", True)


# --- Commands ---


def test_export_command_writes_the_workbook(programma, tmp_path):
    bestand = tmp_path / "programma.xlsx"
    call_command("export_programma", str(bestand), "--peildatum", "2021-06-01", stdout=io.StringIO())
    assert werkmap_cellen(bestand.read_bytes()) == werkmap_cellen(programma)


def test_import_command_dry_run_prints_the_preview_and_exits_non_zero_on_errors(programma, tmp_path):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    bestand = tmp_path / "fout.xlsx"
    bestand.write_bytes(wijzig_werkmap(programma, "Inspanningen", {(rij, "Inhoud"): "geel"}))
    uit = io.StringIO()
    with pytest.raises(CommandError, match="Er is niets veranderd: 1 fout"):
        call_command("import_programma", str(bestand), stdout=uit)
    assert f"rij {rij}: kleur 'geel' bestaat niet; kies groen, oranje, rood of grijs" in uit.getvalue()


def test_import_command_imports_only_with_bevestig(programma, tmp_path):
    rij = rij_van(programma, "Inspanningen", "Code", "A1")
    bestand = tmp_path / "goed.xlsx"
    bestand.write_bytes(wijzig_werkmap(programma, "Inspanningen", {(rij, "Titel"): "Sneller bouwen"}))
    uit = io.StringIO()
    call_command("import_programma", str(bestand), stdout=uit)
    assert "Inspanningen: 0 nieuw, 1 gewijzigd, 23 ongewijzigd" in uit.getvalue()
    assert "Proefimport: er is niets veranderd." in uit.getvalue()
    assert Inspanning.objects.get(code="A1").titel == "Woningbouwversneller"
    call_command("import_programma", str(bestand), "--bevestig", stdout=io.StringIO())
    assert Inspanning.objects.get(code="A1").titel == "Sneller bouwen"


def test_exports_per_peildatum_imported_oldest_first_bring_the_voortgang_history_along(programma):
    oud, nieuw = exporteer_programma(datetime.date(2020, 11, 1)), programma
    voor = sorted(Voortgang.objects.values_list("inspanning__code", "peildatum", "inhoud", "planning", "financien"))
    _leeg_programma()
    for werkmap in (oud, nieuw):
        assert importeer(werkmap, bevestig=True).bevestigd
    assert (
        sorted(Voortgang.objects.values_list("inspanning__code", "peildatum", "inhoud", "planning", "financien"))
        == voor
    )
