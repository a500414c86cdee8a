"""Quotes, speakers, stories and statement groups as stored after import."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from articles.coverage import placement, process_article, relatives
from articles.coverage.people import match_stored_person
from articles.imports import import_file
from articles.models import (
    Article,
    PendingRelatives,
    Person,
    PersonAlias,
    PersonStory,
    Quote,
    StatementGroup,
    Story,
    StoryRelatedProfile,
)
from tests.helpers import AGENCY, NEXT_YEAR, UNSIGNED_STORY, WIRE, make_article

pytestmark = pytest.mark.django_db

# The demo corpus, as the issue states it: 19 quotations with their speakers.
DEMO_QUOTES = {
    ("Xinhua", "We have many reasons for interaction"): "Dmitry Medvedev",
    ("Xinhua", "stronger and more productive"): "Dmitry Medvedev",
    ("Xinhua", "concrete proposals"): "Anders Fogh Rasmussen",
    ("Xinhua", "I have invited Russia to step up"): "Anders Fogh Rasmussen",
    ("Xinhua", "I do believe that it's essential"): "Anders Fogh Rasmussen",
    ("Xinhua", "If Afghanistan once again"): "Anders Fogh Rasmussen",
    ("Xinhua", "A unification of Russian and NATO"): "Vladimir Putin",
    ("Reuters", "I have invited Russia to strengthen"): "Anders Fogh Rasmussen",
    ("Reuters", "I indicated that we would like"): "Anders Fogh Rasmussen",
    ("Reuters", "Disagreements should not overshadow"): "Anders Fogh Rasmussen",
    ("RFE/RL", "essential for Russia that we succeed"): "Anders Fogh Rasmussen",
    ("RFE/RL", "I hope your visit to Russia"): "Dmitry Medvedev",
    ("RFE/RL", "anything"): "Dmitry Rogozin",
    ("RFE/RL", "new beginning"): "Anders Fogh Rasmussen",
    ("Reuters", "The meeting in Lisbon"): "Anders Fogh Rasmussen",
    ("Reuters", "We will hopefully make a decision"): "Anders Fogh Rasmussen",
    ("Al Jazeera", "I would very much like to discuss"): "Anders Fogh Rasmussen",
    ("Al Jazeera", "We have many reasons for interaction"): "Dmitry Medvedev",
    ("Al Jazeera", "I suggested a helicopter package"): "Anders Fogh Rasmussen",
}
DEMO_STATEMENTS = [
    {("Xinhua", "We have many reasons"), ("Al Jazeera", "We have many reasons")},
    {("Xinhua", "stronger and more productive"), ("RFE/RL", "I hope your visit")},
    {("Xinhua", "I have invited Russia to step up"), ("Reuters", "I have invited Russia to")},
    {("Xinhua", "I do believe that it's essential"), ("RFE/RL", "essential for Russia")},
]


def stored_quotes():
    return list(Quote.objects.select_related("article__outlet", "person"))


def key_of(quote, keys):
    return next(
        (
            k
            for k in keys
            if k[0] == quote.article.outlet.short_name and quote.text.startswith(k[1])
        ),
        None,
    )


@pytest.fixture
def demo(db):
    call_command("setup_demo")


def test_demo_quotes_are_all_found_with_their_speakers_and_none_invented(demo):
    quotes = stored_quotes()
    found = {}
    for quote in quotes:
        key = key_of(quote, DEMO_QUOTES)
        assert key is not None, f"invented quote: {quote.article.outlet}: {quote.text!r}"
        found[key] = quote.person.name if quote.person else None
    assert len(quotes) == 19
    assert found == DEMO_QUOTES


def test_demo_two_paragraph_quote_is_one_quote_with_its_span(demo):
    quote = Quote.objects.get(article__outlet__short_name="Al Jazeera", text__startswith="We have")
    assert quote.end_paragraph == quote.start_paragraph + 1
    article = quote.article
    start = article.paragraphs[quote.start_paragraph]["text"]
    assert start[quote.start_offset :].startswith("We have many reasons")


def test_demo_statements_reported_by_several_outlets_are_each_one_group(demo):
    multi = StatementGroup.objects.annotate(n=Count("quotes")).filter(n__gt=1)
    groups = []
    for group in multi:
        members = {key_of(q, [k for s in DEMO_STATEMENTS for k in s]) for q in group.quotes.all()}
        groups.append(members)
    assert sorted(groups, key=str) == sorted(DEMO_STATEMENTS, key=str)


def test_demo_group_diff_marks_the_reworded_words(demo):
    reuters = Quote.objects.get(text__startswith="I have invited Russia to strengthen")
    group = reuters.group
    assert group.fullest.text.startswith("I have invited Russia to")
    other = group.quotes.exclude(pk=group.fullest_id).get()
    changed = [op for op in other.diff if op["op"] == "replace"]
    assert len(changed) == 1
    assert {changed[0]["base"], changed[0]["other"]} == {"step up its", "strengthen Russia’s"}


def test_demo_forms_two_related_stories(demo):
    stories = Story.objects.annotate(n=Count("articles")).order_by("start_date")
    assert [s.n for s in stories] == [4, 1]
    visit_2009, visit_2010 = stories
    assert set(visit_2009.articles.values_list("outlet__short_name", flat=True)) == {
        "Xinhua",
        "Reuters",
        "RFE/RL",
        "Al Jazeera",
    }
    assert visit_2010.articles.get().published_at.year == 2010
    assert str(visit_2009.start_date) == "2009-12-16"
    assert str(visit_2009.end_date) == "2009-12-17"
    assert list(visit_2009.related.all()) == [visit_2010]


def test_demo_people_are_stored_once_with_aliases(demo):
    medvedev = Person.objects.get(name="Dmitry Medvedev")
    aliases = set(medvedev.aliases.values_list("alias", flat=True))
    assert "Medvedev" in aliases
    assert Person.objects.filter(name__icontains="Medvedev").count() == 1
    assert Person.objects.filter(name__icontains="Rasmussen").count() == 1


# --- articles written for the tests ---------------------------------------------------------


def test_same_statement_from_two_outlets_is_grouped_and_articles_share_a_story():
    reuters = make_article(WIRE, name="wire.txt")
    afp = make_article(AGENCY, name="afp.txt")
    assert afp.outlet.short_name == "AFP"
    assert reuters.story_id == afp.story_id

    diallo = Quote.objects.get(article=afp, text__startswith="to halve")
    assert diallo.person.name == "Amina Diallo"
    assert diallo.kind == "partial"
    assert diallo.group.quotes.count() == 2

    ferreira = Quote.objects.get(article=afp, text__startswith="The details")
    assert ferreira.person.name == "Paulo Ferreira"
    assert ferreira.group.quotes.filter(article=reuters).exists()  # reworded, still grouped


MISATTRIBUTED = """Deal on fertiliser tariffs reached in Geneva

