from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportages"

    def ready(self):
        # "Mijn inspanningen" (thema) shows by when voortgang is due; the dates are this app's planning.
        from rapportage.selectors import uitvragen_voor
        from thema import inlevering

        inlevering.register(uitvragen_voor)

        from rapportage import signals

        signals.connect()
