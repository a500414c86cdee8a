from django import forms

from articles.models import Person, Source


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        # Empty files get the same per-file report as every other bad file.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, (list, tuple)) and data:
            return [single_clean(item, initial) for item in data]
        return [single_clean(data or None, initial)]


class OutletField(forms.CharField):
    """An outlet by name: a known one from the list, or a new name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"list": "known-outlets", "autocomplete": "off"})


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        help_text="Plain text (.txt) or web pages (.html), one or many, or a .zip of them.",
    )
    outlet = OutletField(
        label="Outlet (optional)",
        help_text="Leave empty to detect it from each article's text.",
    )
    published = forms.DateField(
        label="Publication date (optional)",
        required=False,
        help_text="Used only for articles whose text gives no date.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class AssignOutletForm(forms.Form):
    outlet = OutletField(label="Outlet", required=True)


def known_outlet_names():
    return list(Source.objects.values_list("name", flat=True))


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False, strip=True)
    outlet = forms.ModelChoiceField(
        label="Outlet",
        queryset=Source.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Any outlet",
    )
    speaker = forms.ModelChoiceField(
        label="Speaker",
        queryset=Person.objects.filter(quotes__isnull=False).distinct().order_by("name"),
        required=False,
        empty_label="Anyone",
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned
