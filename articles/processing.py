"""After an article is stored: its quotes and speakers, its story, its statement groups.

The text work is done by the pure modules (`quotes`, `matching`); this module loads what they
need from the database and saves what they decide, inside the caller's transaction. Every
editor decision (a confirmed or rejected quote, a corrected speaker, a moved quote, an article
moved to another story) survives re-processing.
"""

import datetime
import re
from collections import Counter
from dataclasses import asdict

from django.contrib.postgres.search import TrigramSimilarity
from django.db import transaction
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower

from articles import matching
from articles.models import Article, Person, PersonAlias, Quote, StatementGroup, Story
from articles.quotes import KnownPerson, extract_quotes, quotable_texts

# How many of a story's articles stand for it when matching a new article (the first and the
# latest): enough for its words and people, bounded for stories with thousands of articles.
STORY_SAMPLE = 40
# Stories considered for an article without a date: the most recent ones that share a person.
UNDATED_CANDIDATES = 30
# Similarity above which a stored alias is worth asking match_person about.
ALIAS_TRIGRAM_MIN = 0.35
_NAME_TOKEN = re.compile(r"\b[A-Z][\w'’-]+")


def process_article(article: Article) -> None:
    """(Re-)extract quotes, place the article in a story and match its statements."""
    with transaction.atomic():
        quotes = refresh_quotes(article)
        started_story = False
        if article.story_id is None:
            started_story = assign_story(article, quotes)
        match_article_statements(article)
        article.update_search_vector()
        article.quotes.update_search_vectors()
        story = article.story
        story.refresh_date_range()
        # Relations are symmetric: a story finds its relatives once, when it starts.
        if started_story:
            link_related_stories(story)


# ----------------------------------------------------------------------------- quotes


def body_for_quotes(article: Article) -> list[str]:
    return quotable_texts(article.paragraphs)


def refresh_quotes(article: Article) -> list[Quote]:
    """Store the extractor's quotes, keeping every quote an editor has decided on."""
    paragraphs = body_for_quotes(article)
    known = known_people_in(" ".join(paragraphs))
    extraction = extract_quotes(paragraphs, known_people=list(known.values()))
    people = {person.name: save_person(person, known) for person in extraction.people}

    existing = list(article.quotes.all())
    kept = [quote for quote in existing if quote.is_editor_decided]
    # An unreviewed quote is the extractor's own work: replaced by what it finds now.
    Quote.objects.filter(pk__in=[q.pk for q in existing if not q.is_editor_decided]).delete()

    fresh = []
    for found in extraction.quotes:
        decided = next((q for q in kept if _same_span(q, found)), None)
        if decided is not None:
            if not decided.speaker_locked and found.speaker in people:
                decided.person = people[found.speaker]
                decided.save(update_fields=["person", "updated_at"])
            continue  # the editor's version of this quote stands
        fresh.append(
            Quote(
                article=article,
                person=people.get(found.speaker) if found.speaker else None,
                text=found.text,
                kind=found.kind,
                speaker_mention=found.speaker_mention[:200],
                verb=found.verb[:60],
                start_paragraph=found.start_paragraph,
                start_offset=found.start_offset,
                end_paragraph=found.end_paragraph,
                end_offset=found.end_offset,
                confidence=round(found.confidence, 3),
            )
        )
    Quote.objects.bulk_create(fresh)
    return kept + fresh


def _same_span(quote: Quote, found) -> bool:
    """Whether a stored quote and a newly found one cover overlapping text."""
    start = (quote.start_paragraph, quote.start_offset)
    end = (quote.end_paragraph, quote.end_offset)
    found_start = (found.start_paragraph, found.start_offset)
    found_end = (found.end_paragraph, found.end_offset)
    return start < found_end and found_start < end


def known_people_in(text: str) -> dict[int, KnownPerson]:
    """Stored people whose aliases occur in `text`, with all their aliases, by person id."""
    tokens = set(_NAME_TOKEN.findall(text))
    if not tokens:
        return {}
    lowered = {token.lower() for token in tokens}
    # Only a person's surname in the text makes them "known" here: a title ("President")
    # would make every president known to every article.
    person_ids = {
        person_id
        for person_id, alias, name in PersonAlias.objects.annotate(alias_lower=Lower("alias"))
        .filter(alias_lower__in=lowered)
        .values_list("person_id", "alias", "person__name")
        if alias.lower() == name.split()[-1].lower()
    }
    people = Person.objects.filter(pk__in=person_ids).prefetch_related("aliases")
    return {
        person.pk: KnownPerson(
            key=person.pk,
            name=person.name,
            aliases=tuple(alias.alias for alias in person.aliases.all()),
            role=person.role,
        )
        for person in people
    }


