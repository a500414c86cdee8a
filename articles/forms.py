import datetime

from django import forms
from django.utils import timezone
from django.utils.text import slugify

from articles.archives import UploadRefused, check_request_size, limits_from_settings
from articles.models import Article, Outlet, Person, Quote, Story, Tag


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


# The years articles are dated in (those ingest/dates.py reads from a text). Outside them a
# day's arithmetic (a search's end day, a story's date window) overflows Python's dates.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


class ArticleDateField(forms.DateField):
    """A date an article can have: from EARLIEST_DATE to `latest` (a date, or a function
    giving one)."""

    # ISO, the only value a date input takes (the locale's format leaves it empty).
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, *, latest=LATEST_DATE, latest_label="", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.latest = latest
        self.latest_label = latest_label

    def validate(self, value):
        super().validate(value)
        latest = self.latest() if callable(self.latest) else self.latest
        if value is not None and not EARLIEST_DATE <= value <= latest:
            label = self.latest_label or f"{latest.day} {latest:%B %Y}"
            raise forms.ValidationError(
                f"Give a date from {EARLIEST_DATE.day} {EARLIEST_DATE:%B %Y} to {label}.",
                code="out_of_range",
            )


def tomorrow() -> datetime.date:
    # A day's grace: the uploader's today may be tomorrow here.
    return timezone.localdate() + datetime.timedelta(days=1)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        help_text="Plain text (.txt) or web pages (.html), one or many, or a .zip of them.",
    )
    outlet = OutletField(
        label="Outlet (optional)",
        help_text="Leave empty to detect it from each article's text.",
    )
    published = ArticleDateField(
        label="Publication date (optional)",
        help_text="Used only for articles whose text gives no date.",
        latest=tomorrow,
        latest_label="today",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        # Before any file is read into memory or a zip opened.
        try:
            check_request_size(sum(file.size for file in files), limits_from_settings())
        except UploadRefused as refusal:
            message = str(refusal)
            raise forms.ValidationError(message[0].upper() + message[1:]) from None
        return files


class AssignOutletForm(forms.Form):
    outlet = OutletField(label="Outlet", required=True)


def known_outlet_names():
    return list(Outlet.objects.values_list("name", flat=True))


class OutletChoiceField(forms.ModelChoiceField):
    """A filter on an outlet from the list, by its slug (`?outlet=reuters`)."""

    def __init__(self):
        super().__init__(
            queryset=Outlet.objects.order_by("name"),
            to_field_name="slug",
            label="Outlet",
            required=False,
            empty_label="Any outlet",
        )


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False, strip=True)
    outlet = OutletChoiceField()
    speaker = forms.ModelChoiceField(
        label="Speaker",
        # Any person may be asked for: one look-up by primary key, not a join over every quote
        # (the page lists as choices only the speakers among the results).
        queryset=Person.objects.all(),
        required=False,
        empty_label="Anyone",
    )
    tag = forms.ModelChoiceField(
        label="Tag",
        queryset=Tag.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Any tag",
    )
    date_from = ArticleDateField(label="From")
    date_to = ArticleDateField(label="To")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return cleaned


# ----------------------------------------------------------------------------- editing


class VersionedForm(forms.Form):
    """An edit of a quote, made against the version the editor was looking at."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ReviewForm(VersionedForm):
    status = forms.ChoiceField(choices=Quote.Status.choices)


class BoundariesForm(VersionedForm):
    text = forms.CharField(
        label="Quoted words",
        max_length=20_000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Exactly as they appear in the paragraph; a line break between paragraphs.",
    )


class SpeakerForm(VersionedForm):
    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label="Speaker", max_length=200, required=False, strip=True)
    create = forms.BooleanField(label="Create a new person with this name", required=False)
    clear = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("person") or cleaned.get("name") or cleaned.get("clear")):
            raise forms.ValidationError("Type a name or choose a person.")
        return cleaned


class TagForm(VersionedForm):
    tag = forms.CharField(label="Tag", max_length=60, strip=True)
    create = forms.BooleanField(label="New tag", required=False)

    def clean_tag(self):
        name = " ".join(self.cleaned_data["tag"].split())
        if not slugify(name):
            raise forms.ValidationError("A tag needs letters or digits.")
        return name


class AddQuoteForm(forms.Form):
    """A quote the extractor missed: its paragraph and words, plus the offsets when the
    editor selected the words in the page (editing.js fills them in)."""

    paragraph = forms.IntegerField(label="Paragraph", min_value=0)
    end_paragraph = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    start_offset = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end_offset = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    text = forms.CharField(
        label="Quoted words",
        max_length=20_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Paste them exactly as in the paragraph, or select them in the text above.",
    )
    kind = forms.ChoiceField(label="Kind", choices=Quote.Kind.choices, initial=Quote.Kind.FULL)
    speaker = forms.CharField(label="Speaker (optional)", max_length=200, required=False)


class MoveQuoteForm(VersionedForm):
    # Empty: the quote becomes a statement of its own.
    group = forms.IntegerField(label="Statement", required=False)


class IdsField(forms.Field):
    """Ids ticked in a list of checkboxes. Which ones may be chosen is the view's business:
    an id that has left the list meanwhile is a conflict, not a form error."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return sorted({int(item) for item in value or []})
        except (TypeError, ValueError):
            raise forms.ValidationError("Choose from the list.") from None


