import dataclasses
import functools
import json
import re

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField, DateRangeField
from django.contrib.postgres.indexes import GinIndex, GistIndex, OpClass
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection, models
from django.db.models import Count, F, Max, Min, OuterRef, Prefetch
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.text import slugify

from articles.ingest.outlets import KnownOutlet
from articles.ingest.outlets import Outlet as IngestOutlet
from articles.matching import date_in_story, story_title
from articles.quotes import is_public_alias

# A route's URL on either side of its one integer argument, by (route, script prefix, URLconf).
_ROUTE_PARTS: dict[tuple, tuple[str, str]] = {}
_PK_MARK = "9081726354"


def url_with_pk(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a route whose one argument is an integer, the route
    reversed once: a page of search results links some 90 objects, and reverse() took 2.5 ms."""
    key = (name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    parts = _ROUTE_PARTS.get(key)
    if parts is None:
        before, _, after = reverse(name, args=[_PK_MARK]).rpartition(_PK_MARK)
        parts = _ROUTE_PARTS[key] = (before, after)
    return f"{parts[0]}{int(pk)}{parts[1]}"


class OutletQuerySet(models.QuerySet):
    def with_articles(self):
        """Outlets with an article stored: what readers choose among (the seed stores many more,
        for reading to recognise)."""
        return self.filter(models.Exists(Article.objects.filter(outlet=OuterRef("pk"))))


class Outlet(models.Model):
    """An outlet: a wire agency, broadcaster, newspaper..."""

    class Kind(models.TextChoices):
        WIRE = "wire", "Wire agency"
        STATE = "state", "State media"
        PUBLIC = "public", "Public broadcaster"
        BROADCASTER = "broadcaster", "Broadcaster"
        NEWSPAPER = "newspaper", "Newspaper"
        MAGAZINE = "magazine", "Magazine"
        ONLINE = "online", "Online outlet"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=80, unique=True)
    homepage = models.URLField(blank=True)
    country = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)

    objects = OutletQuerySet.as_manager()

    # What reading recognises it by, besides its name and short name (see articles.ingest.outlets).
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Other names it is given in datelines, bylines, credits and copyright lines.",
    )
    domains = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Its web domains, without www: reuters.com, news.cn.",
    )
    credit_forms = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text='Credits it prints, "..." for any few words: (Reuters), /TASS/, '
        "Reporting by ... for Kyiv Post.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.label(self.short_name, self.name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(str(self))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:outlet_detail", args=[self.slug])

    def known_outlet(self) -> KnownOutlet:
        """The outlet as reading knows it."""
        return KnownOutlet(
            IngestOutlet(self.name, self.short_name, self.homepage, self.country, self.kind),
            tuple(self.aliases),
            tuple(self.domains),
            tuple(self.credit_forms),
        )

    @staticmethod
    def label(short_name: str, name: str) -> str:
        """How an outlet is shown: its short name, else its name (for rows read as values)."""
        return short_name or name

    @classmethod
    def unique_slug(cls, name: str) -> str:
        """A slug no other outlet has: "ap", then "ap-2", "ap-3"..."""
        base = slugify(name)[:70] or "outlet"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug


class StoryQuerySet(models.QuerySet):
    def recent(self):
        """Stories by their latest known date, with their counts and articles for listing. Read
        in index order and counted per story shown: counting every story's quotes to order them
        all took seconds on 100,000 articles."""
        articles = Article.objects.filter(story=OuterRef("pk")).order_by().values("story")
        quotes = Quote.objects.filter(article__story=OuterRef("pk")).order_by()

        def count_of(rows):
            return Coalesce(models.Subquery(rows.annotate(n=Count("pk")).values("n")), 0)

        return (
            self.order_by(models.F("end_date").desc(nulls_last=True), "-id")
            .annotate(
                article_count=count_of(articles),
                quote_count=count_of(quotes.values("article__story")),
            )
            .prefetch_related(
                Prefetch("articles", queryset=Article.objects.listing().order_by("published_at"))
            )
        )


class Story(models.Model):
    """One event, covered by one or more articles."""

    title = models.CharField(max_length=300)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    created_at = models.DateTimeField(auto_now_add=True)
    title_locked = models.BooleanField(default=False, help_text="An editor set the title.")

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-end_date", "-id"]
        verbose_name_plural = "stories"
        indexes = [
            # Import's candidate stories: those whose dates overlap a few days around an
            # article's (articles.coverage.placement.candidate_rows), cheap with 25,000+ stories.
            GistIndex(
                models.Func(
                    models.F("start_date"),
                    models.F("end_date"),
                    models.Value("[]"),
                    function="daterange",
                    output_field=DateRangeField(),
                ),
                name="story_dates_idx",
                condition=models.Q(start_date__isnull=False),
            ),
            # The latest undated stories, also candidates for every article.
            models.Index(
                fields=["-id"],
                name="story_undated_idx",
                condition=models.Q(start_date__isnull=True),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return url_with_pk("articles:story_detail", self.pk)

    def refresh_date_range(self):
        """Recompute the date range from the articles' known publication dates."""
        dates = self.articles.exclude(published_precision=Article.Precision.UNKNOWN).aggregate(
            start=Min("published_at"), end=Max("published_at")
        )
        self.start_date = dates["start"].date() if dates["start"] else None
        self.end_date = dates["end"].date() if dates["end"] else None
        self.save(update_fields=["start_date", "end_date"])

    def outlets(self):
        """Distinct outlets of the (prefetched) articles, in order of first coverage."""
        seen = {}
        for article in self.articles.all():
            seen.setdefault(article.outlet_id, article.outlet)
        return list(seen.values())

    # Editors' changes, each recorded by an articles.history.Change around it. They import
    # articles.coverage when called: it imports this module.

    def rename(self, title: str) -> None:
        """A better title; re-processing never changes it again."""
        self.title, self.title_locked = title, True
        self.save(update_fields=["title", "title_locked"])

    def split(self, articles: list["Article"], title: str = "") -> "Story":
        """These articles (some of this story's) leave for a new story of their own, titled
        `title` or after what they report; returns it."""
        from articles.coverage.placement import article_for_story

        chosen = title or (
            story_title([article_for_story(a) for a in articles])[:300] or articles[0].headline
        )
        new = Story.objects.create(title=chosen[:300], title_locked=bool(title))
        for article in articles:
            article.move_to(new)
        Story.finish_moves([self.pk, new.pk])
        return new

    def merge(self, other: "Story", articles: list["Article"]) -> None:
        """The other story's articles (`articles`, as read for the edit's record) join this
        one, their statements matched to this story's; the other story is gone."""
        for article in articles:
            article.move_to(self)
        Story.finish_moves([self.pk, other.pk])

    @staticmethod
    def finish_moves(story_ids) -> None:
        """After articles moved: dates follow the articles; a story left without any is gone."""
        Story.objects.filter(pk__in=story_ids, articles__isnull=True).delete()
        for story in Story.objects.filter(pk__in=story_ids):
            story.refresh_date_range()


class PendingRelatives(models.Model):
    """A story started by an import whose related stories are still to be looked for.

    Written in the article's transaction, so none is forgotten; the relatives are found
    afterwards, for many new stories at once (coverage.relatives.link_pending_relatives):
    an import does not hold its story locks, or the other worker, while it compares the new
    story with fifty others.
    """

    story = models.OneToOneField(
        Story, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "pending relatives"

    def __str__(self):
        return f"relatives of story {self.story_id}"


class StoryRelatedProfile(models.Model):
    """A story's words and people as related stories are compared by
    (articles.matching.related_profile), kept while the story's revision is `revision`.

    A new story is compared with the fifty latest stories quoting its speakers, most of them
    old ones no import has loaded lately: read from here, they need neither their articles
    loaded nor their words analysed (a fifth of an import's time on 100,000 articles). The
    revision (articles_story_revision) moves with any change to the story's articles; a change
    to which of its quotes count or who said them deletes the row (migration 0017's triggers).
    The row is made again from what the linking process has loaded, which may be its cached
    copy of an article from before such a change (coverage.placement keeps articles until
    they are re-processed): the speakers an editor removed can then count for related stories
    until the story next changes.
    """

    story = models.OneToOneField(
        Story, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    revision = models.BigIntegerField()
    terms = models.JSONField()  # term -> weight
    people = models.JSONField()  # folded surname -> name as written

    def __str__(self):
        return f"related profile of story {self.story_id}"


# An English configuration that also ignores accents ("Medvedev" finds "Médvédev"); created
# by a migration.
SEARCH_CONFIG = "newsroom"
# Snippet highlight markers: control characters no article contains, turned into <mark> after
# the snippet is HTML-escaped (see articles.search.mark_snippet).
SNIPPET_START, SNIPPET_STOP = "\x02", "\x03"


# Kilobytes of new entries a full-text index keeps unsorted: every search reads them all (see
# migration 0012_search_speed).
SEARCH_PENDING_KB = 256


def search_query(text: str) -> SearchQuery:
    """The reader's query in web-search syntax ("phrase", -word, or), plus, so that results
    appear while a word is still being typed, its words with the last one as a prefix."""
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    words = re.findall(r"[^\W_]+", text)[:12]
    # Phrases, exclusions and alternatives mean the reader wants exactly what they typed.
    if words and not re.search(r'"|(^|\s)-|\bor\b', text, re.IGNORECASE):
        prefix = " & ".join([*words[:-1], f"{words[-1]}:*"])
        query |= SearchQuery(prefix, search_type="raw", config=SEARCH_CONFIG)
    return query


class Unaccented(models.Func):
    """Text without its accents: unaccent() through an immutable function of migration 0021,
    which an index may use (unaccent() itself may not be indexed)."""

    function = "newsroom_unaccent"
    output_field = models.TextField()


class SearchWord(models.Model):
    """A word of the archive's articles as a reader would type it: lower case, without
    accents, not stemmed (the text search configuration `newsroom_words`). Where "Did you
    mean" looks for the close match of a misspelt word (articles/spelling.py).

    A trigger (migration 0021) adds the new words of each article written or rewritten, and
    none is taken away: the articles of a suggested word are counted when it is suggested.
    The table is the archive's vocabulary, growing with the language more than with the
    archive; pg_trgm finds the words like a misspelt one through search_word_trigram_idx.
    """

    word = models.TextField(primary_key=True)

    class Meta:
        indexes = [
            GinIndex(
                fields=["word"],
                opclasses=["gin_trgm_ops"],
                name="search_word_trigram_idx",
                gin_pending_list_limit=SEARCH_PENDING_KB,
            ),
        ]

    def __str__(self):
        return self.word


# An article's upload, text and search vector: what no list of articles or quotes shows.
ARTICLE_TEXT_FIELDS = ("original", "paragraphs", "captions", "stripped", "body", "search_vector")


class ArticleQuerySet(models.QuerySet):
    def search(self, text: str):
        """Articles matching `text`, best first, each with its `rank`. Ranking every match of a
        common word is slow on a large corpus: the search page ranks only the newest ones."""
        return (
            self.matching(text)
            .with_rank(text)
            .order_by("-rank", models.F("published_at").desc(nulls_last=True), "-id")
        )

    def matching(self, text: str):
        """Articles matching `text`, unranked. Filter on anything else first: PostgreSQL checks
        a row's conditions in the order written, and this one reads the whole stored vector."""
        return self.filter(search_vector=search_query(text))

    def with_rank(self, text: str):
        """Each article with its `rank` for `text` (costly: it reads the whole vector)."""
        # F(): the stored vector itself; a bare name would be re-parsed from text per row.
        return self.annotate(rank=SearchRank(models.F("search_vector"), search_query(text)))

    def with_snippet(self, text: str):
        """Each article with a `snippet` of its body, the words matching `text` marked. Costly
        (the body is parsed again): for a page of results, not for every match."""
        return self.annotate(
            snippet=SearchHeadline(
                "body",
                search_query(text),
                config=SEARCH_CONFIG,
                start_sel=SNIPPET_START,
                stop_sel=SNIPPET_STOP,
                max_words=30,
                min_words=12,
                # One fragment around the matches: half the time of choosing the best cover
                # over the whole body, and the same length.
                max_fragments=1,
            )
        )

    def listing(self):
        """Just what lists of articles show: the heavy text and upload columns stay behind."""
        return self.select_related("outlet").defer(*ARTICLE_TEXT_FIELDS, "standfirst")

    def for_comparison(self):
        """Articles with their clean text, in publication order, for side-by-side reading."""
        return (
            self.select_related("outlet")
            .defer("original", "stripped", "body", "search_vector")
            .order_by(models.F("published_at").asc(nulls_last=True), "id")
        )

    def recent(self):
        return (
            self.listing()
            .select_related("story")
            .order_by(models.F("published_at").desc(nulls_last=True), "-id")
        )


# Fast inserts: what an import writes of a new article (its row, its quotes, the statement
# groups they start), each in one statement that is built once per process. Building them with
# the ORM took longer than running them. The search vectors in them are the models' own
# (Article.search_vector_of, Quote.search_vector_of), compiled into the statement.


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def insert(self, article: "Article") -> None:
        """Save a new article, with its search vector, in one statement; set its id.

        What article.save() with Article.search_vector_of does (a test holds the two to the
        same result).
        """
        article.body = article.body_text  # as Article.save
        fields, sql, vector_params, text_places = _article_insert()
        values = [_db_value(field, field.pre_save(article, True)) for field in fields]
        vector = list(vector_params)
        texts = (article.title, article.standfirst, article.body)
        for place, text in zip(text_places, texts, strict=True):
            vector[place] = text
        with connection.cursor() as cursor:
            cursor.execute(sql, [*values, *vector])
            ((article.pk,),) = cursor.fetchall()
        article._state.adding = False
        article._state.db = connection.alias


@functools.cache
def _article_insert() -> tuple[list, str, tuple, tuple[int, ...]]:
    """The fields Article.objects.insert sends and its statement; then the parameters of the
    search vector in it, and where among them the title, standfirst and body go."""
    fields = _inserted_fields(Article)
    quote_name = connection.ops.quote_name
    columns = ", ".join(quote_name(field.column) for field in fields)
    values = ", ".join("%s::jsonb" if _is_json(field) else "%s" for field in fields)
    marks = ("\0title", "\0standfirst", "\0body")  # never sent: each is replaced by its text
    vector, params = _compiled(Article, Article.search_vector_of(*marks))
    sql = f"""
        INSERT INTO articles_article ({columns}, search_vector)
        SELECT {values}, {vector}
        RETURNING id
    """
    return fields, sql, params, tuple(params.index(mark) for mark in marks)


def _inserted_fields(model) -> list:
    """The columns a new row of `model` is written with: all but its id and search vector."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != "search_vector"
    ]


def _is_json(field) -> bool:
    return isinstance(field, models.JSONField)


def _db_value(field, value):
    """A field's value as sent to the database; JSON as text, cast in SQL.

    A plain value (see _plain_type) goes as it is, which is what get_db_prep_save would make
    of it: preparing the ten-odd columns of ten quotes that way cost 2% of an import."""
    if _is_json(field):
        return json.dumps(value, cls=field.encoder)
    if value is None or type(value) is _plain_type(field):
        return value
    return field.get_db_prep_save(value, connection)


@functools.cache
def _plain_type(field) -> type | None:
    """The type of value `field` sends to the database unchanged, if any."""
    if isinstance(field, models.BooleanField):
        return bool
    if isinstance(field, (models.CharField, models.TextField)):
        return str
    if isinstance(field, (models.IntegerField, models.ForeignKey)):
        return int
    return None


def _compiled(model, expression) -> tuple[str, tuple]:
    """An expression's SQL and parameters, to be written into a statement on `model`'s table."""
    query = Query(model)
    sql, params = query.get_compiler(connection=connection).compile(
        expression.resolve_expression(query)
    )
    return sql, tuple(params)


UNTITLED = "Untitled"


class Article(models.Model):
    class Precision(models.TextChoices):
        MINUTE = "minute", "To the minute"
        DAY = "day", "To the day"
        UNKNOWN = "unknown", "Unknown"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        HTML = "html", "HTML page"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    story = models.ForeignKey(
        Story, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    # Empty when the reading found no credible headline: shown as "Untitled" and listed for
    # editors (never the file's name, which is no headline).
    title = models.CharField(max_length=500, blank=True)
    standfirst = models.TextField(blank=True)
    dateline = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=10, choices=Precision, default=Precision.UNKNOWN
    )
    published_inferred = models.BooleanField(
        default=False, help_text="The date's year was taken from elsewhere on the page."
    )
    byline = models.CharField(max_length=300, blank=True)
    credits = models.CharField(max_length=500, blank=True)
    # [{"kind": "text" | "subheading", "text": "..."}, ...] in reading order; quotes refer
    # to paragraphs by their index in this list.
    paragraphs = models.JSONField(default=list)
    # The body text alone (paragraphs joined), for search and its highlighted snippets.
    body = models.TextField(blank=True)
    captions = models.JSONField(default=list)
    # [{"reason": "...", "text": "..."}]: what the pipeline removed as site chrome.
    stripped = models.JSONField(default=list)
    outlet_evidence = models.CharField(max_length=300, blank=True)
    story_locked = models.BooleanField(
        default=False, help_text="An editor chose the story; re-processing keeps it."
    )

    # The upload exactly as received, so an editor can see and re-process it.
    original = models.BinaryField()
    original_filename = models.CharField(max_length=255)
    original_format = models.CharField(max_length=10, choices=Format, default=Format.TEXT)
    # sha256 of the uploaded bytes: the same upload is never stored twice.
    fingerprint = models.CharField(max_length=64, unique=True)
    # sha256 of the normalised clean text: the same article re-encoded is a duplicate too.
    text_fingerprint = models.CharField(max_length=64, db_index=True)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(auto_now=True)
    # Stored and indexed, so search never re-parses article text (see search_vector_of).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        # Ranges and orders on published_at use article_recent_idx (migration 0009): a second,
        # plain index on it let the planner read a whole date window and sort it where walking
        # the newest first stops at the first 200 matches (see migration 0013).
        indexes = [
            GinIndex(
                fields=["search_vector"],
                name="article_search_idx",
                gin_pending_list_limit=SEARCH_PENDING_KB,
            ),
            # A speaker's articles put in date order (the search's speaker filter) from the
            # index alone: reading each article's row took a third longer.
            models.Index(
                fields=["id"], include=["published_at", "outlet_id"], name="article_id_dates_idx"
            ),
            # The few articles without a headline, listed for editors (untitled_articles).
            models.Index(fields=["-id"], condition=models.Q(title=""), name="article_untitled_idx"),
        ]

    def __str__(self):
        return f"{self.outlet}: {self.headline}"

    def save(self, *args, **kwargs):
        self.body = self.body_text
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return url_with_pk("articles:article_detail", self.pk)

    @property
    def headline(self) -> str:
        return self.title or UNTITLED

    @property
    def body_text(self):
        return "\n\n".join(p["text"] for p in self.paragraphs)

    @staticmethod
    def search_vector_of(title: str, standfirst: str, body: str):
        """The stored search vector of an article with these texts, written with its row."""
        return (
            SearchVector(models.Value(title), weight="A", config=SEARCH_CONFIG)
            + SearchVector(models.Value(standfirst), weight="B", config=SEARCH_CONFIG)
            + SearchVector(models.Value(body), weight="C", config=SEARCH_CONFIG)
        )

    def quotable_paragraphs(self) -> list[str]:
        """Paragraph texts with subheadings blanked: quotes never sit in them."""
        return [p["text"] if p.get("kind", "text") == "text" else "" for p in self.paragraphs]

    def overlapping_quote(self, span, besides: int = 0, place: str = "body") -> "Quote | None":
        """A quote readers see that shares words with the span (an articles.locate.Span) in the
        same place (the body, or the headline): highlighting would drop one."""
        start = (span.start_paragraph, span.start_offset)
        end = (span.end_paragraph, span.end_offset)
        for quote in (
            self.quotes.visible()
            .filter(place=place)
            .exclude(pk=besides)
            .only("start_paragraph", "start_offset", "end_paragraph", "end_offset", "text")
        ):
            if (quote.start_paragraph, quote.start_offset) < end and start < (
                quote.end_paragraph,
                quote.end_offset,
            ):
                return quote
        return None

    # Editors' changes, each recorded by an articles.history.Change around it. They import
    # articles.coverage when called: it imports this module.

    def add_quote(self, span, *, person: "Person | None", kind: str) -> "Quote":
        """Store a quote the extractor missed (at `span`, an articles.locate.Span), confirmed
        and marked as the editor's, and put it into its story's statements."""
        from articles.coverage.statements import match_article_statements

        quote = Quote.objects.create(
            article=self,
            person=person,
            text=span.text,
            kind=kind,
            start_paragraph=span.start_paragraph,
            start_offset=span.start_offset,
            end_paragraph=span.end_paragraph,
            end_offset=span.end_offset,
            confidence=1.0,
            status=Quote.Status.CONFIRMED,
            origin=Quote.Origin.EDITOR,
            speaker_locked=person is not None,
        )
        Quote.objects.filter(pk=quote.pk).update_search_vectors()
        if self.story_id:
            match_article_statements(self)
        return quote

    # What an editor may correct of the reading (correct()); a new date or outlet places the
    # article again.
    CORRECTABLE = (
        "title",
        "published_at",
        "published_precision",
        "outlet_id",
        "dateline",
        "byline",
    )
    PLACED_BY = frozenset({"published_at", "published_precision", "outlet_id"})

    def date_from_story(self):
        """For an article without a date: the day its story's dates (and the day of the week its
        text names) point to, shown as inferred; never used to place it. None for a dated
        article, or when its story was not loaded with it (a list: no query per article)."""
        deferred = self.get_deferred_fields()  # read none of them: a query each
        if {"published_at", "story_id"} & deferred or self.published_at is not None:
            return None
        if not self.story_id or not Article.story.is_cached(self):
            return None
        # What the query loaded of its text: a list leaves the body behind, not the paragraphs.
        if "body" not in deferred:
            text = self.body
        elif "paragraphs" not in deferred:
            text = "\n".join(paragraph["text"] for paragraph in self.paragraphs)
        else:
            text = ""
        story = self.story
        return date_in_story(f"{self.title}\n\n{text}", story.start_date, story.end_date)

    def correct(self, **details) -> list[str]:
        """An editor's corrections of what the reading got wrong (CORRECTABLE fields, by
        name); returns the fields that changed. A corrected date is the editor's, no longer
        inferred. A new date or outlet places the article in a story again (unless an
        editor chose its story)."""
        from articles.coverage.placement import place_again

        changed = [field for field in self.CORRECTABLE if getattr(self, field) != details[field]]
        if not changed:
            return []
        for field in changed:
            setattr(self, field, details[field])
        if {"published_at", "published_precision"} & set(changed):
            self.published_inferred = False
        Article.objects.filter(pk=self.pk).update(
            **{field: details[field] for field in changed},
            published_inferred=self.published_inferred,
            search_vector=Article.search_vector_of(self.title, self.standfirst, self.body),
            # The story matcher's cached copy of the article is stale.
            processed_at=timezone.now(),
        )
        if self.PLACED_BY & set(changed):
            place_again(self)
        return changed

    def move_to(self, story: Story, *, by_editor: bool = True) -> None:
        """Move the article with its quotes (re-processing keeps it there if `by_editor`; an
        automatic move, coverage.healing's, keeps nothing): they leave their statements in the
        old story and are matched afresh against the new story's statements.
        Story.finish_moves tidies the stories afterwards."""
        from articles.coverage.statements import match_article_statements, refresh_groups

        old_groups = set(
            self.quotes.exclude(group=None).values_list("group_id", flat=True).distinct()
        )
        self.quotes.update(
            group=None, group_locked=False, version=F("version") + 1, updated_at=timezone.now()
        )
        Quote.also_in.through.objects.filter(quote__article=self).delete()
        Article.objects.filter(pk=self.pk).update(story=story, story_locked=by_editor)
        self.story, self.story_locked = story, by_editor
        refresh_groups(old_groups)
        match_article_statements(self)


class PendingUpload(models.Model):
    """An upload whose outlet could not be told from its text: it waits for an admin's choice."""

    original = models.BinaryField()
    original_filename = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, unique=True)
    title = models.CharField(max_length=500, blank=True)
    # The first lines of its text, for the admin naming the outlet to see what the file is.
    first_lines = models.TextField(blank=True)
    # The publication date the uploader gave, used when the outlet is named if the text has none.
    published = models.DateField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_filename


class PersonQuerySet(models.QuerySet):
    def with_quote_counts(self):
        return self.annotate(quote_count=Count("quotes", distinct=True))


class Person(models.Model):
    """Someone quoted or named, stored once across all outlets."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            # People by approximate name in search ("rasmusen"): pg_trgm, accents ignored.
            GinIndex(
                OpClass(Unaccented("name"), name="gin_trgm_ops"), name="person_name_trigram_idx"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return url_with_pk("articles:person_detail", self.pk)

    def is_public_alias(self, alias: str) -> bool:
        """Whether a stored alias may stand for this person on their page and in the API: a
        name or a qualified role, never an honorific ("Mr") or a fragment stored by older code.
        The words of their own name always may, even a surname that is also a title or a trade
        ("Baker" for James Baker, "Dean")."""
        return set(alias.split()) <= set(self.name.split()) or is_public_alias(alias)

    @property
    def public_aliases(self) -> list[str]:
        """The other ways the articles name this person that may stand on their page."""
        return [
            alias.alias
            for alias in self.aliases.all()
            if alias.alias != self.name and self.is_public_alias(alias.alias)
        ]

    @property
    def surname(self):
        return self.name.split()[-1] if self.name else ""


class PersonAlias(models.Model):
    """A way articles refer to a person: full name, surname, title or role as written."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "alias"], name="unique_alias_per_person")
        ]
        indexes = [
            models.Index(models.functions.Lower("alias"), name="alias_lower_idx"),
            # Fuzzy name look-ups ("Medevedev") use pg_trgm's % operator through this index.
            GinIndex(fields=["alias"], opclasses=["gin_trgm_ops"], name="alias_trigram_idx"),
            # People by approximate name in search, accents ignored (as person_name_trigram_idx):
            # their one-word aliases, the surnames and their spellings ("Medevedev"), not the
            # titles ("the health minister": a misspelt "ministr" matched 553 people).
            GinIndex(
                OpClass(Unaccented("alias"), name="gin_trgm_ops"),
                condition=~models.Q(alias__contains=" "),
                name="alias_word_trigram_idx",
            ),
        ]

    def __str__(self):
        return self.alias


