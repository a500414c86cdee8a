from django.contrib import admin
from django.urls import include, path

from articles import views

urlpatterns = [
    path("", include("articles.urls")),
    # Rate-limited; the rest of Django's account views as they are.
    path("accounts/login/", views.login, name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
