from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from molenlanden.common.bedragen import EuroField
from molenlanden.common.richtext import RichTextField, html_to_text
from molenlanden.common.validators import CodeValidator, binnen_programma, niet_in_de_toekomst
from thema.kleuren import DIMENSIES, Kleur, is_afwijkend

CODE = {"max_length": 10, "unique": True, "validators": [CodeValidator()]}


def niet_negatief(*velden: str) -> list[models.CheckConstraint]:
    """The database refuses a negative amount too, also from a script that skips validation."""
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{veld}__gte": 0}) | models.Q(**{f"{veld}__isnull": True}),
            name=f"%(app_label)s_%(class)s_{veld}_niet_negatief",
            violation_error_message="Een bedrag kan niet negatief zijn.",
        )
        for veld in velden
    ]


class ThemaQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True)


class Thema(models.Model):
    code = models.CharField("code", help_text="Bijvoorbeeld A.", **CODE)
    naam = models.CharField("naam", max_length=200)
    slug = models.SlugField("slug", max_length=200, unique=True)
    korte_omschrijving = models.CharField("korte omschrijving", max_length=300, blank=True)
    context = RichTextField("context", max_tekens=4000)
    doel = RichTextField("doel", max_tekens=2000)
    portefeuillehouder = models.CharField("portefeuillehouder", max_length=200, blank=True)
    volgorde = models.PositiveIntegerField("volgorde", default=0)
    actief = models.BooleanField("actief", default=True)
    history = HistoricalRecords()

    objects = ThemaQuerySet.as_manager()

    class Meta:
        ordering = ["volgorde", "code"]
        verbose_name = "pittig thema"
        verbose_name_plural = "pittige thema's"
        constraints = [
            models.UniqueConstraint(
                Lower("code"),
                name="thema_code_uniek_ongeacht_hoofdletters",
                violation_error_message="Er is al een thema met deze code (hoofd- of kleine letters tellen niet).",
            )
        ]

    def __str__(self):
        return f"{self.code}. {self.naam}"


class InspanningQuerySet(models.QuerySet):
    def met_laatste_voortgang(self):
        """Annotates the colours of the newest voortgang, in one query (for lists and filters)."""
        laatste = Voortgang.objects.filter(inspanning=OuterRef("pk")).order_by("-peildatum")
        return self.annotate(
            laatste_peildatum=Subquery(laatste.values("peildatum")[:1]),
            laatste_inhoud=Subquery(laatste.values("inhoud")[:1]),
            laatste_planning=Subquery(laatste.values("planning")[:1]),
            laatste_financien=Subquery(laatste.values("financien")[:1]),
        )

    def van_trekker(self, user):
        return self.filter(trekkers=user)


class Inspanning(models.Model):
    class Status(models.TextChoices):
        LOPEND = "lopend", "Lopend"
        AFGEROND = "afgerond", "Afgerond"
        VERVALLEN = "vervallen", "Vervallen"

    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="inspanningen", verbose_name="thema")
    code = models.CharField("code", help_text="Bijvoorbeeld A1.", **CODE)
    titel = models.CharField("titel", max_length=200)
    omschrijving = RichTextField("omschrijving", max_tekens=4000)
    bestuurlijk_opdrachtgever = models.CharField("bestuurlijk opdrachtgever", max_length=200, blank=True)
    ambtelijk_opdrachtnemer = models.CharField("ambtelijk opdrachtnemer", max_length=200, blank=True)
    trekkers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="inspanningen", verbose_name="trekkers"
    )
    budget = EuroField("budget (€)", null=True, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.LOPEND)
    status_sinds = models.DateField("status sinds", null=True, blank=True, validators=[binnen_programma])
    opgenomen_op = models.DateField(
        "opgenomen op",
        help_text="De datum waarop de inspanning in het programma kwam.",
        validators=[binnen_programma],
    )
    history = HistoricalRecords(m2m_fields=[trekkers])

    objects = InspanningQuerySet.as_manager()

    class Meta:
        ordering = ["thema__volgorde", "thema__code", "code"]
        verbose_name = "inspanning"
        verbose_name_plural = "inspanningen"
        # Anchors on the report page use the code in lower case: A1 and a1 would be one place.
        constraints = [
            models.UniqueConstraint(
                Lower("code"),
                name="inspanning_code_uniek_ongeacht_hoofdletters",
                violation_error_message="Er is al een inspanning met deze code (hoofd- of kleine letters tellen niet).",
            ),
            *niet_negatief("budget"),
        ]

    def __str__(self):
        return f"{self.code} {self.titel}"

    def status_op(self, datum) -> str:
        """The status at a date: a finish or drop only counts from the day it happened."""
        if self.status != self.Status.LOPEND and self.status_sinds and self.status_sinds <= datum:
            return self.status
        return self.Status.LOPEND

    def clean(self):
        if self.status != self.Status.LOPEND and not self.status_sinds:
            raise ValidationError({"status_sinds": "Vul in sinds wanneer de inspanning afgerond of vervallen is."})


