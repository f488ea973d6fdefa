"""The report builder: the database state at an edition's peildatum as one plain, JSON-serialisable structure.

Both renderings (the web page and the PDF) are made from this structure only, and vaststellen stores it as the
edition's snapshot. It reads with a fixed number of queries, whatever the amount of data.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import Counter, defaultdict
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, OuterRef, Q, Subquery
from django.utils.module_loading import import_string

from dorpen.models import Dorpsactie, Kern
from rapportage import planning, plekken
from rapportage.models import Budgetjaar, Rapportage
from thema.kleuren import DIMENSIES, Kleur, is_afwijkend, kleur_gewijzigd, telkleur, trend
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang

STRUCTUUR_VERSIE = 1
KLEUREN = Kleur.values
MIJLPAAL_VOORUITBLIK = datetime.timedelta(days=92)  # "due": planned within the next quarter


def editie_kop(editie: Rapportage) -> dict:
    vorige = editie.vorige_editie
    return {
        "titel": editie.titel,
        "slug": editie.slug,
        "soort": editie.soort,
        "soort_label": editie.get_soort_display(),
        "peildatum": editie.peildatum.isoformat(),
        "vorige": {"titel": vorige.titel, "slug": vorige.slug, "peildatum": vorige.peildatum.isoformat()}
        if vorige
        else None,
        "inleiding": editie.inleiding,
        "status": editie.status,
        "status_label": editie.get_status_display(),
        "vastgesteld_op": editie.vastgesteld_op.isoformat() if editie.vastgesteld_op else None,
        "vastgesteld_door": editie.vastgesteld_door,
        "besluitnummer": editie.besluitnummer,
    }


def build_structuur(editie: Rapportage) -> dict:
    peildatum = editie.peildatum
    vorige = editie.vorige_editie
    vorige_peildatum = vorige.peildatum if vorige else None

    themas = list(Thema.objects.filter(actief=True))
    inspanningen = [
        i
        for i in Inspanning.objects.filter(thema__actief=True, opgenomen_op__lte=peildatum)
        if _in_editie(i, peildatum, vorige_peildatum)
    ]
    ids = [i.pk for i in inspanningen]
    huidig, eerder = voortgang_per_inspanning(ids, peildatum, vorige_peildatum)
    mijlpalen = defaultdict(list)
    for mijlpaal in Mijlpaal.objects.filter(inspanning_id__in=ids):
        mijlpalen[mijlpaal.inspanning_id].append(mijlpaal)

    per_thema = defaultdict(list)
    for inspanning in inspanningen:
        per_thema[inspanning.thema_id].append(
            _inspanning(inspanning, huidig.get(inspanning.pk), eerder.get(inspanning.pk), mijlpalen, peildatum, vorige)
        )
    thema_data = [_thema(t, per_thema[t.pk]) for t in themas if per_thema[t.pk]]
    kernen = _kernen(peildatum)
    return {
        "versie": STRUCTUUR_VERSIE,
        "editie": editie_kop(editie),
        "themas": thema_data,
        "veranderd": _veranderd(thema_data) if vorige else None,
        "totalen": _totalen(thema_data),
        "kernen": kernen,
        "aantal_dorpsacties": sum(len(k["acties"]) for k in kernen),
        "bijlage_planning": _bijlage_planning(editie) if editie.planning_in_bijlage else None,
        **_extra_secties(editie),
    }


def _extra_secties(editie: Rapportage) -> dict:
    """Sections of apps that build on rapportage (settings.RAPPORTAGE_SECTIES, wired by the glue)."""
    return {naam: import_string(pad)(editie) for naam, pad in settings.RAPPORTAGE_SECTIES.items()}


def _bijlage_planning(editie: Rapportage) -> dict:
    """The edition's planning and the monitor's budget, spent up to the peildatum: two queries, only when chosen."""
    budget = Budgetjaar.objects.overzicht(tot=editie.peildatum)
    return {
        "fasen": [
            {
                "soort": fase.soort,
                "label": fase.get_soort_display(),
                "begindatum": fase.begindatum.isoformat(),
                "einddatum": fase.einde.isoformat() if fase.einde != fase.begindatum else None,
                "toelichting": fase.toelichting,
            }
            for fase in planning.in_volgorde(editie.fasen.all())
        ],
        "budget": {
            "jaren": [
                {
                    "jaar": jaar["jaar"],
                    **{veld: _dec(jaar[veld]) for veld in ("budget", "besteed", "restant")},
                    "overschreden": jaar["overschreden"],
                }
                for jaar in budget["jaren"]
            ],
            "totaal": {veld: _dec(bedrag) for veld, bedrag in budget["totaal"].items()},
        },
    }


def structuur_hash(structuur: dict) -> str:
    """A stable hash of a structure: the key of a concept's PDF cache."""
    data = json.dumps(structuur, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _in_editie(inspanning, peildatum, vorige_peildatum) -> bool:
    # Finished or dropped before the previous edition: already reported there, so left out now.
    return not (vorige_peildatum and inspanning.status_op(vorige_peildatum) != Inspanning.Status.LOPEND)


# What an edition shows of a voortgang: not who entered it or when (two timestamps to convert per row).
VOORTGANG_VELDEN = (
    "inspanning_id",
    "peildatum",
    *(veld for dimensie, _ in DIMENSIES for veld in (dimensie, f"{dimensie}_toelichting")),
    "bijsturing",
    "besteed",
    "prognose",
)


def voortgang_per_inspanning(ids, peildatum, vorige_peildatum):
    """The latest voortgang on or before the peildatum, and on or before the previous edition's, each with the
    attributes of a Voortgang that an edition shows.

    Only those two per inspanning are read (with their rich text), not every period: one query. As plain rows, not
    model instances: at ten times the programme, making 480 instances cost twice as long as the query.
    """

    def laatste(datum):
        nieuwste = Voortgang.objects.filter(inspanning_id=OuterRef("inspanning_id"), peildatum__lte=datum)
        return Subquery(nieuwste.order_by("-peildatum", "-pk").values("pk")[:1])

    welke = Q(pk=laatste(peildatum))
    if vorige_peildatum:
        welke |= Q(pk=laatste(vorige_peildatum))
    huidig, eerder = {}, {}
    rijen = Voortgang.objects.filter(welke, inspanning_id__in=ids).order_by("peildatum", "pk")
    for v in (SimpleNamespace(**rij) for rij in rijen.values(*VOORTGANG_VELDEN)):
        huidig[v.inspanning_id] = v
        if vorige_peildatum and v.peildatum <= vorige_peildatum:
            eerder[v.inspanning_id] = v
    return huidig, eerder


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _inspanning(inspanning, voortgang, vorige_voortgang, mijlpalen, peildatum, vorige) -> dict:
    status = inspanning.status_op(peildatum)
    dimensies = []
    for veld, label in DIMENSIES:
        kleur = getattr(voortgang, veld) if voortgang else None
        vorige_kleur = getattr(vorige_voortgang, veld) if vorige_voortgang else None
        dimensies.append(
            {
                "veld": veld,
                "label": label,
                "kleur": kleur,
                "kleur_label": Kleur(kleur).label if kleur else "Geen oordeel",
                "toelichting": getattr(voortgang, f"{veld}_toelichting") if voortgang else "",
                "vorige_kleur": vorige_kleur,
                "vorige_kleur_label": Kleur(vorige_kleur).label if vorige_kleur else None,
                "trend": trend(vorige_kleur, kleur),
            }
        )
    return {
        "code": inspanning.code,
        "titel": inspanning.titel,
        "anker": plekken.inspanning_anker(inspanning.code),
        "omschrijving": inspanning.omschrijving,
        "bestuurlijk_opdrachtgever": inspanning.bestuurlijk_opdrachtgever,
        "ambtelijk_opdrachtnemer": inspanning.ambtelijk_opdrachtnemer,
        "budget": _dec(inspanning.budget),
        "status": status,
        "status_label": Inspanning.Status(status).label,
        "opgenomen_op": inspanning.opgenomen_op.isoformat(),
        "nieuw": bool(vorige and inspanning.opgenomen_op > vorige.peildatum),
        "afgerond": bool(vorige and status == Inspanning.Status.AFGEROND),
        "vervallen": bool(vorige and status == Inspanning.Status.VERVALLEN),
        "peildatum_voortgang": voortgang.peildatum.isoformat() if voortgang else None,
        "dimensies": dimensies,
        "afwijkend": any(is_afwijkend(d["kleur"]) for d in dimensies),
        "kleur_gewijzigd": any(kleur_gewijzigd(d["vorige_kleur"], d["kleur"]) for d in dimensies),
        "bijsturing": voortgang.bijsturing if voortgang else "",
        "besteed": _dec(voortgang.besteed) if voortgang else None,
        "prognose": _dec(voortgang.prognose) if voortgang else None,
        "mijlpalen": [_mijlpaal(m, peildatum) for m in mijlpalen[inspanning.pk]],
    }


def _mijlpaal(mijlpaal: Mijlpaal, peildatum) -> dict:
    if mijlpaal.gereed_op and mijlpaal.gereed_op <= peildatum:
        stand, label = "gereed", "Gereed"
    elif mijlpaal.gemist_op(peildatum):
        stand, label = "gemist", "Gemist"
    elif mijlpaal.geplande_datum <= peildatum + MIJLPAAL_VOORUITBLIK:
        stand, label = "binnenkort", "Binnenkort"
    else:
        stand, label = "gepland", "Gepland"
    return {
        "omschrijving": mijlpaal.omschrijving,
        "geplande_datum": mijlpaal.geplande_datum.isoformat(),
        "gereed_op": mijlpaal.gereed_op.isoformat() if mijlpaal.gereed_op else None,
        "stand": stand,
        "stand_label": label,
    }


def _tellingen(inspanningen: list[dict]) -> dict:
    tellingen = {veld: dict.fromkeys(KLEUREN, 0) for veld, _ in DIMENSIES}
    for inspanning in inspanningen:
        for d in inspanning["dimensies"]:
            tellingen[d["veld"]][telkleur(d["kleur"])] += 1
    return tellingen


def _som(inspanningen: list[dict], veld: str) -> str:
    return str(sum((Decimal(i[veld]) for i in inspanningen if i[veld] is not None), Decimal(0)))


def _thema(thema: Thema, inspanningen: list[dict]) -> dict:
    return {
        "code": thema.code,
        "naam": thema.naam,
        "slug": thema.slug,
        "anker": plekken.thema_anker(thema.slug),
        "korte_omschrijving": thema.korte_omschrijving,
        "context": thema.context,
        "doel": thema.doel,
        "portefeuillehouder": thema.portefeuillehouder,
        "inspanningen": inspanningen,
        "afwijkend": any(i["afwijkend"] for i in inspanningen),
        "tellingen": _tellingen(inspanningen),
        "budget": _som(inspanningen, "budget"),
        "besteed": _som(inspanningen, "besteed"),
        "prognose": _som(inspanningen, "prognose"),
    }


def _ref(thema: dict, inspanning: dict) -> dict:
    return {
        "code": inspanning["code"],
        "titel": inspanning["titel"],
        "anker": inspanning["anker"],
        "thema": thema["naam"],
    }


def _veranderd(themas: list[dict]) -> dict:
    veranderd = {"nieuw": [], "afgerond": [], "vervallen": [], "kleur_gewijzigd": []}
    for thema in themas:
        for i in thema["inspanningen"]:
            for soort in ("nieuw", "afgerond", "vervallen"):
                if i[soort]:
                    veranderd[soort].append(_ref(thema, i))
            if i["kleur_gewijzigd"]:
                wijzigingen = [
                    {k: d[k] for k in ("label", "vorige_kleur", "vorige_kleur_label", "kleur", "kleur_label", "trend")}
                    for d in i["dimensies"]
                    if kleur_gewijzigd(d["vorige_kleur"], d["kleur"])
                ]
                veranderd["kleur_gewijzigd"].append({**_ref(thema, i), "wijzigingen": wijzigingen})
    return veranderd


def _totalen(themas: list[dict]) -> dict:
    alle = [i for t in themas for i in t["inspanningen"]]
    tellingen = _tellingen(alle)
    return {
        "aantal_themas": len(themas),
        "aantal_inspanningen": len(alle),
        "aantal_afwijkend": sum(1 for i in alle if i["afwijkend"]),
        "tellingen": tellingen,
        "budget": _som(alle, "budget"),
        "besteed": _som(alle, "besteed"),
        "prognose": _som(alle, "prognose"),
    }


def _kernen(peildatum) -> list[dict]:
    acties = defaultdict(list)
    # The thema's code and name only, not a Thema (with its rich text) per action.
    thema = {"thema_code": F("thema__code"), "thema_naam": F("thema__naam")}
    for actie in Dorpsactie.objects.annotate(**thema).order_by("titel"):
        if actie.gestart_op and actie.gestart_op > peildatum:
            continue
        acties[actie.kern_id].append(_actie(actie, peildatum))
    return [
        {
            "naam": kern.naam,
            "slug": kern.slug,
            "anker": plekken.kern_anker(kern.slug),
            "soort": kern.soort,
            "lat": float(kern.latitude),
            "lon": float(kern.longitude),
            "inwoners": kern.inwoners,
            "dorpsoverleg": kern.dorpsoverleg,
            "acties": acties[kern.pk],
            "aantal_acties": len(acties[kern.pk]),
            "statussen": dict(Counter(a["status"] for a in acties[kern.pk])),
        }
        for kern in Kern.objects.all()
    ]


def _actie(actie: Dorpsactie, peildatum) -> dict:
    status = actie.status_op(peildatum)
    return {
        "titel": actie.titel,
        "omschrijving": actie.omschrijving,
        "status": status,
        "status_label": Dorpsactie.Status(status).label,
        "voortgang": actie.voortgang,
        "voortgang_label": Kleur(actie.voortgang).label,
        "thema_code": actie.thema_code,
        "thema_naam": actie.thema_naam,
        "trekker": actie.trekker,
        "bijdrage": _dec(actie.bijdrage),
        "gestart_op": actie.gestart_op.isoformat() if actie.gestart_op else None,
        "afgerond_op": actie.afgerond_op.isoformat() if actie.afgerond_op and actie.afgerond_op <= peildatum else None,
        "foto": actie.foto.name or None,
        "foto_alt": actie.foto_alt,
    }
