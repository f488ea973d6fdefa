"""Back-ups that are proven to restore (README, "Back-ups"): django-dbbackup's commands, as cron runs them.

Back up the database and the files, then change and delete the programme, its history, review comments and an
adopted edition with its stored PDF; after `dbrestore` and `mediarestore` everything is back, the PDF byte for byte
with its SHA-256 as the edition records it. On SQLite the commands work on a real database file in WAL mode (see
`verbinding_per_thread`), on PostgreSQL through pg_dump and pg_restore.
"""

import hashlib

import dbbackup.settings
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.db.models import QuerySet

from rapportage.models import Opmerking, Rapportage, ReviewGebeurtenis
from tests.helpers import in_thread
from thema.models import Inspanning, Thema, Voortgang

TRIGGER = "rapportage_vastgesteld_blijft_vast"  # PostgreSQL: an adopted edition stays as it is
MODELLEN = [Thema, Inspanning, Voortgang, Voortgang.history.model, Thema.history.model, Opmerking, Rapportage]


def stand() -> dict:
    """Every row of the models above, and every stored file (name -> bytes) of the photos and the private store."""
    rijen = {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELLEN}
    rijen["ReviewGebeurtenis"] = list(ReviewGebeurtenis.objects.order_by("pk").values())
    return rijen | {"bestanden": bestanden()}


def bestanden() -> dict:
    gevonden = {}
    for alias in ("default", "rapportages"):
        storage = storages[alias]
        mappen = [""]
        while mappen:
            map_ = mappen.pop()
            if not storage.exists(map_):
                continue
            submappen, namen = storage.listdir(map_)
            mappen += [f"{map_}{sub}/" for sub in submappen]
            for naam in namen:
                with storage.open(map_ + naam) as f:
                    gevonden[f"{alias}:{map_}{naam}"] = f.read()
    return gevonden


def wijzig_en_verwijder(editie_pk: int) -> None:
    """A bad afternoon: the programme changed, history and comments gone, an adopted edition and its PDF deleted."""
    Thema.objects.update(naam="Overschreven")
    Inspanning.objects.filter(code="A1").delete()
    Voortgang.history.all().delete()
    Opmerking.objects.all().delete()
    editie = Rapportage.objects.get(pk=editie_pk)
    editie.pdf.delete(save=False)
    if connection.vendor == "postgresql":  # the database itself refuses too; a superuser's mistake gets past it
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE rapportage_rapportage DISABLE TRIGGER {TRIGGER}")
    QuerySet.delete(Rapportage.objects.filter(pk=editie_pk))  # past the app's refusal, as a mistake in SQL would
    storages["default"].delete("foto.jpg")
    storages["default"].save("foto.jpg", ContentFile(b"een andere foto"))


def trigger_aan() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgenabled FROM pg_trigger WHERE tgname = %s", [TRIGGER])
        return cursor.fetchone() == ("O",)


def dump_suffix() -> str:
    return ".sqlite3" if connection.vendor == "sqlite" else ".bin"  # pg_dump's custom format: .psql.bin


@pytest.fixture
def backup_dir(tmp_path, monkeypatch):
    """dbbackup reads STORAGES["dbbackup"] when it is imported: point its options at this test's folder."""
    folder = tmp_path / "backups"
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", {"location": str(folder)})
    return folder


def test_backup_and_restore_bring_everything_back(transactional_db, gebruikers, backup_dir, request):
    from molenlanden.demo.programma import load_demodata

    load_demodata(rapportages=True)
    storages["default"].save("foto.jpg", ContentFile(b"een foto uit het programma"))
    request.getfixturevalue("verbinding_per_thread")
    editie = Rapportage.objects.filter(status=Rapportage.Status.VASTGESTELD).exclude(pdf="").order_by("-pk").first()
    voor = in_thread(stand)
    pdf = voor["bestanden"][f"rapportages:{editie.pdf.name}"]
    assert hashlib.sha256(pdf).hexdigest() == editie.pdf_sha256
    assert voor["Opmerking"] and voor["HistoricalVoortgang"] and voor["ReviewGebeurtenis"]

    in_thread(call_command, "dbbackup", "--noinput", "--clean", verbosity=0)
    in_thread(call_command, "mediabackup", "--noinput", "--clean", verbosity=0)
    # One dump of the database with its metadata (which connector made it), one archive of the files.
    assert sorted(p.suffix for p in backup_dir.iterdir()) == sorted([dump_suffix(), ".metadata", ".tar"])

    in_thread(wijzig_en_verwijder, editie.pk)
    kapot = in_thread(stand)
    assert kapot != voor
    assert f"rapportages:{editie.pdf.name}" not in kapot["bestanden"]

    in_thread(call_command, "dbrestore", "--noinput", verbosity=0)
    in_thread(call_command, "mediarestore", "--noinput", "--replace", verbosity=0)

    na = in_thread(stand)
    # Every file of the backup is back byte for byte. A concept PDF rendered after the changes may stay beside them:
    # no restored row points at it, and the next render replaces it.
    nieuw = set(na["bestanden"]) - set(voor["bestanden"])
    assert all(naam.startswith("rapportages:concepten/") for naam in nieuw)
    na["bestanden"] = {naam: inhoud for naam, inhoud in na["bestanden"].items() if naam not in nieuw}
    assert na == voor
    teruggezet = in_thread(lambda: Rapportage.objects.get(pk=editie.pk))
    assert na["bestanden"][f"rapportages:{teruggezet.pdf.name}"] == pdf
    assert hashlib.sha256(pdf).hexdigest() == teruggezet.pdf_sha256
    if connection.vendor == "postgresql":
        assert in_thread(trigger_aan)  # the schema came back too
