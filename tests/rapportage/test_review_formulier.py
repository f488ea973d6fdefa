"""The review page carries one link per place and loads a comment form when it is opened (issue 14): the form
posts to the right place with htmx and without JavaScript; the report with its review blocks is rendered once per
content and each request fills in the threads of that moment."""

import lxml.html
import pytest
from django.urls import reverse

from molenlanden.demo.scale import multiply_demodata
from rapportage import review
from tests.rapportage.test_query_counts import _queries

pytestmark = pytest.mark.django_db


def _pagina(client, editie):
    response = client.get(editie.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _link(html: str, blok_id: str) -> str:
    (href,) = lxml.html.fromstring(html).get_element_by_id(blok_id).xpath(".//a[@data-review-open]/@href")
    return href


def _velden(form) -> dict:
    return {el.get("name"): el.get("value", "") for el in form.xpath(".//input[@name] | .//select[@name]")}


def test_the_page_has_a_link_per_place_and_no_comment_forms(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    doc = lxml.html.fromstring(_pagina(client, ter_review))
    acties = doc.xpath("//form/@action")
    assert reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug]) not in acties
    assert not doc.xpath("//textarea[@name='tekst']")
    links = doc.xpath("//a[@data-review-open]")
    # The edition, every thema, every inspanning and every kern: a link each, named after its place.
    assert doc.xpath("//*[@id='review-editie']//a[@data-review-open]")
    assert len(links) >= len(doc.xpath("//*[contains(@class, 'inspanning')][@id]")) // 2
    assert len({a.text_content() for a in links}) == len(links), "every link says which place it opens"
    assert "<!--review-draden" not in _pagina(client, ter_review)


