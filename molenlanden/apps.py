from django.apps import AppConfig


class MolenlandenConfig(AppConfig):
    name = "molenlanden"
    verbose_name = "Samenlevingsprogramma"
