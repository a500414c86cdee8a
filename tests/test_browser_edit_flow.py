"""The editor's flow in a real browser: a refused edit stays where it was made (DEBUG on, as
`make run` has it, with django-htmx's debug script), a story chosen by typing its title, and
the review queue worked with the keyboard."""

import pytest
from django.core.management import call_command

from articles.models import Article, Quote, Story
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # setup_demo creates the demo editor
    call_command("setup_demo")
    return Story.objects.get(articles__outlet__short_name="Xinhua")


def page_errors(page) -> list[str]:
    """Errors on the page, less the browser's note of each refusal's status (expected)."""
    return [error for error in page.errors if "the server responded with a status of" not in error]


def test_a_refused_edit_in_debug_mode_keeps_the_page_and_the_input(
    page, live_server, demo, settings
):
    settings.DEBUG = True
    page.set_viewport_size({"width": 1600, "height": 1000})
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}{demo.get_absolute_url()}")
    # The debug script that used to replace the page is there.
    assert page.locator('script[src*="django-htmx.js"]').count() == 1
    quote = page.locator('.column[data-outlet="xinhua"] a.quote').first
    quote.click()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.get_attribute('data-quote')}")
    panel.wait_for()
    panel.get_by_placeholder("Add a tag").fill("Arctic shipping lanes")
    panel.get_by_role("button", name="Add tag").click()  # "New tag" not ticked: refused

    page.locator("#statement-panel .error", has_text="There is no tag").wait_for()
    assert page.locator(".site-header").is_visible()  # the page, not a bare fragment
    assert page.locator(".columns .column").count() >= 4
    panel = page.locator("#statement-panel .quote-panel")
    assert panel.get_by_placeholder("Add a tag").input_value() == "Arctic shipping lanes"

    # Ticking "New tag" now makes it: the form still works after the refusal.
    panel.get_by_label("New tag").check()
    panel.get_by_role("button", name="Add tag").click()
    page.locator("#statement-panel .message", has_text="Tagged “Arctic shipping lanes”").wait_for()
    assert page_errors(page) == []


def test_a_refused_story_edit_in_debug_mode_stays_on_the_editing_page(
    page, live_server, demo, settings
):
    settings.DEBUG = True
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/stories/{demo.pk}/edit/")
    page.locator("#split-title").fill("Everything at once")
    for box in page.locator('input[name="articles"]').all():
        box.check()
    page.get_by_role("button", name="Split the ticked articles").click()
    page.locator("#story-body .error", has_text="not all of them").wait_for()
    assert page.locator(".site-header").is_visible()
    assert page.locator("#split-title").input_value() == "Everything at once"
    assert page.locator('input[name="articles"]:checked').count() == demo.articles.count()
    assert page_errors(page) == []


def test_an_article_is_moved_to_a_story_chosen_by_typing_its_title(page, live_server, demo):
    other = Story.objects.exclude(pk=demo.pk).order_by("pk").first()
    article = demo.articles.order_by("pk").first()
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/stories/{demo.pk}/edit/")
    chooser = page.locator(f"#move-{article.pk}")
    typed = " ".join(other.title.split()[:3])
    chooser.press_sequentially(typed, delay=30)
    suggestion = page.locator(f"#move-choices-{article.pk} .choice", has_text=other.title)
    suggestion.wait_for()
    suggestion.click()
    page.locator("#story-body .message", has_text=f"to the story “{other.title}”").wait_for()
    assert Article.objects.get(pk=article.pk).story_id == other.pk
    assert page.errors == []


def counted(page) -> int:
    return int(page.locator("#queue-count strong").inner_text())


