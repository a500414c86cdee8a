"""A strict Content-Security-Policy on every page, and nothing on the site breaks under it.

Every page (reader, editor, staff, log-in, error pages) is loaded in Chromium: each HTML
answer, htmx fragments included, carries the policy without 'unsafe-inline' or 'unsafe-eval',
and the page raises no `securitypolicyviolation` event and logs no error. Then the interactive
parts are used (the outlet chooser, the statement filter, the statement panel, search as you
type, older stories, the editor's panel: confirm, tag, speaker suggestions, log-in and out),
and must work under the policy.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import get_resolver

from articles.models import Article, Person, Quote, Story
from tests.browser import WATCH_SCRIPT, forgive_missing_favicon, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the policy must say (directive: its only sources).
REQUIRED = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}
NEVER = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "*")

# Article URLs that only take a POST (each answers an editor's form); their htmx answers are
# checked while the forms are used.
POST_ONLY = {
    "assign_outlet",
    "review_quote",
    "correct_boundaries",
    "change_speaker",
    "add_tag",
    "remove_tag",
    "move_quote",
    "move_article",
    "rename_story",
    "split_story",
    "merge_stories",
    "split_group",
    "merge_groups",
    "undo_edit",
    "correct_article",
    "assign_batch_outlet",
}
# Files to download, not pages (tests/test_downloads.py checks them).
DOWNLOADS = {"story_download", "search_download"}


def policy_problems(header: str | None, where: str) -> list[str]:
    if not header:
        return [f"{where}: no Content-Security-Policy header"]
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    problems = [f"{where}: {word} in the policy" for word in NEVER if word in header.split()]
    for name, sources in REQUIRED.items():
        if policy.get(name) != sources:
            problems.append(f"{where}: {name} is {policy.get(name)}, not {sources}")
    return problems


@pytest.fixture
def demo(live_server, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # setup_demo creates the demo logins
    call_command("setup_demo")
    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    return {
        "story": story,
        "statement": story.statements.filter(quotes__article__outlet__short_name="Reuters")
        .first()
        .pk,
        "article": Article.objects.filter(story=story).first(),
        "person": Person.objects.get(name="Dmitry Medvedev"),
        "quote": Quote.objects.filter(article__story=story, group__isnull=False).first(),
    }


@pytest.fixture
def watched(page):
    """The page, checking the policy on every HTML answer it gets (documents and htmx
    fragments) and recording CSP violation events."""
    page.policy_problems = []

    def check(response):
        request = response.request
        if request.resource_type not in ("document", "xhr", "fetch"):
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        where = f"{request.method} {response.url}"
        page.policy_problems += policy_problems(
            response.headers.get("content-security-policy"), where
        )

    page.on("response", check)
    page.add_init_script(WATCH_SCRIPT)
    return page


def settle(page, where: str) -> list[str]:
    """What went wrong on the page so far: CSP violations, console errors, bad policies."""
    page.wait_for_load_state("load")
    problems = [f"{where}: CSP violation {v}" for v in page.evaluate("window.__cspViolations")]
    problems += [f"{where}: console {error}" for error in page.errors]
    problems += page.policy_problems
    page.errors.clear()
    page.policy_problems.clear()
    return problems


def visit(page, live_server, path: str, status: int = 200) -> list[str]:
    response = page.goto(f"{live_server.url}{path}")
    problems = [] if response.status == status else [f"{path}: status {response.status}"]
    page.wait_for_load_state("load")
    if status != 200:  # Chromium logs the error status of the page itself
        page.errors[:] = [e for e in page.errors if f"status of {status}" not in e]
    else:
        forgive_missing_favicon(page, response)
    return problems + settle(page, path)


def reader_pages(demo) -> dict[str, str]:
    story = demo["story"]
    return {
        "home": "/",
        "story_detail": story.get_absolute_url(),
        "story_statements": f"/stories/{story.pk}/statements/",
        "statement_detail": f"/stories/{story.pk}/statements/{demo['statement']}/",
        "article_detail": demo["article"].get_absolute_url(),
        "article_original": f"{demo['article'].get_absolute_url()}original/",
        "search": "/search/?q=helicopter",
        "person_detail": demo["person"].get_absolute_url(),
        "outlet_list": "/outlets/",
        "outlet_detail": "/outlets/xinhua/",
        "tag_list": "/tags/",
    }


def editor_pages(demo) -> dict[str, str]:
    story, quote = demo["story"], demo["quote"]
    return {
        "review_queue": "/review/",
        "quote_edit": quote.get_edit_url(),
        "speaker_suggestions": "/people/suggestions/?name=Medvedev",
        "add_quote": f"/articles/{quote.article_id}/quotes/new/",
        "story_edit": f"/stories/{story.pk}/edit/",
        "activity": "/activity/",
        "tag_detail": "/tags/transit/",
        "article_edit": f"/articles/{quote.article_id}/edit/",
        "untitled_articles": "/articles/untitled/",
    }


STAFF_PAGES = {
    "upload": "/upload/",
    "upload_batches": "/upload/batches/",
    "pending_uploads": "/upload/pending/",
}


def test_every_page_of_the_site_is_in_these_checks(demo):
    """A page added later must be added here too (or to POST_ONLY)."""
    names = {
        name
        for name in get_resolver().namespace_dict["articles"][1].reverse_dict
        if isinstance(name, str)
    }
    checked = set(reader_pages(demo)) | set(editor_pages(demo)) | set(STAFF_PAGES)
    checked |= POST_ONLY | DOWNLOADS | {"upload_batch"}  # opened after an upload, below
    assert names - checked == set()


def test_reader_pages_send_a_strict_policy_and_work_under_it(watched, live_server, demo):
    page = watched
    problems = []
    for path in reader_pages(demo).values():
        problems += visit(page, live_server, path)
    problems += visit(page, live_server, "/accounts/login/")

    # The outlet chooser (htmx): remove an outlet, then put it back.
    page.goto(f"{live_server.url}{demo['story'].get_absolute_url()}")
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.get_by_role("link", name="Remove Reuters").click()
    page.wait_for_function("() => document.querySelectorAll('.column').length === 3")
    page.get_by_role("link", name="Add Reuters").click()
    page.wait_for_function("() => document.querySelectorAll('.column').length === 4")
    # A quote opens its statement panel; the statement's renditions light up (story.js).
    page.locator('.column[data-outlet="xinhua"] a.quote', has_text="step up").click()
    page.locator("#statement-panel .renditions").wait_for()
    assert page.locator(".quote.is-active").count() >= 2
    problems += settle(page, "story page, outlets and statement panel")

    # The statements table filtered by speaker (htmx on change).
    page.goto(f"{live_server.url}/stories/{demo['story'].pk}/statements/")
    page.get_by_label("Speaker", exact=True).select_option(label="Dmitry Medvedev")
    page.wait_for_url(f"**speaker={demo['person'].pk}")
    assert "Medvedev" in page.locator("#statements-table").inner_text()
    problems += settle(page, "statements filter")

    # Search as you type (htmx), the results in the URL.
    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Words, phrases or names").press_sequentially("helicop", delay=40)
    page.locator("#results mark", has_text="helicopter").first.wait_for()
    problems += settle(page, "search as you type")
    assert problems == []


def test_editor_pages_send_a_strict_policy_and_the_panel_works_under_it(watched, live_server, demo):
    page = watched
    log_in(page, live_server, "editor", "newsroom-editor")
    problems = settle(page, "log-in")
    story, quote = demo["story"], demo["quote"]

    # Confirm, tag and look up a speaker in the quote's panel on the story page (htmx).
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(f"{live_server.url}{story.get_absolute_url()}")
    page.locator(f'a.quote[data-quote="{quote.pk}"]').first.click()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.pk}")
    panel.wait_for()
    panel.get_by_role("button", name="Confirm").click()
    page.locator("#statement-panel .status-confirmed").wait_for()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.pk}")
    panel.get_by_placeholder("Add a tag").fill("Transit")
    panel.get_by_label("New tag").check()
    panel.get_by_role("button", name="Add tag").click()
    page.locator("#statement-panel .message", has_text="Tagged “Transit”").wait_for()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.pk}")
    panel.get_by_placeholder("Type a name or title").press_sequentially("Medvedv", delay=30)
    panel.locator(".suggestion", has_text="Dmitry Medvedev").wait_for()
    problems += settle(page, "story page, quote panel")
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.CONFIRMED

    for path in editor_pages(demo).values():
        problems += visit(page, live_server, path)
    # Rename the story from its editing page (htmx).
    page.goto(f"{live_server.url}/stories/{story.pk}/edit/")
    page.get_by_label("Title", exact=True).fill("Rasmussen in Moscow")
    page.get_by_role("button", name="Rename").click()
    page.locator("#story-title h1", has_text="Rasmussen in Moscow").wait_for()
    problems += settle(page, "story editing page, rename")

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/")
    problems += settle(page, "log-out")
    assert problems == []


def test_staff_pages_send_a_strict_policy_and_upload_works_under_it(
    watched, live_server, demo, tmp_path
):
    page = watched
    log_in(page, live_server, "admin", "newsroom-admin")
    problems = []
    for path in STAFF_PAGES.values():
        problems += visit(page, live_server, path)
    upload = tmp_path / "grain.txt"
    upload.write_text(
        "Ministers agree on grain corridor\n\nANKARA (Reuters) - Ministers from four "
        "countries agreed on Tuesday to reopen a grain corridor, officials said.\n"
    )
    page.goto(f"{live_server.url}/upload/")
    page.get_by_label("Article files").set_input_files(str(upload))
    page.get_by_role("button", name="Upload").click()
    page.locator("#upload-result").get_by_text("grain.txt").first.wait_for()
    problems += settle(page, "upload")
    page.goto(f"{live_server.url}/upload/batches/")
    batch = page.locator('a[href^="/upload/batches/"]').first.get_attribute("href")
    problems += visit(page, live_server, batch)
    problems += visit(page, live_server, "/admin/")
    problems += visit(page, live_server, "/admin/articles/article/")
    problems += visit(page, live_server, f"/admin/articles/article/{demo['article'].pk}/change/")
    assert problems == []


def test_error_pages_send_a_strict_policy(watched, live_server, demo):
    page = watched
    problems = visit(page, live_server, "/no-such-page/", status=404)
    problems += visit(page, live_server, "/stories/999999/", status=404)
    problems += visit(page, live_server, "/upload/", status=200)  # anonymous: the log-in page
    # A form posted without its CSRF token: Django's refusal page.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        """() => {
            document.querySelector("input[name=csrfmiddlewaretoken]").remove();
            document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
        }"""
    )
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("wrong")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Log in").click()
    assert answer.value.status == 403
    page.wait_for_load_state("load")
    page.errors[:] = [e for e in page.errors if "status of 403" not in e]
    problems += settle(page, "CSRF refusal")
    assert problems == []


def test_answers_a_browser_cannot_easily_reach_carry_the_policy_too(demo):
    client, editor = Client(), Client()
    editor.force_login(get_user_model().objects.get(username="editor"))
    review = f"/quotes/{demo['quote'].pk}/review/"
    answers = {
        "400 bad host": client.get("/", HTTP_HOST="evil.example"),
        "302 to the log-in page": client.get(review),
        "405 GET on a form endpoint": editor.get(review),
        "htmx fragment": client.get("/search/?q=helicopter", HTTP_HX_REQUEST="true"),
        "plain text original": client.get(f"{demo['article'].get_absolute_url()}original/"),
    }
    problems = []
    for label, response in answers.items():
        problems += policy_problems(response.headers.get("Content-Security-Policy"), label)
    assert answers["400 bad host"].status_code == 400
    assert answers["302 to the log-in page"].status_code == 302
    assert answers["405 GET on a form endpoint"].status_code == 405
    assert problems == []