class PersonStory(models.Model):
    """A story someone is quoted in, and the latest of their quotes there (its id): where an
    import looks for the stories an undated article, or a new story's relatives, may belong
    with (articles.coverage.placement.peoples_stories).

    Kept by triggers (migration 0018) as quotes are inserted, given another speaker or
    article, and as articles move between stories. A row stays when its quotes go: these are
    candidates for the matcher, which reads the stories themselves, not a record.
    """

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", db_index=False
    )  # unique_person_story leads with it
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    latest_quote = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "story"], name="unique_person_story")
        ]
        indexes = [
            # A person's stories, latest first, read from the index alone.
            models.Index(
                fields=["person", "-latest_quote"],
                include=["story"],
                name="person_story_recent_idx",
            ),
        ]

    def __str__(self):
        return f"person {self.person_id} in story {self.story_id}"


# StatementGroup.objects.bulk_create([StatementGroup(story_id=..., speaker_id=quote.person_id,
# fullest_id=quote.pk) ...]), the groups' ids in the quotes' order: the ORM took three times as
# long to build it as to run it.
INSERT_GROUPS_SQL = """
    INSERT INTO articles_statementgroup (story_id, speaker_id, fullest_id, created_at)
    SELECT %(story)s, u.speaker, u.fullest, %(now)s
    FROM UNNEST(%(speakers)s::bigint[], %(fullest)s::bigint[])
         WITH ORDINALITY AS u(speaker, fullest, position)
    ORDER BY u.position
    RETURNING id
"""


