from django.apps import AppConfig


class ThemaConfig(AppConfig):
    name = "thema"
    verbose_name = "Pittige thema's"
