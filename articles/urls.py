from django.urls import path

from articles import views

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
    path("upload/pending/", views.pending_uploads, name="pending_uploads"),
    path("upload/pending/<int:pk>/outlet/", views.assign_outlet, name="assign_outlet"),
]
