from __future__ import annotations

from django import forms

from dorpen.models import Kern
from inbreng.models import ANTWOORD, Bijdrage
from thema.models import Inspanning, Thema

HONINGPOT = "website"  # a field people never see; bots fill it in


class BijdrageForm(forms.ModelForm):
    """A reaction or a proposal, in plain text; contact details only with the participant's consent."""

    website = forms.CharField(required=False, label="Laat dit veld leeg")

    class Meta:
        model = Bijdrage
        fields = [
            "thema", "inspanning", "goed", "beter", "titel", "doel", "hele_gemeente", "kernen",
            "wie_kan_helpen", "toestemming_contact", "naam", "organisatie", "email",
        ]  # fmt: skip
        labels = {
            "goed": "Wat gaat goed?",
            "beter": "Wat kan beter?",
            "titel": "Titel van uw voorstel",
            "doel": "Wat moet het opleveren?",
            "hele_gemeente": "Voor de hele gemeente",
            "wie_kan_helpen": "Wie kan helpen? (niet verplicht)",
            "toestemming_contact": "Ja, u mag contact met mij opnemen over mijn bijdrage",
            "naam": "Naam (niet verplicht)",
            "organisatie": "Organisatie (niet verplicht)",
            "email": "E-mailadres",
        }
        help_texts = {
            "goed": "Hoogstens 1000 tekens.",
            "beter": "Hoogstens 1000 tekens.",
            "doel": "Hoogstens 1000 tekens.",
            "wie_kan_helpen": "Bijvoorbeeld uw eigen organisatie. Hoogstens 500 tekens.",
        }
        widgets = {
            "goed": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "beter": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "doel": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
            "wie_kan_helpen": forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
            "kernen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, soort: str, themas, inspanningen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.soort = soort
        self.fields["thema"].queryset = themas
        self.fields["thema"].empty_label = None
        self.fields["kernen"].queryset = Kern.objects.all()
        self.fields["kernen"].label = (
            "Voor welke kern(en)?" if soort == "voorstel" else "Over welke kern? (niet verplicht)"
        )
        keep = {"website", "toestemming_contact", "naam", "organisatie", "email", "kernen"}
        if soort == Bijdrage.Soort.VOORSTEL:
            keep |= {"thema", "titel", "doel", "hele_gemeente", "wie_kan_helpen"}
            self.fields["thema"].label = "Onder welk thema past het?"
        else:
            keep |= {"goed", "beter"}
            keep |= {"inspanning"} if soort == Bijdrage.Soort.INSPANNING else {"thema"}
        for naam in set(self.fields) - keep:
            del self.fields[naam]
        if "inspanning" in self.fields:
            self.fields["inspanning"].queryset = inspanningen
            self.fields["inspanning"].required = True
            self.fields["inspanning"].empty_label = "Kies een inspanning"
        if "thema" in self.fields:
            self.fields["thema"].label_from_instance = lambda t: f"{t.code}. {t.naam}"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean(self):
        data = super().clean()
        if self.instance.soort == Bijdrage.Soort.VOORSTEL and not data.get("kernen") and not data.get("hele_gemeente"):
            self.add_error("kernen", "Kies één of meer kernen, of ‘voor de hele gemeente’.")
        return data

    def is_bot(self) -> bool:
        return bool(self.data.get(HONINGPOT))


class BesluitForm(forms.Form):
    """The kernteam's decision on one contribution."""

    BESLUITEN = [
        ("geaccepteerd", "Accepteren"),
        ("samengevoegd", "Samenvoegen met een andere bijdrage"),
        ("beantwoord", "Beantwoorden"),
        ("afgewezen", "Afwijzen met een reden"),
    ]
    besluit = forms.ChoiceField(label="Besluit", choices=BESLUITEN, widget=forms.RadioSelect)
    tekst = forms.CharField(
        label="Reden of antwoord (de deelnemer ziet dit)",
        required=False,
        max_length=ANTWOORD,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Nodig bij afwijzen en beantwoorden; bij samenvoegen mag het.",
    )
    samengevoegd_in = forms.ModelChoiceField(
        label="Samenvoegen in", queryset=Bijdrage.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args, bijdrage: Bijdrage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["samengevoegd_in"].queryset = (
            Bijdrage.objects.filter(ronde_id=bijdrage.ronde_id, thema_id=bijdrage.thema_id)
            .exclude(pk=bijdrage.pk)
            .exclude(status=Bijdrage.Status.SAMENGEVOEGD)
            .select_related("thema", "inspanning")
        )


def inspanningen_voor(themas) -> object:
    return Inspanning.objects.filter(thema__in=themas, status=Inspanning.Status.LOPEND).select_related("thema")


def themas() -> object:
    return Thema.objects.actief()
