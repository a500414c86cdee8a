"""Re-running extraction keeps every editor decision made through the editing views."""

import pytest
from django.urls import reverse

from articles.coverage import process_article
from articles.models import Article, Person, Quote, Story
from tests.helpers import fresh, post_quote

pytestmark = pytest.mark.django_db


def test_editor_decisions_survive_re_extraction(editor_client, scene):
    halve, details = scene.agency.quotes.order_by("start_paragraph")
    responses = [
        post_quote(editor_client, "review_quote", scene.diallo, {"status": "confirmed"}),
        post_quote(editor_client, "review_quote", scene.fischer, {"status": "rejected"}),
        post_quote(editor_client, "change_speaker", scene.ferreira, {"name": "Amina Diallo"}),
        post_quote(editor_client, "add_tag", halve, {"tag": "tariffs", "create": "on"}),
        post_quote(editor_client, "move_quote", halve, {"group": ""}),
        post_quote(
            editor_client, "correct_boundaries", details, {"text": "The details still need to be"}
        ),
        editor_client.post(
            reverse("articles:add_quote", args=[scene.wire.pk]),
            {"paragraph": 0, "text": "agreed on Tuesday to cut tariffs", "kind": "partial"},
        ),
        editor_client.post(
            reverse("articles:move_article", args=[scene.later.pk]),
            {"story": scene.story.pk, "from_story": scene.other_story.pk},
        ),
        editor_client.post(
            reverse("articles:rename_story", args=[scene.story.pk]), {"title": "Fertiliser deal"}
        ),
    ]
    assert [r.status_code for r in responses] == [302] * len(responses)
    assert not Story.objects.filter(pk=scene.other_story.pk).exists()
    halve_group = fresh(halve).group_id
    counts = {a.pk: a.quotes.count() for a in Article.objects.all()}

    for article in Article.objects.all():
        process_article(article)

    assert fresh(scene.diallo).status == "confirmed"
    assert fresh(scene.fischer).status == "rejected"
    assert fresh(scene.ferreira).person == Person.objects.get(name="Amina Diallo")
    halve = fresh(halve)
    assert [t.name for t in halve.tags.all()] == ["tariffs"]
    assert halve.group_id == halve_group
    details = fresh(details)
    assert details.text == "The details still need to be"
    paragraph = scene.agency.paragraphs[details.start_paragraph]["text"]
    assert paragraph[details.start_offset : details.end_offset] == details.text
    assert Quote.objects.filter(origin="editor", text="agreed on Tuesday to cut tariffs").exists()
    assert Article.objects.get(pk=scene.later.pk).story_id == scene.story.pk
    assert Story.objects.get(pk=scene.story.pk).title == "Fertiliser deal"
    # Nothing the editors decided on came back as a second, unreviewed copy.
    assert {a.pk: a.quotes.count() for a in Article.objects.all()} == counts


def test_a_tag_alone_makes_a_quote_editor_decided(editor_client, scene):
    post_quote(editor_client, "add_tag", scene.fischer, {"tag": "economists", "create": "on"})
    process_article(Article.objects.get(pk=scene.wire.pk))
    assert fresh(scene.fischer).tags.get().name == "economists"


def test_reprocess_command_keeps_editor_decisions_and_finds_new_quotes(editor_client, scene):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    post_quote(editor_client, "review_quote", scene.fischer, {"status": "rejected"})
    post_quote(editor_client, "change_speaker", scene.ferreira, {"name": "Amina Diallo"})
    # A quote lost since (as if the rules had missed it): reprocessing finds it again.
    lost = scene.agency.quotes.exclude(pk__in=[scene.fischer.pk, scene.ferreira.pk]).first()
    lost_text = lost.text
    lost.delete()
    out = StringIO()

    call_command("reprocess", "--story", str(scene.story.pk), stdout=out)

    assert fresh(scene.fischer).status == "rejected"
    assert fresh(scene.ferreira).person == Person.objects.get(name="Amina Diallo")
    assert scene.agency.quotes.filter(text=lost_text).exists()
    assert out.getvalue().rstrip().endswith(f"Reprocessed {scene.story.articles.count()} articles.")
    with pytest.raises(CommandError, match="no article with id 999999"):
        call_command("reprocess", "999999", stdout=StringIO())
    with pytest.raises(CommandError, match="name article ids"):
        call_command("reprocess", stdout=StringIO())
