"""Hostile articles in a real browser: scripts, event handlers, javascript: and data: URLs,
SVG, frames and objects are stored inert, and no page that shows them runs any of it.

Every payload tries to set `window.__pwned` or open a dialog. Each page is checked for both,
for Content-Security-Policy violation events (the payloads must arrive as text, not as
markup the policy then has to block), for console errors, and for live markup in the DOM
(event-handler attributes, script URLs, scripts not ours, frames, objects, SVG).
"""

import pytest

from articles.models import Article, PendingUpload, Quote, Story, Tag, editors_group
from articles.views.editing_quotes import new_person
from tests.browser import WATCH_SCRIPT, forgive_missing_favicon, log_in
from tests.helpers import make_article, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A wire story in plain text: payloads in quotes (kept, as text) and in blocks of their own
# (removed as "script or style", and listed as removed on the article page).
TEXT_ARTICLE = """Ministers agree on grain corridor

ANKARA (Reuters) - Ministers from four countries agreed on Tuesday to reopen a grain \
corridor through the Black Sea, officials said.

"We will reopen the corridor javascript:window.__pwned='quote' within a week," Turkish \
Foreign Minister Mevlut Cavusoglu told reporters.

"Nobody should think " onmouseover="window.__pwned='attribute' this is settled," \
Cavusoglu said.

<script>window.__pwned='script';alert('script')</script>

The deal was reached after two days of talks in the Turkish capital.

<img src=x onerror="window.__pwned='img'"><svg onload="window.__pwned='svg'"><script>\
window.__pwned='svg-script'</script></svg>

Officials said ships would be inspected in Istanbul before and after their voyages.

<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe><a href="javascript:\
window.__pwned='link'">more</a><object data="data:text/html,<script>parent.__pwned='object'\
</script>"></object>

Reporting by Ali Kucukgocmen; Editing by Jane Merriman
"""

# The same event as a web page: live markup everywhere, escaped markup in the headline.
HTML_ARTICLE = """<!doctype html>
<html><head><title>Grain corridor to reopen &lt;img src=x onerror=alert('title')&gt;</title>
<script>window.__pwned='head-script'</script>
<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='refresh'">
<base href="javascript:alert('base')//">
</head>
<body onload="window.__pwned='body'">
<article>
<h1>Grain corridor to reopen &lt;img src=x onerror=alert('h1')&gt;</h1>
<p>ANKARA (Reuters) - The grain corridor through the Black Sea will reopen next week, ministers
from four countries said on Tuesday after talks in Ankara.
<img src="x" onerror="window.__pwned='img'"></p>
<script>window.__pwned='body-script'</script>
<p>"We will reopen the corridor within a week," Turkish Foreign Minister Mevlut Cavusoglu told
reporters <a href="javascript:window.__pwned='link'" onclick="window.__pwned='click'">after the
talks</a>.</p>
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>
<p>"Nobody should think this is settled," Cavusoglu said, adding that the details still had to
be written. <a href="data:text/html,&lt;script&gt;alert('data')&lt;/script&gt;">\
javascript:alert('text-url')</a></p>
<iframe srcdoc="&lt;script&gt;parent.__pwned='iframe'&lt;/script&gt;"></iframe>
<object data="data:text/html,&lt;script&gt;parent.__pwned='object'&lt;/script&gt;"></object>
<embed src="javascript:alert('embed')">
<p>Reporting by Ali Kucukgocmen; Editing by Jane Merriman</p>
</article>
<script src="javascript:alert('src')"></script>
</body></html>
"""

# What editors and admins may type: a person, a tag, a story title, an outlet, a headline.
HOSTILE_PERSON = "Ana <img src=x onerror=\"window.__pwned='person'\"> Berg"
HOSTILE_TAG = "<svg onload=\"window.__pwned='tag'\">"
HOSTILE_TITLE = "<script>window.__pwned='story'</script> Grain deal \" onmouseover=\"alert(1)"
HOSTILE_OUTLET = "Wire <b onclick=\"window.__pwned='outlet'\">X</b>"
# A web page naming no outlet waits for an admin to name it, listed with its headline.
PENDING_ARTICLE = """<!doctype html><html><head>
<title>Harbour reopens &lt;img src=x onerror="window.__pwned='pending'"&gt; to ships</title>
</head><body><article>
<h1>Harbour reopens &lt;img src=x onerror="window.__pwned='pending'"&gt; to ships</h1>
<p>The harbour reopened on Monday after a week of repairs, the port authority said, and the
first ships were unloaded within hours.</p>
<p>Dock workers said the cranes had been tested over the weekend and were ready for the autumn
harvest.</p>
</article></body></html>
"""

