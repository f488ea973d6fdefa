from django.db import migrations

from molenlanden.migrations import _rechten

RECHTEN = {
    "projectleider": {"rapportage": {"rapportage": ("add", "change", "delete", "view")}},
    "redactie": {"rapportage": {"rapportage": ("view",)}},
    "college": {"rapportage": {"rapportage": ("view",)}},
    "trekker": {"rapportage": {"rapportage": ("view",)}},
}


def geef_rechten(apps, schema_editor):
    _rechten.geef(apps, RECHTEN)


class Migration(migrations.Migration):
    dependencies = [("molenlanden", "0001_groepen"), ("rapportage", "0001_initial")]
    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
