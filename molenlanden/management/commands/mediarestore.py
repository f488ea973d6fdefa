from dbbackup.management.commands import mediarestore

from molenlanden.backups import MediaEnPrive


class Command(mediarestore.Command):
    help = (
        "Zet de foto's en de PDF's van vastgestelde edities terug uit het nieuwste archief van mediabackup "
        "(of --input-filename); met --replace worden ook bestaande bestanden overschreven."
    )

    def _restore_backup(self):
        self.media_storage = MediaEnPrive()
        super()._restore_backup()
