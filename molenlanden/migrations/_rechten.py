"""Shared by the migrations that give the role groups their model permissions (and by the tests' herstel_rollen)."""

from django.contrib.auth.management import create_permissions


def geef(apps, rechten):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    koppel(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), rechten)


def koppel(Group, Permission, rechten):
    """Creates each group (if needed) and adds its permissions; safe to run again."""
    for groep, per_app in rechten.items():
        group, _ = Group.objects.get_or_create(name=groep)
        for app_label, per_model in per_app.items():
            for model, acties in per_model.items():
                codenames = [f"{actie}_{model}" for actie in acties]
                group.permissions.add(
                    *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
                )
