"""Reads that need care: the review on the report page, the overview, the chase list, and the planning of editions.

Each reads with a fixed number of queries, whatever the number of comments or inspanningen.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max, Q

from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, has_rol
from rapportage import builder, planning
from rapportage.builder import STRUCTUUR_VERSIE, build_structuur, voortgang_per_inspanning
from rapportage.models import Opmerking, Rapportage
from thema import inlevering
from thema.kleuren import kleur_gewijzigd
from thema.models import Inspanning


def _inhoud_tabellen() -> str:
    """SQL that sums up everything a concept shows: per table its row count (adds, deletes) and the newest entry of
    its change history (every save). One query for all of them."""
    return _inhoud_sql(inhoud_modellen(), connection.vendor)


@functools.cache  # written once per process: each `Model.history` builds a manager class (most of the key's time)
def _inhoud_sql(modellen: tuple[str, ...], vendor: str) -> str:
    from django.apps import apps

    delen, q = [], connection.ops.quote_name
    for label in modellen:
        model = apps.get_model(label)
        delen.append(f"(SELECT COUNT(*) FROM {q(model._meta.db_table)})")  # noqa: S608 (names from the models, quoted)
        if hasattr(model, "history"):
            history = model.history.model
            tabel, kolom = history._meta.db_table, history._meta.pk.column
        else:  # a section's model without change history (personal data): its own time of the last change
            tabel, kolom = model._meta.db_table, model._meta.get_field("gewijzigd_op").column
        delen.append(f"(SELECT MAX({q(kolom)}) FROM {q(tabel)})")  # noqa: S608
    return "SELECT " + ", ".join(delen)


def inhoud_modellen() -> tuple[str, ...]:
    """The models whose rows a concept shows: the programme's, and those of the sections other apps add
    (settings.RAPPORTAGE_SECTIE_MODELLEN; such a model without history has a `gewijzigd_op` that every save sets)."""
    return INHOUD_MODELLEN + tuple(settings.RAPPORTAGE_SECTIE_MODELLEN)


CACHE_SECONDEN = 7 * 24 * 3600  # a concept's page and structure; a change makes a new key anyway
INHOUD_MODELLEN = (
    "thema.Thema",
    "thema.Inspanning",
    "thema.Voortgang",
    "thema.Mijlpaal",
    "dorpen.Kern",
    "dorpen.Dorpsactie",
    "rapportage.Fase",
    "rapportage.Budgetjaar",
    "rapportage.Besteding",
)


def inhoud_sleutel(editie: Rapportage) -> str:
    """A cheap key of what an edition shows, without building it: one query. An adopted edition: its PDF's checksum.

    Changes through save() and delete() (the admin, forms, imports) change it; a bulk QuerySet.update() does not.
    """
    if editie.is_vastgesteld:
        return f"vastgesteld-{editie.pdf_sha256 or editie.pk}"
    with connection.cursor() as cursor:
        cursor.execute(_inhoud_tabellen())
        tellingen = cursor.fetchone()
    vorige = editie.vorige_editie
    delen = [
        STRUCTUUR_VERSIE,
        editie.pk,
        editie.gewijzigd_op.isoformat(),
        vorige.pk if vorige else None,
        vorige.gewijzigd_op.isoformat() if vorige else None,
        *tellingen,
    ]
    return hashlib.sha256(repr(delen).encode()).hexdigest()


def get_structuur(editie: Rapportage, sleutel: str | None = None) -> dict:
    """An adopted edition only ever shows its snapshot; a concept is built from the database (with its content key:
    built once per content, in the cache that every worker shares)."""
    if editie.is_vastgesteld and editie.snapshot:
        return editie.snapshot
    if sleutel is None:
        return build_structuur(editie)
    # Not cache.get_or_set: after storing, it reads the value back from the cache to settle a race, and unpickling a
    # megabyte of structure at ten times the programme costs half as much as building it. The structure is
    # the same for everyone who builds it for this content key, so the one just built is as good.
    cache_sleutel = f"rapportage-structuur:{editie.pk}:{sleutel}"
    structuur = cache.get(cache_sleutel)
    if structuur is None:
        structuur = build_structuur(editie)
        cache.set(cache_sleutel, structuur, CACHE_SECONDEN)
    return structuur


def editie_kop(editie: Rapportage) -> dict:
    """What the page around the report shows of the edition, without building it."""
    return builder.editie_kop(editie) if not (editie.is_vastgesteld and editie.snapshot) else editie.snapshot["editie"]


def neemt_deel_aan_review(editie: Rapportage, user) -> bool:
    return not editie.is_vastgesteld and has_rol(user, REDACTIE, PROJECTLEIDER)


def review_state(editie: Rapportage, user) -> dict | None:
    """The review on the report page: threads per place, the verdicts; None when this reader takes no part. The
    places themselves are in the cached report (review_pagina): the edition's structure is not needed here."""
    if not neemt_deel_aan_review(editie, user):
        return None
    draden, per_plek = {}, defaultdict(list)
    alle = list(editie.opmerkingen.select_related("auteur", "opgelost_door"))
    for o in alle:
        if o.parent_id is None:
            o.antwoorden_lijst = []
            draden[o.pk] = o
            per_plek[o.plek].append(o)
    for o in alle:
        if o.parent_id in draden:
            draden[o.parent_id].antwoorden_lijst.append(o)
    beoordelingen = list(editie.beoordelingen.select_related("redacteur"))
    mijn = next((b for b in beoordelingen if b.redacteur_id == user.pk and b.ronde == editie.review_ronde), None)
    return {
        "per_plek": per_plek,
        "open_aantal": sum(1 for d in draden.values() if d.is_open),
        "kan_reageren": editie.status == Rapportage.Status.TER_REVIEW,
        "is_projectleider": has_rol(user, PROJECTLEIDER),
        "is_redacteur": has_rol(user, REDACTIE),
        "ronde": editie.review_ronde,
        "beoordelingen": beoordelingen,
        "mijn_oordeel": mijn,
    }


