"""Word in: documents made here with python-docx from seed 003's text (how the municipality writes an inspanning)
and from the variations met in practice. The preview says what was read, and what was not and why."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image

from molenlanden.programma_io.word import lees_word
from molenlanden.programma_io.word_import import importeer_word
from thema.models import Inspanning, Thema, Voortgang

SEED = Path(__file__).resolve().parent / "data" / "seed_003_inspanning.txt"  # a copy of the municipality's text
PEILDATUM = datetime.date(2021, 9, 1)
LABELS = ("Omschrijving", "Inhoud (voortgang)", "Planning (Voortgang)", "Financiën (voortgang)")


def docx(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def seed_document(kop: str | None = None) -> Document:
    """Seed 003 as the municipality writes it: bold labels, a letter on its own line, then paragraphs."""
    document = Document()
    if kop:
        document.add_heading(kop, level=1)
    for blok in [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]:
        alinea = document.add_paragraph(blok)
        alinea.runs[0].bold = blok in LABELS
    return document


def link(alinea, url: str, tekst: str) -> None:
    """A hyperlink as Word writes one (python-docx can read them, not add them)."""
    r_id = alinea.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    tekst_element = OxmlElement("w:t")
    tekst_element.text = tekst
    run.append(tekst_element)
    hyperlink.append(run)
    alinea._p.append(hyperlink)


def importeer(inhoud, naam="A1.docx", thema="A", bevestig=False):
    return importeer_word(inhoud, naam, thema=Thema.objects.get(code=thema), peildatum=PEILDATUM, bevestig=bevestig)


def test_seed_003_as_written_today_is_read_with_its_colours_and_texts(demo):
    verslag = importeer(docx(seed_document()), naam="Uitvoeringsagenda wonen welzijn zorg.docx")

    assert [str(f) for f in verslag.fouten] == []
    [gelezen] = verslag.inspanningen
    assert (gelezen.code, gelezen.titel) == ("A5", "Uitvoeringsagenda wonen welzijn zorg")
    assert {naam: s.kleur for naam, s in gelezen.secties.items()} == {
        "omschrijving": None,
        "inhoud": "groen",
        "planning": "groen",
        "financien": "groen",
    }
    assert gelezen.secties["omschrijving"].html.startswith(
        "<p>De regionale visie vertalen we naar een uitvoeringsagenda."
    )
    assert gelezen.secties["omschrijving"].html.count("<p>") == 2
    assert gelezen.secties["financien"].html == (
        "<p>Met het ANNO budget (+/- €13.000,-) en het resterende budget voor de woonzorgvisie (€146.830,-) "
        "kunnen we de uitvoeringsagenda opstellen en uitvoeren.</p>"
    )
    assert gelezen.genoemd == [Decimal("13000.00"), Decimal("146830.00")]
    assert gelezen.meldingen == [
        "het document heeft geen kop met code en titel; de bestandsnaam is als titel gebruikt: "
        "'Uitvoeringsagenda wonen welzijn zorg'",
        "bedragen in de tekst (€\u00a013.000,-, €\u00a0146.830,-) staan in de toelichting, maar zijn niet als budget "
        "overgenomen; zet een regel 'Budget: € …' in het document of vul het budget in het beheer in",
        "nieuwe inspanning; de code A5 is gekozen",
    ]
    assert verslag.resultaat(gelezen).soort == "nieuw"
    assert not Inspanning.objects.filter(code="A5").exists()  # the preview changes nothing


def test_confirmed_word_import_creates_the_inspanning_and_its_voortgang_and_twice_changes_nothing(demo):
    inhoud = docx(seed_document("A7 Uitvoeringsagenda wonen, welzijn en zorg"))
    verslag = importeer(inhoud, bevestig=True)
    assert verslag.bevestigd
    a7 = Inspanning.objects.get(code="A7")
    assert (a7.thema.code, a7.titel, a7.opgenomen_op) == ("A", "Uitvoeringsagenda wonen, welzijn en zorg", PEILDATUM)
    voortgang = a7.voortgang.get()
    assert (voortgang.peildatum, voortgang.inhoud, voortgang.planning, voortgang.financien) == (
        PEILDATUM,
        "groen",
        "groen",
        "groen",
    )
    assert voortgang.planning_toelichting.startswith("<p>In de periode tot en met september")

    opnieuw = importeer(inhoud, bevestig=True)
    assert opnieuw.resultaat(opnieuw.inspanningen[0]).soort == "ongewijzigd"
    assert a7.history.count() == 1 and voortgang.history.count() == 1


def _variatie() -> Document:
    """Headings for labels, words and letters in any case, a colour on the label's line, lists, formatting, a
    budget line, a table and an image: the ways the municipality's documents differ."""
    document = Document()
    document.add_heading("A1 Woningbouwversneller", level=1)
    document.add_heading("Omschrijving", level=2)
    alinea = document.add_paragraph("We trekken ")
    alinea.add_run("vastgelopen").bold = True
    alinea.add_run(" plannen ")
    alinea.add_run("vlot").italic = True
    alinea.add_run(". Zie ")
    link(alinea, "https://www.molenlanden.nl/wonen", "de woonvisie")
    document.add_paragraph("eerste bouwplan", style="List Bullet")
    document.add_paragraph("tweede bouwplan", style="List Bullet")
    document.add_heading("Inhoud (VOORTGANG)", level=2)
    document.add_paragraph("Groen")
    document.add_paragraph("Drie plannen zijn weer in procedure.")
    document.add_paragraph("Planning (voortgang): oranje")
    document.add_paragraph("Vergunning", style="List Number")
    document.add_paragraph("Bezwaar", style="List Number")
    document.add_paragraph().add_run().add_picture(_png(), width=None)
    document.add_paragraph("Financien (Voortgang)")
    document.add_paragraph("r")
    document.add_paragraph("De kosten lopen op tot 150.000 euro.")
    tabel = document.add_table(rows=2, cols=2)
    tabel.cell(0, 0).text, tabel.cell(0, 1).text = "Post", "Bedrag"
    tabel.cell(1, 0).text, tabel.cell(1, 1).text = "Onderzoek", "€ 20.000,-"
    document.add_paragraph("Budget: € 146.830,-")
    document.add_paragraph("Besteed: €98.500,50")
    return document


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def test_variations_are_read_and_what_cannot_be_carried_over_is_reported(demo):
    verslag = importeer(docx(_variatie()), bevestig=True)

    assert [str(f) for f in verslag.fouten] == []
    [a1] = verslag.inspanningen
    assert (a1.code, a1.titel) == ("A1", "Woningbouwversneller")
    assert [a1.kleur(d) for d in ("inhoud", "planning", "financien")] == ["groen", "oranje", "rood"]
    assert a1.secties["omschrijving"].html == (
        '<p>We trekken <strong>vastgelopen</strong> plannen <em>vlot</em>. Zie <a href="https://www.molenlanden.nl/wonen"'
        ' rel="noopener noreferrer">de woonvisie</a></p><ul><li>eerste bouwplan</li><li>tweede bouwplan</li></ul>'
    )
    assert a1.secties["planning"].html == "<ol><li>Vergunning</li><li>Bezwaar</li></ol>"
    assert a1.secties["financien"].html == (
        "<p>De kosten lopen op tot 150.000 euro.</p><ul><li>Post – Bedrag</li><li>Onderzoek – € 20.000,-</li></ul>"
    )
    assert a1.bedragen == {"budget": Decimal("146830.00"), "besteed": Decimal("98500.50")}
    assert a1.meldingen == [
        "een afbeelding bij Planning is niet overgenomen (de toelichting kan alleen tekst bevatten)",
        "een tabel bij Financiën is omgezet naar een opsomming (één regel per rij)",
    ]
    inspanning = Inspanning.objects.get(code="A1")
    assert inspanning.budget == Decimal("146830.00")
    assert inspanning.omschrijving == a1.secties["omschrijving"].html
    voortgang = inspanning.voortgang.get(peildatum=PEILDATUM)
    assert (voortgang.planning, voortgang.financien, voortgang.besteed) == ("oranje", "rood", Decimal("98500.50"))


