"""The network's inbreng round: invitations, contributions (reactions and proposals) and the kernteam's decisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone

from dorpen.models import Kern
from thema.models import Inspanning, Thema

KORT = 1000  # what goes well, what could be better, the aim of a proposal: a few sentences, plain text
ANTWOORD = 2000


def _tekst(label: str, maximum: int = KORT, **kwargs) -> models.TextField:
    return models.TextField(label, max_length=maximum, validators=[MaxLengthValidator(maximum)], **kwargs)


class RondeQuerySet(models.QuerySet):
    def open_op(self, moment=None):
        moment = moment or timezone.now()
        return self.filter(open_van__lte=moment, open_tot__gt=moment)


class InbrengRonde(models.Model):
    editie = models.ForeignKey(
        "rapportage.Rapportage",
        on_delete=models.PROTECT,
        related_name="inbreng_rondes",
        verbose_name="editie",
        help_text="De editie waarin de inbreng terugkomt, meestal de Update.",
    )
    titel = models.CharField("titel", max_length=200)
    slug = models.SlugField("adres", max_length=100, unique=True, help_text="Het deel na /inbreng/.")
    inleiding = _tekst("inleiding", 3000, help_text="Gewone tekst; een witregel begint een nieuwe alinea.")
    open_van = models.DateTimeField("open van")
    open_tot = models.DateTimeField("open tot")
    voor_iedereen = models.BooleanField(
        "open voor iedereen",
        default=False,
        help_text="Aangevinkt: iedereen kan meedoen via de open pagina. Anders alleen wie een persoonlijke link kreeg.",
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)

    objects = RondeQuerySet.as_manager()

    class Meta:
        ordering = ["-open_van"]
        verbose_name = "inbrengronde"
        verbose_name_plural = "inbrengrondes"

    def __str__(self):
        return self.titel

    def clean(self):
        if self.open_van and self.open_tot and self.open_tot <= self.open_van:
            raise ValidationError({"open_tot": "De ronde moet sluiten na het moment dat zij opengaat."})

    def is_open(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.open_van <= moment < self.open_tot


class RondeVraag(models.Model):
    ronde = models.ForeignKey(InbrengRonde, on_delete=models.CASCADE, related_name="vragen", verbose_name="ronde")
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="+", verbose_name="thema")
    vraag = models.CharField("vraag", max_length=300)

    class Meta:
        ordering = ["thema__volgorde", "thema__code"]
        verbose_name = "vraag per thema"
        verbose_name_plural = "vragen per thema"
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "thema"],
                name="een_vraag_per_thema",
                violation_error_message="Dit thema heeft in deze ronde al een vraag.",
            )
        ]

    def __str__(self):
        return self.vraag


class Uitnodiging(models.Model):
    """A personal link to a round: sent to an organisation or person, or made for someone on the open page."""

    ronde = models.ForeignKey(
        InbrengRonde, on_delete=models.CASCADE, related_name="uitnodigingen", verbose_name="ronde"
    )
    naam = models.CharField("organisatie of persoon", max_length=200, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    kern = models.ForeignKey(
        Kern, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="kern"
    )
    zelf_aangemeld = models.BooleanField("via de open pagina", default=False, editable=False)
    verstuurd_op = models.DateTimeField("uitnodiging verstuurd op", null=True, blank=True, editable=False)
    herinnerd_op = models.DateTimeField("laatst herinnerd op", null=True, blank=True, editable=False)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    gewist_op = models.DateTimeField("persoonsgegevens gewist op", null=True, blank=True, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["naam", "pk"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "email"],
                condition=~models.Q(email=""),
                name="een_uitnodiging_per_adres",
                violation_error_message="Dit e-mailadres is al uitgenodigd voor deze ronde.",
            )
        ]

    def __str__(self):
        return self.naam or self.email or f"Deelnemer {self.pk}"

    def clean(self):
        if not self.zelf_aangemeld and not self.email:
            raise ValidationError({"email": "Vul een e-mailadres in: daar gaat de persoonlijke link naartoe."})


class BijdrageQuerySet(models.QuerySet):
    def geaccepteerd(self):
        return self.filter(status=Bijdrage.Status.GEACCEPTEERD)


class Bijdrage(models.Model):
    class Soort(models.TextChoices):
        THEMA = "thema", "Reactie op een thema"
        INSPANNING = "inspanning", "Reactie op een inspanning"
        VOORSTEL = "voorstel", "Voorstel voor een nieuwe inspanning"

    class Status(models.TextChoices):
        NIEUW = "nieuw", "Nieuw"
        GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
        SAMENGEVOEGD = "samengevoegd", "Samengevoegd"
        BEANTWOORD = "beantwoord", "Beantwoord"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    ronde = models.ForeignKey(InbrengRonde, on_delete=models.CASCADE, related_name="bijdragen", verbose_name="ronde")
    uitnodiging = models.ForeignKey(
        Uitnodiging, on_delete=models.CASCADE, related_name="bijdragen", verbose_name="deelnemer"
    )
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+", verbose_name="thema")
    inspanning = models.ForeignKey(
        Inspanning, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="inspanning"
    )
    kernen = models.ManyToManyField(Kern, blank=True, related_name="+", verbose_name="kernen")
    hele_gemeente = models.BooleanField("voor de hele gemeente", default=False)
    goed = _tekst("wat gaat goed", blank=True)
    beter = _tekst("wat kan beter", blank=True)
    titel = models.CharField("titel van het voorstel", max_length=200, blank=True)
    doel = _tekst("wat het moet opleveren", blank=True)
    wie_kan_helpen = _tekst("wie kan helpen", 500, blank=True)
    toestemming_contact = models.BooleanField("mag contact opnemen", default=False)
    naam = models.CharField("naam", max_length=200, blank=True)
    organisatie = models.CharField("organisatie", max_length=200, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.NIEUW)
    samengevoegd_in = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="samengevoegd",
        verbose_name="samengevoegd in",
    )
    reden = _tekst("reden (zichtbaar voor de deelnemer)", ANTWOORD, blank=True)
    antwoord = _tekst("antwoord (zichtbaar voor de deelnemer)", ANTWOORD, blank=True)
    citaat = models.BooleanField(
        "als citaat in de editie", default=False, help_text="Alleen een geaccepteerde reactie kan een citaat zijn."
    )
    inspanning_gemaakt = models.OneToOneField(
        Inspanning,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="herkomst",
        verbose_name="inspanning gemaakt uit dit voorstel",
    )
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now)
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    gewist_op = models.DateTimeField("persoonsgegevens gewist op", null=True, blank=True, editable=False)

    objects = BijdrageQuerySet.as_manager()

    class Meta:
        ordering = ["-ingediend_op", "-pk"]
        verbose_name = "bijdrage"
        verbose_name_plural = "bijdragen"

    def __str__(self):
        return f"{self.get_soort_display()}: {self.kop}"

    @property
    def kop(self) -> str:
        if self.soort == self.Soort.VOORSTEL:
            return self.titel
        if self.soort == self.Soort.INSPANNING and self.inspanning_id:
            return str(self.inspanning)
        return str(self.thema)

    @property
    def citaat_tekst(self) -> str:
        return self.goed or self.beter or self.doel

    def clean(self):
        errors = {}
        if self.soort == self.Soort.VOORSTEL:
            if not self.titel.strip():
                errors["titel"] = "Geef uw voorstel een titel."
            if not self.doel.strip():
                errors["doel"] = "Schrijf op wat het voorstel moet opleveren."
        elif not (self.goed.strip() or self.beter.strip()):
            errors["goed"] = "Schrijf op wat goed gaat of wat beter kan (of allebei)."
        if self.soort == self.Soort.INSPANNING and not self.inspanning_id:
            errors["inspanning"] = "Kies de inspanning waar uw reactie over gaat."
        if not self.toestemming_contact and (self.naam or self.organisatie or self.email):
            errors["toestemming_contact"] = (
                "Vink aan dat we contact met u mogen opnemen, of laat naam, organisatie en e-mailadres leeg."
            )
        if self.toestemming_contact and not self.email:
            errors["email"] = "Vul uw e-mailadres in als u een antwoord wilt."
        if self.status == self.Status.AFGEWEZEN and not self.reden.strip():
            errors["reden"] = "Schrijf op waarom de bijdrage is afgewezen: de deelnemer ziet de reden."
        if self.status == self.Status.BEANTWOORD and not self.antwoord.strip():
            errors["antwoord"] = "Schrijf het antwoord: de deelnemer ziet het via de persoonlijke link."
        if self.status == self.Status.SAMENGEVOEGD and not self.samengevoegd_in_id:
            errors["samengevoegd_in"] = "Kies de bijdrage waarin deze wordt samengevoegd."
        if self.samengevoegd_in_id and self.samengevoegd_in_id == self.pk:
            errors["samengevoegd_in"] = "Een bijdrage kan niet in zichzelf worden samengevoegd."
        if self.citaat and self.status != self.Status.GEACCEPTEERD:
            errors["citaat"] = "Alleen een geaccepteerde bijdrage kan als citaat in de editie."
        if errors:
            raise ValidationError(errors)
