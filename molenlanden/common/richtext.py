"""Formatted text: edited with a WYSIWYG editor, stored as HTML cleaned by an allow-list.

Cleaning happens on every write (form clean *and* model save), so text that arrives through
the admin, a browser form, the demo data or a script is always safe to render.
"""

from __future__ import annotations

import html

import nh3
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

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
)


def clean_rich_text(html: str | None) -> str:
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # The editor always produces at least one empty paragraph; an empty field should be empty.
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned


def html_to_text(rich_text: str | None) -> str:
    """The words of a rich text as one line of plain text (for diffs, messages and checks for emptiness)."""
    return " ".join(html.unescape(strip_tags(rich_text or "")).split())


class RichTextField(ProseEditorField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs["extensions"] = EDITOR_EXTENSIONS
        kwargs["sanitize"] = clean_rich_text
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = clean_rich_text(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
