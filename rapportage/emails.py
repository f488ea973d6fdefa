"""The review's e-mail: plain text from templates, with absolute links (SITE_URL) to the place on the report page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail, send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE
from molenlanden.common.users import display_name
from rapportage import planning


def absolute(pad: str) -> str:
    return f"{settings.SITE_URL}{pad}"


def adressen(groep: str, *, behalve=None) -> list[str]:
    users = get_user_model().objects.filter(groups__name=groep, is_active=True).exclude(email="")
    if behalve is not None:
        users = users.exclude(pk=behalve.pk)
    return sorted(set(users.values_list("email", flat=True)))


def _naam(user) -> str:
    return display_name(user, onbekend="iemand")


def _send(berichten: list[tuple[str, str, list[str]]]) -> int:
    return send_mass_mail(
        [(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, aan) for onderwerp, tekst, aan in berichten if aan]
    )


def _bericht(template: str, context: dict) -> tuple[str, str]:
    tekst = render_to_string(f"rapportage/emails/{template}.txt", context).strip() + "\n"
    onderwerp, _, body = tekst.partition("\n")
    return onderwerp.strip(), body.lstrip()


def _gebeurtenis(template: str, gebeurtenis, aan: list[str]) -> int:
    editie = gebeurtenis.rapportage
    context = {
        "editie": editie,
        "gebeurtenis": gebeurtenis,
        "door": _naam(gebeurtenis.door),
        "link": absolute(editie.get_absolute_url()),
    }
    return _send([(*_bericht(template, context), aan)])


def ter_review(gebeurtenis) -> int:
    return _gebeurtenis("ter_review", gebeurtenis, adressen(REDACTIE))


def terug_naar_concept(gebeurtenis) -> int:
    return _gebeurtenis("terug_naar_concept", gebeurtenis, adressen(REDACTIE, behalve=gebeurtenis.door))


def opmerking_geplaatst(opmerking) -> int:
    """To the projectleiders; an answer also goes to whoever wrote in the thread."""
    aan = set(adressen(PROJECTLEIDER, behalve=opmerking.auteur))
    if opmerking.parent_id:
        draad = [opmerking.parent, *opmerking.parent.antwoorden.select_related("auteur")]
        aan |= {o.auteur.email for o in draad if o.auteur.email and o.auteur_id != opmerking.auteur_id}
    context = {
        "opmerking": opmerking,
        "editie": opmerking.rapportage,
        "auteur": _naam(opmerking.auteur),
        "link": absolute(opmerking.get_absolute_url()),
    }
    return _send([(*_bericht("opmerking", context), sorted(aan))])


def oordeel_gegeven(beoordeling) -> int:
    editie = beoordeling.rapportage
    context = {
        "beoordeling": beoordeling,
        "editie": editie,
        "redacteur": _naam(beoordeling.redacteur),
        "link": absolute(reverse("rapportage:review", args=[editie.slug])),
    }
    return _send([(*_bericht("oordeel", context), adressen(PROJECTLEIDER, behalve=beoordeling.redacteur))])


def herinnering(editie, per_trekker: dict) -> int:
    """The projectleider's reminder from the chase list, with the deadline when the edition has one."""
    link = absolute(reverse("thema:mijn"))
    uiterlijk = planning.inleverdatum(editie.fasen.all())
    berichten = []
    for trekker, inspanningen in per_trekker.items():
        context = {
            "editie": editie,
            "trekker": _naam(trekker),
            "inspanningen": inspanningen,
            "uiterlijk": uiterlijk,
            "link": link,
        }
        berichten.append((*_bericht("herinnering", context), [trekker.email]))
    return _send(berichten)


def automatische_herinnering(bericht) -> int:
    """One automatic reminder (rapportage/herinneringen.py); raises when the mail cannot be sent."""
    context = {
        "editie": bericht.editie,
        "trekker": _naam(bericht.ontvanger),
        "inspanningen": bericht.inspanningen,
        "uiterlijk": bericht.fase.einde,
        "vooraf": bericht.moment == planning.VOORAF,
        "link": absolute(reverse("thema:mijn")),
    }
    onderwerp, tekst = _bericht("herinnering_automatisch", context)
    return send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [bericht.ontvanger.email])