def test_labels_in_a_table_with_the_colour_in_the_next_cell(demo):
    document = Document()
    document.add_paragraph().add_run("B2 Samen sterk in de wijk").bold = True
    tabel = document.add_table(rows=3, cols=3)
    for rij, (label, kleur, tekst) in enumerate(
        [("Inhoud", "G", "Loopt."), ("Planning (voortgang)", "O", "Later."), ("Financiën", "Groen", "Binnen budget.")]
    ):
        tabel.cell(rij, 0).text, tabel.cell(rij, 1).text, tabel.cell(rij, 2).text = label, kleur, tekst
    verslag = importeer(docx(document), thema="B")
    [b2] = verslag.inspanningen
    assert [b2.kleur(d) for d in ("inhoud", "planning", "financien")] == ["groen", "oranje", "groen"]
    assert b2.secties["planning"].html == "<p>Later.</p>"


def test_missing_and_empty_sections_become_grijs_and_are_reported(demo):
    document = Document()
    document.add_heading("A2 Starters op de woningmarkt", level=1)
    document.add_paragraph("Inhoud (voortgang)")
    document.add_paragraph("G")
    document.add_paragraph("Goed op weg.")
    document.add_paragraph("Planning (voortgang)")
    verslag = importeer(docx(document))
    [a2] = verslag.inspanningen
    assert [a2.kleur(d) for d in ("inhoud", "planning", "financien")] == ["groen", "grijs", "grijs"]
    assert a2.meldingen == [
        "Planning is leeg; het oordeel wordt grijs (niet gestart of niet van toepassing)",
        "Financiën ontbreekt; het oordeel wordt grijs (niet gestart of niet van toepassing)",
    ]
    assert [str(f) for f in verslag.fouten] == []


