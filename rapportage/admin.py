from types import SimpleNamespace

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from molenlanden.common.admin_base import BenoemdeTabularInline, ProgrammaAdmin, ja_nee
from molenlanden.common.formatting import datum, datumtijd, euro
from molenlanden.common.roles import PROJECTLEIDER, has_rol
from molenlanden.common.users import display_name
from rapportage import planning
from rapportage.models import Besteding, Budgetjaar, EditieVastgesteld, Fase, Herinnering, Rapportage
from rapportage.review_forms import VaststellenMetReviewForm
from rapportage.services import editie_opslaan, vaststellen


class FaseFormSet(BaseInlineFormSet):
    """Checks the phases together (rapportage/planning.py) and puts each error beside the phase it is about."""

    def clean(self):
        super().clean()
        fasen = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if self._should_delete_form(form) or not data.get("soort") or not data.get("begindatum"):
                continue
            fasen.append(
                SimpleNamespace(
                    soort=data["soort"], begindatum=data["begindatum"], einddatum=data.get("einddatum"), form=form
                )
            )
        for fase, veld, melding in planning.check_volgorde(fasen):
            fase.form.add_error(veld, melding)

    def get_unique_error_message(self, unique_check):
        if set(unique_check) == {self.fk.name, "soort"}:
            return "Elke fase staat één keer in de planning: deze fase staat er twee keer in."
        return super().get_unique_error_message(unique_check)


class FaseInline(BenoemdeTabularInline):
    model = Fase
    formset = FaseFormSet
    fields = ["soort", "begindatum", "einddatum", "afgerond_op", "toelichting"]
    extra = 0

    def rij_naam(self, form, index):
        soort = form.instance.soort or form.initial.get("soort")
        return planning.label(soort).lower() if soort else super().rij_naam(form, index)

    def get_extra(self, request, obj=None, **kwargs):
        # An empty row for every phase not yet planned, its kind already chosen (see get_formset_kwargs).
        return len(_ongeplande_soorten(obj))


def _ongeplande_soorten(editie) -> list[str]:
    gepland = set(editie.fasen.values_list("soort", flat=True)) if editie and editie.pk else set()
    return [soort for soort in planning.VOLGORDE if soort not in gepland]


