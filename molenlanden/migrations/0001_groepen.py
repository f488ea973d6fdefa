"""The role groups and their model permissions (DESIGN.md, "Roles")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groep, per_app in RECHTEN.items():
        group, _ = Group.objects.get_or_create(name=groep)
        for app_label, per_model in per_app.items():
            for model, acties in per_model.items():
                codenames = [f"{actie}_{model}" for actie in acties]
                group.permissions.add(
                    *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("thema", "0001_initial"),
        ("dorpen", "0001_initial"),
    ]
    operations = [migrations.RunPython(maak_groepen, migrations.RunPython.noop)]