@pytest.mark.parametrize(
    ("regels", "fout"),
    [
        (
            ["A1 Woningbouwversneller", "Planning (voortgang)", "Het loopt uit."],
            "A1 Woningbouwversneller: bij Planning staat geen kleur; zet G, O of R, of groen, oranje, rood of grijs "
            "direct onder de kop",
        ),
        (
            ["A1 Woningbouwversneller", "Inhoud (voortgang)", "O"],
            "A1 Woningbouwversneller: Inhoud staat op oranje: licht toe wat de oorzaak is, wat het gevolg is en hoe "
            "wordt bijgestuurd. (kolom Toelichting inhoud)",
        ),
        (
            ["B1 Eén loket", "Inhoud (voortgang)", "G"],
            "B1 Eén loket: B1 hoort bij thema B, niet bij A; kies thema B of pas de code in het document aan",
        ),
        (
            ["Zomaar een tekst zonder kopjes."],
            "er is geen inspanning gevonden: geen kop Omschrijving, Inhoud, Planning of Financiën in het document",
        ),
    ],
    ids=["no-colour", "oranje-without-toelichting", "other-thema", "nothing"],
)
def test_what_cannot_be_imported_is_refused_with_the_reason_and_nothing_changes(demo, regels, fout):
    document = Document()
    document.add_heading(regels[0], level=1) if regels[0][:2] in ("A1", "B1") else document.add_paragraph(regels[0])
    for regel in regels[1:]:
        document.add_paragraph(regel)
    aantal = Voortgang.objects.count()
    verslag = importeer(docx(document), bevestig=True)
    assert fout in [str(f) for f in verslag.fouten] + [str(f) for b in verslag.bladen for f in b.fouten]
    assert not verslag.bevestigd
    assert Voortgang.objects.count() == aantal


def test_two_inspanningen_in_one_document(demo):
    document = seed_document("A1 Woningbouwversneller")
    for alinea in seed_document("A8 Uitvoeringsagenda").paragraphs:
        nieuw = document.add_paragraph(alinea.text, style=alinea.style.name)
        nieuw.runs[0].bold = alinea.runs[0].bold
    verslag = importeer(docx(document))
    assert [i.naam for i in verslag.inspanningen] == ["A1 Woningbouwversneller", "A8 Uitvoeringsagenda"]
    assert [verslag.resultaat(i).soort for i in verslag.inspanningen] == ["gewijzigd", "nieuw"]


@pytest.mark.parametrize(
    ("naam", "inhoud", "bericht"),
    [
        ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Dit is een oud bestandsformaat (.doc)"),
        ("macro.docm", b"PK", "Het bestand bevat macro's (.docm)"),
        ("werkmap.xlsx", b"PK", "Dit is geen Word-document: de naam eindigt niet op .docx."),
    ],
)
def test_a_wrong_file_is_refused(demo, naam, inhoud, bericht):
    verslag = importeer(inhoud, naam=naam)
    assert str(verslag.fouten[0]).startswith(bericht)


def test_a_document_is_read_without_a_database(tmp_path):
    gelezen = lees_word(docx(seed_document("C3 Mantelzorg")), "c3.docx")
    assert [i.naam for i in gelezen.inspanningen] == ["C3 Mantelzorg"]


def test_import_word_command(demo, tmp_path):
    bestand = tmp_path / "a7.docx"
    bestand.write_bytes(docx(seed_document("A7 Uitvoeringsagenda")))
    uit = io.StringIO()
    call_command("import_word", str(bestand), "--thema", "A", "--peildatum", "2021-09-01", stdout=uit)
    assert "- A7 Uitvoeringsagenda: inhoud groen, planning groen, financiën groen (nieuw)" in uit.getvalue()
    assert "Proefimport: er is niets veranderd." in uit.getvalue()
    call_command("import_word", str(bestand), "--thema", "A", "--peildatum", "2021-09-01", "--bevestig", stdout=uit)
    assert Inspanning.objects.filter(code="A7").exists()
    with pytest.raises(CommandError, match="Thema 'Q' bestaat niet"):
        call_command("import_word", str(bestand), "--thema", "Q", stdout=uit)
