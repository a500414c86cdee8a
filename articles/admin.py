from django import forms
from django.contrib import admin
from django.contrib.postgres.forms import SimpleArrayField
from django.urls import reverse
from django.utils.html import format_html

from articles.ingest.outlets import host_of
from articles.models import (
    Article,
    Edit,
    ImportBatch,
    ImportItem,
    Outlet,
    PendingUpload,
    Story,
    Tag,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records kept by the application itself: admins read them, nobody edits them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LinesField(SimpleArrayField):
    """A list edited one item a line (names may hold commas); blank lines are dropped."""

    def __init__(self, **kwargs):
        base = forms.CharField(max_length=200)
        super().__init__(base, delimiter="\n", widget=forms.Textarea(attrs={"rows": 4}), **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines()]
        return super().to_python("\n".join(line for line in lines if line))


class OutletForm(forms.ModelForm):
    aliases = LinesField(required=False, help_text=Outlet.aliases.field.help_text + " One a line.")
    domains = LinesField(required=False, help_text=Outlet.domains.field.help_text + " One a line.")
    credit_forms = LinesField(
        required=False, help_text=Outlet.credit_forms.field.help_text + " One a line."
    )

    class Meta:
        model = Outlet
        fields = [
            "name", "short_name", "slug", "kind", "country", "homepage",
            "aliases", "domains", "credit_forms",
        ]  # fmt: skip

    def clean_domains(self):
        # As reading compares them: "https://www.Reuters.com/" is reuters.com.
        return list(dict.fromkeys(host_of(domain) for domain in self.cleaned_data["domains"]))


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    """Outlets, and what reading recognises them by: a change counts in the next import."""

    form = OutletForm
    list_display = ["name", "short_name", "kind", "country", "domain_list"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "short_name", "aliases", "domains"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "country", "homepage"]}),
        ("Recognised by", {"fields": ["aliases", "domains", "credit_forms"]}),
    ]

    @admin.display(description="Domains")
    def domain_list(self, outlet):
        return ", ".join(outlet.domains)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "start_date", "end_date"]
    search_fields = ["title"]
    filter_horizontal = ["related"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_at", "story"]
    list_filter = ["outlet"]
    search_fields = ["title"]
    list_select_related = ["outlet", "story"]
    exclude = ["original"]
    readonly_fields = ["fingerprint", "text_fingerprint", "original_filename", "imported_at"]


@admin.register(PendingUpload)
class PendingUploadAdmin(admin.ModelAdmin):
    list_display = ["original_filename", "title", "created_at"]
    exclude = ["original"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Admins manage the vocabulary (rename, describe, remove); editors add tags in place."""

    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Edit)
class EditAdmin(ReadOnlyAdmin):
    """The history is a record: readable here, changed only by editing and undoing."""

    list_display = ["created_at", "user", "action", "summary", "undone_by"]
    list_filter = ["action"]
    search_fields = ["summary", "user__username"]
    list_select_related = ["user", "undone_by"]


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    """Imports are made by uploading (or `import_articles --background`) and kept up to date by
    the workers: only readable here. (Deleting one here would first load all its files, to list
    them on the confirmation page.)"""

    list_display = [
        "id",
        "label",
        "origin",
        "created_by",
        "created_at",
        "total",
        "imported",
        "duplicate",
        "needs_outlet",
        "failed",
        "finished_at",
    ]
    list_filter = ["origin"]
    search_fields = ["label"]
    list_select_related = ["created_by"]
    readonly_fields = ["files"]

    # A batch may hold 100,000 files: linked to their (paginated) list, not shown inline.
    @admin.display(description="Files")
    def files(self, batch):
        url = reverse("admin:articles_importitem_changelist")
        return format_html('<a href="{}?batch={}">{} files</a>', url, batch.pk, batch.total)


@admin.register(ImportItem)
class ImportItemAdmin(ReadOnlyAdmin):
    list_display = ["name", "batch", "status", "size", "attempts", "finished_at"]
    list_filter = ["status"]
    search_fields = ["name"]
    list_select_related = ["batch"]

    def get_queryset(self, request):
        # The file's bytes (up to megabytes each) are never shown: not read either.
        return super().get_queryset(request).defer("data")