def test_htmx_loads_one_form_that_posts_to_its_place(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    html = _pagina(client, ter_review)
    (href,) = lxml.html.fromstring(html).xpath("//a[starts-with(., 'Opmerking plaatsen over thema A.')]/@href")
    response = client.get(href, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    fragment = response.content.decode()
    assert "<html" not in fragment and fragment.count("<form") == 1
    form = lxml.html.fromstring(fragment)
    form = form if form.tag == "form" else form.xpath("//form")[0]
    assert form.get("action") == reverse("rapportage:opmerking_plaatsen", args=[ter_review.slug])
    doel = form.get("data-hx-target").removeprefix("#")
    assert f'id="{doel}"' in html, "htmx swaps a block that is on the page"
    assert "Opmerking plaatsen over thema A." in form.text_content()
    (annuleren,) = form.xpath(".//a[text()='Annuleren']/@href")
    (terug,) = form.xpath(".//input[@name='terug']/@value")
    assert annuleren == f"{ter_review.get_absolute_url()}#{terug}", "without JavaScript: back to the place"

    data = _velden(form) | {"tekst": "Het doel van thema A is te breed."}
    response = client.post(form.get("action"), data, headers={"HX-Request": "true"}, follow=True)
    blok = lxml.html.fromstring(response.content).get_element_by_id(doel)
    assert "Het doel van thema A is te breed." in blok.text_content()
    assert "Uw opmerking is geplaatst." in blok.xpath(".//*[@role='status']")[0].text_content()


def test_the_inspanning_form_lets_the_reader_choose_a_dimension(ter_review, gebruikers, client):
    client.force_login(gebruikers["projectleider"])
    html = _pagina(client, ter_review)
    response = client.get(_link(html, "inspanning-a1-review"), headers={"HX-Request": "true"})
    form = lxml.html.fromstring(response.content.decode()).xpath("//form")[0]
    assert form.xpath(".//select[@name='plek']/option/@value") == [
        "inspanning:A1",
        "inspanning:A1:inhoud",
        "inspanning:A1:planning",
        "inspanning:A1:financien",
    ]
    data = _velden(form) | {"plek": "inspanning:A1:planning", "tekst": "Klopt het jaartal?"}
    response = client.post(form.get("action"), data, follow=True)
    assert response.redirect_chain[-1][0].endswith("#inspanning-a1-planning")
    planning = lxml.html.fromstring(response.content).get_element_by_id("inspanning-a1-planning")
    assert "Klopt het jaartal?" in planning.text_content()


def test_without_javascript_the_link_is_a_page_with_the_form(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    html = _pagina(client, ter_review)
    response = client.get(_link(html, "review-editie"))
    doc = lxml.html.fromstring(response.content)
    assert response.status_code == 200 and doc.get("lang") == "nl"
    assert doc.xpath("//h1")[0].text_content() == "Opmerking plaatsen"
    assert doc.xpath("//a[text()='Update 2021']/@href") == [f"{ter_review.get_absolute_url()}#review-editie"]
    form = doc.xpath("//main//form")[0]
    data = _velden(form) | {"tekst": "Graag een samenvatting vooraf."}
    response = client.post(form.get("action"), data)
    assert response.status_code == 302 and response.url == f"{ter_review.get_absolute_url()}#review-editie"
    assert "Graag een samenvatting vooraf." in _pagina(client, ter_review)


@pytest.mark.parametrize(
    "query", ["plek=thema:Z", "plek=inspanning:A1:kleur", "inspanning=Z9", "plek=", "", "plek=%00%3Cscript%3E"]
)
def test_a_place_the_edition_does_not_have_is_not_found(ter_review, gebruikers, client, query):
    client.force_login(gebruikers["redacteur"])
    response = client.get(f"{reverse('rapportage:opmerking_nieuw', args=[ter_review.slug])}?{query}")
    assert response.status_code == (400 if "%00" in query else 404)  # a NUL byte is refused before any view
    assert "<script>" not in response.content.decode()


def test_outside_the_review_the_form_says_why_it_is_not_there(update, gebruikers, client):
    client.force_login(gebruikers["projectleider"])
    url = f"{reverse('rapportage:opmerking_nieuw', args=[update.slug])}?plek=editie"
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        tekst = response.content.decode()
        assert response.status_code == 200 and "<form" not in tekst.split("<main")[-1]
        assert "Opmerkingen plaatsen kan alleen zolang de editie ter review ligt." in tekst


@pytest.mark.parametrize(("rol", "status"), [("college", 403), ("trekker", 403)])
def test_readers_get_no_form(ter_review, gebruikers, client, rol, status):
    client.force_login(gebruikers[rol])
    response = client.get(f"{reverse('rapportage:opmerking_nieuw', args=[ter_review.slug])}?plek=editie")
    assert response.status_code == status


def test_threads_of_this_moment_fill_the_report_rendered_once(ter_review, gebruikers, client):
    client.force_login(gebruikers["projectleider"])
    eerst = _pagina(client, ter_review)
    assert "Een nieuwe opmerking" not in eerst
    review.opmerking_plaatsen(
        ter_review, auteur=gebruikers["redacteur"], tekst="Een nieuwe opmerking", plek="inspanning:A2:inhoud"
    )
    doc = lxml.html.fromstring(_pagina(client, ter_review))
    blok = doc.get_element_by_id("inspanning-a2-inhoud")
    assert "Een nieuwe opmerking" in blok.text_content()
    assert blok.xpath(".//button[contains(., 'Oplossen')]"), "the projectleider's own controls, per request"
    client.force_login(gebruikers["redacteur"])
    blok = lxml.html.fromstring(_pagina(client, ter_review)).get_element_by_id("inspanning-a2-inhoud")
    assert "Een nieuwe opmerking" in blok.text_content() and not blok.xpath(".//button[contains(., 'Oplossen')]")

    # Back to concept: no links to forms any more (the edition changed, so did its content key).
    review.terug_naar_concept(ter_review, door=gebruikers["projectleider"], notitie="Even aanpassen.")
    html = _pagina(client, ter_review)
    assert "data-review-open" not in html and "Een nieuwe opmerking" in html


def test_review_page_is_at_most_a_fifth_larger_than_the_reading_page(ter_review, gebruikers, client):
    for opmerking in ("Eerste", "Tweede"):
        review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst=opmerking, plek="thema:A")
    multiply_demodata(2)
    client.force_login(gebruikers["college"])
    lezen = len(_pagina(client, ter_review).encode())
    client.force_login(gebruikers["redacteur"])
    reviewen = len(_pagina(client, ter_review).encode())
    assert reviewen <= 1.2 * lezen, (reviewen, lezen)


def test_review_page_queries_do_not_grow_with_the_data_or_the_threads(ter_review, gebruikers, client):
    client.force_login(gebruikers["redacteur"])
    url = ter_review.get_absolute_url()
    client.get(url)
    warm = _queries(lambda: client.get(url))
    for i in range(5):
        review.opmerking_plaatsen(
            ter_review, auteur=gebruikers["redacteur"], tekst=f"o{i}", plek=f"thema:{'ABC'[i % 3]}"
        )
    multiply_demodata(10)
    client.get(url)
    assert _queries(lambda: client.get(url)) == warm


def test_a_thread_on_every_place_shows_in_its_own_block_under_its_own_label(ter_review, gebruikers, client):
    # The cached report's markers carry each place's key, block and label: every kind of place (edition, thema,
    # inspanning and its dimensions, kern), with any character in its name, comes back whole.
    from rapportage import plekken
    from rapportage.builder import build_structuur

    alle = plekken.plekken(build_structuur(ter_review))
    for sleutel in alle:
        review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst=f"Over {sleutel}.", plek=sleutel)
    client.force_login(gebruikers["projectleider"])
    _pagina(client, ter_review)  # the report is rendered and cached; the next request fills it in
    doc = lxml.html.fromstring(_pagina(client, ter_review))

    assert "<!--review-draden" not in lxml.html.tostring(doc, encoding="unicode")
    for sleutel, (label, anker) in alle.items():
        soort, _, dimensie = plekken.delen(sleutel)
        blok = doc.get_element_by_id(plekken.blok_id(soort, anker, dimensie))
        tekst = " ".join(blok.text_content().split())
        assert f"Opmerkingen over {label}" in tekst, sleutel
        assert f"Over {sleutel}." in tekst, sleutel


def test_a_place_whose_name_has_markup_or_percent_signs_shows_its_threads_under_that_name(
    ter_review, gebruikers, client
):
    from thema.models import Thema

    Thema.objects.filter(code="A").update(naam="Wonen & zorg: 100% <b>samen</b> --> verder")
    review.opmerking_plaatsen(ter_review, auteur=gebruikers["redacteur"], tekst="Mooie naam.", plek="thema:A")
    client.force_login(gebruikers["redacteur"])
    _pagina(client, ter_review)
    html = _pagina(client, ter_review)  # from the cached report

    blok = lxml.html.fromstring(html).get_element_by_id(f"thema-{Thema.objects.get(code='A').slug}-review")
    assert "Opmerkingen over thema A. Wonen & zorg: 100% <b>samen</b> --> verder" in blok.text_content()
    assert "Mooie naam." in blok.text_content()
    assert "<b>samen</b>" not in html, "the name is text, never markup"
    (link,) = blok.xpath("./p/a[@data-review-open]")
    assert link.text_content() == "Opmerking plaatsen over thema A. Wonen & zorg: 100% <b>samen</b> --> verder"
    formulier = lxml.html.fromstring(client.get(link.get("href")).content).xpath("//form")[-1]
    assert "Opmerking plaatsen over thema A. Wonen & zorg: 100% <b>samen</b> --> verder" in formulier.text_content()
    assert _velden(formulier)["plek"] == "thema:A", "the link opens the form of its own place"