def save_person(found, known: dict[int, KnownPerson]) -> Person:
    """The stored Person for someone named in an article, created or enriched."""
    person = None
    if found.known_key is not None:
        person = Person.objects.filter(pk=found.known_key).first()
    if person is None:
        person = match_stored_person(found.name, found.role)
    if person is None:
        person = Person.objects.create(name=found.name[:200], role=found.role[:200])
    else:
        changed = []
        # Keep the fullest form of the name seen anywhere ("Medvedev" -> "Dmitry Medvedev").
        if len(found.name.split()) > len(person.name.split()) and _plain_name(found.name):
            person.name = found.name[:200]
            changed.append("name")
        if found.role and not person.role:
            person.role = found.role[:200]
            changed.append("role")
        if changed:
            person.save(update_fields=changed)
    aliases = {found.name, found.name.split()[-1], *filter(useful_alias, found.aliases)}
    PersonAlias.objects.bulk_create(
        [PersonAlias(person=person, alias=alias[:200]) for alias in aliases if alias.strip()],
        ignore_conflicts=True,
    )
    return person


ROLE_WORDS = frozenset(
    " ".join(
        [
            "president prime minister premier chancellor secretary-general secretary general",
            "chief head leader spokesman spokeswoman spokesperson ambassador governor mayor",
            "king queen envoy commander director chairman chairwoman chair official senator",
            "judge foreign defence defense interior finance deputy vice acting former first",
        ]
    ).split()
)


def useful_alias(alias: str) -> bool:
    """Whether an alias can name this person in other articles: a name, or a role with a
    qualifier ("former Danish prime minister", "NATO Secretary-General"); not a bare title
    ("President", "the premier") that would fit anyone holding it."""
    words = alias.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    lowered = [word.lower().strip(",.") for word in words]
    has_role = any(word in ROLE_WORDS for word in lowered)
    qualified = any(word not in ROLE_WORDS for word in lowered)
    if has_role:
        return qualified
    # No role word: only a proper name will do ("Fogh Rasmussen"), not "The Western".
    return alias[:1].isupper() and not alias.lower().startswith("the ") and len(words) >= 1


def _plain_name(name: str) -> bool:
    return all(word[:1].isupper() for word in name.split())


def match_stored_person(name: str, role: str = "") -> Person | None:
    """A stored person this name refers to: candidates by trigram similarity of the surname,
    the decision by `matching.match_person` (titles, misspellings, shared surnames)."""
    surname = name.split()[-1] if name.split() else name
    alias_rows = (
        PersonAlias.objects.annotate(similarity=TrigramSimilarity("alias", surname))
        # trigram_similar (%, threshold 0.3) can use the index; the exact match is for short
        # names, whose trigrams are too few to pass it.
        .filter(Q(alias__trigram_similar=surname) | Q(alias__iexact=surname))
        .filter(Q(similarity__gte=ALIAS_TRIGRAM_MIN) | Q(alias__iexact=surname))
        .order_by("-similarity")
        .values_list("person_id", flat=True)[:200]
    )
    person_ids = set(alias_rows)
    if not person_ids:
        return None
    people = Person.objects.filter(pk__in=person_ids).prefetch_related("aliases")
    candidates = [
        matching.PersonCandidate(
            key=person.pk,
            name=person.name,
            aliases=tuple(alias.alias for alias in person.aliases.all()),
        )
        for person in people
    ]
    key = matching.match_person(name, candidates, role=role)
    return next((person for person in people if person.pk == key), None)


# ----------------------------------------------------------------------------- stories


def article_for_story(article: Article, quotes=None) -> matching.ArticleForStory:
    if quotes is None:
        quotes = list(article.quotes.visible().select_related("person"))
    people = {quote.person.name for quote in quotes if quote.person_id}
    published = article.published_at.date() if _dated(article) else None
    return matching.ArticleForStory(
        key=article.pk,
        published=published,
        people=tuple(sorted(people)),
        places=(article.dateline,) if article.dateline else (),
        text=f"{article.title}\n\n{article.body}",
        quote_texts=tuple(quote.text for quote in quotes),
    )


def _dated(article: Article) -> bool:
    return (
        article.published_at is not None
        and article.published_precision != Article.Precision.UNKNOWN
    )


def candidate_stories(article: Article, people_ids: set[int]) -> list[Story]:
    stories = Story.objects.exclude(pk=article.story_id or 0)
    if _dated(article):
        day = article.published_at.date()
        window = datetime.timedelta(days=matching.STORY_MAX_GAP_DAYS)
        # Dated stories near the date, and undated stories (decided on text and statements).
        return list(
            stories.filter(
                Q(start_date__lte=day + window, end_date__gte=day - window)
                | Q(start_date__isnull=True)
            ).order_by("-id")[:200]
        )
    return list(
        stories.filter(articles__quotes__person_id__in=people_ids)
        .distinct()
        .order_by("-id")[:UNDATED_CANDIDATES]
    )


def story_candidate(story: Story) -> matching.StoryCandidate:
    """The story as the matcher sees it: its first article and its latest ones."""
    ordered = story.articles.order_by("published_at", "id").values_list("pk", flat=True)
    sample = {*ordered[:1], *ordered.reverse()[: STORY_SAMPLE - 1]}
    articles = (
        Article.objects.filter(pk__in=sample)
        .only("id", "title", "body", "dateline", "published_at", "published_precision")
        .prefetch_related(
            Prefetch(
                "quotes",
                queryset=Quote.objects.visible()
                .select_related("person")
                .only("id", "article_id", "text", "person__name"),
            )
        )
        .order_by("published_at", "id")
    )
    return matching.StoryCandidate(
        key=story.pk,
        start=story.start_date,
        end=story.end_date,
        articles=tuple(article_for_story(a, list(a.quotes.all())) for a in articles),
    )