class StatementGroupManager(models.Manager):
    def start_many(self, story_id: int, quotes: list["Quote"]) -> list[int]:
        """Start a statement group in the story for each quote (its speaker, the quote as its
        fullest wording when it is saved), in one statement; their ids, in order."""
        if not quotes:
            return []
        params = {
            "story": story_id,
            "now": timezone.now(),
            "speakers": [quote.person_id for quote in quotes],
            "fullest": [quote.pk for quote in quotes],
        }
        with connection.cursor() as cursor:
            cursor.execute(INSERT_GROUPS_SQL, params)
            return [pk for (pk,) in cursor.fetchall()]

    def labelled(self):
        """Statements with what their label() needs, in the same query."""
        return self.select_related("speaker", "fullest").only(
            "story_id", "speaker__name", "fullest__text"
        )


def opening(text: str | None, words: int = 7) -> str:
    """The first few words of a text, as editors recall a quote: “I have invited Russia…”."""
    parts = (text or "").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


class StatementGroup(models.Model):
    """Quotes of the same statement by different outlets within one story."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="statements"
    )
    # The member whose wording is the fullest; every member's diff is against it.
    fullest = models.ForeignKey(
        "Quote", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StatementGroupManager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Statement {self.pk} in {self.story}"

    @staticmethod
    def describe(speaker: str | None, words: str | None) -> str:
        """A statement in words: who said it and how it begins (“Rasmussen: ‘I have…’”)."""
        return f"{speaker or 'Unattributed'}: “{opening(words)}”"

    def label(self) -> str:
        """This statement in words (load it with StatementGroup.objects.labelled())."""
        return self.describe(
            self.speaker.name if self.speaker else None, self.fullest.text if self.fullest else None
        )

    # Editors' changes, each recorded by an articles.history.Change around it. They import
    # articles.coverage when called: it imports this module.

    def split(self, quote_ids) -> "StatementGroup":
        """These quotes (some of this statement's) become a statement of their own; returns
        it."""
        from articles.coverage.statements import refresh_groups

        new = StatementGroup.objects.create(story_id=self.story_id)
        Quote.objects.filter(pk__in=quote_ids).update(
            group=new, group_locked=True, version=F("version") + 1, updated_at=timezone.now()
        )
        refresh_groups([self.pk, new.pk])
        return new

    def merge(self, other: "StatementGroup", quote_ids) -> None:
        """The other statement's quotes (`quote_ids`, as read for the edit's record) join this
        one: the same words, reported differently. The other, left empty, is gone; this one is
        read again (its fullest wording and speaker may have changed)."""
        from articles.coverage.statements import refresh_groups

        Quote.objects.filter(pk__in=quote_ids).update(
            group_id=self.pk,
            group_locked=True,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        refresh_groups([self.pk, other.pk])
        self.refresh_from_db()


class TagQuerySet(models.QuerySet):
    def with_quote_counts(self):
        """Each tag with how many quotes readers can see carry it."""
        return self.annotate(
            quote_count=Count("quotes", filter=~models.Q(quotes__status="rejected"), distinct=True)
        )


class Tag(models.Model):
    """A topic editors attach to quotes: a small vocabulary they grow as they go."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=70, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.slug_for(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:tag_detail", args=[self.slug])

    @staticmethod
    def slug_for(name: str) -> str:
        return slugify(name)[:70]


class QuoteQuerySet(models.QuerySet):
    def visible(self):
        """What readers see: everything but quotes an editor rejected."""
        return self.exclude(status=Quote.Status.REJECTED)

    def listing(self):
        """Quotes with their article's outlet and story, for lists: the heavy columns of the
        quote and its article stay behind."""
        return self.select_related("article__outlet", "article__story").defer(
            "diff", "search_vector", *(f"article__{field}" for field in ARTICLE_TEXT_FIELDS)
        )

    def search(self, text: str):
        """Visible quotes whose words (or speaker) match `text`, best first, each with its
        `rank`. The search page ranks only the newest matches (see ArticleQuerySet.search)."""
        return self.visible().matching(text).with_rank(text).order_by("-rank", "-id")

    def matching(self, text: str):
        """Quotes whose words (or speaker) match `text`, unranked; last, as for articles."""
        return self.filter(search_vector=search_query(text))

    def with_rank(self, text: str):
        return self.annotate(rank=SearchRank(models.F("search_vector"), search_query(text)))

    def with_snippet(self, text: str):
        """Each quote with a `snippet`: its words, those matching `text` marked."""
        return self.annotate(
            snippet=SearchHeadline(
                "text",
                search_query(text),
                config=SEARCH_CONFIG,
                start_sel=SNIPPET_START,
                stop_sel=SNIPPET_STOP,
                highlight_all=True,  # quotes are short: show the whole of each
            )
        )

    def with_tag_names(self):
        """Each quote with its tags' `tag_names` and `tag_slugs` (in name order), in the same
        query. Subqueries, not a join: a join would be the one a filter on tags already made,
        and would show only the tag filtered on."""
        tagged = Quote.tags.through.objects.filter(quote_id=OuterRef("pk")).values("quote_id")

        def tag_array(field):
            values = tagged.annotate(values=ArrayAgg(f"tag__{field}", order_by="tag__name"))
            return Coalesce(
                models.Subquery(values.values("values")),
                models.Value([], output_field=ArrayField(models.CharField())),
            )

        return self.annotate(tag_names=tag_array("name"), tag_slugs=tag_array("slug"))

    def unreviewed(self):
        """The review queue: quotes nobody has confirmed or rejected, least sure first."""
        return self.filter(status=Quote.Status.UNREVIEWED).order_by("confidence", "id")

    def review_waiting(self, status: str) -> None:
        """Confirm or reject these quotes, all waiting in the review queue (none rejected, so
        none needs matching to a statement again): what Quote.review does, for many at once,
        each statement they are in read again once."""
        from articles.coverage.statements import refresh_groups

        groups = set(self.exclude(group=None).values_list("group_id", flat=True))
        self.update(status=status)
        refresh_groups(groups)

    def update_search_vectors(self):
        """Recompute the stored vectors: the quote's words, then its speaker's name."""
        speaker = models.Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("name"))
        return self.update(search_vector=Quote.search_vector_of(models.F("text"), speaker))


