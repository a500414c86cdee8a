"""The editors' and admins' pages on a phone (360 and 390 px), with a story of ten outlets: no
page runs wider than the screen, whatever it lists (issue 23)."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from articles.imports.batches import queue_files
from articles.models import ImportBatch, PendingUpload, Tag
from tests.browser import log_in
from tests.helpers import UNSIGNED_STORY, make_article, make_user, run_queued_tasks
from tests.many_outlets import make_many_outlet_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A headline with a word longer than any phone is wide, as pasted addresses are.
LONG_TITLE = (
    "Tariffs halved https://www.example.org/world/2024/fertiliser-tariffs-halved-by-twenty-"
    "countries-after-talks-in-geneva"
)
UNTITLED = (
    "Heavy rain has closed roads across the region, and hundreds of people were moved from "
    "their homes overnight as rivers burst their banks, officials said on Monday.\n\n"
    "Rescue teams worked through the night to reach villages cut off by the water.\n"
)


@pytest.fixture
def newsroom(live_server):
    """Ten outlets' story with a long headline, an edit or two in the log, a tag, an untitled
    article, an import with a file waiting for its outlet; an editor who is also an admin."""
    from articles.models import editors_group

    editor = make_user("chief", staff=True)
    editor.groups.add(editors_group())
    story = make_many_outlet_story(10)
    untitled = make_article(
        UNTITLED, name="floods-2023-long-file-name-without-breaks.txt", outlet="Reuters"
    )
    client = Client()
    client.force_login(editor)
    renamed = client.post(
        reverse("articles:rename_story", args=[story.pk]),
        {"title": LONG_TITLE, "based_on": story.title},
    )
    quote = story.articles.order_by("pk").first().quotes.order_by("pk").first()
    tag = "agricultural-trade-liberalisation-policy"
    tagged = client.post(
        reverse("articles:add_tag", args=[quote.pk]),
        {"version": quote.version, "tag": tag, "create": "on"},
    )
    assert renamed.status_code == tagged.status_code == 302
    with transaction.atomic():
        batch = ImportBatch.objects.create(label="unsigned-wire-copies-from-the-agency-feed.zip")
        queue_files(batch, [("unsigned-story-without-any-credit.txt", UNSIGNED_STORY.encode())])
    run_queued_tasks()
    assert PendingUpload.objects.exists() and Tag.objects.exists()
    return {
        "review": reverse("articles:review_queue"),
        "quote": reverse("articles:quote_edit", args=[quote.pk]),
        "story edit": reverse("articles:story_edit", args=[story.pk]),
        "story as editor": story.get_absolute_url(),
        "article edit": reverse("articles:article_edit", args=[quote.article_id]),
        "untitled": reverse("articles:untitled_articles"),
        "untitled edit": reverse("articles:article_edit", args=[untitled.pk]),
        "activity": reverse("articles:activity"),
        "tags": reverse("articles:tag_list"),
        "tag": Tag.objects.get().get_absolute_url(),
        "upload": reverse("articles:upload"),
        "imports": reverse("articles:upload_batches"),
        "import": batch.get_absolute_url(),
        "pending": reverse("articles:pending_uploads"),
    }


# What runs past the right edge: the page itself, or any element or the text in it, that is not
# inside a box scrolling sideways on purpose (the story page's strip of columns).
OVERFLOW = """width => {
    const scrolls = el => {
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== "visible") return true;
        }
        return false;
    };
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // Its own box, or the text in it (a long word runs out of a box that fits).
        const right = style.overflowX === "visible" ? box.left + el.scrollWidth : box.right;
        if (box.width && Math.max(box.right, right) > width + 1 && !scrolls(el)
                && style.visibility !== "hidden") {
            wide.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
                + " " + Math.round(Math.max(box.right, right)));
        }
    }
    return {scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 12)};
}"""


@pytest.mark.parametrize("width", [360, 390])
def test_no_editor_page_is_wider_than_a_phone(page, live_server, newsroom, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, "chief")
    wider = {}
    for name, url in newsroom.items():
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, name
        found = page.evaluate(OVERFLOW, width)
        if found["scroll"] > width or found["wide"]:
            wider[name] = found
    assert not wider, "\n".join(f"{name}: {found}" for name, found in wider.items())
    assert page.errors == []
