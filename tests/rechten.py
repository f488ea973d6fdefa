"""Every address of the project with the answer each role must get: the table behind the permission walk
(tests/molenlanden/test_permission_walk.py) and the browser walk over every page (tests/browser/test_every_page.py).

A new URL needs a row here, or test_every_url_has_an_entry fails.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from inbreng import links
from inbreng.models import Uitnodiging
from rapportage import plekken, review
from rapportage.services import vaststellen
from tests.helpers import nieuwe_editie
from tests.inbreng.maak import maak_bijdrage, maak_ronde
from thema.models import Inspanning

ROLLEN = ("anoniem", "college", "redacteur", "trekker", "projectleider")
LOGIN = "login"  # a redirect to the login page (the admin's own login page for /admin/)
UPDATE = "update-2021"
WRAP_UP = "wrap-up-2020"
RONDE = "praat-mee-2021"


def _verwacht(anoniem, college, redacteur, trekker, projectleider):
    return dict(zip(ROLLEN, (anoniem, college, redacteur, trekker, projectleider), strict=True))


# name: (method, path, expected answer per role)
WALK = {
    "start": ("get", "/", _verwacht(200, 200, 200, 200, 200)),
    "login": ("get", "/inloggen/", _verwacht(200, 302, 302, 302, 302)),
    "logout": ("post", "/uitloggen/", _verwacht(302, 302, 302, 302, 302)),
    "rapportage:lijst": ("get", "/rapportages/", _verwacht(200, 200, 200, 200, 200)),
    "rapportage:detail": ("get", f"/rapportages/{UPDATE}/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "rapportage:detail openbaar": ("get", f"/rapportages/{WRAP_UP}/", _verwacht(200, 200, 200, 200, 200)),
    "rapportage:pdf": ("get", f"/rapportages/{UPDATE}/pdf/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "rapportage:pdf_status": ("get", f"/rapportages/{UPDATE}/pdf/status/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "rapportage:xlsx": ("get", f"/rapportages/{UPDATE}/xlsx/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "rapportage:xlsx openbaar": ("get", f"/rapportages/{WRAP_UP}/xlsx/", _verwacht(200, 200, 200, 200, 200)),
    "rapportage:json": ("get", f"/rapportages/{UPDATE}/json/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "rapportage:json openbaar": ("get", f"/rapportages/{WRAP_UP}/json/", _verwacht(200, 200, 200, 200, 200)),
    "rapportage:schema": ("get", "/rapportages/schema/structuur-v1.json", _verwacht(200, 200, 200, 200, 200)),
    "rapportage:review": ("get", f"/rapportages/{UPDATE}/review/", _verwacht(LOGIN, 403, 403, 403, 200)),
    "rapportage:ter_review_sturen": (
        "post",
        f"/rapportages/{UPDATE}/review/ter-review/",
        _verwacht(LOGIN, 403, 403, 403, 302),
    ),
    "rapportage:terug_naar_concept": (
        "post",
        f"/rapportages/{UPDATE}/review/terug-naar-concept/",
        _verwacht(LOGIN, 403, 403, 403, 302),
    ),
    "rapportage:opmerking_plaatsen": (
        "post",
        f"/rapportages/{UPDATE}/opmerkingen/",
        _verwacht(LOGIN, 403, 302, 403, 302),
    ),
    "rapportage:opmerking_nieuw": (
        "get",
        f"/rapportages/{UPDATE}/opmerkingen/nieuw/?plek=editie",
        _verwacht(LOGIN, 403, 200, 403, 200),
    ),
    "rapportage:opmerking_oplossen": (
        "post",
        f"/rapportages/{UPDATE}/opmerkingen/{{opmerking}}/oplossen/",
        _verwacht(LOGIN, 403, 403, 403, 302),
    ),
    "rapportage:oordeel_geven": ("post", f"/rapportages/{UPDATE}/oordeel/", _verwacht(LOGIN, 403, 302, 403, 403)),
    "rapportage:achterstand": ("get", f"/rapportages/{UPDATE}/achterstand/", _verwacht(LOGIN, 403, 403, 403, 200)),
    "rapportage:herinneren": (
        "post",
        f"/rapportages/{UPDATE}/achterstand/herinneren/",
        _verwacht(LOGIN, 403, 403, 403, 302),
    ),
    "thema:mijn": ("get", "/inspanningen/mijn/", _verwacht(LOGIN, 403, 403, 200, 200)),
    "thema:tijdlijn": ("get", "/inspanningen/C1/", _verwacht(LOGIN, 200, 200, 200, 200)),
    "thema:voortgang_nieuw": ("get", "/inspanningen/C1/voortgang/nieuw/", _verwacht(LOGIN, 403, 403, 200, 200)),
    "thema:voortgang_nieuw andermans": (
        "get",
        "/inspanningen/A1/voortgang/nieuw/",
        _verwacht(LOGIN, 403, 403, 403, 200),
    ),
    "thema:voortgang_wijzigen": (
        "get",
        "/inspanningen/C1/voortgang/2021-06-01/",
        _verwacht(LOGIN, 403, 403, 200, 200),
    ),
    "thema:voortgang_wijzigen andermans": (
        "post",
        "/inspanningen/A1/voortgang/2021-06-01/",
        _verwacht(LOGIN, 403, 403, 403, 200),
    ),
    "admin": ("get", "/admin/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "admin changelist": ("get", "/admin/thema/inspanning/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "admin vaststellen": (
        "get",
        "/admin/rapportage/rapportage/{update_pk}/vaststellen/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "programma_io:exporteren": ("get", "/admin/programma/exporteren/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "programma_io:importeren": ("get", "/admin/programma/importeren/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "programma_io:importeren post": (
        "post",
        "/admin/programma/importeren/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "programma_io:word_importeren": (
        "get",
        "/admin/programma/word-importeren/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "programma_io:word_importeren post": (
        "post",
        "/admin/programma/word-importeren/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "admin planning van een editie": (
        "get",
        "/admin/rapportage/rapportage/{update_pk}/change/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "admin budget van de monitor": ("get", "/admin/rapportage/budgetjaar/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "admin nieuw budgetjaar": ("get", "/admin/rapportage/budgetjaar/add/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "admin verstuurde herinneringen": (
        "get",
        "/admin/rapportage/herinnering/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "admin herinnering toevoegen (alleen lezen)": (
        "get",
        "/admin/rapportage/herinnering/add/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 403),
    ),
    "toegankelijkheid": ("get", "/toegankelijkheid/", _verwacht(200, 200, 200, 200, 200)),
    "privacy": ("get", "/privacy/", _verwacht(200, 200, 200, 200, 200)),
    # The network's pages need no account: the open page of a round for everyone, and the personal link, which is
    # the invitee's key whoever holds it (logged in or not). A link that is not valid is refused for everyone.
    "inbreng:overzicht": ("get", "/inbreng/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:ronde": ("get", f"/inbreng/{RONDE}/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:nieuw_open": ("get", f"/inbreng/{RONDE}/nieuw/voorstel/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:nieuw_open post": ("post", f"/inbreng/{RONDE}/nieuw/thema/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:link": ("get", f"/inbreng/{RONDE}/{{token}}/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:link ongeldig": ("get", f"/inbreng/{RONDE}/ongeldig/", _verwacht(403, 403, 403, 403, 403)),
    "inbreng:link ingetrokken": ("get", f"/inbreng/{RONDE}/{{token_ingetrokken}}/", _verwacht(403, 403, 403, 403, 403)),
    "inbreng:nieuw": ("get", f"/inbreng/{RONDE}/{{token}}/nieuw/thema/", _verwacht(200, 200, 200, 200, 200)),
    "inbreng:nieuw ongeldig": ("post", f"/inbreng/{RONDE}/ongeldig/nieuw/thema/", _verwacht(403, 403, 403, 403, 403)),
    "inbreng:wijzigen": (
        "get",
        f"/inbreng/{RONDE}/{{token}}/{{bijdrage}}/wijzigen/",
        _verwacht(200, 200, 200, 200, 200),
    ),
    "inbreng:wijzigen andermans": (
        "get",
        f"/inbreng/{RONDE}/{{token_ingetrokken}}/{{bijdrage}}/wijzigen/",
        _verwacht(403, 403, 403, 403, 403),
    ),
    "inbreng:intrekken": (
        "get",
        f"/inbreng/{RONDE}/{{token}}/{{bijdrage}}/intrekken/",
        _verwacht(200, 200, 200, 200, 200),
    ),
    "inbreng:wissen": ("get", f"/inbreng/{RONDE}/{{token}}/wissen/", _verwacht(200, 200, 200, 200, 200)),
    "admin moderatie": ("get", "/admin/inbreng/bijdrage/", _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200)),
    "admin besluit": (
        "get",
        "/admin/inbreng/bijdrage/{bijdrage}/besluit/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "admin maak inspanning": (
        "post",
        "/admin/inbreng/bijdrage/{bijdrage}/maak-inspanning/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 302),
    ),
    "admin uitnodigingen inlezen": (
        "get",
        "/admin/inbreng/inbrengronde/{ronde_pk}/uitnodigingen-inlezen/",
        _verwacht(LOGIN, LOGIN, LOGIN, LOGIN, 200),
    ),
    "healthz": ("get", "/healthz", _verwacht(200, 200, 200, 200, 200)),
    "media": ("get", "/media/bestaat-niet.jpg", _verwacht(404, 404, 404, 404, 404)),
}


def maak_wereld(gebruikers) -> dict:
    """The objects the table's addresses point at (on top of the demo programme): what `{...}` fills in."""
    vaststellen(
        nieuwe_editie(titel="Wrap-up", slug=WRAP_UP, soort="wrap_up", peildatum=datetime.date(2020, 11, 1)),
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="het college van burgemeester en wethouders",
        openbaar=True,
        override_reden="Vastgesteld vóór de review in de applicatie",
    )
    update = nieuwe_editie(
        titel="Update",
        slug=UPDATE,
        soort="update",
        peildatum=datetime.date(2021, 6, 1),
        status="ter_review",
        review_ronde=1,
    )
    Inspanning.objects.get(code="C1").trekkers.add(gebruikers["trekker"])
    opmerking = review.opmerking_plaatsen(
        update, auteur=gebruikers["redacteur"], tekst="Graag een samenvatting.", plek=plekken.sleutel(plekken.EDITIE)
    )
    ronde = maak_ronde(update, slug=RONDE)
    genodigde = Uitnodiging.objects.create(ronde=ronde, naam="Dorpsoverleg Arkel", email="do@arkel.example")
    ingetrokken = Uitnodiging.objects.create(
        ronde=ronde, naam="Ingetrokken", email="weg@example.org", ingetrokken_op=timezone.now()
    )
    bijdrage = maak_bijdrage(genodigde, soort="voorstel", thema="C")
    return {
        "update_pk": update.pk,
        "opmerking": opmerking.pk,
        "ronde_pk": ronde.pk,
        "token": links.token(genodigde),
        "token_ingetrokken": links.token(ingetrokken),
        "bijdrage": bijdrage.pk,
    }
