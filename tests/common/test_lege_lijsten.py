"""An empty list is said in a sentence, not as a one-item bullet list ("• Nog niets gebeurd.")."""

import re
from pathlib import Path

from django.conf import settings

LEEG_ALS_OPSOMMING = re.compile(r"{%\s*empty\s*%}\s*<li\b")


def test_no_template_shows_an_empty_list_as_a_bullet():
    templates = [p for d in settings.TEMPLATES[0]["DIRS"] for p in Path(d).rglob("*.html")]
    assert templates
    fouten = [str(p) for p in templates if LEEG_ALS_OPSOMMING.search(p.read_text(encoding="utf-8"))]
    assert fouten == []


def test_the_check_finds_an_empty_list_item():
    assert LEEG_ALS_OPSOMMING.search("{% for x in y %}<li>{{ x }}</li>{% empty %}\n  <li>Niets.</li>{% endfor %}")
