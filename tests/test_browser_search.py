"""Search in a real browser: a misspelt word is offered its close match, which finds it."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def search_url(live_server):
    call_command("setup_demo")
    return f"{live_server.url}/search/"


def test_typing_helicoptor_offers_helicopter_and_the_offer_finds_it(page, search_url):
    page.goto(search_url)
    box = page.get_by_label("Words, phrases or names")
    box.press_sequentially("helicoptor", delay=40)
    page.wait_for_url(lambda url: "q=helicoptor&" in url)  # the whole word's results
    results = page.locator("#results")
    results.get_by_text("No quotes match “helicoptor”").wait_for()
    results.get_by_role("link", name="helicopter", exact=True).click()

    page.wait_for_url(lambda url: "q=helicopter&" in url)
    results.locator("mark", has_text="helicopter").first.wait_for()
    assert box.input_value() == "helicopter"
    assert results.locator("blockquote", has_text="I suggested a").count() == 1
    assert "Did you mean" not in results.inner_text()
    assert page.errors == []


def test_a_speaker_is_found_by_an_approximate_name(page, search_url):
    page.goto(f"{search_url}?q=rasmusen")
    people = page.locator("#results .close-match", has_text="People named like")
    people.get_by_role("link", name="their quotes").click()
    page.wait_for_url(lambda url: "speaker=" in url)
    assert page.get_by_label("Speaker").locator("option:checked").inner_text() == (
        "Anders Fogh Rasmussen"
    )
    page.locator("#results blockquote", has_text="I suggested a").wait_for()
    assert page.errors == []
