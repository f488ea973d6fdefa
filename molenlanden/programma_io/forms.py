from django import forms
from django.utils import timezone

from molenlanden.programma_io import bestanden
from thema.models import Thema

DATUM = {
    "widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    "input_formats": ["%Y-%m-%d", "%d-%m-%Y"],
}


class ExportForm(forms.Form):
    peildatum = forms.DateField(
        label="Peildatum",
        required=False,
        help_text="Per inspanning de voortgang op of vóór deze datum. Leeg laten: de nieuwste voortgang.",
        **DATUM,
    )


class BestandForm(forms.Form):
    """An upload that is checked (size, type, macros) before anything reads it."""

    soort = bestanden.XLSX
    bestand = forms.FileField(
        label="Excel-werkmap (.xlsx)", help_text="Een werkmap uit ‘Programma exporteren’, hoogstens 5 MB."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].widget.attrs["accept"] = self.soort.extensie

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        try:
            bestanden.controleer_grootte(upload.size, self.soort)  # before reading it into memory
            inhoud = upload.read()
            bestanden.controleer(inhoud, upload.name, self.soort)
        except bestanden.BestandFout as fout:
            raise forms.ValidationError(str(fout))
        self.inhoud = inhoud
        return upload


class WordForm(BestandForm):
    soort = bestanden.DOCX
    bestand = forms.FileField(label="Word-document (.docx)", help_text="Hoogstens 5 MB.")
    thema = forms.ModelChoiceField(
        label="Thema", queryset=Thema.objects.all(), help_text="De inspanningen komen onder dit thema."
    )
    peildatum = forms.DateField(label="Peildatum", help_text="De datum van het oordeel in het document.", **DATUM)

    field_order = ["bestand", "thema", "peildatum"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["peildatum"].initial = timezone.localdate()
