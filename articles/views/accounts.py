"""The site's log-in, rate limited."""

import datetime

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from articles.models import LoginAttempt

# Log-in rate limit: failures per address and per username within the window.
LOGIN_WINDOW = datetime.timedelta(minutes=15)
LOGIN_MAX_FAILURES_PER_IP = 20
LOGIN_MAX_FAILURES_PER_USERNAME = 5


def login(request: HttpRequest) -> HttpResponse:
    """Django's log-in, refusing with 429 after too many recent failures (password guessing)."""
    ip = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    username = request.POST.get("username", "")[:150] if request.method == "POST" else ""
    if request.method == "POST":
        since = timezone.now() - LOGIN_WINDOW
        by_ip, by_name = LoginAttempt.objects.recent_failures(ip=ip, username=username, since=since)
        if by_ip >= LOGIN_MAX_FAILURES_PER_IP or by_name >= LOGIN_MAX_FAILURES_PER_USERNAME:
            minutes = int(LOGIN_WINDOW.total_seconds() // 60)
            context = {
                "form": AuthenticationForm(request),
                "too_many": f"Too many failed log-ins. Try again in {minutes} minutes.",
                "next": request.POST.get("next", ""),
            }
            response = render(request, "registration/login.html", context, status=429)
            response["Retry-After"] = str(int(LOGIN_WINDOW.total_seconds()))
            return response
    response = LoginView.as_view()(request)
    if request.method == "POST":
        if request.user.is_authenticated:
            LoginAttempt.objects.filter(username__iexact=username).delete()
        else:
            LoginAttempt.objects.create(ip=ip, username=username)
    return response
