"""Demo accounts, one per role. Their password is made on this machine and never stored in the repo."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from molenlanden.common import roles
from thema.models import Inspanning

WACHTWOORD_BESTAND = settings.BASE_DIR / ".demo-wachtwoord"
ACCOUNTS = {
    "projectleider": ("Petra", "de Leeuw", roles.PROJECTLEIDER),
    "redacteur": ("Rob", "Verhoef", roles.REDACTIE),
    "college": ("Carla", "Jansen", roles.COLLEGE),
    "trekker": ("Tamara", "Bos", roles.TREKKER),
}
TREKKER_INSPANNINGEN = ("C1", "C2", "G1")


def demo_wachtwoord(path: Path = WACHTWOORD_BESTAND) -> str:
    """A random password, made once per checkout and kept in a git-ignored file."""
    if path.exists():
        return path.read_text().strip()
    wachtwoord = secrets.token_urlsafe(12)
    path.write_text(wachtwoord + "\n")
    path.chmod(0o600)
    return wachtwoord


@transaction.atomic
def create_demoaccounts(wachtwoord: str) -> list[str]:
    User = get_user_model()
    for username, (voornaam, achternaam, rol) in ACCOUNTS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": voornaam, "last_name": achternaam, "email": f"{username}@example.org"},
        )
        user.is_staff = rol == roles.PROJECTLEIDER
        if created or not user.check_password(wachtwoord):
            user.set_password(wachtwoord)
        user.save()
        user.groups.add(Group.objects.get(name=rol))
    trekker = User.objects.get(username="trekker")
    for inspanning in Inspanning.objects.filter(code__in=TREKKER_INSPANNINGEN):
        inspanning.trekkers.add(trekker)
    return list(ACCOUNTS)
