"""Multi-step writes of the review of a draft edition. Each runs in one transaction; mail goes out after commit."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, has_rol
from molenlanden.common.users import display_name
from rapportage import emails, plekken
from rapportage.models import MAX_TEKST, Beoordeling, Opmerking, Rapportage, ReviewGebeurtenis


def _tekst(tekst: str, wat: str = "opmerking") -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError(f"Schrijf een {wat}.")
    if len(tekst) > MAX_TEKST:
        raise ValidationError(f"Een {wat} is hooguit {MAX_TEKST} tekens lang.")
    return tekst


def lock_editie(editie: Rapportage) -> Rapportage:
    return Rapportage.objects.select_for_update().get(pk=editie.pk)


def _log(editie, soort, door, notitie=""):
    return ReviewGebeurtenis.objects.create(
        rapportage=editie, ronde=editie.review_ronde, soort=soort, door=door, notitie=notitie
    )


@transaction.atomic
def ter_review_sturen(editie: Rapportage, *, door, notitie: str = "") -> Rapportage:
    editie = lock_editie(editie)
    if editie.status != Rapportage.Status.CONCEPT:
        raise ValidationError("Alleen een concept kan ter review worden gestuurd.")
    editie.status = Rapportage.Status.TER_REVIEW
    editie.review_ronde += 1
    editie.save(update_fields=["status", "review_ronde", "gewijzigd_op"])
    gebeurtenis = _log(editie, ReviewGebeurtenis.Soort.TER_REVIEW, door, (notitie or "").strip())
    transaction.on_commit(lambda: emails.ter_review(gebeurtenis))
    return editie


@transaction.atomic
def terug_naar_concept(editie: Rapportage, *, door, notitie: str) -> Rapportage:
    """Ends the round; its comments and verdicts stay, and show as earlier rounds in the next one."""
    notitie = _tekst(notitie, "notitie voor de redactiegroep")
    editie = lock_editie(editie)
    if editie.status != Rapportage.Status.TER_REVIEW:
        raise ValidationError("Alleen een editie die ter review ligt, kan terug naar concept.")
    editie.status = Rapportage.Status.CONCEPT
    editie.save(update_fields=["status", "gewijzigd_op"])
    gebeurtenis = _log(editie, ReviewGebeurtenis.Soort.TERUG_NAAR_CONCEPT, door, notitie)
    transaction.on_commit(lambda: emails.terug_naar_concept(gebeurtenis))
    return editie


@transaction.atomic
def opmerking_plaatsen(
    editie: Rapportage, *, auteur, tekst: str, plek: str = "", structuur: dict | None = None, parent_id=None
) -> Opmerking:
    if not has_rol(auteur, REDACTIE, PROJECTLEIDER):
        raise ValidationError("Alleen de redactiegroep en de projectleider kunnen opmerkingen plaatsen.")
    tekst = _tekst(tekst)
    editie = lock_editie(editie)
    if editie.status != Rapportage.Status.TER_REVIEW:
        raise ValidationError("Opmerkingen plaatsen kan alleen zolang de editie ter review ligt.")
    if parent_id:
        parent = Opmerking.objects.filter(rapportage=editie, pk=parent_id, parent__isnull=True).first()
        if parent is None:
            raise ValidationError("De opmerking waarop u reageert, bestaat niet (meer).")
        soort, code, dimensie, anker, label = (
            parent.soort,
            parent.code,
            parent.dimensie,
            parent.anker,
            parent.plek_label,
        )
    else:
        parent = None
        if structuur is None:
            from rapportage.builder import build_structuur

            structuur = build_structuur(editie)
        bekend = plekken.plekken(structuur)
        if plek not in bekend:
            raise ValidationError("Kies waarover uw opmerking gaat: die plek staat niet in deze editie.")
        label, anker = bekend[plek]
        soort, code, dimensie = plekken.delen(plek)
    opmerking = Opmerking.objects.create(
        rapportage=editie,
        ronde=editie.review_ronde,
        soort=soort,
        code=code,
        dimensie=dimensie,
        anker=anker,
        plek_label=label,
        parent=parent,
        auteur=auteur,
        tekst=tekst,
    )
    transaction.on_commit(lambda: emails.opmerking_geplaatst(opmerking))
    return opmerking


@transaction.atomic
def opmerking_oplossen(opmerking: Opmerking, *, door) -> Opmerking:
    if not has_rol(door, PROJECTLEIDER):
        raise ValidationError("Alleen de projectleider kan een opmerking oplossen.")
    opmerking = Opmerking.objects.select_for_update().get(pk=opmerking.pk)
    if opmerking.parent_id:
        raise ValidationError("Los de hele draad op, niet één reactie.")
    if opmerking.rapportage.is_vastgesteld:
        raise ValidationError("Deze editie is al vastgesteld.")
    if opmerking.opgelost_op:
        raise ValidationError("Deze opmerking is al opgelost.")
    opmerking.opgelost_op = timezone.now()
    opmerking.opgelost_door = door
    opmerking.save(update_fields=["opgelost_op", "opgelost_door"])
    return opmerking


@transaction.atomic
def oordeel_geven(editie: Rapportage, *, redacteur, oordeel: str, toelichting: str = "") -> Beoordeling:
    if not has_rol(redacteur, REDACTIE):
        raise ValidationError("Alleen leden van de redactiegroep geven een oordeel.")
    if oordeel not in Beoordeling.Oordeel.values:
        raise ValidationError("Kies akkoord of wijzigingen nodig.")
    toelichting = (toelichting or "").strip()
    if oordeel == Beoordeling.Oordeel.WIJZIGINGEN_NODIG:
        toelichting = _tekst(toelichting, "toelichting: welke wijzigingen zijn nodig")
    editie = lock_editie(editie)
    if editie.status != Rapportage.Status.TER_REVIEW:
        raise ValidationError("Een oordeel geven kan alleen zolang de editie ter review ligt.")
    beoordeling, _ = Beoordeling.objects.update_or_create(
        rapportage=editie,
        ronde=editie.review_ronde,
        redacteur=redacteur,
        defaults={"oordeel": oordeel, "toelichting": toelichting},
    )
    transaction.on_commit(lambda: emails.oordeel_gegeven(beoordeling))
    return beoordeling


def check_vaststellen(editie: Rapportage, override_reden: str) -> str:
    """Returns the override reason to record ('' when none is needed); refuses when one is needed but missing."""
    open_aantal = editie.opmerkingen.open().count()
    if editie.status == Rapportage.Status.TER_REVIEW and open_aantal == 0:
        return ""
    if (override_reden or "").strip():
        return override_reden.strip()
    if editie.status != Rapportage.Status.TER_REVIEW:
        raise ValidationError(
            "Deze editie is niet ter review geweest. Stuur haar eerst ter review, of geef een reden op "
            "om toch vast te stellen."
        )
    raise ValidationError(
        f"Er {'staat' if open_aantal == 1 else 'staan'} nog {open_aantal} open "
        f"opmerking{'' if open_aantal == 1 else 'en'}. Los ze eerst op, of geef een reden op om toch vast te stellen."
    )


def log_vaststellen(editie: Rapportage, *, door, override_reden: str) -> None:
    soort = ReviewGebeurtenis.Soort.VASTGESTELD_OVERRIDE if override_reden else ReviewGebeurtenis.Soort.VASTGESTELD
    _log(editie, soort, door, override_reden)


def remind_trekkers(editie: Rapportage, *, door, achterstand: list) -> tuple[int, list[str]]:
    """Mails each trekker their inspanningen without new voortgang. Returns (mails sent, trekkers without e-mail)."""
    per_trekker: dict = {}
    for inspanning in achterstand:
        for trekker in inspanning.trekkers.all():
            per_trekker.setdefault(trekker, []).append(inspanning)
    zonder_email = sorted(display_name(t) for t in per_trekker if not t.email)
    met_email = {t: i for t, i in per_trekker.items() if t.email}
    with transaction.atomic():
        _log(
            editie,
            ReviewGebeurtenis.Soort.HERINNERING,
            door,
            ", ".join(sorted(display_name(t) for t in met_email)),
        )
        transaction.on_commit(lambda: emails.herinnering(editie, met_email))
    return len(met_email), zonder_email
