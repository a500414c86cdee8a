import os
from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parent.parent / "articles" / "demo"


@pytest.fixture(autouse=True)
def fresh_outlet_catalogue():
    """Each test's outlets are rolled back at its end: none stays in the catalogue imports read,
    nor in the outlet rows they store articles under. Those are remembered on commit, and a
    transactional test commits, then empties the tables: a later test in the same process
    stored articles under an outlet id no longer there (an error at its end, in 14 files,
    once xdist ran the files in another order)."""
    from articles.imports.catalogue import forget_outlet_catalogue
    from articles.imports.storing import forget_outlet_rows

    forget_outlet_catalogue()
    forget_outlet_rows()
    yield
    forget_outlet_catalogue()
    forget_outlet_rows()


@pytest.fixture
def demo_files():
    return {path.name: path.read_bytes() for path in sorted(DEMO_DIR.glob("*.txt"))}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (it cannot download its own browsers here)."""
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # inside one unless told that this is a test thread it may use.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.errors = errors
    yield page
    context.close()


# The editing tests' scene (two outlets' articles in one story, a sequel in another) and an
# editor logged in.
@pytest.fixture
def scene(db):
    from tests.helpers import make_scene

    return make_scene()


@pytest.fixture
def editor_client(client):
    from tests.helpers import make_editor

    client.force_login(make_editor())
    return client


@pytest.fixture(autouse=True)
def data_migrations_in_place(request):
    """What the data migrations made (the Editors group, the seeded outlets) is there for every
    test in a transaction, as in a serial run. A transactional test empties the tables at its
    end; run serially, pytest-django puts those tests last, but with xdist a file of them can run
    before other files in the same worker, whose tests then found no Editors group and no
    seeded outlet. Put back, inside the test's transaction, only when missing."""
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if transactional or (marker is None and "db" not in request.fixturenames):
        yield
        return
    request.getfixturevalue("db")
    from django.contrib.auth.models import Group

    if not Group.objects.filter(name="Editors").exists():
        _rerun_data_migrations()
    yield


def _rerun_data_migrations():
    import importlib

    from django.apps import apps

    from articles.models import editors_group

    editors_group()
    seeding = importlib.import_module("articles.migrations.0023_seed_outlets")
    for name in ("0023_seed_outlets", "0027_seed_publishers"):
        seeding.seed_from(apps, importlib.import_module(f"articles.migrations.{name}").SEED)
