from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from molenlanden.common.bedragen import EuroField
from molenlanden.common.formatting import datum
from molenlanden.common.richtext import RichTextField
from molenlanden.common.roles import get_rollen
from molenlanden.common.validators import EERSTE_DATUM, LAATSTE_DATUM, binnen_programma, niet_in_de_toekomst
from rapportage import planning, plekken
from thema.kleuren import Dimensie
from thema.models import niet_negatief

NUL = Decimal("0.00")
BEDRAG = {"max_digits": 12, "decimal_places": 2}  # as EuroField
JAAR_BINNEN_PROGRAMMA = f"Kies een jaar van {EERSTE_DATUM.year} tot en met {LAATSTE_DATUM.year}."


def _private_opslag():
    return storages["rapportages"]


# An adopted edition never changes: only whether it is public may still be set (and the time of that change).
WIJZIGBAAR_NA_VASTSTELLEN = frozenset({"openbaar", "gewijzigd_op"})
MAX_TEKST = 5000  # a comment, a verdict's explanation, a note: a few paragraphs of plain text


class EditieVastgesteld(ValidationError):
    """Refused: this would change an adopted edition (its content, snapshot, PDF or checksum) or delete it."""

    def __init__(self, wat: str = "gewijzigd"):
        super().__init__(
            f"Deze editie is vastgesteld en kan niet meer worden {wat}. Alleen ‘openbaar’ kan nog veranderen.",
            code="vastgesteld",
        )


class RapportageQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if set(kwargs) - WIJZIGBAAR_NA_VASTSTELLEN and self.vastgesteld().exists():
            raise EditieVastgesteld()
        return super().update(**kwargs)

    def delete(self):
        if self.vastgesteld().exists():
            raise EditieVastgesteld("verwijderd")
        return super().delete()

    def vastgesteld(self):
        return self.filter(status=Rapportage.Status.VASTGESTELD)

    def openbaar(self):
        return self.vastgesteld().filter(openbaar=True)

    def visible_to(self, user):
        """Every role may read every edition; anyone else only adopted editions marked openbaar."""
        return self.all() if get_rollen(user) else self.openbaar()


