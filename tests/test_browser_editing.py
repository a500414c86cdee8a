"""The editor's round trip in a real browser: tag, re-attribute and reject on the story page,
see it in the text, the history and on the tag page; readers see the tag and nothing else."""

import pytest
from django.core.management import call_command

from articles.models import Article, Quote, Story
from tests.browser import log_in
from tests.helpers import make_article, make_editor
from tests.test_headline_quotes_stored import STORY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story_url(live_server, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # setup_demo creates the demo editor
    call_command("setup_demo")
    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    return f"{live_server.url}{story.get_absolute_url()}"


def open_panel(page, outlet, words):
    quote = page.locator(f'.column[data-outlet="{outlet}"] a.quote', has_text=words).first
    quote.click()
    # This quote's panel, not the one it replaces.
    panel = page.locator(f"#statement-panel #quote-panel-{quote.get_attribute('data-quote')}")
    panel.wait_for()
    return panel


def test_editor_tags_reattributes_and_rejects_in_place_and_readers_see_the_tag(
    page, live_server, story_url
):
    page.set_viewport_size({"width": 1600, "height": 1000})
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(story_url)
    assert page.locator(".editor-bar").is_visible()
    xinhua = page.locator('.column[data-outlet="xinhua"]')

    # Tag a quote, with a new tag.
    panel = open_panel(page, "xinhua", "I have invited Russia to step up")
    panel.get_by_placeholder("Add a tag").fill("Afghan transit")
    panel.get_by_label("New tag").check()
    panel.get_by_role("button", name="Add tag").click()
    page.locator("#statement-panel .message", has_text="Tagged “Afghan transit”").wait_for()
    tagged = xinhua.locator("a.quote", has_text="I have invited Russia to step up")
    assert (
        tagged.locator(".quote-tags").get_attribute("data-label") == "Afghan transit"
    )  # in the text too

    # Change a speaker, picking from the suggestions.
    panel = open_panel(page, "xinhua", "concrete proposals")
    panel.get_by_placeholder("Type a name or title").press_sequentially("Medvedv", delay=30)
    suggestion = panel.locator(".suggestion", has_text="Dmitry Medvedev")
    suggestion.wait_for()
    suggestion.click()
    history = page.locator("#statement-panel .history")
    history.get_by_text("Speaker: Anders Fogh Rasmussen → Dmitry Medvedev").wait_for()
    proposals = xinhua.locator("a.quote", has_text="concrete proposals")
    assert proposals.locator(".who").get_attribute("data-label").lower() == "medvedev"

    # Reject a false quote: a single word the extractor took for a quotation.
    panel = open_panel(page, "rferl", "anything")
    panel.get_by_role("button", name="Reject").click()
    page.locator("#statement-panel .status-rejected").wait_for()
    rejected = page.locator('.column[data-outlet="rferl"] a.quote', has_text="anything")
    assert "is-rejected" in rejected.get_attribute("class")
    assert "Rejected the quote" in page.locator("#statement-panel .history").inner_text()

    # The tagged quote's history, and the tag page.
    panel = open_panel(page, "xinhua", "I have invited Russia to step up")
    assert "Tagged “Afghan transit”" in panel.locator(".history").inner_text()
    page.goto(f"{live_server.url}/tags/afghan-transit/")
    page.get_by_text("I have invited Russia to step up its terms").wait_for()
    assert page.errors == []

    # Logged out, a reader sees the tag but no editing controls, nor the rejected quote.
    page.goto(story_url)
    page.get_by_role("button", name="Log out").click()
    page.goto(story_url)
    reader_quote = page.locator('.column[data-outlet="xinhua"] a.quote', has_text="step up")
    assert reader_quote.locator(".quote-tags").get_attribute("data-label") == "Afghan transit"
    assert page.get_by_role("link", name="Afghan transit", exact=True).is_visible()
    assert page.locator(".editor-bar").count() == 0
    assert page.locator('.column[data-outlet="rferl"] a.quote', has_text="anything").count() == 0
    reader_quote.click()
    page.locator("#statement-panel .renditions").wait_for()  # the statement, not an editor
    assert page.locator("#statement-panel form").count() == 0
    assert page.errors == []


def test_editor_adds_a_missed_quote_by_selecting_it_in_the_article(page, live_server, story_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    article = Article.objects.get(original_filename="demo/001_1a7374eea1c75804.txt")
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    words = "should not blind Russia to a common security threat"
    index = next(i for i, p in enumerate(article.paragraphs) if words in p["text"])
    # Select the words (and the space before them) in the paragraph, as a mouse would.
    page.evaluate(
        """([index, words]) => {
            const paragraph = document.getElementById("article-body").children[index];
            const node = paragraph.firstChild;
            const start = node.textContent.indexOf(words) - 1;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + 1 + words.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            document.dispatchEvent(new MouseEvent("mouseup"));
        }""",
        [index, words],
    )
    form = page.locator("#add-quote-form")
    assert form.get_by_label("Quoted words").input_value() == " " + words
    form.get_by_label("Kind").select_option("partial")
    form.get_by_role("button", name="Add quote").click()
    page.locator("#quote-editor .message", has_text="Added the quote.").wait_for()
    page.locator("#article-body a.quote", has_text=words).wait_for()  # marked in the text
    added = Quote.objects.get(origin="editor")
    paragraph = article.paragraphs[added.start_paragraph]["text"]
    assert paragraph[added.start_offset : added.end_offset] == words == added.text
    assert form.get_by_label("Quoted words").input_value() == ""  # ready for the next one
    assert page.errors == []


def test_editing_pages_have_no_serious_accessibility_violations(page, live_server, story_url):
    from axe_playwright_python.sync_playwright import Axe

    story = Story.objects.get(articles__outlet__short_name="Xinhua")
    quote = Quote.objects.filter(article__story=story).first()
    log_in(page, live_server, "editor", "newsroom-editor")
    page.goto(f"{live_server.url}{quote.get_edit_url()}")
    page.get_by_placeholder("Add a tag").fill("Transit")
    page.get_by_label("New tag").check()
    page.get_by_role("button", name="Add tag").click()
    page.get_by_text("Tagged “Transit”").first.wait_for()
    urls = [
        "/review/",
        quote.get_edit_url(),
        "/activity/",
        f"/stories/{story.pk}/edit/",
        quote.article.get_absolute_url(),
        f"/articles/{quote.article_id}/quotes/new/",
        "/tags/",
        "/tags/transit/",
        story.get_absolute_url(),
    ]
    axe, problems = Axe(), []
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                problems.append(f"{url}: {violation['id']}: {violation['help']}")
    assert problems == []
    assert page.errors == []


def test_rejecting_a_headline_quote_strikes_it_in_the_articles_heading(page, live_server):
    make_editor()
    article = make_article(STORY)
    quote = article.quotes.get(place=Quote.Place.HEADLINE)
    log_in(page, live_server, "ed")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    mark = page.locator(f'h1 a.quote[data-quote="{quote.pk}"]')
    mark.click()
    page.locator("#quote-editor").get_by_role("button", name="Reject").click()
    page.locator("#quote-editor .status-rejected").wait_for()
    assert "is-rejected" in mark.get_attribute("class")