Published: 14/03/2023 18:30

GENEVA, March 14 (AFP) - Farm ministers from 20 countries struck a deal on Tuesday to cut
tariffs on fertiliser, after two days of talks in Geneva.

"We have agreed to halve the tariffs on fertiliser within two years, and that is good news for
every farmer," said Paulo Ferreira, Brazil's agriculture minister.
"""


def test_a_statement_given_to_the_wrong_speaker_still_joins_its_statement():
    # Every quote of the second report has a known speaker, none of them the statement's.
    reuters = make_article(WIRE, name="wire.txt")
    afp = make_article(MISATTRIBUTED, name="afp.txt")
    assert reuters.story_id == afp.story_id
    diallo = Quote.objects.get(article=reuters, text__startswith="We have agreed")
    ferreira = Quote.objects.get(article=afp, text__startswith="We have agreed")
    assert ferreira.person.name == "Paulo Ferreira"
    assert ferreira.group_id == diallo.group_id
    assert diallo.group.speaker.name == "Amina Diallo"


def test_next_years_report_is_a_related_story_not_the_same_one():
    first = make_article(WIRE, name="wire.txt")
    later = make_article(NEXT_YEAR, name="later.txt")
    assert later.story_id != first.story_id
    assert later.story in first.story.related.all()
    # Different statements by the same speaker are not grouped.
    assert not StatementGroup.objects.annotate(n=Count("quotes")).filter(n__gt=1).exists()


SAME_WEEK_ELSEWHERE = """Ministers agree on drought fund for farmers

