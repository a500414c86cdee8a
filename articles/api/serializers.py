"""What each API object holds. Every field is named here, so a new model field is never
published by accident; what a serializer reads is loaded by the view's query (no lazy loads)."""

from rest_framework import serializers

from articles.export import iso
from articles.models import Article, Edit, Outlet, Person, Quote, StatementGroup, Story


class PageUrlField(serializers.Field):
    """The object's page on the site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class OutletSerializer(serializers.ModelSerializer):
    page = PageUrlField()

    class Meta:
        model = Outlet
        fields = ["id", "slug", "name", "short_name", "kind", "country", "homepage", "page"]


class OutletBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "slug", "name", "short_name"]


class PersonSerializer(serializers.ModelSerializer):
    aliases = serializers.SerializerMethodField()
    page = PageUrlField()

    class Meta:
        model = Person
        fields = ["id", "name", "role", "aliases", "page"]

    def get_aliases(self, person) -> list[str]:
        return sorted(
            alias.alias for alias in person.aliases.all() if person.is_public_alias(alias.alias)
        )


class StorySerializer(serializers.ModelSerializer):
    """A story with its outlets in order of first coverage (from its prefetched articles)."""

    article_count = serializers.IntegerField(read_only=True)
    quote_count = serializers.IntegerField(read_only=True)
    outlets = serializers.SerializerMethodField()
    related = serializers.SerializerMethodField()
    page = PageUrlField()

    class Meta:
        model = Story
        fields = [
            "id",
            "title",
            "start_date",
            "end_date",
            "article_count",
            "quote_count",
            "outlets",
            "related",
            "page",
        ]

    def get_outlets(self, story) -> list[dict]:
        return OutletBriefSerializer(story.outlets(), many=True).data

    def get_related(self, story) -> list[int]:
        return [other.pk for other in story.related.all()]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = OutletBriefSerializer()
    story_id = serializers.IntegerField(read_only=True)
    published = serializers.SerializerMethodField()
    page = PageUrlField()

    class Meta:
        model = Article
        fields = [
            "id",
            "story_id",
            "outlet",
            "title",
            "dateline",
            "byline",
            "published",
            "published_precision",
            "page",
        ]

    def get_published(self, article):
        return iso(article.published_at)


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its clean text: paragraphs ({kind, text}), captions and standfirst."""

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "standfirst",
            "credits",
            "paragraphs",
            "captions",
        ]


class QuoteSerializer(serializers.ModelSerializer):
    """A quote where it stands: its article, outlet and story, speaker, statement, tags."""

    article_id = serializers.IntegerField(read_only=True)
    story_id = serializers.IntegerField(source="article.story_id", read_only=True)
    outlet = serializers.CharField(source="article.outlet.slug", read_only=True)
    published = serializers.SerializerMethodField()
    speaker_id = serializers.IntegerField(source="person_id", read_only=True)
    speaker = serializers.CharField(source="person.name", default=None, read_only=True)
    statement_id = serializers.IntegerField(source="group_id", read_only=True)
    tags = serializers.ListField(source="tag_names", read_only=True)

    class Meta:
        model = Quote
        fields = [
            "id",
            "article_id",
            "story_id",
            "outlet",
            "published",
            "text",
            "kind",
            "speaker_id",
            "speaker",
            "speaker_mention",
            "verb",
            "place",
            "start_paragraph",
            "start_offset",
            "end_paragraph",
            "end_offset",
            "confidence",
            "status",
            "statement_id",
            "tags",
        ]

    def get_published(self, quote):
        return iso(quote.article.published_at)


class StatementSerializer(serializers.ModelSerializer):
    """One statement: each outlet's wording (with its difference from the fullest), the
    outlets that carried it and, from the story's outlets in the context, those that did not."""

    story_id = serializers.IntegerField(read_only=True)
    speaker_id = serializers.IntegerField(read_only=True)
    fullest_quote_id = serializers.IntegerField(source="fullest_id", read_only=True)
    outlets = serializers.SerializerMethodField()
    not_reported_by = serializers.SerializerMethodField()
    members = serializers.SerializerMethodField()

    class Meta:
        model = StatementGroup
        fields = [
            "id",
            "story_id",
            "speaker_id",
            "fullest_quote_id",
            "outlets",
            "not_reported_by",
            "members",
        ]

    def get_outlets(self, group) -> list[str]:
        return sorted({quote.article.outlet.slug for quote in group.quotes.all()})

    def get_not_reported_by(self, group) -> list[str]:
        carried = set(self.get_outlets(group))
        story_outlets = self.context["story_outlets"].get(group.story_id, [])
        return [slug for slug in story_outlets if slug not in carried]

    def get_members(self, group) -> list[dict]:
        return [
            {
                "quote_id": quote.pk,
                "article_id": quote.article_id,
                "outlet": quote.article.outlet.slug,
                "text": quote.text,
                "verb": quote.verb,
                "status": quote.status,
                "diff": quote.diff,
            }
            for quote in group.quotes.all()
        ]


class EditSerializer(serializers.ModelSerializer):
    """One editorial change (editors only): who, when, what, and the state before and after."""

    user = serializers.CharField(source="user.username", default=None, read_only=True)
    undone_by_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Edit
        fields = [
            "id",
            "user",
            "created_at",
            "action",
            "target_type",
            "target_id",
            "summary",
            "quote_ids",
            "before",
            "after",
            "undone_by_id",
        ]