def review_overzicht(editie: Rapportage) -> dict:
    """The projectleider's overview of a review: verdicts per redacteur, comments per place, what changed."""
    structuur = get_structuur(editie)
    opmerkingen = list(editie.opmerkingen.draden())
    per_inspanning = defaultdict(lambda: {"open": 0, "totaal": 0})
    for o in opmerkingen:
        if o.soort == Opmerking.Soort.INSPANNING:
            per_inspanning[o.code]["totaal"] += 1
            per_inspanning[o.code]["open"] += o.is_open
    beoordelingen = list(editie.beoordelingen.select_related("redacteur").order_by("-ronde", "gegeven_op"))
    huidig = {b.redacteur_id: b for b in beoordelingen if b.ronde == editie.review_ronde}
    redactie = get_user_model().objects.filter(groups__name=REDACTIE, is_active=True).order_by("username")
    return {
        "redacteuren": [(u, huidig.get(u.pk)) for u in redactie],
        "eerdere_beoordelingen": [b for b in beoordelingen if b.ronde != editie.review_ronde],
        "open_aantal": sum(o.is_open for o in opmerkingen),
        "aantal_opmerkingen": len(opmerkingen),
        "inspanningen": [
            {**{k: i[k] for k in ("code", "titel", "anker")}, **per_inspanning[i["code"]]}
            for t in structuur["themas"]
            for i in t["inspanningen"]
            if i["code"] in per_inspanning
        ],
        "overige_opmerkingen": [o for o in opmerkingen if o.soort != Opmerking.Soort.INSPANNING],
        "veranderd": wat_veranderd(editie, structuur) if not editie.is_vastgesteld else [],
        "gebeurtenissen": editie.review_gebeurtenissen.select_related("door"),
    }


def wat_veranderd(editie: Rapportage, structuur: dict) -> list[dict]:
    """Per inspanning: colour changes and changed toelichtingen since the previous edition."""
    vorige = editie.vorige_editie
    if vorige is None:
        return []
    inspanningen = [i for t in structuur["themas"] for i in t["inspanningen"]]
    pks = dict(Inspanning.objects.filter(code__in=[i["code"] for i in inspanningen]).values_list("code", "pk"))
    _, eerder = voortgang_per_inspanning(list(pks.values()), editie.peildatum, vorige.peildatum)
    result = []
    for i in inspanningen:
        regels = _regels(i, eerder.get(pks.get(i["code"])), vorige)
        if regels:
            result.append({"code": i["code"], "titel": i["titel"], "anker": i["anker"], "regels": regels})
    return result


def _regels(i: dict, oud, vorige: Rapportage) -> list[dict]:
    regels = []
    if i["nieuw"]:
        regels.append({"tekst": "Nieuw in deze editie"})
    if i["status"] != Inspanning.Status.LOPEND:
        regels.append({"tekst": f"Status: {i['status_label'].lower()}"})
    for d in i["dimensies"]:
        if kleur_gewijzigd(d["vorige_kleur"], d["kleur"]):
            regels.append({"tekst": f"{d['label']}: {d['vorige_kleur_label'].lower()} → {d['kleur_label'].lower()}"})
        oude_tekst = getattr(oud, f"{d['veld']}_toelichting", "") if oud else ""
        if oud and (oude_tekst or "") != (d["toelichting"] or ""):
            tekst = f"Toelichting {d['label'].lower()} gewijzigd"
            regels.append({"tekst": tekst, "oud": oude_tekst, "nieuw": d["toelichting"]})
    if oud is not None and i["peildatum_voortgang"] and i["peildatum_voortgang"] <= vorige.peildatum.isoformat():
        regels.append({"tekst": "Geen nieuwe voortgang sinds de vorige editie"})
    return regels