class Rapportage(models.Model):
    class Soort(models.TextChoices):
        WRAP_UP = "wrap_up", "Digitale wrap-up (Deel I)"
        UPDATE = "update", "Update Samenlevingsprogramma (Deel II)"
        VOORTGANG = "voortgang", "Voortgangsrapportage"

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        TER_REVIEW = "ter_review", "Ter review"
        VASTGESTELD = "vastgesteld", "Vastgesteld"

    titel = models.CharField("titel", max_length=200)
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        help_text="Het deel van het adres na /rapportages/, bijvoorbeeld update-2021.",
    )
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    peildatum = models.DateField(
        "peildatum",
        help_text="De stand van zaken op deze datum wordt gerapporteerd.",
        validators=[binnen_programma],
    )
    vorige_editie = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende_edities",
        verbose_name="vorige editie",
        help_text="Om mee te vergelijken. Leeg laten: de laatste eerdere editie.",
    )
    inleiding = RichTextField("inleiding", max_tekens=5000)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.CONCEPT)
    vastgesteld_op = models.DateField(
        "vastgesteld op", null=True, blank=True, validators=[binnen_programma, niet_in_de_toekomst]
    )
    vastgesteld_door = models.CharField(
        "vastgesteld door",
        max_length=200,
        blank=True,
        help_text="Zoals het in een zin staat, bijvoorbeeld: het college van burgemeester en wethouders.",
    )
    besluitnummer = models.CharField("besluitnummer", max_length=100, blank=True)
    review_ronde = models.PositiveIntegerField(
        "reviewronde", default=0, editable=False, help_text="Telt op bij elke keer dat de editie ter review gaat."
    )
    openbaar = models.BooleanField(
        "openbaar", default=False, help_text="Een vastgestelde editie die openbaar is, kan iedereen lezen."
    )
    planning_in_bijlage = models.BooleanField(
        "planning en budget in de bijlage",
        default=False,
        help_text="Neemt de planning van deze editie en het budget van de monitor op in de bijlage (pagina en PDF).",
    )
    snapshot = models.JSONField("vastgelegde inhoud", null=True, blank=True, editable=False)
    pdf = models.FileField("PDF", upload_to="rapportages/", storage=_private_opslag, blank=True, editable=False)
    pdf_sha256 = models.CharField("SHA-256 van de PDF", max_length=64, blank=True, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords(excluded_fields=["snapshot"])

    objects = RapportageQuerySet.as_manager()

    class Meta:
        ordering = ["-peildatum"]
        verbose_name = "rapportage"
        verbose_name_plural = "rapportages"

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self._refuse_change_if_adopted()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rapportage:detail", args=[self.slug])

    def delete(self, *args, **kwargs):
        if type(self).objects.filter(pk=self.pk).vastgesteld().exists():
            raise EditieVastgesteld("verwijderd")
        return super().delete(*args, **kwargs)

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == self.Status.VASTGESTELD

    @property
    def pdf_grootte(self) -> int | None:
        """The stored PDF's size in bytes, for its download link; None when there is no stored file (a concept)."""
        if not (self.is_vastgesteld and self.pdf):
            return None
        try:
            return self.pdf.size
        except OSError:
            return None

    def readable_by(self, user) -> bool:
        # Public first: then the session is not read, so the answer does not vary by cookie and every cache may
        # share the adopted file and page.
        return (self.is_vastgesteld and self.openbaar) or bool(get_rollen(user))

    def _refuse_change_if_adopted(self) -> None:
        """Compares every stored field of an adopted edition with this instance: any difference is refused."""
        velden = [f for f in self._meta.concrete_fields if f.name not in WIJZIGBAAR_NA_VASTSTELLEN]
        opgeslagen = type(self).objects.filter(pk=self.pk).values(*(f.attname for f in velden)).first()
        if opgeslagen is None or opgeslagen["status"] != self.Status.VASTGESTELD:
            return
        for veld in velden:
            if veld.get_prep_value(getattr(self, veld.attname)) != veld.get_prep_value(opgeslagen[veld.attname]):
                raise EditieVastgesteld()

    def clean(self):
        if self.vorige_editie_id and self.vorige_editie_id == self.pk:
            raise ValidationError({"vorige_editie": "Een editie kan niet haar eigen vorige editie zijn."})
        if self.vorige_editie and self.peildatum and self.vorige_editie.peildatum >= self.peildatum:
            raise ValidationError({"vorige_editie": "De vorige editie moet een eerdere peildatum hebben."})


# --- The planning of an edition (rules in rapportage/planning.py) ---


class Fase(models.Model):
    """One phase of an edition's planning: from voortgang uitvragen to publicatie."""

    Soort = planning.FaseSoort

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, related_name="fasen", verbose_name="rapportage"
    )
    soort = models.CharField("fase", max_length=12, choices=Soort.choices)
    begindatum = models.DateField(
        "van", help_text="Bij aanbieden aan het college: de vergaderdatum.", validators=[binnen_programma]
    )
    einddatum = models.DateField(
        "tot en met",
        null=True,
        blank=True,
        help_text="Leeg laten als de fase één dag is.",
        validators=[binnen_programma],
    )
    afgerond_op = models.DateField(
        "afgerond op",
        null=True,
        blank=True,
        validators=[binnen_programma, niet_in_de_toekomst],
        help_text="Alleen nodig als de applicatie het niet zelf ziet (vastgesteld, openbaar, alle voortgang binnen).",
    )
    toelichting = models.CharField(
        "toelichting",
        max_length=300,
        blank=True,
        help_text="Bijvoorbeeld wie er aan zet is: kernteam, redactiegroep, driehoeksoverleg.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["begindatum", "pk"]
        verbose_name = "fase"
        verbose_name_plural = "planning"
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "soort"],
                name="een_fase_per_soort",
                violation_error_message="Deze fase staat al in de planning van de editie.",
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True) | models.Q(einddatum__gte=models.F("begindatum")),
                name="fase_eindigt_na_begin",
                violation_error_message="De einddatum ligt vóór de begindatum.",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {planning.periode(self)}"

    @property
    def einde(self):
        return planning.einde(self)

    @property
    def periode(self) -> str:
        return planning.periode(self)

    def clean(self):
        try:
            peildatum = self.rapportage.peildatum
        except Rapportage.DoesNotExist:  # a phase typed on a new edition's page, before the edition is saved
            peildatum = None
        errors = planning.check_fase(self, peildatum=peildatum)
        if errors:
            raise ValidationError(errors)


