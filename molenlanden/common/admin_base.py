from js_asset import Media
from simple_history.admin import SimpleHistoryAdmin


class ProgrammaAdmin(SimpleHistoryAdmin):
    """Base for our admins: change history, the stoplight styles, and a CSP nonce for editor scripts."""

    class Media:
        css = {"all": ["molenlanden/stoplicht.css"]}
        js = ["molenlanden/admin-toegankelijk.js", "molenlanden/editor-toegankelijk.js"]

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich-text editor needs an inline import map; our CSP allows it only with the request's nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


def ja_nee(waarde: bool) -> str:
    """Yes/no as a word: Django's boolean icons carry alt="True"/"False", English to a screen reader."""
    return "Ja" if waarde else "Nee"