def achterstand(editie: Rapportage) -> list[Inspanning]:
    """Lopende inspanningen of a concept without voortgang since the previous edition's peildatum, with trekkers."""
    return ontbrekende_voortgang([editie], met_trekkers=True).get(editie.pk, [])


def ontbrekende_voortgang(edities, *, met_trekkers: bool = False) -> dict[int, list[Inspanning]]:
    """Per edition that is not adopted: the inspanningen it reports on as lopend that have no voortgang since the
    previous edition's peildatum (or none at all when there is no previous edition).

    The same inspanningen as the report builder's; a fixed number of queries for any number of editions. Each edition
    needs its vorige_editie loaded (select_related).
    """
    edities = [e for e in edities if not e.is_vastgesteld]
    if not edities:
        return {}
    inspanningen = Inspanning.objects.filter(thema__actief=True).select_related("thema")
    if met_trekkers:
        inspanningen = inspanningen.prefetch_related("trekkers")
    inspanningen = list(
        # An aggregate query ignores Meta.ordering: order as every list of inspanningen is ordered.
        inspanningen.annotate(laatste_voortgang=Max("voortgang__peildatum")).order_by(*Inspanning._meta.ordering)
    )
    result = {}
    for editie in edities:
        sinds = editie.vorige_editie.peildatum if editie.vorige_editie else None
        result[editie.pk] = [
            i
            for i in inspanningen
            if i.opgenomen_op <= editie.peildatum
            and i.status_op(editie.peildatum) == Inspanning.Status.LOPEND
            and not (i.laatste_voortgang and (sinds is None or i.laatste_voortgang > sinds))
        ]
    return result


def _met_planning():
    open_opmerkingen = Q(opmerkingen__parent__isnull=True, opmerkingen__opgelost_op__isnull=True)
    return (
        Rapportage.objects.select_related("vorige_editie")
        .prefetch_related("fasen")
        .annotate(open_opmerkingen=Count("opmerkingen", filter=open_opmerkingen))
    )


def planning_overzicht(vandaag) -> list[dict]:
    """The editions still under way, each with its phases, the current phase, the next date and what is late.

    An adopted edition drops off once every phase of its planning is done. Five queries, whatever the data.
    """
    edities = list(_met_planning().order_by("peildatum", "pk"))
    ontbrekend = ontbrekende_voortgang(edities)
    result = []
    for editie in edities:
        fasen = planning.in_volgorde(editie.fasen.all())
        aantal = len(ontbrekend.get(editie.pk, []))
        klaar = planning.afgeronde_soorten(
            fasen, vastgesteld=editie.is_vastgesteld, openbaar=editie.openbaar, ontbrekend=aantal
        )
        if editie.is_vastgesteld and {f.soort for f in fasen} <= klaar:
            continue
        result.append(
            {
                "editie": editie,
                "fasen": [{"fase": f, "stand": planning.stand(f, vandaag, klaar=klaar)} for f in fasen],
                "huidige": planning.huidige_fase(fasen, vandaag),
                "volgende": planning.volgende_datum(fasen, vandaag, klaar=klaar),
                "signalen": planning.signalen(
                    fasen,
                    vandaag,
                    klaar=klaar,
                    vastgesteld=editie.is_vastgesteld,
                    ontbrekend=aantal,
                    open_opmerkingen=editie.open_opmerkingen,
                    dagen_voor_college=settings.PLANNING_DAGEN_VOOR_COLLEGE,
                ),
                "ontbrekend": aantal,
                "uiterlijk": planning.inleverdatum(fasen),
            }
        )
    return result


def uitvragen_voor(inspanningen, vandaag) -> list[inlevering.Uitvraag]:
    """For "Mijn inspanningen" (registered with thema.inlevering): the editions asking for voortgang now or later,
    by when, and which of these inspanningen still miss it. Until the college meeting; three queries."""
    edities = []
    for editie in _met_planning().exclude(status=Rapportage.Status.VASTGESTELD).order_by("peildatum"):
        fasen = list(editie.fasen.all())
        uitvragen = planning.fase_van(fasen, planning.FaseSoort.UITVRAGEN)
        college = planning.fase_van(fasen, planning.FaseSoort.COLLEGE)
        if uitvragen and not uitvragen.afgerond_op and (college is None or college.begindatum >= vandaag):
            edities.append((editie, uitvragen))
    ontbrekend = ontbrekende_voortgang([e for e, _ in edities])
    ids = {i.pk for i in inspanningen}
    return [
        inlevering.Uitvraag(
            titel=editie.titel,
            peildatum=editie.peildatum,
            uiterlijk=uitvragen.einde,
            ontbrekend=frozenset(i.pk for i in ontbrekend[editie.pk] if i.pk in ids),
        )
        for editie, uitvragen in edities
    ]
