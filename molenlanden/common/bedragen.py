"""Amounts in euro as the municipality types and reads them: "146.830,00" in a form, never negative.

Django shows a decimal as "146830.00" and, with the Dutch locale, as "146830,00" without grouping; a civil servant
copies "€ 146.830,-" from a spreadsheet. This field takes all of those and shows "146.830,00".
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats, translation
from django.utils.text import capfirst

from molenlanden.common.formatting import parse_euro

NIET_NEGATIEF = MinValueValidator(0, "Een bedrag kan niet negatief zijn.")


class EuroFormField(forms.DecimalField):
    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        self.widget.attrs.pop("step", None)

    def to_python(self, value):
        if isinstance(value, Decimal) or value in self.empty_values:
            return super().to_python(value)
        try:
            return parse_euro(value)  # the one reader of amounts: forms, Excel and Word alike
        except ValueError as fout:
            raise ValidationError(f"{capfirst(str(fout))}.", code="ongeldig_bedrag") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            with translation.override("nl"):
                return formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
        return value

    def widget_attrs(self, widget):
        # DecimalField adds step="0.01" for number inputs only; a text input takes the Dutch notation.
        return {}


class EuroField(models.DecimalField):
    """An amount in euro: two decimals, never negative, typed and shown in Dutch notation."""

    default_validators = [NIET_NEGATIEF]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EuroFormField, **kwargs})
