"""Back-ups with django-dbbackup (README, "Back-ups"): the database, and the photos and stored PDFs in one archive.

dbbackup's `mediabackup` archives only the default storage (the photos under MEDIA_ROOT); the PDFs of adopted
editions live in the private storage under PRIVATE_ROOT. Our `mediabackup` and `mediarestore` commands hand
dbbackup `MediaEnPrive`, both storages as one tree (`media/...` and `private/...`), so one archive holds both.
"""

from __future__ import annotations

import sqlite3
import tempfile
from shutil import copyfileobj

from dbbackup.db.sqlite import SqliteBackupConnector
from django.core.files.storage import Storage, storages

# Archive folder -> the storage (settings.STORAGES) it holds. "rapportages" is PRIVATE_ROOT, the imports' too.
BOOMEN = {"media": "default", "private": "rapportages"}


class MediaEnPrive(Storage):
    """The photos and the private files as one storage: `media/<name>` and `private/<name>`."""

    def _split(self, name: str):
        boom, _, rest = name.replace("\\", "/").partition("/")
        if boom not in BOOMEN:
            raise ValueError(f"{name!r} ligt niet in {' of '.join(BOOMEN)}")
        return boom, storages[BOOMEN[boom]], rest

    def listdir(self, path):
        if path in ("", "."):
            return list(BOOMEN), []
        _, storage, rest = self._split(path)
        if not storage.exists(rest):  # a folder nothing was ever stored in
            return [], []
        return storage.listdir(rest)

    def exists(self, name):
        _, storage, rest = self._split(name)
        return storage.exists(rest)

    def delete(self, name):
        _, storage, rest = self._split(name)
        storage.delete(rest)

    def size(self, name):
        _, storage, rest = self._split(name)
        return storage.size(rest)

    def _open(self, name, mode="rb"):
        _, storage, rest = self._split(name)
        return storage.open(rest, mode)

    def _save(self, name, content):
        boom, storage, rest = self._split(name)
        return f"{boom}/{storage.save(rest, content)}"


class SqliteConnector(SqliteBackupConnector):
    """dbbackup's SQLite connector, restoring through SQLite's backup API instead of overwriting the file.

    Writing over the file of a database in WAL mode, with connections open, can mix old pages from the WAL into
    the restored database. The backup API writes into the open database as one transaction, WAL and all.
    """

    def restore_dump(self, dump):
        self.connection.ensure_connection()
        with tempfile.NamedTemporaryFile(suffix=".sqlite3") as bestand:
            copyfileobj(dump, bestand)
            bestand.flush()
            bron = sqlite3.connect(bestand.name)
            try:
                bron.backup(self.connection.connection)
            finally:
                bron.close()
