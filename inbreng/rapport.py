"""The network's section of an edition, "Wat we van ons netwerk hoorden": counts, chosen quotes, new inspanningen.

Part of the edition's structure (rapportage/builder.py, wired by settings.RAPPORTAGE_SECTIES), so an adopted edition
freezes it with the rest. Only counts and accepted contributions appear: nothing unaccepted is ever shown.
"""

from __future__ import annotations

from collections import Counter

from inbreng.models import Bijdrage, InbrengRonde


def netwerk(editie) -> dict | None:
    if editie.pk is None:  # an edition being tried out, never saved: no round can point at it
        return None
    rondes = list(InbrengRonde.objects.filter(editie=editie).order_by("open_van"))
    if not rondes:
        return None
    bijdragen = list(
        Bijdrage.objects.filter(ronde__in=rondes)
        .select_related("thema", "inspanning", "inspanning_gemaakt__thema")
        .prefetch_related("kernen")
        .order_by("thema__volgorde", "thema__code", "ingediend_op", "pk")
    )
    per_thema = Counter((b.thema.code, b.thema.naam) for b in bijdragen)
    per_kern = Counter(k.naam for b in bijdragen for k in b.kernen.all())
    per_soort = Counter(b.soort for b in bijdragen)
    geaccepteerd = [b for b in bijdragen if b.status == Bijdrage.Status.GEACCEPTEERD]
    return {
        "rondes": [
            {"titel": r.titel, "open_van": r.open_van.date().isoformat(), "open_tot": r.open_tot.date().isoformat()}
            for r in rondes
        ],
        "aantal_deelnemers": len({b.uitnodiging_id for b in bijdragen}),
        "aantal_bijdragen": len(bijdragen),
        "aantal_reacties": per_soort[Bijdrage.Soort.THEMA] + per_soort[Bijdrage.Soort.INSPANNING],
        "aantal_voorstellen": per_soort[Bijdrage.Soort.VOORSTEL],
        "aantal_geaccepteerd": len(geaccepteerd),
        "per_thema": [{"code": c, "naam": n, "aantal": a} for (c, n), a in sorted(per_thema.items())],
        "per_kern": [{"naam": n, "aantal": a} for n, a in sorted(per_kern.items(), key=lambda x: (-x[1], x[0]))],
        "citaten": [_citaat(b) for b in geaccepteerd if b.citaat and b.citaat_tekst],
        "nieuwe_inspanningen": [_nieuw(b) for b in geaccepteerd if b.inspanning_gemaakt_id],
    }


def _kernen(b: Bijdrage) -> str:
    namen = [k.naam for k in b.kernen.all()]
    return "de hele gemeente" if b.hele_gemeente or not namen else ", ".join(namen)


def _citaat(b: Bijdrage) -> dict:
    return {
        "tekst": b.citaat_tekst,
        "over": str(b.inspanning) if b.inspanning_id else f"{b.thema.code}. {b.thema.naam}",
        "kernen": _kernen(b) if b.kernen.all() else "",
    }


def _nieuw(b: Bijdrage) -> dict:
    i = b.inspanning_gemaakt
    return {
        "code": i.code,
        "titel": i.titel,
        "thema": f"{i.thema.code}. {i.thema.naam}",
        "voorstel": b.titel,
        "kernen": _kernen(b),
        "ingediend_op": b.ingediend_op.date().isoformat(),
    }
