"""An edition out: the controller's workbook and the JSON of its structure, with its published schema."""

import datetime
import io
import json
import zipfile

import jsonschema
import pytest
from openpyxl import load_workbook

from molenlanden.demo.scale import multiply_demodata
from rapportage.builder import build_structuur
from rapportage.export import SCHEMA_PAD
from rapportage.services import vaststellen
from tests.helpers import werkmap_cellen
from tests.rapportage.test_query_counts import BUILDER_QUERIES
from thema.models import Inspanning, Voortgang

SCHEMA = json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))


@pytest.fixture
def vastgesteld(wrap_up):
    return vaststellen(
        wrap_up,
        vastgesteld_op=datetime.date(2021, 1, 19),
        vastgesteld_door="College van burgemeester en wethouders",
        openbaar=True,
        override_reden="Vastgesteld vóór de review in de applicatie",
    )


def test_a_built_structure_and_an_adopted_snapshot_validate_against_the_schema(update, vastgesteld):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(build_structuur(update), SCHEMA)
    jsonschema.validate(vastgesteld.snapshot, SCHEMA)


def test_the_schema_refuses_a_structure_that_breaks_it(update):
    structuur = build_structuur(update)
    structuur["themas"][0]["inspanningen"][0]["dimensies"][0]["kleur"] = "geel"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(structuur, SCHEMA)


def test_the_schema_is_published(client):
    response = client.get("/rapportages/schema/structuur-v1.json")
    assert response["Content-Type"] == "application/schema+json"
    assert json.loads(b"".join(response.streaming_content))["properties"]["versie"] == {
        "const": 1,
        "description": "De versie van deze structuur; hoort bij dit schema.",
    }


def test_an_adopted_edition_exports_its_frozen_snapshot_byte_for_byte(client, vastgesteld):
    url = f"/rapportages/{vastgesteld.slug}/json/"
    eerste = client.get(url)  # anonymous: the edition is public, and so is its export
    assert eerste.status_code == 200
    assert eerste["Content-Type"] == "application/json"
    assert eerste["Link"] == '</rapportages/schema/structuur-v1.json>; rel="describedby"'
    assert 'filename="wrap-up-2020-2020-11-01-vastgesteld.json"' in eerste["Content-Disposition"]
    Voortgang.objects.filter(peildatum__lte=vastgesteld.peildatum).update(inhoud="rood")  # the programme moves on
    tweede = client.get(url)
    assert tweede.content == eerste.content
    assert (
        eerste.content
        == (json.dumps(vastgesteld.snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    )
    assert json.loads(eerste.content) == vastgesteld.snapshot


def test_a_concept_export_follows_the_edition_read_rights(client, gebruikers, update):
    assert client.get(f"/rapportages/{update.slug}/json/").status_code == 302  # to the login page
    client.force_login(gebruikers["college"])
    response = client.get(f"/rapportages/{update.slug}/xlsx/")
    assert response.status_code == 200
    assert 'filename="update-2021-2021-06-01-concept.xlsx"' in response["Content-Disposition"]


def test_the_workbook_has_a_row_per_inspanning_and_dimension(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    cellen = werkmap_cellen(client.get(f"/rapportages/{update.slug}/xlsx/").content)
    assert list(cellen) == ["Over deze editie", "Voortgang", "Dorpsacties"]
    koppen, *rijen = cellen["Voortgang"]
    assert koppen == [
        "Thema", "Themanaam", "Code", "Titel", "Status", "Peildatum", "Dimensie", "Kleur", "Vorige kleur", "Trend",
        "Toelichting", "Budget", "Besteed", "Prognose",
    ]  # fmt: skip
    structuur = build_structuur(update)
    assert len(rijen) == 3 * structuur["totalen"]["aantal_inspanningen"]
    a1 = [dict(zip(koppen, r, strict=True)) for r in rijen if r[2] == "A1"]
    assert [r["Dimensie"] for r in a1] == ["Inhoud", "Planning", "Financiën"]
    assert [r["Kleur"] for r in a1] == ["Groen", "Oranje", "Groen"]
    assert [r["Vorige kleur"] for r in a1] == ["Groen", "Groen", "Groen"]
    assert a1[1]["Trend"] == "slechter"
    assert a1[0]["Peildatum"] == datetime.datetime(2021, 6, 1)
    assert "<" not in a1[1]["Toelichting"] and a1[1]["Toelichting"]  # plain text
    assert [r["Budget"] for r in a1] == [None, None, 146830]  # amounts on the financiën row only: sums add up
    assert sum(r[11] or 0 for r in rijen) == float(structuur["totalen"]["budget"])
    assert len(cellen["Dorpsacties"]) == 1 + structuur["aantal_dorpsacties"]
    assert ["Let op", "Concept: de inhoud kan nog veranderen en is niet vastgesteld."] in cellen["Over deze editie"]


def test_a_formula_like_title_is_exported_as_text(client, gebruikers, update):
    Inspanning.objects.filter(code="A1").update(titel='=HYPERLINK("https://kwaadaardig.example","klik")')
    client.force_login(gebruikers["college"])
    inhoud = client.get(f"/rapportages/{update.slug}/xlsx/").content
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        assert all(b"<f>" not in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    blad = load_workbook(io.BytesIO(inhoud))["Voortgang"]
    titels = [c for c in blad["D"] if c.value and str(c.value).startswith("=HYPERLINK")]
    assert titels and all(c.data_type == "s" and c.quotePrefix for c in titels)


@pytest.mark.parametrize("soort", ["xlsx", "json"])
def test_exports_read_with_the_same_number_of_queries_at_ten_times_the_data(client, gebruikers, update, soort):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(gebruikers["college"])
    url = f"/rapportages/{update.slug}/{soort}/"
    client.get(url)
    with CaptureQueriesContext(connection) as klein:
        client.get(url)
    multiply_demodata(10)
    with CaptureQueriesContext(connection) as groot:
        response = client.get(url)
    # the builder's queries, and session, user, edition, roles
    assert len(groot.captured_queries) == len(klein.captured_queries) == BUILDER_QUERIES + 4
    assert response.status_code == 200


def test_edition_page_and_list_link_to_the_exports(client, gebruikers, update):
    client.force_login(gebruikers["college"])
    pagina = client.get(f"/rapportages/{update.slug}/").content.decode()
    assert f'href="/rapportages/{update.slug}/xlsx/">Excel downloaden</a>' in pagina
    assert f'href="/rapportages/{update.slug}/json/">JSON downloaden</a>' in pagina
    assert 'href="/rapportages/schema/structuur-v1.json"' in pagina
    lijst = client.get("/rapportages/").content.decode()
    assert (
        f'href="/rapportages/{update.slug}/xlsx/">Excel<span class="visually-hidden"> downloaden van Update 2021'
        in lijst
    )
