"""Reading inspanningen from the municipality's Word documents, written as seed 003 is written.

Per inspanning: a heading with its code and title ("A1 Uitvoeringsagenda"), then labels (as a heading, in bold or
plain) for Omschrijving, Inhoud (voortgang), Planning (voortgang) and Financiën (voortgang); under each colour label
a G/O/R letter or the word (groen, Oranje, ...), then paragraphs. A label may also be the first cell of a table row,
with the colour and text in the next cells. Formatting becomes the editor's rich text (paragraphs, lists, bold,
italic, links); whatever cannot be carried over (images, tables inside a text, text outside any section) is
reported, never dropped silently.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape

from molenlanden.common.formatting import euro, parse_euro
from molenlanden.common.richtext import clean_rich_text, html_to_text
from molenlanden.programma_io.word_opmaak import alinea_html, lijst_soort, unieke_cellen
from thema.kleuren import DIMENSIE_LABELS, Kleur, kleur_uit_tekst

OMSCHRIJVING, BIJSTURING = "omschrijving", "bijsturing"
KLEUR_SECTIES = tuple(DIMENSIE_LABELS)  # inhoud, planning, financien
SECTIE_LABELS = {OMSCHRIJVING: "Omschrijving", **DIMENSIE_LABELS, BIJSTURING: "Bijsturing"}
_LABEL = re.compile(
    r"^(?P<naam>omschrijving|inhoud|planning|financi[eë]n|bijsturing)\s*(\(\s*voortgang\s*\))?\s*[:.\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_KOP_MET_CODE = re.compile(r"^(?P<code>[A-Z]{1,3}\d{1,3}[a-z]?)\b[\s.:–-]*(?P<titel>.*)$")
_BEDRAG_REGEL = re.compile(r"^(?P<naam>budget|besteed|prognose)\s*[:=]\s*(?P<bedrag>.+)$", re.IGNORECASE)
_BEDRAG_IN_TEKST = re.compile(r"€\s?-?\d[\d.]*(?:,(?:\d{1,2}|-{1,2}))?|\b\d[\d.]*(?:,\d{1,2})?\s*euro\b", re.I)
KORT = 60
GEEN_INSPANNING = "er is geen inspanning gevonden: geen kop Omschrijving, Inhoud, Planning of Financiën in het document"
TITEL_UIT_NAAM = "het document heeft geen kop met code en titel; de bestandsnaam is als titel gebruikt: '{}'"
GEEN_KLEUR = "bij {} staat geen kleur; zet G, O of R, of groen, oranje, rood of grijs direct onder de kop"
BEDRAGEN_IN_TEKST = (
    "bedragen in de tekst ({}) staan in de toelichting, maar zijn niet als budget overgenomen; zet een regel "
    "'Budget: € …' in het document of vul het budget in het beheer in"
)


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= KORT else tekst[: KORT - 1] + "…"


def _kleur(tekst: str) -> str | None:
    if len(tekst) > 10:
        return None
    try:
        return kleur_uit_tekst(tekst).value
    except ValueError:
        return None


@dataclass
class Sectie:
    naam: str
    kleur: str | None = None
    blokken: list[tuple[str, str]] = field(default_factory=list)  # ("p", html) or ("ul"/"ol", html of one item)

    @property
    def label(self) -> str:
        return SECTIE_LABELS[self.naam]

    @property
    def html(self) -> str:
        delen, lijst = [], None
        for soort, inhoud in self.blokken:
            if soort != lijst and lijst:
                delen.append(f"</{lijst}>")
                lijst = None
            if soort == "p":
                delen.append(f"<p>{inhoud}</p>")
            else:
                if lijst is None:
                    delen.append(f"<{soort}>")
                    lijst = soort
                delen.append(f"<li>{inhoud}</li>")
        if lijst:
            delen.append(f"</{lijst}>")
        return clean_rich_text("".join(delen))

    @property
    def tekst(self) -> str:
        return html_to_text(self.html)


@dataclass
class GelezenInspanning:
    code: str = ""
    titel: str = ""
    secties: dict[str, Sectie] = field(default_factory=dict)
    bedragen: dict[str, Decimal] = field(default_factory=dict)  # budget, besteed, prognose from "Budget: € ..."
    genoemd: list[Decimal] = field(default_factory=list)  # amounts mentioned in the text
    meldingen: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    def sectie(self, naam: str) -> Sectie:
        return self.secties.setdefault(naam, Sectie(naam))

    @property
    def naam(self) -> str:
        return " ".join(d for d in (self.code, self.titel) if d) or "(zonder titel)"

    def kleur(self, naam: str) -> str:
        """The colour the document gives a dimension; a missing or empty section counts as grijs."""
        sectie = self.secties.get(naam)
        return sectie.kleur if sectie and sectie.kleur else Kleur.GRIJS

    @property
    def genoemde_bedragen(self) -> str:
        return ", ".join(euro(b) for b in self.genoemd)


@dataclass
class WordDocument:
    inspanningen: list[GelezenInspanning] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)  # about the document as a whole
    fouten: list[str] = field(default_factory=list)


class _Lezer:
    def __init__(self, document, bestandsnaam: str):
        self.document = document
        self.bestandsnaam = bestandsnaam
        self.resultaat = WordDocument()
        self.huidig: GelezenInspanning | None = None
        self.sectie: Sectie | None = None
        try:
            self.nummering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self.nummering = None

    # --- where we are

    def _begin(self, code="", titel="") -> GelezenInspanning:
        self.huidig = GelezenInspanning(code=code, titel=titel)
        self.resultaat.inspanningen.append(self.huidig)
        self.sectie = None
        return self.huidig

    def _open(self, naam: str, kleur: str | None) -> None:
        inspanning = self.huidig or self._begin()
        if naam in inspanning.secties:
            inspanning.meldingen.append(
                f"{SECTIE_LABELS[naam]} staat twee keer in het document; beide delen zijn gelezen"
            )
        self.sectie = inspanning.sectie(naam)
        if kleur:
            self.sectie.kleur = kleur

    def _melding(self, tekst: str) -> None:
        (self.huidig.meldingen if self.huidig else self.resultaat.meldingen).append(tekst)

    # --- reading

    def lees(self) -> WordDocument:
        from docx.table import Table

        for blok in self.document.iter_inner_content():
            if isinstance(blok, Table):
                self._tabel(blok)
            else:
                self._alinea(blok)
        self._controleer()
        return self.resultaat

    def _alinea(self, alinea, *, in_tabel=False) -> None:
        tekst = alinea.text.strip()
        if alinea._p.xpath(".//w:drawing | .//w:pict"):
            waar = f"bij {self.sectie.label}" if self.sectie else "in het document"
            self._melding(f"een afbeelding {waar} is niet overgenomen (de toelichting kan alleen tekst bevatten)")
        if not tekst:
            return
        if label := _label(tekst):
            self._open(*label)
            return
        if not in_tabel and (kop := self._kop(alinea, tekst)):
            self._begin(*kop)
            return
        if self.huidig is None:
            self.resultaat.meldingen.append(f"tekst vóór de eerste inspanning is niet gelezen: '{_kort(tekst)}'")
            return
        if self.sectie is None:
            self.sectie = self.huidig.sectie(OMSCHRIJVING)  # text right under the title describes the inspanning
        wacht_op_kleur = self.sectie.naam in KLEUR_SECTIES and self.sectie.kleur is None and not self.sectie.blokken
        if wacht_op_kleur and (kleur := _kleur(tekst)):
            self.sectie.kleur = kleur
            return
        if (regel := _BEDRAG_REGEL.match(tekst)) and self._bedrag(regel):
            return
        self._bedragen_in(tekst)
        self.sectie.blokken.append((lijst_soort(alinea, self.nummering) or "p", alinea_html(alinea)))

    def _kop(self, alinea, tekst: str) -> tuple[str, str] | None:
        stijl = (alinea.style.name if alinea.style is not None else "").lower()
        is_kop = stijl.startswith(("heading", "kop", "title", "titel"))
        vet = all(run.bold for run in alinea.runs if run.text.strip())
        match = _KOP_MET_CODE.match(tekst)
        if match and (is_kop or vet):
            return match.group("code"), match.group("titel").strip()
        if is_kop and len(tekst) <= 200:
            return "", tekst
        return None

    def _bedrag(self, regel) -> bool:
        try:
            bedrag = parse_euro(regel.group("bedrag"))
        except ValueError:
            return False
        self.huidig.bedragen[regel.group("naam").lower()] = bedrag
        return True

    def _bedragen_in(self, tekst: str) -> None:
        for gevonden in _BEDRAG_IN_TEKST.findall(tekst):
            gevonden = gevonden.rstrip(".")  # the end of a sentence
            try:
                self.huidig.genoemd.append(parse_euro(gevonden))
            except ValueError:
                self.huidig.meldingen.append(f"het bedrag '{gevonden}' is niet te lezen")

    def _tabel(self, tabel) -> None:
        for rij in tabel.rows:
            cellen = unieke_cellen(rij)
            eerste = cellen[0].text.strip() if cellen else ""
            if label := _label(eerste):
                self._open(*label)
                for cel in cellen[1:]:
                    for alinea in cel.paragraphs:
                        self._alinea(alinea, in_tabel=True)
            elif self.sectie is not None and any(c.text.strip() for c in cellen):
                tekst = " – ".join(c.text.strip() for c in cellen if c.text.strip())
                self._bedragen_in(tekst)
                self.sectie.blokken.append(("ul", escape(tekst)))
                melding = f"een tabel bij {self.sectie.label} is omgezet naar een opsomming (één regel per rij)"
                if melding not in self.huidig.meldingen:
                    self.huidig.meldingen.append(melding)
            elif any(c.text.strip() for c in cellen):
                self._melding(f"een tabelrij buiten een kop is niet gelezen: '{_kort(eerste)}'")

    # --- what could not be read

    def _controleer(self) -> None:
        for kop in [i for i in self.resultaat.inspanningen if not i.secties]:
            self.resultaat.inspanningen.remove(kop)
            self.resultaat.meldingen.append(
                f"de kop '{_kort(kop.naam)}' heeft geen Omschrijving, Inhoud, Planning of Financiën eronder en is "
                "niet als inspanning gelezen"
            )
        inspanningen = self.resultaat.inspanningen
        if not inspanningen:
            self.resultaat.fouten.append(GEEN_INSPANNING)
        zonder_titel = [i for i in inspanningen if not i.titel and not i.code]
        if len(zonder_titel) == 1 and len(inspanningen) == 1:
            inspanningen[0].titel = _titel_uit(self.bestandsnaam)
            inspanningen[0].meldingen.append(TITEL_UIT_NAAM.format(inspanningen[0].titel))
        elif zonder_titel:
            for i in zonder_titel:
                i.fouten.append(
                    "deze inspanning heeft geen kop met code en titel; zet er een kop boven, bijvoorbeeld 'A1 Titel'"
                )
        for inspanning in inspanningen:
            for naam in KLEUR_SECTIES:
                sectie = inspanning.secties.get(naam)
                label = SECTIE_LABELS[naam]
                if sectie is None:
                    inspanning.meldingen.append(
                        f"{label} ontbreekt; het oordeel wordt grijs (niet gestart of niet van toepassing)"
                    )
                elif sectie.kleur is None and sectie.blokken:
                    inspanning.fouten.append(GEEN_KLEUR.format(label))
                elif sectie.kleur is None:
                    inspanning.meldingen.append(
                        f"{label} is leeg; het oordeel wordt grijs (niet gestart of niet van toepassing)"
                    )
            if inspanning.genoemd and "budget" not in inspanning.bedragen:
                inspanning.meldingen.append(BEDRAGEN_IN_TEKST.format(inspanning.genoemde_bedragen))


def _label(tekst: str) -> tuple[str, str | None] | None:
    """('inhoud', 'groen') for "Inhoud (voortgang)" or "Inhoud (Voortgang): G"; None for other text."""
    match = _LABEL.match(tekst)
    if not match:
        return None
    naam = match.group("naam").lower().replace("ë", "e")
    rest = match.group("rest").strip()
    if not rest:
        return naam, None
    kleur = _kleur(rest)
    return (naam, kleur) if kleur and naam in KLEUR_SECTIES else None


def _titel_uit(bestandsnaam: str) -> str:
    naam = re.sub(r"\.docx$", "", bestandsnaam or "", flags=re.IGNORECASE)
    return re.sub(r"[_\s]+", " ", naam).strip() or "Inspanning uit Word"


def lees_word(inhoud: bytes, bestandsnaam: str) -> WordDocument:
    """Reads a .docx (checked beforehand by bestanden.controleer) into inspanningen with what could not be read."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(inhoud))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise ValueError("Het Word-document kan niet worden gelezen; sla het opnieuw op als .docx.") from e
    return _Lezer(document, bestandsnaam).lees()
