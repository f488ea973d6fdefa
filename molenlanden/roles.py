"""The four roles of DESIGN.md, as Django groups, and the checks views use."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

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


def rollen_van(user) -> frozenset[str]:
    """The user's roles, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_rollen"):
        namen = set(user.groups.filter(name__in=ALLE_ROLLEN).values_list("name", flat=True))
        if user.is_superuser:
            namen.add(PROJECTLEIDER)
        user._rollen = frozenset(namen)
    return user._rollen


def heeft_rol(user, *rollen: str) -> bool:
    return bool(rollen_van(user) & set(rollen))


def rol_vereist(*rollen: str):
    """Anonymous users go to the login page; logged-in users without one of the roles get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not heeft_rol(request.user, *rollen):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