class Herinnering(models.Model):
    """An automatic reminder sent (python manage.py herinneringen): at most one per person, phase and moment."""

    class Moment(models.TextChoices):
        VOORAF = planning.VOORAF, "Vóór de uiterste datum"
        ACHTERAF = planning.ACHTERAF, "Na de uiterste datum"

    fase = models.ForeignKey(Fase, on_delete=models.CASCADE, related_name="herinneringen", verbose_name="fase")
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="ontvanger"
    )
    moment = models.CharField("moment", max_length=10, choices=Moment.choices)
    inspanningen = models.CharField("over", max_length=500, help_text="De inspanningen zonder voortgang.")
    verstuurd_op = models.DateTimeField("verstuurd op", auto_now_add=True)

    class Meta:
        ordering = ["-verstuurd_op", "pk"]
        verbose_name = "verstuurde herinnering"
        verbose_name_plural = "verstuurde herinneringen"
        constraints = [
            models.UniqueConstraint(fields=["fase", "ontvanger", "moment"], name="een_herinnering_per_moment")
        ]

    def __str__(self):
        return f"{self.get_moment_display()}: {self.inspanningen}"


# --- Review of a draft edition ---


class OpmerkingQuerySet(models.QuerySet):
    def draden(self):
        return self.filter(parent__isnull=True)

    def open(self):
        return self.draden().filter(opgelost_op__isnull=True)


class Opmerking(models.Model):
    """A comment on a place in an edition; an answer is a comment with a parent. Resolving never deletes."""

    class Soort(models.TextChoices):
        EDITIE = "editie", "De editie als geheel"
        THEMA = "thema", "Thema"
        INSPANNING = "inspanning", "Inspanning"
        KERN = "kern", "Dorpsacties van een kern"

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, related_name="opmerkingen", verbose_name="rapportage"
    )
    ronde = models.PositiveIntegerField("reviewronde")
    soort = models.CharField("over", max_length=10, choices=Soort.choices)
    code = models.CharField("code", max_length=200, blank=True, help_text="Themacode, inspanningscode of kern-slug.")
    dimensie = models.CharField("dimensie", max_length=10, choices=Dimensie.choices, blank=True)
    anker = models.CharField("anker", max_length=220, blank=True, help_text="De plek op de rapportpagina.")
    plek_label = models.CharField("plek", max_length=300, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="antwoorden", verbose_name="antwoord op"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="auteur"
    )
    tekst = models.TextField("opmerking", max_length=MAX_TEKST, validators=[MaxLengthValidator(MAX_TEKST)])
    geplaatst_op = models.DateTimeField("geplaatst op", auto_now_add=True)
    opgelost_op = models.DateTimeField("opgelost op", null=True, blank=True)
    opgelost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="opgelost door",
    )

    objects = OpmerkingQuerySet.as_manager()

    class Meta:
        ordering = ["geplaatst_op", "pk"]
        verbose_name = "opmerking"
        verbose_name_plural = "opmerkingen"

    def __str__(self):
        return f"{self.plek_label}: {self.tekst[:50]}"

    def get_absolute_url(self):
        return f"{self.rapportage.get_absolute_url()}#{self.anker or 'review'}"

    @property
    def plek(self) -> str:
        """The key of the place, e.g. "inspanning:A1:planning"."""
        return plekken.sleutel(self.soort, self.code, self.dimensie)

    @property
    def blok_id(self) -> str:
        """The block of the report page that shows this comment's thread."""
        return plekken.blok_id(self.soort, self.anker, self.dimensie)

    @property
    def is_open(self) -> bool:
        return self.parent_id is None and self.opgelost_op is None


