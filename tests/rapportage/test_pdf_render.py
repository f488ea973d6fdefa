"""The PDF made in the background: scheduled on change (once for a burst), shown while it is made, never half."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import default_task_backend

from dorpen.models import Dorpsactie, Kern
from inbreng import services as inbreng_services
from rapportage import renders
from rapportage.models import PdfRender, Rapportage
from tests.inbreng.maak import maak_bijdrage, maak_ronde
from tests.kleine_editie import kleine_editie, png
from thema.models import Inspanning, Thema, Voortgang

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def editie(db):
    editie = kleine_editie()
    # The test's own transaction never commits: what setting up queued for after the commit is dropped, as a
    # commit would have run it.
    connection.run_on_commit.clear()
    return editie


@pytest.fixture
def college(client, gebruikers):
    client.force_login(gebruikers["college"])
    return client


def _pdf(client, editie):
    return client.get(f"/rapportages/{editie.slug}/pdf/")


def test_a_burst_of_changes_schedules_one_render(editie, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(renders, "_enqueue") as enqueue,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        for n in range(3):
            Voortgang.objects.filter(inspanning__code="A1").get().save()
            Dorpsactie.objects.get().save()
            Inspanning.objects.create(
                thema=Thema.objects.get(code="A"),
                code=f"A9{n}",
                titel="Nieuw",
                opgenomen_op=datetime.date(2021, 1, 1),
            )

    enqueue.assert_called_once_with(editie.pk, uitstel=10)
    assert PdfRender.objects.get(editie=editie).status == PdfRender.Status.GEPLAND


def test_changes_within_the_delay_wait_for_the_one_render_already_planned(
    editie, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    for titel in ("Eerste wijziging", "Tweede wijziging", "Derde wijziging"):  # three transactions, within seconds
        with django_capture_on_commit_callbacks(execute=True):
            inspanning = Inspanning.objects.get(code="A1")
            inspanning.titel = titel
            inspanning.save()

    [taak] = default_task_backend.results
    assert taak.args == [editie.pk]
    wacht = taak.task.run_after - timezone.now()
    assert datetime.timedelta(seconds=5) < wacht <= datetime.timedelta(seconds=10)

    renders.maken(editie.pk)  # the worker, after the delay: one render with the last change in it
    render = PdfRender.objects.get(editie=editie)
    assert render.status == PdfRender.Status.KLAAR
    assert renders.is_actueel(render, editie)


def test_a_change_during_a_render_plans_the_next_one(editie, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    renders.nu_plannen(editie)

    def render_met_wijziging(structuur):
        with django_capture_on_commit_callbacks(execute=True):
            Thema.objects.get(code="B").save()  # someone saves while the worker renders
        return b"%PDF-1.7 oud"

    with mock.patch("rapportage.pdf.render_pdf", render_met_wijziging):
        renders.maken(editie.pk)

    render = PdfRender.objects.get(editie=editie)
    assert render.status == PdfRender.Status.GEPLAND  # not "klaar": the stored file is one change behind
    assert len(default_task_backend.results) == 2


def test_an_interrupted_render_leaves_the_previous_pdf_and_the_next_one_recovers(editie, college, settings):
    eerste = _pdf(college, editie)
    assert eerste.status_code == 200
    vorige = eerste.getvalue()
    render = PdfRender.objects.get(editie=editie)
    vorige_naam = render.bestand.name

    Voortgang.objects.filter(inspanning__code="A2").update(inhoud="rood")
    Thema.objects.get(code="A").save()  # (outside on_commit in this test: scheduling is tested above)
    with mock.patch("rapportage.renders.os.replace", side_effect=SystemExit("worker gestopt")):
        renders.nu_plannen(editie)  # the worker dies between writing and renaming

    render.refresh_from_db()
    assert render.status == PdfRender.Status.BEZIG
    assert render.bestand.name == vorige_naam
    with render.bestand.open("rb") as f:
        assert f.read() == vorige
    pdfs = [p.name for p in (settings.PRIVATE_ROOT / "concepten").iterdir() if p.suffix == ".pdf"]
    assert pdfs == [vorige_naam.split("/")[-1]]  # no half file under a PDF's name

    wachten = _pdf(college, editie)  # still "bezig" (by a dead worker): the reader waits, nothing renders
    assert wachten.status_code == 202
    PdfRender.objects.filter(pk=render.pk).update(gestart_op=timezone.now() - datetime.timedelta(hours=1))
    hersteld = _pdf(college, editie)

    assert hersteld.status_code == 200
    assert hersteld.getvalue() != vorige
    render.refresh_from_db()
    assert (render.status, render.voortgang) == (PdfRender.Status.KLAAR, 100)


def test_while_the_pdf_is_made_the_pages_say_so_and_lead_to_it(editie, college, settings):
    settings.TASKS = DUMMY  # the worker has not run yet
    pagina = college.get(f"/rapportages/{editie.slug}/").content.decode()
    assert "PDF maken en downloaden" in pagina

    wachten = _pdf(college, editie)
    html = wachten.content.decode()
    assert wachten.status_code == 202
    assert "De PDF wordt gemaakt…" in html and "Hij staat in de wachtrij." in html
    assert f'data-hx-get="/rapportages/{editie.slug}/pdf/status/?wachten"' in html
    assert 'data-hx-trigger="every 2s"' in html
    assert f'href="/rapportages/{editie.slug}/pdf/">Vernieuwen</a>' in html  # without JavaScript

    pagina = college.get(f"/rapportages/{editie.slug}/").content.decode()
    assert "De PDF wordt gemaakt…" in pagina and f'data-hx-get="/rapportages/{editie.slug}/pdf/status/"' in pagina

    PdfRender.objects.filter(editie=editie).update(status=PdfRender.Status.BEZIG, voortgang=40)
    bezig = college.get(f"/rapportages/{editie.slug}/pdf/status/?wachten")
    assert "40% klaar" in bezig.content.decode() and "HX-Redirect" not in bezig

    renders.maken(editie.pk)  # the worker (it takes over: "bezig" without a start was set by this test only)
    klaar = college.get(f"/rapportages/{editie.slug}/pdf/status/?wachten")
    assert klaar["HX-Redirect"] == f"/rapportages/{editie.slug}/pdf/"
    assert "PDF downloaden" in klaar.content.decode()
    assert _pdf(college, editie).status_code == 200
    assert "PDF downloaden" in college.get(f"/rapportages/{editie.slug}/").content.decode()


def _voortgang():
    v = Voortgang.objects.get(inspanning__code="A1")
    v.inhoud_toelichting = "<p>NIEUWE INHOUD</p>"
    v.save()


def _inspanning():
    i = Inspanning.objects.get(code="A1")
    i.titel = "NIEUWE INHOUD"
    i.save()


def _thema():
    t = Thema.objects.get(code="A")
    t.naam = "NIEUWE INHOUD"
    t.save()


def _kern():
    k = Kern.objects.get(slug="nieuwpoort")
    k.naam = "NIEUWE INHOUD"
    k.save()


def _dorpsactie():
    a = Dorpsactie.objects.get()
    a.titel = "NIEUWE INHOUD"
    a.save()


def _editietekst():
    e = Rapportage.objects.get(slug="testrapportage-2021")
    e.inleiding = "<p>NIEUWE INHOUD</p>"
    e.save()


def _foto():
    a = Dorpsactie.objects.get()
    a.foto.save("nieuwe-inhoud.png", ContentFile(png()), save=False)
    a.save()


def _inbrengronde():
    ronde = maak_ronde(Rapportage.objects.get(slug="testrapportage-2021"))
    ronde.titel = "NIEUWE INHOUD"
    ronde.save()


WIJZIGINGEN = [
    _voortgang,
    _inspanning,
    _thema,
    _kern,
    _dorpsactie,
    _editietekst,
    _foto,
    _inbrengronde,
]  # every kind of change to what an edition shows


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_every_kind_of_change_shows_on_the_cached_page_and_in_a_new_pdf(editie, college, wijziging):
    url = f"/rapportages/{editie.slug}/"
    voor = college.get(url).content.decode()
    college.get(url)  # from the cache
    pdf_voor = _pdf(college, editie).getvalue()
    assert "NIEUWE INHOUD" not in voor and "nieuwe-inhoud" not in voor

    wijziging()

    na = college.get(url).content.decode()
    assert "NIEUWE INHOUD" in na or "nieuwe-inhoud" in na
    assert _pdf(college, editie).getvalue() != pdf_voor


def test_a_contribution_chosen_as_quote_shows_on_the_cached_page_and_in_a_new_pdf(editie, college):
    """The network's section (inbreng/) is content too: a change of a contribution alone makes a new key."""
    ronde = maak_ronde(editie)
    bijdrage = inbreng_services.accepteren(
        maak_bijdrage(inbreng_services.deelnemer_maken(ronde), kernen=(), goed="NIEUWE INHOUD")
    )
    url = f"/rapportages/{editie.slug}/"
    assert "NIEUWE INHOUD" not in college.get(url).content.decode()
    pdf_voor = _pdf(college, editie).getvalue()

    bijdrage.citaat = True
    bijdrage.save()

    assert "NIEUWE INHOUD" in college.get(url).content.decode()
    assert _pdf(college, editie).getvalue() != pdf_voor


