"""How the application names a person."""

from __future__ import annotations

ONBEKEND = "onbekend (systeem)"


def display_name(user, onbekend: str = ONBEKEND) -> str:
    """The full name, else the username; `onbekend` when there is no user (a script or a deleted account)."""
    if user is None:
        return onbekend
    return user.get_full_name() or user.get_username()
