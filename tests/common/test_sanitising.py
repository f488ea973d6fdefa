import pytest

from dorpen.models import Dorpsactie
from molenlanden.common.richtext import clean_rich_text
from tests.helpers import admin_formulier
from thema.models import Inspanning, Thema, Voortgang

AANVAL = (
    "<p>Veilige <strong>tekst</strong></p>"
    "<script>alert(1)</script>"
    "<img src=x onerror=alert(1)>"
    '<p onclick="alert(1)"><a href="javascript:alert(1)">klik</a></p>'
)
GEVAARLIJK = ("alert(1)", "<script", "onerror", "onclick", "javascript:", "<img")

RICH_TEXT_FIELDS = {
    Thema: ["context", "doel"],
    Inspanning: ["omschrijving"],
    Voortgang: ["inhoud_toelichting", "planning_toelichting", "financien_toelichting", "bijsturing"],
    Dorpsactie: ["omschrijving"],
}


def _assert_safe(html: str):
    assert "Veilige <strong>tekst</strong>" in html
    for woord in GEVAARLIJK:
        assert woord not in html


def test_clean_rich_text_keeps_formatting_and_makes_links_safe():
    html = '<p><em>a</em></p><ul><li>b</li></ul><ol><li>c</li></ol><a href="https://molenlanden.nl">d</a>'
    assert clean_rich_text(html) == html.replace('">d', '" rel="noopener noreferrer">d')
    assert clean_rich_text("<p></p>") == ""


def test_every_rich_text_field_is_a_cleaned_field():
    """A new formatted field that forgets RichTextField would not be cleaned: list them all here."""
    from molenlanden.common.richtext import RichTextField

    for model, velden in RICH_TEXT_FIELDS.items():
        found = [f.name for f in model._meta.get_fields() if isinstance(f, RichTextField)]
        assert found == velden, model


@pytest.mark.parametrize(
    ("model", "veld"), [(model, veld) for model, velden in RICH_TEXT_FIELDS.items() for veld in velden]
)
def test_orm_save_cleans(demo, model, veld):
    obj = model.objects.first()
    setattr(obj, veld, AANVAL)
    obj.save()
    obj.refresh_from_db()
    _assert_safe(getattr(obj, veld))


def _post_change_form(projectleider, obj, values: dict):
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    data = admin_formulier(projectleider.get(url))
    data.update(values)
    response = projectleider.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    rendered = projectleider.get(url).content.decode()
    assert "alert(1)" not in rendered
    assert "Veilige &lt;strong&gt;tekst&lt;/strong&gt;" in rendered  # in the editor's textarea


def test_admin_cleans_thema_context_and_doel(demo, projectleider):
    thema = Thema.objects.get(code="A")
    _post_change_form(projectleider, thema, {"context": AANVAL, "doel": AANVAL})
    thema.refresh_from_db()
    _assert_safe(thema.context)
    _assert_safe(thema.doel)


def test_admin_cleans_inspanning_omschrijving_and_voortgang_inline(demo, projectleider):
    inspanning = Inspanning.objects.get(code="B1")
    velden = RICH_TEXT_FIELDS[Voortgang]
    _post_change_form(
        projectleider, inspanning, {"omschrijving": AANVAL} | {f"voortgang-0-{veld}": AANVAL for veld in velden}
    )
    inspanning.refresh_from_db()
    _assert_safe(inspanning.omschrijving)
    voortgang = inspanning.voortgang.first()
    for veld in velden:
        _assert_safe(getattr(voortgang, veld))


def test_admin_cleans_voortgang_toelichtingen_and_bijsturing(demo, projectleider):
    voortgang = Inspanning.objects.get(code="D1").voortgang.first()
    _post_change_form(projectleider, voortgang, dict.fromkeys(RICH_TEXT_FIELDS[Voortgang], AANVAL))
    voortgang.refresh_from_db()
    for veld in RICH_TEXT_FIELDS[Voortgang]:
        _assert_safe(getattr(voortgang, veld))


def test_admin_cleans_dorpsactie_omschrijving(demo, projectleider):
    actie = Dorpsactie.objects.first()
    _post_change_form(projectleider, actie, {"omschrijving": AANVAL})
    actie.refresh_from_db()
    _assert_safe(actie.omschrijving)


def test_script_only_toelichting_does_not_count_as_toelichting(demo):
    """Cleaning happens before the toelichting rule: a script is not an explanation."""
    from django.core.exceptions import ValidationError

    voortgang = Voortgang(
        inspanning=Inspanning.objects.get(code="A1"),
        peildatum="2022-01-01",
        inhoud="rood",
        inhoud_toelichting="<script>alert('uitleg')</script>",
    )
    with pytest.raises(ValidationError, match="Inhoud staat op rood"):
        voortgang.full_clean()
