import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.helpers import formulier_data
from thema.history import build_tijdlijn
from thema.models import Inspanning, Mijlpaal, Voortgang


def _gebeurtenissen_html(html: str) -> str:
    return html[html.index('id="kop-wijzigingen"') :]


def test_colour_change_reads_as_a_sentence(client, a1, gebruikers):
    voortgang = a1.voortgang.get(peildatum=datetime.date(2021, 6, 1))
    assert voortgang.planning == "oranje"
    oude_toelichting = voortgang.planning_toelichting
    client.force_login(gebruikers["trekker"])
    url = "/inspanningen/A1/voortgang/2021-06-01/"
    data = formulier_data(client.get(url)) | {
        "planning": "rood",
        "planning_toelichting": "<p>De vergunning is <strong>geweigerd</strong>.</p>",
    }
    assert client.post(url, data).status_code == 302

    html = client.get("/inspanningen/A1/").content.decode()
    wijzigingen = _gebeurtenissen_html(html)
    assert "<strong>Voortgang per 1 juni 2021 gewijzigd</strong> door trekker op " in wijzigingen
    assert "<li>Planning: oranje → rood</li>" in wijzigingen
    # Old and new toelichting side by side, as sanitised HTML.
    assert "Toelichting planning:" in wijzigingen
    assert f'<div class="border rounded p-2 tekst-oud">{oude_toelichting}</div>' in wijzigingen
    assert '<div class="border rounded p-2 tekst-nieuw"><p>De vergunning is <strong>geweigerd</strong>.</p></div>' in (
        wijzigingen
    )
    # Only what changed is mentioned.
    laatste = client.get("/inspanningen/A1/").context["gebeurtenissen"][0]
    assert [w.label for w in laatste.wijzigingen] == ["Planning", "Toelichting planning"]


def test_markup_only_change_is_not_a_text_change(a1):
    voortgang = a1.voortgang.get(peildatum=datetime.date(2021, 6, 1))
    voortgang.planning_toelichting = voortgang.planning_toelichting.replace("<p>", "<p><em>").replace(
        "</p>", "</em></p>"
    )
    voortgang.save()
    assert voortgang.history.first().history_type == "~"
    assert all(g.onderwerp != "Voortgang per 1 juni 2021" or g.soort != "gewijzigd" for g in build_tijdlijn(a1))


def test_inspanning_changes_with_dutch_labels(client, a1, gebruikers):
    a1.status = Inspanning.Status.AFGEROND
    a1.status_sinds = datetime.date(2022, 2, 1)
    a1.budget = 150000
    a1.save()
    client.force_login(gebruikers["redacteur"])
    wijzigingen = _gebeurtenissen_html(client.get("/inspanningen/A1/").content.decode())
    assert "<li>Status: lopend → afgerond</li>" in wijzigingen
    assert "<li>Status sinds: (leeg) → 1 februari 2022</li>" in wijzigingen
    assert "<li>Budget (€): €\xa0146.830,- → €\xa0150.000,-</li>" in wijzigingen
    assert "<li>Trekkers: (leeg) → trekker</li>" in wijzigingen


def test_every_voortgang_with_who_entered_it(client, a1, gebruikers):
    Voortgang.objects.create(
        inspanning=a1,
        peildatum=datetime.date(2022, 1, 1),
        planning="rood",
        planning_toelichting="<p>Te laat.</p>",
        ingevoerd_door=gebruikers["trekker"],
    )
    Voortgang.objects.filter(inspanning=a1, peildatum=datetime.date(2020, 11, 1)).get().delete()
    client.force_login(gebruikers["college"])
    html = client.get("/inspanningen/A1/").content.decode()
    peildata = [p for p in ("1 januari 2022", "1 juni 2021") if f"Peildatum {p}</h3>" in html]
    assert peildata == ["1 januari 2022", "1 juni 2021"]
    assert html.index("Peildatum 1 januari 2022") < html.index("Peildatum 1 juni 2021")
    assert "Ingevoerd door trekker" in html
    assert 'Planning: <span class="stoplicht stoplicht-rood">Rood</span>' in html
    assert "<strong>Voortgang per 1 november 2020 verwijderd</strong>" in html
    assert "Corrigeren" not in html  # the college reads, it does not enter