@admin.register(Rapportage)
class RapportageAdmin(ProgrammaAdmin):
    list_display = ["titel", "soort", "peildatum_nl", "status", "vastgesteld_op_nl", "openbaar_nl"]
    list_filter = ["soort", "status", "openbaar"]
    search_fields = ["titel", "besluitnummer"]
    # Only while an edition is a concept (get_prepopulated_fields); the history view reads the attribute directly.
    prepopulated_fields = {}
    readonly_fields = ["status", "vastgesteld_op", "vastgesteld_door", "besluitnummer", "pdf_sha256"]
    fields = [
        "titel", "slug", "soort", "peildatum", "vorige_editie", "inleiding", "openbaar", "planning_in_bijlage",
        "status", "vastgesteld_op", "vastgesteld_door", "besluitnummer", "pdf_sha256",
    ]  # fmt: skip
    inlines = [FaseInline]
    actions = ["vaststellen_actie"]
    change_form_template = "admin/rapportage/rapportage/change_form.html"

    @admin.display(description="peildatum", ordering="peildatum")
    def peildatum_nl(self, obj):
        return datum(obj.peildatum)

    @admin.display(description="openbaar", ordering="openbaar")
    def openbaar_nl(self, obj):
        return ja_nee(obj.openbaar)

    @admin.display(description="vastgesteld op", ordering="vastgesteld_op")
    def vastgesteld_op_nl(self, obj):
        return datum(obj.vastgesteld_op) or "—"

    def save_model(self, request, obj, form, change):
        editie_opslaan(obj)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, FaseInline):
            kwargs["initial"] = [{"soort": soort} for soort in _ongeplande_soorten(obj)]
        return kwargs

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_vastgesteld:
            # Adopted is frozen for ever: only whether it is public may still change.
            return [f for f in self.fields if f != "openbaar"]
        return self.readonly_fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj and obj.is_vastgesteld else {"slug": ["titel"]}

    def has_delete_permission(self, request, obj=None):
        if obj and obj.is_vastgesteld:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _, naam, omschrijving = actions["delete_selected"]
            actions["delete_selected"] = (self._delete_selected_concepts, naam, omschrijving)
        return actions

    def _delete_selected_concepts(self, modeladmin, request, queryset):
        """Django's "delete selected", which first refuses, with a message, a selection with an adopted edition."""
        vastgesteld = sorted(str(e) for e in queryset.vastgesteld())
        if vastgesteld:
            self.message_user(request, f"Niet verwijderd: {_vastgesteld_zin(vastgesteld)}", messages.ERROR)
            return None
        return delete_selected(modeladmin, request, queryset)

    def revert_disabled(self, request, obj=None):
        return _is_vastgesteld(obj) or super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An old version of an adopted edition can be viewed, never put back: that would undo the adoption."""
        if request.method == "POST" and Rapportage.objects.filter(pk=_pk(object_id)).vastgesteld().exists():
            self.message_user(request, f"Niet teruggezet. {EditieVastgesteld().messages[0]}", messages.ERROR)
            return redirect("admin:rapportage_rapportage_change", object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/vaststellen/",
                self.admin_site.admin_view(self.vaststellen_view),
                name="rapportage_rapportage_vaststellen",
            )
        ]
        return eigen + super().get_urls()

    @admin.action(description="Geselecteerde editie vaststellen")
    def vaststellen_actie(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Kies precies één editie om vast te stellen.", messages.WARNING)
            return None
        return redirect("admin:rapportage_rapportage_vaststellen", pk=queryset.get().pk)

    def vaststellen_view(self, request, pk):
        editie = get_object_or_404(Rapportage, pk=pk)
        if not (has_rol(request.user, PROJECTLEIDER) and self.has_change_permission(request, editie)):
            raise PermissionDenied
        wijzig_url = reverse("admin:rapportage_rapportage_change", args=[pk])
        if editie.is_vastgesteld:
            self.message_user(request, "Deze editie is al vastgesteld.", messages.WARNING)
            return redirect(wijzig_url)
        form = VaststellenMetReviewForm(request.POST or None, initial={"vastgesteld_op": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                editie = vaststellen(editie, **form.cleaned_data, door=request.user)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                if editie.is_vastgesteld:
                    melding = f"“{editie}” is vastgesteld. De PDF is opgeslagen en verandert niet meer."
                else:
                    melding = (
                        f"De PDF van “{editie}” wordt gemaakt. Zodra hij is opgeslagen, is de editie vastgesteld; "
                        "de pagina van de editie laat zien hoe ver het is."
                    )
                self.message_user(request, melding)
                return redirect(wijzig_url)
        context = self.admin_site.each_context(request) | {
            "title": f"“{editie}” vaststellen",
            "editie": editie,
            "form": form,
            "open_opmerkingen": editie.opmerkingen.open().count(),
            "opts": self.opts,
            "original": editie,
        }
        return TemplateResponse(request, "admin/rapportage/rapportage/vaststellen.html", context)


def _pk(object_id) -> int | None:
    try:
        return int(object_id)
    except (TypeError, ValueError):
        return None


def _is_vastgesteld(obj) -> bool:
    """Whether this edition is adopted now (obj may be an old version from the history, with its old status)."""
    return obj is not None and Rapportage.objects.filter(pk=obj.pk).vastgesteld().exists()


def _vastgesteld_zin(titels: list[str]) -> str:
    namen = ", ".join(f"‘{t}’" for t in titels)
    if len(titels) == 1:
        return f"{namen} is vastgesteld en verandert nooit meer."
    return f"{namen} zijn vastgesteld en veranderen nooit meer."


class BestedingInline(BenoemdeTabularInline):
    model = Besteding
    fields = ["datum", "omschrijving", "bedrag"]
    extra = 1


@admin.register(Budgetjaar)
class BudgetjaarAdmin(ProgrammaAdmin):
    """The monitor's own budget: per year the budget and the spendings; the remainder is computed."""

    list_display = ["jaar", "budget_nl", "besteed_nl", "restant_nl", "toelichting"]
    fields = ["jaar", "bedrag", "toelichting", "stand"]
    readonly_fields = ["stand"]
    inlines = [BestedingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).met_besteed()

    @admin.display(description="budget", ordering="bedrag")
    def budget_nl(self, obj):
        return euro(obj.bedrag)

    @admin.display(description="besteed", ordering="besteed")
    def besteed_nl(self, obj):
        return euro(obj.besteed)

    @admin.display(description="restant")
    def restant_nl(self, obj):
        restant = obj.bedrag - obj.besteed
        return f"{euro(restant)} (overschreden)" if restant < 0 else euro(restant)

    @admin.display(description="stand")
    def stand(self, obj):
        if obj is None or obj.pk is None:
            return "Wordt berekend na opslaan."
        return f"Besteed {euro(obj.besteed)} van {euro(obj.bedrag)}; restant {self.restant_nl(obj)}."


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    """What `python manage.py herinneringen` sent: read only, the record that keeps it from sending twice."""

    list_display = ["verstuurd_op_nl", "ontvanger_nl", "editie", "moment", "inspanningen"]
    list_filter = ["moment", "fase__rapportage"]
    list_select_related = ["ontvanger", "fase__rapportage"]

    @admin.display(description="verstuurd op", ordering="verstuurd_op")
    def verstuurd_op_nl(self, obj):
        return datumtijd(obj.verstuurd_op)

    @admin.display(description="ontvanger")
    def ontvanger_nl(self, obj):
        return display_name(obj.ontvanger)

    @admin.display(description="editie", ordering="fase__rapportage__peildatum")
    def editie(self, obj):
        return obj.fase.rapportage

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