March 16, 2023 / 11:20 AM

NAIROBI (Reuters) - Agriculture ministers from 12 African countries agreed on Thursday to set up a
drought fund for farmers, after two days of talks in Nairobi.

"Every farmer who loses a harvest to drought will get help within a month, and that is good news
for every farmer," said Amina Diallo, Senegal's agriculture minister, who chaired the talks.

Kenya's minister, Grace Wanjiru, said the fund would start with 200 million dollars.
"""


def test_the_same_minister_chairing_other_talks_in_another_city_that_week_is_another_story():
    geneva = make_article(WIRE, name="wire.txt")
    nairobi = make_article(SAME_WEEK_ELSEWHERE, name="nairobi.txt")
    assert nairobi.story_id != geneva.story_id
    afp = make_article(AGENCY, name="afp.txt")
    assert afp.story_id == geneva.story_id


def test_reprocessing_keeps_every_editor_decision():
    article = make_article(WIRE, name="wire.txt")
    confirmed, rejected = article.quotes.order_by("start_paragraph")[:2]
    confirmed.status = Quote.Status.CONFIRMED
    confirmed.save()
    rejected.status = Quote.Status.REJECTED
    rejected.save()
    someone = Person.objects.create(name="Ines Moreau")
    corrected = Quote.objects.exclude(pk__in=[confirmed.pk, rejected.pk]).get(article=article)
    corrected.person = someone
    corrected.speaker_locked = True
    corrected.save()
    added = Quote.objects.create(
        article=article,
        text="two days of talks",
        origin=Quote.Origin.EDITOR,
        start_paragraph=0,
        start_offset=0,
        end_paragraph=0,
        end_offset=5,
    )

    process_article(Article.objects.get(pk=article.pk))

    assert Quote.objects.get(pk=confirmed.pk).status == "confirmed"
    assert Quote.objects.get(pk=rejected.pk).status == "rejected"
    assert Quote.objects.get(pk=corrected.pk).person == someone
    assert Quote.objects.filter(pk=added.pk).exists()
    # The rejected quote is not found again as a new, unreviewed one.
    assert article.quotes.count() == 4


TEACHES_ALIAS = """Austria backs common fund

June 2, 2021 / 10:00 AM

VIENNA (Reuters) - Austria will back a common European fund, officials said on Wednesday.

"A common fund is the only way through this winter," said Lena Fischer, a former Austrian
finance minister who now advises the government.
"""

USES_ALIAS = """Ministers discuss common fund

June 3, 2021 / 11:00 AM

VIENNA (AP) — Lena Fischer and Marco Bianchi met in Vienna on Thursday to discuss the fund.

"We need a common fund before winter," the former Austrian finance minister said.
"""


def test_aliases_learned_from_one_article_resolve_titles_in_another():
    make_article(TEACHES_ALIAS, name="teaches.txt")
    fischer = Person.objects.get(name="Lena Fischer")
    assert fischer.aliases.filter(alias__icontains="former Austrian finance minister").exists()
    later = make_article(USES_ALIAS, name="uses.txt")
    quote = later.quotes.get(text__startswith="We need a common fund")
    assert quote.person == fischer
    assert quote.speaker_mention == "the former Austrian finance minister"


def test_bare_titles_are_not_kept_as_aliases():
    make_article(WIRE, name="wire.txt")
    aliases = set(Person.objects.get(name="Amina Diallo").aliases.values_list("alias", flat=True))
    assert "Diallo" in aliases
    assert not {"minister", "agriculture minister", "the minister"} & {a.lower() for a in aliases}


def _person(name: str, *aliases: str) -> Person:
    person = Person.objects.create(name=name)
    for alias in (name, *aliases):
        person.aliases.create(alias=alias)
    return person


def test_a_stored_person_is_found_by_surname_misspelling_or_case_and_no_one_else():
    """match_stored_person's candidates: aliases spelled the same in any case, or alike by
    trigrams; the decision is match_person's."""
    medvedev = _person("Dmitry Medvedev", "Medvedev")
    ek = _person("Jan Ek", "Ek")
    _person("Olga Petrova", "Petrova")

    assert match_stored_person("President Medvedev") == medvedev
    assert match_stored_person("Dmitry Medevedev") == medvedev  # misspelt: trigrams
    assert match_stored_person("Mr EK") == ek  # a two-letter surname, another case
    assert match_stored_person("Anna Lindqvist") is None
    found = match_stored_person("Medvedev")
    assert found.alias_list == ["Dmitry Medvedev", "Medvedev"]  # with every alias, oldest first


