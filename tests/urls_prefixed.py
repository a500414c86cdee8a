"""The app's routes under /prefixed/, for tests of URLs built outside reverse()."""

from django.urls import include, path

urlpatterns = [path("prefixed/", include("articles.urls"))]
