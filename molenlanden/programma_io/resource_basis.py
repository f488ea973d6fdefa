"""What every sheet's resource shares: Dutch columns, matching on the key, validating like the admin, and
remembering what changed for the preview."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import slugify
from import_export import fields, instance_loaders, resources

from molenlanden.programma_io import widgets as w
from thema.kleuren import Kleur


def veld(attribute, kolom, widget=None, **kwargs) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=kolom, widget=widget or w.TekstWidget(), **kwargs)


class SleutelLoader(instance_loaders.ModelInstanceLoader):
    """Finds the existing row by its key columns, from one query per sheet; an unreadable key is left to the
    field's own row error."""

    DUBBEL = object()

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        velden = [resource.fields[naam].attribute for naam in resource.get_import_id_fields()]
        self.bestaand = {}
        for obj in self.get_queryset():
            sleutel = tuple(_sleutel(getattr(obj, f"{v}_id", None) or getattr(obj, v)) for v in velden)
            self.bestaand[sleutel] = self.DUBBEL if sleutel in self.bestaand else obj

    def get_instance(self, row):
        try:
            waarden = [self.resource.fields[naam].clean(row) for naam in self.resource.get_import_id_fields()]
        except ValueError:
            return None
        if any(v in (None, "") for v in waarden):
            return None
        gevonden = self.bestaand.get(tuple(_sleutel(v) for v in waarden))
        if gevonden is self.DUBBEL:
            raise ValidationError(
                f"er staan al meerdere {self.resource._meta.model._meta.verbose_name_plural} met deze "
                f"{' en '.join(self.resource.sleutel_kolommen()).lower()} in het programma; maak ze in het beheer "
                "eerst verschillend"
            )
        return gevonden


def _sleutel(waarde):
    return waarde.pk if hasattr(waarde, "pk") else waarde


class ProgrammaResource(resources.ModelResource):
    """What every sheet shares: matching on the key, validating like the admin, remembering what changed."""

    blad = ""
    bedrag_kolommen: tuple[str, ...] = ()
    uitsluiten_bij_controle: tuple[str, ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        skip_html_diff = True  # its HTML carries inline styles; the preview shows its own list of changes
        store_instance = True
        instance_loader_class = SleutelLoader

    def __init__(self, *, door=None, reden: str = "", **kwargs):
        super().__init__(**kwargs)
        self.door = door
        self.reden = reden

    # --- what the workbook and the preview need to know about a sheet

    def kolommen(self) -> list[str]:
        return self.get_export_headers()

    def sleutel_kolommen(self) -> list[str]:
        return [self.fields[naam].column_name for naam in self.get_import_id_fields()]

    def keuzes(self) -> dict[str, list[str]]:
        """The columns with a fixed list of words, for the drop-down lists in Excel."""
        keuzes = {}
        for field in self.get_export_fields():
            widget = field.widget
            if isinstance(widget, w.KeuzeWidget):
                keuzes[field.column_name] = [str(label) for label in widget.labels.values()]
            elif isinstance(widget, w.KleurWidget):
                keuzes[field.column_name] = list(Kleur.labels)
            elif isinstance(widget, w.JaNeeWidget):
                keuzes[field.column_name] = ["Ja", "Nee"]
        return keuzes

    def kolom_van(self, sleutel: str) -> str:
        """The column an error is about: errors are keyed by attribute or by model field name."""
        if sleutel == NON_FIELD_ERRORS:
            return ""
        for field in self.fields.values():
            if sleutel in (field.attribute, field.attribute.split("__")[-1] if field.attribute else None):
                return field.column_name
        return sleutel

    # --- import

    def waarden(self, instance, *, voor: bool = False) -> dict:
        """The row's values as the workbook shows them; `voor`: as they were before this import."""
        return {field.column_name: field.export(instance) for field in self.get_import_fields()}

    def import_instance(self, instance, row, **kwargs):
        voor = self.waarden(instance, voor=True)
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            na = self.waarden(instance)
            instance._wijzigingen = [(kolom, voor[kolom], na[kolom]) for kolom in na if voor[kolom] != na[kolom]]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        errors.update(dict.fromkeys(self.uitsluiten_bij_controle, []))  # fields this sheet does not carry
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as e:
            echte = {k: v for k, v in e.error_dict.items() if v}
            if echte:
                raise ValidationError(echte)

    def eigen_wijzigingen(self, instance) -> bool:
        return bool(getattr(instance, "_wijzigingen", True))

    def do_instance_save(self, instance, is_create):
        if not is_create and not self.eigen_wijzigingen(instance):
            return  # only a related row changed: saving this one would add an empty history record
        instance._change_reason = self.reden
        if self.door is not None:
            instance._history_user = self.door
        super().do_instance_save(instance, is_create)


class MetSlug:
    """A sheet with a slug column: left empty, the slug is made from the name."""

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if not instance.slug and instance.naam:
            instance.slug = slugify(instance.naam)
