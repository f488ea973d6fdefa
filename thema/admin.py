import datetime

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html_join

from molenlanden.admin_base import ProgrammaAdmin
from molenlanden.formatting import datum, euro
from thema.kleuren import DIMENSIES, Kleur, badge_html
from thema.models import Inspanning, Mijlpaal, Thema, Voortgang


@admin.register(Thema)
class ThemaAdmin(ProgrammaAdmin):
    list_display = ["code", "naam", "portefeuillehouder", "volgorde", "actief"]
    list_display_links = ["code", "naam"]
    list_filter = ["actief"]
    search_fields = ["code", "naam", "korte_omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}


class VoortgangFormSet(BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        # Django's generic "Corrigeer de dubbele gegevens voor peildatum." does not say what is wrong.
        if set(unique_check) == {self.fk.name, "peildatum"}:
            return "Deze inspanning heeft al een voortgang op deze peildatum. Kies een andere peildatum."
        return super().get_unique_error_message(unique_check)


class VoortgangInline(admin.StackedInline):
    model = Voortgang
    formset = VoortgangFormSet
    extra = 0
    ordering = ["-peildatum"]
    readonly_fields = ["ingevoerd_door", "ingevoerd_op"]
    fieldsets = [
        (None, {"fields": ["peildatum"]}),
        ("Inhoud", {"fields": ["inhoud", "inhoud_toelichting"]}),
        ("Planning", {"fields": ["planning", "planning_toelichting"]}),
        ("Financiën", {"fields": ["financien", "financien_toelichting", "besteed", "prognose"]}),
        (None, {"fields": ["bijsturing", "ingevoerd_door", "ingevoerd_op"]}),
    ]


class MijlpaalInline(admin.TabularInline):
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
    title = "geen voortgang sinds"
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
    autocomplete_fields = ["trekkers"]
    inlines = [VoortgangInline, MijlpaalInline]
    fieldsets = [
        (None, {"fields": ["thema", "code", "titel", "omschrijving"]}),
        ("Eigenaarschap", {"fields": ["bestuurlijk_opdrachtgever", "ambtelijk_opdrachtnemer", "trekkers"]}),
        ("Status en geld", {"fields": ["status", "status_sinds", "opgenomen_op", "budget"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).met_laatste_voortgang()

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
    list_display = ["inspanning", "peildatum_nl", "inhoud_badge", "planning_badge", "financien_badge", "ingevoerd_door"]
    list_select_related = ["inspanning", "ingevoerd_door"]
    list_filter = ["peildatum", "inspanning__thema", "inhoud", "planning", "financien"]
    search_fields = ["inspanning__code", "inspanning__titel"]
    autocomplete_fields = ["inspanning"]
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
        if not obj.ingevoerd_door_id:
            obj.ingevoerd_door = request.user
        super().save_model(request, obj, form, change)
