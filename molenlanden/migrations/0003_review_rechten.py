from django.db import migrations

from molenlanden.migrations import _rechten

RECHTEN = {
    "projectleider": {
        "rapportage": {
            "opmerking": ("add", "change", "view"),
            "beoordeling": ("view",),
            "reviewgebeurtenis": ("add", "view"),
        }
    },
    "redactie": {
        "rapportage": {
            "opmerking": ("add", "view"),
            "beoordeling": ("add", "change", "view"),
        }
    },
}


def geef_rechten(apps, schema_editor):
    _rechten.geef(apps, RECHTEN)


class Migration(migrations.Migration):
    dependencies = [("molenlanden", "0002_rapportage_rechten"), ("rapportage", "0002_review")]
    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
