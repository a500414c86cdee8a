from django.urls import path

from articles import edit_views, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("stories/<int:pk>/", views.story_detail, name="story_detail"),
    path("stories/<int:pk>/statements/", views.story_statements, name="story_statements"),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/",
        views.statement_detail,
        name="statement_detail",
    ),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("articles/<int:pk>/original/", views.article_original, name="article_original"),
    path("search/", views.search, name="search"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("outlets/", views.source_list, name="source_list"),
    path("outlets/<slug:slug>/", views.source_detail, name="source_detail"),
    path("upload/", views.upload, name="upload"),
    path("upload/batches/", views.upload_batches, name="upload_batches"),
    path("upload/batches/<int:pk>/", views.upload_batch, name="upload_batch"),
    path("upload/pending/", views.pending_uploads, name="pending_uploads"),
    path("upload/pending/<int:pk>/outlet/", views.assign_outlet, name="assign_outlet"),
    # Editing (articles/edit_views.py)
    path("review/", edit_views.review_queue, name="review_queue"),
    path("quotes/<int:pk>/", edit_views.quote_edit, name="quote_edit"),
    path("quotes/<int:pk>/review/", edit_views.review_quote, name="review_quote"),
    path("quotes/<int:pk>/words/", edit_views.correct_boundaries, name="correct_boundaries"),
    path("quotes/<int:pk>/speaker/", edit_views.change_speaker, name="change_speaker"),
    path("quotes/<int:pk>/tags/", edit_views.add_tag, name="add_tag"),
    path("quotes/<int:pk>/tags/<int:tag_pk>/remove/", edit_views.remove_tag, name="remove_tag"),
    path("quotes/<int:pk>/statement/", edit_views.move_quote, name="move_quote"),
    path("people/suggestions/", edit_views.speaker_suggestions, name="speaker_suggestions"),
    path("articles/<int:pk>/quotes/new/", edit_views.add_quote, name="add_quote"),
    path("articles/<int:pk>/story/", edit_views.move_article, name="move_article"),
    path("stories/<int:pk>/edit/", edit_views.story_edit, name="story_edit"),
    path("stories/<int:pk>/rename/", edit_views.rename_story, name="rename_story"),
    path("stories/<int:pk>/split/", edit_views.split_story, name="split_story"),
    path("stories/<int:pk>/merge/", edit_views.merge_stories, name="merge_stories"),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/split/",
        edit_views.split_group,
        name="split_group",
    ),
    path(
        "stories/<int:pk>/statements/<int:group_pk>/merge/",
        edit_views.merge_groups,
        name="merge_groups",
    ),
    path("activity/", edit_views.activity, name="activity"),
    path("activity/<int:pk>/undo/", edit_views.undo_edit, name="undo_edit"),
    # Tags: the editors' vocabulary, for everyone to browse
    path("tags/", edit_views.tag_list, name="tag_list"),
    path("tags/<slug:slug>/", edit_views.tag_detail, name="tag_detail"),
]
