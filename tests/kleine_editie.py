"""A small edition for tests that render real PDFs: two thema's, five inspanningen, two kernen, one photo."""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image

from dorpen.models import Dorpsactie, Kern
from rapportage.models import Rapportage
from tests.helpers import nieuwe_editie
from thema.models import Inspanning, Thema, Voortgang

PEILDATUM = datetime.date(2021, 6, 1)
THEMAS = {"A": "Wonen in de kernen", "B": "Verkeer en veiligheid"}
KLEUREN = {"A1": "groen", "A2": "oranje", "A3": "rood", "B1": "groen", "B2": "grijs"}


def png(breedte=60, hoogte=40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (breedte, hoogte), (29, 107, 50)).save(buffer, "PNG")
    return buffer.getvalue()


def kleine_editie() -> Rapportage:
    """Two thema's with five inspanningen and their voortgang, two kernen and a dorpsactie with a photo."""
    for volgorde, (code, naam) in enumerate(THEMAS.items()):
        thema = Thema.objects.create(
            code=code, naam=naam, slug=naam.lower().replace(" ", "-"), volgorde=volgorde, doel=f"<p>Doel {naam}.</p>"
        )
        for inspanning_code, kleur in KLEUREN.items():
            if not inspanning_code.startswith(code):
                continue
            inspanning = Inspanning.objects.create(
                thema=thema,
                code=inspanning_code,
                titel=f"Inspanning {inspanning_code}",
                omschrijving="<p>Wat we doen.</p>",
                opgenomen_op=datetime.date(2020, 1, 1),
            )
            uitleg = "<p>" + "De oorzaak, het gevolg en de bijsturing in een paar zinnen. " * 12 + "</p>"
            Voortgang.objects.create(
                inspanning=inspanning,
                peildatum=PEILDATUM,
                inhoud=kleur,
                inhoud_toelichting=uitleg,
                planning="groen",
                planning_toelichting="<p>Op schema.</p>",
                financien=kleur,
                financien_toelichting=uitleg,
                bijsturing="<p>We sturen bij.</p>" if kleur in ("oranje", "rood") else "",
            )
    arkel = Kern.objects.create(naam="Arkel", slug="arkel", latitude="51.86400", longitude="4.99400")
    Kern.objects.create(naam="Nieuwpoort", slug="nieuwpoort", soort="stad", latitude="51.93600", longitude="4.86500")
    actie = Dorpsactie(
        kern=arkel,
        titel="Speeltuin aan de dijk",
        status="in_uitvoering",
        voortgang="oranje",
        gestart_op=datetime.date(2021, 3, 1),
        foto_alt="Kinderen op de nieuwe speeltoestellen",
    )
    actie.foto.save("speeltuin.png", ContentFile(png()), save=True)
    return nieuwe_editie(
        titel="Testrapportage 2021",
        slug="testrapportage-2021",
        soort="wrap_up",
        peildatum=PEILDATUM,
        inleiding="<p>Een korte inleiding.</p>",
    )
