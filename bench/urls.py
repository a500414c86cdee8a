"""The site's URLs plus one minimal view that returns fixed bytes: the baseline."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

# The folder bench/story_page_speed.py saved the pages under test in.
BASELINE_DIR = Path(os.environ.get("NEWSROOM_BENCH_BASELINE_DIR", "/tmp"))


def baseline(request, name):
    """Same bytes as the page under test, with no database and no template work."""
    return HttpResponse((BASELINE_DIR / name).read_bytes())


urlpatterns = [path("bench/baseline/<str:name>", baseline), *site_urlpatterns]
