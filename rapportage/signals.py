"""What a concept shows changed: schedule its PDF again (rapportage/renders.py), once per transaction."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from rapportage import renders
from rapportage.selectors import inhoud_modellen


def _editie_gewijzigd(sender, instance, **kwargs):
    if not instance.is_vastgesteld and not kwargs.get("raw"):
        renders.plannen_na_wijziging()


def connect() -> None:
    from rapportage.models import Rapportage

    for label in inhoud_modellen():
        model = apps.get_model(label)
        post_save.connect(renders.plannen_na_wijziging, sender=model, dispatch_uid=f"pdf-{label}-save")
        post_delete.connect(renders.plannen_na_wijziging, sender=model, dispatch_uid=f"pdf-{label}-delete")
    post_save.connect(_editie_gewijzigd, sender=Rapportage, dispatch_uid="pdf-editie")
