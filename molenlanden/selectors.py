"""The programme at a glance, for the start page: a fixed number of queries whatever the data."""

from __future__ import annotations

from collections import Counter

from dorpen.models import Kern
from thema.kleuren import DIMENSIES, Kleur, telkleur
from thema.models import Inspanning, Thema


def programma_overzicht() -> dict:
    themas = list(Thema.objects.actief())
    per_thema = {thema.pk: {veld: Counter() for veld, _ in DIMENSIES} for thema in themas}
    aantal = Counter()
    laatste_peildatum = None
    lopend = Inspanning.objects.filter(thema__actief=True, status=Inspanning.Status.LOPEND).met_laatste_voortgang()
    for inspanning in lopend:
        aantal[inspanning.thema_id] += 1
        if inspanning.laatste_peildatum and (not laatste_peildatum or inspanning.laatste_peildatum > laatste_peildatum):
            laatste_peildatum = inspanning.laatste_peildatum
        for veld, _ in DIMENSIES:
            per_thema[inspanning.thema_id][veld][telkleur(getattr(inspanning, f"laatste_{veld}"))] += 1
    rijen = [
        {
            "thema": thema,
            "aantal": aantal[thema.pk],
            "dimensies": [
                {"label": label, "tellingen": [(kleur, per_thema[thema.pk][veld][kleur]) for kleur in Kleur.values]}
                for veld, label in DIMENSIES
            ],
        }
        for thema in themas
    ]
    kernen = list(Kern.objects.met_aantal_acties())
    return {
        "rijen": rijen,
        "kleuren": Kleur.choices,
        "laatste_peildatum": laatste_peildatum,
        "kernen": kernen,
        "aantal_acties": sum(k.aantal_acties for k in kernen),
    }
