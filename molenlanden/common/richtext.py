"""Formatted text: edited with a WYSIWYG editor, stored as HTML cleaned by an allow-list, of a bounded length.

Cleaning happens on every write (form clean *and* model save), so text that arrives through the admin, a browser
form, the demo data or a script is always safe to render. Links are absolute: the same text is read on the site,
in e-mail and in the PDF, where a relative link would point nowhere.
"""

from __future__ import annotations

import html
from functools import cache

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorField

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
}
# Markup around the words is allowed, but not without bound: a text of N characters has at most this much HTML.
OPMAAK_PER_TEKEN = 4


@cache
def _cleaner(site_url: str) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        url_relative=("rewrite_with_base", f"{site_url}/"),
        link_rel="noopener noreferrer",
    )


def clean_rich_text(html: str | None) -> str:
    if not html:
        return ""
    cleaned = _cleaner(settings.SITE_URL).clean(html).strip()
    # The editor always produces at least one empty paragraph; an empty field should be empty.
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


def html_to_text(rich_text: str | None) -> str:
    """The words of a rich text as one line of plain text (for diffs, messages and checks for emptiness)."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@deconstructible
class MaxTekens:
    """A rich text of at most `limiet` characters of text (what the reader reads), and of bounded markup."""

    def __init__(self, limiet: int):
        self.limiet = limiet

    def __call__(self, value: str | None) -> None:
        tekens = len(html_to_text(value))
        if tekens > self.limiet:
            raise ValidationError(
                f"Deze tekst is {_getal(tekens)} tekens lang; het maximum is {_getal(self.limiet)}. "
                "Maak hem korter: houd het bij de kern.",
                code="max_tekens",
            )
        if len(value or "") > self.limiet * OPMAAK_PER_TEKEN:
            raise ValidationError(
                "Deze tekst bevat meer opmaak dan past bij zijn lengte. Plak hem als platte tekst en maak hem dan op.",
                code="max_opmaak",
            )

    def __eq__(self, other):
        return isinstance(other, MaxTekens) and other.limiet == self.limiet


class RichTextField(ProseEditorField):
    """Rich text with a length that fits its purpose (`max_tekens`), shown with a counter while typing."""

    def __init__(self, *args, max_tekens: int = 2500, **kwargs):
        self.max_tekens = max_tekens
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs["extensions"] = EDITOR_EXTENSIONS
        kwargs["sanitize"] = clean_rich_text
        kwargs["validators"] = [*kwargs.get("validators", []), MaxTekens(max_tekens)]
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)  # derived from max_tekens; migrations keep TextField, which needs neither
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.widget.attrs["data-max-tekens"] = self.max_tekens
        limiet = f"Hoogstens {_getal(self.max_tekens)} tekens."
        field.help_text = f"{field.help_text} {limiet}".strip() if field.help_text else limiet
        return field

    def pre_save(self, model_instance, add):
        value = clean_rich_text(getattr(model_instance, self.attname))
        # Also for writes that skip form validation (scripts, imports): an unbounded text would make every
        # page and PDF of an edition slow for everyone.
        MaxTekens(self.max_tekens)(value)
        setattr(model_instance, self.attname, value)
        return value
