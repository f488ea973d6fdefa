from django.apps import AppConfig


class InbrengConfig(AppConfig):
    name = "inbreng"
    verbose_name = "Inbreng van het netwerk"
