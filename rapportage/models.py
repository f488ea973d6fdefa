from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from molenlanden.richtext import RichTextField
from molenlanden.roles import rollen_van


class RapportageQuerySet(models.QuerySet):
    def vastgesteld(self):
        return self.filter(status=Rapportage.Status.VASTGESTELD)

    def openbaar(self):
        return self.vastgesteld().filter(openbaar=True)

    def zichtbaar_voor(self, user):
        """Every role may read every edition; anyone else only adopted editions marked openbaar."""
        return self.all() if rollen_van(user) else self.openbaar()


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
    slug = models.SlugField("slug", max_length=200, unique=True, help_text="Het adres: /rapportages/<slug>/.")
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    peildatum = models.DateField("peildatum", help_text="De stand van zaken op deze datum wordt gerapporteerd.")
    vorige_editie = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende_edities",
        verbose_name="vorige editie",
        help_text="Om mee te vergelijken. Leeg laten: de laatste eerdere editie.",
    )
    inleiding = RichTextField("inleiding")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.CONCEPT)
    vastgesteld_op = models.DateField("vastgesteld op", null=True, blank=True)
    vastgesteld_door = models.CharField(
        "vastgesteld door",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld: College van burgemeester en wethouders.",
    )
    besluitnummer = models.CharField("besluitnummer", max_length=100, blank=True)
    openbaar = models.BooleanField(
        "openbaar", default=False, help_text="Een vastgestelde editie die openbaar is, kan iedereen lezen."
    )
    snapshot = models.JSONField("vastgelegde inhoud", null=True, blank=True, editable=False)
    pdf = models.FileField("PDF", upload_to="rapportages/", blank=True, editable=False)
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
        if self.vorige_editie_id is None and self.peildatum:
            self.vorige_editie = (
                Rapportage.objects.filter(peildatum__lt=self.peildatum)
                .exclude(pk=self.pk)
                .order_by("-peildatum")
                .first()
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("rapportage:detail", args=[self.slug])

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == self.Status.VASTGESTELD

    def leesbaar_voor(self, user) -> bool:
        return bool(rollen_van(user)) or (self.is_vastgesteld and self.openbaar)

    def clean(self):
        if self.vorige_editie_id and self.vorige_editie_id == self.pk:
            raise ValidationError({"vorige_editie": "Een editie kan niet haar eigen vorige editie zijn."})
        if self.vorige_editie and self.peildatum and self.vorige_editie.peildatum >= self.peildatum:
            raise ValidationError({"vorige_editie": "De vorige editie moet een eerdere peildatum hebben."})
