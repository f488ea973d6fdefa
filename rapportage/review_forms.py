from __future__ import annotations

from django import forms

from rapportage.forms import VaststellenForm
from rapportage.models import MAX_TEKST, Beoordeling


class OpmerkingForm(forms.Form):
    plek = forms.CharField(required=False, max_length=300)
    parent = forms.IntegerField(required=False, min_value=1)
    tekst = forms.CharField(
        label="Uw opmerking",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": "Schrijf een opmerking.", "max_length": f"Hooguit {MAX_TEKST} tekens."},
    )
    terug = forms.SlugField(required=False, max_length=220)


class OordeelForm(forms.Form):
    oordeel = forms.ChoiceField(
        label="Uw oordeel",
        choices=Beoordeling.Oordeel.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Kies akkoord of wijzigingen nodig."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text="Verplicht bij ‘wijzigingen nodig’: wat moet er anders?",
    )

    @classmethod
    def voor(cls, beoordeling: Beoordeling | None) -> OordeelForm:
        """The form as this redacteur left it in this round (empty when they have not judged yet)."""
        return cls(
            initial={"oordeel": beoordeling.oordeel, "toelichting": beoordeling.toelichting} if beoordeling else None
        )

    def clean(self):
        data = super().clean()
        if data.get("oordeel") == Beoordeling.Oordeel.WIJZIGINGEN_NODIG and not data.get("toelichting", "").strip():
            self.add_error("toelichting", "Licht toe welke wijzigingen nodig zijn.")
        return data


class NotitieForm(forms.Form):
    notitie = forms.CharField(
        label="Notitie voor de redactiegroep",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": "Schrijf een notitie voor de redactiegroep: wat gaat u aanpassen?"},
    )


class TerReviewForm(NotitieForm):
    notitie = forms.CharField(
        label="Notitie voor de redactiegroep",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text="Bijvoorbeeld: waar u vooral naar wilt laten kijken.",
    )


class VaststellenMetReviewForm(VaststellenForm):
    override_reden = forms.CharField(
        label="Reden om toch vast te stellen",
        required=False,
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text="Alleen nodig als de editie niet ter review ligt of nog open opmerkingen heeft. "
        "De reden wordt vastgelegd.",
    )
