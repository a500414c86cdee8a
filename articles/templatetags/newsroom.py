from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import SNIPPET_START, SNIPPET_STOP

register = template.Library()


@register.filter
def marked(snippet: str) -> str:
    """A search snippet, HTML-escaped, with the matched words in <mark>."""
    html = escape(snippet or "")
    return mark_safe(html.replace(SNIPPET_START, "<mark>").replace(SNIPPET_STOP, "</mark>"))