class SplitGroupForm(forms.Form):
    quotes = IdsField(label="Quotes", error_messages={"required": "Tick the quotes to split off."})


class MergeGroupsForm(forms.Form):
    other = forms.IntegerField(label="Statement to merge into this one")


class MoveArticleForm(forms.Form):
    story = forms.IntegerField(label="Story")
    # The story the editor saw the article in: a move made meanwhile is a conflict.
    from_story = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SplitStoryForm(forms.Form):
    articles = IdsField(
        label="Articles", error_messages={"required": "Tick the articles for the new story."}
    )
    title = forms.CharField(label="Title of the new story", max_length=300, required=False)


class MergeStoryForm(forms.Form):
    other = forms.IntegerField(label="Story to merge into this one")


class RenameStoryForm(forms.Form):
    title = forms.CharField(label="Title", max_length=300, strip=True)
    based_on = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)


class ReviewFilterForm(forms.Form):
    story = forms.ModelChoiceField(
        label="Story", queryset=Story.objects.none(), required=False, empty_label="Any story"
    )
    outlet = OutletChoiceField()
    speaker = forms.ModelChoiceField(
        label="Speaker", queryset=Person.objects.none(), required=False, empty_label="Anyone"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what has quotes waiting, so the lists stay short.
        waiting = Quote.objects.filter(status=Quote.Status.UNREVIEWED)
        self.fields["story"].queryset = Story.objects.filter(
            pk__in=waiting.values("article__story_id")
        ).order_by("-end_date", "title")
        self.fields["speaker"].queryset = Person.objects.filter(
            pk__in=waiting.values("person_id")
        ).order_by("name")


class ArticleDetailsForm(forms.Form):
    """An editor's correction of what the reading got wrong about an article."""

    title = forms.CharField(
        label="Headline",
        max_length=500,
        required=False,
        strip=True,
        help_text="Empty if the page prints none: it is listed as “Untitled”.",
    )
    published = ArticleDateField(label="Date", latest=tomorrow, latest_label="tomorrow")
    published_time = forms.TimeField(
        label="Time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="For a date to the minute.",
    )
    published_precision = forms.ChoiceField(label="Precision", choices=Article.Precision.choices)
    outlet = OutletField(label="Outlet", required=True)
    dateline = forms.CharField(label="Dateline", max_length=200, required=False, strip=True)
    byline = forms.CharField(label="Byline", max_length=300, required=False, strip=True)
    based_on = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)

    def clean_outlet(self):
        name = self.cleaned_data["outlet"]
        outlet = (
            Outlet.objects.filter(name__iexact=name).first()
            or Outlet.objects.filter(short_name__iexact=name).order_by("pk").first()
        )
        if outlet is None:
            raise forms.ValidationError(
                f"There is no outlet “{name}”: choose one from the list (admins add outlets).",
                code="unknown_outlet",
            )
        return outlet

    def clean(self):
        data = super().clean()
        day, time = data.get("published"), data.get("published_time")
        precision = data.get("published_precision")
        if "published" in self.errors or "published_time" in self.errors or not precision:
            return data
        if precision == Article.Precision.UNKNOWN:
            if day or time:
                raise forms.ValidationError(
                    "A date is given but its precision is “unknown”: choose “to the day” or "
                    "“to the minute”, or clear the date.",
                    code="precision",
                )
            data["published_at"] = None
            return data
        if day is None:
            raise forms.ValidationError(
                "Give the date, or set its precision to “unknown”.", code="no_date"
            )
        if precision == Article.Precision.MINUTE and time is None:
            raise forms.ValidationError(
                "Give the time for a date to the minute, or set the precision to the day.",
                code="no_time",
            )
        if precision == Article.Precision.DAY:
            time = datetime.time()  # a day's date is stored at 00:00, as the import does
        moment = datetime.datetime.combine(day, time.replace(second=0, microsecond=0))
        data["published_at"] = timezone.make_aware(moment, timezone.get_default_timezone())
        return data
