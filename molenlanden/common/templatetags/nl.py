from django import template

from molenlanden.common import formatting
from molenlanden.common.users import display_name, door_wie

register = template.Library()

register.filter("euro", formatting.euro)
register.filter("bedrag", formatting.bedrag)
register.filter("datum", formatting.datum)
register.filter("datumtijd", formatting.datumtijd)
register.filter("iso_tijdstip", formatting.iso_tijdstip)
register.filter("naam", display_name)
register.simple_tag(door_wie, name="door_wie")
register.filter("bestandsgrootte", formatting.bestandsgrootte)
