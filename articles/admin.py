from django.contrib import admin

from articles.models import Article, Edit, PendingUpload, Source, Story, Tag


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "start_date", "end_date"]
    search_fields = ["title"]
    filter_horizontal = ["related"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published_at", "story"]
    list_filter = ["source"]
    search_fields = ["title"]
    list_select_related = ["source", "story"]
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
class EditAdmin(admin.ModelAdmin):
    """The history is a record: readable here, changed only by editing and undoing."""

    list_display = ["created_at", "user", "action", "summary", "undone_by"]
    list_filter = ["action"]
    search_fields = ["summary", "user__username"]
    list_select_related = ["user", "undone_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
