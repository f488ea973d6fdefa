"""The four roles, as Django groups with their model permissions, and the checks views use.

Model permissions are named by app label and model name (strings), so this module imports no app.
"""

from __future__ import annotations

from functools import wraps

from django.apps import apps as global_apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS

PROJECTLEIDER = "projectleider"
REDACTIE = "redactie"
TREKKER = "trekker"
COLLEGE = "college"
ALLE_ROLLEN = (PROJECTLEIDER, REDACTIE, TREKKER, COLLEGE)
ROL_LABELS = {
    PROJECTLEIDER: "Projectleider",
    REDACTIE: "Redactiegroep",
    TREKKER: "Trekker",
    COLLEGE: "College",
}

ALLE = ("add", "change", "delete", "view")
LEZEN = ("view",)
PROGRAMMA_LEZEN = {
    "thema": dict.fromkeys(("thema", "inspanning", "voortgang", "mijlpaal"), LEZEN),
    "dorpen": dict.fromkeys(("kern", "dorpsactie"), LEZEN),
}
# role -> app label -> model -> actions. The projectleider keeps the programme in the admin; the others read.
RECHTEN = {
    PROJECTLEIDER: {
        "thema": dict.fromkeys(("thema", "inspanning", "voortgang", "mijlpaal"), ALLE),
        "dorpen": dict.fromkeys(("kern", "dorpsactie"), ALLE),
        "rapportage": {
            "rapportage": ALLE,
            "opmerking": ("add", "change", "view"),
            "beoordeling": LEZEN,
            "reviewgebeurtenis": ("add", "view"),
            "fase": ALLE,
            "herinnering": LEZEN,
            "budgetjaar": ALLE,
            "besteding": ALLE,
        },
        # The kernteam's side of the network's inbreng: rounds, invitations and the moderation queue.
        "inbreng": {
            "inbrengronde": ALLE,
            "rondevraag": ALLE,
            "uitnodiging": ALLE,
            "bijdrage": ("change", "delete", "view"),
        },
    },
    REDACTIE: {
        **PROGRAMMA_LEZEN,
        "rapportage": {"rapportage": LEZEN, "opmerking": ("add", "view"), "beoordeling": ("add", "change", "view")},
    },
    TREKKER: {
        "thema": {"thema": LEZEN, "inspanning": LEZEN, "voortgang": ("add", "change", "view")},
        "rapportage": {"rapportage": LEZEN},
    },
    COLLEGE: {**PROGRAMMA_LEZEN, "rapportage": {"rapportage": LEZEN}},
}


def sync_role_groups(sender=None, *, using=DEFAULT_DB_ALIAS, verbosity=0, **kwargs) -> None:
    """Makes every role group and gives it exactly the permissions in RECHTEN; safe to run again (post_migrate)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Django creates an app's permissions in that app's own post_migrate; the groups need all of them now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for rol, per_app in RECHTEN.items():
        group, _ = Group.objects.using(using).get_or_create(name=rol)
        wanted = Permission.objects.using(using).none()
        for app_label, per_model in per_app.items():
            codenames = [f"{actie}_{model}" for model, acties in per_model.items() for actie in acties]
            wanted |= Permission.objects.using(using).filter(content_type__app_label=app_label, codename__in=codenames)
        group.permissions.set(wanted)


def get_rollen(user) -> frozenset[str]:
    """The user's roles, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_rollen"):
        namen = set(user.groups.filter(name__in=ALLE_ROLLEN).values_list("name", flat=True))
        if user.is_superuser:
            namen.add(PROJECTLEIDER)
        user._rollen = frozenset(namen)
    return user._rollen


def has_rol(user, *rollen: str) -> bool:
    return bool(get_rollen(user) & set(rollen))


def rol_required(*rollen: str):
    """Anonymous users go to the login page; logged-in users without one of the roles get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_rol(request.user, *rollen):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
