from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from articles.views import accounts

urlpatterns = [
    path("", include("articles.urls")),
    # Rate-limited; the rest of Django's account views as they are.
    path("accounts/login/", accounts.login, name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name no icon (the plain-text originals).
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
]
