"""Rounds and contributions for the tests of inbreng/."""

from __future__ import annotations

import datetime

from django.utils import timezone

from dorpen.models import Kern
from inbreng import services
from inbreng.models import Bijdrage, InbrengRonde, RondeVraag, Uitnodiging
from thema.models import Thema


def maak_ronde(editie, *, slug="update-2021", voor_iedereen=True, open_=True) -> InbrengRonde:
    nu = timezone.now()
    van, tot = (nu - datetime.timedelta(days=3), nu + datetime.timedelta(days=14))
    if not open_:
        van, tot = nu - datetime.timedelta(days=60), nu - datetime.timedelta(days=30)
    ronde = InbrengRonde.objects.create(
        editie=editie,
        titel="Praat mee over de Update 2021",
        slug=slug,
        inleiding="Wat gaat goed? Wat kan beter?",
        open_van=van,
        open_tot=tot,
        voor_iedereen=voor_iedereen,
    )
    RondeVraag.objects.create(ronde=ronde, thema=Thema.objects.get(code="A"), vraag="Waar moeten starters wonen?")
    return ronde


def maak_bijdrage(uitnodiging: Uitnodiging, *, soort="thema", thema="A", kernen=("Streefkerk",), **velden) -> Bijdrage:
    velden.setdefault("goed" if soort != "voorstel" else "doel", "De nieuwe woningen in het dorp zijn een succes.")
    if soort == "voorstel":
        velden.setdefault("titel", "Jongerenplek in de kern")
    bijdrage = Bijdrage(
        ronde=uitnodiging.ronde, uitnodiging=uitnodiging, soort=soort, thema=Thema.objects.get(code=thema), **velden
    )
    return services.bijdrage_opslaan(bijdrage, Kern.objects.filter(naam__in=kernen))