# --- import at scale (issue 6) ---------------------------------------------------------------


def _report(day: int, outlet: str, number: int) -> str:
    """A report of the fertiliser deal, its lead made unique so it is not a duplicate."""
    return (
        WIRE.replace("March 14, 2023", f"March {day}, 2023")
        .replace("(Reuters)", f"({outlet})")
        .replace("after two days of talks", f"after {number + 2} hours of talks")
    )


@pytest.mark.parametrize("earlier", [1, 12])
def test_adding_an_article_to_a_story_costs_the_same_queries_whatever_its_size(
    django_assert_max_num_queries, earlier
):
    for number in range(earlier):
        make_article(_report(14, "Reuters", number), name=f"earlier-{number}.txt")
    story = Article.objects.get(original_filename="earlier-0.txt").story
    # 15 with the outlets' change stamp the import reads (articles/imports/catalogue.py).
    with django_assert_max_num_queries(15):
        article = make_article(_report(14, "Reuters", 99), name="new.txt")
    assert article.story_id == story.pk
    assert story.articles.count() == earlier + 1


def test_an_article_stored_in_another_process_is_seen_by_the_next_import():
    """The candidate stories a process keeps are checked against the database each time: an
    article moved by someone else (here, a plain update) is found where it is now."""
    elsewhere = Story.objects.create(title="Moved by an editor")
    first = make_article(WIRE, name="wire.txt")
    Article.objects.filter(pk=first.pk).update(story=elsewhere)  # its old story is left empty
    elsewhere.refresh_date_range()

    second = make_article(AGENCY, name="afp.txt")
    assert second.story_id == elsewhere.pk


def test_import_writes_what_the_slow_path_computes():
    """A new article's quotes are saved with their groups, diffs and search vectors; processing
    the stored article again (the editors' path) computes the same."""
    make_article(WIRE, name="wire.txt")
    afp = make_article(AGENCY, name="afp.txt")

    def state():
        return sorted(
            (
                quote.text,
                quote.person_id,
                quote.diff,
                tuple(quote.group.quotes.exclude(article=afp).values_list("pk", flat=True)),
                quote.group.fullest.article_id == afp.pk,
                # Every other column the import writes itself.
                (quote.kind, quote.speaker_mention, quote.verb, quote.confidence),
                (quote.start_paragraph, quote.start_offset, quote.end_paragraph, quote.end_offset),
                (quote.status, quote.origin, quote.version, quote.speaker_locked),
                (quote.group_locked, quote.boundaries_locked, quote.tags_locked),
            )
            for quote in Quote.objects.filter(article=afp).select_related("group__fullest")
        )

    before = state()
    assert any(others for _, _, _, others, *_ in before)
    assert any(diff for _, _, diff, *_ in before)
    assert not Quote.objects.filter(article=afp, search_vector__isnull=True).exists()
    assert Quote.objects.filter(article=afp).search("halve tariffs").exists()
    assert Article.objects.search("fertiliser").filter(pk=afp.pk).exists()
    assert Quote.objects.filter(article=afp, person__name="Amina Diallo").search("Diallo").exists()
    vectors = dict(Quote.objects.filter(article=afp).values_list("pk", "search_vector"))
    Quote.objects.filter(article=afp).update_search_vectors()
    assert dict(Quote.objects.filter(article=afp).values_list("pk", "search_vector")) == vectors
    # The article's row, written in one statement, is what saving it the ORM's way writes.
    columns = [f.attname for f in Article._meta.concrete_fields if f.name not in ("id", "body")]
    written = Article.objects.filter(pk=afp.pk).values(*columns).get()
    assert written["search_vector"] and written["imported_at"] and written["paragraphs"]
    copy = Article.objects.get(pk=afp.pk)
    copy.search_vector = Article.search_vector_of(copy.title, copy.standfirst, copy.body)
    copy.save()
    rewritten = Article.objects.filter(pk=afp.pk).values(*columns).get()
    assert rewritten.pop("processed_at") >= written.pop("processed_at")
    assert rewritten == written

    process_article(Article.objects.get(pk=afp.pk))
    assert state() == before


