"""Which story or statement an editor means, from what they type: the candidates offered when
moving an article or a quote, or merging stories or statements, best first.

Editors remember a story by its title, its date, an outlet that covered it or a few of its
words, not by its number; a statement by who said it or its words. So a query is read as:
a number (#12 or 12), a date or a year, outlet names, and the words left over, each narrowing
the candidates. With nothing typed, the likeliest come first: stories sharing people with the
one being edited, statements by the same speaker with similar words.

Each function answers in two queries at most (outlet names, then the candidates with all they
show), whatever the size of the database.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.history import Refused
from articles.ingest.dates import search_date
from articles.models import (
    Article,
    Outlet,
    PersonAlias,
    PersonStory,
    Quote,
    StatementGroup,
    Story,
)

CHOICES_SHOWN = 8
NUMBER = re.compile(r"^#?(\d{1,9})$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass
class Query:
    """What an editor typed, taken apart."""

    number: int | None = None
    day: datetime.date | None = None
    year: int | None = None
    # For each word naming outlets, the outlets it names (any of them will do).
    outlets: list[list[int]] = field(default_factory=list)
    words: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.number or self.day or self.year or self.outlets or self.words)


def read_query(typed: str) -> Query:
    """Split a typed query into a number, a date or year, outlets and words (one query, for
    the outlets: a word is an outlet's when it is its short name or begins its name)."""
    typed = " ".join(typed.split())[:200]
    query = Query()
    number = NUMBER.match(typed)
    # A year is a year (2022); #2022 is a number.
    if number and not (YEAR.match(typed) and not typed.startswith("#")):
        query.number = int(number[1])
        return query
    found = search_date(typed)
    if found is not None:
        query.day = found.value.date()
        # Leave the date's own words out of the rest.
        typed = re.sub(r"\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}\b|\b\d{4}\b", " ", typed)
        typed = re.sub(
            r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", " ", typed, flags=re.I
        )
    words = []
    for word in typed.split():
        if YEAR.match(word) and query.day is None:
            query.year = int(word)
        else:
            words.append(word)
    if words:
        named = outlets_named(words)
        query.outlets = list(named.values())
        words = [word for word in words if word.lower() not in named]
    query.words = " ".join(words)
    return query


def outlets_named(words: list[str]) -> dict[str, list[int]]:
    """The words that name outlets (lowered), each with the outlets it names."""
    condition = Q()
    for word in words:
        if len(word) >= 2:
            condition |= Q(short_name__iexact=word) | Q(name__istartswith=word)
    if not condition:
        return {}
    found: dict[str, list[int]] = {}
    for pk, short_name, name in Outlet.objects.filter(condition).values_list(
        "pk", "short_name", "name"
    ):
        for word in words:
            lowered = word.lower()
            if lowered == short_name.lower() or name.lower().startswith(lowered):
                found.setdefault(lowered, []).append(pk)
    return found


# ----------------------------------------------------------------------------- stories


def story_choices(typed: str, *, besides: int, limit: int = CHOICES_SHOWN) -> list[Story]:
    """Stories an editor may mean by `typed`, other than story `besides`, best first: those
    sharing the most people with it, then the closest title, then the most recent. Each
    carries `outlet_names`, `article_count` and `shared_people` to show."""
    query = read_query(typed)
    stories = Story.objects.exclude(pk=besides)
    if query.number:
        stories = stories.filter(pk=query.number)
    if query.day:
        published = Article.objects.filter(published_at__date=query.day).values("story_id")
        stories = stories.filter(
            Q(start_date__lte=query.day, end_date__gte=query.day) | Q(pk__in=published)
        )
    if query.year:
        published = Article.objects.filter(published_at__year=query.year).values("story_id")
        stories = stories.filter(
            Q(start_date__year__lte=query.year, end_date__year__gte=query.year)
            | Q(pk__in=published)
        )
    for outlets in query.outlets:
        covered = Article.objects.filter(outlet__in=outlets).values("story_id")
        stories = stories.filter(pk__in=covered)
    title_score = Value(0.0)
    if query.words:
        title_score = TrigramWordSimilarity(query.words, "title")
        in_articles = Article.objects.matching(query.words).values("story_id")
        stories = stories.annotate(title_score=title_score).filter(
            Q(title__icontains=query.words) | Q(title_score__gte=0.4) | Q(pk__in=in_articles)
        )
    else:
        stories = stories.annotate(title_score=title_score)
    their_people = PersonStory.objects.filter(story_id=besides).values("person_id")
    shared = (
        PersonStory.objects.filter(story_id=OuterRef("pk"), person_id__in=their_people)
        .order_by()
        .values("story_id")
        .annotate(count=Count("person_id"))
        .values("count")
    )
    outlets = (
        Article.objects.filter(story_id=OuterRef("pk"))
        .order_by()
        .values("story_id")
        .annotate(names=ArrayAgg("outlet__short_name", distinct=True))
        .values("names")
    )
    articles = (
        Article.objects.filter(story_id=OuterRef("pk"))
        .order_by()
        .values("story_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return list(
        stories.only("title", "start_date", "end_date")
        .annotate(
            shared_people=Coalesce(Subquery(shared, output_field=IntegerField()), 0),
            outlet_names=Subquery(outlets),
            article_count=Coalesce(Subquery(articles, output_field=IntegerField()), 0),
        )
        .order_by(
            "-shared_people",
            "-title_score",
            F("end_date").desc(nulls_last=True),
            "-pk",
        )[:limit]
    )


# ----------------------------------------------------------------------------- statements


def statement_choices(
    typed: str, *, story: int, besides: int | None = None, limit: int = CHOICES_SHOWN
) -> list[StatementGroup]:
    """Statements of `story` an editor may mean by `typed` (the speaker's name, words of any
    of its quotes, an outlet that carries it), other than statement `besides`, best first:
    the same speaker as `besides`, then the words closest to the typed ones (or, with nothing
    typed, to `besides`' own). Each carries `outlet_names` and `quote_count` to show."""
    query = read_query(typed)
    groups = StatementGroup.objects.filter(story_id=story).exclude(pk=besides or 0)
    if query.number:
        groups = groups.filter(pk=query.number)
    for outlets in query.outlets:
        carried = Quote.objects.visible().filter(article__outlet__in=outlets).values("group_id")
        groups = groups.filter(pk__in=carried)
    if query.words:
        in_quotes = Quote.objects.visible().filter(article__story_id=story)
        in_quotes = in_quotes.matching(query.words).values("group_id")
        groups = groups.filter(
            Q(pk__in=in_quotes)
            | Q(speaker__name__icontains=query.words)
            | Q(
                speaker_id__in=PersonAlias.objects.filter(alias__iexact=query.words).values(
                    "person_id"
                )
            )
        )
    reference = query.words
    same_speaker = Value(0)
    if besides:
        mine = StatementGroup.objects.filter(pk=besides)
        if not reference:
            reference = Subquery(mine.values("fullest__text")[:1])
        same_speaker = Coalesce(
            Subquery(
                mine.filter(speaker_id=OuterRef("speaker_id"))
                .annotate(one=Value(1))
                .values("one")[:1],
                output_field=IntegerField(),
            ),
            0,
        )
    closeness = TrigramSimilarity("fullest__text", reference) if reference else Value(0.0)
    members = Quote.objects.visible().filter(group_id=OuterRef("pk")).order_by()
    outlets = (
        members.values("group_id")
        .annotate(names=ArrayAgg("article__outlet__short_name", distinct=True))
        .values("names")
    )
    counts = members.values("group_id").annotate(count=Count("pk")).values("count")
    return list(
        groups.select_related("speaker", "fullest")
        .only("pk", "speaker__name", "fullest__text")
        .annotate(
            same_speaker=same_speaker,
            closeness=closeness,
            outlet_names=Subquery(outlets),
            quote_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0),
        )
        .filter(quote_count__gt=0)
        .order_by("-same_speaker", "-closeness", "pk")[:limit]
    )


# ----------------------------------------------------------------------------- a form's choice


def chosen_story(data: dict, field: str, besides: int) -> int:
    """The story the editor chose: the id a suggestion carried, or one typed as a number;
    else a refusal offering the stories that fit what they typed."""
    return _chosen(data, field, "story", lambda typed: story_choices(typed, besides=besides))


def chosen_statement(data: dict, field: str, story: int, besides: int | None) -> int:
    """As chosen_story, for a statement of `story`."""
    return _chosen(
        data,
        field,
        "statement",
        lambda typed: statement_choices(typed, story=story, besides=besides),
    )


def _chosen(data: dict, field: str, noun: str, choices_for) -> int:
    if data[field] is not None:
        return data[field]
    typed = data["query"].strip()
    number = read_query(typed).number
    if number:
        return number
    choices = choices_for(typed) if typed else []
    raise Refused(choice_prompt(noun, typed, choices), choices=choices, kind=noun, typed=typed)


def choice_prompt(noun: str, typed: str, choices: list) -> str:
    if not typed:
        hint = "its title, a date, an outlet or some of its words"
        if noun == "statement":
            hint = "who said it, some of its words or an outlet"
        return f"Choose the {noun}: type {hint}, then pick it from the list."
    if not choices:
        return f"No {noun} matches “{typed}”. Try other words, a date or an outlet."
    return f"Which {noun} do you mean by “{typed}”? Pick it below."
