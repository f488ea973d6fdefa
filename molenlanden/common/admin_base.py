from types import SimpleNamespace

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.html import format_html
from django.utils.translation import gettext
from js_asset import Media
from simple_history.admin import SimpleHistoryAdmin


class RobuusteChangeList(ChangeList):
    """A list whose filters in the address can be anything a person or a crawler types.

    Django already answers a wrong filter with the plain list and "?e=1"; a value it cannot even turn into a date or
    a number (a year of fourteen digits) raised instead. Treat those the same.
    """

    def get_queryset(self, request, exclude_parameters=None):
        try:
            return super().get_queryset(request, exclude_parameters)
        except (ValueError, OverflowError, ValidationError) as fout:
            raise IncorrectLookupParameters(fout) from fout

    def url_for_result(self, result):
        # reverse() for every row is a tenth of a long list's time: the addresses differ only in the primary key.
        pk = getattr(result, self.pk_attname)
        if not isinstance(pk, int):
            return super().url_for_result(result)
        if not hasattr(self, "_wijzig_url"):
            self._wijzig_url = super().url_for_result(SimpleNamespace(**{self.pk_attname: _PK_PLEK}))
        return self._wijzig_url.replace(str(_PK_PLEK), str(pk), 1)


_PK_PLEK = 987654321987654321  # a number no address of the admin holds otherwise


class ProgrammaAdminSite(admin.AdminSite):
    """The admin site, in Dutch words, whose every list (ours and the libraries') takes malformed filters calmly."""

    site_header = "Voortgangsmonitor Samenlevingsprogramma"
    site_title = "Voortgangsmonitor"
    index_title = "Beheer van het programma"

    def register(self, model_or_iterable, admin_class=None, **options):
        super().register(model_or_iterable, admin_class, **options)
        for model_admin in self._registry.values():
            if type(model_admin).get_changelist is admin.ModelAdmin.get_changelist:
                model_admin.get_changelist = _robuuste_changelist


def _robuuste_changelist(request, **kwargs):
    return RobuusteChangeList


class ProgrammaAdminConfig(AdminConfig):
    default_site = "molenlanden.common.admin_base.ProgrammaAdminSite"


def _getal_of_404(waarde: str) -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        raise Http404("Deze versie bestaat niet.") from None


class ProgrammaAdmin(SimpleHistoryAdmin):
    """Base for our admins: change history, the stoplight styles, and a CSP nonce for editor scripts."""

    class Media:
        css = {"all": ["molenlanden/stoplicht.css"]}
        js = [
            "molenlanden/admin-toegankelijk.js",
            "molenlanden/editor-toegankelijk.js",
            "molenlanden/teller.js",
        ]

    def get_changelist(self, request, **kwargs):
        return RobuusteChangeList

    def action_checkbox(self, obj):
        # Django's own renders a form widget's template for every row (a third of a long list's time): the same
        # HTML written directly (a test compares the two).
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    # An address like .../abc/history/ or .../history/abc/ is a page that does not exist, not a server error.
    def history_view(self, request, object_id, extra_context=None):
        self._pk_of_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._pk_of_404(object_id)
        _getal_of_404(version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _pk_of_404(self, object_id) -> None:
        try:
            self.model._meta.pk.to_python(object_id)
        except ValidationError:
            raise Http404("Dit object bestaat niet.") from None

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich-text editor needs an inline import map; our CSP allows it only with the request's nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


def benoem_datum_en_tijd(formfield) -> None:
    """The admin's date-and-time field is two inputs under one label: each gets a name of its own (WCAG 4.1.2)."""
    widgets = getattr(getattr(formfield, "widget", None), "widgets", None)
    if widgets and len(widgets) == 2:
        label = str(formfield.label)
        widgets[0].attrs["aria-label"] = f"{label}: datum"
        widgets[1].attrs["aria-label"] = f"{label}: tijd"


def ja_nee(waarde: bool) -> str:
    """Yes/no as a word: Django's boolean icons carry alt="True"/"False", English to a screen reader."""
    return "Ja" if waarde else "Nee"


class BenoemdeTabularInline(admin.TabularInline):
    """A tabular inline whose every field has a name of its own (WCAG 1.3.1, 4.1.2).

    Django's table shows the labels only as column headers, which are not tied to the inputs: a screen reader
    announces an unnamed date field. Each field gets "label (row)" as its accessible name, the row named by
    `rij_naam`, also in the empty row that "add another" copies.
    """

    def rij_naam(self, form, index: int | None) -> str:
        if index is None:
            return f"nieuwe {self.model._meta.verbose_name}"
        return f"{self.model._meta.verbose_name} {index + 1}"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        inline = self

        class BenoemdeFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                rij = inline.rij_naam(form, index)
                for field in form.fields.values():
                    if not field.widget.is_hidden:
                        # A select of a related model sits inside the admin's wrapper: name the select itself.
                        widget = getattr(field.widget, "widget", field.widget)
                        widget.attrs["aria-label"] = f"{str(field.label).rstrip('?')} ({rij})"

        return BenoemdeFormSet