# Markup that would run or load something: none of it may come from the payloads.
LIVE_MARKUP = r"""() => {
    const found = [];
    const urls = ["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"];
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const where = `${element.tagName} ${attribute.name}`;
            if (attribute.name.startsWith("on")) found.push(where);
            const value = attribute.value;
            if (urls.includes(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(value))
                found.push(`${where}=${value.slice(0, 40)}`);
        }
    }
    const live = "iframe, frame, object, embed, svg, math, base, meta[http-equiv]";
    for (const element of document.querySelectorAll(live)) found.push(element.tagName);
    for (const script of document.scripts)
        if (!script.src || !new URL(script.src).pathname.startsWith("/static/"))
            found.push(`script ${script.src || script.textContent.slice(0, 40)}`);
    return found;
}"""


@pytest.fixture
def hostile(live_server):
    """The hostile articles imported, and hostile names where editors and admins type them."""
    text = make_article(TEXT_ARTICLE, name="hostile.txt", outlet=HOSTILE_OUTLET)
    web = make_article(HTML_ARTICLE, name="hostile.html")
    story = Story.objects.get(pk=text.story_id)
    story.title = HOSTILE_TITLE
    story.save()
    quote = Quote.objects.get(article=text, text__contains="javascript:")
    quote.person = new_person(HOSTILE_PERSON)  # as "Create a new person" does
    quote.save()
    quote.tags.add(Tag.objects.create(name=HOSTILE_TAG))
    return {"text": text, "web": web, "story": story, "quote": quote}


@pytest.fixture
def watched(page):
    """The page, recording dialogs (dismissed) and CSP violations (a payload blocked by the
    policy instead of arriving as text shows there)."""
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.missing = []
    page.on("response", lambda r: page.missing.append(r.url) if r.status >= 400 else None)
    page.add_init_script(WATCH_SCRIPT)
    return page


