import datetime

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html_join
from simple_history.models import to_historic

from molenlanden.common.admin_base import BenoemdeTabularInline, ProgrammaAdmin, ja_nee
from molenlanden.common.formatting import datum, euro
from molenlanden.common.roles import PROJECTLEIDER, TREKKER
from thema.concurrency import VersieField, conflict_message, loaded_values, lock_inspanningen, versie_van
from thema.kleuren import DIMENSIES, Kleur, badge_html
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang


@admin.register(Thema)
class ThemaAdmin(ProgrammaAdmin):
    list_display = ["code", "naam", "portefeuillehouder", "volgorde", "actief_nl"]
    list_display_links = ["code", "naam"]
    list_filter = ["actief"]
    search_fields = ["code", "naam", "korte_omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}

    @admin.display(description="actief", ordering="actief")
    def actief_nl(self, obj):
        return ja_nee(obj.actief)


class VoortgangAdminForm(forms.ModelForm):
    """Carries the version of the voortgang it was loaded from, and refuses to overwrite a newer one.

    The check runs in clean(): the admin validates the form and all inlines before it writes anything, in the
    same transaction as the writes, so the locks taken here hold until the save is done.
    """

    versie = VersieField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if to_historic(self.instance):
            # Reverting to an old version (django-simple-history): the page shows it over the current row.
            huidige = Voortgang.objects.filter(pk=self.instance.pk).first()
        else:
            huidige = self.instance if self.instance.pk else None
        self.fields["versie"].initial = versie_van(huidige)
        if self.is_bound and self.instance.pk:
            # "Changed" means changed by this person since loading, not compared with whatever the row holds now:
            # an inline form someone left alone is then not written back over a newer voortgang.
            geladen = loaded_values(
                self.instance, self.data.get(self.add_prefix("versie")), self._meta.fields, self._meta.exclude
            )
            self.initial.update(geladen or {})

    def clean(self):
        cleaned_data = super().clean()
        self.verouderd = None
        if self.instance.pk and not self.has_changed():
            return cleaned_data  # nothing of this form is written
        inspanning = cleaned_data.get("inspanning")
        lock_inspanningen([self.instance.inspanning_id, inspanning and inspanning.pk])
        if not self.instance.pk:
            return cleaned_data
        huidige = Voortgang.objects.select_for_update().filter(pk=self.instance.pk).first()
        if huidige is not None and versie_van(huidige) != cleaned_data.get("versie"):
            self.verouderd = huidige
            # The re-shown form carries the current version: saving it again is a deliberate replacement.
            self.data = self.data.copy()
            self.data[self.add_prefix("versie")] = versie_van(huidige)
            raise ValidationError(conflict_message(huidige), code="verouderd")
        return cleaned_data


class VoortgangFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # A formset ignores the errors of forms marked for deletion: refuse a stale deletion here.
        for form in self.forms:
            if self._should_delete_form(form) and getattr(form, "verouderd", None):
                raise ValidationError(
                    f"Niet verwijderd: de voortgang per {datum(form.verouderd.peildatum)} is intussen door een "
                    "ander opgeslagen (zie de melding daar). Slaat u opnieuw op, dan wordt die alsnog verwijderd.",
                    code="verouderd",
                )

    def get_unique_error_message(self, unique_check):
        # Django's generic "Corrigeer de dubbele gegevens voor peildatum." does not say what is wrong.
        if set(unique_check) == {self.fk.name, "peildatum"}:
            return "Deze inspanning heeft al een voortgang op deze peildatum. Kies een andere peildatum."
        return super().get_unique_error_message(unique_check)


class VoortgangInline(admin.StackedInline):
    model = Voortgang
    form = VoortgangAdminForm
    formset = VoortgangFormSet
    extra = 0
    ordering = ["-peildatum"]
    readonly_fields = ["ingevoerd_door", "ingevoerd_op"]
    fieldsets = [
        (None, {"fields": ["peildatum"]}),
        ("Inhoud", {"fields": ["inhoud", "inhoud_toelichting"]}),
        ("Planning", {"fields": ["planning", "planning_toelichting"]}),
        ("Financiën", {"fields": ["financien", "financien_toelichting", "besteed", "prognose"]}),
        (None, {"fields": ["bijsturing", "ingevoerd_door", "ingevoerd_op", "versie"]}),
    ]


class MijlpaalInline(BenoemdeTabularInline):
    model = Mijlpaal
    extra = 0


def _dimensie_filter(dimensie, label):
    class KleurFilter(admin.SimpleListFilter):
        title = f"{label} (laatste voortgang)"
        parameter_name = f"laatste_{dimensie}"

        def lookups(self, request, model_admin):
            return Kleur.choices

        def queryset(self, request, queryset):
            if self.value() in Kleur.values:
                return queryset.filter(**{f"laatste_{dimensie}": self.value()})
            return queryset

    return KleurFilter


class GeenVoortgangSindsFilter(admin.SimpleListFilter):
    title = "zonder voortgang sinds"
    parameter_name = "geen_voortgang_sinds"

    def lookups(self, request, model_admin):
        peildata = Voortgang.objects.order_by("-peildatum").values_list("peildatum", flat=True).distinct()[:8]
        return [(d.isoformat(), datum(d)) for d in peildata]

    def queryset(self, request, queryset):
        try:
            sinds = datetime.date.fromisoformat(self.value() or "")
        except ValueError:
            return queryset
        recent = Voortgang.objects.filter(inspanning=OuterRef("pk"), peildatum__gte=sinds)
        return queryset.filter(~Exists(recent))


@admin.register(Inspanning)
class InspanningAdmin(ProgrammaAdmin):
    list_display = ["code", "titel", "thema", "status", "laatste_peildatum_nl", "stoplichten", "budget_nl"]
    list_display_links = ["code", "titel"]
    list_select_related = ["thema"]
    list_filter = [
        "thema",
        "status",
        *(_dimensie_filter(veld, label) for veld, label in DIMENSIES),
        GeenVoortgangSindsFilter,
    ]
    search_fields = ["code", "titel", "omschrijving"]
    inlines = [VoortgangInline, MijlpaalInline]
    fieldsets = [
        (None, {"fields": ["thema", "code", "titel", "omschrijving"]}),
        ("Eigenaarschap", {"fields": ["bestuurlijk_opdrachtgever", "ambtelijk_opdrachtnemer", "trekkers"]}),
        ("Status en geld", {"fields": ["status", "status_sinds", "opgenomen_op", "budget"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).met_laatste_voortgang()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "trekkers":
            # Checkboxes of the people who can deliver voortgang: plain HTML, no search widget to learn.
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(groups__name__in=[TREKKER, PROJECTLEIDER], is_active=True)
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="laatste peildatum", ordering="laatste_peildatum")
    def laatste_peildatum_nl(self, obj):
        return datum(obj.laatste_peildatum) or "—"

    @admin.display(description="inhoud · planning · financiën")
    def stoplichten(self, obj):
        return format_html_join(
            " ", "{}", ((badge_html(getattr(obj, f"laatste_{veld}"), veld),) for veld, _ in DIMENSIES)
        )

    @admin.display(description="budget", ordering="budget")
    def budget_nl(self, obj):
        return euro(obj.budget)

    def save_formset(self, request, form, formset, change):
        for voortgang in formset.save(commit=False):
            if isinstance(voortgang, Voortgang) and not voortgang.ingevoerd_door_id:
                voortgang.ingevoerd_door = request.user
            voortgang.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Voortgang)
class VoortgangAdmin(ProgrammaAdmin):
    form = VoortgangAdminForm
    list_display = ["inspanning", "peildatum_nl", "inhoud_badge", "planning_badge", "financien_badge", "ingevoerd_door"]
    list_select_related = ["inspanning", "ingevoerd_door"]
    list_filter = ["peildatum", "inspanning__thema", "inhoud", "planning", "financien"]
    search_fields = ["inspanning__code", "inspanning__titel"]
    date_hierarchy = "peildatum"
    fieldsets = VoortgangInline.fieldsets[:1] + [(None, {"fields": ["inspanning"]})] + VoortgangInline.fieldsets[1:]
    readonly_fields = ["ingevoerd_door", "ingevoerd_op"]

    @admin.display(description="peildatum", ordering="peildatum")
    def peildatum_nl(self, obj):
        return datum(obj.peildatum)

    @admin.display(description="inhoud", ordering="inhoud")
    def inhoud_badge(self, obj):
        return badge_html(obj.inhoud)

    @admin.display(description="planning", ordering="planning")
    def planning_badge(self, obj):
        return badge_html(obj.planning)

    @admin.display(description="financiën", ordering="financien")
    def financien_badge(self, obj):
        return badge_html(obj.financien)

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            return  # nothing changed since loading: saving would only put back the version the form was loaded from
        if not obj.ingevoerd_door_id:
            obj.ingevoerd_door = request.user
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, *args, **kwargs):
        # Reverting validates and saves like the change form, so it needs the same transaction around its locks.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, *args, **kwargs)
