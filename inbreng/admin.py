"""The kernteam's side: rounds with their questions, invitations (typed or from CSV), and the moderation queue."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from inbreng import csv_import, links, services
from inbreng.forms import BesluitForm
from inbreng.models import Bijdrage, InbrengRonde, RondeVraag, Uitnodiging
from molenlanden.common.admin_base import BenoemdeTabularInline, RobuusteChangeList, benoem_datum_en_tijd
from molenlanden.common.formatting import datumtijd


class RobuusteAdmin(admin.ModelAdmin):
    class Media:
        js = ["molenlanden/admin-toegankelijk.js", "molenlanden/teller.js"]

    def get_changelist(self, request, **kwargs):
        return RobuusteChangeList

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        benoem_datum_en_tijd(formfield)
        return formfield


class RondeVraagInline(BenoemdeTabularInline):
    model = RondeVraag
    extra = 1
    autocomplete_fields = []


@admin.register(InbrengRonde)
class InbrengRondeAdmin(RobuusteAdmin):
    list_display = ["titel", "editie", "open_van_nl", "open_tot_nl", "voor_iedereen", "deelnemers", "open_pagina"]
    prepopulated_fields = {"slug": ["titel"]}
    fields = ["titel", "slug", "editie", "inleiding", "open_van", "open_tot", "voor_iedereen"]
    inlines = [RondeVraagInline]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("editie").annotate(_deelnemers=Count("uitnodigingen"))

    @admin.display(description="open van", ordering="open_van")
    def open_van_nl(self, obj):
        return datumtijd(obj.open_van)

    @admin.display(description="open tot", ordering="open_tot")
    def open_tot_nl(self, obj):
        return datumtijd(obj.open_tot)

    @admin.display(description="uitnodigingen en deelnemers")
    def deelnemers(self, obj):
        return obj._deelnemers

    @admin.display(description="pagina")
    def open_pagina(self, obj):
        url = reverse("inbreng:ronde", args=[obj.slug])
        return format_html('<a href="{}">/inbreng/{}/</a>', url, obj.slug)

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/uitnodigingen-inlezen/",
                self.admin_site.admin_view(self.inlezen_view),
                name="inbreng_inbrengronde_inlezen",
            )
        ]
        return eigen + super().get_urls()

    def inlezen_view(self, request, pk):
        ronde = get_object_or_404(InbrengRonde, pk=pk)
        if not self.has_change_permission(request, ronde):
            raise PermissionDenied
        form = CsvForm(request.POST or None, request.FILES or None)
        fouten = []
        if request.method == "POST" and form.is_valid():
            uitnodigingen, fouten = csv_import.lees(ronde, form.cleaned_data["bestand"])
            if not fouten:
                aantal = csv_import.opslaan(uitnodigingen)
                self.message_user(request, f"{aantal} uitnodiging(en) ingelezen. Ze zijn nog niet verstuurd.")
                return redirect(reverse("admin:inbreng_uitnodiging_changelist") + f"?ronde__id__exact={ronde.pk}")
        context = self.admin_site.each_context(request) | {
            "title": f"Uitnodigingen inlezen voor “{ronde}”",
            "ronde": ronde,
            "form": form,
            "fouten": fouten,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/inbreng/inlezen.html", context)


class CsvForm(forms.Form):
    bestand = forms.FileField(
        label="CSV-bestand",
        help_text="Eén regel per uitnodiging met de kolommen naam, email en (niet verplicht) kern. "
        "Gescheiden door komma's of puntkomma's, UTF-8, hoogstens 1 MB.",
    )


@admin.register(Uitnodiging)
class UitnodigingAdmin(RobuusteAdmin):
    list_display = ["__str__", "email", "kern", "ronde", "verstuurd", "herinnerd", "aantal_bijdragen", "ingetrokken"]
    list_filter = ["ronde", "zelf_aangemeld"]
    search_fields = ["naam", "email"]
    fields = ["ronde", "naam", "email", "kern", "ingetrokken_op"]
    actions = ["versturen", "herinneren", "intrekken"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).select_related("ronde", "kern").annotate(_bijdragen=Count("bijdragen"))

    @admin.display(description="verstuurd")
    def verstuurd(self, obj):
        return datumtijd(obj.verstuurd_op) if obj.verstuurd_op else "Nee"

    @admin.display(description="herinnerd")
    def herinnerd(self, obj):
        return datumtijd(obj.herinnerd_op) if obj.herinnerd_op else "Nee"

    @admin.display(description="bijdragen", ordering="_bijdragen")
    def aantal_bijdragen(self, obj):
        return obj._bijdragen

    @admin.display(description="ingetrokken")
    def ingetrokken(self, obj):
        return "Ja" if obj.ingetrokken_op else "Nee"

    @admin.action(description="Uitnodiging per e-mail versturen")
    def versturen(self, request, queryset):
        aantal = services.uitnodigingen_versturen(queryset)
        self.message_user(request, f"{aantal} uitnodiging(en) verstuurd.")

    @admin.action(description="Herinneren wie nog niets heeft ingestuurd")
    def herinneren(self, request, queryset):
        aantal = services.herinneren(queryset)
        self.message_user(request, f"{aantal} herinnering(en) verstuurd aan wie in een open ronde nog niets instuurde.")

    @admin.action(description="Link intrekken")
    def intrekken(self, request, queryset):
        aantal = queryset.filter(ingetrokken_op__isnull=True).update(ingetrokken_op=timezone.now())
        self.message_user(request, f"{aantal} link(s) ingetrokken: ze werken niet meer.")


@admin.register(Bijdrage)
class BijdrageAdmin(RobuusteAdmin):
    """The moderation queue: per thema (filter), by kern, soort and status; decide on each, or accept many."""

    list_display = ["kop_kort", "soort", "thema", "kernen_lijst", "status", "ingediend", "citaat", "besluiten"]
    list_filter = ["status", "soort", "thema", ("kernen", admin.RelatedFieldListFilter), "ronde"]
    search_fields = ["titel", "goed", "beter", "doel"]
    actions = ["accepteren", "maak_inspanning_actie"]
    readonly_fields = [
        "ronde", "soort", "thema", "inspanning", "kernen_lijst", "hele_gemeente", "goed", "beter", "titel", "doel",
        "wie_kan_helpen", "contact", "status", "samengevoegd_in", "reden", "antwoord", "herkomst", "ingediend",
    ]  # fmt: skip
    fields = [*readonly_fields[:-2], "citaat", "herkomst", "ingediend"]
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("thema", "inspanning", "ronde", "inspanning_gemaakt", "samengevoegd_in")
            .prefetch_related("kernen")
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description="bijdrage")
    def kop_kort(self, obj):
        tekst = obj.titel or obj.goed or obj.beter or "(gewist)"
        return tekst[:80] + ("…" if len(tekst) > 80 else "")

    @admin.display(description="kernen")
    def kernen_lijst(self, obj):
        namen = [k.naam for k in obj.kernen.all()]
        if obj.hele_gemeente:
            namen.insert(0, "hele gemeente")
        return ", ".join(namen) or "—"

    @admin.display(description="ingediend", ordering="ingediend_op")
    def ingediend(self, obj):
        return datumtijd(obj.ingediend_op)

    @admin.display(description="contactgegevens")
    def contact(self, obj):
        if not obj.toestemming_contact:
            return "Geen: de deelnemer wilde geen contact."
        return ", ".join(x for x in (obj.naam, obj.organisatie, obj.email) if x)

    @admin.display(description="inspanning gemaakt")
    def herkomst(self, obj):
        if obj.inspanning_gemaakt_id:
            url = reverse("admin:thema_inspanning_change", args=[obj.inspanning_gemaakt_id])
            return format_html('<a href="{}">{}</a>', url, obj.inspanning_gemaakt)
        return "—"

    @admin.display(description="besluit")
    def besluiten(self, obj):
        url = reverse("admin:inbreng_bijdrage_besluit", args=[obj.pk])
        return format_html(
            '<a href="{}">Besluiten<span class="visually-hidden"> over bijdrage {}</span></a>', url, obj.pk
        )

    def get_urls(self):
        eigen = [
            path("<int:pk>/besluit/", self.admin_site.admin_view(self.besluit_view), name="inbreng_bijdrage_besluit"),
            path(
                "<int:pk>/maak-inspanning/",
                self.admin_site.admin_view(self.maak_inspanning_view),
                name="inbreng_bijdrage_maak_inspanning",
            ),
        ]
        return eigen + super().get_urls()

    @admin.action(description="Geselecteerde bijdragen accepteren")
    def accepteren(self, request, queryset):
        geweigerd = 0
        for bijdrage in queryset.filter(status=Bijdrage.Status.NIEUW):
            try:
                services.accepteren(bijdrage)
            except ValidationError:
                geweigerd += 1
        self.message_user(
            request, "Geaccepteerd: wat nieuw was. Alleen geaccepteerde bijdragen kunnen openbaar worden."
        )

    @admin.action(description="Inspanning maken van het geselecteerde voorstel")
    def maak_inspanning_actie(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Kies precies één geaccepteerd voorstel.", messages.WARNING)
            return None
        return self._maak_inspanning(request, queryset.get())

    def maak_inspanning_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:inbreng_bijdrage_besluit", pk=pk)
        return self._maak_inspanning(request, get_object_or_404(Bijdrage, pk=pk))

    def _maak_inspanning(self, request, bijdrage):
        if not (self.has_change_permission(request, bijdrage) and request.user.has_perm("thema.add_inspanning")):
            raise PermissionDenied
        try:
            inspanning = services.maak_inspanning(bijdrage)
        except ValidationError as fout:
            self.message_user(request, " ".join(fout.messages), messages.ERROR)
            return redirect("admin:inbreng_bijdrage_besluit", pk=bijdrage.pk)
        self.message_user(request, f"Inspanning {inspanning.code} “{inspanning.titel}” is gemaakt uit dit voorstel.")
        return redirect("admin:thema_inspanning_change", inspanning.pk)

    def besluit_view(self, request, pk):
        bijdrage = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_change_permission(request, bijdrage):
            raise PermissionDenied
        form = BesluitForm(request.POST or None, bijdrage=bijdrage)
        if request.method == "POST" and form.is_valid():
            try:
                _besluiten(bijdrage, form.cleaned_data)
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    form.add_error("tekst" if veld in ("reden", "antwoord") else _veld(form, veld), meldingen)
            else:
                self.message_user(request, f"Besluit vastgelegd: {bijdrage.get_status_display().lower()}.")
                return redirect(reverse("admin:inbreng_bijdrage_changelist") + f"?thema__id__exact={bijdrage.thema_id}")
        context = self.admin_site.each_context(request) | {
            "title": "Besluiten over een bijdrage",
            "bijdrage": bijdrage,
            "form": form,
            "opts": self.opts,
            "original": bijdrage,
            "link_leesbaar": links.leesbaar_tot(bijdrage.ronde),
        }
        return TemplateResponse(request, "admin/inbreng/besluit.html", context)


def _veld(form, veld):
    return veld if veld in form.fields else None


def _besluiten(bijdrage: Bijdrage, data: dict) -> None:
    besluit, tekst = data["besluit"], data["tekst"]
    if besluit == "geaccepteerd":
        services.accepteren(bijdrage)
    elif besluit == "afgewezen":
        services.afwijzen(bijdrage, tekst)
    elif besluit == "beantwoord":
        services.beantwoorden(bijdrage, tekst)
    elif data["samengevoegd_in"] is None:
        raise ValidationError({"samengevoegd_in": "Kies de bijdrage waarin deze wordt samengevoegd."})
    else:
        services.samenvoegen(bijdrage, data["samengevoegd_in"], tekst)
