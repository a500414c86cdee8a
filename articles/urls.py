from django.urls import path, re_path

from articles.views import (
    downloads,
    editing,
    editing_articles,
    editing_quotes,
    editing_stories,
    reading,
    uploads,
)

app_name = "articles"

urlpatterns = [
    path("", reading.home, name="home"),
    path("stories/<int:pk>/", reading.story_detail, name="story_detail"),
    path("stories/<int:pk>/statements/", reading.story_statements, name="story_statements"),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/",
        reading.statement_detail,
        name="statement_detail",
    ),
    path("articles/<int:pk>/", reading.article_detail, name="article_detail"),
    path("articles/<int:pk>/original/", reading.article_original, name="article_original"),
    path("search/", reading.search, name="search"),
    # Downloads: a story's coverage and search results as files (articles/views/downloads.py)
    re_path(
        r"^stories/(?P<pk>[0-9]+)/download\.(?P<format>json|csv)$",
        downloads.story_download,
        name="story_download",
    ),
    re_path(
        r"^search/results\.(?P<format>json|csv)$",
        downloads.search_download,
        name="search_download",
    ),
    path("people/<int:pk>/", reading.person_detail, name="person_detail"),
    path("outlets/", reading.outlet_list, name="outlet_list"),
    path("outlets/<slug:slug>/", reading.outlet_detail, name="outlet_detail"),
    path("upload/", uploads.upload, name="upload"),
    path("upload/batches/", uploads.upload_batches, name="upload_batches"),
    path("upload/batches/<int:pk>/", uploads.upload_batch, name="upload_batch"),
    path("upload/pending/", uploads.pending_uploads, name="pending_uploads"),
    path("upload/pending/<int:pk>/outlet/", uploads.assign_outlet, name="assign_outlet"),
    path(
        "upload/pending/import/<int:pk>/outlet/",
        uploads.assign_batch_outlet,
        name="assign_batch_outlet",
    ),
    # Editing (articles/views/editing*.py)
    path("review/", editing_quotes.review_queue, name="review_queue"),
    path("quotes/<int:pk>/", editing_quotes.quote_edit, name="quote_edit"),
    path("quotes/<int:pk>/review/", editing_quotes.review_quote, name="review_quote"),
    path("quotes/<int:pk>/words/", editing_quotes.correct_boundaries, name="correct_boundaries"),
    path("quotes/<int:pk>/speaker/", editing_quotes.change_speaker, name="change_speaker"),
    path("quotes/<int:pk>/tags/", editing_quotes.add_tag, name="add_tag"),
    path("quotes/<int:pk>/tags/<int:tag_pk>/remove/", editing_quotes.remove_tag, name="remove_tag"),
    path("quotes/<int:pk>/statement/", editing_quotes.move_quote, name="move_quote"),
    path("people/suggestions/", editing_quotes.speaker_suggestions, name="speaker_suggestions"),
    path("articles/<int:pk>/quotes/new/", editing_quotes.add_quote, name="add_quote"),
    path("articles/<int:pk>/story/", editing_stories.move_article, name="move_article"),
    path("articles/<int:pk>/edit/", editing_articles.article_edit, name="article_edit"),
    path("articles/<int:pk>/details/", editing_articles.correct_article, name="correct_article"),
    path("articles/untitled/", editing_articles.untitled_articles, name="untitled_articles"),
    path("stories/<int:pk>/edit/", editing_stories.story_edit, name="story_edit"),
    path("stories/<int:pk>/rename/", editing_stories.rename_story, name="rename_story"),
    path("stories/<int:pk>/split/", editing_stories.split_story, name="split_story"),
    path("stories/<int:pk>/merge/", editing_stories.merge_stories, name="merge_stories"),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/split/",
        editing_stories.split_group,
        name="split_group",
    ),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/merge/",
        editing_stories.merge_groups,
        name="merge_groups",
    ),
    path("activity/", editing.activity, name="activity"),
    path("activity/<int:pk>/undo/", editing.undo_edit, name="undo_edit"),
    # Tags: the editors' vocabulary, for everyone to browse
    path("tags/", reading.tag_list, name="tag_list"),
    path("tags/<slug:slug>/", reading.tag_detail, name="tag_detail"),
]
