from django.apps import AppConfig


class DorpenConfig(AppConfig):
    name = "dorpen"
    verbose_name = "Dorpen en de stad"
