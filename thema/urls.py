import datetime

from django.urls import path, register_converter

from thema import views


class PeildatumConverter:
    """An ISO date in the URL (`2021-06-01`); anything else is no match, so a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


register_converter(PeildatumConverter, "peildatum")

app_name = "thema"
urlpatterns = [
    path("mijn/", views.mijn_inspanningen, name="mijn"),
    path("<str:code>/", views.tijdlijn, name="tijdlijn"),
    path("<str:code>/voortgang/nieuw/", views.voortgang_nieuw, name="voortgang_nieuw"),
    path("<str:code>/voortgang/<peildatum:peildatum>/", views.voortgang_wijzigen, name="voortgang_wijzigen"),
]