class Beoordeling(models.Model):
    """One redacteur's verdict on one review round; they may change it within the round."""

    class Oordeel(models.TextChoices):
        AKKOORD = "akkoord", "Akkoord"
        WIJZIGINGEN_NODIG = "wijzigingen_nodig", "Wijzigingen nodig"

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, related_name="beoordelingen", verbose_name="rapportage"
    )
    ronde = models.PositiveIntegerField("reviewronde")
    redacteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="redacteur"
    )
    oordeel = models.CharField("oordeel", max_length=20, choices=Oordeel.choices)
    toelichting = models.TextField(
        "toelichting", blank=True, max_length=MAX_TEKST, validators=[MaxLengthValidator(MAX_TEKST)]
    )
    gegeven_op = models.DateTimeField("gegeven op", auto_now=True)

    class Meta:
        ordering = ["ronde", "gegeven_op"]
        verbose_name = "beoordeling"
        verbose_name_plural = "beoordelingen"
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "ronde", "redacteur"],
                name="een_beoordeling_per_redacteur_per_ronde",
                violation_error_message="U hebt in deze ronde al een oordeel gegeven.",
            )
        ]

    def __str__(self):
        return f"{self.redacteur} · ronde {self.ronde}: {self.get_oordeel_display()}"


class ReviewGebeurtenis(models.Model):
    """The small log of the review: sent for review, sent back, adopted (with an override reason), reminders."""

    class Soort(models.TextChoices):
        TER_REVIEW = "ter_review", "Ter review gestuurd"
        TERUG_NAAR_CONCEPT = "terug", "Terug naar concept"
        VASTGESTELD = "vastgesteld", "Vastgesteld"
        VASTGESTELD_OVERRIDE = "override", "Vastgesteld met override"
        HERINNERING = "herinnering", "Herinnering aan trekkers"

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, related_name="review_gebeurtenissen", verbose_name="rapportage"
    )
    ronde = models.PositiveIntegerField("reviewronde")
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    notitie = models.TextField("notitie", blank=True, max_length=MAX_TEKST, validators=[MaxLengthValidator(MAX_TEKST)])
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = "reviewgebeurtenis"
        verbose_name_plural = "reviewgebeurtenissen"

    def __str__(self):
        return f"{self.get_soort_display()} (ronde {self.ronde})"


# --- The monitor's own budget (the sums: rapportage/budget.py) ---


class BudgetjaarQuerySet(models.QuerySet):
    def met_besteed(self, tot: datetime.date | None = None):
        """Annotates `besteed`: the sum of the spendings (up to and including `tot`), in the same query."""
        alleen = Q(bestedingen__datum__lte=tot) if tot else None
        return self.annotate(
            besteed=Coalesce(
                Sum("bestedingen__bedrag", filter=alleen),
                models.Value(NUL),
                output_field=models.DecimalField(**BEDRAG),
            )
        )

    def overzicht(self, tot: datetime.date | None = None) -> dict:
        """Per year the budget, what was spent (up to and including `tot`) and the remainder, with totals; one query."""
        jaren = []
        for jaar in self.met_besteed(tot).order_by("jaar"):  # Meta.ordering does not apply to a GROUP BY query
            besteed = jaar.besteed.quantize(NUL)  # SQLite's sum drops the cents that PostgreSQL keeps
            restant = jaar.bedrag - besteed
            jaren.append(
                {
                    "jaar": jaar.jaar,
                    "budget": jaar.bedrag,
                    "besteed": besteed,
                    "restant": restant,
                    "overschreden": restant < 0,
                }
            )
        totaal = {veld: sum((j[veld] for j in jaren), NUL) for veld in ("budget", "besteed", "restant")}
        return {"jaren": jaren, "totaal": totaal, "tot": tot}


