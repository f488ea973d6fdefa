from django import template

from molenlanden.common import formatting
from molenlanden.common.users import display_name

register = template.Library()

register.filter("euro", formatting.euro)
register.filter("datum", formatting.datum)
register.filter("datumtijd", formatting.datumtijd)
register.filter("naam", display_name)