@pytest.mark.parametrize("wijziging", WIJZIGINGEN)
def test_every_kind_of_change_shows_on_the_cached_review_page(editie, client, gebruikers, wijziging):
    """The review page keeps its report (with the review blocks) once per content too: a change shows at once."""
    Rapportage.objects.filter(pk=editie.pk).update(status=Rapportage.Status.TER_REVIEW, review_ronde=1)
    client.force_login(gebruikers["redacteur"])
    url = f"/rapportages/{editie.slug}/"
    voor = client.get(url).content.decode()
    assert "data-review-open" in voor and "NIEUWE INHOUD" not in voor and "nieuwe-inhoud" not in voor
    wijziging()
    na = client.get(url).content.decode()
    assert "NIEUWE INHOUD" in na or "nieuwe-inhoud" in na


def _rendert_rapport(client, editie) -> bool:
    response = client.get(f"/rapportages/{editie.slug}/")
    assert response.status_code == 200
    return "rapportage/_rapport.html" in [t.name for t in response.templates]


@pytest.mark.parametrize("status", [Rapportage.Status.CONCEPT, Rapportage.Status.TER_REVIEW])
def test_the_worker_renders_the_page_of_the_new_content_too(editie, client, gebruikers, status):
    """After a change, the render task renders the page as readers and as the review see it: no reader waits."""
    Rapportage.objects.filter(pk=editie.pk).update(status=status, review_ronde=1)
    editie.refresh_from_db()
    _thema()
    renders.nu_plannen(editie)  # the worker's task (tasks run at once in tests)
    for rol in ("college", "redacteur"):
        client.force_login(gebruikers[rol])
        assert not _rendert_rapport(client, editie), rol
    _inspanning()  # without the worker, the first reader renders it (and the next one does not)
    assert _rendert_rapport(client, editie) and not _rendert_rapport(client, editie)