class Voortgang(models.Model):
    """One judgement of an inspanning at a peildatum; a time series, never overwritten by a later round."""

    inspanning = models.ForeignKey(
        Inspanning, on_delete=models.CASCADE, related_name="voortgang", verbose_name="inspanning"
    )
    peildatum = models.DateField("peildatum", validators=[binnen_programma, niet_in_de_toekomst])
    inhoud = models.CharField("inhoud", max_length=10, choices=Kleur.choices, default=Kleur.GRIJS)
    inhoud_toelichting = RichTextField("toelichting inhoud")
    planning = models.CharField("planning", max_length=10, choices=Kleur.choices, default=Kleur.GRIJS)
    planning_toelichting = RichTextField("toelichting planning")
    financien = models.CharField("financiën", max_length=10, choices=Kleur.choices, default=Kleur.GRIJS)
    financien_toelichting = RichTextField("toelichting financiën")
    bijsturing = RichTextField("bijsturing")
    besteed = EuroField("besteed tot nu (€)", null=True, blank=True)
    prognose = EuroField("prognose (€)", null=True, blank=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ingevoerd door",
    )
    ingevoerd_op = models.DateTimeField("ingevoerd op", auto_now_add=True)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-peildatum"]
        verbose_name = "voortgang"
        verbose_name_plural = "voortgang"
        constraints = [
            models.UniqueConstraint(
                fields=["inspanning", "peildatum"],
                name="een_voortgang_per_peildatum",
                violation_error_message="Deze inspanning heeft al een voortgang op deze peildatum.",
            ),
            *niet_negatief("besteed", "prognose"),
        ]

    def __str__(self):
        return f"{self.inspanning.code} per {self.peildatum:%d-%m-%Y}"

    def clean(self):
        errors = {}
        for veld, label in DIMENSIES:
            toelichting = f"{veld}_toelichting"
            if is_afwijkend(getattr(self, veld)) and not html_to_text(getattr(self, toelichting)):
                kleur = Kleur(getattr(self, veld)).label.lower()
                errors[toelichting] = (
                    f"{label} staat op {kleur}: licht toe wat de oorzaak is, wat het gevolg is "
                    "en hoe wordt bijgestuurd."
                )
        if errors:
            raise ValidationError(errors)

    def kleuren(self):
        return [(veld, label, getattr(self, veld), getattr(self, f"{veld}_toelichting")) for veld, label in DIMENSIES]


class Mijlpaal(models.Model):
    inspanning = models.ForeignKey(
        Inspanning, on_delete=models.CASCADE, related_name="mijlpalen", verbose_name="inspanning"
    )
    omschrijving = models.CharField("omschrijving", max_length=300)
    geplande_datum = models.DateField("geplande datum", validators=[binnen_programma])
    gereed_op = models.DateField("gereed op", null=True, blank=True, validators=[binnen_programma, niet_in_de_toekomst])
    history = HistoricalRecords()

    class Meta:
        ordering = ["geplande_datum"]
        verbose_name = "mijlpaal"
        verbose_name_plural = "mijlpalen"

    def __str__(self):
        return self.omschrijving

    def gemist_op(self, datum) -> bool:
        """Missed at a date: planned before it and not done by then."""
        return self.geplande_datum < datum and (self.gereed_op is None or self.gereed_op > datum)
