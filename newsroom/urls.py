from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

urlpatterns = [
    path("", include("articles.urls")),
    path("api/", include("articles.api.urls")),
    # Log-ins are rate-limited by django-axes (newsroom/logins.py), the admin's too.
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name no icon (the plain-text originals).
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
]
