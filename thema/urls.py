import datetime

from django.urls import path, register_converter

from molenlanden.common.validators import CODE_PATROON
from thema import views


class PeildatumConverter:
    """An ISO date in the URL (`2021-06-01`); anything else is no match, so a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


class CodeConverter:
    """An inspanning's code as the model allows it; anything else (a NUL byte, a slash, dots) is no match: 404."""

    regex = CODE_PATROON

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PeildatumConverter, "peildatum")
register_converter(CodeConverter, "code")

app_name = "thema"
urlpatterns = [
    path("mijn/", views.mijn_inspanningen, name="mijn"),
    path("<code:code>/", views.tijdlijn, name="tijdlijn"),
    path("<code:code>/voortgang/nieuw/", views.voortgang_nieuw, name="voortgang_nieuw"),
    path("<code:code>/voortgang/<peildatum:peildatum>/", views.voortgang_wijzigen, name="voortgang_wijzigen"),
]
