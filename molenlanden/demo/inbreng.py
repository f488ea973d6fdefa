"""The demo's inbreng round for the Update 2021: closed, with a few dozen contributions from the network, some
accepted, three chosen as quotes and one proposal that became inspanning C5. Loaded once: a second run changes
nothing (the round is the projectleider's once it exists). Invented but plausible, like the rest of the demo.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from dorpen.models import Kern
from inbreng import services
from inbreng.models import Bijdrage, InbrengRonde, RondeVraag, Uitnodiging
from rapportage.models import Rapportage
from thema.models import Inspanning, Thema

SLUG = "update-2021"
EDITIE = "update-samenlevingsprogramma-2021"
INLEIDING = (
    "Door corona konden we niet samenkomen in de dorpen en de stad. Daarom vragen we het u nu online: hoe gaat het "
    "met de pittige thema's van het Samenlevingsprogramma? Wat gaat goed, wat kan beter, en welke nieuwe "
    "inspanningen moeten we samen oppakken?\n\nWat u instuurt, leest het kernteam. Een deel ervan komt terug in "
    "de Update van het Samenlevingsprogramma."
)
VRAGEN = {
    "A": "Welke woningen missen er in uw kern, en voor wie?",
    "C": "Wat helpt tegen eenzaamheid in uw dorp of de stad?",
    "G": "Wat heeft uw vereniging of bedrijf nodig om na corona weer op te bloeien?",
}
GENODIGDEN = [
    ("Dorpsoverleg Streefkerk", "Streefkerk"),
    ("Dorpsoverleg Groot-Ammers", "Groot-Ammers"),
    ("Klankbordgroep Nieuwpoort-Langerak", "Nieuwpoort"),
    ("Dorpsoverleg Arkel", "Arkel"),
    ("Dorpsoverleg Bleskensgraaf", "Bleskensgraaf"),
    ("Dorpsoverleg Oud-Alblas", "Oud-Alblas"),
    ("Dorpsoverleg Giessenburg", "Giessenburg"),
    ("Dorpsoverleg Nieuw-Lekkerland", "Nieuw-Lekkerland"),
    ("Dorpsoverleg Hoornaar", "Hoornaar"),
    ("Dorpsoverleg Ottoland", "Ottoland"),
    ("Stichting Welzijn Molenlanden", None),
    ("Jong Molenlanden", None),
    ("Woningcorporatie Alblasserwaard", None),
    ("Ondernemersvereniging Molenlanden", None),
    ("Stichting Duurzaam Molenlanden", None),
]
G, N, A, B, S = "geaccepteerd", "nieuw", "afgewezen", "beantwoord", "samengevoegd"
# (wie: index in GENODIGDEN or None for someone on the open page, soort, thema/inspanning, kernen, goed, beter,
#  status, citaat)
REACTIES = [
    (
        0,
        "A2",
        ["Streefkerk"],
        "Er komen eindelijk starterswoningen aan de Kade.",
        "Jongeren moeten weten wanneer ze zich kunnen inschrijven.",
        G,
        True,
    ),
    (
        1,
        "A2",
        ["Groot-Ammers"],
        "",
        "Voor ouderen die kleiner willen wonen is er in Groot-Ammers niets te vinden.",
        G,
        False,
    ),
    (
        2,
        "D2",
        ["Nieuwpoort"],
        "Het perspectief voor de vestingstad is met ons besproken.",
        "Het baggeren van de haven duurt te lang.",
        G,
        True,
    ),
    (
        3,
        "B2",
        ["Arkel"],
        "",
        "De schoolroute langs de Dorpsstraat is in de oogsttijd gevaarlijk door landbouwverkeer.",
        G,
        False,
    ),
    (
        4,
        "F1",
        ["Bleskensgraaf"],
        "Fijn dat het servicepunt in De Spil komt.",
        "Wie niet digitaal is, moet ook geholpen worden.",
        G,
        False,
    ),
    (5, "B1", ["Oud-Alblas"], "", "Sluipverkeer door Oud-Alblas neemt toe sinds de werkzaamheden.", N, False),
    (6, "C4", ["Giessenburg"], "Dorpshuis De Til draait weer, dank zij vrijwilligers.", "", G, False),
    (7, "A1", ["Nieuw-Lekkerland"], "Er wordt gebouwd.", "Het duurt lang voordat plannen echt hard zijn.", B, False),
    (8, "B4", ["Hoornaar"], "", "Het fietspad naar Noordeloos is smal en donker.", N, False),
    (
        9,
        "C4",
        ["Ottoland"],
        "De klankbordgroep houdt de actielijst bij.",
        "De toekomst van het dorpshuis is nog onzeker.",
        G,
        False,
    ),
    (
        10,
        "C1",
        [],
        "De telefooncirkels tijdens corona werkten goed.",
        "Meer huisbezoeken bij ouderen die alleen wonen.",
        G,
        True,
    ),
    (
        10,
        "C2",
        [],
        "Het steunpunt mantelzorg is bekend geworden.",
        "Respijtzorg is in de kleine kernen moeilijk te vinden.",
        G,
        False,
    ),
    (
        11,
        "C3",
        ["Streefkerk", "Nieuw-Lekkerland"],
        "",
        "Jongeren willen meedenken, maar vergaderen op het gemeentehuis past niet.",
        G,
        False,
    ),
    (12, "A3", [], "De prestatieafspraken zijn op tijd gemaakt.", "", B, False),
    (13, "D3", [], "", "Ondernemers in de kleine kernen vinden moeilijk een bedrijfsruimte.", N, False),
    (
        14,
        "E1",
        [],
        "De RES is helder uitgelegd op de avonden.",
        "Inwoners willen meer zeggenschap over zonnevelden.",
        G,
        False,
    ),
    (14, "E4", ["Giessenburg"], "", "Meer bloemrijke bermen langs de Giessen.", A, False),
    (None, "B3", ["Goudriaan"], "", "De buurtbus rijdt niet meer op zaterdag.", G, False),
    (None, "A", ["Langerak"], "", "Een huis vinden in je eigen dorp is bijna onmogelijk.", S, False),
    (None, "A", ["Brandwijk"], "", "Er zijn geen huizen voor jonge gezinnen in Brandwijk.", N, False),
    (None, "G1", ["Kinderdijk"], "Het herstelfonds hielp onze vereniging door de winter.", "", G, False),
    (None, "D1", ["Kinderdijk"], "", "De drukte van toeristen bij de molens zit de bewoners dwars.", N, False),
    (
        None,
        "F3",
        [],
        "",
        "Maak meedoen ook mogelijk zonder internet, bijvoorbeeld op papier in het dorpshuis.",
        G,
        False,
    ),
    (None, "C", ["Wijngaarden"], "Buren helpen elkaar hier veel.", "", N, False),
    (None, "E3", ["Molenaarsgraaf"], "", "Na de regen van vorige zomer stonden kelders onder water.", A, False),
    (None, "G2", [], "", "Jongeren hebben na corona meer hulp nodig dan nu wordt geboden.", N, False),
]
VOORSTELLEN = [
    # (wie, thema, titel, doel, kernen (None: hele gemeente), wie kan helpen, status, wordt inspanning)
    (
        11,
        "C",
        "Jongerenraad Molenlanden",
        "Jongeren uit de dorpen en de stad praten mee over wat de gemeente doet, op hun eigen manier en plek.",
        ["Streefkerk", "Nieuw-Lekkerland", "Giessenburg"],
        "Jong Molenlanden en de jongerenwerkers",
        G,
        True,
    ),
    (
        0,
        "A",
        "Woningruil voor ouderen",
        "Ouderen die een grote woning achterlaten, helpen naar een passende woning in hun eigen kern.",
        ["Streefkerk", "Groot-Ammers"],
        "Woningcorporatie Alblasserwaard",
        G,
        False,
    ),
    (
        13,
        "D",
        "Gedeelde werkplaatsen in dorpshuizen",
        "Kleine ondernemers huren samen ruimte in dorpshuizen die overdag leeg staan.",
        None,
        "Ondernemersvereniging Molenlanden",
        N,
        False,
    ),
    (
        14,
        "E",
        "Energiecoöperatie per kern",
        "Inwoners verdienen mee aan zon- en windenergie in hun eigen omgeving.",
        None,
        "Stichting Duurzaam Molenlanden",
        B,
        False,
    ),
    (
        None,
        "B",
        "Veilig oversteken bij de Lekdijk",
        "Een zebrapad met verlichting waar kinderen naar school oversteken.",
        ["Nieuw-Lekkerland"],
        "",
        A,
        False,
    ),
    (
        None,
        "C",
        "Repaircafé in elke kern",
        "Eén keer per maand samen spullen repareren en elkaar ontmoeten.",
        ["Bleskensgraaf", "Arkel"],
        "",
        N,
        False,
    ),
]
ANTWOORDEN = {
    B: "Dank voor uw reactie. We nemen dit mee in de uitwerking van de inspanning en laten het u in het najaar weten.",
    A: "Dit past niet binnen het Samenlevingsprogramma; we hebben het doorgegeven aan het team dat erover gaat.",
}


def load_inbreng() -> int:
    editie = Rapportage.objects.filter(slug=EDITIE).first()
    if editie is None or InbrengRonde.objects.filter(slug=SLUG).exists():
        return 0
    tz = timezone.get_current_timezone()
    open_van = datetime.datetime(2021, 3, 1, 9, 0, tzinfo=tz)
    ronde = InbrengRonde.objects.create(
        editie=editie,
        titel="Praat mee over de Update 2021",
        slug=SLUG,
        inleiding=INLEIDING,
        open_van=open_van,
        open_tot=datetime.datetime(2021, 4, 15, 17, 0, tzinfo=tz),
        voor_iedereen=True,
    )
    themas = {t.code: t for t in Thema.objects.all()}
    inspanningen = {i.code: i for i in Inspanning.objects.all()}
    kernen = {k.naam: k for k in Kern.objects.all()}
    RondeVraag.objects.bulk_create(RondeVraag(ronde=ronde, thema=themas[c], vraag=v) for c, v in VRAGEN.items())
    genodigden = Uitnodiging.objects.bulk_create(
        Uitnodiging(
            ronde=ronde,
            naam=naam,
            email=f"{naam.lower().replace(' ', '.').replace('-', '')}@example.org",
            kern=kernen.get(kern),
            verstuurd_op=open_van,
        )
        for naam, kern in GENODIGDEN
    )
    bijdragen, kernen_per = [], []
    for n, (wie, code, kn, goed, beter, status, citaat) in enumerate(REACTIES):
        inspanning = inspanningen.get(code)
        b = Bijdrage(
            soort=Bijdrage.Soort.INSPANNING if inspanning else Bijdrage.Soort.THEMA,
            thema=inspanning.thema if inspanning else themas[code],
            inspanning=inspanning,
            goed=goed,
            beter=beter,
            status=status,
            citaat=citaat,
        )
        bijdragen.append((wie, n, b))
        kernen_per.append(kn)
    for n, (wie, code, titel, doel, kn, helpen, status, _) in enumerate(VOORSTELLEN, start=len(REACTIES)):
        b = Bijdrage(
            soort=Bijdrage.Soort.VOORSTEL,
            thema=themas[code],
            titel=titel,
            doel=doel,
            hele_gemeente=kn is None,
            wie_kan_helpen=helpen,
            status=status,
        )
        bijdragen.append((wie, n, b))
        kernen_per.append(kn or [])
    for wie, n, b in bijdragen:
        b.ronde = ronde
        b.uitnodiging = (
            genodigden[wie] if wie is not None else Uitnodiging.objects.create(ronde=ronde, zelf_aangemeld=True)
        )
        b.ingediend_op = open_van + datetime.timedelta(days=n % 40, hours=n % 9)
        b.antwoord = ANTWOORDEN[B] if b.status == B else ""
        b.reden = ANTWOORDEN[A] if b.status == A else ""
    rijen = Bijdrage.objects.bulk_create([b for _, _, b in bijdragen])
    Door = Bijdrage.kernen.through
    Door.objects.bulk_create(
        Door(bijdrage_id=b.pk, kern_id=kernen[k].pk) for b, kn in zip(rijen, kernen_per, strict=True) for k in kn
    )
    samen = next(b for b in rijen if b.status == S)
    Bijdrage.objects.filter(pk=samen.pk).update(
        samengevoegd_in=next(b for b in rijen if b.thema.code == "A" and b.status == G)
    )
    te_maken = [b for b, v in zip(rijen[len(REACTIES) :], VOORSTELLEN, strict=True) if v[-1]]
    for voorstel in te_maken:
        services.maak_inspanning(voorstel, opgenomen_op=datetime.date(2021, 5, 3))
    return 1 + len(genodigden) + len(rijen)
