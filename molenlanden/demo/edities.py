"""The monitor's own work in the demo: the editions with their planning, the round of voortgang and the review of
the voortgangsrapportage, its adoption, and the monitor's budget. Idempotent like the rest of the demo data.

An edition is the projectleider's once it exists: a second run never changes it, it only plans an edition that
has no planning yet. The review is played through the real services (the same rules as in the browser), by three
members of the project who cannot log in; afterwards its moments are set to the dates of 2021.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from molenlanden.demo.programma import _date, _euro, _p, _sync, sync_voortgang
from rapportage import review, services
from rapportage.builder import build_structuur
from rapportage.models import Beoordeling, Besteding, Budgetjaar, Fase, Opmerking, Rapportage, ReviewGebeurtenis
from thema.models import Inspanning

INLEIDING = {
    "wrap_up": "In deze digitale wrap-up leest u hoe het staat met de inspanningen van het Samenlevingsprogramma: "
    "per pittig thema wat we willen bereiken, wat er is gedaan en waar bijsturing nodig is. Daarnaast ziet u "
    "welke acties er in de dorpen en de stad zijn uitgevoerd, samen met ons netwerk.",
    "update": "Deze update laat zien wat er sinds de digitale wrap-up is veranderd: nieuwe inspanningen, "
    "inspanningen die zijn afgerond en waar de kleuren zijn verschoven. Zo houden raad, college en samenleving "
    "vinger aan de pols.",
}
OVERRIDE = "Vastgesteld vóór de invoering van de review in de applicatie"


def _moment(value: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(value))


def load_edities(data: dict) -> int:
    changes = 0
    personen = _personen(data.get("redactiegroep", []))
    for r in sorted(data["rapportages"], key=lambda r: r["peildatum"]):
        # The round of voortgang this edition asked for: the trekkers' answers, kept like all voortgang.
        codes = {v["inspanning"] for v in r.get("voortgang", [])}
        inspanningen = {i.code: i for i in Inspanning.objects.filter(code__in=codes)}
        for v in r.get("voortgang", []):
            changes += sync_voortgang(inspanningen[v["inspanning"]], v)
        editie = Rapportage.objects.filter(slug=slugify(r["titel"])).first()
        nieuw = editie is None
        if nieuw:
            editie = services.editie_opslaan(
                Rapportage(
                    slug=slugify(r["titel"]),
                    titel=r["titel"],
                    soort=r["soort"],
                    peildatum=_date(r["peildatum"]),
                    inleiding=_p(r.get("inleiding") or INLEIDING.get(r["soort"])),
                    planning_in_bijlage=r.get("planning_in_bijlage", False),
                )
            )
            changes += 1
        if r.get("planning") and not editie.fasen.exists():
            changes += len(services.planning_opslaan(editie, [_fase(f) for f in r["planning"]]))
        if nieuw and r.get("review"):
            changes += _review(editie, r["review"], personen)
        if nieuw and r["status"] == "vastgesteld":
            services.vaststellen(
                editie,
                vastgesteld_op=_date(r["vastgesteld_op"]),
                vastgesteld_door=r["vastgesteld_door"],
                besluitnummer=r.get("besluitnummer", ""),
                openbaar=True,
                override_reden="" if r.get("review") else OVERRIDE,
                door=personen.get(r.get("review", {}).get("door")),
            )
            if r.get("review"):
                editie.review_gebeurtenissen.filter(soort=ReviewGebeurtenis.Soort.VASTGESTELD).update(
                    op=_moment(r["review"]["vastgesteld_om"])
                )
    return changes


def _fase(f: dict) -> Fase:
    return Fase(
        soort=f["fase"], begindatum=_date(f["van"]), einddatum=_date(f.get("tot")), toelichting=f.get("toelichting", "")
    )


def _personen(rijen: list[dict]) -> dict:
    """The demo's redactiegroep and projectleider for the review: named by their role, without a password."""
    personen = {}
    for rij in rijen:
        user, created = get_user_model().objects.get_or_create(
            username=rij["gebruikersnaam"], defaults={"first_name": rij["naam"]}
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get(name=rij["rol"]))
        personen[rij["gebruikersnaam"]] = user
    return personen


def _review(editie: Rapportage, r: dict, personen: dict) -> int:
    """One review round as it went in 2021: sent, commented on, answered, resolved, approved."""
    aon = personen[r["door"]]
    editie = review.ter_review_sturen(editie, door=aon, notitie=r["notitie"])
    editie.review_gebeurtenissen.filter(soort=ReviewGebeurtenis.Soort.TER_REVIEW).update(op=_moment(r["op"]))
    structuur = build_structuur(editie)
    for o in r["opmerkingen"]:
        opmerking = review.opmerking_plaatsen(
            editie, auteur=personen[o["door"]], tekst=o["tekst"], plek=o["plek"], structuur=structuur
        )
        Opmerking.objects.filter(pk=opmerking.pk).update(geplaatst_op=_moment(o["op"]))
        if o.get("antwoord"):
            antwoord = review.opmerking_plaatsen(
                editie, auteur=aon, tekst=o["antwoord"]["tekst"], parent_id=opmerking.pk
            )
            Opmerking.objects.filter(pk=antwoord.pk).update(geplaatst_op=_moment(o["antwoord"]["op"]))
        if o.get("opgelost_op"):
            review.opmerking_oplossen(opmerking, door=aon)
            Opmerking.objects.filter(pk=opmerking.pk).update(opgelost_op=_moment(o["opgelost_op"]))
    for b in r["oordelen"]:
        beoordeling = review.oordeel_geven(
            editie, redacteur=personen[b["door"]], oordeel=b["oordeel"], toelichting=b.get("toelichting", "")
        )
        Beoordeling.objects.filter(pk=beoordeling.pk).update(gegeven_op=_moment(b["op"]))
    return 1 + 2 * len(r["opmerkingen"]) + len(r["oordelen"])


def load_budget(data: dict) -> int:
    changes = 0
    for j in data.get("monitorbudget", []):
        changes += _sync(
            Budgetjaar, {"jaar": j["jaar"]}, {"bedrag": _euro(j["bedrag"]), "toelichting": j["toelichting"]}
        )
        jaar = Budgetjaar.objects.get(jaar=j["jaar"])
        for b in j["bestedingen"]:
            changes += _sync(
                Besteding,
                {"budgetjaar": jaar, "datum": _date(b["datum"]), "omschrijving": b["omschrijving"]},
                {"bedrag": _euro(b["bedrag"])},
            )
    return changes
