"""Multi-step writes of the inbreng round: contributions, the kernteam's decisions, invitations and erasure."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape

from inbreng import links
from inbreng.models import Bijdrage, InbrengRonde, Uitnodiging
from thema.models import Inspanning
from thema.services import vrije_code

S = Bijdrage.Status


# --- The participant ---


def deelnemer_maken(ronde: InbrengRonde) -> Uitnodiging:
    """Someone on the open page of a round for everyone: their own link, without any personal data."""
    return Uitnodiging.objects.create(ronde=ronde, zelf_aangemeld=True)


def bijdrage_opslaan(bijdrage: Bijdrage, kernen) -> Bijdrage:
    """Saves a new or changed contribution; a changed one goes back to the kernteam as new."""
    if not bijdrage.toestemming_contact:
        bijdrage.naam = bijdrage.organisatie = bijdrage.email = ""
    if bijdrage.pk:
        bijdrage.status, bijdrage.citaat, bijdrage.reden, bijdrage.antwoord = S.NIEUW, False, "", ""
    if bijdrage.soort == Bijdrage.Soort.INSPANNING and bijdrage.inspanning_id:
        bijdrage.thema_id = bijdrage.inspanning.thema_id
    bijdrage.full_clean()
    with transaction.atomic():
        bijdrage.save()
        bijdrage.kernen.set(kernen)
    return bijdrage


def mag_wijzigen(bijdrage: Bijdrage) -> bool:
    """Own contributions change only while the round is open, and not once they became an inspanning."""
    return bijdrage.ronde.is_open() and bijdrage.inspanning_gemaakt_id is None


def intrekken(bijdrage: Bijdrage) -> None:
    if not mag_wijzigen(bijdrage):
        raise ValidationError("Deze bijdrage kan niet meer worden ingetrokken.")
    bijdrage.delete()


# --- The kernteam's decisions ---


def _besluit(bijdrage: Bijdrage, **velden) -> Bijdrage:
    for veld, waarde in velden.items():
        setattr(bijdrage, veld, waarde)
    bijdrage.full_clean()
    bijdrage.save()
    return bijdrage


def accepteren(bijdrage: Bijdrage) -> Bijdrage:
    return _besluit(bijdrage, status=S.GEACCEPTEERD, samengevoegd_in=None)


def afwijzen(bijdrage: Bijdrage, reden: str) -> Bijdrage:
    return _besluit(bijdrage, status=S.AFGEWEZEN, reden=reden, citaat=False, samengevoegd_in=None)


def beantwoorden(bijdrage: Bijdrage, antwoord: str) -> Bijdrage:
    return _besluit(bijdrage, status=S.BEANTWOORD, antwoord=antwoord, citaat=False, samengevoegd_in=None)


def samenvoegen(bijdrage: Bijdrage, in_: Bijdrage, antwoord: str = "") -> Bijdrage:
    if in_.ronde_id != bijdrage.ronde_id:
        raise ValidationError({"samengevoegd_in": "Voeg alleen samen met een bijdrage uit dezelfde ronde."})
    return _besluit(bijdrage, status=S.SAMENGEVOEGD, samengevoegd_in=in_, antwoord=antwoord, citaat=False)


def maak_inspanning(bijdrage: Bijdrage, *, opgenomen_op=None) -> Inspanning:
    """Turns an accepted proposal into exactly one new inspanning under its thema, linked both ways."""
    with transaction.atomic():
        bijdrage = Bijdrage.objects.select_for_update().select_related("thema", "ronde").get(pk=bijdrage.pk)
        if bijdrage.soort != Bijdrage.Soort.VOORSTEL or bijdrage.status != S.GEACCEPTEERD:
            raise ValidationError("Alleen van een geaccepteerd voorstel kan een inspanning worden gemaakt.")
        if bijdrage.inspanning_gemaakt_id:
            raise ValidationError(f"Van dit voorstel is al inspanning {bijdrage.inspanning_gemaakt.code} gemaakt.")
        bezet = set(Inspanning.objects.values_list("code", flat=True))
        omschrijving = f"<p>{escape(bijdrage.doel)}</p>"
        if bijdrage.wie_kan_helpen:
            omschrijving += f"<p>Wie kan helpen: {escape(bijdrage.wie_kan_helpen)}</p>"
        omschrijving += f"<p>Voorgesteld door het netwerk in de inbrengronde ‘{escape(bijdrage.ronde.titel)}’.</p>"
        inspanning = Inspanning(
            thema=bijdrage.thema,
            code=vrije_code(bijdrage.thema, bezet),
            titel=bijdrage.titel,
            omschrijving=omschrijving,
            opgenomen_op=opgenomen_op or timezone.localdate(),
        )
        inspanning.full_clean()
        inspanning.save()
        bijdrage.inspanning_gemaakt = inspanning
        bijdrage.save(update_fields=["inspanning_gemaakt", "gewijzigd_op"])
    return inspanning


# --- Invitations ---


def _mail(template: str, uitnodiging: Uitnodiging) -> tuple[str, str, str, list[str]]:
    context = {"uitnodiging": uitnodiging, "ronde": uitnodiging.ronde, "link": links.url(uitnodiging)}
    tekst = render_to_string(f"inbreng/emails/{template}.txt", context).strip() + "\n"
    onderwerp, _, body = tekst.partition("\n")
    return onderwerp.strip(), body.lstrip(), settings.DEFAULT_FROM_EMAIL, [uitnodiging.email]


def _versturen(uitnodigingen, template: str, veld: str) -> int:
    uitnodigingen = [u for u in uitnodigingen if u.email and not u.ingetrokken_op and not u.gewist_op]
    send_mass_mail([_mail(template, u) for u in uitnodigingen])
    Uitnodiging.objects.filter(pk__in=[u.pk for u in uitnodigingen]).update(**{veld: timezone.now()})
    return len(uitnodigingen)


def uitnodigingen_versturen(uitnodigingen) -> int:
    return _versturen(uitnodigingen.select_related("ronde"), "uitnodiging", "verstuurd_op")


def herinneren(uitnodigingen) -> int:
    """Reminds invitees of an open round who have not contributed yet; returns how many were reminded."""
    nu = timezone.now()
    zonder = uitnodigingen.filter(bijdragen__isnull=True, ronde__open_van__lte=nu, ronde__open_tot__gt=nu)
    return _versturen(zonder.select_related("ronde").distinct(), "herinnering", "herinnerd_op")


# --- Erasure ---


def wissen(uitnodiging: Uitnodiging) -> None:
    """Erases a participant's personal data: contact details, and the text of what was never made public.

    The contributions stay as rows (soort, thema, kernen, status), so the counts of the round stay right.
    """
    nu = timezone.now()
    with transaction.atomic():
        bijdragen = Bijdrage.objects.filter(uitnodiging=uitnodiging)
        bijdragen.update(naam="", organisatie="", email="", toestemming_contact=False, gewist_op=nu)
        bijdragen.exclude(status=S.GEACCEPTEERD).update(goed="", beter="", doel="", wie_kan_helpen="", titel="")
        bijdragen.filter(status=S.GEACCEPTEERD).update(wie_kan_helpen="")
        Uitnodiging.objects.filter(pk=uitnodiging.pk).update(naam="", email="", gewist_op=nu)


def te_wissen(nu=None):
    """The rounds whose retention period has ended, and their participants not yet erased."""
    nu = nu or timezone.now()
    rondes = [r for r in InbrengRonde.objects.filter(open_tot__lte=nu) if links.leesbaar_tot(r) <= nu]
    return Uitnodiging.objects.filter(ronde__in=rondes, gewist_op__isnull=True).select_related("ronde")
