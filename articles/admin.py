from django.contrib import admin

from articles.models import Article, PendingUpload, Source, Story


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
