"""The planning and the budget in an edition's appendix: only when the projectleider ticks it, on the page and in
the PDF from the one report structure, and frozen with the rest of an adopted edition."""

import datetime
import io
from decimal import Decimal

import pypdf
import pytest

from rapportage.builder import build_structuur
from rapportage.models import Besteding, Budgetjaar, Fase
from rapportage.pdf import render_pdf
from rapportage.services import planning_opslaan, vaststellen
from tests.helpers import leesbare_tekst

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def gepland(voortgangsrapportage):
    planning_opslaan(
        voortgangsrapportage,
        [
            Fase(
                soort="uitvragen",
                begindatum=D(2021, 9, 1),
                einddatum=D(2021, 9, 15),
                toelichting="De schil levert aan.",
            ),
            Fase(soort="college", begindatum=D(2021, 10, 5), toelichting="Met de bestuursrapportage."),
        ],
    )
    jaar = Budgetjaar.objects.create(jaar=2021, bedrag=Decimal("9707"))
    Besteding.objects.create(budgetjaar=jaar, datum=D(2021, 2, 16), omschrijving="Begeleiding", bedrag=3600)
    Besteding.objects.create(budgetjaar=jaar, datum=D(2021, 10, 14), omschrijving="Animatie", bedrag=1500)
    return voortgangsrapportage


def _bijlage(response) -> str:
    html = response.content.decode()
    if 'id="planning-budget"' not in html:
        return ""
    sectie = html[html.index('id="planning-budget"') :]
    return leesbare_tekst(sectie[: sectie.index("</section>")].split(">", 1)[1])


def test_not_in_the_appendix_unless_chosen(client, gebruikers, gepland):
    assert build_structuur(gepland)["bijlage_planning"] is None
    client.force_login(gebruikers["college"])
    response = client.get(f"/rapportages/{gepland.slug}/")
    assert _bijlage(response) == "" and "Bijlage: planning en budget" not in response.content.decode()


def test_the_chosen_appendix_shows_planning_and_budget_up_to_the_peildatum(client, gebruikers, gepland):
    gepland.planning_in_bijlage = True
    gepland.save()
    client.force_login(gebruikers["college"])
    response = client.get(f"/rapportages/{gepland.slug}/")
    assert '<li><a href="#planning-budget">Bijlage: planning en budget</a></li>' in response.content.decode()
    tekst = _bijlage(response)
    assert (
        "Voortgang uitvragen 1 september 2021 tot en met 15 september 2021 De schil levert aan. "
        "Aanbieden aan het college 5 oktober 2021 Met de bestuursrapportage." in tekst
    )
    # Spent up to the peildatum (1 september 2021): the spending of 14 oktober is not in it.
    assert "2021 € 9.707,- € 3.600,- € 6.107,-" in tekst
    assert "Totaal € 9.707,- € 3.600,- € 6.107,-" in tekst


def test_an_adopted_edition_keeps_its_appendix_as_it_was(client, gebruikers, gepland):
    gepland.planning_in_bijlage = True
    gepland.save()
    vaststellen(gepland, vastgesteld_op=D(2021, 10, 12), vastgesteld_door="College", override_reden="test")
    client.force_login(gebruikers["college"])
    voor = _bijlage(client.get(f"/rapportages/{gepland.slug}/"))

    gepland.fasen.filter(soort="college").update(begindatum=D(2021, 10, 6))
    Besteding.objects.create(budgetjaar=Budgetjaar.objects.get(), datum=D(2021, 3, 1), omschrijving="Later", bedrag=99)
    Budgetjaar.objects.update(bedrag=Decimal("1"))

    na = _bijlage(client.get(f"/rapportages/{gepland.slug}/"))
    assert na == voor and "5 oktober 2021" in na and "€ 3.600,-" in na


def test_an_old_snapshot_without_the_appendix_still_renders(client, gebruikers, gepland, monkeypatch):
    from rapportage import renders

    def builder_van_toen(editie):  # as the builder was before this feature: no key for the appendix at all
        structuur = build_structuur(editie)
        del structuur["bijlage_planning"]
        return structuur

    gepland.planning_in_bijlage = True
    gepland.save()
    monkeypatch.setattr(renders, "build_structuur", builder_van_toen)
    editie = vaststellen(gepland, vastgesteld_op=D(2021, 10, 12), vastgesteld_door="College", override_reden="test")
    assert "bijlage_planning" not in editie.snapshot
    client.force_login(gebruikers["college"])
    response = client.get(f"/rapportages/{gepland.slug}/")
    assert response.status_code == 200 and _bijlage(response) == ""


def test_the_appendix_reads_with_two_queries_only_when_chosen(gepland, django_assert_num_queries):
    from tests.rapportage.test_query_counts import BUILDER_QUERIES

    with django_assert_num_queries(BUILDER_QUERIES):
        build_structuur(gepland)
    gepland.planning_in_bijlage = True
    with django_assert_num_queries(BUILDER_QUERIES + 2):
        build_structuur(gepland)


@pytest.mark.pdf
def test_the_pdf_has_the_appendix_with_a_bookmark(gepland):
    gepland.planning_in_bijlage = True
    gepland.save()
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(build_structuur(gepland))))
    titels = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titels[-1] == "Bijlage: planning en budget"
    laatste = leesbare_tekst(reader.pages[-1].extract_text())
    assert "Aanbieden aan het college 5 oktober 2021" in laatste
    assert "€ 3.600,-" in laatste and "€ 6.107,-" in laatste


def test_the_published_schema_describes_the_appendix(gepland):
    import json

    import jsonschema

    from rapportage.export import SCHEMA_PAD

    schema = json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))
    gepland.planning_in_bijlage = True
    structuur = json.loads(json.dumps(build_structuur(gepland)))
    jsonschema.validate(structuur, schema)
    assert structuur["bijlage_planning"]["fasen"][1]["einddatum"] is None  # the college meeting: one day
    structuur["bijlage_planning"]["fasen"][0]["soort"] = "koffie"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(structuur, schema)
