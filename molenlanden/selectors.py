"""What the start page shows: the programme at a glance, what changed, and the work waiting for this person.

Each part reads with a fixed number of queries, whatever the amount of data.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count, Exists, OuterRef, Q

from dorpen.models import Kern
from molenlanden.common.roles import PROJECTLEIDER, REDACTIE, TREKKER, has_rol
from rapportage.models import Beoordeling, Budgetjaar, Rapportage
from rapportage.selectors import planning_overzicht
from thema.kleuren import DIMENSIES, Kleur, ergste, kleur_gewijzigd, telkleur
from thema.models import Inspanning, Thema, Voortgang


def programma_overzicht() -> dict:
    """Per thema the colours of its running inspanningen, and which of them need attention (oranje or rood)."""
    themas = list(Thema.objects.actief())
    per_thema = {thema.pk: {veld: Counter() for veld, _ in DIMENSIES} for thema in themas}
    aantal = Counter()
    aandacht = defaultdict(list)
    laatste_peildatum = None
    lopend = list(
        Inspanning.objects.filter(thema__actief=True, status=Inspanning.Status.LOPEND)
        .met_laatste_voortgang()
        .order_by("thema__volgorde", "code")
    )
    for inspanning in lopend:
        aantal[inspanning.thema_id] += 1
        if inspanning.laatste_peildatum and (not laatste_peildatum or inspanning.laatste_peildatum > laatste_peildatum):
            laatste_peildatum = inspanning.laatste_peildatum
        kleuren = [getattr(inspanning, f"laatste_{veld}") for veld, _ in DIMENSIES]
        for (veld, _), kleur in zip(DIMENSIES, kleuren, strict=True):
            per_thema[inspanning.thema_id][veld][telkleur(kleur)] += 1
        if (slechtste := ergste(kleuren)) in (Kleur.ROOD, Kleur.ORANJE):
            aandacht[slechtste].append(inspanning)
    rijen = [
        {
            "thema": thema,
            "aantal": aantal[thema.pk],
            "dimensies": [
                {
                    "label": label,
                    "tellingen": [
                        (k, per_thema[thema.pk][veld][k]) for k in Kleur.values if per_thema[thema.pk][veld][k]
                    ],
                }
                for veld, label in DIMENSIES
            ],
        }
        for thema in themas
    ]
    kernen = list(Kern.objects.met_aantal_acties())
    return {
        "rijen": rijen,
        "laatste_peildatum": laatste_peildatum,
        "aantal_lopend": len(lopend),
        "aandacht": [(Kleur(k).label.lower(), aandacht[k]) for k in (Kleur.ROOD, Kleur.ORANJE) if aandacht[k]],
        "aantal_aandacht": sum(len(v) for v in aandacht.values()),
        "veranderd": _veranderd_sinds(laatste_vastgesteld(), lopend),
        "kernen_met_acties": sum(1 for k in kernen if k.aantal_acties),
        "aantal_kernen": len(kernen),
        "aantal_acties": sum(k.aantal_acties for k in kernen),
    }


def laatste_vastgesteld() -> Rapportage | None:
    return Rapportage.objects.vastgesteld().order_by("-peildatum").first()


def _veranderd_sinds(editie: Rapportage | None, lopend: list[Inspanning]) -> dict | None:
    """Colours that changed since the last adopted edition (from its frozen snapshot), and what is new since."""
    if editie is None or not editie.snapshot:
        return None
    toen = {
        i["code"]: {d["veld"]: d["kleur"] for d in i["dimensies"]}
        for t in editie.snapshot.get("themas", [])
        for i in t["inspanningen"]
    }
    gewijzigd, nieuw = [], []
    for inspanning in lopend:
        if inspanning.code not in toen:
            if inspanning.opgenomen_op > editie.peildatum:
                nieuw.append(inspanning)
            continue
        wijzigingen = [
            (label.lower(), toen[inspanning.code].get(veld), getattr(inspanning, f"laatste_{veld}"))
            for veld, label in DIMENSIES
            if kleur_gewijzigd(toen[inspanning.code].get(veld), getattr(inspanning, f"laatste_{veld}"))
        ]
        if wijzigingen:
            gewijzigd.append({"inspanning": inspanning, "wijzigingen": wijzigingen})
    return {"editie": editie, "gewijzigd": gewijzigd, "nieuw": nieuw}


def nieuwste_editie(user) -> Rapportage | None:
    """The edition this person most likely wants: the newest adopted one they may read, else the newest concept."""
    zichtbaar = Rapportage.objects.visible_to(user)
    return zichtbaar.vastgesteld().order_by("-peildatum").first() or zichtbaar.order_by("-peildatum").first()


def openbare_edities():
    return Rapportage.objects.openbaar().order_by("-vastgesteld_op", "-peildatum")


def mijn_werk(user) -> dict:
    """Open work for this person: a trekker's missing voortgang, a redacteur's open review, the projectleider's."""
    werk = {}
    vorige = laatste_vastgesteld()
    sinds = vorige.peildatum if vorige else None
    if has_rol(user, TREKKER):
        werk["voortgang"] = list(_zonder_voortgang_sinds(Inspanning.objects.van_trekker(user), sinds))
        werk["voortgang_sinds"] = sinds
    if has_rol(user, REDACTIE):
        werk["review"] = list(
            Rapportage.objects.filter(status=Rapportage.Status.TER_REVIEW)
            .annotate(
                open_opmerkingen=Count(
                    "opmerkingen", filter=Q(opmerkingen__parent__isnull=True, opmerkingen__opgelost_op__isnull=True)
                ),
                mijn_oordeel=Exists(
                    Beoordeling.objects.filter(
                        rapportage=OuterRef("pk"), ronde=OuterRef("review_ronde"), redacteur=user
                    )
                ),
            )
            .order_by("-peildatum")
        )
    if has_rol(user, PROJECTLEIDER):
        open_edities = list(
            Rapportage.objects.exclude(status=Rapportage.Status.VASTGESTELD)
            .annotate(
                open_opmerkingen=Count(
                    "opmerkingen", filter=Q(opmerkingen__parent__isnull=True, opmerkingen__opgelost_op__isnull=True)
                )
            )
            .order_by("-peildatum")
        )
        werk["edities"] = open_edities
        werk["zonder_voortgang"] = _zonder_voortgang_sinds(Inspanning.objects.all(), sinds).count()
        werk["voortgang_sinds"] = sinds
    return werk


def _zonder_voortgang_sinds(inspanningen, sinds):
    """Running inspanningen without a voortgang after `sinds` (without any voortgang at all when there is none)."""
    recent = Voortgang.objects.filter(inspanning=OuterRef("pk"))
    if sinds:
        recent = recent.filter(peildatum__gt=sinds)
    return (
        inspanningen.filter(status=Inspanning.Status.LOPEND, thema__actief=True)
        .filter(~Exists(recent))
        .select_related("thema")
        .order_by("thema__volgorde", "code")
    )


def planning_en_budget(vandaag) -> dict:
    """The projectleider's block on the start page (templates/molenlanden/_planning.html), self-contained so it can
    move as a whole: per edition under way its phases, the current one, the next date and what is late; and the
    monitor's own budget per year. Six queries, whatever the data."""
    return {"edities": planning_overzicht(vandaag), "budget": Budgetjaar.objects.overzicht(), "vandaag": vandaag}