class Budgetjaar(models.Model):
    jaar = models.PositiveSmallIntegerField(
        "jaar",
        unique=True,
        validators=[
            MinValueValidator(
                EERSTE_DATUM.year, f"Kies een jaar van {EERSTE_DATUM.year} tot en met {LAATSTE_DATUM.year}."
            ),
            MaxValueValidator(
                LAATSTE_DATUM.year, f"Kies een jaar van {EERSTE_DATUM.year} tot en met {LAATSTE_DATUM.year}."
            ),
        ],
        error_messages={"unique": "Voor dit jaar is al een budget vastgelegd."},
    )
    bedrag = EuroField("budget (€)")
    toelichting = models.CharField(
        "toelichting", max_length=300, blank=True, help_text="Bijvoorbeeld: begroting 2020, structurele raming."
    )
    history = HistoricalRecords()

    objects = BudgetjaarQuerySet.as_manager()

    class Meta:
        ordering = ["jaar"]
        verbose_name = "budget van de monitor"
        verbose_name_plural = "budget van de monitor"
        constraints = niet_negatief("bedrag")

    def __str__(self):
        return f"Budget {self.jaar}"


class Besteding(models.Model):
    budgetjaar = models.ForeignKey(
        Budgetjaar, on_delete=models.CASCADE, related_name="bestedingen", verbose_name="budgetjaar"
    )
    datum = models.DateField("datum", validators=[binnen_programma])
    omschrijving = models.CharField("omschrijving", max_length=200)
    bedrag = EuroField(
        "bedrag (€)", validators=[MinValueValidator(Decimal("0.01"), "Een besteding is een bedrag groter dan nul.")]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["datum", "pk"]
        verbose_name = "besteding"
        verbose_name_plural = "bestedingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gt=0),
                name="besteding_positief",
                violation_error_message="Een besteding is een bedrag groter dan nul.",
            )
        ]

    def __str__(self):
        return f"{self.omschrijving} ({datum(self.datum)})"

    def clean(self):
        try:
            jaar = self.budgetjaar.jaar
        except Budgetjaar.DoesNotExist:  # typed on a new year's page, before the year is saved
            return
        if self.datum and jaar and self.datum.year != jaar:
            raise ValidationError(
                {"datum": f"{datum(self.datum)} valt niet in {jaar}: een besteding hoort bij het jaar van haar datum."}
            )


# --- The background render of an edition's PDF (rapportage/renders.py) ---


class PdfRender(models.Model):
    """The state of an edition's PDF: rendered in the background, never in a request.

    `bestand` is the last complete PDF of a concept (a new one replaces it only when it is whole); `inhoudssleutel`
    is the content it was made from. `vaststellen` holds a requested adoption until its PDF is made.
    """

    class Status(models.TextChoices):
        NIEUW = "nieuw", "Nog niet gemaakt"
        GEPLAND = "gepland", "Gepland"
        BEZIG = "bezig", "Wordt gemaakt"
        KLAAR = "klaar", "Klaar"
        MISLUKT = "mislukt", "Mislukt"

    editie = models.OneToOneField(
        Rapportage, on_delete=models.CASCADE, related_name="pdf_render", verbose_name="editie", primary_key=True
    )
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.NIEUW)
    voortgang = models.PositiveSmallIntegerField("voortgang (%)", default=0)
    gepland_op = models.DateTimeField("gepland op", null=True, blank=True)
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    inhoudssleutel = models.CharField("inhoudssleutel", max_length=64, blank=True)
    bestand = models.FileField("PDF", upload_to="concepten/", storage=_private_opslag, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    melding = models.TextField("melding", blank=True)
    vaststellen = models.JSONField("gevraagde vaststelling", null=True, blank=True)

    class Meta:
        verbose_name = "PDF-render"
        verbose_name_plural = "PDF-renders"

    def __str__(self):
        return f"PDF van {self.editie}: {self.get_status_display().lower()}"

    @property
    def wordt_gemaakt(self) -> bool:
        return self.status in (self.Status.GEPLAND, self.Status.BEZIG)
