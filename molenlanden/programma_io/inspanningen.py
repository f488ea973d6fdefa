"""The Inspanningen sheet: an inspanning with its voortgang at one peildatum in the same row."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

from molenlanden.programma_io import widgets as w
from molenlanden.programma_io.resource_basis import ProgrammaResource, veld
from rapportage.builder import voortgang_per_inspanning
from thema.models import Inspanning, Thema, Voortgang

THEMA_WAAR = "kies een code uit het blad Thema's of uit het beheer"

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
