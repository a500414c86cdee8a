from django import forms

from articles.models import Source


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
