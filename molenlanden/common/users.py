"""How the application names a person, and who made a change in the history."""

from __future__ import annotations

ONBEKEND = "onbekend (systeem)"
# The change reason the demo loader records on every history row it makes: shown as how, not as who.
DEMO_REDEN = "Demogegevens geladen"


def display_name(user, onbekend: str = ONBEKEND) -> str:
    """The full name, else the username; `onbekend` when there is no user (a script or a deleted account)."""
    if user is None:
        return onbekend
    return user.get_full_name() or user.get_username()


def door_wie(user, reden: str | None = "") -> str:
    """Who made a change, as a phrase after the verb: "door Petra de Leeuw", "bij het laden van de demogegevens"."""
    if user is not None:
        return f"door {display_name(user)}"
    if reden == DEMO_REDEN:
        return "bij het laden van de demogegevens"
    return "automatisch, niet door een persoon"
