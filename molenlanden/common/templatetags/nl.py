from django import template

from molenlanden.common import formatting

register = template.Library()

register.filter("euro", formatting.euro)
register.filter("datum", formatting.datum)
register.filter("datumtijd", formatting.datumtijd)
