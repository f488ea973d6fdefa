from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class CommonConfig(AppConfig):
    """The shared basics every app builds on: roles, rich text, Dutch formatting, the admin base, health."""

    name = "molenlanden.common"
    label = "common"
    verbose_name = "Gedeelde basis"

    def ready(self):
        from molenlanden.common.roles import sync_role_groups

        # After every migrate (and every flush of a test database): the role groups with exactly their permissions.
        # Django sends post_migrate only for apps with models; the groups are auth's, so listen for auth's.
        auth = apps.get_app_config("auth")
        post_migrate.connect(sync_role_groups, sender=auth, dispatch_uid="common.sync_role_groups")
