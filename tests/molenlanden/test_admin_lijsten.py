"""The admin lists write some of their cells themselves (a long list rendered a template per row): the same HTML."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import format_html

from dorpen.models import Dorpsactie
from thema.kleuren import DIMENSIE_LABELS, Kleur, badge_html
from thema.models import Inspanning, Voortgang

LIJSTEN = [Inspanning, Voortgang, Dorpsactie]


@pytest.mark.parametrize("model", LIJSTEN)
def test_the_action_checkbox_is_djangos_own(demo, model):
    model_admin = admin.site._registry[model]
    for obj in model.objects.all()[:3]:
        assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)


@pytest.mark.parametrize("model", LIJSTEN)
def test_each_row_links_to_its_own_change_page(demo, gebruikers, model):
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = gebruikers["projectleider"]
    changelist = model_admin.get_changelist_instance(request)
    for obj in model.objects.all()[:3]:
        verwacht = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
        assert changelist.url_for_result(obj) == verwacht


def test_badges_carry_colour_and_word():
    assert badge_html(None) == '<span class="stoplicht stoplicht-leeg">geen oordeel</span>'
    assert badge_html("") == badge_html(None)
    for kleur in Kleur:
        assert badge_html(kleur.value) == f'<span class="stoplicht stoplicht-{kleur.value}">{kleur.label}</span>'
        for dimensie, label in DIMENSIE_LABELS.items():
            assert badge_html(kleur, dimensie) == format_html(
                '<span class="stoplicht stoplicht-{}"><span class="visually-hidden">{}: </span>{}</span>',
                kleur.value,
                label,
                kleur.label,
            )
    with pytest.raises(ValueError):
        badge_html("paars")
