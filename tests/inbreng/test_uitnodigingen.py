"""Invitations: typed or read from CSV (all or nothing, Dutch row errors), sent by e-mail, reminders, revoked."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from inbreng import links
from inbreng.models import InbrengRonde, Uitnodiging
from tests.inbreng.maak import maak_bijdrage


def _csv(tekst: str, naam="genodigden.csv"):
    return SimpleUploadedFile(naam, tekst.encode("utf-8"), content_type="text/csv")


def test_a_valid_csv_makes_every_invitation(projectleider, ronde):
    tekst = "naam;email;kern\nDorpsoverleg Ottoland;do@ottoland.example;Ottoland\nWelzijn;info@welzijn.example;\n"
    response = projectleider.post(
        f"/admin/inbreng/inbrengronde/{ronde.pk}/uitnodigingen-inlezen/", {"bestand": _csv(tekst)}
    )
    assert response.status_code == 302
    assert sorted(Uitnodiging.objects.values_list("email", flat=True)) == [
        "do@ottoland.example",
        "info@welzijn.example",
    ]
    assert Uitnodiging.objects.get(email="do@ottoland.example").kern.naam == "Ottoland"


def test_a_csv_with_errors_saves_nothing_and_names_each_row(projectleider, ronde, uitnodiging):
    tekst = (
        "naam,email,kern\n"
        "Goed,goed@example.org,Arkel\n"
        "Geen adres,,\n"
        "Fout adres,geen-adres,\n"
        "Onbekende kern,kern@example.org,Atlantis\n"
        "Dubbel,do@example.org,\n"
    )
    response = projectleider.post(
        f"/admin/inbreng/inbrengronde/{ronde.pk}/uitnodigingen-inlezen/", {"bestand": _csv(tekst)}
    )
    html = response.content.decode()
    assert "Er is niets ingelezen." in html
    assert "Rij 3: het e-mailadres ontbreekt." in html
    assert "Rij 4: ‘geen-adres’ is geen geldig e-mailadres." in html
    assert "Rij 5: kern ‘Atlantis’ bestaat niet." in html
    assert "Rij 6: do@example.org staat al in de lijst of is al uitgenodigd." in html
    assert list(Uitnodiging.objects.all()) == [uitnodiging]


def test_a_csv_without_header_or_in_another_encoding_is_refused(projectleider, ronde):
    pad = f"/admin/inbreng/inbrengronde/{ronde.pk}/uitnodigingen-inlezen/"
    html = projectleider.post(pad, {"bestand": _csv("Jan,jan@example.org\n")}).content.decode()
    assert "De eerste regel moet de kolomnamen bevatten" in html
    latin = SimpleUploadedFile("a.csv", "naam,email\nJosé,j@example.org\n".encode("latin-1"))
    assert "geen UTF-8-tekst" in projectleider.post(pad, {"bestand": latin}).content.decode()
    assert Uitnodiging.objects.count() == 0


def test_invitations_are_sent_with_a_personal_link(projectleider, uitnodiging):
    projectleider.post(
        "/admin/inbreng/uitnodiging/", {"action": "versturen", "_selected_action": [uitnodiging.pk], "index": 0}
    )
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["do@example.org"] and bericht.subject == "Praat mee: Praat mee over de Update 2021"
    assert links.url(uitnodiging) in bericht.body
    uitnodiging.refresh_from_db()
    assert uitnodiging.verstuurd_op is not None


def test_reminders_go_only_to_invitees_without_a_contribution(projectleider, uitnodiging, ronde):
    stil = Uitnodiging.objects.create(ronde=ronde, naam="Stil", email="stil@example.org")
    maak_bijdrage(uitnodiging)
    projectleider.post(
        "/admin/inbreng/uitnodiging/",
        {"action": "herinneren", "_selected_action": [uitnodiging.pk, stil.pk], "index": 0},
    )
    assert [m.to for m in mail.outbox] == [["stil@example.org"]]
    assert mail.outbox[0].subject.startswith("Herinnering")
    stil.refresh_from_db()
    assert stil.herinnerd_op is not None


def test_revoking_a_link_refuses_it(projectleider, client, uitnodiging):
    projectleider.post(
        "/admin/inbreng/uitnodiging/", {"action": "intrekken", "_selected_action": [uitnodiging.pk], "index": 0}
    )
    assert client.get(links.pad(uitnodiging)).status_code == 403


def test_the_projectleider_opens_a_round_with_questions_per_thema(projectleider, update):
    from tests.helpers import admin_formulier

    data = admin_formulier(projectleider.get("/admin/inbreng/inbrengronde/add/"))
    data |= {
        "titel": "Praat mee",
        "slug": "praat-mee",
        "editie": update.pk,
        "inleiding": "Welkom",
        "open_van_0": "2021-03-01",
        "open_van_1": "09:00",
        "open_tot_0": "2021-02-01",
        "open_tot_1": "09:00",
        "vragen-0-thema": "",
    }
    response = projectleider.post("/admin/inbreng/inbrengronde/add/", data)
    assert "De ronde moet sluiten na het moment dat zij opengaat." in response.content.decode()
    from thema.models import Thema

    data |= {"open_tot_0": "2021-04-15", "vragen-0-thema": Thema.objects.get(code="A").pk, "vragen-0-vraag": "Wat?"}
    assert projectleider.post("/admin/inbreng/inbrengronde/add/", data).status_code == 302
    assert InbrengRonde.objects.get().vragen.get().vraag == "Wat?"
