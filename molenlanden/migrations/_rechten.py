"""Shared by the migrations that give the role groups their model permissions."""

from django.contrib.auth.management import create_permissions


def geef(apps, rechten):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groep, per_app in rechten.items():
        group, _ = Group.objects.get_or_create(name=groep)
        for app_label, per_model in per_app.items():
            for model, acties in per_model.items():
                codenames = [f"{actie}_{model}" for actie in acties]
                group.permissions.add(
                    *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
                )