def assign_story(article: Article, quotes: list[Quote]) -> bool:
    """Put the article in the story it reports on, or start a new one; say if it started one."""
    visible = [q for q in quotes if q.status != Quote.Status.REJECTED]
    mine = article_for_story(article, visible)
    people_ids = {q.person_id for q in visible if q.person_id}
    candidates = [story_candidate(story) for story in candidate_stories(article, people_ids)]
    match = matching.match_story(mine, candidates)
    if match is not None:
        story = Story.objects.get(pk=match.key)
    else:
        story = Story.objects.create(title=matching.story_title([mine])[:300] or article.title)
    article.story = story
    article.save(update_fields=["story"])
    return match is None


def link_related_stories(story: Story) -> None:
    people_ids = set(
        Quote.objects.filter(article__story=story, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    if not people_ids:
        return
    others = (
        Story.objects.filter(articles__quotes__person_id__in=people_ids)
        .exclude(pk=story.pk)
        .distinct()
        .order_by("-id")[:50]
    )
    candidates = [story_candidate(other) for other in others]
    related = matching.related_stories(story_candidate(story), candidates)
    story.related.add(*[key for key, _score in related])


# ----------------------------------------------------------------------------- statements


def match_article_statements(article: Article) -> None:
    """Put the article's ungrouped quotes into its story's statement groups."""
    story = article.story
    new_quotes = list(
        article.quotes.visible().filter(group__isnull=True, group_locked=False).order_by("id")
    )
    if not new_quotes:
        return
    members = (
        Quote.objects.visible()
        .filter(group__story=story)
        .exclude(article=article)
        .only("id", "text", "person_id", "article_id", "group_id")
    )
    speakers = {quote.person_id for quote in new_quotes}
    if None not in speakers:
        # Narrow by speaker before any scoring: only statements by these people, or by nobody
        # known, can take these quotes.
        members = members.filter(Q(group__speaker_id__in=speakers) | Q(group__speaker__isnull=True))
    by_group: dict[int, list[matching.QuoteForMatching]] = {}
    for member in members:
        by_group.setdefault(member.group_id, []).append(_for_matching(member))
    groups = [matching.StatementGroup(key, quotes) for key, quotes in by_group.items()]
    assignments = matching.match_statements([_for_matching(q) for q in new_quotes], groups)

    created: dict[int, StatementGroup] = {}
    touched = set()
    by_id = {quote.pk: quote for quote in new_quotes}
    for assignment in assignments:
        quote = by_id[assignment.quote_key]
        if assignment.group_key is not None:
            quote.group_id = assignment.group_key
        elif assignment.new_group_index is not None:
            if assignment.new_group_index not in created:
                created[assignment.new_group_index] = StatementGroup.objects.create(
                    story=story, speaker_id=quote.person_id
                )
            quote.group = created[assignment.new_group_index]
        else:
            continue
        touched.add(quote.group_id)
    Quote.objects.bulk_update(new_quotes, ["group"])
    refresh_groups(touched, new_members={quote.pk for quote in new_quotes})


def _for_matching(quote: Quote) -> matching.QuoteForMatching:
    return matching.QuoteForMatching(
        key=quote.pk, text=quote.text, speaker_key=quote.person_id, article_key=quote.article_id
    )


def refresh_groups(group_ids, new_members: set[int] | None = None) -> None:
    """Recompute each group's fullest wording, members' diffs and speaker.

    With `new_members`, a group whose fullest wording did not change only diffs those: a
    statement quoted by hundreds of articles is not diffed again for every new one.
    """
    groups = StatementGroup.objects.filter(pk__in=group_ids).prefetch_related(
        Prefetch(
            "quotes", queryset=Quote.objects.only("id", "group_id", "text", "person_id", "status")
        )
    )
    changed_quotes = []
    for group in groups:
        members = [q for q in group.quotes.all() if q.status != Quote.Status.REJECTED]
        if not members:
            group.delete()
            continue
        fullest = members[matching.fullest_wording([q.text for q in members])]
        rediff = members
        if new_members is not None and group.fullest_id == fullest.pk:
            rediff = [member for member in members if member.pk in new_members]
        for member in rediff:
            member.diff = (
                []
                if member.pk == fullest.pk
                else [asdict(token) for token in matching.word_diff(fullest.text, member.text)]
            )
            changed_quotes.append(member)
        speakers = Counter(q.person_id for q in members if q.person_id)
        group.fullest = fullest
        group.speaker_id = speakers.most_common(1)[0][0] if speakers else None
        group.save(update_fields=["fullest", "speaker"])
    Quote.objects.bulk_update(changed_quotes, ["diff"])
