"""The API's query parameters, read by one form: the filters the pages offer (story, outlet,
speaker, tag, dates, words), by id or slug, checked without touching the database."""

from django import forms
from django.db.models import Q

from articles.forms import ArticleDateField
from articles.search import published_between


class ApiFilters(forms.Form):
    story = forms.IntegerField(required=False, min_value=1)
    article = forms.IntegerField(required=False, min_value=1)
    statement = forms.IntegerField(required=False, min_value=1)
    outlet = forms.SlugField(required=False)
    speaker = forms.IntegerField(required=False, min_value=1)
    tag = forms.SlugField(required=False)
    quote = forms.IntegerField(required=False, min_value=1)
    q = forms.CharField(required=False, max_length=200, strip=True)
    status = forms.ChoiceField(
        required=False,
        choices=[("", "any"), ("unreviewed", ""), ("confirmed", ""), ("rejected", "")],
    )
    date_from = ArticleDateField()
    date_to = ArticleDateField()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned


def published_in(data: dict, prefix: str = "") -> Q:
    """The date filters on articles' publication (whole days, local time), for `prefix`
    (e.g. "article__") of the filtered model."""
    condition = published_between(data)
    return Q(*[(prefix + key, value) for key, value in condition.children])
