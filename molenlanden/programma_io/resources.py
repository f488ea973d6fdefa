"""One django-import-export resource per sheet of the programme workbook, with Dutch column names.

Rows are matched on their code (or name): importing the same file twice changes nothing. Every row is validated
as the admin validates it (full_clean: the model's own rules, such as a toelichting for oranje and rood).
"""

from __future__ import annotations

from dorpen.models import Dorpsactie, Kern
from molenlanden.programma_io import widgets as w
from molenlanden.programma_io.inspanningen import THEMA_WAAR, InspanningResource
from molenlanden.programma_io.resource_basis import MetSlug, ProgrammaResource, veld
from thema.models import Inspanning, Mijlpaal, Thema

__all__ = ["EXPORT_VOLGORDE", "IMPORT_VOLGORDE", "InspanningResource"]


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
