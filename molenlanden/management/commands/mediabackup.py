from dbbackup.management.commands import mediabackup

from molenlanden.backups import MediaEnPrive


class Command(mediabackup.Command):
    help = (
        "Maakt één archief van de foto's (DJANGO_MEDIA_ROOT) en de PDF's van vastgestelde edities "
        "(DJANGO_PRIVATE_ROOT) in DJANGO_BACKUP_DIR; met --clean blijven de nieuwste DBBACKUP_CLEANUP_KEEP_MEDIA."
    )

    def backup_mediafiles(self):
        self.media_storage = MediaEnPrive()
        super().backup_mediafiles()
