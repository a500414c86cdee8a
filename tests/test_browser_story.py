"""The comparison page in a real browser: columns, linked highlighting, outlet choice, Back."""

import time

import pytest
from django.core.management import call_command

from articles.models import Article, Story
from tests.many_outlets import make_many_outlet_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story_url(live_server):
    call_command("setup_demo")
    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    return f"{live_server.url}{story.get_absolute_url()}"


def test_four_outlets_line_up_side_by_side(page, story_url):
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(story_url)
    columns = page.locator(".column")
    assert columns.count() == 4
    boxes = [columns.nth(i).bounding_box() for i in range(4)]
    assert len({round(box["y"]) for box in boxes}) == 1  # same top: side by side
    assert [box["x"] for box in boxes] == sorted(box["x"] for box in boxes)
    assert all(box["x"] + box["width"] <= 1600 for box in boxes)  # all four visible
    outlets = [columns.nth(i).locator(".column-outlet").inner_text() for i in range(4)]
    assert {o.upper() for o in outlets} == {
        "XINHUA",
        "REUTERS",
        "RADIO FREE EUROPE/RADIO LIBERTY",
        "AL JAZEERA",
    }
    assert page.errors == []


def test_clicking_a_quote_highlights_its_renditions_and_shows_the_wordings(page, story_url):
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(story_url)
    xinhua = page.locator('.column[data-outlet="xinhua"]')
    xinhua.locator("a.quote", has_text="I have invited Russia to step up").click()

    reuters_quote = page.locator('.column[data-outlet="reuters"] a.quote', has_text="strengthen")
    reuters_quote.wait_for()
    assert "is-active" in reuters_quote.get_attribute("class")
    assert reuters_quote.is_visible()

    panel = page.locator("#statement-panel")
    renditions = panel.locator(".renditions")
    renditions.locator("del").first.wait_for()
    marked = {renditions.locator("del").inner_text(), renditions.locator("ins").inner_text()}
    assert marked == {"step up its", "strengthen Russia’s"}
    assert "Anders Fogh Rasmussen" in panel.inner_text()
    assert page.errors == []


def test_keyboard_focus_on_a_quote_highlights_its_renditions(page, story_url):
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(story_url)
    quote = page.locator('.column[data-outlet="xinhua"] a.quote', has_text="step up")
    quote.focus()
    other = page.locator('.column[data-outlet="reuters"] a.quote', has_text="strengthen")
    assert "is-active" in other.get_attribute("class")
    page.keyboard.press("Enter")
    page.locator("#statement-panel del").first.wait_for()


def test_removing_an_outlet_updates_columns_and_url_and_back_restores(page, story_url):
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(story_url)
    page.get_by_role("link", name="Remove Reuters").click()
    page.wait_for_url("**outlets=*")
    assert "reuters" not in page.url.split("outlets=")[1]
    assert page.locator(".column").count() == 3
    assert page.locator('.column[data-outlet="reuters"]').count() == 0

    page.go_back()
    page.wait_for_function("document.querySelectorAll('.column').length === 4")
    assert "outlets=" not in page.url
    assert page.errors == []


