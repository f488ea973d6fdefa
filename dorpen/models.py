from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from simple_history.models import HistoricalRecords

from dorpen.validators import FotoValidator
from molenlanden.common.bedragen import EuroField
from molenlanden.common.richtext import RichTextField
from molenlanden.common.validators import binnen_programma
from thema.kleuren import Kleur
from thema.models import Thema, niet_negatief


class KernQuerySet(models.QuerySet):
    def met_aantal_acties(self):
        return self.annotate(aantal_acties=Count("acties"))


class Kern(models.Model):
    class Soort(models.TextChoices):
        DORP = "dorp", "Dorp"
        STAD = "stad", "Stad"

    naam = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True)
    soort = models.CharField("soort", max_length=4, choices=Soort.choices, default=Soort.DORP)
    inwoners = models.PositiveIntegerField("inwoners (circa)", null=True, blank=True)
    latitude = models.DecimalField(
        "breedtegraad",
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(51.7), MaxValueValidator(52.1)],
        help_text="WGS84, bijvoorbeeld 51.87354. Molenlanden ligt tussen 51,7 en 52,1.",
    )
    longitude = models.DecimalField(
        "lengtegraad",
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(4.5), MaxValueValidator(5.2)],
        help_text="WGS84, bijvoorbeeld 4.78412. Molenlanden ligt tussen 4,5 en 5,2.",
    )
    coordinaat_geschat = models.BooleanField(
        "coördinaat geschat", default=False, help_text="Aangevinkt als de ligging tot op ongeveer 1 km is geschat."
    )
    voormalige_gemeente = models.CharField("voormalige gemeente", max_length=100, blank=True)
    dorpsoverleg = models.CharField("dorpsoverleg", max_length=200, blank=True)
    verbinder = models.CharField("verbinder", max_length=200, blank=True)
    gebiedswethouder = models.CharField("gebiedswethouder", max_length=200, blank=True)
    history = HistoricalRecords()

    objects = KernQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = "kern"
        verbose_name_plural = "kernen"

    def __str__(self):
        return self.naam


class Dorpsactie(models.Model):
    class Status(models.TextChoices):
        IDEE = "idee", "Idee"
        GEPLAND = "gepland", "Gepland"
        IN_UITVOERING = "in_uitvoering", "In uitvoering"
        AFGEROND = "afgerond", "Afgerond"
        AANDACHTSPUNT = "aandachtspunt", "Aandachtspunt"

    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, related_name="acties", verbose_name="kern")
    titel = models.CharField("titel", max_length=200)
    omschrijving = RichTextField("omschrijving", max_tekens=2000)
    thema = models.ForeignKey(
        Thema,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dorpsacties",
        verbose_name="thema",
        help_text="Vul in als de actie is doorvertaald naar een pittig thema.",
    )
    trekker = models.CharField("trekker", max_length=200, blank=True)
    status = models.CharField("status", max_length=15, choices=Status.choices, default=Status.IDEE)
    voortgang = models.CharField("voortgang", max_length=10, choices=Kleur.choices, default=Kleur.GRIJS)
    bijdrage = EuroField("bijdrage (€)", null=True, blank=True)
    gestart_op = models.DateField("gestart op", null=True, blank=True, validators=[binnen_programma])
    afgerond_op = models.DateField("afgerond op", null=True, blank=True, validators=[binnen_programma])
    foto = models.ImageField(
        "foto",
        upload_to="dorpsacties/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), FotoValidator()],
        help_text="JPEG, PNG of WebP, hoogstens 5 MB.",
    )
    foto_alt = models.CharField(
        "alternatieve tekst van de foto",
        max_length=250,
        blank=True,
        help_text="Beschrijf wat er op de foto te zien is, voor wie de foto niet kan zien.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kern__naam", "titel"]
        verbose_name = "dorpsactie"
        verbose_name_plural = "dorpsacties"
        constraints = niet_negatief("bijdrage")

    def __str__(self):
        return f"{self.kern}: {self.titel}"

    def status_op(self, datum) -> str:
        """The status at a date: an action finished after it was still running then."""
        if self.status == self.Status.AFGEROND and self.afgerond_op and self.afgerond_op > datum:
            return self.Status.IN_UITVOERING
        return self.status

    def clean(self):
        errors = {}
        if self.foto and not self.foto_alt.strip():
            errors["foto_alt"] = "Een foto heeft een alternatieve tekst nodig: beschrijf wat erop te zien is."
        if self.afgerond_op and self.gestart_op and self.afgerond_op < self.gestart_op:
            errors["afgerond_op"] = "De datum van afronden ligt vóór de startdatum."
        if self.status == self.Status.AFGEROND and not self.afgerond_op:
            errors["afgerond_op"] = "Vul in wanneer de actie is afgerond."
        if errors:
            raise ValidationError(errors)
