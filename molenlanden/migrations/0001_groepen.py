"""The role groups and their model permissions (DESIGN.md, "Roles")."""

from django.db import migrations

from molenlanden.migrations import _rechten

ALLE = ("add", "change", "delete", "view")
RECHTEN = {
    "projectleider": {
        "thema": {m: ALLE for m in ("thema", "inspanning", "voortgang", "mijlpaal")},
        "dorpen": {m: ALLE for m in ("kern", "dorpsactie")},
    },
    "trekker": {
        "thema": {"thema": ("view",), "inspanning": ("view",), "voortgang": ("add", "change", "view")},
    },
    "redactie": {
        "thema": {m: ("view",) for m in ("thema", "inspanning", "voortgang", "mijlpaal")},
        "dorpen": {m: ("view",) for m in ("kern", "dorpsactie")},
    },
    "college": {
        "thema": {m: ("view",) for m in ("thema", "inspanning", "voortgang", "mijlpaal")},
        "dorpen": {m: ("view",) for m in ("kern", "dorpsactie")},
    },
}


def maak_groepen(apps, schema_editor):
    _rechten.geef(apps, RECHTEN)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("thema", "0001_initial"),
        ("dorpen", "0001_initial"),
    ]
    operations = [migrations.RunPython(maak_groepen, migrations.RunPython.noop)]