def test_reprocessing_an_article_without_a_story_puts_it_back_in_the_one_it_reports_on():
    wire = make_article(WIRE, name="wire.txt")
    afp = make_article(AGENCY, name="afp.txt")
    Article.objects.filter(pk=afp.pk).update(story=None)

    process_article(Article.objects.get(pk=afp.pk))
    assert Article.objects.get(pk=afp.pk).story_id == wire.story_id


def test_new_stories_wait_for_their_relatives_until_linked_after_the_import():
    first = import_file("wire.txt", WIRE.encode()).article
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    unquoted = import_file("floods.txt", UNSIGNED_STORY.encode(), outlet="Valley Post").article
    # In the articles' transactions only a note that each story with speakers needs relatives.
    assert not Story.related.through.objects.exists()
    pending = set(PendingRelatives.objects.values_list("story_id", flat=True))
    assert pending == {first.story_id, later.story_id}  # the unquoted story has no one to share
    assert unquoted.story_id not in pending

    assert relatives.link_all_pending_relatives() == 2
    assert list(later.story.related.all()) == [first.story]
    assert list(first.story.related.all()) == [later.story]
    assert not PendingRelatives.objects.exists()
    assert relatives.link_all_pending_relatives() == 0


def test_pending_relatives_are_linked_in_batches_until_none_is_left(monkeypatch):
    monkeypatch.setattr(relatives, "RELATIVES_BATCH", 1)
    first = import_file("wire.txt", WIRE.encode()).article
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    assert relatives.link_pending_relatives() == 1
    assert PendingRelatives.objects.count() == 1  # the other story is still waiting
    assert relatives.link_all_pending_relatives() == 1
    assert list(later.story.related.all()) == [first.story]


