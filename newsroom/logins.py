"""Log-in rate limits, kept by django-axes for the site's log-in and the admin's alike.

Failures are counted per username and address together (settings.AXES_LOCKOUT_PARAMETERS): a
stranger guessing an editor's password from elsewhere locks out only themselves, never the
editor. This module says what a locked-out client is told.
"""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render


def locked_out(request, response=None, credentials=None):
    """The log-in page again, with 429 Too Many Requests and when to try again."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        "form": AuthenticationForm(request),
        "too_many": f"Too many failed log-ins. Try again in {seconds // 60} minutes.",
        "next": request.POST.get("next", ""),
    }
    response = render(request, "registration/login.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