def test_phone_width_shows_one_outlet_at_a_time_with_tabs(page, story_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(story_url)
    tabs = page.locator(".column-tabs a")
    assert tabs.count() == 4 and tabs.first.is_visible()
    first = page.locator(".column").first.bounding_box()
    assert first["width"] <= 390


def test_search_as_you_type_finds_helicopter_quotes(page, live_server):
    call_command("setup_demo")
    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Words, phrases or names").press_sequentially("helicop", delay=40)
    page.locator("#results mark", has_text="helicopter").first.wait_for()
    assert "q=helicop" in page.url  # the query lives in the URL
    assert page.locator("#results blockquote", has_text="I suggested a").count() == 1
    assert page.errors == []


# ----------------------------------------------------------------- a story of many outlets


@pytest.fixture
def many_outlets_url(live_server):
    story = make_many_outlet_story(10)
    return f"{live_server.url}{story.get_absolute_url()}"


IN_STRIP = """id => {
    const c = document.getElementById(id), s = document.querySelector('.columns');
    const a = c.getBoundingClientRect(), b = s.getBoundingClientRect();
    return a.left >= b.left - 1 && a.right <= b.right + 1;
}"""


def wait_until(page, script, arg=None, timeout=5.0):
    """page.wait_for_function evaluates a string, which the pages' CSP forbids; poll instead."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(50)


def visible_share(locator, container) -> float:
    """How much of an element's width shows inside a container's box (0 to 1)."""
    box, outer = locator.bounding_box(), container.bounding_box()
    shown = min(box["x"] + box["width"], outer["x"] + outer["width"]) - max(box["x"], outer["x"])
    return max(shown, 0) / box["width"]


def overlaps(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_ten_outlets_at_desktop_every_column_reachable_and_panel_covers_none(
    page, many_outlets_url
):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(many_outlets_url)
    columns = page.locator(".column")
    assert columns.count() == 11  # ten outlets, one of them with two articles
    strip = page.locator(".columns")
    bar = page.locator(".strip-bar")
    assert bar.is_visible() and "more" in bar.inner_text()  # the cue for what is off screen

    # Choosing a statement opens the panel beside the strip, never over a column.
    page.locator(".column").first.locator("a.quote", has_text="halve the tariffs").click()
    panel = page.locator("#statement-sheet")
    panel.locator(".renditions").wait_for()
    assert panel.locator(".rendition").count() >= 10
    panel_box = panel.bounding_box()
    strip_box = strip.bounding_box()
    assert strip_box["x"] + strip_box["width"] <= panel_box["x"]

    # Every column can be brought into view, by its chip; once there it is not covered.
    for i in range(columns.count()):
        column = columns.nth(i)
        column_id = column.get_attribute("id")
        chip = page.locator(f'.outlet-chooser [data-column="{column_id}"]')
        if chip.count():
            chip.click()
        else:  # the second article of an outlet: the bar's button leads on
            page.locator('.strip-move[data-move="1"]').click()
        wait_until(page, IN_STRIP, column_id)
        # Whole, to a pixel: a scroll ending on a fraction of a pixel showed 99.65% once.
        assert visible_share(column, strip) > 0.99
        assert not overlaps(column.bounding_box(), panel.bounding_box())
        assert column.bounding_box()["x"] + column.bounding_box()["width"] <= 1440

    # The renditions off screen are counted, and the panel's outlets lead to their columns.
    last = panel.locator(".rendition .outlet").last
    target = last.get_attribute("data-column")
    page.locator(".outlet-chooser .chip-name").first.click()
    wait_until(page, "() => document.querySelector('.columns').scrollLeft === 0")
    assert "with this statement" in page.locator(".strip-bar").inner_text()
    last.click()
    wait_until(page, IN_STRIP, target)
    assert "is-active" in page.locator(f"#{target} a.quote.is-active").first.get_attribute("class")

    # Escape closes the panel; the strip takes the room back.
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert strip.bounding_box()["width"] > strip_box["width"]
    assert page.errors == []


def test_ten_outlets_on_a_phone_no_overflow_and_one_tab_per_outlet(page, many_outlets_url):
    for width in (360, 390):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(many_outlets_url)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        tabs = page.locator(".column-tabs a")
        names = [tabs.nth(i).inner_text() for i in range(tabs.count())]
        assert len(names) == 10 and len(set(names)) == 10  # each outlet once
        assert tabs.first.is_visible()

        tabs.nth(5).click()  # a tab brings its outlet's column into view, not sideways
        column = page.locator(f"#{tabs.nth(5).get_attribute('data-column')}")
        wait_until(
            page,
            "id => Math.abs(document.getElementById(id).getBoundingClientRect().left"
            " - document.querySelector('.columns').getBoundingClientRect().left) < 2",
            column.get_attribute("id"),
        )
        column.locator("a.quote", has_text="halve the tariffs").click()
        sheet = page.locator("#statement-sheet")
        sheet.locator(".renditions").wait_for()
        box = sheet.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # a sheet, on screen
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        sheet.get_by_role("button", name="Close the panel (Escape)").click()
        sheet.wait_for(state="hidden")
    assert page.errors == []


def test_copying_a_paragraph_copies_the_articles_words_only(page, many_outlets_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(many_outlets_url)
    paragraph = page.locator(".column").first.locator("p", has_text="halve the tariffs")
    assert paragraph.locator(".who").count() == 1  # the speaker is labelled on screen
    page.evaluate(
        """p => { const range = document.createRange(); range.selectNodeContents(p);
                  const s = window.getSelection(); s.removeAllRanges(); s.addRange(range); }""",
        paragraph.element_handle(),
    )
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()")
    article = Article.objects.get(pk=page.locator(".column").first.get_attribute("id")[4:])
    expected = next(p["text"] for p in article.paragraphs if "halve the tariffs" in p["text"])
    assert " ".join(copied.split()) == " ".join(expected.split())
