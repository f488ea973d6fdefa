import datetime

import pytest
from django.contrib.auth import get_user_model

from rapportage.models import Rapportage


@pytest.fixture
def vastgesteld_openbaar(wrap_up):
    # Set the status directly: these tests are about reading, not about adopting (see test_vaststellen.py).
    Rapportage.objects.filter(pk=wrap_up.pk).update(
        status="vastgesteld", openbaar=True, vastgesteld_op=datetime.date(2021, 1, 19), vastgesteld_door="College"
    )
    wrap_up.refresh_from_db()
    return wrap_up


def test_anonymous_reads_only_adopted_public_editions(client, vastgesteld_openbaar, update):
    lijst = client.get("/rapportages/").content.decode()
    assert "Digitale wrap-up 2020" in lijst
    assert "Update 2021" not in lijst

    assert client.get(f"/rapportages/{vastgesteld_openbaar.slug}/").status_code == 200
    response = client.get(f"/rapportages/{update.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")
    assert client.get(f"/rapportages/{update.slug}/pdf/").status_code == 302


def test_adopted_but_not_public_is_not_for_anonymous(client, vastgesteld_openbaar):
    Rapportage.objects.filter(pk=vastgesteld_openbaar.pk).update(openbaar=False)
    assert client.get(f"/rapportages/{vastgesteld_openbaar.slug}/").status_code == 302


@pytest.mark.parametrize("rol", ["college", "redacteur", "trekker", "projectleider"])
def test_every_role_reads_a_concept(client, gebruikers, update, rol):
    client.force_login(gebruikers[rol])
    response = client.get(f"/rapportages/{update.slug}/")
    assert response.status_code == 200
    assert "dit is een concept" in response.content.decode()


def test_a_user_without_a_role_is_refused(client, update):
    client.force_login(get_user_model().objects.create_user("zonderrol"))
    assert client.get(f"/rapportages/{update.slug}/").status_code == 403
    assert client.get(f"/rapportages/{update.slug}/pdf/").status_code == 403


def test_unknown_edition_is_404(client, gebruikers, demo):
    client.force_login(gebruikers["college"])
    assert client.get("/rapportages/bestaat-niet/").status_code == 404


def test_wrap_up_page_has_every_part(client, gebruikers, wrap_up):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{wrap_up.slug}/").content.decode()
    for kop in ("Kernboodschap", "In één oogopslag", "A. Wonen en leven in Molenlanden", "In de dorpen en de stad"):
        assert kop in html
    assert "Wat is er veranderd" not in html
    assert 'aria-labelledby="kaart-titel' in html  # the map, drawn on the server
    assert "CBS" in html
    assert '<span class="stoplicht stoplicht-groen">Groen</span>' in html
    assert "€\u00a0146.830,-" in html


def test_an_edition_opens_with_its_key_message_and_the_matrix_then_the_contents(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{update.slug}/").content.decode()
    main = html[html.index("<main") :]
    kern = main.index('id="kernboodschap"')
    assert kern < main.index('id="matrix"') < main.index("Inhoud van deze editie") < main.index('id="oogopslag"')
    assert "Stand op 1 juni 2021: 24 inspanningen in 7 pittige thema's." in main
    assert "daarvan vragen aandacht</strong>" in main
    # who needs attention, by worst colour, each a link to its place in the edition
    assert '<span class="stoplicht stoplicht-rood">' in main[kern : main.index('id="matrix"')]
    assert (
        '<a href="#inspanning-a1">A1<span class="visually-hidden"> Woningbouwversneller</span></a>'
        in (main[kern : main.index('id="matrix"')])
    )
    # the contents collapse, and are not numbered twice ("4. A. Wonen")
    inhoud = main[main.index("Inhoud van deze editie") : main.index('id="oogopslag"')]
    assert "<details>" in main and "<ol" not in inhoud


def test_update_page_opens_with_what_changed(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{update.slug}/").content.decode()
    assert html.index("Wat is er veranderd") < html.index("In één oogopslag")
    assert "A4 Leefbaarheidsmonitor per kern" in html
    assert "slechter dan vorige editie" in html


def test_voortgangsrapportage_explains_only_oranje_and_rood(client, gebruikers, voortgangsrapportage):
    client.force_login(gebruikers["college"])
    html = client.get(f"/rapportages/{voortgangsrapportage.slug}/").content.decode()
    assert "Alle inspanningen met hun oordeel op inhoud, planning en financiën" in html
    afwijkingen = html[html.index('id="afwijkingen"') :]
    assert "A1 Woningbouwversneller" in afwijkingen  # planning oranje
    assert "A3 Prestatieafspraken woningcorporaties" not in afwijkingen  # all groen
    assert "In de dorpen en de stad" not in html


def test_pdf_download_has_a_meaningful_file_name(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    response = client.get(f"/rapportages/{update.slug}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="update-2021-2021-06-01-concept.pdf"'
    assert response.getvalue().startswith(b"%PDF-")
