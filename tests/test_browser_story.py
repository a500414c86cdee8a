"""The comparison page in a real browser: columns, linked highlighting, outlet choice, Back."""

import pytest
from django.core.management import call_command

from articles.models import Story

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
