from django.contrib import admin

from dorpen.models import Dorpsactie, Kern
from molenlanden.common.admin_base import ProgrammaAdmin
from molenlanden.common.formatting import euro
from thema.kleuren import badge_html


@admin.register(Kern)
class KernAdmin(ProgrammaAdmin):
    list_display = ["naam", "soort", "inwoners", "voormalige_gemeente", "aantal_acties"]
    list_filter = ["soort", "voormalige_gemeente"]
    search_fields = ["naam", "dorpsoverleg", "verbinder"]
    prepopulated_fields = {"slug": ["naam"]}

    def get_queryset(self, request):
        return super().get_queryset(request).met_aantal_acties()

    @admin.display(description="dorpsacties", ordering="aantal_acties")
    def aantal_acties(self, obj):
        return obj.aantal_acties


@admin.register(Dorpsactie)
class DorpsactieAdmin(ProgrammaAdmin):
    list_display = ["titel", "kern", "thema", "status", "voortgang_badge", "bijdrage_nl"]
    list_select_related = ["kern", "thema"]
    list_filter = ["status", "voortgang", "thema", "kern"]
    search_fields = ["titel", "omschrijving", "kern__naam", "trekker"]
    fieldsets = [
        (None, {"fields": ["kern", "titel", "omschrijving", "thema", "trekker"]}),
        ("Voortgang", {"fields": ["status", "voortgang", "bijdrage", "gestart_op", "afgerond_op"]}),
        ("Foto", {"fields": ["foto", "foto_alt"]}),
    ]

    @admin.display(description="voortgang", ordering="voortgang")
    def voortgang_badge(self, obj):
        return badge_html(obj.voortgang)

    @admin.display(description="bijdrage", ordering="bijdrage")
    def bijdrage_nl(self, obj):
        return euro(obj.bijdrage)
