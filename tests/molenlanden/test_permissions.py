import pytest
from django.contrib import admin
from django.utils.html import strip_tags

from dorpen.models import Dorpsactie
from rapportage.services import vaststellen
from tests.helpers import admin_formulier
from thema.models import Inspanning, Thema, Voortgang

PROGRAMMA_MODELS = [m for m in admin.site._registry if m._meta.app_label in ("thema", "dorpen")]


def _changelist(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_every_programme_model_is_in_the_admin():
    assert {m.__name__ for m in PROGRAMMA_MODELS} == {"Thema", "Inspanning", "Voortgang", "Kern", "Dorpsactie"}


def test_anonymous_is_sent_to_the_admin_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_anonymous_sees_what_is_public_not_the_programme(client, wrap_up, update):
    vaststellen(
        wrap_up, vastgesteld_op=wrap_up.peildatum, vastgesteld_door="het college", openbaar=True, override_reden="x"
    )
    html = client.get("/").content.decode()
    assert "Hoe staat het met het Samenlevingsprogramma?" in html
    assert "Openbare rapportages" in html and "Digitale wrap-up 2020" in html  # adopted and public
    assert "Update 2021" not in html  # a concept is not public
    assert 'href="/inloggen/"' in html
    assert "Aandacht nodig" not in html and "Per thema" not in html


@pytest.mark.parametrize("username", ["redacteur", "college", "trekker"])
def test_other_roles_see_the_start_page(client, gebruikers, demo, username):
    client.force_login(gebruikers[username])
    response = client.get("/")
    assert response.status_code == 200
    assert "Het programma in één oogopslag" in response.content.decode()
    assert 'href="/admin/"' not in response.content.decode()  # no "Beheer" link


@pytest.mark.parametrize("username", ["redacteur", "college", "trekker"])
@pytest.mark.parametrize("url", ["/admin/", "/admin/thema/inspanning/", "/admin/dorpen/dorpsactie/add/"])
def test_other_roles_cannot_open_the_admin(client, gebruikers, username, url):
    client.force_login(gebruikers[username])
    response = client.get(url, follow=True)
    assert response.redirect_chain[0][0].startswith("/admin/login/?next=")
    html = response.content.decode()
    assert f"U bent geverifieerd als {username}, maar niet bevoegd om deze pagina te bekijken" in html
    assert 'id="result_list"' not in html


def test_projectleider_sees_the_admin_link_and_index(client, gebruikers):
    client.force_login(gebruikers["projectleider"])
    assert 'href="/admin/"' in client.get("/").content.decode()
    html = client.get("/admin/").content.decode()
    for naam in ("Pittige thema&#x27;s", "Inspanningen", "Voortgang", "Kernen", "Dorpsacties"):
        assert naam in html


@pytest.mark.parametrize("model", PROGRAMMA_MODELS, ids=lambda m: m.__name__)
def test_projectleider_uses_changelist_and_add_form_of_every_model(client, gebruikers, demo, model):
    client.force_login(gebruikers["projectleider"])
    changelist = client.get(_changelist(model))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == model.objects.count() > 0
    add = client.get(f"{_changelist(model)}add/")
    assert add.status_code == 200
    assert 'name="_save"' in add.content.decode()


@pytest.mark.parametrize("model", [Thema, Inspanning, Voortgang, Dorpsactie], ids=lambda m: m.__name__)
def test_projectleider_opens_change_form(client, gebruikers, demo, model):
    client.force_login(gebruikers["projectleider"])
    obj = model.objects.first()
    response = client.get(f"{_changelist(model)}{obj.pk}/change/")
    assert response.status_code == 200
    assert response.context["original"] == obj


def test_admin_history_shows_who_changed_what(client, gebruikers, demo):
    client.force_login(gebruikers["projectleider"])
    thema = Thema.objects.get(code="A")
    url = f"/admin/thema/thema/{thema.pk}/change/"
    data = admin_formulier(client.get(url)) | {"portefeuillehouder": "Wethouder Nieuw"}
    assert client.post(url, data).status_code == 302

    html = " ".join(strip_tags(client.get(f"/admin/thema/thema/{thema.pk}/history/").content.decode()).split())
    assert "Wijzigingsgeschiedenis: A. Wonen en leven in Molenlanden" in html
    assert "projectleider" in html
    assert "Wethouder Nieuw" in html
