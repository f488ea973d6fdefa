"""The browser form in which a trekker delivers (or corrects) one voortgang."""

from __future__ import annotations

from crispy_forms.bootstrap import InlineRadios, PrependedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.utils import timezone

from thema.concurrency import VersieField, versie_van
from thema.kleuren import BETEKENIS, DIMENSIES
from thema.models import Inspanning, Voortgang

OVERNEMEN = [
    *(veld for veld, _ in DIMENSIES),
    *(f"{veld}_toelichting" for veld, _ in DIMENSIES),
    "bijsturing",
    "besteed",
    "prognose",
]
PEILDATUM_HULP = "Bestaat er op deze datum al een voortgang, dan krijgt u die eerst te zien."


class VoortgangForm(forms.ModelForm):
    versie = VersieField()

    class Meta:
        model = Voortgang
        fields = ["peildatum", *OVERNEMEN]
        widgets = {
            "peildatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{veld: forms.RadioSelect for veld, _ in DIMENSIES},
        }

    def __init__(self, *args, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = versie_van(self.instance) if self.instance.pk else ""
        if not nieuw:
            # Correcting an entry keeps its peildatum; another date is another voortgang.
            del self.fields["peildatum"]
        else:
            self.fields["peildatum"].help_text = PEILDATUM_HULP
        for veld, _ in DIMENSIES:
            self.fields[veld].help_text = " ".join(
                f"{kleur.capitalize()}: {uitleg}" for kleur, uitleg in BETEKENIS[veld].items()
            )
            self.fields[f"{veld}_toelichting"].help_text = "Verplicht bij oranje en rood: oorzaak, gevolg, bijsturing."
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.include_media = False  # the page head renders it, with the CSP nonce
        self.helper.layout = Layout(
            *(["peildatum"] if nieuw else []),
            *(
                Div(InlineRadios(veld), Field(f"{veld}_toelichting"), css_class="mb-4 pb-2 border-bottom")
                for veld, _ in DIMENSIES
            ),
            "bijsturing",
            PrependedText("besteed", "€"),
            PrependedText("prognose", "€"),
            "versie",
            Submit("opslaan", "Voortgang opslaan"),
        )

    @classmethod
    def voorgevuld(cls, inspanning: Inspanning, vorige: Voortgang | None, peildatum=None):
        """A new entry that starts from the previous judgement, so only what changed needs typing."""
        initial = {"peildatum": peildatum or timezone.localdate()}
        if vorige is not None:
            initial |= {veld: getattr(vorige, veld) for veld in OVERNEMEN}
        return cls(instance=Voortgang(inspanning=inspanning), initial=initial, nieuw=True)