class QuoteManager(models.Manager.from_queryset(QuoteQuerySet)):
    def insert_many(self, quotes: list["Quote"]) -> None:
        """Save new quotes in one statement, each with its search vector, and set their ids.

        What Quote.objects.bulk_create followed by update_search_vectors() does, in one statement
        instead of two: bulk_create cannot send these rows as arrays (UNNEST) because of the JSON
        and vector columns, and building its row-by-row statement took longer than running it.
        The vector is Quote.search_vector_of's, as update_search_vectors writes it (a test holds
        the two to the same result).
        """
        if not quotes:
            return
        fields, sql, vector_params = _quote_insert()
        arrays = [
            [_db_value(field, field.pre_save(quote, True)) for quote in quotes] for field in fields
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*vector_params, *arrays])
            ids = cursor.fetchall()
        # Ordered by position, so the ids come back in the quotes' order (as bulk_create relies on).
        for quote, (pk,) in zip(quotes, ids, strict=True):
            quote.pk = pk
            quote._state.adding = False


@functools.cache
def _quote_insert() -> tuple[list, str, tuple]:
    """The fields Quote.objects.insert_many sends, its statement (a column array per field)
    and the parameters of the search vector in it."""
    fields = _inserted_fields(Quote)
    quote_name = connection.ops.quote_name
    arrays, selected = [], []
    for field in fields:
        column = quote_name(field.column)
        if _is_json(field):
            arrays.append("%s::text[]")
            selected.append(f"u.{column}::jsonb")
        else:
            arrays.append(f"%s::{field.db_type(connection).split('(')[0]}[]")
            selected.append(f"u.{column}")
    columns = ", ".join(quote_name(field.column) for field in fields)
    # Each row's words and its speaker's name (the join below; NULL for none).
    vector, params = _compiled(
        Quote,
        Quote.search_vector_of(
            RawSQL("u.text", (), output_field=models.TextField()),
            RawSQL("p.name", (), output_field=models.CharField()),
        ),
    )
    sql = f"""
        INSERT INTO articles_quote ({columns}, search_vector)
        SELECT {", ".join(selected)}, {vector}
        FROM UNNEST({", ".join(arrays)}) WITH ORDINALITY AS u({columns}, position)
        LEFT JOIN articles_person p ON p.id = u.person_id
        ORDER BY u.position
        RETURNING id
    """
    return fields, sql, params