def test_three_quotes_are_reviewed_with_the_keyboard(page, live_server, demo):
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/review/")
    assert "confirm" in page.locator("#review-keys").inner_text()
    waiting = counted(page)
    rows = page.locator("#queue tr.queue-row")
    ids = [rows.nth(n).get_attribute("data-quote") for n in range(4)]
    # The first is current; each quote is shown in its sentence.
    page.locator(f"#review-row-{ids[0]}.is-current").wait_for()
    assert page.locator(f"#review-row-{ids[0]} .in-sentence mark").count() == 1

    page.keyboard.press("c")  # confirm the first: on to the second
    page.locator(f"#review-row-{ids[0]} .status-confirmed").wait_for()
    page.locator(f"#review-row-{ids[1]}.is-current").wait_for()
    assert counted(page) == waiting - 1

    page.keyboard.press("j")  # skip the second
    page.locator(f"#review-row-{ids[2]}.is-current").wait_for()
    page.keyboard.press("r")  # reject the third
    page.locator(f"#review-row-{ids[2]} .status-rejected").wait_for()
    page.locator(f"#review-row-{ids[3]}.is-current").wait_for()
    assert counted(page) == waiting - 2

    page.keyboard.press("u")  # undo the rejection: the third waits again
    page.locator(f"#review-row-{ids[2]}.is-unreviewed").wait_for()
    page.locator(f"#review-row-{ids[2]}.is-current").wait_for()
    assert counted(page) == waiting - 1

    page.keyboard.press("k")  # back to the second, and confirm it
    page.locator(f"#review-row-{ids[1]}.is-current").wait_for()
    page.keyboard.press("c")
    page.locator(f"#review-row-{ids[1]} .status-confirmed").wait_for()
    assert counted(page) == waiting - 2
    statuses = dict(Quote.objects.filter(pk__in=ids[:3]).values_list("pk", "status"))
    assert [statuses[int(pk)] for pk in ids[:3]] == ["confirmed", "confirmed", "unreviewed"]
    assert page.errors == []


def test_several_quotes_are_selected_and_confirmed_at_once(page, live_server, demo):
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/review/")
    waiting = counted(page)
    rows = page.locator("#queue tr.queue-row")
    ids = [int(rows.nth(n).get_attribute("data-quote")) for n in range(3)]
    page.locator(f"#review-row-{ids[0]}.is-current").wait_for()
    for _ in ids:
        page.keyboard.press("x")
        page.keyboard.press("j")
    assert page.locator("#selected-count").inner_text() == "3 selected"
    page.keyboard.press("Shift+C")
    page.locator("#queue .message", has_text="Confirmed 3 quotes.").wait_for()
    assert counted(page) == waiting - 3
    assert set(Quote.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"confirmed"}
    page.keyboard.press("u")  # one undo takes the three back
    page.locator("#queue .message", has_text="Undone").wait_for()
    assert counted(page) == waiting
    assert page.errors == []


def test_a_refused_correction_in_debug_mode_stays_in_the_article_form(
    page, live_server, demo, settings
):
    settings.DEBUG = True
    article = demo.articles.order_by("pk").first()
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/articles/{article.pk}/edit/")
    page.get_by_label("Byline").fill("Jane Roe")
    page.get_by_label("Date", exact=True).fill("2999-01-01")  # after tomorrow: refused
    page.get_by_role("button", name="Save corrections").click()
    page.locator("#article-header .error").first.wait_for()
    assert page.locator(".site-header").is_visible()
    assert page.get_by_label("Byline").input_value() == "Jane Roe"
    assert Article.objects.get(pk=article.pk).byline != "Jane Roe"
    assert page_errors(page) == []


def test_undo_pressed_before_the_list_settles_stays_on_the_page(page, live_server, demo):
    """htmx binds swapped-in content when it settles (20 ms, longer on a busy machine): an "u"
    pressed on seeing "Confirmed 2 quotes." once submitted the new Undo form natively and
    left the page. A long settle delay makes that moment certain."""
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}/review/")
    rows = page.locator("#queue tr.queue-row")
    ids = [int(rows.nth(n).get_attribute("data-quote")) for n in range(2)]
    page.locator(f"#review-row-{ids[0]}.is-current").wait_for()
    page.evaluate("htmx.config.defaultSettleDelay = 3000")
    for _ in ids:
        page.keyboard.press("x")
        page.keyboard.press("j")
    page.keyboard.press("Shift+C")
    page.locator("#queue .message", has_text="Confirmed 2 quotes.").wait_for()
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.keyboard.press("u")
    page.locator("#queue .message", has_text="Undone").wait_for()
    assert navigations == []
    assert set(Quote.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"unreviewed"}
