"""The personal link of a participant: signed with Django's signing, bound to one round, revocable.

A link writes while its round is open and reads (the kernteam's answers) until the personal data of the round are
erased; after that, or when revoked, it is refused.
"""

from __future__ import annotations

import calendar

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from inbreng.models import InbrengRonde, Uitnodiging

SALT = "inbreng.link"


class LinkGeweigerd(Exception):
    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden


def token(uitnodiging: Uitnodiging) -> str:
    # Without a timestamp: the same invitation always has the same link (its validity follows the round).
    return signing.Signer(salt=SALT).sign_object({"r": uitnodiging.ronde_id, "u": uitnodiging.pk}, compress=True)


def pad(uitnodiging: Uitnodiging) -> str:
    return reverse("inbreng:link", args=[uitnodiging.ronde.slug, token(uitnodiging)])


def url(uitnodiging: Uitnodiging) -> str:
    return settings.SITE_URL + pad(uitnodiging)


def leesbaar_tot(ronde: InbrengRonde):
    """Until when a link still shows the answers: the erasure of the round's personal data."""
    return plus_maanden(ronde.open_tot, settings.INBRENG_BEWAARTERMIJN_MAANDEN)


def plus_maanden(moment, maanden: int):
    jaar, maand = divmod(moment.month - 1 + maanden, 12)
    dag = min(moment.day, calendar.monthrange(moment.year + jaar, maand + 1)[1])
    return moment.replace(year=moment.year + jaar, month=maand + 1, day=dag)


def uitnodiging_voor(ronde: InbrengRonde, waarde: str) -> Uitnodiging:
    """The invitation behind a link of this round, or LinkGeweigerd with a reason a person understands."""
    try:
        data = signing.Signer(salt=SALT).unsign_object(waarde)
    except signing.BadSignature:
        raise LinkGeweigerd("Deze link klopt niet. Controleer of u de hele link uit de e-mail hebt overgenomen.")
    if data.get("r") != ronde.pk:
        raise LinkGeweigerd("Deze link hoort bij een andere inbrengronde.")
    uitnodiging = Uitnodiging.objects.filter(pk=data.get("u"), ronde=ronde).first()
    if uitnodiging is None or uitnodiging.gewist_op:
        raise LinkGeweigerd("Deze link bestaat niet meer: de gegevens van deze ronde zijn gewist.")
    if uitnodiging.ingetrokken_op:
        raise LinkGeweigerd("Deze link is ingetrokken. Neem contact op met de gemeente als dat niet klopt.")
    if timezone.now() >= leesbaar_tot(ronde):
        raise LinkGeweigerd("Deze link is verlopen: de inbrengronde is al lang gesloten.")
    return uitnodiging