def story_revision(story_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM articles_story_revision WHERE story_id = %s", [story_id])
        return cursor.fetchone()[0]


def test_linking_stores_each_storys_related_profile_for_its_revision():
    first = import_file("wire.txt", WIRE.encode()).article
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    relatives.link_all_pending_relatives()

    for article in (first, later):
        profile = StoryRelatedProfile.objects.get(story_id=article.story_id)
        assert profile.revision == story_revision(article.story_id)
        assert "fertiliser" in profile.terms and profile.terms["fertiliser"] > 0
        assert "Amina Diallo" in profile.people.values()


def test_a_stored_related_profile_stands_for_its_story_while_the_story_is_unchanged():
    first = import_file("wire.txt", WIRE.encode()).article
    relatives.link_all_pending_relatives()
    # Words the other story does not use: read instead of the articles, it hides the relation.
    StoryRelatedProfile.objects.filter(story_id=first.story_id).update(terms={"zucchini": 1.0})
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    relatives.link_all_pending_relatives()
    assert not later.story.related.exists()

    # Any change to the story's articles moves its revision: the profile is made again.
    Article.objects.filter(pk=first.pk).update(title=first.title + " (updated)")
    relatives.link_relatives([later.story_id])
    assert list(later.story.related.all()) == [first.story]
    stored = StoryRelatedProfile.objects.get(story_id=first.story_id)
    assert stored.revision == story_revision(first.story_id)
    assert "zucchini" not in stored.terms


def test_a_stored_related_profile_written_again_is_read_as_written():
    first = import_file("wire.txt", WIRE.encode()).article
    relatives.link_all_pending_relatives()
    stored = StoryRelatedProfile.objects.filter(story_id=first.story_id)
    made = stored.get().terms
    stored.update(terms={"zucchini": 1.0})
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    relatives.link_all_pending_relatives()
    assert not later.story.related.exists()  # the profile as stored, decoded once

    # Written again for the same revision, as another process may: read again, not the
    # profile decoded before.
    stored.update(terms=made)
    relatives.link_relatives([later.story_id])
    assert list(later.story.related.all()) == [first.story]


def test_a_change_to_who_is_quoted_forgets_the_storys_related_profile():
    article = import_file("wire.txt", WIRE.encode()).article
    story_id = article.story_id
    quotes = Quote.objects.filter(article=article).order_by("pk")
    other = Person.objects.create(name="Someone Else")

    def stored():
        return StoryRelatedProfile.objects.filter(story_id=story_id).exists()

    for change in (
        lambda: quotes.filter(pk=quotes[0].pk).update(status=Quote.Status.REJECTED),
        lambda: quotes.filter(pk=quotes[1].pk).update(person=other),
        lambda: quotes.filter(pk=quotes[1].pk).delete(),
        lambda: Quote.objects.create(
            article=article,
            text="A quote an editor added.",
            **dict.fromkeys(["start_paragraph", "start_offset", "end_paragraph", "end_offset"], 0),
        ),
    ):
        relatives.link_relatives([story_id])
        assert stored()
        quotes.update(diff=[])  # what matching statements writes: who is quoted is the same
        assert stored()
        change()
        assert not stored()


def people_in_stories():
    return set(PersonStory.objects.values_list("person_id", "story_id", "latest_quote"))


def test_the_stories_each_person_is_quoted_in_follow_quotes_speakers_and_moved_articles():
    first = import_file("wire.txt", WIRE.encode()).article
    quoted = Quote.objects.filter(article=first).exclude(person=None)
    speakers = {quote.person_id: quote.pk for quote in quoted.order_by("pk")}  # latest wins
    assert len(speakers) >= 2
    assert people_in_stories() == {(p, first.story_id, q) for p, q in speakers.items()}

    # Another speaker for a quote: that person is now quoted in the story.
    other = Person.objects.create(name="Someone Else")
    quote = quoted.order_by("pk").last()
    Quote.objects.filter(pk=quote.pk).update(person=other)
    assert (other.pk, first.story_id, quote.pk) in people_in_stories()
    # What statement matching writes changes nothing.
    before = people_in_stories()
    Quote.objects.filter(article=first).update(diff=[])
    assert people_in_stories() == before

    # An article moved to another story brings its speakers there.
    moved_to = Story.objects.create(title="Elsewhere")
    Article.objects.filter(pk=first.pk).update(story=moved_to)
    in_stories = people_in_stories()
    speakers_now = set(Quote.objects.filter(article=first).values_list("person_id", flat=True))
    assert {(p, s) for p, s, _ in in_stories} >= {(p, moved_to.pk) for p in speakers_now - {None}}

    # The latest stories first: the import's candidates for a speaker's later story.
    later = import_file("later.txt", NEXT_YEAR.encode()).article
    shared = set(Quote.objects.filter(article=later).values_list("person_id", flat=True))
    shared &= speakers_now
    assert shared
    rows = placement.peoples_stories(shared, exclude=None, limit=1)
    assert [row[0] for row in rows] == [later.story_id]
    rows = placement.peoples_stories(shared, exclude=later.story_id, limit=5)
    assert {row[0] for row in rows} == {first.story_id, moved_to.pk}


def test_reprocessing_an_article_whose_story_was_deleted_starts_one_with_its_relatives():
    first = make_article(WIRE, name="wire.txt")
    later = make_article(NEXT_YEAR, name="later.txt")
    first.story.delete()

    process_article(Article.objects.get(pk=first.pk))
    story = Article.objects.get(pk=first.pk).story
    assert story is not None and story.pk != later.story_id
    assert (str(story.start_date), str(story.end_date)) == ("2023-03-14", "2023-03-14")
    assert list(story.related.all()) == [later.story]
    assert list(later.story.related.all()) == [story]


def test_a_story_sampled_small_as_a_relative_is_loaded_whole_when_placing_an_article():
    wire = make_article(WIRE, name="wire.txt")
    afp = make_article(AGENCY, name="afp.txt")
    assert wire.story_id == afp.story_id
    people = set(Quote.objects.exclude(person=None).values_list("person", flat=True))
    rows = placement.peoples_stories(people, exclude=None, limit=5)
    assert [row[0] for row in rows] == [wire.story_id]
    placement.clear_caches()

    (relative,) = placement.story_candidates(rows, sample=1)
    assert [article.key for article in relative.articles] == [wire.pk]
    (candidate,) = placement.story_candidates(rows)
    assert sorted(article.key for article in candidate.articles) == [wire.pk, afp.pk]
    # Kept whole, it serves relatives as it is.
    (relative,) = placement.story_candidates(rows, sample=1)
    assert len(relative.articles) == 2


def test_a_story_revision_moves_with_every_change_to_its_articles():
    """What tells importing processes that a story they keep in memory changed (migration
    0011_story_revision): moved by the database on any change to the story's articles."""

    def revision(story):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT value FROM articles_story_revision WHERE story_id = %s", [story.pk]
            )
            return cursor.fetchone()[0]

    wire = make_article(WIRE, name="wire.txt")
    story, other = wire.story, Story.objects.create(title="Another")
    seen = [revision(story)]
    Article.objects.filter(pk=wire.pk).update(title="Corrected title")
    seen.append(revision(story))
    Story.objects.filter(pk=story.pk).update(title="Renamed")  # not its articles: unchanged
    assert revision(story) == seen[-1]
    Article.objects.filter(pk=wire.pk).update(story=other)
    seen.append(revision(story))
    assert revision(other) > seen[-1]  # a later value than any before
    afp = make_article(AGENCY, name="afp.txt")
    assert afp.story_id == other.pk
    moved_in = revision(other)
    Article.objects.filter(pk=afp.pk).delete()
    assert revision(other) > moved_in
    assert seen == sorted(set(seen)), seen