def check_inert(page, where: str) -> list[str]:
    """What on the page shows a payload came alive; an empty list when none did."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # broken images' onerror would have fired by now
    problems = []
    pwned = page.evaluate("window.__pwned")
    if pwned is not None:
        problems.append(f"{where}: a payload ran ({pwned})")
    problems += [f"{where}: dialog {message!r}" for message in page.dialogs]
    violations = page.evaluate("window.__cspViolations") or []
    problems += [f"{where}: CSP violation {v}" for v in violations]
    problems += [f"{where}: live markup {m}" for m in page.evaluate(LIVE_MARKUP)]
    problems += [f"{where}: console {error}" for error in page.errors]
    problems += [f"{where}: missing {url}" for url in page.missing]
    page.dialogs.clear()
    page.errors.clear()
    page.missing.clear()
    return problems


def visit(page, live_server, path: str, *, shows: str | None = None) -> list[str]:
    response = page.goto(f"{live_server.url}{path}")
    problems = [] if response.status == 200 else [f"{path}: status {response.status}"]
    forgive_missing_favicon(page, response)
    problems += check_inert(page, path)
    if shows is not None and shows not in page.locator("body").inner_text():
        problems.append(f"{path}: does not show {shows!r} as text")
    return problems


def test_reader_pages_show_hostile_articles_as_inert_text(watched, live_server, hostile):
    page = watched
    text, web, story = hostile["text"], hostile["web"], hostile["story"]
    person = hostile["quote"].person
    tag = Tag.objects.get(name=HOSTILE_TAG)
    statement = hostile["quote"].group_id
    assert statement is not None
    problems = []
    problems += visit(page, live_server, "/", shows=HOSTILE_TITLE)
    problems += visit(page, live_server, story.get_absolute_url(), shows=HOSTILE_TITLE)
    # The quote opens its statement panel (htmx swaps the hostile wording in).
    page.locator("a.quote", has_text="javascript:window.__pwned").first.click()
    page.locator("#statement-panel .renditions").wait_for()
    assert "javascript:window.__pwned='quote'" in page.locator("#statement-panel").inner_text()
    problems += check_inert(page, "story page, statement panel")
    problems += visit(page, live_server, web.story.get_absolute_url(), shows="onerror=alert('h1')")
    problems += visit(page, live_server, f"{story.get_absolute_url()}statements/")
    problems += visit(page, live_server, f"{story.get_absolute_url()}statements/{statement}/")
    problems += visit(page, live_server, person.get_absolute_url(), shows=HOSTILE_PERSON)
    problems += visit(page, live_server, text.get_absolute_url(), shows="onmouseover=")
    # The blocks removed as "script or style" are listed, as text.
    page.locator("details.stripped summary").click()
    assert "<script>window.__pwned='script'" in page.locator("details.stripped").inner_text()
    problems += check_inert(page, "article page, removed blocks")
    problems += visit(page, live_server, web.get_absolute_url(), shows="onerror=alert('h1')")
    problems += visit(page, live_server, f"{text.get_absolute_url()}original/")
    problems += visit(page, live_server, f"{web.get_absolute_url()}original/")
    problems += visit(page, live_server, text.outlet.get_absolute_url(), shows=HOSTILE_OUTLET)
    problems += visit(page, live_server, web.outlet.get_absolute_url())
    problems += visit(page, live_server, "/outlets/", shows=HOSTILE_OUTLET)
    problems += visit(page, live_server, "/tags/", shows=HOSTILE_TAG)
    problems += visit(page, live_server, tag.get_absolute_url(), shows=HOSTILE_TAG)
    problems += visit(page, live_server, "/search/?q=corridor", shows=HOSTILE_PERSON)
    problems += visit(page, live_server, "/search/?q=javascript")
    # Searching as you type: htmx swaps the results in.
    page.get_by_label("Words, phrases or names").fill("")
    page.get_by_label("Words, phrases or names").press_sequentially("corrid", delay=30)
    page.locator("#results mark", has_text="corridor").first.wait_for()
    problems += check_inert(page, "search as you type")
    assert problems == []


def test_the_original_is_served_as_plain_text_never_rendered(watched, live_server, hostile):
    response = watched.goto(f"{live_server.url}{hostile['web'].get_absolute_url()}original/")
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>window.__pwned='head-script'</script>" in watched.locator("body").inner_text()
    assert check_inert(watched, "original") == []


def test_editor_pages_show_hostile_input_as_inert_text(watched, live_server, hostile):
    page = watched
    editor = make_user("ed")
    editor.groups.add(editors_group())
    log_in(page, live_server, "ed")
    story, quote = hostile["story"], hostile["quote"]
    problems = []
    problems += visit(page, live_server, "/review/", shows="javascript:window.__pwned")
    problems += visit(page, live_server, quote.get_edit_url(), shows=HOSTILE_PERSON)
    problems += visit(page, live_server, f"/stories/{story.pk}/edit/", shows=HOSTILE_TITLE)
    problems += visit(page, live_server, story.get_absolute_url(), shows=HOSTILE_TITLE)
    # The quote's editing panel, swapped in by htmx; then the speaker suggestions for a name
    # that matches the hostile person.
    page.locator(f'a.quote[data-quote="{quote.pk}"]').first.click()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.pk}")
    panel.wait_for()
    panel.get_by_placeholder("Type a name or title").press_sequentially("Ana Berg", delay=30)
    panel.locator(".suggestion", has_text="onerror").first.wait_for()
    problems += check_inert(page, "story page, quote panel and suggestions")
    # An edit through the panel, then its record on the activity page.
    panel.get_by_placeholder("Add a tag").fill(HOSTILE_TAG)
    panel.get_by_role("button", name="Add tag").click()
    page.locator("#statement-panel .message", has_text="Already tagged").wait_for()
    panel = page.locator(f"#statement-panel #quote-panel-{quote.pk}")
    panel.get_by_role("button", name="Reject").click()
    page.locator("#statement-panel .status-rejected").wait_for()
    problems += check_inert(page, "story page, after editing")
    problems += visit(page, live_server, "/activity/", shows="Rejected the quote")
    problems += visit(page, live_server, f"/articles/{quote.article_id}/quotes/new/")
    assert problems == []


def test_staff_pages_show_hostile_uploads_as_inert_text(watched, live_server, hostile):
    from articles.imports import import_file

    report = import_file("pending.html", PENDING_ARTICLE.encode())
    assert report.status == "needs_outlet"
    assert "<img src=x onerror=" in PendingUpload.objects.get().title
    make_user("boss", staff=True)
    log_in(watched, live_server, "boss")
    problems = []
    problems += visit(watched, live_server, "/upload/pending/", shows="onerror=")
    problems += visit(watched, live_server, "/upload/")
    assert problems == []
    assert Article.objects.count() == 2


def test_the_checks_catch_a_payload_that_runs(watched):
    """The checks above are worth something: markup that runs is caught, each way."""
    watched.set_content(
        "<p>Hello</p><img src=x onerror=\"window.__pwned='img'\">"
        "<a href=\"javascript:alert(1)\">x</a><svg></svg><script>alert('dialog')</script>"
    )
    problems = check_inert(watched, "test page")
    assert any("a payload ran (img)" in problem for problem in problems)
    assert any("dialog 'dialog'" in problem for problem in problems)
    assert any("live markup IMG onerror" in problem for problem in problems)
    assert any("live markup A href=javascript" in problem for problem in problems)
    assert any("live markup svg" in problem for problem in problems)