# An article's quotes as a reader meets them: the headline's first, then the body's in order.
# ("headline" sorts after "body", so a descending place puts the headline first; a test holds it.)
QUOTE_READING_ORDER = ("-place", "start_paragraph", "start_offset")


class Quote(models.Model):
    """A direct quotation in an article, with who said it and where it sits in the body."""

    class Kind(models.TextChoices):
        FULL = "full", "Full quote"
        PARTIAL = "partial", "Partial quote"

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", "Not reviewed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    # Confidence below which the speaker shown is marked as unsure (see speaker_unsure).
    UNSURE_BELOW = 0.5

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Found by the extractor"
        EDITOR = "editor", "Added by an editor"

    class Place(models.TextChoices):
        # Where the quote is printed: the body's paragraphs, or the article's headline (its
        # paragraphs are then 0 and its offsets index Article.title).
        BODY = "body", "Body"
        HEADLINE = "headline", "Headline"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        db_index=False,  # quote_person_recent_idx leads with it
    )
    group = models.ForeignKey(
        StatementGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
    )
    # Other statements of the story this quote holds whole: an outlet quoted a passage of
    # several statements in one piece, which `group` alone (one statement) cannot say. Kept by
    # the matcher (coverage.statements), like the diffs; a statement shows these with its own.
    also_in = models.ManyToManyField(StatementGroup, blank=True, related_name="passages")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.FULL)
    speaker_mention = models.CharField(max_length=200, blank=True)
    verb = models.CharField(max_length=60, blank=True)
    place = models.CharField(max_length=10, choices=Place, default=Place.BODY)
    start_paragraph = models.PositiveIntegerField()
    start_offset = models.PositiveIntegerField()
    end_paragraph = models.PositiveIntegerField()
    end_offset = models.PositiveIntegerField()
    confidence = models.FloatField(default=1.0)
    # [{"op": "equal"|"insert"|"delete"|"replace", "base": "...", "other": "..."}] against the
    # group's fullest wording; empty for the fullest itself and for quotes in no group.
    diff = models.JSONField(default=list, blank=True)

    # Editor decisions. Re-extraction keeps every quote whose decision fields are set.
    status = models.CharField(max_length=12, choices=Status, default=Status.UNREVIEWED)
    origin = models.CharField(max_length=12, choices=Origin, default=Origin.EXTRACTED)
    speaker_locked = models.BooleanField(default=False, help_text="An editor set the speaker.")
    group_locked = models.BooleanField(default=False, help_text="An editor set the group.")
    boundaries_locked = models.BooleanField(
        default=False, help_text="An editor corrected where the quote starts and ends."
    )
    tags_locked = models.BooleanField(default=False, help_text="An editor set the tags.")
    tags = models.ManyToManyField(Tag, blank=True, related_name="quotes")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = QuoteManager()

    class Meta:
        ordering = ["article_id", *QUOTE_READING_ORDER]
        indexes = [
            models.Index(fields=["status", "confidence"]),
            GinIndex(
                fields=["search_vector"],
                name="quote_search_idx",
                gin_pending_list_limit=SEARCH_PENDING_KB,
            ),
            # A person's latest quotes: the stories they spoke in lately (import's candidates).
            models.Index(fields=["person", "-id"], name="quote_person_recent_idx"),
            # A person's articles in order, read from the index alone (status: visible or
            # not): the search's speaker filter. Without it PostgreSQL walked every quote by
            # article to find one speaker's first 5,000 articles (300 ms on 1,000,000 quotes).
            models.Index(
                fields=["person", "article"], include=["status"], name="quote_person_article_idx"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @staticmethod
    def search_vector_of(text, speaker):
        """The stored search vector of a quote: its words, then its speaker's name (expressions;
        the name NULL for a quote without a speaker)."""
        return SearchVector(text, weight="A", config=SEARCH_CONFIG) + SearchVector(
            speaker, weight="B", config=SEARCH_CONFIG
        )

    @property
    def speaker_unsure(self) -> bool:
        """Whether the reading was unsure who said this and no editor has settled it: the
        speaker shown is marked so an editor sees where to look. Below UNSURE_BELOW are the
        pronouns and descriptions with rivals, carried-on and introduced speakers; on the real
        dev pages most wrong speakers were there (bench/quote_quality.py --real)."""
        return (
            self.person_id is not None
            and self.confidence < self.UNSURE_BELOW
            and self.status == self.Status.UNREVIEWED
            and not self.speaker_locked
        )

    @property
    def is_editor_decided(self):
        return (
            self.status != self.Status.UNREVIEWED
            or self.origin == self.Origin.EDITOR
            or self.speaker_locked
            or self.group_locked
            or self.boundaries_locked
            or self.tags_locked
        )

    def get_edit_url(self):
        return url_with_pk("articles:quote_edit", self.pk)

    @property
    def annotated_tags(self) -> list[dict]:
        """[{name, slug}] of a quote loaded with `with_tag_names()`; [] otherwise."""
        names, slugs = getattr(self, "tag_names", []), getattr(self, "tag_slugs", [])
        return [{"name": name, "slug": slug} for name, slug in zip(names, slugs, strict=True)]

    # Editors' changes, each recorded by an articles.history.Change around it and kept by
    # re-processing (the decision fields say so). They import articles.coverage when
    # called: it imports this module.

    def review(self, status: str) -> None:
        """Confirm the quote, reject it (readers stop seeing it), or send it back to the queue."""
        from articles.coverage.statements import match_article_statements, refresh_groups

        was_rejected = self.status == Quote.Status.REJECTED
        self.status = status
        self.save(update_fields=["status"])
        if self.group_id:
            refresh_groups([self.group_id])  # the fullest wording may have been this one
        elif was_rejected and self.status != Quote.Status.REJECTED and self.article.story_id:
            match_article_statements(self.article)

    def correct_words(self, span) -> None:
        """Put the quote where the editor found its words (an articles.locate.Span)."""
        from articles.coverage.statements import refresh_groups

        span_fields = [field.name for field in dataclasses.fields(span)]
        for field in span_fields:
            setattr(self, field, getattr(span, field))
        self.boundaries_locked = True
        self.save(update_fields=[*span_fields, "boundaries_locked"])
        Quote.objects.filter(pk=self.pk).update_search_vectors()
        if self.group_id:
            refresh_groups([self.group_id])  # the diffs compare the words

    def set_speaker(self, person: Person | None) -> None:
        from articles.coverage.statements import refresh_groups

        self.person = person
        self.speaker_locked = True
        self.save(update_fields=["person", "speaker_locked"])
        Quote.objects.filter(pk=self.pk).update_search_vectors()
        if self.group_id:
            refresh_groups([self.group_id])  # the statement's speaker is its members' choice

    def add_tag(self, tag: Tag) -> None:
        self.tags.add(tag)
        Quote.objects.filter(pk=self.pk).update(tags_locked=True)

    def remove_tag(self, tag: Tag) -> None:
        self.tags.remove(tag)
        Quote.objects.filter(pk=self.pk).update(tags_locked=True)

    def move_to_statement(self, group: StatementGroup) -> None:
        """Into another statement of its story (one of its own, if new)."""
        from articles.coverage.statements import refresh_groups

        old = self.group_id
        self.group = group
        self.group_locked = True
        self.save(update_fields=["group", "group_locked"])
        refresh_groups({old, group.pk} - {None})


# ----------------------------------------------------------------------------- editing

# Staff (admins) may do everything editors may; editors get these through the "Editors" group.
EDITOR_PERMISSION = "articles.change_quote"


def can_edit(user, permission: str = EDITOR_PERMISSION) -> bool:
    return user.is_authenticated and (user.is_staff or user.has_perm(permission))


# What editors may do: review, tag and correct quotes, speakers, statements, stories and
# articles' details.
# Uploading, deleting articles and managing outlets, users and tags stay with admins (staff).
EDITOR_PERMISSIONS = (
    "view_quote",
    "add_quote",
    "change_quote",
    "view_tag",
    "add_tag",
    "view_person",
    "add_person",
    "view_statementgroup",
    "add_statementgroup",
    "change_statementgroup",
    "view_story",
    "add_story",
    "change_story",
    "view_article",
    "change_article",  # correcting what the reading got wrong: title, date, outlet...
    "view_edit",
)


def editors_group() -> Group:
    """The Editors group. Migration 0004 creates it; this puts it back if it has gone (a
    database flushed by tests keeps the permissions but not what data migrations made)."""
    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS
            )
        )
    return group


