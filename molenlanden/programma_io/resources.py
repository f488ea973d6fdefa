"""One django-import-export resource per sheet of the programme workbook, with Dutch column names.

Rows are matched on their code (or name): importing the same file twice changes nothing. Every row is validated
as the admin validates it (full_clean: the model's own rules, such as a toelichting for oranje and rood).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import slugify
from import_export import fields, instance_loaders, resources

from dorpen.models import Dorpsactie, Kern
from molenlanden.programma_io import widgets as w
from rapportage.builder import voortgang_per_inspanning
from thema.kleuren import Kleur
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang

THEMA_WAAR = "kies een code uit het blad Thema's of uit het beheer"


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


class ThemaResource(MetSlug, ProgrammaResource):
    blad = "Thema's"
    code = veld("code", "Code")
    naam = veld("naam", "Naam")
    slug = veld("slug", "Slug")
    korte_omschrijving = veld("korte_omschrijving", "Korte omschrijving")
    context = veld("context", "Context", w.OpgemaakteTekstWidget())
    doel = veld("doel", "Doel", w.OpgemaakteTekstWidget())
    portefeuillehouder = veld("portefeuillehouder", "Portefeuillehouder")
    volgorde = veld("volgorde", "Volgorde", w.GetalWidget("volgorde"), default=0)
    actief = veld("actief", "Actief", w.JaNeeWidget("actief"), default=True)

    class Meta(ProgrammaResource.Meta):
        model = Thema
        fields = ("code", "naam", "slug", "korte_omschrijving", "context", "doel", "portefeuillehouder",
                  "volgorde", "actief")  # fmt: skip
        import_id_fields = ("code",)

    def get_queryset(self):
        return Thema.objects.order_by("volgorde", "code")


VOORTGANG = "_voortgang__"
ZONDER_PEILDATUM = "vul de peildatum in: een oordeel over inhoud, planning en financiën hoort bij een peildatum"


class InspanningResource(ProgrammaResource):
    """An inspanning with its voortgang at one peildatum in the same row: the round a projectleider works in."""

    blad = "Inspanningen"
    bedrag_kolommen = ("Budget", "Besteed", "Prognose")
    thema = veld("thema", "Thema", w.CodeWidget(Thema, "code", "thema", THEMA_WAAR))
    code = veld("code", "Code")
    titel = veld("titel", "Titel")
    omschrijving = veld("omschrijving", "Omschrijving", w.OpgemaakteTekstWidget())
    bestuurlijk_opdrachtgever = veld("bestuurlijk_opdrachtgever", "Bestuurlijk opdrachtgever")
    ambtelijk_opdrachtnemer = veld("ambtelijk_opdrachtnemer", "Ambtelijk opdrachtnemer")
    budget = veld("budget", "Budget", w.BedragWidget())
    status = veld("status", "Status", w.KeuzeWidget(Inspanning.Status.choices, "status", leeg="lopend"))
    status_sinds = veld("status_sinds", "Status sinds", w.DatumWidget())
    opgenomen_op = veld("opgenomen_op", "Opgenomen op", w.DatumWidget())
    peildatum = veld(VOORTGANG + "peildatum", "Peildatum", w.DatumWidget())
    inhoud = veld(VOORTGANG + "inhoud", "Inhoud", w.KleurWidget())
    inhoud_toelichting = veld(VOORTGANG + "inhoud_toelichting", "Toelichting inhoud", w.OpgemaakteTekstWidget())
    planning = veld(VOORTGANG + "planning", "Planning", w.KleurWidget())
    planning_toelichting = veld(VOORTGANG + "planning_toelichting", "Toelichting planning", w.OpgemaakteTekstWidget())
    financien = veld(VOORTGANG + "financien", "Financiën", w.KleurWidget())
    financien_toelichting = veld(
        VOORTGANG + "financien_toelichting", "Toelichting financiën", w.OpgemaakteTekstWidget()
    )
    bijsturing = veld(VOORTGANG + "bijsturing", "Bijsturing", w.OpgemaakteTekstWidget())
    besteed = veld(VOORTGANG + "besteed", "Besteed", w.BedragWidget())
    prognose = veld(VOORTGANG + "prognose", "Prognose", w.BedragWidget())

    class Meta(ProgrammaResource.Meta):
        model = Inspanning
        fields = (
            "thema", "code", "titel", "omschrijving", "bestuurlijk_opdrachtgever", "ambtelijk_opdrachtnemer",
            "budget", "status", "status_sinds", "opgenomen_op", "peildatum", "inhoud", "inhoud_toelichting",
            "planning", "planning_toelichting", "financien", "financien_toelichting", "bijsturing", "besteed",
            "prognose",
        )  # fmt: skip
        import_id_fields = ("code",)

    def __init__(self, *, peildatum=None, **kwargs):
        super().__init__(**kwargs)
        self.peildatum = peildatum

    def voortgang_kolommen(self) -> list[str]:
        return [f.column_name for f in self.fields.values() if f.attribute.startswith(VOORTGANG)]

    # --- export: the latest voortgang on or before the peildatum, read in one query for all inspanningen

    def get_queryset(self):
        return Inspanning.objects.select_related("thema").order_by("thema__volgorde", "thema__code", "code")

    def export(self, queryset=None, **kwargs):
        inspanningen = list(queryset if queryset is not None else self.get_queryset())
        peildatum = self.peildatum or datetime.date.max
        huidig, _ = voortgang_per_inspanning([i.pk for i in inspanningen], peildatum, None)
        for inspanning in inspanningen:
            inspanning._voortgang = huidig.get(inspanning.pk)
        return super().export(inspanningen, **kwargs)

    # --- import: the voortgang of the row's peildatum is created or changed, never another one

    def _heeft_voortgang(self, row) -> bool:
        return any(w.tekst(row.get(kolom)) for kolom in self.voortgang_kolommen())

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._voortgang_in_rij = self._heeft_voortgang(row)
        try:
            peildatum = w.DatumWidget().clean(row.get("Peildatum"))
        except ValueError:
            peildatum = None
        bestaand = self._bestaande_voortgang().get((instance.pk, peildatum)) if peildatum and not new else None
        instance._voortgang = bestaand or Voortgang(peildatum=peildatum)

    def _bestaande_voortgang(self) -> dict:
        """All voortgang by (inspanning, peildatum), read once per import instead of once per row."""
        if not hasattr(self, "_voortgang_per_dag"):
            self._voortgang_per_dag = {(v.inspanning_id, v.peildatum): v for v in Voortgang.objects.all()}
        return self._voortgang_per_dag

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute.startswith(VOORTGANG) and not instance._voortgang_in_rij:
            return  # an inspanning without voortgang in this file: its voortgang stays as it is
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def waarden(self, instance, *, voor: bool = False) -> dict:
        waarden = super().waarden(instance)
        if not instance._voortgang_in_rij:
            for kolom in self.voortgang_kolommen():
                del waarden[kolom]
        elif voor and instance._voortgang.pk is None:
            # A new voortgang: the preview shows its values as new, not as a change from grijs.
            waarden.update(dict.fromkeys(self.voortgang_kolommen()))
        return waarden

    def eigen_wijzigingen(self, instance) -> bool:
        voortgang = set(self.voortgang_kolommen())
        return any(kolom not in voortgang for kolom, _, _ in getattr(instance, "_wijzigingen", [("", 0, 1)]))

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        voortgang = instance._voortgang
        if instance._voortgang_in_rij:
            al_fout = {k.removeprefix(VOORTGANG) for k in errors}
            if voortgang.peildatum is None and "peildatum" not in al_fout:
                errors[VOORTGANG + "peildatum"] = [ValidationError(ZONDER_PEILDATUM)]
                al_fout.add("peildatum")
            try:
                voortgang.full_clean(exclude=[*al_fout, "inspanning", "ingevoerd_door"], validate_unique=False)
            except ValidationError as e:
                for sleutel, fouten in e.error_dict.items():
                    errors.setdefault(VOORTGANG + sleutel, []).extend(fouten)
        super().validate_instance(instance, errors, validate_unique)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if instance._voortgang_in_rij and instance._voortgang.pk is None:
            return False  # a new voortgang, even one that is all grijs
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_save_instance(self, instance, row, **kwargs):
        voortgang = instance._voortgang
        if not instance._voortgang_in_rij:
            return
        voortgang_kolommen = set(self.voortgang_kolommen())
        if voortgang.pk and not any(kolom in voortgang_kolommen for kolom, _, _ in instance._wijzigingen):
            return
        voortgang.inspanning = instance
        if voortgang.pk is None and self.door is not None:
            voortgang.ingevoerd_door = self.door
        voortgang._change_reason = self.reden
        if self.door is not None:
            voortgang._history_user = self.door
        voortgang.save()


class MijlpaalResource(ProgrammaResource):
    blad = "Mijlpalen"
    inspanning = veld(
        "inspanning",
        "Inspanning",
        w.CodeWidget(Inspanning, "code", "inspanning", "kies een code uit het blad Inspanningen of uit het beheer"),
    )
    omschrijving = veld("omschrijving", "Omschrijving")
    geplande_datum = veld("geplande_datum", "Geplande datum", w.DatumWidget())
    gereed_op = veld("gereed_op", "Gereed op", w.DatumWidget())

    class Meta(ProgrammaResource.Meta):
        model = Mijlpaal
        fields = ("inspanning", "omschrijving", "geplande_datum", "gereed_op")
        import_id_fields = ("inspanning", "omschrijving")

    def get_queryset(self):
        return Mijlpaal.objects.select_related("inspanning").order_by(
            "inspanning__code", "geplande_datum", "omschrijving", "pk"
        )


class KernResource(MetSlug, ProgrammaResource):
    blad = "Kernen"
    naam = veld("naam", "Naam")
    slug = veld("slug", "Slug")
    soort = veld("soort", "Soort", w.KeuzeWidget(Kern.Soort.choices, "soort", leeg="dorp"))
    inwoners = veld("inwoners", "Inwoners", w.GetalWidget("inwoners"))
    latitude = veld("latitude", "Breedtegraad", w.CoordinaatWidget("breedtegraad"))
    longitude = veld("longitude", "Lengtegraad", w.CoordinaatWidget("lengtegraad"))
    coordinaat_geschat = veld(
        "coordinaat_geschat", "Coördinaat geschat", w.JaNeeWidget("coördinaat geschat"), default=False
    )
    voormalige_gemeente = veld("voormalige_gemeente", "Voormalige gemeente")
    dorpsoverleg = veld("dorpsoverleg", "Dorpsoverleg")
    verbinder = veld("verbinder", "Verbinder")
    gebiedswethouder = veld("gebiedswethouder", "Gebiedswethouder")

    class Meta(ProgrammaResource.Meta):
        model = Kern
        fields = ("naam", "slug", "soort", "inwoners", "latitude", "longitude", "coordinaat_geschat",
                  "voormalige_gemeente", "dorpsoverleg", "verbinder", "gebiedswethouder")  # fmt: skip
        import_id_fields = ("naam",)

    def get_queryset(self):
        return Kern.objects.order_by("naam")


class DorpsactieResource(ProgrammaResource):
    blad = "Dorpsacties"
    bedrag_kolommen = ("Bijdrage",)
    uitsluiten_bij_controle = ("foto", "foto_alt")  # photos stay in the admin; the workbook carries no files
    kern = veld("kern", "Kern", w.CodeWidget(Kern, "naam", "kern", "kies een naam uit het blad Kernen"))
    titel = veld("titel", "Titel")
    omschrijving = veld("omschrijving", "Omschrijving", w.OpgemaakteTekstWidget())
    thema = veld("thema", "Thema", w.CodeWidget(Thema, "code", "thema", THEMA_WAAR))
    trekker = veld("trekker", "Trekker")
    status = veld("status", "Status", w.KeuzeWidget(Dorpsactie.Status.choices, "status", leeg="idee"))
    voortgang = veld("voortgang", "Voortgang", w.KleurWidget())
    bijdrage = veld("bijdrage", "Bijdrage", w.BedragWidget())
    gestart_op = veld("gestart_op", "Gestart op", w.DatumWidget())
    afgerond_op = veld("afgerond_op", "Afgerond op", w.DatumWidget())

    class Meta(ProgrammaResource.Meta):
        model = Dorpsactie
        fields = ("kern", "titel", "omschrijving", "thema", "trekker", "status", "voortgang", "bijdrage",
                  "gestart_op", "afgerond_op")  # fmt: skip
        import_id_fields = ("kern", "titel")

    def get_queryset(self):
        return Dorpsactie.objects.select_related("kern", "thema").order_by("kern__naam", "titel", "pk")


# The order of the sheets in the workbook, and the order in which they are imported (what rows refer to first).
EXPORT_VOLGORDE = (ThemaResource, InspanningResource, MijlpaalResource, KernResource, DorpsactieResource)
IMPORT_VOLGORDE = (ThemaResource, KernResource, InspanningResource, MijlpaalResource, DorpsactieResource)
