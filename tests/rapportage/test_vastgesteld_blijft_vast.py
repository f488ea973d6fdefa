"""An adopted edition never changes, by any path: admin form, history revert, admin actions, bulk updates, a plain
save or delete in a shell, and (on PostgreSQL) raw SQL. Only whether it is public may still be set."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from rapportage.models import EditieVastgesteld, Rapportage
from rapportage.services import vaststellen
from tests.helpers import admin_formulier

ADMIN = "/admin/rapportage/rapportage"


@pytest.fixture
def vastgesteld(update):
    """The Update, first retitled as a concept (so it has an older version), then adopted."""
    update.titel = "Update 2021 (definitief)"
    update.save()
    return vaststellen(
        update,
        vastgesteld_op=datetime.date(2021, 7, 6),
        vastgesteld_door="het college van burgemeester en wethouders",
        besluitnummer="B-21/88",
        openbaar=True,
        override_reden="Test",
    )


def _stand(editie: Rapportage) -> dict:
    """Everything that must stay as it is, read fresh from the database."""
    return Rapportage.objects.filter(pk=editie.pk).values().get() | {"pdf_bytes": editie.pdf.open("rb").read()}


def _zonder_openbaar(stand: dict) -> dict:
    return {k: v for k, v in stand.items() if k not in ("openbaar", "gewijzigd_op")}


def test_a_plain_save_of_any_field_is_refused(vastgesteld):
    voor = _stand(vastgesteld)
    for veld, waarde in (
        ("titel", "Andere titel"),
        ("status", Rapportage.Status.CONCEPT),
        ("pdf_sha256", "0" * 64),
        ("snapshot", {"versie": 1, "themas": []}),
        ("peildatum", datetime.date(2021, 5, 1)),
        ("pdf", "rapportages/ander.pdf"),
    ):
        editie = Rapportage.objects.get(pk=vastgesteld.pk)
        setattr(editie, veld, waarde)
        with pytest.raises(EditieVastgesteld, match="vastgesteld en kan niet meer worden gewijzigd"):
            editie.save()
    assert _stand(vastgesteld) == voor


def test_only_openbaar_may_still_change(vastgesteld):
    editie = Rapportage.objects.get(pk=vastgesteld.pk)
    editie.openbaar = False
    editie.save()
    Rapportage.objects.filter(pk=editie.pk).update(openbaar=True)
    assert Rapportage.objects.get(pk=editie.pk).openbaar is True


def test_bulk_updates_and_deletes_are_refused(vastgesteld, wrap_up):
    voor = _stand(vastgesteld)
    with pytest.raises(EditieVastgesteld):
        Rapportage.objects.update(titel="Alles anders")  # the concept wrap-up is in the queryset too
    with pytest.raises(EditieVastgesteld):
        Rapportage.objects.filter(pk=vastgesteld.pk).update(status=Rapportage.Status.CONCEPT, snapshot=None)
    with pytest.raises(EditieVastgesteld, match="verwijderd"):
        Rapportage.objects.filter(pk=vastgesteld.pk).delete()
    with pytest.raises(EditieVastgesteld, match="verwijderd"):
        vastgesteld.delete()
    vastgesteld.titel = "Via bulk_update"
    with pytest.raises(EditieVastgesteld), transaction.atomic():  # bulk_update marks the transaction as failed
        Rapportage.objects.bulk_update([vastgesteld], ["titel"])
    assert _stand(vastgesteld) == voor
    assert Rapportage.objects.filter(pk=wrap_up.pk).update(titel="Een concept mag wel") == 1


def test_the_admin_form_changes_only_openbaar(vastgesteld, projectleider):
    voor = _stand(vastgesteld)
    url = f"{ADMIN}/{vastgesteld.pk}/change/"
    data = admin_formulier(projectleider.get(url))
    data |= {"titel": "Gewijzigd via het beheer", "status": "concept", "pdf_sha256": "0" * 64, "openbaar": ""}
    del data["openbaar"]
    assert projectleider.post(url, data).status_code == 302
    na = _stand(vastgesteld)
    assert na["openbaar"] is False
    assert _zonder_openbaar(na) == _zonder_openbaar(voor)


def test_history_shows_every_version_but_reverts_none(vastgesteld, projectleider):
    voor = _stand(vastgesteld)
    versies = list(vastgesteld.history.order_by("history_id"))
    assert [v.status for v in versies][-1] == "vastgesteld"
    for versie in versies:
        url = f"{ADMIN}/{vastgesteld.pk}/history/{versie.history_id}/"
        pagina = projectleider.get(url)
        assert pagina.status_code == 200
        assert 'name="_save"' not in pagina.content.decode()  # no revert button
        response = projectleider.post(
            url, admin_formulier(pagina) if "adminform" in pagina.context else {}, follow=True
        )
        assert response.redirect_chain[0][0] == f"{ADMIN}/{vastgesteld.pk}/change/"
        assert "Niet teruggezet. Deze editie is vastgesteld" in response.content.decode()
    assert _stand(vastgesteld) == voor


def test_a_concept_can_still_be_reverted(update, projectleider):
    oud = update.titel
    update.titel = "Nieuwere titel"
    update.save()
    eerste = update.history.order_by("history_id").first()
    url = f"{ADMIN}/{update.pk}/history/{eerste.history_id}/"
    assert projectleider.post(url, admin_formulier(projectleider.get(url))).status_code == 302
    assert Rapportage.objects.get(pk=update.pk).titel == oud


def test_delete_action_and_delete_page_refuse_an_adopted_edition(vastgesteld, wrap_up, projectleider):
    actie = {"action": "delete_selected", "_selected_action": [vastgesteld.pk, wrap_up.pk], "post": "yes"}
    response = projectleider.post(f"{ADMIN}/", actie, follow=True)
    assert "Niet verwijderd: ‘Update 2021 (definitief)’ is vastgesteld en verandert nooit meer." in (
        response.content.decode()
    )
    assert Rapportage.objects.count() == 2  # the concept in the same selection is not deleted either
    assert projectleider.post(f"{ADMIN}/{vastgesteld.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Rapportage.objects.filter(pk=vastgesteld.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database guard is a PostgreSQL trigger")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE rapportage_rapportage SET titel = 'via SQL' WHERE id = %s",
        "UPDATE rapportage_rapportage SET pdf_sha256 = '' WHERE id = %s",
        "UPDATE rapportage_rapportage SET status = 'concept', snapshot = NULL WHERE id = %s",
        "DELETE FROM rapportage_rapportage WHERE id = %s",
    ],
)
def test_postgresql_itself_refuses_raw_sql(vastgesteld, sql):
    voor = _stand(vastgesteld)
    with pytest.raises(IntegrityError, match="vastgestelde editie"), transaction.atomic(), connection.cursor() as c:
        c.execute(sql, [vastgesteld.pk])
    assert _stand(vastgesteld) == voor


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database guard is a PostgreSQL trigger")
def test_postgresql_lets_openbaar_change_and_a_concept_be_edited(vastgesteld, wrap_up):
    with connection.cursor() as c:
        c.execute("UPDATE rapportage_rapportage SET openbaar = false WHERE id = %s", [vastgesteld.pk])
        c.execute("UPDATE rapportage_rapportage SET titel = 'Concept' WHERE id = %s", [wrap_up.pk])
    assert Rapportage.objects.get(pk=vastgesteld.pk).openbaar is False