class EditQuerySet(models.QuerySet):
    def for_quote(self, quote_id: int):
        """Every edit that changed this quote, newest first (GIN-indexed array lookup)."""
        return self.filter(quote_ids__contains=[quote_id]).order_by("-created_at", "-id")


class Edit(models.Model):
    """One editorial change: who, when, and the state of what it touched before and after."""

    class Action(models.TextChoices):
        REVIEW = "review", "Review"
        BOUNDARIES = "boundaries", "Boundaries corrected"
        SPEAKER = "speaker", "Speaker changed"
        TAG_ADD = "tag_add", "Tag added"
        TAG_REMOVE = "tag_remove", "Tag removed"
        ADD_QUOTE = "add_quote", "Quote added"
        MOVE_QUOTE = "move_quote", "Quote moved to another statement"
        SPLIT_GROUP = "split_group", "Statement split"
        MERGE_GROUPS = "merge_groups", "Statements merged"
        MOVE_ARTICLE = "move_article", "Article moved to another story"
        SPLIT_STORY = "split_story", "Story split"
        MERGE_STORIES = "merge_stories", "Stories merged"
        RENAME_STORY = "rename_story", "Story renamed"
        CORRECT_ARTICLE = "correct_article", "Article details corrected"
        UNDO = "undo", "Undo"

    class Target(models.TextChoices):
        QUOTE = "quote", "Quote"
        GROUP = "group", "Statement"
        ARTICLE = "article", "Article"
        STORY = "story", "Story"
        EDIT = "edit", "Edit"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="edits"
    )
    # Made by an import on its own (coverage.healing), not by an editor. Stored rather than read
    # from a missing user: a removed editor's changes have no user either.
    automatic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=20, choices=Action)
    target_type = models.CharField(max_length=10, choices=Target)
    target_id = models.PositiveBigIntegerField()
    summary = models.CharField(max_length=500)
    # history.snapshot() of everything the change touched, before and after it.
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    # Every quote the change touched, so a quote's history is one indexed lookup.
    quote_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    undone_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = EditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["-created_at"], name="edit_recent_idx"),
            GinIndex(fields=["quote_ids"], name="edit_quote_ids_idx"),
        ]

    def __str__(self):
        return self.summary

    @property
    def author(self) -> str:
        """Who made the change: an editor's name, "automatic" for what an import decided on its
        own, or "a removed account" for an editor since deleted."""
        if self.user:
            return self.user.get_username()
        return "automatic" if self.automatic else "a removed account"

    def get_target_url(self) -> str:
        """Where the changed thing is shown (it may have been removed since)."""
        target = self.Target
        if self.target_type == target.QUOTE:
            return reverse("articles:quote_edit", args=[self.target_id])
        if self.target_type == target.ARTICLE:
            return reverse("articles:article_detail", args=[self.target_id])
        if self.target_type == target.STORY:
            return reverse("articles:story_detail", args=[self.target_id])
        if self.target_type == target.GROUP:
            key = str(self.target_id)
            group = self.after.get("groups", {}).get(key) or self.before.get("groups", {}).get(key)
            if group:
                return reverse("articles:statement_detail", args=[group["story_id"], key])
        return ""

    def changes(self, names: dict | None = None) -> list[dict]:
        """What changed, field by field, in words: [{what, before, after}]. `names` (from
        history.names_for) names stories, statements, outlets and quotes; without it, by
        number."""
        # A statement is named as it was when this change was made (its snapshot's label).
        labels = {
            pk: row["label"]
            for state in (self.after, self.before)
            for pk, row in state.get("groups", {}).items()
            if row and row.get("label")
        }
        names = {**(names or {}), "groups": {**(names or {}).get("groups", {}), **labels}}
        lines = []
        for kind, label in (
            ("stories", "story"),
            ("articles", "article"),
            ("groups", "statement"),
            ("quotes", "quote"),
        ):
            before, after = self.before.get(kind, {}), self.after.get(kind, {})
            for pk in sorted(set(before) | set(after), key=int):
                old, new = before.get(pk), after.get(pk)
                known = names.get(kind, {}).get(pk)
                name = f"{label} {known}" if known else f"{label} #{pk}"
                if old is None and new is not None:
                    lines.append({"what": name, "before": "—", "after": "created"})
                elif new is None and old is not None:
                    lines.append({"what": name, "before": "existed", "after": "removed"})
                elif old and new:
                    lines.extend(_field_changes(name, old, new, names))
        return lines