@pytest.mark.parametrize("wie", ["projectleider", "redacteur", "college", "trekker"])
def test_readable_by_every_role(client, a1, gebruikers, wie):
    client.force_login(gebruikers[wie])
    assert client.get("/inspanningen/A1/").status_code == 200
    assert client.get("/inspanningen/ZZ9/").status_code == 404


def test_anonymous_goes_to_login(client, a1):
    response = client.get("/inspanningen/A1/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/inspanningen/A1/"


def test_user_without_role_is_refused(client, a1):
    client.force_login(get_user_model().objects.create_user("zonder-rol"))
    assert client.get("/inspanningen/A1/").status_code == 403


def _wijzig(a1, user, n):
    """n saves that each leave a history row: colours, text, the inspanning and its trekkers, mijlpalen."""
    voortgang = a1.voortgang.first()
    kleuren = ["groen", "oranje", "rood"]
    for i in range(n):
        mijlpaal = Mijlpaal.objects.create(
            inspanning=a1, omschrijving=f"Stap {i}", geplande_datum=datetime.date(2021, 1, 1) + datetime.timedelta(i)
        )
        if i % 2:
            mijlpaal.gereed_op = datetime.date(2021, 3, 1)
            mijlpaal.save()
        if i % 3 == 0:
            a1.titel = f"Woningbouwversneller {i}"
            a1.save()
        elif i % 3 == 1:
            (a1.trekkers.remove if a1.trekkers.filter(pk=user.pk).exists() else a1.trekkers.add)(user)
        else:
            voortgang.planning = kleuren[i % 3]
            voortgang.planning_toelichting = f"<p>Toelichting {i}.</p>"
            voortgang.save()


def _history_rows(a1) -> int:
    return (
        Inspanning.history.filter(id=a1.pk).count()
        + Voortgang.history.filter(inspanning_id=a1.pk).count()
        + Mijlpaal.history.filter(inspanning_id=a1.pk).count()
    )


# Session, user, roles; the inspanning (with thema), its trekkers, its voortgang (with who entered it), its
# mijlpalen; the history of the inspanning (with thema), its trekkers at each moment, the history of its voortgang,
# the history of its mijlpalen. Was 10: the mijlpalen and their history came in, the thema names are now joined.
# 12 since the network's inbreng: whether the inspanning came from a proposal (its origin, shown when it did).
QUERIES = 12


def test_fixed_number_of_queries(client, a1, gebruikers, django_assert_num_queries):
    client.force_login(gebruikers["projectleider"])
    _wijzig(a1, gebruikers["trekker"], 6)
    een_keer = _history_rows(a1)
    with django_assert_num_queries(QUERIES):
        gebeurtenissen = len(client.get("/inspanningen/A1/").context["gebeurtenissen"])

    while _history_rows(a1) < 10 * een_keer:
        _wijzig(a1, gebruikers["trekker"], 3)
    with django_assert_num_queries(QUERIES):
        response = client.get("/inspanningen/A1/")
    assert len(response.context["gebeurtenissen"]) > 4 * gebeurtenissen


def _mijlpalen_html(html: str) -> str:
    return html[html.index('id="kop-mijlpalen"') : html.index('id="kop-voortgang"')]


def test_mijlpaal_changes_read_as_sentences(client, a1, gebruikers):
    projectleider = gebruikers["projectleider"]
    mijlpaal = Mijlpaal(inspanning=a1, omschrijving="Plan klaar", geplande_datum=datetime.date(2021, 3, 1))
    mijlpaal._history_user = projectleider
    mijlpaal.save()
    mijlpaal.gereed_op = datetime.date(2020, 12, 15)
    mijlpaal.save()
    mijlpaal.omschrijving = "Plan vastgesteld"
    mijlpaal.geplande_datum = datetime.date(2021, 4, 1)
    mijlpaal.save()
    mijlpaal.save()  # nothing changed: no event
    weg = Mijlpaal.objects.create(
        inspanning=a1,
        omschrijving="Vergunning",
        geplande_datum=datetime.date(2021, 5, 1),
        gereed_op=datetime.date(2021, 6, 1),
    )
    weg.delete()
    Mijlpaal.objects.create(  # another inspanning's mijlpaal is not in this timeline
        inspanning=Inspanning.objects.exclude(pk=a1.pk).first(),
        omschrijving="Elders",
        geplande_datum=datetime.date(2021, 3, 1),
    )

    client.force_login(gebruikers["college"])
    response = client.get("/inspanningen/A1/")
    wijzigingen = _gebeurtenissen_html(response.content.decode())
    assert "<strong>Mijlpaal ‘Plan klaar’ toegevoegd (gepland 1 maart 2021)</strong> door projectleider op " in (
        wijzigingen
    )
    assert "<li>Gereed op: (leeg) → 15 december 2020</li>" in wijzigingen
    assert "<strong>Mijlpaal ‘Plan vastgesteld’ gewijzigd</strong>" in wijzigingen
    assert "<li>Omschrijving: Plan klaar → Plan vastgesteld</li>" in wijzigingen
    assert "<li>Geplande datum: 1 maart 2021 → 1 april 2021</li>" in wijzigingen
    assert "<strong>Mijlpaal ‘Vergunning’ verwijderd (gepland 1 mei 2021, gereed op 1 juni 2021)</strong>" in (
        wijzigingen
    )
    assert "Elders" not in wijzigingen
    mijlpaal_events = [
        (g.onderwerp, g.soort) for g in response.context["gebeurtenissen"] if g.onderwerp.startswith("Mijlpaal")
    ]
    assert mijlpaal_events == [
        ("Mijlpaal ‘Vergunning’", "verwijderd"),
        ("Mijlpaal ‘Vergunning’", "toegevoegd"),
        ("Mijlpaal ‘Plan vastgesteld’", "gewijzigd"),
        ("Mijlpaal ‘Plan klaar’", "gewijzigd"),
        ("Mijlpaal ‘Plan klaar’", "toegevoegd"),
    ]


def test_current_mijlpalen_planned_done_or_missed(client, a1, gebruikers):
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Oplevering", geplande_datum=datetime.date(2999, 1, 1))
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Vergunning", geplande_datum=datetime.date(2021, 5, 1))
    Mijlpaal.objects.create(
        inspanning=a1,
        omschrijving="Plan klaar",
        geplande_datum=datetime.date(2021, 3, 1),
        gereed_op=datetime.date(2020, 12, 15),
    )
    Mijlpaal.objects.create(inspanning=a1, omschrijving="Weg", geplande_datum=datetime.date(2021, 1, 1)).delete()
    client.force_login(gebruikers["redacteur"])
    lijst = _mijlpalen_html(client.get("/inspanningen/A1/").content.decode())
    regels = [regel.strip() for regel in lijst.splitlines() if regel.strip().startswith("<li>")]
    assert regels == [
        "<li>Plan klaar: gepland 1 maart 2021, gereed op 15 december 2020</li>",
        '<li>Vergunning: gepland 1 mei 2021, <strong class="text-danger">gemist</strong></li>',
        "<li>Oplevering: gepland 1 januari 2999</li>",
    ]


def test_no_mijlpalen_says_so(client, a1, gebruikers):
    client.force_login(gebruikers["college"])
    html = _mijlpalen_html(client.get("/inspanningen/A1/").content.decode())
    assert "<p>Er zijn geen mijlpalen vastgelegd.</p>" in html
    assert "<ul" not in html


def test_changes_from_loading_the_demo_data_say_so_instead_of_an_unknown_person(client, gebruikers, demo):
    client.force_login(gebruikers["redacteur"])
    html = client.get("/inspanningen/A1/").content.decode()
    assert "Inspanning aangemaakt</strong> bij het laden van de demogegevens op" in html
    assert "onbekend" not in html
    client.force_login(gebruikers["projectleider"])
    a1 = Inspanning.objects.get(code="A1")
    historie = client.get(f"/admin/thema/inspanning/{a1.pk}/history/").content.decode()
    assert "bij het laden van de demogegevens" in historie and ">Geen<" not in historie