NON_PEOPLE_STORY = """Talks on the harbour deal collapse

ROTTERDAM (Reuters) - Port operators and unions failed on Monday to agree on a new harbour deal,
after a week of talks in Rotterdam.

"The talks have failed and there is no date for the next round," Reports said on Monday.

"Nobody wants a strike in the busiest week of the year," Authorities said in a statement.

Union leader Pieter de Groot said the offer was too low. "We were offered less than inflation
and we said no," said Mr de Groot.

"We will call a vote on Friday," said Mr.
"""


def test_plural_nouns_are_never_stored_as_people_nor_honorifics_as_aliases():
    article = make_article(NON_PEOPLE_STORY, name="harbour.txt")
    names = set(Person.objects.values_list("name", flat=True))
    assert not {"Reports", "Authorities"} & names
    assert "Pieter de Groot" in names
    assert article.quotes.filter(text__startswith="The talks have failed", person=None).exists()
    aliases = set(PersonAlias.objects.values_list("alias", flat=True))
    assert not {"Mr", "Mr.", "Reports", "Authorities"} & aliases


def test_the_speaker_page_shows_no_honorific_nor_fragment_stored_by_older_code(client):
    person = _person("Anders Fogh Rasmussen", "Rasmussen", "Mr", "-- NATO Secretary-General")
    person.aliases.create(alias="NATO Secretary-General")
    html = client.get(person.get_absolute_url()).content.decode()
    shown = re.findall(r'<span class="alias">([^<]*)</span>', html)
    assert shown == ["Rasmussen", "NATO Secretary-General"]