CHANGE_LABELS = {
    "status": "status",
    "speaker": "speaker",
    "text": "words",
    "tag_names": "tags",
    "group_id": "statement",
    "story_id": "story",
    "title": "title",
    "published_at": "date",
    "published_precision": "date precision",
    "outlet_id": "outlet",
    "dateline": "dateline",
    "byline": "byline",
}


def _field_changes(name: str, old: dict, new: dict, names: dict) -> list[dict]:
    lines = []
    for field, label in CHANGE_LABELS.items():
        if field in old and old.get(field) != new.get(field):
            lines.append(
                {
                    "what": f"{name} {label}",
                    "before": _shown(field, old.get(field), names),
                    "after": _shown(field, new.get(field), names),
                }
            )
    return lines


# The snapshot fields holding another object's id, and where names_for names it.
NAMED_FIELDS = {"group_id": "groups", "story_id": "stories", "outlet_id": "outlets"}


def _shown(field: str, value, names: dict) -> str:
    if value in (None, "", []):
        return "none"
    if field == "tag_names":
        return ", ".join(value)
    if field in NAMED_FIELDS:
        return names.get(NAMED_FIELDS[field], {}).get(str(value)) or f"#{value}"
    return str(value)


# ----------------------------------------------------------------------------- background import


class ImportBatch(models.Model):
    """Files uploaded together and imported in the background (articles/tasks.py).

    The counts are kept up to date by each file's own transaction, so the progress page reads
    one row however large the batch is."""

    class Origin(models.TextChoices):
        UPLOAD = "upload", "Upload page"
        COMMAND = "command", "import_articles --background"

    # How a file can end (articles.imports.storing.FileReport.status): one count of each.
    COUNT_FIELDS = ("imported", "duplicate", "needs_outlet", "failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_batches",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.UPLOAD)
    label = models.CharField(max_length=300, blank=True, help_text="What was uploaded.")
    # The uploader's overrides, applied to every file of the batch.
    outlet = models.CharField(max_length=200, blank=True)
    published = models.DateField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicate = models.PositiveIntegerField(default=0)
    needs_outlet = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"Import #{self.pk}: {self.label}"

    def get_absolute_url(self):
        return url_with_pk("articles:upload_batch", self.pk)

    @property
    def done(self) -> int:
        return sum(self.summary.values())

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def summary(self) -> dict[str, int]:
        return {field: getattr(self, field) for field in self.COUNT_FIELDS}


class ImportItem(models.Model):
    """One file of a batch: its bytes until it is imported, then what became of it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting"
        IMPORTED = "imported", "Imported"
        DUPLICATE = "duplicate", "Already present"
        NEEDS_OUTLET = "needs_outlet", "Needs an outlet"
        FAILED = "failed", "Failed"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(max_length=500)
    data = models.BinaryField(default=b"", editable=False)  # emptied once the file is done
    size = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=Status, default=Status.QUEUED)
    message = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pending = models.ForeignKey(
        PendingUpload, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The task (django_tasks_db row) meant to import it; recovery hands it to a new one.
    task_id = models.UUIDField(null=True, blank=True)
    # Counted before each try, in a transaction of its own: a file that kills the worker
    # every time is given up on instead of being retried forever.
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["batch", "status"]),
            models.Index(
                fields=["task_id"],
                condition=models.Q(status="queued"),
                name="importitem_queued_task_idx",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.get_status_display()
