from django import forms
from django.utils import timezone


class VaststellenForm(forms.Form):
    vastgesteld_op = forms.DateField(
        label="Vastgesteld op",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="De datum van het besluit.",
    )
    vastgesteld_door = forms.CharField(
        label="Vastgesteld door",
        max_length=200,
        initial="het college van burgemeester en wethouders",
        help_text="Zoals het in een zin staat: ‘vastgesteld door het college van burgemeester en wethouders’.",
    )
    besluitnummer = forms.CharField(label="Besluitnummer", max_length=100, required=False)
    openbaar = forms.BooleanField(
        label="Openbaar maken", required=False, help_text="Iedereen kan een openbare, vastgestelde editie lezen."
    )

    def clean_vastgesteld_op(self):
        datum = self.cleaned_data["vastgesteld_op"]
        if datum > timezone.localdate():
            raise forms.ValidationError("Een editie kan niet in de toekomst zijn vastgesteld.")
        return datum
