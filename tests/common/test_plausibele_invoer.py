"""Implausible input is refused with a Dutch message and changes nothing: text lengths, negative amounts, dates far
outside the programme, future peildata, codes that are not URL-safe or collide with the site's own addresses."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dorpen.models import Dorpsactie
from molenlanden.common.richtext import clean_rich_text
from rapportage.models import Opmerking
from tests.helpers import admin_formulier, formulier_data
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang

LANG = "<p>" + "Een zin die te lang doorgaat. " * 40_000 + "</p>"  # about 1 MB


def _fouten(response) -> str:
    assert response.status_code == 200, "refused input shows the form again"
    return response.content.decode()


def test_a_megabyte_toelichting_is_refused_in_the_trekker_form(a1, trekker):
    url = "/inspanningen/A1/voortgang/nieuw/"
    data = formulier_data(trekker.get(url)) | {"peildatum": "2022-01-01", "inhoud_toelichting": LANG}
    html = _fouten(trekker.post(url, data))
    assert "het maximum is 2.500. Maak hem korter" in html
    assert not a1.voortgang.filter(peildatum=datetime.date(2022, 1, 1)).exists()


def test_every_rich_text_field_shows_its_limit_and_carries_it_for_the_counter(a1, trekker):
    html = trekker.get("/inspanningen/A1/voortgang/nieuw/").content.decode()
    assert html.count('data-max-tekens="2500"') == 4  # three toelichtingen and the bijsturing
    assert "Hoogstens 2.500 tekens." in html
    assert "molenlanden/teller" in html  # the counter script


def test_a_save_that_skips_the_form_is_refused_too(a1):
    voortgang = a1.voortgang.first()
    voortgang.bijsturing = LANG
    with pytest.raises(ValidationError, match="het maximum is 2.500"), transaction.atomic():
        voortgang.save()
    assert len(Voortgang.objects.get(pk=voortgang.pk).bijsturing) < 10_000


def test_markup_without_words_is_bounded_as_well():
    from molenlanden.common.richtext import MaxTekens

    with pytest.raises(ValidationError, match="meer opmaak"):
        MaxTekens(100)("<p><strong><em></em></strong></p>" * 100)


def test_a_comment_is_at_most_5000_characters(ter_review, gebruikers):
    opmerking = Opmerking(
        rapportage=ter_review, ronde=1, soort="editie", auteur=gebruikers["redacteur"], tekst="x" * 5001
    )
    with pytest.raises(ValidationError, match="niet meer dan 5000 tekens"):
        opmerking.full_clean()


@pytest.mark.parametrize("veld", ["besteed", "prognose"])
def test_negative_amounts_are_refused_in_the_form_and_the_database(a1, trekker, veld):
    url = "/inspanningen/A1/voortgang/nieuw/"
    data = formulier_data(trekker.get(url)) | {"peildatum": "2022-01-01", veld: "-100"}
    assert "Een bedrag kan niet negatief zijn." in _fouten(trekker.post(url, data))
    with pytest.raises(IntegrityError), transaction.atomic():
        Voortgang.objects.filter(inspanning=a1).update(**{veld: -1})


def test_a_negative_budget_or_contribution_is_refused_in_the_admin(demo, projectleider):
    inspanning = Inspanning.objects.get(code="A1")
    url = f"/admin/thema/inspanning/{inspanning.pk}/change/"
    assert "Een bedrag kan niet negatief zijn." in _fouten(
        projectleider.post(url, admin_formulier(projectleider.get(url)) | {"budget": "-1"})
    )
    actie = Dorpsactie.objects.first()
    url = f"/admin/dorpen/dorpsactie/{actie.pk}/change/"
    assert "Een bedrag kan niet negatief zijn." in _fouten(
        projectleider.post(url, admin_formulier(projectleider.get(url)) | {"bijdrage": "-5"})
    )
    assert Inspanning.objects.get(pk=inspanning.pk).budget == inspanning.budget


def test_a_future_peildatum_is_refused(a1, trekker):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    url = "/inspanningen/A1/voortgang/nieuw/"
    html = _fouten(trekker.post(url, formulier_data(trekker.get(url)) | {"peildatum": morgen.isoformat()}))
    assert "Deze datum ligt in de toekomst." in html
    assert not a1.voortgang.filter(peildatum=morgen).exists()


@pytest.mark.parametrize(
    ("model", "velden"),
    [
        (Voortgang, {"peildatum": datetime.date(1999, 12, 31)}),
        (Mijlpaal, {"geplande_datum": datetime.date(9999, 12, 31), "omschrijving": "Ooit"}),
        (Inspanning, {"opgenomen_op": datetime.date(2099, 1, 1)}),
    ],
)
def test_dates_far_outside_the_programme_are_refused(a1, model, velden):
    obj = (
        model(inspanning=a1, **velden)
        if model is not Inspanning
        else Inspanning(thema=a1.thema, code="A99", titel="Test", **velden)
    )
    with pytest.raises(ValidationError) as fout:
        obj.full_clean()
    veld = next(iter(velden))
    assert "Kies een datum tussen 1 januari 2015 en 31 december 2040." in fout.value.message_dict[veld]


def test_an_edition_in_the_year_9999_is_refused_in_the_admin(demo, projectleider):
    data = admin_formulier(projectleider.get("/admin/rapportage/rapportage/add/")) | {
        "titel": "Ver weg",
        "slug": "ver-weg",
        "soort": "update",
        "peildatum": "31-12-9999",
    }
    assert "Kies een datum tussen" in _fouten(projectleider.post("/admin/rapportage/rapportage/add/", data))


@pytest.mark.parametrize(
    ("code", "melding"),
    [
        ("mijn", "gereserveerd woord"),
        ("MIJN", "gereserveerd woord"),
        ("..", "letters, cijfers en streepjes"),
        ("A/1", "letters, cijfers en streepjes"),
        ("A 1", "letters, cijfers en streepjes"),
        ("-A1", "letters, cijfers en streepjes"),
        ("a1", "hoofd- of kleine letters tellen niet"),
    ],
)
def test_codes_are_url_safe_unique_and_not_reserved(demo, projectleider, code, melding):
    data = admin_formulier(projectleider.get("/admin/thema/inspanning/add/")) | {
        "thema": Thema.objects.get(code="A").pk,
        "code": code,
        "titel": "Nieuw",
        "opgenomen_op": "01-01-2022",
        "status": "lopend",
    }
    assert melding in _fouten(projectleider.post("/admin/thema/inspanning/add/", data))
    assert not Inspanning.objects.filter(titel="Nieuw").exists()


def test_existing_unsafe_codes_are_rewritten_by_the_migration():
    import importlib

    migratie = importlib.import_module("thema.migrations.0002_plausibele_invoer")
    assert [migratie.maak_veilig(c) for c in ("A/1", "..", "mijn", "B 2", "C3")] == ["A-1", "X", "mijn-1", "B-2", "C3"]


def test_relative_links_in_rich_text_become_links_to_this_site(settings):
    settings.SITE_URL = "https://voortgang.molenlanden.nl"
    html = clean_rich_text('<p><a href="/rapportages/update-2021/">Update</a> <a href="bijlage.pdf">b</a></p>')
    assert 'href="https://voortgang.molenlanden.nl/rapportages/update-2021/"' in html
    assert 'href="https://voortgang.molenlanden.nl/bijlage.pdf"' in html
